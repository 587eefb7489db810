"""The /api/v1/auth routes, called through the real host."""

from conftest import PASSWORD, sign_up, unique_email


def test_register_returns_user(host):
    email = unique_email("reg")
    response = host.call("POST", "/api/v1/auth/register", {
        "email": email, "password": PASSWORD, "name": "Reg", "role": "merchant"})
    assert response.status == 201
    user = response.json()
    assert user["email"] == email
    assert user["role"] == "merchant"
    assert user["id"].startswith("usr_")
    assert "password" not in response.body.decode()


def test_register_duplicate_is_409(host):
    user, _ = sign_up(host)
    response = host.call("POST", "/api/v1/auth/register", {
        "email": user["email"], "password": PASSWORD, "name": "Again"})
    assert response.status == 409
    assert response.error_code() == "already_exists"


def test_register_super_admin_is_403(host):
    response = host.call("POST", "/api/v1/auth/register", {
        "email": unique_email("boss"), "password": PASSWORD, "name": "Boss",
        "role": "super_admin"})
    assert response.status == 403
    assert response.json()["error"]["field"] == "role"


def test_login_returns_bearer_pair(host):
    user, _ = sign_up(host)
    response = host.call("POST", "/api/v1/auth/login",
                         {"email": user["email"], "password": PASSWORD})
    assert response.status == 200
    body = response.json()
    assert body["token_type"] == "Bearer"
    assert body["expires_in"] > 0
    assert body["refresh_token"]
    assert body["user"]["id"] == user["id"]


def test_login_wrong_password_is_401(host):
    user, _ = sign_up(host)
    response = host.call("POST", "/api/v1/auth/login",
                         {"email": user["email"], "password": "wrong password"})
    assert response.status == 401
    assert response.error_code() == "unauthenticated"


def test_me_returns_user(host):
    user, token = sign_up(host)
    response = host.call("GET", "/api/v1/auth/me", token=token)
    assert response.status == 200
    assert response.json()["email"] == user["email"]


def test_refresh_rotates_tokens(host):
    user, _ = sign_up(host)
    login = host.call("POST", "/api/v1/auth/login",
                      {"email": user["email"], "password": PASSWORD}).json()
    response = host.call("POST", "/api/v1/auth/refresh",
                         {"refresh_token": login["refresh_token"]})
    assert response.status == 200
    assert response.json()["refresh_token"] != login["refresh_token"]
    reused = host.call("POST", "/api/v1/auth/refresh",
                       {"refresh_token": login["refresh_token"]})
    assert reused.status == 401


def test_logout_ends_the_session(host):
    _, token = sign_up(host)
    response = host.call("POST", "/api/v1/auth/logout", token=token)
    assert response.status == 204
    assert response.body == b""
    assert host.call("GET", "/api/v1/auth/me", token=token).status == 401


def test_logout_all_ends_every_session(host):
    user, first = sign_up(host)
    second = host.call("POST", "/api/v1/auth/login",
                       {"email": user["email"], "password": PASSWORD}
                       ).json()["access_token"]
    response = host.call("POST", "/api/v1/auth/logout-all", token=first)
    assert response.status == 204
    assert host.call("GET", "/api/v1/auth/me", token=second).status == 401


def test_change_password(host):
    user, token = sign_up(host)
    response = host.call("POST", "/api/v1/auth/password", {
        "current_password": PASSWORD, "new_password": "a new passphrase"},
        token=token)
    assert response.status == 204
    login = host.call("POST", "/api/v1/auth/login", {
        "email": user["email"], "password": "a new passphrase"})
    assert login.status == 200


def test_change_password_checks_current(host):
    _, token = sign_up(host)
    response = host.call("POST", "/api/v1/auth/password", {
        "current_password": "not it", "new_password": "a new passphrase"},
        token=token)
    assert response.status == 401
    assert response.json()["error"]["field"] == "current_password"


def test_password_reset_round_trip(host):
    user, _ = sign_up(host)
    response = host.call("POST", "/api/v1/auth/password-reset",
                         {"email": user["email"]})
    assert response.status == 202
    token = host.read_mail("password-reset")
    confirm = host.call("POST", "/api/v1/auth/password-reset/confirm",
                        {"token": token, "new_password": "reset passphrase"})
    assert confirm.status == 204
    login = host.call("POST", "/api/v1/auth/login",
                      {"email": user["email"], "password": "reset passphrase"})
    assert login.status == 200
    again = host.call("POST", "/api/v1/auth/password-reset/confirm",
                      {"token": token, "new_password": "third passphrase"})
    assert again.status == 401


def test_password_reset_hides_unknown_email(host):
    response = host.call("POST", "/api/v1/auth/password-reset",
                         {"email": unique_email("nobody")})
    assert response.status == 202
    assert response.json() == {"status": "accepted"}


def test_email_verification_round_trip(host):
    _, token = sign_up(host)
    response = host.call("POST", "/api/v1/auth/email-verification",
                         token=token)
    assert response.status == 202
    mail_token = host.read_mail("email-verification")
    confirm = host.call("POST", "/api/v1/auth/email-verification/confirm",
                        {"token": mail_token})
    assert confirm.status == 200
    assert confirm.json()["email_verified_at"] is not None


def test_tokens_never_reach_the_log(host):
    user, token = sign_up(host)
    host.call("GET", "/api/v1/auth/me?access_token=" + token, token=token)
    log = host.log_text()
    assert token not in log
    assert PASSWORD not in log
