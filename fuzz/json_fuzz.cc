// The JSON layer the HTTP host applies to request bodies, on arbitrary
// bytes: after nlohmann's parser accepts the text, each from_json
// conversion must return a value or raise shopkit::Error with
// invalid_argument. Any other exception, a crash or a sanitizer report
// is a failure. The same bytes, as product text, must come out of the
// direct product writer (to_json_text) exactly as nlohmann's dump
// writes them, invalid UTF-8 included.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "shopkit/json.h"

namespace {

using nlohmann::json;

// Converts `body` to the request type picked by `kind`, as the host's
// route handlers do.
void convert(std::uint8_t kind, const json& body) {
  switch (kind % 13) {
    case 0: {
      shopkit::ProductInput input;
      shopkit::from_json(body, input);
      break;
    }
    case 1: {
      shopkit::ProductUpdate update;
      shopkit::from_json(body, update);
      break;
    }
    case 2: {
      shopkit::CheckoutRequest request;
      shopkit::from_json(body, request);
      break;
    }
    case 3: {
      shopkit::CreateStoreRequest request;
      shopkit::from_json(body, request);
      break;
    }
    case 4: {
      shopkit::StoreSettingsUpdate update;
      shopkit::from_json(body, update);
      break;
    }
    case 5: {
      shopkit::Address address;
      shopkit::from_json(body, address);
      break;
    }
    case 6: {
      shopkit::RegisterRequest request;
      shopkit::from_json(body, request);
      break;
    }
    case 7: {
      shopkit::LoginRequest request;
      shopkit::from_json(body, request);
      break;
    }
    case 8: {
      shopkit::ThemeDraft draft;
      shopkit::from_json(body, draft);
      break;
    }
    case 9: {
      (void)shopkit::theme_setting_changes_from_json(body);
      break;
    }
    case 10: {
      (void)shopkit::timestamp_from_json(body, "time");
      break;
    }
    case 11: {
      // A Money that converts must survive a to_json/from_json round trip.
      shopkit::Money money;
      shopkit::from_json(body, money);
      json again;
      shopkit::to_json(again, money);
      shopkit::Money back;
      shopkit::from_json(again, back);
      if (!(back == money)) std::abort();
      break;
    }
    default: {
      shopkit::User user;
      shopkit::from_json(body, user);
      break;
    }
  }
}

// Puts `text` into the text fields of a product and compares the two
// ways of writing it.
void compare_product_text(std::string_view text) {
  shopkit::Product product;
  product.title = std::string(text);
  product.description = std::string(text.substr(text.size() / 2));
  product.tags = {std::string(text.substr(0, text.size() / 3))};
  shopkit::Variant variant;
  variant.sku = std::string(text.substr(text.size() / 4));
  product.variants.push_back(variant);
  const std::string dumped =
      json(product).dump(-1, ' ', false, json::error_handler_t::replace);
  if (shopkit::to_json_text(product) != dumped) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data,
                                      std::size_t size) {
  if (size == 0) return 0;
  std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);
  compare_product_text(text);

  // The host rejects text that nlohmann cannot parse before any
  // conversion runs, so only parsed values reach from_json.
  json body = json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (body.is_discarded()) return 0;

  try {
    convert(data[0], body);
  } catch (const shopkit::Error& error) {
    if (error.code() != shopkit::ErrorCode::invalid_argument) std::abort();
  }
  return 0;
}
