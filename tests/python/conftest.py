"""Fixtures shared by the Python binding tests: a platform in a temporary
folder with a manual clock and a cheap password hash, and signed-in
users of each role."""

import datetime
import itertools

import pytest

import shopkit

EPOCH = datetime.datetime(2026, 1, 1, tzinfo=datetime.timezone.utc)
PASSWORD = "correct horse battery"

_emails = itertools.count(1)


def fast_auth_options() -> shopkit.AuthOptions:
    """scrypt at N = 2**4, r = 1 keeps hashing cheap in tests."""
    return shopkit.AuthOptions(scrypt_log2_n=4, scrypt_r=1)


@pytest.fixture
def clock() -> shopkit.ManualClock:
    return shopkit.ManualClock(EPOCH)


@pytest.fixture
def platform(tmp_path, clock):
    with shopkit.Platform.open(
        tmp_path / "data", clock=clock, auth=fast_auth_options()
    ) as opened:
        yield opened


def sign_in(platform, role=shopkit.PlatformRole.MERCHANT, name="Ann"):
    """Register a user with a fresh email and return (user, principal)."""
    email = f"user{next(_emails)}@example.com"
    user = platform.auth.register(
        email=email, password=PASSWORD, name=name, role=role)
    login = platform.auth.login(email=email, password=PASSWORD)
    return user, platform.auth.authenticate(login.access_token)


@pytest.fixture
def merchant(platform):
    """A signed-in merchant's Principal."""
    return sign_in(platform)[1]


@pytest.fixture
def customer(platform):
    """A signed-in customer's Principal."""
    return sign_in(platform, shopkit.PlatformRole.CUSTOMER, "Cy")[1]


@pytest.fixture
def store(platform, merchant):
    """A USD store owned by `merchant`."""
    return platform.stores.create_store(
        merchant, name="Linen Co", handle="linen-co", currency="USD",
        country="US")


def shirt(sku="LS-S-BLU", stock=12, price="49.99"):
    """A product dict in the JSON layout of the admin routes."""
    return {
        "title": "Linen Shirt",
        "description": "<p>Cool</p>",
        "status": "active",
        "vendor": "Acme",
        "product_type": "Shirts",
        "tags": ["summer"],
        "categories": ["shirts"],
        "options": ["Size", "Color"],
        "variants": [{
            "sku": sku,
            "options": ["S", "Blue"],
            "price": shopkit.Money.parse(price, "USD").to_dict(),
            "stock": stock,
        }],
        "images": [{"url": "https://example.com/a.jpg", "alt": "Front"}],
    }


@pytest.fixture
def super_admin(platform):
    """The platform's first super admin, signed in."""
    platform.auth.bootstrap_super_admin(
        email="root@example.com", password=PASSWORD, name="Root")
    login = platform.auth.login(email="root@example.com", password=PASSWORD)
    return platform.auth.authenticate(login.access_token)


ADDRESS = {"name": "Ann Buyer", "line1": "1 Main St", "city": "Springfield",
           "country": "US"}


def buy(platform, store, sku="LS-S-BLU", quantity=1, key="order-1",
        principal=None):
    """Check out `quantity` of `sku` as a guest (or `principal`)."""
    return platform.stores.checkout(
        principal or shopkit.Principal.anonymous(), store.handle,
        lines=[{"sku": sku, "quantity": quantity}],
        email="buyer@example.com", shipping_address=ADDRESS,
        idempotency_key=key)
