"""AdminService dashboard and customers."""

import datetime

import pytest

import shopkit
from conftest import EPOCH, buy, shirt, sign_in

DAY = datetime.timedelta(days=1)


@pytest.fixture
def product(platform, merchant, store):
    return platform.admin.create_product(merchant, store.id, shirt(stock=6))


def test_dashboard_counts_paid_orders(platform, merchant, store, product):
    order = buy(platform, store, quantity=2, key="a")
    buy(platform, store, key="b")
    platform.admin.pay_order(merchant, store.id, order.id)
    dashboard = platform.admin.get_dashboard(
        merchant, store.id, from_=EPOCH, to=EPOCH + 2 * DAY,
        low_stock_threshold=5)
    assert dashboard.order_count == 2
    assert dashboard.paid_order_count == 1
    assert dashboard.revenue == order.total
    assert dashboard.average_order_value == order.total
    assert dashboard.top_products[0].product_id == product.id
    assert dashboard.top_products[0].quantity == 2
    assert dashboard.low_stock_count == 1
    assert dashboard.low_stock[0].sku == "LS-S-BLU"


def test_dashboard_days_are_dates(platform, merchant, store, product):
    buy(platform, store)
    dashboard = platform.admin.get_dashboard(
        merchant, store.id, from_=EPOCH, to=EPOCH + 2 * DAY)
    days = [daily.day for daily in dashboard.revenue_per_day]
    assert days == [datetime.date(2026, 1, 1), datetime.date(2026, 1, 2)]
    assert dashboard.revenue_per_day[0].orders == 1
    assert dashboard.to_dict()["revenue_per_day"][1]["orders"] == 0
    assert dashboard.from_ == EPOCH


def test_dashboard_rejects_long_range(platform, merchant, store):
    with pytest.raises(shopkit.InvalidArgument) as raised:
        platform.admin.get_dashboard(
            merchant, store.id, from_=EPOCH, to=EPOCH + 400 * DAY)
    assert raised.value.field == "to"


def test_customers_list_and_orders(platform, merchant, store, product):
    user, buyer = sign_in(platform, shopkit.PlatformRole.CUSTOMER)
    order = buy(platform, store, key="c", principal=buyer)
    customers = list(platform.admin.iter_customers(merchant, store.id))
    assert [customer.email for customer in customers] == [
        "buyer@example.com"]
    customer = platform.admin.get_customer(merchant, store.id,
                                           customers[0].id)
    assert customer == customers[0]
    assert customer.order_count == 1
    orders = platform.admin.list_customer_orders(
        merchant, store.id, customer.id)
    assert [listed.id for listed in orders] == [order.id]


def test_customer_unknown_id(platform, merchant, store):
    with pytest.raises(shopkit.NotFound):
        platform.admin.get_customer(merchant, store.id, "cus_missing")
