"""The /api/v1/admin/stores/{store_id} routes: settings, catalog, stock
and orders, for members of the store."""

from conftest import checkout, create_product, product_body, sign_up


def admin_path(shop, suffix=""):
    return f"/api/v1/admin/stores/{shop['store']['id']}{suffix}"


def test_get_store_with_settings(host, shop):
    response = host.call("GET", admin_path(shop), token=shop["token"])
    assert response.status == 200
    body = response.json()
    assert body["id"] == shop["store"]["id"]
    assert body["settings"]["currency"] == "USD"
    assert body["settings"]["tax_rate_bps"] == 0


def test_patch_store_settings(host, shop):
    response = host.call("PATCH", admin_path(shop), {
        "name": "Renamed Shop", "tax_rate_bps": 825,
        "flat_shipping": {"amount": 500, "currency": "USD"}},
        token=shop["token"])
    assert response.status == 200, response
    body = response.json()
    assert body["name"] == "Renamed Shop"
    assert body["settings"]["tax_rate_bps"] == 825
    assert body["settings"]["flat_shipping"]["amount"] == 500
    # Put the defaults back for the other tests of this module.
    host.call("PATCH", admin_path(shop), {
        "tax_rate_bps": 0, "flat_shipping": {"amount": 0, "currency": "USD"}},
        token=shop["token"])


def test_patch_store_rejects_bad_tax(host, shop):
    response = host.call("PATCH", admin_path(shop), {"tax_rate_bps": 20000},
                         token=shop["token"])
    assert response.status == 400
    assert response.json()["error"]["field"] == "tax_rate_bps"


def test_stranger_sees_404(host, shop):
    _, stranger = sign_up(host, "merchant")
    for method, suffix in [("GET", ""), ("GET", "/products"),
                           ("GET", "/orders")]:
        response = host.call(method, admin_path(shop, suffix), token=stranger)
        assert response.status == 404, suffix
    unknown = host.call("GET", "/api/v1/admin/stores/sto_unknown",
                        token=stranger)
    assert unknown.status == 404
    assert unknown.error_code() == "not_found"


def test_admin_needs_sign_in(host, shop):
    assert host.call("GET", admin_path(shop)).status == 401


def test_list_products_includes_drafts(host, shop):
    response = host.call("GET", admin_path(shop, "/products"),
                         token=shop["token"])
    assert response.status == 200
    titles = sorted(p["title"] for p in response.json()["items"])
    assert "Secret Draft" in titles
    drafts = host.call("GET", admin_path(shop, "/products?status=draft"),
                       token=shop["token"]).json()["items"]
    assert [p["title"] for p in drafts] == ["Secret Draft"]


def test_create_product_returns_it(host, shop):
    response = host.call("POST", admin_path(shop, "/products"),
                         product_body("Wool Hat", "HAT-1"),
                         token=shop["token"])
    assert response.status == 201
    product = response.json()
    assert product["id"].startswith("prd_")
    assert product["handle"] == "wool-hat"
    assert product["variants"][0]["stock"] == 12


def test_create_product_duplicate_sku(host, shop):
    response = host.call("POST", admin_path(shop, "/products"),
                         product_body("Copy Shirt", "LS-M"),
                         token=shop["token"])
    assert response.status == 409
    assert response.error_code() == "already_exists"


def test_create_product_rejects_float_price(host, shop):
    body = product_body("Float", "FL-1")
    body["variants"][0]["price"] = {"amount": 19.99, "currency": "USD"}
    response = host.call("POST", admin_path(shop, "/products"), body,
                         token=shop["token"])
    assert response.status == 400
    assert response.json()["error"]["field"] == "variants[0].price.amount"


def test_get_patch_delete_product(host, shop):
    product = create_product(host, shop["token"], shop["store"]["id"],
                             "Temp Scarf", "SC-1")
    path = admin_path(shop, f"/products/{product['id']}")
    got = host.call("GET", path, token=shop["token"])
    assert got.status == 200
    assert got.json()["title"] == "Temp Scarf"
    by_handle = host.call(
        "GET", admin_path(shop, f"/products/by-handle/{product['handle']}"),
        token=shop["token"])
    assert by_handle.status == 200
    assert by_handle.json()["id"] == product["id"]
    patched = host.call("PATCH", path, {"title": "Warm Scarf"},
                        token=shop["token"])
    assert patched.status == 200
    assert patched.json()["title"] == "Warm Scarf"
    assert patched.json()["variants"][0]["sku"] == "SC-1"
    deleted = host.call("DELETE", path, token=shop["token"])
    assert deleted.status == 204
    assert host.call("GET", path, token=shop["token"]).status == 404


def test_stock_adjust_set_and_ledger(host, shop):
    product = create_product(host, shop["token"], shop["store"]["id"],
                             "Stock Sock", "SOCK-1", stock=5)
    stock = host.call("GET", admin_path(shop, "/inventory?sku=SOCK-1"),
                      token=shop["token"])
    assert stock.status == 200
    assert stock.json()["stock"] == 5
    adjusted = host.call("POST", admin_path(shop, "/inventory/adjust"),
                         {"sku": "SOCK-1", "delta": -2, "reason": "damaged"},
                         token=shop["token"])
    assert adjusted.status == 200
    assert adjusted.json()["stock"] == 3
    assert adjusted.json()["product_id"] == product["id"]
    stale = host.call("POST", admin_path(shop, "/inventory/set"),
                      {"sku": "SOCK-1", "stock": 10, "reason": "count",
                       "expected_stock": 5}, token=shop["token"])
    assert stale.status == 409
    assert stale.error_code() == "conflict"
    fresh = host.call("POST", admin_path(shop, "/inventory/set"),
                      {"sku": "SOCK-1", "stock": 10, "reason": "count",
                       "expected_stock": 3}, token=shop["token"])
    assert fresh.status == 200
    assert fresh.json()["stock"] == 10
    ledger = host.call("GET", admin_path(shop, "/inventory/ledger?sku=SOCK-1"),
                       token=shop["token"])
    assert ledger.status == 200
    assert [row["delta"] for row in ledger.json()["items"]] == [7, -2, 5]


def test_stock_below_zero_is_409(host, shop):
    response = host.call("POST", admin_path(shop, "/inventory/adjust"),
                         {"sku": "MUG-1", "delta": -1000, "reason": "oops"},
                         token=shop["token"])
    assert response.status == 409


def test_stock_needs_sku(host, shop):
    response = host.call("GET", admin_path(shop, "/inventory"),
                         token=shop["token"])
    assert response.status == 400
    assert response.json()["error"]["field"] == "sku"


def test_order_lifecycle(host, shop):
    placed = checkout(host, shop["store"]["handle"], "LS-M").json()
    orders = host.call("GET", admin_path(shop, "/orders?status=pending"),
                       token=shop["token"])
    assert orders.status == 200
    assert placed["id"] in [o["id"] for o in orders.json()["items"]]
    path = admin_path(shop, f"/orders/{placed['id']}")
    assert host.call("GET", path, token=shop["token"]).json()["status"] == \
        "pending"
    early = host.call("POST", path + "/fulfill", token=shop["token"])
    assert early.status == 409
    assert early.error_code() == "failed_precondition"
    paid = host.call("POST", path + "/pay", token=shop["token"])
    assert paid.status == 200
    assert paid.json()["status"] == "paid"
    refund = host.call("POST", path + "/refunds", {
        "amount": {"amount": 1000, "currency": "USD"}, "reason": "scratch"},
        token=shop["token"])
    assert refund.status == 201
    assert refund.json()["refunded"]["amount"] == 1000
    fulfilled = host.call("POST", path + "/fulfill", token=shop["token"])
    assert fulfilled.status == 200
    assert fulfilled.json()["status"] == "fulfilled"


def test_cancel_restocks(host, shop):
    before = host.call("GET", admin_path(shop, "/inventory?sku=LS-M"),
                       token=shop["token"]).json()["stock"]
    placed = checkout(host, shop["store"]["handle"], "LS-M").json()
    cancelled = host.call(
        "POST", admin_path(shop, f"/orders/{placed['id']}/cancel"),
        token=shop["token"])
    assert cancelled.status == 200
    assert cancelled.json()["status"] == "cancelled"
    after = host.call("GET", admin_path(shop, "/inventory?sku=LS-M"),
                      token=shop["token"]).json()["stock"]
    assert after == before


def test_refund_needs_amount(host, shop):
    placed = checkout(host, shop["store"]["handle"], "LS-M").json()
    response = host.call(
        "POST", admin_path(shop, f"/orders/{placed['id']}/refunds"),
        {"reason": "no amount"}, token=shop["token"])
    assert response.status == 400
    assert response.json()["error"]["field"] == "amount"


CSV = ("Handle,Title,Body (HTML),Vendor,Type,Tags,Published,Option1 Name,"
       "Option1 Value,Variant SKU,Variant Inventory Qty,Variant Price,Status\n"
       "csv-tea,CSV Tea,<p>Tea</p>,Harbor,Tea,green,true,Size,50 g,CSV-TEA-50,"
       "10,6.50,active\n"
       "csv-tea,,,,,,,,200 g,CSV-TEA-200,5,19.00,\n"
       "bad-row,Bad Row,,,,,true,Size,One,CSV-BAD,1,not-a-price,active\n")


def test_import_dry_run_changes_nothing(host, shop):
    response = host.call("POST", admin_path(shop, "/import?dry_run=true"),
                         raw_body=CSV, content_type="text/csv",
                         token=shop["token"])
    assert response.status == 200, response
    report = response.json()
    assert report["dry_run"] is True
    assert report["products_created"] == 1
    assert report["error_count"] == 1
    assert report["errors"][0]["column"] == "Variant Price"
    assert host.call("GET", admin_path(shop, "/inventory?sku=CSV-TEA-50"),
                     token=shop["token"]).status == 404


def test_import_then_export(host, shop):
    response = host.call("POST", admin_path(shop, "/import"), raw_body=CSV,
                         content_type="text/csv", token=shop["token"])
    assert response.status == 200
    report = response.json()
    assert report["products_created"] == 1
    assert report["variants_written"] == 2
    assert report["products_skipped"] == 1
    stock = host.call("GET", admin_path(shop, "/inventory?sku=CSV-TEA-200"),
                      token=shop["token"])
    assert stock.json()["stock"] == 5

    exported = host.call("GET", admin_path(shop, "/export"),
                         token=shop["token"])
    assert exported.status == 200
    assert exported.headers["Content-Type"].startswith("text/csv")
    text = exported.body.decode()
    assert text.startswith("Handle,")
    assert "CSV-TEA-200" in text
    assert "LS-M" in text


def test_import_rejects_json_body(host, shop):
    response = host.call("POST", admin_path(shop, "/import"), {"a": 1},
                         token=shop["token"])
    assert response.status == 400
    assert response.json()["error"]["field"] == "body"


def test_import_rejects_unknown_layout(host, shop):
    response = host.call("POST", admin_path(shop, "/import"),
                         raw_body="foo,bar\n1,2\n", content_type="text/csv",
                         token=shop["token"])
    assert response.status == 400
