#include <doctest/doctest.h>

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <string>

#include "common/time_format.h"

using shopkit::Timestamp;

namespace {

Timestamp at_millis(std::int64_t millis) {
  return Timestamp(std::chrono::milliseconds(millis));
}

// The layout spelled out with snprintf, the reference for the digits
// written by hand.
std::string reference(Timestamp time) {
  auto days = std::chrono::floor<std::chrono::days>(time);
  std::chrono::year_month_day date(days);
  std::chrono::hh_mm_ss<std::chrono::milliseconds> clock(time - days);
  char text[40];
  std::snprintf(text, sizeof text, "%04d-%02u-%02uT%02d:%02d:%02d.%03dZ",
                static_cast<int>(date.year()),
                static_cast<unsigned>(date.month()),
                static_cast<unsigned>(date.day()),
                static_cast<int>(clock.hours().count()),
                static_cast<int>(clock.minutes().count()),
                static_cast<int>(clock.seconds().count()),
                static_cast<int>(clock.subseconds().count()));
  return text;
}

}  // namespace

TEST_CASE("ISO 8601 times: exact text at the edges") {
  CHECK(shopkit::internal::format_iso8601(at_millis(0)) ==
        "1970-01-01T00:00:00.000Z");
  CHECK(shopkit::internal::format_iso8601(at_millis(1796423265986)) ==
        "2026-12-04T22:27:45.986Z");
  // 2024-02-29T23:59:59.999Z, a leap day's last millisecond.
  CHECK(shopkit::internal::format_iso8601(at_millis(1709251199999)) ==
        "2024-02-29T23:59:59.999Z");
  CHECK(shopkit::internal::format_iso8601(at_millis(-1)) ==
        "1969-12-31T23:59:59.999Z");
  // 9999-12-31T23:59:59.999Z and the millisecond after it.
  CHECK(shopkit::internal::format_iso8601(at_millis(253402300799999)) ==
        "9999-12-31T23:59:59.999Z");
  CHECK(shopkit::internal::format_iso8601(at_millis(253402300800000)) ==
        "10000-01-01T00:00:00.000Z");
}

TEST_CASE("ISO 8601 times: written digits match snprintf and parse back") {
  // A stride that is prime in milliseconds walks through every field.
  for (std::int64_t millis = -62167219200000;  // 0000-01-01
       millis < 253402300800000; millis += 7919LL * 86400007) {
    const Timestamp time = at_millis(millis);
    const std::string text = shopkit::internal::format_iso8601(time);
    CAPTURE(text);
    REQUIRE(text == reference(time));
    if (millis >= 0) {
      CHECK(shopkit::internal::parse_iso8601(text, "t") == time);
    }
  }
}
