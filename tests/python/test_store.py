"""StoreService: creating stores and reading them by id and handle."""

import pytest

import shopkit
from conftest import sign_in


def test_create_store_returns_store(platform, merchant):
    store = platform.stores.create_store(
        merchant, name="Linen Co", handle="linen-co", currency="USD",
        country="US")
    assert store.id.startswith("sto_")
    assert store.owner_id == merchant.user_id
    assert store.status is shopkit.StoreStatus.ACTIVE


def test_create_store_needs_merchant(platform, customer):
    with pytest.raises(shopkit.PermissionDenied):
        platform.stores.create_store(
            customer, name="Shop", handle="shop-x", currency="USD",
            country="US")


def test_create_store_anonymous(platform):
    with pytest.raises(shopkit.Unauthenticated):
        platform.stores.create_store(
            shopkit.Principal.anonymous(), name="Shop", handle="shop-x",
            currency="USD", country="US")


def test_create_store_bad_currency(platform, merchant):
    with pytest.raises(shopkit.InvalidArgument) as raised:
        platform.stores.create_store(
            merchant, name="Shop", handle="shop-x", currency="usd",
            country="US")
    assert raised.value.field == "currency"


def test_create_store_taken_handle(platform, merchant, store):
    with pytest.raises(shopkit.AlreadyExists):
        platform.stores.create_store(
            merchant, name="Other", handle=store.handle, currency="USD",
            country="US")


def test_list_my_stores(platform, merchant, store):
    memberships = platform.stores.list_my_stores(merchant)
    assert [m.store for m in memberships] == [store]
    assert memberships[0].role is shopkit.StoreRole.OWNER


def test_get_store_hidden_from_strangers(platform, store):
    stranger = sign_in(platform)[1]
    with pytest.raises(shopkit.NotFound):
        platform.stores.get_store(stranger, store.id)


def test_get_store_for_owner(platform, merchant, store):
    assert platform.stores.get_store(merchant, store.id) == store


def test_get_public_store_hides_owner(platform, store):
    public = platform.stores.get_public_store(store.handle)
    assert public.id == store.id
    assert public.owner_id is None


def test_get_public_store_unknown(platform):
    with pytest.raises(shopkit.NotFound):
        platform.stores.get_public_store("no-such-store")


def test_store_dict_round_trip(store):
    assert shopkit.Store.from_dict(store.to_dict()) == store
