#include <doctest/doctest.h>

#include <cstdint>
#include <limits>
#include <map>
#include <string>

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

TEST_CASE("exponent table matches ISO 4217") {
  // Active codes of ISO 4217 list one (table A.1) with their minor-unit
  // digits. Codes whose minor unit is "N.A." (XAU, XDR, ...) are left out.
  // NOTE: BGN is kept although Bulgaria switched to the euro in 2026,
  // because no edition of list one from after the switch was checked.
  const std::map<std::string, int> expected = {
      {"AED", 2}, {"AFN", 2}, {"ALL", 2}, {"AMD", 2}, {"AOA", 2}, {"ARS", 2},
      {"AUD", 2}, {"AWG", 2}, {"AZN", 2}, {"BAM", 2}, {"BBD", 2}, {"BDT", 2},
      {"BGN", 2}, {"BHD", 3}, {"BIF", 0}, {"BMD", 2}, {"BND", 2}, {"BOB", 2},
      {"BOV", 2}, {"BRL", 2}, {"BSD", 2}, {"BTN", 2}, {"BWP", 2}, {"BYN", 2},
      {"BZD", 2}, {"CAD", 2}, {"CDF", 2}, {"CHE", 2}, {"CHF", 2}, {"CHW", 2},
      {"CLF", 4}, {"CLP", 0}, {"CNY", 2}, {"COP", 2}, {"COU", 2}, {"CRC", 2},
      {"CUP", 2}, {"CVE", 2}, {"CZK", 2}, {"DJF", 0}, {"DKK", 2}, {"DOP", 2},
      {"DZD", 2}, {"EGP", 2}, {"ERN", 2}, {"ETB", 2}, {"EUR", 2}, {"FJD", 2},
      {"FKP", 2}, {"GBP", 2}, {"GEL", 2}, {"GHS", 2}, {"GIP", 2}, {"GMD", 2},
      {"GNF", 0}, {"GTQ", 2}, {"GYD", 2}, {"HKD", 2}, {"HNL", 2}, {"HTG", 2},
      {"HUF", 2}, {"IDR", 2}, {"ILS", 2}, {"INR", 2}, {"IQD", 3}, {"IRR", 2},
      {"ISK", 0}, {"JMD", 2}, {"JOD", 3}, {"JPY", 0}, {"KES", 2}, {"KGS", 2},
      {"KHR", 2}, {"KMF", 0}, {"KPW", 2}, {"KRW", 0}, {"KWD", 3}, {"KYD", 2},
      {"KZT", 2}, {"LAK", 2}, {"LBP", 2}, {"LKR", 2}, {"LRD", 2}, {"LSL", 2},
      {"LYD", 3}, {"MAD", 2}, {"MDL", 2}, {"MGA", 2}, {"MKD", 2}, {"MMK", 2},
      {"MNT", 2}, {"MOP", 2}, {"MRU", 2}, {"MUR", 2}, {"MVR", 2}, {"MWK", 2},
      {"MXN", 2}, {"MXV", 2}, {"MYR", 2}, {"MZN", 2}, {"NAD", 2}, {"NGN", 2},
      {"NIO", 2}, {"NOK", 2}, {"NPR", 2}, {"NZD", 2}, {"OMR", 3}, {"PAB", 2},
      {"PEN", 2}, {"PGK", 2}, {"PHP", 2}, {"PKR", 2}, {"PLN", 2}, {"PYG", 0},
      {"QAR", 2}, {"RON", 2}, {"RSD", 2}, {"RUB", 2}, {"RWF", 0}, {"SAR", 2},
      {"SBD", 2}, {"SCR", 2}, {"SDG", 2}, {"SEK", 2}, {"SGD", 2}, {"SHP", 2},
      {"SLE", 2}, {"SOS", 2}, {"SRD", 2}, {"SSP", 2}, {"STN", 2}, {"SVC", 2},
      {"SYP", 2}, {"SZL", 2}, {"THB", 2}, {"TJS", 2}, {"TMT", 2}, {"TND", 3},
      {"TOP", 2}, {"TRY", 2}, {"TTD", 2}, {"TWD", 2}, {"TZS", 2}, {"UAH", 2},
      {"UGX", 0}, {"USD", 2}, {"USN", 2}, {"UYI", 0}, {"UYU", 2}, {"UYW", 4},
      {"UZS", 2}, {"VED", 2}, {"VES", 2}, {"VND", 0}, {"VUV", 0}, {"WST", 2},
      {"XAF", 0}, {"XCD", 2}, {"XCG", 2}, {"XOF", 0}, {"XPF", 0}, {"YER", 2},
      {"ZAR", 2}, {"ZMW", 2}, {"ZWG", 2},
  };
  for (const auto& [code, exponent] : expected) {
    CAPTURE(code);
    CHECK(shopkit::is_currency(code));
    CHECK(shopkit::currency_exponent(code) == exponent);
  }

  // Every other three-letter code is rejected, so the table has no
  // extra or withdrawn entries.
  int accepted = 0;
  std::string code = "AAA";
  for (code[0] = 'A'; code[0] <= 'Z'; ++code[0]) {
    for (code[1] = 'A'; code[1] <= 'Z'; ++code[1]) {
      for (code[2] = 'A'; code[2] <= 'Z'; ++code[2]) {
        if (shopkit::is_currency(code)) ++accepted;
      }
    }
  }
  CHECK(accepted == static_cast<int>(expected.size()));
}

TEST_CASE("withdrawn and unit-less codes are rejected") {
  for (const char* code : {"ANG", "HRK", "SLL", "ZWL", "CUC", "VEF", "MRO",
                           "STD", "BYR", "LTL", "XAU", "XDR", "XXX", "XTS"}) {
    CAPTURE(code);
    CHECK_FALSE(shopkit::is_currency(code));
    CHECK(parse_error("1", code) == ErrorCode::invalid_argument);
  }
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
