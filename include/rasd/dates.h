// Dates and times in running text, resolved to values a machine can sort.
//
//   rasd::dates::Context ctx;
//   ctx.publication = doc.published;           // may be unknown
//   for (const rasd::dates::DateExpr& d : rasd::dates::Extract(doc.text, ctx)) {
//     // d.span in the text; d.value "2021-02-22" / "2021-01" / "2019-03-21/2019-03-31";
//     // d.resolution says how (absolute, relative to the publication date, ...)
//   }
//
// A relative expression with no publication date to anchor it is kept with
// its relative meaning and marked unresolved; a year is never invented.
#ifndef RASD_DATES_H_
#define RASD_DATES_H_

#include <string>
#include <string_view>
#include <vector>

#include "rasd/document.h"

namespace rasd::dates {

enum class Granularity { kMinute, kHour, kDay, kWeek, kMonth, kQuarter, kYear, kDecade, kRange };
const char* GranularityName(Granularity g);

enum class Resolution {
  kAbsolute,              // fully written: "22 شباط 2021", "February 21, 2025"
  kRelativeToPublication, // "أمس", "الشهر الماضي", "31 كانون الثاني الماضي" + publication date
  kRelativeToDate,        // anchored on another date in the text ("بعد ثلاثة أيام من ذلك")
  kUnresolved,            // relative, and nothing to anchor it on
};
const char* ResolutionName(Resolution r);

struct DateExpr {
  Span span;  // in the text given to Extract
  // ISO 8601 at the expression's granularity, or an interval "begin/end":
  // "2021-02-22", "2021-02-22T13:43", "2021-02", "2021-W07", "2021-Q1", "2014",
  // "201X" (a decade), "2019-03-21/2019-03-31" (أواخر مارس 2019). Empty when unresolved.
  std::string value;
  Granularity granularity = Granularity::kDay;
  Resolution resolution = Resolution::kAbsolute;
  // The relative meaning in a fixed vocabulary, kept even when resolved:
  // "today", "yesterday", "day-before-yesterday", "tomorrow", "weekday:0:this" (الأحد),
  // "weekday:2:last" (الثلاثاء الماضي), "month:-1" (الشهر الماضي), "month:0", "week:-1",
  // "year:-1", "day:-3" (منذ ثلاثة أيام), "end-of-year:0", "month-name:1:last" (يناير الماضي) ...
  std::string relative;
  // A part of a period ("أواخر مارس 2019" = value 2019-03-21/2019-03-31): which part
  // ("start", "mid" or "end", TimeML's mod) and the whole period's value ("2019-03").
  // Both empty for any other expression.
  std::string mod;
  std::string base;
  std::string calendar = "gregorian";  // or "hijri" (converted with ICU)
  // Set when a weekday in the expression disagrees with the calendar date
  // ("الأحد 22 شباط 2021" when the 22nd was a Monday); both are kept as written.
  bool weekday_mismatch = false;
  // A sentence a user can read: "relative to the publication date 2021-02-22: previous month".
  std::string explanation;
};

struct Context {
  Published publication;  // the anchor for relative expressions, when known
};

// Every date expression in `text`, in order, not overlapping.
std::vector<DateExpr> Extract(std::string_view text, const Context& context);

}  // namespace rasd::dates

#endif  // RASD_DATES_H_
