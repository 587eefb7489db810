"""The public /api/v1/stores routes: stores, catalog, checkout and the
buyer's own orders."""

from conftest import ADDRESS, checkout, create_store, sign_up


def test_create_store_returns_id(host):
    _, token = sign_up(host, "merchant")
    store = create_store(host, token)
    assert store["id"].startswith("sto_")
    assert store["currency"] == "USD"
    assert store["status"] == "active"


def test_create_store_needs_merchant(host):
    _, token = sign_up(host, "customer")
    response = host.call("POST", "/api/v1/stores", {
        "name": "Nope", "handle": "nope-store", "currency": "USD",
        "country": "US"}, token=token)
    assert response.status == 403
    assert response.error_code() == "permission_denied"


def test_create_store_needs_sign_in(host):
    response = host.call("POST", "/api/v1/stores", {
        "name": "Nope", "handle": "anon-store", "currency": "USD",
        "country": "US"})
    assert response.status == 401


def test_create_store_duplicate_handle(host, shop):
    response = host.call("POST", "/api/v1/stores", {
        "name": "Copy", "handle": shop["store"]["handle"], "currency": "USD",
        "country": "US"}, token=shop["token"])
    assert response.status == 409
    assert response.error_code() == "already_exists"


def test_list_my_stores(host, shop):
    response = host.call("GET", "/api/v1/stores", token=shop["token"])
    assert response.status == 200
    body = response.json()
    assert [item["id"] for item in body["items"]] == [shop["store"]["id"]]
    assert body["items"][0]["role"] == "owner"
    assert body["next_cursor"] is None


def test_public_store_hides_owner(host, shop):
    response = host.call("GET", f"/api/v1/stores/{shop['store']['handle']}")
    assert response.status == 200
    assert response.json()["id"] == shop["store"]["id"]
    assert response.json()["owner_id"] is None


def test_unknown_store_is_404(host):
    response = host.call("GET", "/api/v1/stores/no-such-store")
    assert response.status == 404
    assert response.error_code() == "not_found"


def test_catalog_lists_active_products(host, shop):
    handle = shop["store"]["handle"]
    response = host.call("GET", f"/api/v1/stores/{handle}/products")
    assert response.status == 200
    titles = sorted(item["title"] for item in response.json()["items"])
    assert titles == ["Blue Mug", "Linen Shirt"]


def test_catalog_search_and_filters(host, shop):
    handle = shop["store"]["handle"]
    base = f"/api/v1/stores/{handle}/products"
    assert [p["title"] for p in host.call("GET", base + "?q=linen").json()[
        "items"]] == ["Linen Shirt"]
    assert [p["title"] for p in host.call(
        "GET", base + "?category=mugs").json()["items"]] == ["Blue Mug"]
    assert [p["title"] for p in host.call(
        "GET", base + "?max_price=2000").json()["items"]] == ["Blue Mug"]
    assert [p["title"] for p in host.call(
        "GET", base + "?min_price=2000&in_stock=true").json()["items"]] == [
        "Linen Shirt"]
    assert [p["title"] for p in host.call(
        "GET", base + "?sort=price").json()["items"]] == [
        "Blue Mug", "Linen Shirt"]


def test_catalog_pages_with_cursor(host, shop):
    handle = shop["store"]["handle"]
    first = host.call("GET", f"/api/v1/stores/{handle}/products?limit=1"
                      "&sort=title").json()
    assert [p["title"] for p in first["items"]] == ["Blue Mug"]
    assert first["next_cursor"]
    second = host.call("GET", f"/api/v1/stores/{handle}/products?limit=1"
                       f"&sort=title&cursor={first['next_cursor']}").json()
    assert [p["title"] for p in second["items"]] == ["Linen Shirt"]
    assert second["next_cursor"] is None


def test_catalog_rejects_bad_query(host, shop):
    handle = shop["store"]["handle"]
    for query, field in [("limit=abc", "limit"), ("limit=0", "limit"),
                         ("in_stock=maybe", "in_stock"),
                         ("sort=random", "sort"), ("min_price=1.5", "min_price"),
                         ("cursor=garbage", None)]:
        response = host.call("GET", f"/api/v1/stores/{handle}/products?{query}")
        assert response.status == 400, (query, response)
        if field:
            assert response.json()["error"]["field"] == field, query


def test_product_by_handle(host, shop):
    handle = shop["store"]["handle"]
    response = host.call(
        "GET", f"/api/v1/stores/{handle}/products/{shop['shirt']['handle']}")
    assert response.status == 200
    product = response.json()
    assert product["variants"][0]["sku"] == "LS-M"
    assert product["variants"][0]["price"] == {"amount": 4999,
                                               "currency": "USD"}
    assert product["images"][0]["alt"] == "Front"


def test_draft_product_is_hidden(host, shop):
    handle = shop["store"]["handle"]
    response = host.call(
        "GET", f"/api/v1/stores/{handle}/products/{shop['draft']['handle']}")
    assert response.status == 404


def test_checkout_creates_order(host, shop):
    handle = shop["store"]["handle"]
    response = checkout(host, handle, "LS-M", quantity=2)
    assert response.status == 201, response
    order = response.json()
    assert order["id"].startswith("ord_")
    assert order["status"] == "pending"
    assert order["lines"][0]["sku"] == "LS-M"
    assert order["subtotal"] == {"amount": 9998, "currency": "USD"}
    assert order["total"]["amount"] >= 9998
    assert order["number"] >= 1


def test_checkout_is_idempotent(host, shop):
    handle = shop["store"]["handle"]
    first = checkout(host, handle, "LS-M", key="same-key-1")
    again = checkout(host, handle, "LS-M", key="same-key-1")
    assert first.status == 201
    assert again.status == 201
    assert again.json()["id"] == first.json()["id"]
    other = checkout(host, handle, "LS-M", quantity=3, key="same-key-1")
    assert other.status == 409
    assert other.error_code() == "conflict"


def test_checkout_key_is_per_buyer(host, shop):
    handle = shop["store"]["handle"]
    _, ann = sign_up(host, "customer")
    _, bob = sign_up(host, "customer")
    first = checkout(host, handle, "LS-M", key="shared-key-1", token=ann)
    second = checkout(host, handle, "LS-M", key="shared-key-1", token=bob)
    assert first.status == 201
    assert second.status == 201
    assert second.json()["id"] != first.json()["id"]
    again = checkout(host, handle, "LS-M", key="shared-key-1", token=ann)
    assert again.json()["id"] == first.json()["id"]


def test_checkout_over_stock_is_409(host, shop):
    handle = shop["store"]["handle"]
    response = checkout(host, handle, "MUG-1", quantity=50)
    assert response.status == 409
    assert response.error_code() == "conflict"


def test_checkout_needs_idempotency_key(host, shop):
    handle = shop["store"]["handle"]
    response = host.call(
        "POST", f"/api/v1/stores/{handle}/checkout",
        {"lines": [{"sku": "LS-M", "quantity": 1}],
         "email": "buyer@example.com", "shipping_address": ADDRESS})
    assert response.status == 400
    assert response.json()["error"]["field"] == "idempotency_key"


def test_checkout_ignores_client_prices(host, shop):
    handle = shop["store"]["handle"]
    response = host.call(
        "POST", f"/api/v1/stores/{handle}/checkout",
        {"lines": [{"sku": "LS-M", "quantity": 1,
                    "price": {"amount": 1, "currency": "USD"}}],
         "email": "buyer@example.com", "shipping_address": ADDRESS,
         "total": {"amount": 1, "currency": "USD"}},
        headers={"Idempotency-Key": "price-trick"})
    assert response.status == 201
    assert response.json()["subtotal"]["amount"] == 4999


def test_my_orders_as_customer(host, shop):
    handle = shop["store"]["handle"]
    _, token = sign_up(host, "customer")
    placed = checkout(host, handle, "LS-M", token=token).json()
    listed = host.call("GET", f"/api/v1/stores/{handle}/orders", token=token)
    assert listed.status == 200
    assert [o["id"] for o in listed.json()["items"]] == [placed["id"]]
    one = host.call("GET", f"/api/v1/stores/{handle}/orders/{placed['id']}",
                    token=token)
    assert one.status == 200
    assert one.json()["number"] == placed["number"]


def test_other_customers_order_is_404(host, shop):
    handle = shop["store"]["handle"]
    _, owner_token = sign_up(host, "customer")
    placed = checkout(host, handle, "LS-M", token=owner_token).json()
    _, other_token = sign_up(host, "customer")
    response = host.call(
        "GET", f"/api/v1/stores/{handle}/orders/{placed['id']}",
        token=other_token)
    assert response.status == 404


def test_my_orders_needs_sign_in(host, shop):
    handle = shop["store"]["handle"]
    assert host.call("GET", f"/api/v1/stores/{handle}/orders").status == 401
