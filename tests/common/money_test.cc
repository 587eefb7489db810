#include <doctest/doctest.h>

#include <cstdint>
#include <limits>

#include "shopkit/error.h"
#include "shopkit/money.h"

using shopkit::ErrorCode;
using shopkit::Money;

namespace {

ErrorCode parse_error(const char* text, const char* currency) {
  try {
    Money::parse(text, currency);
  } catch (const shopkit::Error& error) {
    return error.code();
  }
  FAIL("parse of '" << text << "' in " << currency << " did not raise");
  return ErrorCode::internal;
}

}  // namespace

TEST_CASE("currency exponents cover zero, two and three digits") {
  CHECK(shopkit::currency_exponent("JPY") == 0);
  CHECK(shopkit::currency_exponent("USD") == 2);
  CHECK(shopkit::currency_exponent("EUR") == 2);
  CHECK(shopkit::currency_exponent("KWD") == 3);
  CHECK(shopkit::currency_exponent("BHD") == 3);
  CHECK(shopkit::currency_exponent("CLF") == 4);
  CHECK(shopkit::currency_exponent("KRW") == 0);
}

TEST_CASE("unknown currency is invalid_argument naming it") {
  try {
    shopkit::currency_exponent("usd");
    FAIL("lower-case code accepted");
  } catch (const shopkit::Error& error) {
    CHECK(error.code() == ErrorCode::invalid_argument);
    CHECK(std::string(error.what()).find("'usd'") != std::string::npos);
    CHECK(error.field() == "currency");
  }
  CHECK_FALSE(shopkit::is_currency("XXX1"));
  CHECK_FALSE(shopkit::is_currency("HRK"));
}

TEST_CASE("parse is exact in each exponent") {
  CHECK(Money::parse("19.99", "USD").minor_units() == 1999);
  CHECK(Money::parse("19.9", "USD").minor_units() == 1990);
  CHECK(Money::parse("55", "USD").minor_units() == 5500);
  CHECK(Money::parse("500", "JPY").minor_units() == 500);
  CHECK(Money::parse("1.234", "KWD").minor_units() == 1234);
  CHECK(Money::parse("0.10", "USD").minor_units() == 10);
  CHECK(Money::parse(".5", "USD").minor_units() == 50);
  CHECK(Money::parse("-0.50", "USD").minor_units() == -50);
  CHECK(Money::parse("19.990", "USD").minor_units() == 1999);
}

TEST_CASE("parse rejects what would need rounding or guessing") {
  CHECK(parse_error("0.005", "USD") == ErrorCode::invalid_argument);
  CHECK(parse_error("1.5", "JPY") == ErrorCode::invalid_argument);
  CHECK(parse_error("1,000", "USD") == ErrorCode::invalid_argument);
  CHECK(parse_error("1 000", "USD") == ErrorCode::invalid_argument);
  CHECK(parse_error("1e3", "USD") == ErrorCode::invalid_argument);
  CHECK(parse_error("+1", "USD") == ErrorCode::invalid_argument);
  CHECK(parse_error("", "USD") == ErrorCode::invalid_argument);
  CHECK(parse_error("-", "USD") == ErrorCode::invalid_argument);
  CHECK(parse_error(".", "USD") == ErrorCode::invalid_argument);
  CHECK(parse_error("1.", "USD") == ErrorCode::invalid_argument);
  CHECK(parse_error("1.2.3", "USD") == ErrorCode::invalid_argument);
  CHECK(parse_error(" 1", "USD") == ErrorCode::invalid_argument);
  CHECK(parse_error("NaN", "USD") == ErrorCode::invalid_argument);
}

TEST_CASE("parse rejects overflow and accepts the int64 edges") {
  CHECK(Money::parse("92233720368547758.07", "USD").minor_units() ==
        std::numeric_limits<std::int64_t>::max());
  CHECK(Money::parse("-92233720368547758.08", "USD").minor_units() ==
        std::numeric_limits<std::int64_t>::min());
  CHECK(parse_error("92233720368547758.08", "USD") ==
        ErrorCode::invalid_argument);
  CHECK(parse_error("99999999999999999999999", "JPY") ==
        ErrorCode::invalid_argument);
}

TEST_CASE("decimal string round-trips through parse") {
  for (const char* currency : {"USD", "JPY", "KWD", "CLF"}) {
    for (std::int64_t units : std::initializer_list<std::int64_t>{
             0, 1, -1, 5, 1999, -123456,
             std::numeric_limits<std::int64_t>::max(),
             std::numeric_limits<std::int64_t>::min()}) {
      Money money(units, currency);
      CHECK(Money::parse(money.to_decimal_string(), currency) == money);
    }
  }
  CHECK(Money(5, "USD").to_decimal_string() == "0.05");
  CHECK(Money(-50, "USD").to_decimal_string() == "-0.50");
  CHECK(Money(500, "JPY").to_decimal_string() == "500");
  CHECK(Money(1234, "KWD").to_decimal_string() == "1.234");
}

TEST_CASE("arithmetic checks currency and overflow") {
  Money a(1000, "USD");
  CHECK(a.plus(Money(250, "USD")).minor_units() == 1250);
  CHECK(a.minus(Money(250, "USD")).minor_units() == 750);
  CHECK(a.times(3).minor_units() == 3000);
  CHECK_THROWS_AS(a.plus(Money(1, "EUR")), shopkit::Error);
  Money big(std::numeric_limits<std::int64_t>::max(), "USD");
  CHECK_THROWS_AS(big.plus(Money(1, "USD")), shopkit::Error);
  CHECK_THROWS_AS(big.times(2), shopkit::Error);
  CHECK_THROWS_AS(Money(std::numeric_limits<std::int64_t>::min(), "USD")
                      .minus(Money(1, "USD")),
                  shopkit::Error);
}
