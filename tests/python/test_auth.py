"""AuthService as a host uses it: accounts, sessions, tokens and keys."""

import datetime

import jwt
import pytest

import shopkit
from conftest import PASSWORD, sign_in


def test_register_returns_user(platform):
    user = platform.auth.register(
        email="ann@example.com", password=PASSWORD, name="Ann",
        role="merchant")
    assert user.id.startswith("usr_")
    assert user.role is shopkit.PlatformRole.MERCHANT
    assert user.status is shopkit.UserStatus.ACTIVE
    assert user.email_verified_at is None
    assert user.created_at.tzinfo is not None


def test_register_duplicate_email(platform):
    platform.auth.register(email="a@example.com", password=PASSWORD, name="A")
    with pytest.raises(shopkit.AlreadyExists):
        platform.auth.register(
            email="A@example.com", password=PASSWORD, name="B")


def test_register_short_password(platform):
    with pytest.raises(shopkit.InvalidArgument) as raised:
        platform.auth.register(email="a@example.com", password="short",
                               name="A")
    assert raised.value.field == "password"


def test_register_super_admin_denied(platform):
    with pytest.raises(shopkit.PermissionDenied):
        platform.auth.register(email="a@example.com", password=PASSWORD,
                               name="A", role=shopkit.PlatformRole.SUPER_ADMIN)


def test_login_authenticate_me(platform):
    user = platform.auth.register(
        email="a@example.com", password=PASSWORD, name="A")
    login = platform.auth.login(email="a@example.com", password=PASSWORD)
    assert login.token_type == "Bearer"
    assert login.user == user
    principal = platform.auth.authenticate(login.access_token)
    assert principal.user_id == user.id
    assert principal.role is shopkit.PlatformRole.CUSTOMER
    assert platform.auth.me(principal) == user


def test_access_token_is_hs256_jwt(platform):
    platform.auth.register(email="a@example.com", password=PASSWORD, name="A")
    login = platform.auth.login(email="a@example.com", password=PASSWORD)
    header = jwt.get_unverified_header(login.access_token)
    claims = jwt.decode(login.access_token,
                        options={"verify_signature": False})
    assert header["alg"] == "HS256"
    assert "kid" in header
    assert claims["iss"] == "shopkit"
    assert claims["exp"] - claims["iat"] == login.expires_in


def test_alg_none_token_rejected(platform):
    user = platform.auth.register(
        email="a@example.com", password=PASSWORD, name="A")
    forged = jwt.encode({"sub": user.id, "iss": "shopkit", "aud": "shopkit"},
                        key=None, algorithm="none")
    with pytest.raises(shopkit.Unauthenticated):
        platform.auth.authenticate(forged)


def test_wrong_password(platform):
    platform.auth.register(email="a@example.com", password=PASSWORD, name="A")
    with pytest.raises(shopkit.Unauthenticated):
        platform.auth.login(email="a@example.com", password="wrong password")


def test_login_throttle_has_retry_after(platform):
    platform.auth.register(email="a@example.com", password=PASSWORD, name="A")
    limit = platform.options.auth.max_failed_logins
    for _ in range(limit):
        with pytest.raises(shopkit.Unauthenticated):
            platform.auth.login(email="a@example.com", password="bad password")
    with pytest.raises(shopkit.LoginThrottled) as raised:
        platform.auth.login(email="a@example.com", password=PASSWORD)
    assert isinstance(raised.value, shopkit.ResourceExhausted)
    assert raised.value.code is shopkit.ErrorCode.RESOURCE_EXHAUSTED
    assert raised.value.retry_after > datetime.timedelta(0)


def test_expired_token_rejected(platform, clock):
    user, principal = sign_in(platform)
    login = platform.auth.login(email=platform.auth.me(principal).email,
                                password=PASSWORD)
    clock.advance(platform.options.auth.access_token_ttl
                  + platform.options.auth.leeway
                  + datetime.timedelta(seconds=1))
    with pytest.raises(shopkit.Unauthenticated):
        platform.auth.authenticate(login.access_token)


def test_refresh_rotates_and_detects_reuse(platform):
    platform.auth.register(email="a@example.com", password=PASSWORD, name="A")
    first = platform.auth.login(email="a@example.com", password=PASSWORD)
    second = platform.auth.refresh(first.refresh_token)
    assert second.refresh_token != first.refresh_token
    with pytest.raises(shopkit.Unauthenticated):
        platform.auth.refresh(first.refresh_token)
    with pytest.raises(shopkit.Unauthenticated):
        platform.auth.authenticate(second.access_token)


def test_logout_ends_session(platform):
    platform.auth.register(email="a@example.com", password=PASSWORD, name="A")
    login = platform.auth.login(email="a@example.com", password=PASSWORD)
    principal = platform.auth.authenticate(login.access_token)
    platform.auth.logout(principal)
    with pytest.raises(shopkit.Unauthenticated):
        platform.auth.authenticate(login.access_token)


def test_logout_all_ends_every_session(platform):
    platform.auth.register(email="a@example.com", password=PASSWORD, name="A")
    logins = [platform.auth.login(email="a@example.com", password=PASSWORD)
              for _ in range(2)]
    principal = platform.auth.authenticate(logins[0].access_token)
    platform.auth.logout_all(principal)
    with pytest.raises(shopkit.Unauthenticated):
        platform.auth.authenticate(logins[1].access_token)


def test_logout_anonymous_fails(platform):
    with pytest.raises(shopkit.Unauthenticated):
        platform.auth.logout(shopkit.Principal.anonymous())


def test_change_password(platform):
    platform.auth.register(email="a@example.com", password=PASSWORD, name="A")
    login = platform.auth.login(email="a@example.com", password=PASSWORD)
    principal = platform.auth.authenticate(login.access_token)
    with pytest.raises(shopkit.Unauthenticated) as raised:
        platform.auth.change_password(
            principal, current_password="nope nope", new_password="new pass 1")
    assert raised.value.field == "current_password"
    platform.auth.change_password(
        principal, current_password=PASSWORD, new_password="new pass 1")
    platform.auth.login(email="a@example.com", password="new pass 1")


def test_password_reset_flow(platform):
    user = platform.auth.register(
        email="a@example.com", password=PASSWORD, name="A")
    token = platform.auth.request_password_reset("a@example.com")
    assert token.user_id == user.id
    assert token.token not in repr(token)
    platform.auth.reset_password(token.token, "brand new pass")
    platform.auth.login(email="a@example.com", password="brand new pass")
    with pytest.raises(shopkit.Unauthenticated):
        platform.auth.reset_password(token.token, "another pass 1")


def test_password_reset_unknown_email(platform):
    assert platform.auth.request_password_reset("nobody@example.com") is None


def test_email_verification(platform):
    user, principal = sign_in(platform)
    token = platform.auth.request_email_verification(principal)
    verified = platform.auth.verify_email(token.token)
    assert verified.id == user.id
    assert verified.email_verified_at is not None


def test_bootstrap_super_admin_once(platform):
    admin = platform.auth.bootstrap_super_admin(
        email="root@example.com", password=PASSWORD, name="Root")
    assert admin.role is shopkit.PlatformRole.SUPER_ADMIN
    with pytest.raises(shopkit.FailedPrecondition):
        platform.auth.bootstrap_super_admin(
            email="root2@example.com", password=PASSWORD, name="Root")


def test_signing_key_rotation(platform):
    platform.auth.register(email="a@example.com", password=PASSWORD, name="A")
    old = platform.auth.login(email="a@example.com", password=PASSWORD)
    kid = platform.auth.rotate_signing_key()
    keys = platform.auth.list_signing_keys()
    assert keys[0].kid == kid
    new = platform.auth.login(email="a@example.com", password=PASSWORD)
    assert jwt.get_unverified_header(new.access_token)["kid"] == kid
    old_kid = jwt.get_unverified_header(old.access_token)["kid"]
    platform.auth.retire_signing_key(old_kid)
    with pytest.raises(shopkit.Unauthenticated):
        platform.auth.authenticate(old.access_token)
    platform.auth.authenticate(new.access_token)


def test_retire_unknown_key(platform):
    with pytest.raises(shopkit.NotFound):
        platform.auth.retire_signing_key("no-such-kid")
