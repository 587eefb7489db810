#include "auth/jwt_claims.h"

#include <cmath>
#include <nlohmann/json.hpp>

namespace shopkit::internal {
namespace {

// Reads the top-level claims of a payload with nlohmann's SAX parser,
// which builds no DOM. Nested values are skipped except the strings of
// an "aud" array. A repeated claim of interest fails the parse, which
// RFC 7519 section 4 allows.
class ClaimsReader final : public nlohmann::json_sax<nlohmann::json> {
 public:
  ClaimsReader(RawClaims& claims, std::string_view audience)
      : claims_(claims), audience_(audience) {}

  bool null() override { return scalar(); }
  bool boolean(bool) override { return scalar(); }
  bool number_integer(number_integer_t value) override {
    return number(value);
  }
  bool number_unsigned(number_unsigned_t value) override {
    if (value > static_cast<number_unsigned_t>(INT64_MAX)) {
      return scalar();
    }
    return number(static_cast<std::int64_t>(value));
  }
  bool number_float(number_float_t value, const string_t&) override {
    // NumericDate may have a fraction (RFC 7519 section 2); it is dropped.
    if (!std::isfinite(value) || std::fabs(value) > 1e15) {
      return scalar();
    }
    return number(static_cast<std::int64_t>(std::floor(value)));
  }
  bool string(string_t& value) override {
    if (depth_ == 0) return false;  // The payload must be an object.
    if (depth_ == 2 && in_audience_array_) {
      if (value == audience_) claims_.audience_matches = true;
      return true;
    }
    if (depth_ != 1) return true;
    switch (claim_) {
      case Claim::sub:
        claims_.subject = std::move(value);
        break;
      case Claim::sid:
        claims_.session_id = std::move(value);
        break;
      case Claim::iss:
        claims_.issuer = std::move(value);
        break;
      case Claim::role:
        claims_.role = std::move(value);
        break;
      case Claim::aud:
        claims_.audience_matches = value == audience_;
        break;
      case Claim::exp:
      case Claim::iat:
      case Claim::nbf:
        claims_.bad_type = true;
        break;
      case Claim::other:
        break;
    }
    return true;
  }
  bool binary(binary_t&) override { return false; }

  bool start_object(std::size_t) override {
    if (depth_ == 0) {
      depth_ = 1;
      return true;
    }
    mark_nested();
    ++depth_;
    return true;
  }
  bool end_object() override {
    --depth_;
    return true;
  }
  bool start_array(std::size_t) override {
    if (depth_ == 0) return false;  // The payload must be an object.
    if (depth_ == 1 && claim_ == Claim::aud) {
      in_audience_array_ = true;
    } else {
      mark_nested();
    }
    ++depth_;
    return true;
  }
  bool end_array() override {
    --depth_;
    if (depth_ == 1) in_audience_array_ = false;
    return true;
  }
  bool key(string_t& name) override {
    if (depth_ != 1) return true;
    claim_ = claim_of(name);
    if (claim_ == Claim::other) return true;
    auto bit = 1u << static_cast<unsigned>(claim_);
    if (seen_ & bit) return false;
    seen_ |= bit;
    if (claim_ == Claim::aud) claims_.has_audience = true;
    return true;
  }
  bool parse_error(std::size_t, const std::string&,
                   const nlohmann::detail::exception&) override {
    return false;
  }

 private:
  enum class Claim { sub, sid, iss, aud, exp, iat, nbf, role, other };

  static Claim claim_of(std::string_view name) {
    if (name == "sub") return Claim::sub;
    if (name == "sid") return Claim::sid;
    if (name == "iss") return Claim::iss;
    if (name == "aud") return Claim::aud;
    if (name == "exp") return Claim::exp;
    if (name == "iat") return Claim::iat;
    if (name == "nbf") return Claim::nbf;
    if (name == "role") return Claim::role;
    return Claim::other;
  }

  bool scalar() {
    if (depth_ == 0) return false;
    if (depth_ == 1 && claim_ != Claim::other && claim_ != Claim::role) {
      claims_.bad_type = true;
    }
    return true;
  }

  bool number(std::int64_t value) {
    if (depth_ == 0) return false;
    if (depth_ != 1) return true;
    switch (claim_) {
      case Claim::exp:
        claims_.expires_at = value;
        break;
      case Claim::iat:
        claims_.issued_at = value;
        break;
      case Claim::nbf:
        claims_.not_before = value;
        break;
      case Claim::other:
      case Claim::role:
        break;
      default:
        claims_.bad_type = true;
    }
    return true;
  }

  // An object or array as the value of a claim of interest is a type
  // error; anywhere else it is skipped.
  void mark_nested() {
    if (depth_ == 1 && claim_ != Claim::other && claim_ != Claim::role) {
      claims_.bad_type = true;
    }
  }

  RawClaims& claims_;
  std::string_view audience_;
  int depth_ = 0;
  Claim claim_ = Claim::other;
  unsigned seen_ = 0;
  bool in_audience_array_ = false;
};

// A scanner for the payloads shopkit and common libraries write: one
// flat object whose values are integers, plain strings or arrays of
// plain strings. It skips the SAX parser's per-character overhead, which
// was the largest cost left in authenticate() (docs/benchmarks.md).
// On anything else (escapes, non-ASCII bytes, fractions, literals,
// nested objects, a repeated claim) it gives up, and the SAX parser
// decides, so both paths accept exactly the same texts.
class FlatScanner {
 public:
  FlatScanner(std::string_view text, std::string_view audience,
              RawClaims& claims)
      : text_(text), audience_(audience), claims_(claims) {}

  // Returns true when the whole text was read; false means "ask the SAX
  // parser", not "invalid".
  bool scan() {
    skip_space();
    if (!take('{')) return false;
    skip_space();
    if (take('}')) return at_end();
    for (;;) {
      std::string_view name;
      skip_space();
      if (!plain_string(name)) return false;
      skip_space();
      if (!take(':')) return false;
      skip_space();
      if (!value(name)) return false;
      skip_space();
      if (take('}')) return at_end();
      if (!take(',')) return false;
    }
  }

 private:
  bool at_end() {
    skip_space();
    return pos_ == text_.size();
  }

  void skip_space() {
    while (pos_ < text_.size() &&
           (text_[pos_] == ' ' || text_[pos_] == '\n' || text_[pos_] == '\r' ||
            text_[pos_] == '\t')) {
      ++pos_;
    }
  }

  bool take(char c) {
    if (pos_ < text_.size() && text_[pos_] == c) {
      ++pos_;
      return true;
    }
    return false;
  }

  // A string of printable ASCII without escapes.
  bool plain_string(std::string_view& out) {
    if (!take('"')) return false;
    std::size_t start = pos_;
    while (pos_ < text_.size()) {
      char c = text_[pos_];
      if (c == '"') {
        out = text_.substr(start, pos_ - start);
        ++pos_;
        return true;
      }
      if (c == '\\' || c < 0x20 || c > 0x7e) return false;
      ++pos_;
    }
    return false;
  }

  // An integer of at most 18 digits, without a leading zero.
  bool integer(std::int64_t& out) {
    bool negative = take('-');
    std::size_t start = pos_;
    std::int64_t value = 0;
    while (pos_ < text_.size() && text_[pos_] >= '0' && text_[pos_] <= '9') {
      if (pos_ - start == 18) return false;  // Might not fit in 64 bits.
      value = value * 10 + (text_[pos_] - '0');
      ++pos_;
    }
    std::size_t digits = pos_ - start;
    if (digits == 0) return false;
    if (digits > 1 && text_[start] == '0') return false;
    if (pos_ < text_.size() &&
        (text_[pos_] == '.' || text_[pos_] == 'e' || text_[pos_] == 'E')) {
      return false;
    }
    out = negative ? -value : value;
    return true;
  }

  bool claim_seen(unsigned bit) {
    if (seen_ & bit) return true;
    seen_ |= bit;
    return false;
  }

  bool value(std::string_view name) {
    if (pos_ >= text_.size()) return false;
    char c = text_[pos_];
    if (c == '"') {
      std::string_view text;
      if (!plain_string(text)) return false;
      return string_claim(name, text);
    }
    if (c == '-' || (c >= '0' && c <= '9')) {
      std::int64_t number = 0;
      if (!integer(number)) return false;
      return number_claim(name, number);
    }
    if (c == '[' && name == "aud") return audience_array();
    return false;
  }

  bool string_claim(std::string_view name, std::string_view text) {
    std::optional<std::string>* slot = nullptr;
    unsigned bit = 0;
    if (name == "sub") {
      slot = &claims_.subject;
      bit = 1;
    } else if (name == "sid") {
      slot = &claims_.session_id;
      bit = 2;
    } else if (name == "iss") {
      slot = &claims_.issuer;
      bit = 4;
    } else if (name == "role") {
      slot = &claims_.role;
      bit = 8;
    } else if (name == "aud") {
      if (claim_seen(16)) return false;
      claims_.has_audience = true;
      claims_.audience_matches = text == audience_;
      return true;
    } else if (name == "exp" || name == "iat" || name == "nbf") {
      return false;  // A type error: the SAX parser records it.
    } else {
      return true;
    }
    if (claim_seen(bit)) return false;
    *slot = std::string(text);
    return true;
  }

  bool number_claim(std::string_view name, std::int64_t number) {
    if (name == "exp") {
      if (claim_seen(32)) return false;
      claims_.expires_at = number;
    } else if (name == "iat") {
      if (claim_seen(64)) return false;
      claims_.issued_at = number;
    } else if (name == "nbf") {
      if (claim_seen(128)) return false;
      claims_.not_before = number;
    } else if (name == "sub" || name == "sid" || name == "iss" ||
               name == "aud") {
      return false;  // A type error: the SAX parser records it.
    }
    return true;
  }

  bool audience_array() {
    if (claim_seen(16)) return false;
    claims_.has_audience = true;
    take('[');
    skip_space();
    if (take(']')) return true;
    for (;;) {
      std::string_view item;
      skip_space();
      if (!plain_string(item)) return false;
      if (item == audience_) claims_.audience_matches = true;
      skip_space();
      if (take(']')) return true;
      if (!take(',')) return false;
    }
  }

  std::string_view text_;
  std::string_view audience_;
  RawClaims& claims_;
  std::size_t pos_ = 0;
  unsigned seen_ = 0;
};

}  // namespace

bool read_claims(std::string_view json, std::string_view audience,
                 RawClaims& claims) {
  claims = RawClaims{};
  if (FlatScanner(json, audience, claims).scan()) return true;
  claims = RawClaims{};
  ClaimsReader reader(claims, audience);
  return nlohmann::json::sax_parse(json, &reader);
}

}  // namespace shopkit::internal
