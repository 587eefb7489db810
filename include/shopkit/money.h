// Exact money: an integer count of minor units and an ISO 4217 code.
// No floating point is used anywhere in money paths.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "shopkit/export.h"

namespace shopkit {

// Returns the number of decimal digits of an active ISO 4217 currency
// (JPY 0, USD 2, KWD 3, CLF 4). Raises invalid_argument naming `code`
// for a code that is not an active currency (codes are upper case).
SHOPKIT_EXPORT int currency_exponent(std::string_view code);

// True when `code` is an active ISO 4217 currency code.
SHOPKIT_EXPORT bool is_currency(std::string_view code);

class SHOPKIT_EXPORT Money {
 public:
  // A zero amount in USD; use the other constructor for real values.
  Money() = default;
  // Raises invalid_argument when `currency` is not an ISO 4217 code.
  Money(std::int64_t minor_units, std::string_view currency);

  // Parses a decimal string in major units exactly: "19.99" in USD is
  // 1999. Accepted: an optional '-', digits, and an optional '.' with
  // at most the currency's exponent of digits (trailing zeros beyond it
  // are allowed, "19.990"). Rejected with invalid_argument naming the
  // text: thousands separators ("1,000"), spaces, exponents, a '+',
  // more precision than the currency has ("0.005" in USD) and values
  // that overflow int64 minor units.
  static Money parse(std::string_view text, std::string_view currency);

  std::int64_t minor_units() const noexcept { return minor_units_; }
  const std::string& currency() const noexcept { return currency_; }

  // Formats in major units with the currency's exponent: "19.99",
  // "-0.50", "500" for JPY. parse(to_decimal_string()) round-trips.
  std::string to_decimal_string() const;

  // Checked arithmetic. Each raises invalid_argument when the
  // currencies differ or the result overflows int64, naming the values.
  Money plus(const Money& other) const;
  Money minus(const Money& other) const;
  Money times(std::int64_t quantity) const;

  friend bool operator==(const Money&, const Money&) = default;

 private:
  std::int64_t minor_units_ = 0;
  std::string currency_ = "USD";
};

}  // namespace shopkit
