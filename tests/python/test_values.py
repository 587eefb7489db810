"""Money, errors, enums, times and the value-class conventions."""

import copy
import datetime
import pickle

import pytest

import shopkit

UTC = datetime.timezone.utc


def test_money_parse_is_exact():
    assert shopkit.Money.parse("19.99", "USD").minor_units == 1999


def test_money_parse_jpy_and_kwd():
    assert shopkit.Money.parse("500", "JPY").minor_units == 500
    assert shopkit.Money.parse("1.234", "KWD").minor_units == 1234


def test_money_parse_rejects_extra_precision():
    with pytest.raises(shopkit.InvalidArgument) as raised:
        shopkit.Money.parse("0.005", "USD")
    assert "0.005" in raised.value.message


def test_money_rejects_float_amount():
    with pytest.raises(TypeError):
        shopkit.Money(19.99, "USD")


def test_money_rejects_unknown_currency():
    with pytest.raises(shopkit.InvalidArgument) as raised:
        shopkit.Money(1, "XXX")
    assert raised.value.field == "currency"


def test_money_str_and_repr():
    money = shopkit.Money(-50, "USD")
    assert str(money) == "-0.50 USD"
    assert repr(money) == "Money(-50, 'USD')"


def test_money_arithmetic_stays_int():
    price = shopkit.Money.parse("0.10", "USD")
    total = price * 3 + shopkit.Money(5, "USD") - shopkit.Money(1, "USD")
    assert total == shopkit.Money(34, "USD")
    assert isinstance(total.minor_units, int)


def test_money_multiplication_by_float_fails():
    with pytest.raises(TypeError):
        shopkit.Money(100, "USD") * 1.5


def test_money_right_multiplication_and_negation():
    assert 3 * shopkit.Money(7, "EUR") == shopkit.Money(21, "EUR")
    assert -shopkit.Money(7, "EUR") == shopkit.Money(-7, "EUR")


def test_money_mixed_currencies_fail():
    with pytest.raises(shopkit.InvalidArgument):
        shopkit.Money(1, "USD") + shopkit.Money(1, "EUR")
    with pytest.raises(shopkit.InvalidArgument):
        shopkit.Money(1, "USD") < shopkit.Money(1, "EUR")


def test_money_overflow_fails():
    big = shopkit.Money(2**62, "USD")
    with pytest.raises(shopkit.InvalidArgument):
        big * 4


def test_money_ordering_and_truth():
    small, large = shopkit.Money(1, "USD"), shopkit.Money(2, "USD")
    assert small < large
    assert large >= small
    assert not shopkit.Money(0, "USD")
    assert max([small, large]) is large


def test_money_hash_and_equality():
    assert {shopkit.Money(1, "USD"): "a"}[shopkit.Money(1, "USD")] == "a"
    assert shopkit.Money(1, "USD") != shopkit.Money(1, "EUR")
    assert shopkit.Money(1, "USD") != 1


def test_money_dict_round_trip():
    money = shopkit.Money.parse("12.34", "EUR")
    assert money.to_dict() == {"amount": 1234, "currency": "EUR"}
    assert shopkit.Money.from_dict(money.to_dict()) == money


def test_money_from_dict_rejects_float():
    with pytest.raises(shopkit.InvalidArgument) as raised:
        shopkit.Money.from_dict({"amount": 12.34, "currency": "EUR"})
    assert raised.value.field == "amount"


def test_money_from_dict_missing_key():
    with pytest.raises(shopkit.InvalidArgument) as raised:
        shopkit.Money.from_dict({"amount": 1})
    assert raised.value.field == "currency"


def test_currency_helpers():
    assert shopkit.currency_exponent("KWD") == 3
    assert shopkit.is_currency("USD")
    assert not shopkit.is_currency("usd")


def test_error_class_per_code():
    for code, error_class in shopkit._errors.ERROR_CLASSES.items():
        assert issubclass(error_class, shopkit.Error)
        assert error_class.code == code
    assert len(shopkit._errors.ERROR_CLASSES) == len(shopkit.ErrorCode)


def test_error_carries_code_message_field():
    with pytest.raises(shopkit.Error) as raised:
        shopkit.Money(1, "NOPE")
    error = raised.value
    assert type(error) is shopkit.InvalidArgument
    assert error.code is shopkit.ErrorCode.INVALID_ARGUMENT
    assert "NOPE" in error.message
    assert error.field == "currency"
    assert str(error) == error.message


def test_error_pickles_with_field():
    error = shopkit.NotFound("store 'x' not found", "store_id")
    copied = pickle.loads(pickle.dumps(error))
    assert type(copied) is shopkit.NotFound
    assert copied.field == "store_id"


def test_enums_are_strings():
    assert shopkit.PlatformRole.MERCHANT == "merchant"
    assert str(shopkit.OrderStatus.PAID) == "paid"


def test_principal_anonymous():
    anonymous = shopkit.Principal.anonymous()
    assert anonymous.is_anonymous
    assert anonymous.user_id is None
    assert anonymous.role is None
    assert repr(anonymous) == "Principal.anonymous()"
    assert anonymous == shopkit.Principal.anonymous()


def test_principal_has_no_constructor():
    with pytest.raises(TypeError):
        shopkit.Principal()


def test_value_class_keyword_constructor():
    line = shopkit.CheckoutLine(sku="A-1", quantity=2)
    assert line.sku == "A-1"
    assert line.quantity == 2


def test_value_class_unknown_keyword():
    with pytest.raises(TypeError, match="unexpected keyword argument 'sku2'"):
        shopkit.CheckoutLine(sku2="A-1")


def test_value_class_wrong_field_type():
    with pytest.raises(TypeError, match="CheckoutLine.quantity must be int"):
        shopkit.CheckoutLine(quantity="two")


def test_value_class_equality_and_repr():
    first = shopkit.CheckoutLine(sku="A-1", quantity=2)
    second = shopkit.CheckoutLine(sku="A-1", quantity=2)
    assert first == second
    assert first != shopkit.CheckoutLine(sku="A-1", quantity=3)
    assert repr(first) == "CheckoutLine(sku='A-1', quantity=2)"


def test_value_class_nested_dict_round_trip():
    data = {
        "lines": [{"sku": "A-1", "quantity": 2}],
        "email": "a@example.com",
        "shipping_address": {"name": "Ann", "line1": "1 Main St",
                             "city": "Springfield", "country": "US"},
        "idempotency_key": "k1",
    }
    request = shopkit.CheckoutRequest.from_dict(data)
    assert request.lines[0] == shopkit.CheckoutLine(sku="A-1", quantity=2)
    assert request.shipping_address.city == "Springfield"
    assert shopkit.CheckoutRequest.from_dict(request.to_dict()) == request


def test_value_class_from_dict_unknown_key():
    with pytest.raises(shopkit.InvalidArgument) as raised:
        shopkit.CheckoutLine.from_dict({"sku": "A", "qty": 1})
    assert raised.value.field == "qty"


def test_value_class_money_field_as_dict():
    variant = shopkit.VariantInput(
        sku="A", price={"amount": 1999, "currency": "USD"})
    assert variant.price == shopkit.Money(1999, "USD")
    assert variant.to_dict()["price"] == {"amount": 1999, "currency": "USD"}


def test_value_class_empty_id_is_none():
    variant = shopkit.VariantInput()
    assert variant.id is None
    assert variant.to_dict()["id"] is None


def test_value_class_copy_is_independent():
    line = shopkit.CheckoutLine(sku="A", quantity=1)
    copied = copy.copy(line)
    copied.quantity = 5
    assert line.quantity == 1
    assert copy.deepcopy(line) == line


def test_secret_fields_hidden_in_repr():
    result = shopkit.LoginResult(access_token="abc.def", refresh_token="xyz")
    assert "abc.def" not in repr(result)
    assert "xyz" not in repr(result)
    assert result.to_dict()["access_token"] == "abc.def"


def test_datetime_field_is_aware_utc():
    entry = shopkit.SigningKeyInfo(
        created_at=datetime.datetime(2026, 5, 1, 12, tzinfo=UTC))
    assert entry.created_at.tzinfo is not None
    assert entry.created_at.utcoffset() == datetime.timedelta(0)


def test_datetime_other_zone_converts():
    zone = datetime.timezone(datetime.timedelta(hours=2))
    entry = shopkit.SigningKeyInfo(
        created_at=datetime.datetime(2026, 5, 1, 14, tzinfo=zone))
    assert entry.created_at == datetime.datetime(2026, 5, 1, 12, tzinfo=UTC)


def test_datetime_keeps_milliseconds():
    moment = datetime.datetime(2026, 5, 1, 12, 0, 0, 123456, tzinfo=UTC)
    entry = shopkit.SigningKeyInfo(created_at=moment)
    assert entry.created_at.microsecond == 123000


def test_datetime_before_epoch():
    moment = datetime.datetime(1969, 12, 31, 23, 59, 59, 1000, tzinfo=UTC)
    entry = shopkit.SigningKeyInfo(created_at=moment)
    assert entry.created_at == moment


def test_naive_datetime_rejected():
    with pytest.raises(ValueError, match="naive datetime"):
        shopkit.SigningKeyInfo(created_at=datetime.datetime(2026, 5, 1))


def test_unknown_enum_name_rejected():
    with pytest.raises(shopkit.InvalidArgument, match="bogus"):
        shopkit.Product(status="bogus")


def test_enum_field_accepts_plain_string():
    product = shopkit.Product(status="active")
    assert product.status is shopkit.ProductStatus.ACTIVE


def test_page_iteration_and_dict():
    page = shopkit.Page(items=[shopkit.CheckoutLine(sku="A")],
                        next_cursor=None)
    assert [line.sku for line in page] == ["A"]
    assert len(page) == 1
    assert page.to_dict()["items"][0]["sku"] == "A"


def test_paginate_follows_cursors():
    pages = {
        None: shopkit.Page(items=[1, 2], next_cursor="c1"),
        "c1": shopkit.Page(items=[3], next_cursor=None),
    }
    calls = []

    def list_page(prefix, *, limit, cursor):
        calls.append((prefix, limit, cursor))
        return pages[cursor]

    assert list(shopkit.paginate(list_page, "p", limit=2)) == [1, 2, 3]
    assert calls == [("p", 2, None), ("p", 2, "c1")]


def test_options_keywords_and_dict():
    options = shopkit.Options(data_dir="/tmp/x", max_open_stores=8)
    assert str(options.data_dir) == "/tmp/x"
    assert options.to_dict()["max_open_stores"] == 8
    assert options.auth == shopkit.AuthOptions()


def test_options_log_must_be_callable():
    with pytest.raises(TypeError, match="callable"):
        shopkit.Options(log=42)


def test_manual_clock_moves():
    start = datetime.datetime(2026, 1, 1, tzinfo=UTC)
    clock = shopkit.ManualClock(start)
    clock.advance(datetime.timedelta(seconds=90))
    assert clock.now() == start + datetime.timedelta(seconds=90)
