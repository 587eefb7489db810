"""Themes (public catalog and super-admin management), store members and
a store's theme settings."""

import pytest

from conftest import cli_store, sign_up, unique_email

MANIFEST = {"settings": [
    {"key": "accent", "type": "color", "label": "Accent", "default": "#112233"},
    {"key": "columns", "type": "number", "label": "Columns", "default": 3,
     "min": 1, "max": 6, "step": 1},
]}


@pytest.fixture(scope="module")
def owner(host):
    user, token = sign_up(host, "merchant")
    store_id = cli_store(host, user["email"])
    return {"user": user, "token": token, "store_id": store_id}


def test_published_themes_are_public(host):
    response = host.call("GET", "/api/v1/themes")
    assert response.status == 200
    handles = [theme["handle"] for theme in response.json()["items"]]
    assert {"classic", "bold", "minimal"} <= set(handles)
    assert response.json()["next_cursor"] is None


def test_get_theme_by_handle(host):
    response = host.call("GET", "/api/v1/themes/classic")
    assert response.status == 200
    assert response.json()["status"] == "published"
    assert "settings" in response.json()["manifest"]


def test_theme_lifecycle_as_super_admin(host, root_token):
    handle = "test-theme"
    created = host.call("POST", "/api/v1/super-admin/themes", {
        "name": "Test Theme", "handle": handle, "version": "1.0.0",
        "description": "For tests", "manifest": MANIFEST}, token=root_token)
    assert created.status == 201, created
    assert created.json()["status"] == "draft"
    assert host.call("GET", f"/api/v1/themes/{handle}").status == 404

    drafts = host.call("GET", "/api/v1/super-admin/themes?status=draft",
                       token=root_token)
    assert drafts.status == 200
    assert handle in [theme["handle"] for theme in drafts.json()["items"]]

    updated = host.call("PUT", f"/api/v1/super-admin/themes/{handle}", {
        "name": "Test Theme", "version": "1.0.1", "manifest": MANIFEST},
        token=root_token)
    assert updated.status == 200
    assert updated.json()["version"] == "1.0.1"

    published = host.call(
        "POST", f"/api/v1/super-admin/themes/{handle}/publish",
        token=root_token)
    assert published.status == 200
    assert published.json()["status"] == "published"
    assert host.call("GET", f"/api/v1/themes/{handle}").status == 200

    retired = host.call("POST", f"/api/v1/super-admin/themes/{handle}/retire",
                        token=root_token)
    assert retired.status == 200
    assert retired.json()["status"] == "retired"


def test_theme_manifest_errors_name_the_setting(host, root_token):
    bad = {"settings": [{"key": "columns", "type": "number", "label": "C",
                         "default": 9, "min": 1, "max": 6}]}
    response = host.call("POST", "/api/v1/super-admin/themes", {
        "name": "Bad", "handle": "bad-theme", "version": "1", "manifest": bad},
        token=root_token)
    assert response.status == 400
    assert "columns" in response.json()["error"]["message"]


def test_theme_admin_needs_super_admin(host):
    _, token = sign_up(host, "merchant")
    response = host.call("POST", "/api/v1/super-admin/themes", {
        "name": "Mine", "handle": "mine", "version": "1"}, token=token)
    assert response.status == 403
    listed = host.call("GET", "/api/v1/super-admin/themes", token=token)
    assert listed.status == 403


def test_members_lifecycle(host, owner):
    base = f"/api/v1/admin/stores/{owner['store_id']}/members"
    listed = host.call("GET", base, token=owner["token"])
    assert listed.status == 200
    assert [(m["email"], m["role"]) for m in listed.json()["items"]] == [
        (owner["user"]["email"], "owner")]

    staff, staff_token = sign_up(host, "customer", prefix="staff")
    added = host.call("POST", base, {"email": staff["email"], "role": "staff"},
                      token=owner["token"])
    assert added.status == 201, added
    assert added.json()["user_id"] == staff["id"]
    assert added.json()["role"] == "staff"

    # Staff may read the members but not manage them.
    assert host.call("GET", base, token=staff_token).status == 200
    denied = host.call("POST", base, {"email": unique_email("x"),
                                      "role": "staff"}, token=staff_token)
    assert denied.status == 403

    changed = host.call("PATCH", f"{base}/{staff['id']}", {"role": "manager"},
                        token=owner["token"])
    assert changed.status == 200
    assert changed.json()["role"] == "manager"

    removed = host.call("DELETE", f"{base}/{staff['id']}",
                        token=owner["token"])
    assert removed.status == 204
    assert host.call("GET", base, token=staff_token).status == 404


def test_member_errors(host, owner):
    base = f"/api/v1/admin/stores/{owner['store_id']}/members"
    unknown = host.call("POST", base, {"email": unique_email("ghost"),
                                       "role": "staff"}, token=owner["token"])
    assert unknown.status == 404
    bad_role = host.call("POST", base, {"email": owner["user"]["email"],
                                        "role": "emperor"},
                         token=owner["token"])
    assert bad_role.status == 400
    assert bad_role.json()["error"]["field"] == "role"
    last_owner = host.call("DELETE", f"{base}/{owner['user']['id']}",
                           token=owner["token"])
    assert last_owner.status == 409
    assert last_owner.error_code() == "failed_precondition"


def test_store_theme_settings(host, owner):
    base = f"/api/v1/admin/stores/{owner['store_id']}/theme"
    current = host.call("GET", base + "/settings", token=owner["token"])
    assert current.status == 200
    assert current.json()["theme"]["handle"] == "classic"

    applied = host.call("PUT", base, {"handle": "bold"}, token=owner["token"])
    assert applied.status == 200
    assert applied.json()["theme"]["handle"] == "bold"

    setting = applied.json()["theme"]["manifest"]["settings"][0]
    value = {"color": "#abcdef", "text": "Hello", "boolean": True,
             "number": setting.get("min", 0),
             "select": (setting.get("choices") or [None])[0],
             "image_url": "https://example.com/logo.png"}[setting["type"]]
    patched = host.call("PATCH", base + "/settings", {setting["key"]: value},
                        token=owner["token"])
    assert patched.status == 200, patched
    assert patched.json()["settings"][setting["key"]] == value

    unknown = host.call("PATCH", base + "/settings", {"no_such_key": 1},
                        token=owner["token"])
    assert unknown.status == 400
    assert unknown.json()["error"]["field"] == "settings.no_such_key"


def test_store_theme_rejects_unknown_theme(host, owner):
    response = host.call("PUT", f"/api/v1/admin/stores/{owner['store_id']}"
                         "/theme", {"handle": "no-such-theme"},
                         token=owner["token"])
    assert response.status == 404


def test_dashboard_of_a_new_store(host, owner):
    base = f"/api/v1/admin/stores/{owner['store_id']}/dashboard"
    response = host.call("GET", base + "?from=2026-12-01&to=2026-12-08"
                         "&low_stock_threshold=0", token=owner["token"])
    assert response.status == 200, response
    dashboard = response.json()
    assert dashboard["order_count"] == 0
    assert dashboard["revenue"]["amount"] == 0
    assert len(dashboard["revenue_per_day"]) == 7
    assert dashboard["revenue_per_day"][0]["day"] == "2026-12-01"

    missing = host.call("GET", base + "?to=2026-12-08", token=owner["token"])
    assert missing.status == 400
    assert missing.json()["error"]["field"] == "from"
    inverted = host.call("GET", base + "?from=2026-12-08&to=2026-12-01",
                         token=owner["token"])
    assert inverted.status == 400
    assert inverted.json()["error"]["field"] == "to"
    _, stranger_token = sign_up(host, "merchant")
    stranger = host.call("GET", base + "?from=2026-12-01&to=2026-12-08",
                         token=stranger_token)
    assert stranger.status == 404


def test_customers_of_a_new_store(host, owner):
    base = f"/api/v1/admin/stores/{owner['store_id']}/customers"
    listed = host.call("GET", base + "?q=ann&limit=10", token=owner["token"])
    assert listed.status == 200, listed
    assert listed.json() == {"items": [], "next_cursor": None}

    unknown = "cus_00000000000000000000000000"
    customer = host.call("GET", f"{base}/{unknown}", token=owner["token"])
    assert customer.status == 404
    assert customer.json()["error"]["field"] == "customer_id"
    orders = host.call("GET", f"{base}/{unknown}/orders?limit=5",
                       token=owner["token"])
    assert orders.status == 404
    bad_cursor = host.call("GET", base + "?cursor=nope", token=owner["token"])
    assert bad_cursor.status == 400
