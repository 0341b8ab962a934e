#include "rasd/document.h"

#include <cstdio>

namespace rasd {

const char* PrecisionName(DatePrecision p) {
  switch (p) {
    case DatePrecision::kNone: return "none";
    case DatePrecision::kYear: return "year";
    case DatePrecision::kMonth: return "month";
    case DatePrecision::kDay: return "day";
    case DatePrecision::kMinute: return "minute";
  }
  return "none";
}

std::string Published::Iso() const {
  char buf[32];
  const CivilTime& t = time;
  switch (precision) {
    case DatePrecision::kNone: return "";
    case DatePrecision::kYear: std::snprintf(buf, sizeof buf, "%04d", t.year); break;
    case DatePrecision::kMonth: std::snprintf(buf, sizeof buf, "%04d-%02d", t.year, t.month); break;
    case DatePrecision::kDay:
      std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", t.year, t.month, t.day);
      break;
    case DatePrecision::kMinute:
      std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d", t.year, t.month, t.day, t.hour,
                    t.minute);
      break;
  }
  return buf;
}

}  // namespace rasd
