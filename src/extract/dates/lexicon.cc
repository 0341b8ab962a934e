#include "extract/dates/lexicon.h"

#include <algorithm>
#include <cstdlib>
#include <string>
#include <vector>

#include "rasd/data.h"
#include "rasd/text.h"

namespace rasd::dates::internal {
namespace {

std::vector<std::string_view> SplitBars(std::string_view s) {
  std::vector<std::string_view> out;
  size_t pos = 0;
  while (pos <= s.size()) {
    size_t bar = s.find('|', pos);
    if (bar == std::string_view::npos) bar = s.size();
    if (bar > pos) out.push_back(s.substr(pos, bar - pos));
    pos = bar + 1;
  }
  return out;
}

int ToInt(std::string_view s) { return std::atoi(std::string(s).c_str()); }

Part PartFromName(std::string_view s) {
  static const std::pair<std::string_view, Part> kParts[] = {{"dawn", Part::kDawn},
                                                             {"morning", Part::kMorning},
                                                             {"forenoon", Part::kForenoon},
                                                             {"noon", Part::kNoon},
                                                             {"afternoon", Part::kAfternoon},
                                                             {"evening", Part::kEvening},
                                                             {"sunset", Part::kSunset},
                                                             {"isha", Part::kIsha},
                                                             {"night", Part::kNight},
                                                             {"midnight", Part::kMidnight},
                                                             {"am", Part::kAm},
                                                             {"pm", Part::kPm}};
  for (const auto& [name, p] : kParts) {
    if (name == s) return p;
  }
  return Part::kNone;
}

Holiday HolidayFromName(std::string_view s) {
  for (int h = 1; h <= static_cast<int>(Holiday::kRamadan); ++h) {
    if (s == HolidayName(static_cast<Holiday>(h))) return static_cast<Holiday>(h);
  }
  return Holiday::kNone;
}

Unit UnitFromName(std::string_view s) {
  static const std::pair<std::string_view, Unit> kUnits[] = {
      {"minute", Unit::kMinute}, {"hour", Unit::kHour},     {"day", Unit::kDay},
      {"week", Unit::kWeek},     {"month", Unit::kMonth},   {"quarter", Unit::kQuarter},
      {"year", Unit::kYear},     {"decade", Unit::kDecade}, {"century", Unit::kCentury}};
  for (const auto& [name, u] : kUnits) {
    if (name == s) return u;
  }
  return Unit::kNone;
}

bool StartsWith(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }
bool EndsWith(std::string_view s, std::string_view p) {
  return s.size() >= p.size() && s.substr(s.size() - p.size()) == p;
}

}  // namespace

const char* PartName(Part p) {
  switch (p) {
    case Part::kDawn:
      return "dawn";
    case Part::kMorning:
      return "morning";
    case Part::kForenoon:
      return "forenoon";
    case Part::kNoon:
      return "noon";
    case Part::kAfternoon:
      return "afternoon";
    case Part::kEvening:
      return "evening";
    case Part::kSunset:
      return "sunset";
    case Part::kIsha:
      return "isha";
    case Part::kNight:
      return "night";
    case Part::kMidnight:
      return "midnight";
    case Part::kAm:
      return "am";
    case Part::kPm:
      return "pm";
    case Part::kNone:
      break;
  }
  return "";
}

const char* HolidayName(Holiday h) {
  switch (h) {
    case Holiday::kEidAlFitr:
      return "eid-al-fitr";
    case Holiday::kEidAlAdha:
      return "eid-al-adha";
    case Holiday::kHijriNewYear:
      return "hijri-new-year";
    case Holiday::kMawlid:
      return "mawlid";
    case Holiday::kAshura:
      return "ashura";
    case Holiday::kArafah:
      return "arafah";
    case Holiday::kChristmas:
      return "christmas";
    case Holiday::kNewYear:
      return "new-year";
    case Holiday::kEaster:
      return "easter";
    case Holiday::kLabourDay:
      return "labour-day";
    case Holiday::kRamadan:
      return "ramadan";
    case Holiday::kNone:
      break;
  }
  return "";
}

const Lexicon& Lexicon::Get() {
  static const Lexicon lexicon;
  return lexicon;
}

Lexicon::Lexicon() {
  LoadCalendar("calendar/months.tsv", true);
  LoadCalendar("calendar/weekdays.tsv", false);
  LoadDates();
  BuildIndex();
}

void Lexicon::BuildIndex() {
  size_t cap = 16;
  while (cap < entries_.size() * 4) cap *= 2;
  slots_.assign(cap, Slot());
  mask_ = cap - 1;
  for (const auto& [key, entry] : entries_) {
    uint64_t h = HashOf(key);
    size_t i = h & mask_;
    while (slots_[i].entry != nullptr) i = (i + 1) & mask_;
    slots_[i] = {h, &key, &entry};
  }
}

Entry& Lexicon::Add(std::string_view form) {
  std::string key = text::NormalizeKey(form);
  int words = 1;
  for (char c : key) words += c == ' ';
  if (words > 1) {
    Entry& first = entries_[key.substr(0, key.find(' '))];
    if (words > first.phrase_words) first.phrase_words = static_cast<uint8_t>(words);
  }
  max_key_ = std::max(max_key_, key.size());
  Entry& e = entries_[key];
  if (StartsWith(key, "ال")) e.article = true;
  return e;
}

void Lexicon::LoadCalendar(std::string_view file, bool months) {
  for (std::string_view line : data::Lines(data::Get(file))) {
    auto f = data::Fields(line);
    if (f.size() < 2) continue;
    int value = ToInt(f[0]);
    for (std::string_view form : SplitBars(f[1])) {
      Entry& e = Add(form);
      if (months) {
        e.roles |= kMonth;
        e.month = static_cast<int8_t>(value);
      } else {
        e.roles |= kWeekday;
        e.weekday = static_cast<int8_t>(value);
      }
    }
  }
}

void Lexicon::LoadDates() {
  for (std::string_view line : data::Lines(data::Get("dates/lexicon.tsv"))) {
    auto f = data::Fields(line);
    if (f.size() < 3) continue;
    std::string_view role = f[0], value = f[1];
    std::string_view flags = f.size() > 3 ? f[3] : std::string_view();
    for (std::string_view form : SplitBars(f[2])) {
      Entry& e = Add(form);
      std::string key = text::NormalizeKey(form);
      if (role == "relday") {
        e.roles |= kRelDay;
        e.relday = static_cast<int8_t>(ToInt(value));
        e.weak = flags == "weak";
      } else if (role == "dir") {
        e.roles |= kDir;
        e.dir = value == "last" ? Dir::kLast : value == "next" ? Dir::kNext : Dir::kThis;
      } else if (role == "this") {
        e.roles |= kThis;
      } else if (role == "boundary") {
        e.roles |= kBoundary;
        e.bound = value == "early" ? Bound::kEarly : value == "mid" ? Bound::kMid : Bound::kLate;
      } else if (role == "unit") {
        e.roles |= kUnit;
        e.unit = UnitFromName(value);
        e.unit_count = flags == "2" ? 2 : flags == "p" ? 0 : 1;
      } else if (role == "period") {
        e.roles |= kPeriod;
      } else if (role == "card") {
        e.roles |= kCard;
        e.card = static_cast<int16_t>(ToInt(value));
      } else if (role == "ord") {
        e.roles |= kOrd;
        e.ord = static_cast<int8_t>(ToInt(value));
      } else if (role == "hmonth") {
        e.roles |= kHMonth;
        e.hmonth = static_cast<int8_t>(ToInt(value));
      } else if (role == "era") {
        e.roles |= kEra;
        e.era = value == "hijri" ? Era::kHijri : Era::kGregorian;
      } else if (role == "ambiguous") {
        e.month_ambiguous = true;
      } else if (role == "weekday") {
        e.roles |= kWeekday;
        e.weekday = static_cast<int8_t>(ToInt(value));
      } else if (role == "part") {
        e.roles |= kPart;
        e.part = PartFromName(value);
        size_t dash = flags.find('-');
        if (dash != std::string_view::npos) {
          e.part_from = static_cast<int8_t>(ToInt(flags.substr(0, dash)));
          e.part_to = static_cast<int8_t>(ToInt(flags.substr(dash + 1)));
        }
        // "صباحا", "الصباح", "بعد الظهر" follow a time; "صباح", "مساء", "ليلة" head a day.
        e.part_adverb = e.article || EndsWith(key, "ا") || key.find(' ') != std::string::npos ||
                        e.part == Part::kAm || e.part == Part::kPm || key == "مساء";
      } else if (role == "clock") {
        e.roles |= kClock;
      } else if (role == "fraction") {
        e.roles |= kFraction;
        e.fraction = static_cast<int8_t>(ToInt(value));
      } else if (role == "minus") {
        e.roles |= kMinus;
      } else if (role == "vague") {
        e.roles |= kVague;
        e.vague = value == "now"       ? Vague::kNow
                  : value == "present" ? Vague::kPresent
                  : value == "past"    ? Vague::kPast
                                       : Vague::kFuture;
      } else if (role == "holiday") {
        e.roles |= kHoliday;
        e.holiday = HolidayFromName(value);
      } else if (role == "decade") {
        e.roles |= kDecade;
        e.decade = static_cast<int8_t>(ToInt(value));
      } else if (role == "prep") {
        e.roles |= kPrep;
      } else if (role == "ago") {
        e.roles |= kAgo;
        e.ago = static_cast<int8_t>(ToInt(value));
      } else if (role == "approx") {
        e.roles |= kApprox;
      } else if (role == "few") {
        e.roles |= kFew;
      } else if (role == "same") {
        e.roles |= kSame;
      } else if (role == "yearcue") {
        e.roles |= kYearCue;
      } else if (role == "monthcue") {
        e.roles |= kMonthCue;
      } else if (role == "dayadj") {
        e.roles |= kDayAdj;
      } else if (role == "daydet") {
        e.roles |= kDayDet;
      } else if (role == "future") {
        e.roles |= kFuture;
      } else if (role == "season") {
        e.roles |= kSeason;
        e.season = value == "spring" ? 0 : value == "summer" ? 1 : value == "autumn" ? 2 : 3;
      } else if (role == "notfuture") {
        e.more_roles |= kNotFuture;
      } else if (role == "countnoun") {
        e.roles |= kCountNoun;
      } else if (role == "afteryear") {
        e.roles |= kAfterYear;
      }
    }
  }
}

}  // namespace rasd::dates::internal
