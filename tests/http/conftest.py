"""Fixtures of the end-to-end tests: one shared host for the route walk,
and users signed in through the real API."""

import itertools

import pytest

from shopkit_client import Host

_emails = itertools.count(1)


def unique_email(prefix):
    return f"{prefix}{next(_emails)}@example.com"


PASSWORD = "correct horse battery"


@pytest.fixture(scope="session")
def host(tmp_path_factory):
    root = tmp_path_factory.mktemp("host")
    running = Host(root / "data", root / "serve.log").start()
    yield running
    code = running.stop()
    assert code == 0, f"shopkit serve exited with {code}"


def sign_up(host, role="customer", prefix=None):
    """Registers and logs in a new user; returns (user, access_token)."""
    email = unique_email(prefix or role)
    created = host.call("POST", "/api/v1/auth/register", {
        "email": email, "password": PASSWORD, "name": email.split("@")[0],
        "role": role})
    assert created.status == 201, created
    login = host.call("POST", "/api/v1/auth/login",
                      {"email": email, "password": PASSWORD})
    assert login.status == 200, login
    return login.json()["user"], login.json()["access_token"]
