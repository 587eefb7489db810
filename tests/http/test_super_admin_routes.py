"""The /api/v1/super-admin routes: users, stores, figures, audit log."""

from conftest import PASSWORD, checkout, cli_store, create_product, sign_up


def test_super_admin_only(host):
    _, token = sign_up(host, "merchant")
    for path in ["/api/v1/super-admin/users", "/api/v1/super-admin/stores",
                 "/api/v1/super-admin/stats", "/api/v1/super-admin/audit-log"]:
        response = host.call("GET", path, token=token)
        assert response.status == 403, path
        assert host.call("GET", path).status == 401, path


def test_list_and_get_users(host, root_token):
    user, _ = sign_up(host, "merchant", prefix="findme")
    listed = host.call("GET", "/api/v1/super-admin/users?q=findme&role=merchant",
                       token=root_token)
    assert listed.status == 200
    assert user["id"] in [u["id"] for u in listed.json()["items"]]
    paged = host.call("GET", "/api/v1/super-admin/users?limit=1",
                      token=root_token).json()
    assert len(paged["items"]) == 1
    assert paged["next_cursor"]
    got = host.call("GET", f"/api/v1/super-admin/users/{user['id']}",
                    token=root_token)
    assert got.status == 200
    assert got.json()["email"] == user["email"]


def test_suspend_and_reactivate_user(host, root_token):
    user, token = sign_up(host, "customer")
    base = f"/api/v1/super-admin/users/{user['id']}"
    suspended = host.call("POST", base + "/suspend", token=root_token)
    assert suspended.status == 200
    assert suspended.json()["status"] == "suspended"
    assert host.call("GET", "/api/v1/auth/me", token=token).status == 401
    again = host.call("POST", base + "/suspend", token=root_token)
    assert again.status == 409
    reactivated = host.call("POST", base + "/reactivate", token=root_token)
    assert reactivated.status == 200
    assert reactivated.json()["status"] == "active"


def test_change_role_and_delete_user(host, root_token):
    user, _ = sign_up(host, "customer")
    base = f"/api/v1/super-admin/users/{user['id']}"
    changed = host.call("PATCH", base, {"role": "merchant"}, token=root_token)
    assert changed.status == 200
    assert changed.json()["role"] == "merchant"
    bad = host.call("PATCH", base, {"role": "wizard"}, token=root_token)
    assert bad.status == 400
    assert bad.json()["error"]["field"] == "role"
    deleted = host.call("DELETE", base, token=root_token)
    assert deleted.status == 204
    login = host.call("POST", "/api/v1/auth/login",
                      {"email": user["email"], "password": PASSWORD})
    assert login.status == 401


def test_store_lifecycle(host, root_token):
    owner, token = sign_up(host, "merchant")
    store_id = cli_store(host, owner["email"])
    base = f"/api/v1/super-admin/stores/{store_id}"
    handle = host.call("GET", base, token=root_token).json()["handle"]

    listed = host.call("GET", f"/api/v1/super-admin/stores?q={handle}",
                       token=root_token)
    assert [s["id"] for s in listed.json()["items"]] == [store_id]

    suspended = host.call("POST", base + "/suspend", {"reason": "test"},
                          token=root_token)
    assert suspended.status == 200
    assert suspended.json()["status"] == "suspended"
    assert host.call("GET", f"/api/v1/stores/{handle}").status == 404
    reactivated = host.call("POST", base + "/reactivate", token=root_token)
    assert reactivated.status == 200
    assert host.call("GET", f"/api/v1/stores/{handle}").status == 200

    deleted = host.call("DELETE", base, token=root_token)
    assert deleted.status == 200
    assert deleted.json()["deleted_at"] is not None
    restored = host.call("POST", base + "/restore", token=root_token)
    assert restored.status == 200
    assert restored.json()["status"] == "active"

    purged = host.call("POST", "/api/v1/super-admin/stores/purge",
                       token=root_token)
    assert purged.status == 200
    assert store_id not in purged.json()["purged"]


def test_stats_count_orders(host, root_token, shop):
    before = host.call("GET", "/api/v1/super-admin/stats",
                       token=root_token).json()
    checkout(host, shop["store"]["handle"], "MUG-1")
    after = host.call("GET", "/api/v1/super-admin/stats",
                      token=root_token).json()
    usd = lambda figures: next(  # noqa: E731
        (c["orders"] for c in figures["orders"] if c["currency"] == "USD"), 0)
    assert usd(after) == usd(before) + 1
    assert after["stores"]["active"] >= 1


def test_audit_log_records_actions(host, root_token):
    user, _ = sign_up(host, "customer")
    host.call("POST", f"/api/v1/super-admin/users/{user['id']}/suspend",
              token=root_token)
    response = host.call(
        "GET", f"/api/v1/super-admin/audit-log?target_id={user['id']}",
        token=root_token)
    assert response.status == 200
    actions = [entry["action"] for entry in response.json()["items"]]
    assert "user.suspended" in actions


def test_audit_log_rejects_bad_time(host, root_token):
    response = host.call("GET", "/api/v1/super-admin/audit-log?from=yesterday",
                         token=root_token)
    assert response.status == 400
    assert response.json()["error"]["field"] == "from"


def test_signing_keys_super_admin_only(host):
    keys = "/api/v1/super-admin/signing-keys"
    for role in ["merchant", "customer"]:
        _, token = sign_up(host, role)
        assert host.call("GET", keys, token=token).status == 403, role
        assert host.call("POST", keys, token=token).status == 403, role
        assert host.call("DELETE", keys + "/any", token=token).status == 403
    assert host.call("GET", keys).status == 401


def test_rotate_and_retire_signing_key(host, root_token):
    keys = "/api/v1/super-admin/signing-keys"
    before = host.call("GET", keys, token=root_token).json()["items"]
    rotated = host.call("POST", keys, token=root_token)
    assert rotated.status == 201
    kid = rotated.json()["kid"]
    listed = host.call("GET", keys, token=root_token).json()
    assert listed["items"][0]["kid"] == kid
    assert listed["items"][0]["retired_at"] is None
    assert listed["next_cursor"] is None
    # Retiring the new key leaves the one that signed root_token, which
    # the other tests still use.
    retired = host.call("DELETE", f"{keys}/{kid}", token=root_token)
    assert retired.status == 204
    after = host.call("GET", keys, token=root_token).json()["items"]
    assert after[0]["retired_at"] is not None
    active = [key["kid"] for key in before if key["retired_at"] is None]
    assert len(active) == 1
    only = host.call("DELETE", f"{keys}/{active[0]}", token=root_token)
    assert only.status == 409
    assert only.error_code() == "failed_precondition"
    unknown = host.call("DELETE", f"{keys}/no-such-kid", token=root_token)
    assert unknown.status == 404
    audit = "/api/v1/super-admin/audit-log?target_id=" + kid
    entries = host.call("GET", audit, token=root_token).json()["items"]
    assert [entry["action"] for entry in entries] == [
        "signing_key.retired", "signing_key.rotated"]
    assert all(entry["target_type"] == "signing_key" for entry in entries)
