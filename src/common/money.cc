#include "shopkit/money.h"

#include <algorithm>
#include <array>
#include <limits>
#include <string>

#include "shopkit/error.h"

namespace shopkit {
namespace {

struct CurrencyDigits {
  std::string_view code;
  int exponent;
};

// Active ISO 4217 codes (list one) with their minor-unit digits, sorted
// by code for binary search. Codes without a minor unit (XAU, XDR, ...)
// and withdrawn codes (HRK, SLL, ZWL, CUC) are left out.
constexpr auto kCurrencies = std::to_array<CurrencyDigits>({
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
});

static_assert(std::is_sorted(kCurrencies.begin(), kCurrencies.end(),
                             [](const auto& a, const auto& b) {
                               return a.code < b.code;
                             }));

const CurrencyDigits* find_currency(std::string_view code) {
  auto it = std::lower_bound(
      kCurrencies.begin(), kCurrencies.end(), code,
      [](const CurrencyDigits& entry, std::string_view key) {
        return entry.code < key;
      });
  if (it == kCurrencies.end() || it->code != code) return nullptr;
  return &*it;
}

Error invalid_amount(std::string_view text, std::string_view currency,
                     std::string_view why) {
  return Error(ErrorCode::invalid_argument,
               "invalid amount '" + std::string(text) + "' in " +
                   std::string(currency) + ": " + std::string(why),
               "amount");
}

}  // namespace

bool is_currency(std::string_view code) {
  return find_currency(code) != nullptr;
}

int currency_exponent(std::string_view code) {
  const CurrencyDigits* entry = find_currency(code);
  if (entry == nullptr) {
    throw Error(ErrorCode::invalid_argument,
                "unknown currency '" + std::string(code) +
                    "'; expected an active ISO 4217 code such as USD",
                "currency");
  }
  return entry->exponent;
}

Money::Money(std::int64_t minor_units, std::string_view currency)
    : minor_units_(minor_units), currency_(currency) {
  currency_exponent(currency);
}

Money Money::parse(std::string_view text, std::string_view currency) {
  const int exponent = currency_exponent(currency);
  std::string_view rest = text;
  bool negative = false;
  if (!rest.empty() && rest.front() == '-') {
    negative = true;
    rest.remove_prefix(1);
  }
  if (rest.empty()) throw invalid_amount(text, currency, "no digits");

  // Split into whole and fraction parts; every other character is
  // rejected, which covers separators, spaces, signs and exponents.
  std::size_t dot = rest.find('.');
  std::string_view whole = rest.substr(0, dot);
  std::string_view fraction =
      dot == std::string_view::npos ? std::string_view{} : rest.substr(dot + 1);
  if (whole.empty() && fraction.empty()) {
    throw invalid_amount(text, currency, "no digits");
  }
  if (dot != std::string_view::npos && fraction.empty()) {
    throw invalid_amount(text, currency, "no digits after the '.'");
  }
  auto all_digits = [](std::string_view part) {
    return std::all_of(part.begin(), part.end(),
                       [](char c) { return c >= '0' && c <= '9'; });
  };
  if (!all_digits(whole) || !all_digits(fraction)) {
    throw invalid_amount(text, currency,
                         "only digits and one '.' are allowed");
  }

  // Digits past the exponent must be zeros: "0.005" in USD would need
  // rounding, which parsing never does.
  while (fraction.size() > static_cast<std::size_t>(exponent) &&
         fraction.back() == '0') {
    fraction.remove_suffix(1);
  }
  if (fraction.size() > static_cast<std::size_t>(exponent)) {
    throw invalid_amount(text, currency,
                         "more than " + std::to_string(exponent) +
                             " decimal digits");
  }

  // Accumulate as a negative number so INT64_MIN stays reachable.
  constexpr std::int64_t kMin = std::numeric_limits<std::int64_t>::min();
  std::int64_t value = 0;
  auto push_digit = [&](int digit) {
    if (value < (kMin + digit) / 10) {
      throw invalid_amount(text, currency, "too large");
    }
    value = value * 10 - digit;
  };
  for (char c : whole) push_digit(c - '0');
  for (char c : fraction) push_digit(c - '0');
  for (int i = static_cast<int>(fraction.size()); i < exponent; ++i) {
    push_digit(0);
  }
  if (!negative) {
    if (value == kMin) throw invalid_amount(text, currency, "too large");
    value = -value;
  }
  return Money(value, currency);
}

std::string Money::to_decimal_string() const {
  const int exponent = currency_exponent(currency_);
  // Work on the unsigned magnitude so INT64_MIN formats too.
  std::uint64_t magnitude =
      minor_units_ < 0 ? 0 - static_cast<std::uint64_t>(minor_units_)
                       : static_cast<std::uint64_t>(minor_units_);
  std::string digits = std::to_string(magnitude);
  if (exponent > 0) {
    if (digits.size() <= static_cast<std::size_t>(exponent)) {
      digits.insert(0, exponent + 1 - digits.size(), '0');
    }
    digits.insert(digits.size() - exponent, 1, '.');
  }
  return minor_units_ < 0 ? "-" + digits : digits;
}

namespace {

void require_same_currency(const Money& a, const Money& b) {
  if (a.currency() != b.currency()) {
    throw Error(ErrorCode::invalid_argument,
                "cannot combine " + a.currency() + " and " + b.currency() +
                    " amounts",
                "currency");
  }
}

Error overflow(const Money& a, std::string_view op, std::string_view b) {
  return Error(ErrorCode::invalid_argument,
               "amount overflow: " + a.to_decimal_string() + " " +
                   a.currency() + " " + std::string(op) + " " +
                   std::string(b),
               "amount");
}

}  // namespace

Money Money::plus(const Money& other) const {
  require_same_currency(*this, other);
  std::int64_t sum = 0;
  if (__builtin_add_overflow(minor_units_, other.minor_units_, &sum)) {
    throw overflow(*this, "+", other.to_decimal_string());
  }
  return Money(sum, currency_);
}

Money Money::minus(const Money& other) const {
  require_same_currency(*this, other);
  std::int64_t difference = 0;
  if (__builtin_sub_overflow(minor_units_, other.minor_units_, &difference)) {
    throw overflow(*this, "-", other.to_decimal_string());
  }
  return Money(difference, currency_);
}

Money Money::times(std::int64_t quantity) const {
  std::int64_t product = 0;
  if (__builtin_mul_overflow(minor_units_, quantity, &product)) {
    throw overflow(*this, "*", std::to_string(quantity));
  }
  return Money(product, currency_);
}

}  // namespace shopkit
