"""Fixtures of the end-to-end tests: one shared host for the route walk,
and users signed in through the real API."""

import itertools
import os
import subprocess

import pytest

from shopkit_client import SHOPKIT_BIN, Host

_emails = itertools.count(1)


def unique_email(prefix):
    return f"{prefix}{next(_emails)}@example.com"


PASSWORD = "correct horse battery"


SUPER_ADMIN = "root@example.com"


@pytest.fixture(scope="session")
def host(tmp_path_factory):
    root = tmp_path_factory.mktemp("host")
    # The first super admin can only be made outside the API.
    subprocess.run(
        [SHOPKIT_BIN, "--data", str(root / "data"), "--scrypt-log2-n", "4",
         "create-super-admin", "--email", SUPER_ADMIN],
        env={**os.environ, "SHOPKIT_PASSWORD": PASSWORD}, check=True,
        capture_output=True)
    running = Host(root / "data", root / "serve.log").start()
    yield running
    code = running.stop()
    assert code == 0, f"shopkit serve exited with {code}"


@pytest.fixture(scope="session")
def root_token(host):
    login = host.call("POST", "/api/v1/auth/login",
                      {"email": SUPER_ADMIN, "password": PASSWORD})
    assert login.status == 200, login
    return login.json()["access_token"]


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


_handles = itertools.count(1)


def create_store(host, token, currency="USD"):
    """Creates a store as the merchant with `token`; returns its JSON."""
    handle = f"shop-{next(_handles)}-{os.getpid()}"
    response = host.call("POST", "/api/v1/stores", {
        "name": "Shop " + handle, "handle": handle, "currency": currency,
        "country": "US"}, token=token)
    assert response.status == 201, response
    return response.json()


def product_body(title, sku, price=4999, stock=12, status="active", **extra):
    body = {
        "title": title, "description": "<p>Cool</p>", "status": status,
        "vendor": "Acme", "product_type": "Shirts", "tags": ["summer"],
        "categories": ["shirts"], "options": ["Size"],
        "variants": [{"sku": sku, "options": ["M"],
                      "price": {"amount": price, "currency": "USD"},
                      "compare_at_price": None, "stock": stock,
                      "allow_backorder": False, "weight_grams": 200,
                      "barcode": None}],
        "images": [{"url": "https://example.com/a.jpg", "alt": "Front",
                    "position": 1}],
    }
    body.update(extra)
    return body


def create_product(host, token, store_id, title, sku, **fields):
    response = host.call("POST", f"/api/v1/admin/stores/{store_id}/products",
                         product_body(title, sku, **fields), token=token)
    assert response.status == 201, response
    return response.json()


ADDRESS = {"name": "Ana Buyer", "line1": "1 Main St", "city": "Springfield",
           "country": "US"}


def checkout(host, handle, sku, quantity=1, key=None, token=None):
    return host.call(
        "POST", f"/api/v1/stores/{handle}/checkout",
        {"lines": [{"sku": sku, "quantity": quantity}],
         "email": "buyer@example.com", "shipping_address": ADDRESS},
        token=token,
        headers={"Idempotency-Key": key or f"key-{next(_handles)}"})


@pytest.fixture(scope="module")
def shop(host):
    """A merchant with a store holding two active products and a draft."""
    merchant, token = sign_up(host, "merchant")
    store = create_store(host, token)
    shirt = create_product(host, token, store["id"], "Linen Shirt", "LS-M")
    mug = create_product(host, token, store["id"], "Blue Mug", "MUG-1",
                         price=1200, stock=3, tags=["kitchen"],
                         categories=["mugs"])
    draft = create_product(host, token, store["id"], "Secret Draft", "DR-1",
                           status="draft")
    return {"merchant": merchant, "token": token, "store": store,
            "shirt": shirt, "mug": mug, "draft": draft}


def cli(host, *args, password=PASSWORD):
    """Runs the shopkit CLI on the host's data folder, beside the server."""
    result = subprocess.run(
        [SHOPKIT_BIN, "--data", host.data_dir, "--scrypt-log2-n", "4", *args],
        env={**os.environ, "SHOPKIT_PASSWORD": password},
        capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    return result.stdout


_cli_handles = itertools.count(1)


def cli_store(host, merchant_email):
    """Creates a store for the merchant with the CLI; returns its id."""
    handle = f"cli-shop-{next(_cli_handles)}-{os.getpid()}"
    out = cli(host, "create-store", "--as", merchant_email, "--handle", handle)
    return out.split("(")[1].split(")")[0]
