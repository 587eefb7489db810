"""Login throttling over HTTP. It has its own host: every test connects
from 127.0.0.1, so the per-client throttle would otherwise block the
logins of the other tests."""

import pytest

from conftest import sign_up
from shopkit_client import Host


@pytest.fixture(scope="module")
def own_host(tmp_path_factory):
    root = tmp_path_factory.mktemp("throttle")
    running = Host(root / "data", root / "serve.log").start()
    yield running
    assert running.stop() == 0


def test_login_throttle_sets_retry_after(own_host):
    user, _ = sign_up(own_host)
    statuses = []
    for _ in range(8):
        response = own_host.call("POST", "/api/v1/auth/login",
                             {"email": user["email"], "password": "bad guess"})
        statuses.append(response.status)
    assert statuses[-1] == 429
    assert response.error_code() == "resource_exhausted"
    assert int(response.headers["Retry-After"]) > 0


