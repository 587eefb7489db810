"""GET /healthz, request ids and the access log."""

import shutil
import socket
import subprocess
import time

import pytest


def test_healthz_is_ok(host):
    response = host.call("GET", "/healthz")
    assert response.status == 200
    assert response.json() == {"status": "ok"}
    assert response.headers["Content-Type"] == "application/json"


def test_request_id_is_echoed(host):
    response = host.call("GET", "/healthz", headers={"X-Request-Id": "abc-123"})
    assert response.headers["X-Request-Id"] == "abc-123"


def test_request_id_is_generated(host):
    first = host.call("GET", "/healthz").headers["X-Request-Id"]
    second = host.call("GET", "/healthz").headers["X-Request-Id"]
    assert first != second


def access_lines(host, request_id):
    # The host logs a request after it sends the response, so the line
    # may lag the response by a moment.
    deadline = time.monotonic() + 10
    while True:
        lines = [line for line in host.log_text().splitlines()
                 if line.endswith(" id=" + request_id)]
        if lines or time.monotonic() > deadline:
            return lines
        time.sleep(0.05)


def test_access_log_line_per_request(host):
    host.call("GET", "/healthz", headers={"X-Request-Id": "log-check-1"})
    lines = access_lines(host, "log-check-1")
    assert len(lines) == 1
    assert " info http GET /healthz 200 " in lines[0]
    assert "ms id=log-check-1" in lines[0]


def test_access_log_has_no_secrets(host):
    secret_password = "hunter2 is not a good password"
    email = f"log-secret-{time.monotonic_ns()}@example.com"
    host.call("POST", "/api/v1/auth/register", {
        "email": email, "password": secret_password, "name": "Log"},
        headers={"X-Request-Id": "log-secret-1"})
    login = host.call("POST", "/api/v1/auth/login",
                      {"email": email, "password": secret_password},
                      headers={"X-Request-Id": "log-secret-2"})
    assert login.status == 200, login
    tokens = login.json()
    host.call("GET", "/api/v1/auth/me?access_token=" + tokens["access_token"],
              token=tokens["access_token"],
              headers={"X-Request-Id": "log-secret-3"})
    lines = access_lines(host, "log-secret-3")
    assert len(lines) == 1
    assert "access_token=[redacted]" in lines[0]
    log = host.log_text()
    assert secret_password not in log
    assert tokens["access_token"] not in log
    assert tokens["refresh_token"] not in log


def test_listen_backlog_is_raised(host):
    # cpp-httplib listens with a backlog of 5. Clients that reconnect
    # together then overflow it, and the kernel drops their handshakes,
    # which costs them 200 ms to a second each. `ss` (iproute2, which
    # scripts/test installs) shows a listening socket's backlog in its
    # Send-Q column.
    if shutil.which("ss") is None:
        pytest.skip("ss is not installed (Debian package iproute2)")
    result = subprocess.run(
        ["ss", "-ltnH", f"sport = :{host.port}"],
        capture_output=True, text=True, check=True)
    lines = result.stdout.split("\n")
    listening = [line.split() for line in lines if line.strip()]
    assert len(listening) == 1, result.stdout
    assert int(listening[0][2]) >= 128, result.stdout


def test_port_is_not_shared(host):
    # Without SO_REUSEPORT on the host's socket, no other socket can bind
    # its port and take a share of its connections.
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as other:
        other.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
        with pytest.raises(OSError):
            other.bind(("127.0.0.1", host.port))
