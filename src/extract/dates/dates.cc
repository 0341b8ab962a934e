// Extract: normalize (keeping the offset map), scan tokens, parse date
// expressions, then anchor them in text order.
#include "rasd/dates.h"

#include <vector>

#include "extract/dates/grammar.h"
#include "extract/dates/resolve.h"
#include "extract/dates/scan.h"
#include "rasd/calendar.h"
#include "rasd/text.h"

namespace rasd::dates {

const char* GranularityName(Granularity g) {
  switch (g) {
    case Granularity::kMinute:
      return "minute";
    case Granularity::kHour:
      return "hour";
    case Granularity::kDay:
      return "day";
    case Granularity::kWeek:
      return "week";
    case Granularity::kMonth:
      return "month";
    case Granularity::kQuarter:
      return "quarter";
    case Granularity::kYear:
      return "year";
    case Granularity::kDecade:
      return "decade";
    case Granularity::kRange:
      return "range";
  }
  return "day";
}

const char* ResolutionName(Resolution r) {
  switch (r) {
    case Resolution::kAbsolute:
      return "absolute";
    case Resolution::kRelativeToPublication:
      return "relative-to-publication";
    case Resolution::kRelativeToDate:
      return "relative-to-date";
    case Resolution::kUnresolved:
      return "unresolved";
  }
  return "unresolved";
}

namespace {

// The day of a resolved value that names one day ("2021-02-22", "2021-02-22T13:43").
bool DayOf(const DateExpr& d, int64_t* days) {
  if (d.resolution == Resolution::kUnresolved || d.value.size() < 10 || d.value[4] != '-' ||
      (d.granularity != Granularity::kDay && d.granularity != Granularity::kHour &&
       d.granularity != Granularity::kMinute)) {
    return false;
  }
  int y = std::atoi(d.value.c_str()), m = std::atoi(d.value.c_str() + 5),
      day = std::atoi(d.value.c_str() + 8);
  if (!calendar::IsValidDate(y, m, day)) return false;
  *days = calendar::DaysFromCivil(y, m, day);
  return true;
}

}  // namespace

std::vector<DateExpr> Extract(std::string_view text, const Context& context) {
  using internal::Anchor;
  std::vector<DateExpr> out;
  if (text.empty()) return out;
  text::Normalized norm = text::Normalize(text);
  thread_local std::vector<internal::Tok> tokens;
  thread_local std::vector<internal::Match> found;
  internal::Scan(norm, text, &tokens);
  internal::ParseTokens(tokens, &found);
  if (found.empty()) return out;

  internal::Anchors anchors;
  anchors.publication = Anchor::FromPublished(context.publication);
  if (!anchors.publication.known) {
    int64_t latest = 0;
    bool have = false;
    for (const internal::Match& m : found) {
      int64_t d;
      if (internal::AbsoluteDay(m.x, &d) && (!have || d > latest)) {
        latest = d;
        have = true;
      }
    }
    if (have) {
      anchors.latest_in_text = Anchor::FromDay(latest, Resolution::kRelativeToDate,
                                               "the latest date written in the text");
      anchors.latest_in_text.name += " (the publication date is unknown)";
    }
  }
  out.reserve(found.size());
  for (const internal::Match& m : found) {
    DateExpr d = internal::Resolve(m.x, anchors);
    // The span leaves out a leading conjunction or preposition glued to the first word.
    d.span = norm.ToOriginal(tokens[m.begin].b + tokens[m.begin].clitic_len, tokens[m.end - 1].e);
    int64_t day;
    if (DayOf(d, &day)) {
      anchors.previous =
          Anchor::FromDay(day, Resolution::kRelativeToDate, "the date mentioned before it,");
    }
    if (Anchor a = internal::AnchorFromValue(d, "the year mentioned before it,"); a.known) {
      anchors.previous_year = a;
      if (d.resolution == Resolution::kAbsolute) {
        anchors.previous_written = internal::AnchorFromValue(d, "the date written before it,");
      }
    }
    out.push_back(std::move(d));
  }
  return out;
}

}  // namespace rasd::dates
