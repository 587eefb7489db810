"""Hostile and malformed requests: each gets a JSON error with the right
status, the host keeps serving, and no data changes."""

import json
import socket

from conftest import PASSWORD, product_body, sign_up, unique_email

BODY_LIMIT = 16 * 1024 * 1024  # shopkit serve's default --max-body-bytes.


def assert_error(response, status, code):
    assert response.status == status, response
    assert response.headers["Content-Type"] == "application/json"
    assert response.error_code() == code


def assert_not_registered(host, email):
    """Registering `email` works, so the hostile request created nothing."""
    response = host.call("POST", "/api/v1/auth/register", {
        "email": email, "password": PASSWORD, "name": "Check"})
    assert response.status == 201, response


def test_malformed_json_is_400(host):
    email = unique_email("malformed")
    for text in ['{"email": "' + email + '", ', "{'email': 1}", "nul", "",
                 '{"email": "' + email + '"} trailing']:
        response = host.call("POST", "/api/v1/auth/register", raw_body=text)
        assert_error(response, 400, "invalid_argument")
        assert response.json()["error"]["field"] == "body"
    assert_not_registered(host, email)


def test_non_object_json_is_400(host):
    for text in ["[]", "42", '"text"', "null"]:
        response = host.call("POST", "/api/v1/auth/register", raw_body=text)
        assert_error(response, 400, "invalid_argument")


def test_wrong_types_are_400(host):
    email = unique_email("types")
    cases = [
        ({"email": 5, "password": PASSWORD, "name": "x"}, "email"),
        ({"email": email, "password": ["a"], "name": "x"}, "password"),
        ({"email": email, "password": PASSWORD, "name": {"a": 1}}, "name"),
        ({"email": email, "password": PASSWORD, "name": "x", "role": 1},
         "role"),
    ]
    for body, field in cases:
        response = host.call("POST", "/api/v1/auth/register", body)
        assert_error(response, 400, "invalid_argument")
        assert response.json()["error"]["field"] == field
    assert_not_registered(host, email)


def test_invalid_utf8_is_400(host):
    response = host.call("POST", "/api/v1/auth/register",
                         raw_body=b'{"email": "\xff\xfe@example.com"}')
    assert_error(response, 400, "invalid_argument")


def test_wrong_content_type_is_400(host):
    email = unique_email("ctype")
    response = host.call(
        "POST", "/api/v1/auth/register",
        raw_body=json.dumps({"email": email, "password": PASSWORD,
                             "name": "x"}),
        content_type="application/x-www-form-urlencoded")
    assert_error(response, 400, "invalid_argument")
    assert_not_registered(host, email)


def test_deep_nesting_is_400(host):
    email = unique_email("deep")
    text = ('{"email": "' + email + '", "password": "' + PASSWORD +
            '", "name": ' + "[" * 100000 + "]" * 100000 + "}")
    response = host.call("POST", "/api/v1/auth/register", raw_body=text)
    assert_error(response, 400, "invalid_argument")
    assert "deeper" in response.json()["error"]["message"]
    assert_not_registered(host, email)


def test_body_over_limit_is_413(host):
    response = host.call("POST", "/api/v1/auth/register",
                         raw_body=b" " * (BODY_LIMIT + 1))
    assert_error(response, 413, "payload_too_large")


def test_chunked_body_over_limit_is_413(host):
    def chunks():
        piece = b" " * (1024 * 1024)
        for _ in range(BODY_LIMIT // len(piece) + 1):
            yield piece

    connection = host.connection()
    try:
        connection.request("POST", "/api/v1/auth/register", body=chunks(),
                           headers={"Content-Type": "application/json"},
                           encode_chunked=True)
        response = connection.getresponse()
        assert response.status == 413
        assert json.loads(response.read())["error"]["code"] == \
            "payload_too_large"
    except (BrokenPipeError, ConnectionResetError):
        # The host may close the connection as soon as the body passes the
        # limit, before this client has sent all of it.
        pass
    finally:
        connection.close()
    assert host.call("GET", "/healthz").status == 200


def test_unknown_route_is_404(host):
    for path in ["/api/v1/nothing", "/", "/api/v1/auth/login/extra",
                 "/api/v1//auth/login", "/%zz"]:
        response = host.call("GET", path)
        assert_error(response, 404, "not_found")


def test_wrong_method_is_405(host):
    response = host.call("DELETE", "/api/v1/auth/login")
    assert_error(response, 405, "method_not_allowed")
    assert response.headers["Allow"] == "POST"
    response = host.call("PUT", "/healthz", raw_body="{}")
    assert_error(response, 405, "method_not_allowed")
    assert response.headers["Allow"] == "GET, HEAD"


def test_missing_bearer_is_401(host):
    response = host.call("GET", "/api/v1/auth/me")
    assert_error(response, 401, "unauthenticated")
    assert response.headers["WWW-Authenticate"] == "Bearer"


def test_bad_bearer_is_401(host):
    user, token = sign_up(host)
    header, payload, signature = token.split(".")
    forged = [
        "Bearer not-a-jwt",
        "Basic dXNlcjpwYXNz",
        "Bearer",
        token,  # Without the "Bearer " scheme.
        "Bearer " + header + "." + payload + ".",  # Signature stripped.
        "Bearer " + header + "." + payload + "." + signature[:-2] + "AA",
        # alg none.
        "Bearer eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0." + payload + ".",
    ]
    for value in forged:
        response = host.call("GET", "/api/v1/auth/me",
                             headers={"Authorization": value})
        assert_error(response, 401, "unauthenticated")
    assert host.call("GET", "/api/v1/auth/me", token=token).status == 200


def test_garbage_request_line_is_400(host):
    with socket.create_connection(("127.0.0.1", host.port), timeout=30) as raw:
        raw.sendall(b"NOT HTTP AT ALL\r\n\r\n")
        data = raw.recv(65536)
    assert data.startswith(b"HTTP/1.1 400")


def test_bad_product_bodies_change_nothing(host, shop):
    path = f"/api/v1/admin/stores/{shop['store']['id']}/products"
    before = host.call("GET", path + "?limit=200", token=shop["token"])
    bad_price = product_body("Bad", "BAD-1")
    bad_price["variants"][0]["price"]["amount"] = 12.5
    text_stock = product_body("Bad", "BAD-2")
    text_stock["variants"][0]["stock"] = "many"
    cases = [
        '{"title": "Half',
        json.dumps(bad_price),
        json.dumps(text_stock),
        json.dumps(product_body("Bad", "BAD-3", variants={"sku": "x"})),
        '{"title": "Deep", "tags": ' + "[" * 1000 + "]" * 1000 + "}",
    ]
    for text in cases:
        response = host.call("POST", path, raw_body=text, token=shop["token"])
        assert_error(response, 400, "invalid_argument")
    after = host.call("GET", path + "?limit=200", token=shop["token"])
    assert after.json()["items"] == before.json()["items"]


def test_host_survives_hostile_input(host):
    assert host.process.poll() is None
    assert host.call("GET", "/healthz").status == 200
