"""A first tour of shopkit from Python.

Registers a merchant, creates a store, imports a product catalog from a
CSV file in Shopify's layout, and checks out as a guest. Run it from a
build tree:

    PYTHONPATH=build/dev/python python3 examples/python/quickstart.py [DATA_DIR]

DATA_DIR defaults to a new temporary folder. The catalog is
examples/data/harbor-goods.csv next to this script.
"""

import pathlib
import sys
import tempfile

import shopkit

CATALOG = pathlib.Path(__file__).resolve().parents[1] / "data" / \
    "harbor-goods.csv"


def run(data_dir: pathlib.Path) -> shopkit.Order:
    """Set up a store in `data_dir`, sell one item and return the order."""
    with shopkit.Platform.open(data_dir) as platform:
        # A merchant signs up and signs in. The access token is what a
        # host would hand to the client; authenticate() turns it back
        # into the Principal that every call takes.
        platform.auth.register(
            email="ann@example.com", password="correct horse battery",
            name="Ann", role=shopkit.PlatformRole.MERCHANT)
        login = platform.auth.login(
            email="ann@example.com", password="correct horse battery")
        merchant = platform.auth.authenticate(login.access_token)

        store = platform.stores.create_store(
            merchant, name="Harbor Goods", handle="harbor-goods",
            currency="USD", country="US")
        print(f"created store {store.handle} ({store.id})")

        # The import reads the file in chunks and reports bad rows by
        # line number; the good rows are imported.
        report = platform.admin.import_products(merchant, store.id, CATALOG)
        print(f"imported {report.products_created} products, "
              f"{report.variants_written} variants, "
              f"{report.error_count} errors")

        # Anyone can browse the public catalog by the store's handle.
        guest = shopkit.Principal.anonymous()
        product = next(platform.stores.iter_products(
            guest, store.handle, q="green tea"))
        variant = product.variants[0]
        print(f"found {product.title}, {variant.sku} at {variant.price}")

        # Prices come from the store; the idempotency key makes a retry
        # of the same request return the same order.
        order = platform.stores.checkout(
            guest, store.handle,
            lines=[shopkit.CheckoutLine(sku=variant.sku, quantity=2)],
            email="buyer@example.com",
            shipping_address=shopkit.Address(
                name="Bo Buyer", line1="1 Main St", city="Springfield",
                country="US"),
            idempotency_key="quickstart-1")
        print(f"order #{order.number}: {order.status}, total {order.total}")

        stock = platform.admin.get_stock(merchant, store.id, variant.sku)
        print(f"{variant.sku} stock is now {stock.stock}")
        return order


def main() -> None:
    if len(sys.argv) > 1:
        run(pathlib.Path(sys.argv[1]))
        return
    with tempfile.TemporaryDirectory() as folder:
        run(pathlib.Path(folder) / "data")


if __name__ == "__main__":
    main()
