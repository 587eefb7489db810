"""Load test: the real `shopkit serve` under concurrent mixed traffic.

Several client threads browse, search, check out and edit the catalog
of one store for a bounded time. Afterwards no response may be a 5xx or
mention a locked database, the host's log must not either, and stock
and order totals must match exactly what the clients received.
"""

import itertools
import json
import os
import random
import re
import sys
import threading
import time

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "http"))

from shopkit_client import Host  # noqa: E402

PASSWORD = "correct horse battery"
RUN_SECONDS = 10
CLIENT_THREADS = 6
MAX_REQUESTS_PER_THREAD = 3000  # Bounds the run on a fast machine.
PRODUCTS = 4
INITIAL_STOCK = 60  # Low enough that some checkouts meet a 409.
ADDRESS = {"name": "Ana Buyer", "line1": "1 Main St", "city": "Springfield",
           "country": "US"}
SEARCH_WORDS = ["linen", "mug", "load", "summer", "sku", "NEAR(", "\"x",
                "caf\u00e9", ""]


class Tally:
    """The responses the clients received, shared by every thread."""

    def __init__(self):
        self.lock = threading.Lock()
        self.statuses = {}
        self.failures = []          # 5xx responses, "locked" errors, dropped connections.
        self.orders = {}            # order id -> total amount
        self.sold = {}              # sku -> quantity in created orders
        self.added = {}             # sku -> sum of committed adjustments
        self.replays = []           # (first order id, replayed order id)

    def count(self, label, response):
        text = response.body.decode(errors="replace")
        with self.lock:
            key = (label, response.status)
            self.statuses[key] = self.statuses.get(key, 0) + 1
            if response.status >= 500 or "locked" in text.lower():
                self.failures.append(f"{label}: {response.status} {text[:300]}")


def sign_up_merchant(host):
    email = "load-merchant@example.com"
    created = host.call("POST", "/api/v1/auth/register", {
        "email": email, "password": PASSWORD, "name": "Load Merchant",
        "role": "merchant"})
    assert created.status == 201, created
    login = host.call("POST", "/api/v1/auth/login",
                      {"email": email, "password": PASSWORD})
    assert login.status == 200, login
    return login.json()["access_token"]


def make_store(host, token):
    store = host.call("POST", "/api/v1/stores", {
        "name": "Load Shop", "handle": "load-shop", "currency": "USD",
        "country": "US"}, token=token)
    assert store.status == 201, store
    store = store.json()
    products = []
    for index in range(PRODUCTS):
        sku = f"LOAD-{index}"
        body = {
            "title": f"Load Linen Shirt {index}", "status": "active",
            "description": "<p>Summer linen</p>", "vendor": "Acme",
            "tags": ["summer"], "categories": ["shirts"],
            "variants": [{"sku": sku,
                          "price": {"amount": 1000 + index * 250,
                                    "currency": "USD"},
                          "stock": INITIAL_STOCK}]}
        created = host.call(
            "POST", f"/api/v1/admin/stores/{store['id']}/products", body,
            token=token)
        assert created.status == 201, created
        products.append(created.json())
    return store, products


def checkout(host, tally, rng, keys):
    index = rng.randrange(PRODUCTS)
    sku = f"LOAD-{index}"
    quantity = rng.randint(1, 3)
    key = f"load-{next(keys)}"
    body = {"lines": [{"sku": sku, "quantity": quantity}],
            "email": "buyer@example.com", "shipping_address": ADDRESS}
    response = host.call("POST", "/api/v1/stores/load-shop/checkout", body,
                         headers={"Idempotency-Key": key})
    tally.count("checkout", response)
    if response.status != 201:
        return
    order = response.json()
    with tally.lock:
        tally.orders[order["id"]] = order["total"]["amount"]
        tally.sold[sku] = tally.sold.get(sku, 0) + quantity
    # Now and then the client retries: the same key returns the same
    # order and takes no more stock.
    if rng.random() < 0.1:
        again = host.call("POST", "/api/v1/stores/load-shop/checkout", body,
                          headers={"Idempotency-Key": key})
        tally.count("checkout retry", again)
        if again.status in (200, 201):
            with tally.lock:
                tally.replays.append((order["id"], again.json()["id"]))


def admin_edit(host, tally, rng, token, store, products):
    product = rng.choice(products)
    path = f"/api/v1/admin/stores/{store['id']}/products/{product['id']}"
    response = host.call("PATCH", path, {
        "description": f"<p>Edited {rng.randrange(10**6)}</p>"}, token=token)
    tally.count("edit", response)


def admin_adjust(host, tally, rng, token, store):
    sku = f"LOAD-{rng.randrange(PRODUCTS)}"
    delta = rng.randint(1, 4)
    response = host.call(
        "POST", f"/api/v1/admin/stores/{store['id']}/inventory/adjust",
        {"sku": sku, "delta": delta, "reason": "load test restock"},
        token=token)
    tally.count("adjust", response)
    if response.status == 200:
        with tally.lock:
            tally.added[sku] = tally.added.get(sku, 0) + delta


def browse(host, tally, rng, products):
    choice = rng.randrange(3)
    if choice == 0:
        response = host.call("GET", "/api/v1/stores/load-shop/products?limit=2")
        tally.count("browse", response)
        cursor = response.json().get("next_cursor") if response.status == 200 \
            else None
        if cursor:
            tally.count("browse next", host.call(
                "GET", f"/api/v1/stores/load-shop/products?limit=2&cursor={cursor}"))
    elif choice == 1:
        product = rng.choice(products)
        tally.count("product", host.call(
            "GET", f"/api/v1/stores/load-shop/products/{product['handle']}"))
    else:
        from urllib.parse import quote
        word = quote(rng.choice(SEARCH_WORDS))
        tally.count("search", host.call(
            "GET", f"/api/v1/stores/load-shop/products?q={word}&in_stock=true"))


def client(host, tally, seed, token, store, products, keys, deadline):
    rng = random.Random(seed)
    for _ in range(MAX_REQUESTS_PER_THREAD):
        if time.monotonic() >= deadline:
            return
        roll = rng.random()
        try:
            if roll < 0.45:
                browse(host, tally, rng, products)
            elif roll < 0.8:
                checkout(host, tally, rng, keys)
            elif roll < 0.9:
                admin_edit(host, tally, rng, token, store, products)
            else:
                admin_adjust(host, tally, rng, token, store)
        except Exception as error:  # A dropped connection is a failure.
            with tally.lock:
                tally.failures.append(f"client error: {error!r}")


def list_orders(host, token, store):
    orders = {}
    cursor = None
    while True:
        path = f"/api/v1/admin/stores/{store['id']}/orders?limit=200"
        if cursor:
            path += f"&cursor={cursor}"
        page = host.call("GET", path, token=token)
        assert page.status == 200, page
        for order in page.json()["items"]:
            orders[order["id"]] = order
        cursor = page.json().get("next_cursor")
        if not cursor:
            return orders


def test_mixed_traffic_keeps_totals_exact(tmp_path):
    host = Host(tmp_path / "data", tmp_path / "serve.log").start()
    try:
        token = sign_up_merchant(host)
        store, products = make_store(host, token)
        tally = Tally()
        keys = itertools.count(1)
        seed = random.randrange(2**32)
        deadline = time.monotonic() + RUN_SECONDS
        threads = [threading.Thread(
            target=client,
            args=(host, tally, seed + n, token, store, products, keys,
                  deadline)) for n in range(CLIENT_THREADS)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()

        print(f"seed {seed}; answers by request and status: "
              f"{json.dumps({f'{k[0]} {k[1]}': v for k, v in sorted(tally.statuses.items())})}")
        assert tally.failures == [], tally.failures[:10]
        assert tally.orders, "no checkout succeeded"
        for first, replayed in tally.replays:
            assert replayed == first

        # Stock: what was there, plus restocks, minus what was sold.
        for index in range(PRODUCTS):
            sku = f"LOAD-{index}"
            level = host.call(
                "GET", f"/api/v1/admin/stores/{store['id']}/inventory?sku={sku}",
                token=token)
            assert level.status == 200, level
            expected = (INITIAL_STOCK + tally.added.get(sku, 0)
                        - tally.sold.get(sku, 0))
            assert level.json()["stock"] == expected, sku

        # Orders: exactly the ones the clients got a 201 for, with the
        # same totals, numbered 1..n.
        orders = list_orders(host, token, store)
        assert set(orders) == set(tally.orders)
        assert sum(o["total"]["amount"] for o in orders.values()) == \
            sum(tally.orders.values())
        assert sorted(o["number"] for o in orders.values()) == \
            list(range(1, len(orders) + 1))
    finally:
        code = host.stop()
    log = host.log_text()
    assert "database is locked" not in log
    # The access log has one "http METHOD TARGET STATUS ..." line a request.
    server_errors = re.findall(r"http [A-Z]+ \S+ 5\d\d .*", log)
    assert server_errors == [], server_errors[:10]
    assert code == 0, f"shopkit serve exited with {code}"
