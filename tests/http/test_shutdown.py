"""SIGTERM while requests are in flight: they finish, and every request
that got its response is kept."""

import signal
import socket
import threading
import time

import pytest

from conftest import PASSWORD, unique_email
from shopkit_client import Host


@pytest.fixture
def own_host(tmp_path):
    running = Host(tmp_path / "data", tmp_path / "serve.log").start()
    yield running
    running.stop()


def wait_for_log(host, text, timeout=30):
    deadline = time.monotonic() + timeout
    while text not in host.log_text():
        assert time.monotonic() < deadline, f"no {text!r} in the log"
        time.sleep(0.02)


def test_request_in_flight_finishes(own_host):
    email = unique_email("inflight")
    body = ('{"email": "%s", "password": "%s", "name": "In Flight"}'
            % (email, PASSWORD)).encode()
    head = (b"POST /api/v1/auth/register HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            b"Content-Type: application/json\r\nConnection: close\r\n"
            b"Expect: 100-continue\r\n"
            b"Content-Length: " + str(len(body)).encode() + b"\r\n\r\n")

    # The host sends "100 Continue" once a worker has read the request
    # head, so the request is in progress when SIGTERM arrives. Its body
    # follows only after the signal.
    raw = socket.create_connection(("127.0.0.1", own_host.port), timeout=30)
    raw.sendall(head)
    interim = b""
    while not interim.endswith(b"\r\n\r\n"):
        chunk = raw.recv(1)
        assert chunk, "connection closed before 100 Continue"
        interim += chunk
    assert interim.startswith(b"HTTP/1.1 100"), interim
    own_host.process.send_signal(signal.SIGTERM)
    wait_for_log(own_host, "received SIGTERM")

    # New connections are refused once the host stops accepting.
    with pytest.raises(OSError):
        socket.create_connection(("127.0.0.1", own_host.port), timeout=5)

    raw.sendall(body)
    response = b""
    while True:
        chunk = raw.recv(65536)
        if not chunk:
            break
        response += chunk
    raw.close()
    assert response.startswith(b"HTTP/1.1 201"), response
    assert own_host.process.wait(timeout=60) == 0

    restarted = Host(own_host.data_dir, own_host.log_path).start()
    try:
        login = restarted.call("POST", "/api/v1/auth/login",
                               {"email": email, "password": PASSWORD})
        assert login.status == 200
    finally:
        assert restarted.stop() == 0


def test_no_acknowledged_write_is_lost(own_host):
    acknowledged = []
    failed = []
    lock = threading.Lock()

    def register_until_stopped(worker):
        for number in range(200):
            email = f"load{worker}-{number}@example.com"
            try:
                response = own_host.call("POST", "/api/v1/auth/register", {
                    "email": email, "password": PASSWORD, "name": "Load"})
            except (ConnectionError, OSError):
                with lock:
                    failed.append(email)
                return
            with lock:
                (acknowledged if response.status == 201 else failed).append(
                    email)

    workers = [threading.Thread(target=register_until_stopped, args=(n,))
               for n in range(4)]
    for worker in workers:
        worker.start()
    deadline = time.monotonic() + 60
    while len(acknowledged) < 20 and time.monotonic() < deadline:
        time.sleep(0.01)
    own_host.process.send_signal(signal.SIGTERM)
    for worker in workers:
        worker.join(timeout=120)
    assert own_host.process.wait(timeout=60) == 0
    assert len(acknowledged) >= 20

    restarted = Host(own_host.data_dir, own_host.log_path).start()
    try:
        for email in acknowledged:
            login = restarted.call("POST", "/api/v1/auth/login",
                                   {"email": email, "password": PASSWORD})
            assert login.status == 200, email
    finally:
        assert restarted.stop() == 0
