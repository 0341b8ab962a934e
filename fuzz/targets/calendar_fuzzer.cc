// calendar::ParseDateText on header lines and metadata fields: the span is in
// the input and the date is a real calendar date at its precision; the civil
// date arithmetic round-trips on what was parsed.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_util.h"
#include "rasd/calendar.h"
#include "rasd/text.h"

namespace cal = rasd::calendar;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view in = rasd::fuzz::AsView(data, size);
  auto parsed = cal::ParseDateText(in);
  if (parsed) {
    const rasd::CivilTime& t = parsed->time;
    FUZZ_CHECK(parsed->span.begin <= parsed->span.end && parsed->span.end <= in.size(),
               "date span [%u,%u) outside the input (%zu)", parsed->span.begin, parsed->span.end,
               in.size());
    FUZZ_CHECK(parsed->precision != rasd::DatePrecision::kNone, "a parsed date without precision");
    if (parsed->precision >= rasd::DatePrecision::kMonth) {
      FUZZ_CHECK(t.month >= 1 && t.month <= 12, "month %d", t.month);
    }
    if (parsed->precision >= rasd::DatePrecision::kDay) {
      FUZZ_CHECK(cal::IsValidDate(t.year, t.month, t.day), "invalid date %d-%d-%d", t.year, t.month,
                 t.day);
      int64_t days = cal::DaysFromCivil(t.year, t.month, t.day);
      int y = 0, m = 0, d = 0;
      cal::CivilFromDays(days, &y, &m, &d);
      FUZZ_CHECK(y == t.year && m == t.month && d == t.day, "civil round trip %d-%d-%d -> %d-%d-%d",
                 t.year, t.month, t.day, y, m, d);
      int w = cal::Weekday(t.year, t.month, t.day);
      FUZZ_CHECK(w >= 0 && w <= 6, "weekday %d", w);
    }
    if (t.hour != -1) FUZZ_CHECK(t.hour >= 0 && t.hour <= 23, "hour %d", t.hour);
    if (t.minute != -1) FUZZ_CHECK(t.minute >= 0 && t.minute <= 59, "minute %d", t.minute);
    rasd::Published p;
    p.time = t;
    p.precision = parsed->precision;
    p.Iso();
  }
  // Month and weekday lookups take any normalized word.
  std::string key = rasd::text::NormalizeKey(in.substr(0, 64));
  int month = cal::MonthFromName(key);
  FUZZ_CHECK(month >= 0 && month <= 12, "MonthFromName = %d", month);
  int wd = cal::WeekdayFromName(key);
  FUZZ_CHECK(wd >= -1 && wd <= 6, "WeekdayFromName = %d", wd);
  return 0;
}
