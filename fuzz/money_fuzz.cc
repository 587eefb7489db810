// Money::parse must either raise invalid_argument or return a value
// that formats back to an equal amount; nothing else.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "shopkit/error.h"
#include "shopkit/money.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data,
                                      std::size_t size) {
  static constexpr std::string_view kCurrencies[] = {"USD", "JPY", "KWD",
                                                     "CLF", "EUR"};
  if (size == 0) return 0;
  std::string_view currency = kCurrencies[data[0] % 5];
  std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);
  try {
    shopkit::Money money = shopkit::Money::parse(text, currency);
    shopkit::Money again =
        shopkit::Money::parse(money.to_decimal_string(), currency);
    if (!(again == money)) std::abort();
  } catch (const shopkit::Error& error) {
    if (error.code() != shopkit::ErrorCode::invalid_argument) std::abort();
  }
  return 0;
}
