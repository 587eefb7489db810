"""Checkout through StoreService and orders through AdminService."""

import pytest

import shopkit
from conftest import ADDRESS, buy, shirt, sign_in


@pytest.fixture
def product(platform, merchant, store):
    return platform.admin.create_product(merchant, store.id, shirt(stock=5))


def test_public_catalog(platform, store, product):
    anonymous = shopkit.Principal.anonymous()
    page = platform.stores.search_products(anonymous, store.handle, q="linen")
    assert [found.id for found in page] == [product.id]
    found = platform.stores.get_product(anonymous, store.handle,
                                        product.handle)
    assert found == product


def test_public_catalog_hides_drafts(platform, merchant, store):
    platform.admin.create_product(
        merchant, store.id, title="Secret",
        variants=[{"sku": "S-1", "price": {"amount": 1, "currency": "USD"}}])
    anonymous = shopkit.Principal.anonymous()
    assert list(platform.stores.iter_products(anonymous, store.handle)) == []


def test_checkout_prices_from_store(platform, store, product):
    order = buy(platform, store, quantity=2)
    assert order.number == 1
    assert order.status is shopkit.OrderStatus.PENDING
    assert order.subtotal == shopkit.Money(9998, "USD")
    assert order.lines[0].title == "Linen Shirt"
    assert order.user_id is None


def test_checkout_with_request_object(platform, store, product):
    request = shopkit.CheckoutRequest(
        lines=[shopkit.CheckoutLine(sku="LS-S-BLU", quantity=1)],
        email="buyer@example.com",
        shipping_address=shopkit.Address(**ADDRESS),
        idempotency_key="object-1")
    order = platform.stores.checkout(
        shopkit.Principal.anonymous(), store.handle, request)
    assert order.total.currency == "USD"


def test_checkout_same_key_same_order(platform, store, product):
    first = buy(platform, store, key="k")
    second = buy(platform, store, key="k")
    assert first == second


def test_checkout_key_reused_for_other_request(platform, store, product):
    buy(platform, store, key="k")
    with pytest.raises(shopkit.Conflict):
        buy(platform, store, key="k", quantity=2)


def test_checkout_key_is_per_buyer(platform, store, product):
    ann = sign_in(platform, shopkit.PlatformRole.CUSTOMER, "Ann")[1]
    bob = sign_in(platform, shopkit.PlatformRole.CUSTOMER, "Bob")[1]
    anns = buy(platform, store, key="cart-1", principal=ann)
    bobs = buy(platform, store, key="cart-1", principal=bob)
    assert bobs.id != anns.id
    assert buy(platform, store, key="cart-1", principal=ann) == anns


def test_checkout_short_stock(platform, store, product):
    with pytest.raises(shopkit.Conflict) as raised:
        buy(platform, store, quantity=6)
    assert "LS-S-BLU" in raised.value.message


def test_checkout_missing_field(platform, store, product):
    with pytest.raises(shopkit.InvalidArgument):
        platform.stores.checkout(
            shopkit.Principal.anonymous(), store.handle,
            lines=[{"sku": "LS-S-BLU", "quantity": 1}],
            shipping_address=ADDRESS, idempotency_key="k")


def test_my_orders(platform, store, product):
    user, buyer = sign_in(platform, shopkit.PlatformRole.CUSTOMER)
    order = buy(platform, store, key="mine", principal=buyer)
    assert order.user_id == user.id
    mine = platform.stores.list_my_orders(buyer, store.handle)
    assert [listed.id for listed in mine] == [order.id]
    assert platform.stores.get_my_order(buyer, store.handle, order.id) == order
    other = sign_in(platform, shopkit.PlatformRole.CUSTOMER)[1]
    with pytest.raises(shopkit.NotFound):
        platform.stores.get_my_order(other, store.handle, order.id)


def test_my_orders_anonymous(platform, store):
    with pytest.raises(shopkit.Unauthenticated):
        platform.stores.list_my_orders(shopkit.Principal.anonymous(),
                                       store.handle)


def test_order_lifecycle(platform, merchant, store, product):
    order = buy(platform, store)
    paid = platform.admin.pay_order(merchant, store.id, order.id)
    assert paid.status is shopkit.OrderStatus.PAID
    assert paid.paid_at is not None
    fulfilled = platform.admin.fulfill_order(merchant, store.id, order.id)
    assert fulfilled.status is shopkit.OrderStatus.FULFILLED
    with pytest.raises(shopkit.FailedPrecondition):
        platform.admin.cancel_order(merchant, store.id, order.id)


def test_cancel_restocks(platform, merchant, store, product):
    order = buy(platform, store, quantity=3)
    assert platform.admin.get_stock(merchant, store.id, "LS-S-BLU").stock == 2
    platform.admin.cancel_order(merchant, store.id, order.id)
    assert platform.admin.get_stock(merchant, store.id, "LS-S-BLU").stock == 5


def test_refund_partial(platform, merchant, store, product):
    order = buy(platform, store)
    platform.admin.pay_order(merchant, store.id, order.id)
    refunded = platform.admin.refund_order(
        merchant, store.id, order.id, shopkit.Money(1000, "USD"), "damaged")
    assert refunded.refunded == shopkit.Money(1000, "USD")
    assert refunded.refunds[0].reason == "damaged"
    with pytest.raises(shopkit.FailedPrecondition):
        platform.admin.refund_order(
            merchant, store.id, order.id, order.total, "too much")


def test_list_orders_by_status(platform, merchant, store, product):
    first = buy(platform, store, key="a")
    buy(platform, store, key="b")
    platform.admin.pay_order(merchant, store.id, first.id)
    paid = platform.admin.list_orders(
        merchant, store.id, status=shopkit.OrderStatus.PAID)
    assert [order.id for order in paid] == [first.id]
    every = list(platform.admin.iter_orders(merchant, store.id, limit=1))
    assert len(every) == 2
    assert platform.admin.get_order(merchant, store.id, first.id).number == 1


def test_stock_adjust_and_ledger(platform, merchant, store, product):
    level = platform.admin.adjust_stock(
        merchant, store.id, "LS-S-BLU", -2, "damaged")
    assert level.stock == 3
    with pytest.raises(shopkit.Conflict):
        platform.admin.adjust_stock(
            merchant, store.id, "LS-S-BLU", -4, "too many")
    entries = list(platform.admin.iter_inventory_ledger(
        merchant, store.id, "LS-S-BLU", limit=1))
    assert [entry.delta for entry in entries] == [-2, 5]
    assert entries[0].reason == "damaged"
    assert entries[0].actor_id == merchant.user_id


def test_set_stock_compare_and_swap(platform, merchant, store, product):
    level = platform.admin.set_stock(
        merchant, store.id, "LS-S-BLU", 9, "count", expected=5)
    assert level.stock == 9
    with pytest.raises(shopkit.Conflict):
        platform.admin.set_stock(
            merchant, store.id, "LS-S-BLU", 1, "count", expected=5)


def test_settings_change_checkout_totals(platform, merchant, store, product):
    settings = platform.admin.update_settings(
        merchant, store.id, tax_rate_bps=1000,
        flat_shipping=shopkit.Money(500, "USD"))
    assert settings.tax_rate_bps == 1000
    assert platform.admin.get_settings(merchant, store.id) == settings
    order = buy(platform, store)
    assert order.tax == shopkit.Money(500, "USD")
    assert order.shipping == shopkit.Money(500, "USD")
    assert order.total == order.subtotal + order.tax + order.shipping


def test_update_store_renames(platform, merchant, store):
    renamed = platform.stores.update_store(merchant, store.id, name="Linen 2")
    assert renamed.name == "Linen 2"
