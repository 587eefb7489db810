"""AdminService: the catalog calls of a store's panel."""

import pytest

import shopkit
from conftest import shirt, sign_in


def test_create_product_from_dict(platform, merchant, store):
    product = platform.admin.create_product(merchant, store.id, shirt())
    assert product.id.startswith("prd_")
    assert product.handle == "linen-shirt"
    assert product.status is shopkit.ProductStatus.ACTIVE
    assert product.variants[0].price == shopkit.Money(4999, "USD")
    assert product.variants[0].stock == 12
    assert product.images[0].position == 1


def test_create_product_from_keywords(platform, merchant, store):
    product = platform.admin.create_product(
        merchant, store.id, title="Mug",
        variants=[shopkit.VariantInput(
            sku="MUG-1", price=shopkit.Money.parse("9.50", "USD"), stock=3)])
    assert product.title == "Mug"
    assert product.status is shopkit.ProductStatus.DRAFT


def test_create_product_from_input_object(platform, merchant, store):
    product_input = shopkit.ProductInput.from_dict(shirt())
    product = platform.admin.create_product(merchant, store.id, product_input)
    assert product.title == product_input.title


def test_create_product_rejects_both_forms(platform, merchant, store):
    with pytest.raises(TypeError, match="not both"):
        platform.admin.create_product(merchant, store.id, shirt(), title="X")


def test_create_product_duplicate_sku(platform, merchant, store):
    platform.admin.create_product(merchant, store.id, shirt())
    with pytest.raises(shopkit.AlreadyExists) as raised:
        platform.admin.create_product(merchant, store.id, shirt())
    assert "LS-S-BLU" in raised.value.message


def test_create_product_wrong_currency(platform, merchant, store):
    product = shirt()
    product["variants"][0]["price"] = {"amount": 100, "currency": "EUR"}
    with pytest.raises(shopkit.InvalidArgument):
        platform.admin.create_product(merchant, store.id, product)


def test_create_product_stranger_gets_not_found(platform, store):
    stranger = sign_in(platform)[1]
    with pytest.raises(shopkit.NotFound):
        platform.admin.create_product(stranger, store.id, shirt())


def test_get_product_by_id_and_handle(platform, merchant, store):
    created = platform.admin.create_product(merchant, store.id, shirt())
    assert platform.admin.get_product(merchant, store.id, created.id) == created
    by_handle = platform.admin.get_product_by_handle(
        merchant, store.id, created.handle)
    assert by_handle == created


def test_update_product_keywords(platform, merchant, store, clock):
    created = platform.admin.create_product(merchant, store.id, shirt())
    updated = platform.admin.update_product(
        merchant, store.id, created.id, title="Linen Shirt II",
        tags=["summer", "sale"])
    assert updated.title == "Linen Shirt II"
    assert updated.tags == ["summer", "sale"]
    assert updated.handle == created.handle


def test_update_product_object(platform, merchant, store):
    created = platform.admin.create_product(merchant, store.id, shirt())
    change = shopkit.ProductUpdate(status=shopkit.ProductStatus.ARCHIVED)
    updated = platform.admin.update_product(
        merchant, store.id, created.id, change)
    assert updated.status is shopkit.ProductStatus.ARCHIVED


def test_delete_product(platform, merchant, store):
    created = platform.admin.create_product(merchant, store.id, shirt())
    platform.admin.delete_product(merchant, store.id, created.id)
    with pytest.raises(shopkit.NotFound):
        platform.admin.get_product(merchant, store.id, created.id)


def test_list_products_pages_by_cursor(platform, merchant, store):
    for index in range(5):
        platform.admin.create_product(
            merchant, store.id, shirt(sku=f"SKU-{index}"))
    first = platform.admin.list_products(merchant, store.id, limit=2)
    assert len(first.items) == 2
    assert first.next_cursor is not None
    second = platform.admin.list_products(
        merchant, store.id, limit=2, cursor=first.next_cursor)
    first_ids = {product.id for product in first}
    assert not first_ids & {product.id for product in second}


def test_iter_products_yields_all(platform, merchant, store):
    for index in range(5):
        platform.admin.create_product(
            merchant, store.id, shirt(sku=f"SKU-{index}"))
    products = list(platform.admin.iter_products(merchant, store.id, limit=2))
    assert len(products) == 5
    assert len({product.id for product in products}) == 5


def test_paginate_list_products(platform, merchant, store):
    for index in range(3):
        platform.admin.create_product(
            merchant, store.id, shirt(sku=f"SKU-{index}"))
    skus = {
        product.variants[0].sku
        for product in shopkit.paginate(
            platform.admin.list_products, merchant, store.id, limit=1)
    }
    assert skus == {"SKU-0", "SKU-1", "SKU-2"}


def test_list_products_search_filters(platform, merchant, store):
    platform.admin.create_product(merchant, store.id, shirt(sku="A-1"))
    platform.admin.create_product(
        merchant, store.id, title="Wool Hat",
        variants=[{"sku": "HAT-1", "price": {"amount": 500,
                                             "currency": "USD"}}])
    page = platform.admin.list_products(
        merchant, store.id, q="wool", sort=shopkit.ProductSort.RELEVANCE)
    assert [product.title for product in page] == ["Wool Hat"]


def test_list_products_search_object(platform, merchant, store):
    platform.admin.create_product(merchant, store.id, shirt())
    search = shopkit.ProductSearch(
        max_price=shopkit.Money.parse("10.00", "USD"))
    assert platform.admin.list_products(merchant, store.id, search).items == []


def test_list_products_bad_limit(platform, merchant, store):
    with pytest.raises(shopkit.InvalidArgument):
        platform.admin.list_products(merchant, store.id, limit=0)
