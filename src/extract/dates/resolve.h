// Anchoring parsed date expressions (internal): turns an Expr into the value,
// granularity, resolution, relative meaning and explanation of a DateExpr.
//
//   Anchors anchors;
//   anchors.publication = Anchor::FromPublished(ctx.publication);
//   DateExpr d = Resolve(x, anchors);
#ifndef RASD_EXTRACT_DATES_RESOLVE_H_
#define RASD_EXTRACT_DATES_RESOLVE_H_

#include <cstdint>
#include <string>

#include "extract/dates/expr.h"
#include "rasd/dates.h"

namespace rasd::dates::internal {

// A point in time relative expressions are counted from.
struct Anchor {
  bool known = false;
  int year = 0, month = 0, day = 0, hour = -1, minute = -1;
  DatePrecision precision = DatePrecision::kNone;
  Resolution how = Resolution::kRelativeToPublication;
  std::string name;  // "the publication date 2021-02-22"

  static Anchor FromPublished(const Published& p);
  static Anchor FromDay(int64_t days, Resolution how, const std::string& what);
  int64_t Days() const;
};

struct Anchors {
  Anchor publication;
  // The latest fully written date in the text: the anchor, when there is no
  // publication date, of expressions that only need a year ("يناير الماضي").
  Anchor latest_in_text;
  // The date of the previous expression in the text (for "اليوم التالي").
  Anchor previous;
  // The previous date written in full in the text ("عام 1877"), at its precision:
  // what "العام التالي" and "بعد ثلاث سنوات" count from in a narrative.
  Anchor previous_written;
  // The year of the previous expression that has one ("من العام ذاته").
  Anchor previous_year;
};

// The start of a resolved value as an anchor at the value's precision
// ("2021" → year, "2021-02" → month, "2021-02-22T13:43" → day), or unknown.
Anchor AnchorFromValue(const DateExpr& d, const std::string& what);

DateExpr Resolve(const Expr& x, const Anchors& anchors);

// The day (days since 1970-01-01) of a fully written absolute date, or false.
bool AbsoluteDay(const Expr& x, int64_t* days);

}  // namespace rasd::dates::internal

#endif  // RASD_EXTRACT_DATES_RESOLVE_H_
