// What a date expression says, as parsed from the text and before it is
// anchored (internal). The grammar (grammar.cc) fills it; the resolver
// (resolve.cc) turns it into a value against the publication date.
#ifndef RASD_EXTRACT_DATES_EXPR_H_
#define RASD_EXTRACT_DATES_EXPR_H_

#include <climits>

#include "extract/dates/lexicon.h"

namespace rasd::dates::internal {

constexpr int kNoOffset = INT_MIN;

enum class Kind : uint8_t {
  kDate,  // calendar fields as written: y (maybe absent), m, d; Gregorian or Hijri
  kDeictic,  // n units from the anchor: اليوم (day 0), أمس (day -1), الشهر الماضي (month -1),
             // منذ ثلاثة أيام (day -3)
  kWeekday,     // a weekday relative to the anchor (this/last/next), maybe in another week
  kNthWeekday,  // the n-th (or last, n = -1) weekday of a month
  kNthDay,      // the n-th (or last) day of a month
  kNthWeek,     // the n-th (or last) week of a month (weeks Monday-Sunday inside the month)
  kHoliday,
  kNow,
  kVague,    // present / past / future reference with no date
  kTime,     // a time of day only: the anchor's day
  kSpan,     // the n units before or after the anchor: الأيام الثلاثة الماضية
  kNextDay,  // اليوم التالي: the day after the previous date in the text
  kDecade,
  kCentury,
  kQuarter,
  kHalf,
  kDayRange,  // d..d2 of month m (or m..m2), year y
  kYearRange,
  kSeason,  // n = 0 spring .. 3 winter, with y, year_offset or dir
};

struct Expr {
  Kind kind = Kind::kDate;
  bool hijri = false;
  int y = 0, m = 0, d = 0;       // 0 = not written
  int y2 = 0, m2 = 0, d2 = 0;    // second end of a range
  int year_offset = kNoOffset;   // "من العام الماضي": the year relative to the anchor
  int month_offset = kNoOffset;  // "من هذا الشهر", "من الشهر القادم"
  int week_offset = kNoOffset;   // "أحد الأسبوع الماضي"
  Dir dir = Dir::kNone;          // يناير الماضي, الاثنين المقبل, ...
  Unit unit = Unit::kNone;       // kDeictic / kSpan
  int n = 0;                     // offset, count, n-th, quarter, half, decade digit, century
  int weekday = -1;              // as written (0 = Sunday)
  bool weekday_picks = false;    // the weekday chooses among candidate dates (no year)
  Bound bound = Bound::kNone;    // مطلع / منتصف / أواخر
  int hour = -1, minute = -1;    // time of day
  int hour_end = -1;             // a range of hours (part of day, "من 3 إلى 4")
  Part part = Part::kNone;
  bool eve = false;  // ليلة الجمعة: the night before Friday
  Holiday holiday = Holiday::kNone;
  Vague vague = Vague::kNone;
  bool future_cue = false;           // a future word in the clause before a bare weekday
  int century_offset = kNoOffset;    // القرن الماضي
  int century_start = -1;            // النصف الثاني من القرن العشرين: 1900
  bool numeric_hijri_guess = false;  // 14-09-1432 with no era mark: a Hijri year range
  bool first_of_month = false;       // "أول شباط"
  bool ago = false;                  // "منذ"/"قبل"/"بعد" + a count of units
  bool pm_assumed = false;           // "الساعة 3" with no part of the day: 15:00
  bool after = false;                // kNthWeekday counted after a date or holiday
  bool since = false;                // "منذ أيار": the most recent May, not a later one
  bool following = false;  // "العام التالي", "بعد ثلاث سنوات": counted from the
                           // previous written date in a narrative
  bool same_year = false;  // "من العام ذاته": the year of the previous date
};

}  // namespace rasd::dates::internal

#endif  // RASD_EXTRACT_DATES_EXPR_H_
