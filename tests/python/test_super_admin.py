"""SuperAdminService: users, stores, figures and the audit log."""

import datetime

import pytest

import shopkit
from conftest import PASSWORD, buy, shirt, sign_in


def test_needs_super_admin(platform, merchant):
    with pytest.raises(shopkit.PermissionDenied):
        platform.super_admin.list_users(merchant)
    with pytest.raises(shopkit.Unauthenticated):
        platform.super_admin.get_figures(shopkit.Principal.anonymous())


def test_list_users_filters(platform, super_admin):
    sign_in(platform, shopkit.PlatformRole.CUSTOMER, "Cara")
    sign_in(platform, shopkit.PlatformRole.MERCHANT, "Max")
    merchants = platform.super_admin.list_users(
        super_admin, role=shopkit.PlatformRole.MERCHANT)
    assert [user.name for user in merchants] == ["Max"]
    everyone = list(platform.super_admin.iter_users(super_admin, limit=1))
    assert len(everyone) == 3


def test_suspend_and_reactivate_user(platform, super_admin):
    user, principal = sign_in(platform)
    suspended = platform.super_admin.suspend_user(super_admin, user.id)
    assert suspended.status is shopkit.UserStatus.SUSPENDED
    with pytest.raises(shopkit.Unauthenticated):
        platform.auth.me(principal)
    active = platform.super_admin.reactivate_user(super_admin, user.id)
    assert active.status is shopkit.UserStatus.ACTIVE
    assert platform.super_admin.get_user(super_admin, user.id) == active


def test_change_role_and_delete_user(platform, super_admin):
    user = sign_in(platform, shopkit.PlatformRole.CUSTOMER)[0]
    changed = platform.super_admin.change_user_role(
        super_admin, user.id, "merchant")
    assert changed.role is shopkit.PlatformRole.MERCHANT
    platform.super_admin.delete_user(super_admin, user.id)
    again = platform.auth.register(
        email=user.email, password=PASSWORD, name="Again")
    assert again.id != user.id


def test_cannot_suspend_self(platform, super_admin):
    with pytest.raises(shopkit.FailedPrecondition):
        platform.super_admin.suspend_user(super_admin, super_admin.user_id)


def test_store_suspend_delete_restore(platform, super_admin, store):
    summary = platform.super_admin.suspend_store(
        super_admin, store.id, reason="unpaid fees")
    assert summary.store.status is shopkit.StoreStatus.SUSPENDED
    with pytest.raises(shopkit.NotFound):
        platform.stores.get_public_store(store.handle)
    platform.super_admin.reactivate_store(super_admin, store.id)
    deleted = platform.super_admin.delete_store(super_admin, store.id)
    assert deleted.deleted_at is not None
    assert deleted.purge_after > deleted.deleted_at
    restored = platform.super_admin.restore_store(super_admin, store.id)
    assert restored.store.status is shopkit.StoreStatus.ACTIVE
    assert platform.super_admin.get_store(super_admin, store.id) == restored


def test_purge_after_retention(platform, super_admin, store, clock):
    platform.super_admin.delete_store(super_admin, store.id)
    assert platform.super_admin.purge_deleted_stores(super_admin) == []
    clock.advance(platform.options.deleted_store_retention
                  + datetime.timedelta(seconds=1))
    assert platform.super_admin.purge_deleted_stores(super_admin) == [store.id]


def test_list_stores_search(platform, super_admin, store):
    found = platform.super_admin.list_stores(super_admin, text="LINEN")
    assert [summary.store.id for summary in found] == [store.id]
    by_owner = list(platform.super_admin.iter_stores(
        super_admin, owner_id=store.owner_id))
    assert len(by_owner) == 1


def test_backup_store(platform, super_admin, store, tmp_path):
    destination = tmp_path / "backup.db"
    platform.super_admin.backup_store(super_admin, store.id, destination)
    assert destination.stat().st_size > 0
    with pytest.raises(shopkit.AlreadyExists):
        platform.super_admin.backup_store(super_admin, store.id, destination)


def test_figures_count_orders(platform, super_admin, merchant, store):
    platform.admin.create_product(merchant, store.id, shirt())
    order = buy(platform, store)
    platform.admin.pay_order(merchant, store.id, order.id)
    figures = platform.super_admin.get_figures(super_admin)
    assert figures.stores.active == 1
    usd = [entry for entry in figures.orders if entry.currency == "USD"]
    assert usd[0].paid_orders == 1
    assert usd[0].revenue == order.total
    roles = {(count.role, count.status): count.count for count in figures.users}
    assert roles[("super_admin", "active")] == 1


def test_audit_log_records_actions(platform, super_admin):
    user = sign_in(platform)[0]
    platform.super_admin.suspend_user(super_admin, user.id)
    entries = platform.super_admin.list_audit_log(
        super_admin, target_id=user.id)
    assert entries.items[0].action == "user.suspended"
    assert entries.items[0].actor_id == super_admin.user_id
    assert isinstance(entries.items[0].detail, dict)
    mine = list(platform.super_admin.iter_audit_log(
        super_admin, actor_id=super_admin.user_id, limit=1))
    assert len(mine) >= 1


def test_signing_keys_need_super_admin(platform, merchant, super_admin):
    kid = platform.super_admin.list_signing_keys(super_admin)[0].kid
    with pytest.raises(shopkit.PermissionDenied):
        platform.super_admin.list_signing_keys(merchant)
    with pytest.raises(shopkit.PermissionDenied):
        platform.super_admin.rotate_signing_key(merchant)
    with pytest.raises(shopkit.PermissionDenied):
        platform.super_admin.retire_signing_key(merchant, kid)
    with pytest.raises(shopkit.Unauthenticated):
        platform.super_admin.rotate_signing_key(shopkit.Principal.anonymous())


def test_signing_key_rotation_is_audited(platform, super_admin):
    old_kid = platform.super_admin.list_signing_keys(super_admin)[0].kid
    kid = platform.super_admin.rotate_signing_key(super_admin)
    keys = platform.super_admin.list_signing_keys(super_admin)
    assert [key.kid for key in keys] == [kid, old_kid]
    platform.super_admin.retire_signing_key(super_admin, old_kid)
    assert platform.super_admin.list_signing_keys(super_admin)[1].retired_at
    with pytest.raises(shopkit.FailedPrecondition):
        platform.super_admin.retire_signing_key(super_admin, kid)
    entries = platform.super_admin.list_audit_log(
        super_admin, action="signing_key.rotated").items
    assert [entry.target_id for entry in entries] == [kid]
    assert entries[0].actor_id == super_admin.user_id
    entries = platform.super_admin.list_audit_log(
        super_admin, action="signing_key.retired").items
    assert [entry.target_id for entry in entries] == [old_kid]
    assert entries[0].detail == {}
