#include "common/time_format.h"

#include <cstdio>

#include "shopkit/error.h"

namespace shopkit::internal {

std::string format_iso8601(Timestamp time) {
  auto days = std::chrono::floor<std::chrono::days>(time);
  std::chrono::year_month_day date(days);
  std::chrono::hh_mm_ss<std::chrono::milliseconds> clock(time - days);
  const int year = static_cast<int>(date.year());
  const int month = static_cast<int>(static_cast<unsigned>(date.month()));
  const int day = static_cast<int>(static_cast<unsigned>(date.day()));
  const int hours = static_cast<int>(clock.hours().count());
  const int minutes = static_cast<int>(clock.minutes().count());
  const int seconds = static_cast<int>(clock.seconds().count());
  const int millis = static_cast<int>(clock.subseconds().count());
  if (year < 0 || year > 9999) {
    char text[40];
    std::snprintf(text, sizeof text, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ",
                  year, month, day, hours, minutes, seconds, millis);
    return text;
  }
  // Every catalog page formats two times per product; digits by hand
  // cost a tenth of snprintf.
  std::string text = "0000-00-00T00:00:00.000Z";
  auto put = [&text](std::size_t at, int value, int width) {
    for (int i = width - 1; i >= 0; --i) {
      text[at + static_cast<std::size_t>(i)] =
          static_cast<char>('0' + value % 10);
      value /= 10;
    }
  };
  put(0, year, 4);
  put(5, month, 2);
  put(8, day, 2);
  put(11, hours, 2);
  put(14, minutes, 2);
  put(17, seconds, 2);
  put(20, millis, 3);
  return text;
}

namespace {

bool read_digits(std::string_view text, std::size_t at, std::size_t count,
                 int& out) {
  if (at + count > text.size()) return false;
  out = 0;
  for (std::size_t i = at; i < at + count; ++i) {
    if (text[i] < '0' || text[i] > '9') return false;
    out = out * 10 + (text[i] - '0');
  }
  return true;
}

}  // namespace

Timestamp parse_iso8601(std::string_view text, std::string_view field) {
  auto invalid = [&] {
    return Error(ErrorCode::invalid_argument,
                 "invalid time '" + std::string(text) +
                     "'; expected YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS[.mmm]Z",
                 std::string(field));
  };
  int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
  int millis = 0;
  if (!read_digits(text, 0, 4, year) || text.size() < 10 || text[4] != '-' ||
      !read_digits(text, 5, 2, month) || text[7] != '-' ||
      !read_digits(text, 8, 2, day)) {
    throw invalid();
  }
  std::size_t at = 10;
  if (text.size() > 10) {
    if (text.size() < 20 || (text[10] != 'T' && text[10] != ' ') ||
        !read_digits(text, 11, 2, hour) || text[13] != ':' ||
        !read_digits(text, 14, 2, minute) || text[16] != ':' ||
        !read_digits(text, 17, 2, second)) {
      throw invalid();
    }
    at = 19;
    if (text[at] == '.') {
      if (!read_digits(text, at + 1, 3, millis)) throw invalid();
      at += 4;
    }
    if (at + 1 != text.size() || text[at] != 'Z') throw invalid();
  }
  std::chrono::year_month_day date{std::chrono::year(year),
                                   std::chrono::month(month),
                                   std::chrono::day(day)};
  if (!date.ok() || hour > 23 || minute > 59 || second > 59) throw invalid();
  return Timestamp(std::chrono::sys_days(date).time_since_epoch()) +
         std::chrono::hours(hour) + std::chrono::minutes(minute) +
         std::chrono::seconds(second) + std::chrono::milliseconds(millis);
}

}  // namespace shopkit::internal
