// verify_jwt on arbitrary bytes must return a verdict and never crash.
// A token is accepted only when its signature is right, and the fuzzer
// cannot forge one, so any acceptance of an input that encode_jwt did
// not make is a failure.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>

#include "auth/jwt.h"
#include "common/crypto.h"

namespace {

using shopkit::internal::HmacSha256Key;

const std::shared_ptr<const HmacSha256Key>& fuzz_key() {
  static const auto key =
      std::make_shared<const HmacSha256Key>("fuzz signing secret 0123456789");
  return key;
}

// One key, "k1", found by kid or by the header encode_jwt() writes.
class FuzzKeys final : public shopkit::internal::JwtKeys {
 public:
  std::shared_ptr<const HmacSha256Key> find_by_header(
      std::string_view segment) override {
    static const std::string header =
        shopkit::internal::jwt_header_segment("k1");
    return segment == header ? fuzz_key() : nullptr;
  }
  std::shared_ptr<const HmacSha256Key> find(std::string_view kid) override {
    return kid == "k1" ? fuzz_key() : nullptr;
  }
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data,
                                      std::size_t size) {
  std::string_view token(reinterpret_cast<const char*>(data), size);
  shopkit::internal::JwtRules rules{.issuer = "shopkit",
                                    .audience = "shopkit",
                                    .now = 1767225600,
                                    .leeway = 30};
  FuzzKeys keys;
  shopkit::internal::JwtResult result =
      shopkit::internal::verify_jwt(token, keys, rules);
  if (result.claims) {
    // Only a token signed with the key can pass; check that re-signing
    // its first two parts gives the same token.
    std::size_t last_dot = token.rfind('.');
    std::string signing_input(token.substr(0, last_dot));
    std::string again =
        signing_input + "." +
        shopkit::internal::base64url_encode(fuzz_key()->sign(signing_input));
    if (again != token) std::abort();
  }
  return 0;
}
