"""The host under a low open-file limit (RLIMIT_NOFILE).

Each test starts `shopkit serve` with its soft and hard descriptor
limits lowered, so serve cannot raise them, on a data folder that has
more stores than fit in the limit at once. A request that gets no
descriptor must receive 429 with code resource_exhausted. The host must
keep accepting connections after accept() fails with EMFILE. Once the
load drops, every store must respond again with its data unchanged
by the failed calls.
"""

import http.client
import json
import os
import socket
import threading
import time

import pytest

from conftest import sign_up
from shopkit_client import Host, Response

STORES = 40
INITIAL_STOCK = 10

# The host has 7 descriptors open when idle (standard streams, the log,
# platform.db with its -wal and -shm, the listening socket), and each
# open store uses 3 or more, so 32 leaves room for a few stores.
TIGHT_LIMIT = 32
# Room for about ten stores beside the connections of the load below.
LOAD_LIMIT = 48
CLIENT_THREADS = 6
ROUNDS = 2
HEALTH_CHECKS = 20

# Bounds on the waits for the host to accept a connection.
ACCEPT_POLLS = 2000
POLL_SECONDS = 0.005


def add_store(host, token, index):
    store = host.call("POST", "/api/v1/stores", {
        "name": f"Fd Shop {index}", "handle": f"fd-shop-{index}",
        "currency": "USD", "country": "US"}, token=token)
    assert store.status == 201, store
    store_id = store.json()["id"]
    product = host.call(
        "POST", f"/api/v1/admin/stores/{store_id}/products",
        {"title": f"Fd Mug {index}", "status": "active",
         "variants": [{"sku": f"FD-{index}",
                       "price": {"amount": 1200 + index, "currency": "USD"},
                       "stock": INITIAL_STOCK}]},
        token=token)
    assert product.status == 201, product
    return store_id


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    """A data folder with STORES stores of one product each, made by a
    host without a lowered limit, which is stopped again."""
    root = tmp_path_factory.mktemp("descriptors")
    host = Host(root / "data", root / "setup.log").start()
    try:
        _, token = sign_up(host, "merchant")
        stores = [add_store(host, token, index) for index in range(STORES)]
    finally:
        assert host.stop() == 0
    return {"root": root, "token": token, "stores": stores}


def start_host(world, name, limit, threads):
    return Host(world["root"] / "data", world["root"] / f"{name}.log",
                extra_args=["--threads", str(threads)],
                descriptor_limit=limit).start()


def open_descriptors(host):
    return len(os.listdir(f"/proc/{host.process.pid}/fd"))


def list_products(host, token, store_id):
    return host.call("GET", f"/api/v1/admin/stores/{store_id}/products",
                     token=token)


def adjust_stock(host, token, store_id, sku):
    return host.call("POST",
                     f"/api/v1/admin/stores/{store_id}/inventory/adjust",
                     {"sku": sku, "delta": 1, "reason": "descriptor test"},
                     token=token)


def assert_out_of_descriptors(response):
    assert response.status == 429, response
    error = response.json()["error"]
    assert error["code"] == "resource_exhausted", response
    assert "file descriptors" in error["message"], response


def without_stock(products):
    """The products with stock and update times left out, which a
    successful stock adjustment changes."""
    items = json.loads(json.dumps(products))
    for product in items:
        product.pop("updated_at", None)
        for variant in product["variants"]:
            variant.pop("stock", None)
            variant.pop("updated_at", None)
    return items


def read_response(raw):
    response = http.client.HTTPResponse(raw)
    response.begin()
    return Response(response.status, dict(response.getheaders()),
                    response.read())


def fill_descriptors(host, limit):
    """Opens idle connections until the host has `limit` descriptors
    open, and returns them. The host only queues them, since its one worker is
    busy."""
    fillers = []
    for _ in range(limit):
        before = open_descriptors(host)
        if before >= limit:
            return fillers
        fillers.append(socket.create_connection(("127.0.0.1", host.port),
                                                timeout=60))
        for _ in range(ACCEPT_POLLS):
            if open_descriptors(host) > before:
                break
            time.sleep(POLL_SECONDS)
        else:
            raise AssertionError(
                f"the host accepted no connection at {before} descriptors")
    raise AssertionError(f"the host never reached {limit} descriptors")


def test_store_without_descriptor_is_429(world):
    token = world["token"]
    store_id = world["stores"][0]
    host = start_host(world, "tight", TIGHT_LIMIT, threads=1)
    try:
        before = list_products(host, token, store_id)
        assert before.status == 200, before
        # Restart so that no store is open, and nothing can be released.
        assert host.stop() == 0
        host = start_host(world, "tight", TIGHT_LIMIT, threads=1)

        # The one worker reads this request's body, one byte of leading
        # whitespace at a time, while the other connections take every
        # descriptor. Each byte restarts the host's 5 s read timeout.
        body = json.dumps({"sku": "FD-0", "delta": 1, "reason": "blocked"})
        padding = 400
        blocked = socket.create_connection(("127.0.0.1", host.port),
                                           timeout=60)
        blocked.sendall(
            (f"POST /api/v1/admin/stores/{store_id}/inventory/adjust "
             f"HTTP/1.1\r\nHost: 127.0.0.1\r\n"
             f"Authorization: Bearer {token}\r\n"
             f"Content-Type: application/json\r\nConnection: close\r\n"
             f"Content-Length: {padding + len(body)}\r\n\r\n").encode())
        filled = threading.Event()
        sent = []

        def trickle():
            while len(sent) < padding - 1 and not filled.wait(0.2):
                blocked.sendall(b" ")
                sent.append(1)

        trickler = threading.Thread(target=trickle)
        trickler.start()
        try:
            fillers = fill_descriptors(host, TIGHT_LIMIT)
        finally:
            filled.set()
            trickler.join()

        # The host is out of descriptors now, so accept() fails with EMFILE
        # and this connection waits in the backlog until the fillers close.
        waiting = socket.create_connection(("127.0.0.1", host.port),
                                           timeout=60)
        waiting.sendall(b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                        b"Connection: close\r\n\r\n")

        blocked.sendall(b" " * (padding - len(sent)) + body.encode())
        assert_out_of_descriptors(read_response(blocked))
        blocked.close()

        for filler in fillers:
            filler.close()
        health = read_response(waiting)
        waiting.close()
        assert health.status == 200, health

        # The failed adjustment changed nothing, and with descriptors free
        # again the same call succeeds.
        after = list_products(host, token, store_id)
        assert after.status == 200, after
        assert after.json() == before.json()
        adjusted = adjust_stock(host, token, store_id, "FD-0")
        assert adjusted.status == 200, adjusted
        stock = before.json()["items"][0]["variants"][0]["stock"]
        assert adjusted.json()["stock"] == stock + 1
    finally:
        code = host.stop()
    assert code == 0, host.log_text()[-3000:]


def test_more_stores_than_descriptors(world):
    token = world["token"]
    stores = world["stores"]
    host = start_host(world, "load", LOAD_LIMIT, threads=8)
    try:
        # One store after another: the pool closes unused stores when it
        # runs out of descriptors, so every store opens.
        before = {}
        for store_id in stores:
            listed = list_products(host, token, store_id)
            assert listed.status == 200, (store_id, listed)
            before[store_id] = listed.json()["items"]

        # Several clients at once read and adjust stock in every store,
        # which needs more descriptors than the limit allows.
        lock = threading.Lock()
        added = {store_id: 0 for store_id in stores}
        exhausted = []
        failures = []

        def record(label, response, store_id=None):
            with lock:
                if response.status == 200:
                    if store_id is not None:
                        added[store_id] += 1
                    return
                try:
                    code = response.json()["error"]["code"]
                except (ValueError, KeyError):
                    code = None
                if response.status == 429 and code == "resource_exhausted":
                    exhausted.append(label)
                else:
                    failures.append(f"{label}: {response!r}")

        skus = {store_id: f"FD-{index}"
                for index, store_id in enumerate(stores)}

        def client(offset):
            order = stores[offset:] + stores[:offset]
            for _ in range(ROUNDS):
                for store_id in order:
                    try:
                        record("list", list_products(host, token, store_id))
                        record("adjust", adjust_stock(
                            host, token, store_id, skus[store_id]), store_id)
                    except OSError as error:
                        with lock:
                            failures.append(f"{store_id}: {error!r}")

        def check_health():
            for _ in range(HEALTH_CHECKS):
                try:
                    response = host.call("GET", "/healthz")
                    if response.status != 200:
                        with lock:
                            failures.append(f"healthz: {response!r}")
                except OSError as error:
                    with lock:
                        failures.append(f"healthz: {error!r}")

        # Each client starts at another store, so that the clients open
        # different stores at the same time.
        threads = [threading.Thread(target=client, args=(k * 7,))
                   for k in range(CLIENT_THREADS)]
        threads.append(threading.Thread(target=check_health))
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert failures == [], failures[:10]

        # With the load gone every store responds, each with exactly the
        # adjustments that returned 200 and nothing else changed.
        for store_id in stores:
            listed = list_products(host, token, store_id)
            assert listed.status == 200, (store_id, listed)
            items = listed.json()["items"]
            assert without_stock(items) == without_stock(before[store_id])
            stock = before[store_id][0]["variants"][0]["stock"]
            assert items[0]["variants"][0]["stock"] == \
                stock + added[store_id], (store_id, len(exhausted))
    finally:
        code = host.stop()
    assert code == 0, host.log_text()[-3000:]
    assert " error " not in host.log_text()
