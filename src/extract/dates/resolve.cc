#include "extract/dates/resolve.h"

#include <cstdio>
#include <string>

#include "extract/dates/hijri.h"
#include "rasd/calendar.h"

namespace rasd::dates::internal {
namespace {

using calendar::CivilFromDays;
using calendar::DaysFromCivil;
using calendar::DaysInMonth;

const char* const kWeekdays[] = {"Sunday",   "Monday", "Tuesday", "Wednesday",
                                 "Thursday", "Friday", "Saturday"};
const char* const kMonths[] = {"",        "January",  "February", "March",  "April",
                               "May",     "June",     "July",     "August", "September",
                               "October", "November", "December"};
const char* const kHijriMonths[] = {
    "",      "Muharram", "Safar",   "Rabi' I", "Rabi' II",      "Jumada I",     "Jumada II",
    "Rajab", "Sha'ban",  "Ramadan", "Shawwal", "Dhu al-Qa'dah", "Dhu al-Hijjah"};

std::string Fmt(const char* f, int a) {
  char buf[128];
  std::snprintf(buf, sizeof buf, f, a);
  return buf;
}
std::string Fmt(const char* f, int a, int b) {
  char buf[128];
  std::snprintf(buf, sizeof buf, f, a, b);
  return buf;
}
std::string Fmt(const char* f, int a, int b, int c) {
  char buf[160];
  std::snprintf(buf, sizeof buf, f, a, b, c);
  return buf;
}

std::string Iso(int64_t days) {
  int y, m, d;
  CivilFromDays(days, &y, &m, &d);
  return Fmt("%04d-%02d-%02d", y, m, d);
}
// "the previous month", "the current week", "3 years later".
std::string Period(const char* unit, int n) {
  if (n == 0) return std::string("the current ") + unit;
  if (n == -1) return std::string("the previous ") + unit;
  if (n == 1) return std::string("the next ") + unit;
  return Fmt(n < 0 ? "%d " : "%d ", n < 0 ? -n : n) + unit + "s " + (n < 0 ? "earlier" : "later");
}

std::string IsoMonth(int64_t days) {
  int y, m, d;
  CivilFromDays(days, &y, &m, &d);
  return Fmt("%04d-%02d", y, m);
}
int YearOf(int64_t days) {
  int y, m, d;
  CivilFromDays(days, &y, &m, &d);
  return y;
}
// Monday = 0 .. Sunday = 6.
int IsoWeekday(int64_t days) { return static_cast<int>(((days % 7) + 7 + 3) % 7); }
// 0 = Sunday.
int SundayWeekday(int64_t days) { return (IsoWeekday(days) + 1) % 7; }
std::string IsoWeek(int64_t days) {
  int64_t thursday = days - IsoWeekday(days) + 3;
  int y = YearOf(thursday);
  int week = static_cast<int>((thursday - DaysFromCivil(y, 1, 1)) / 7) + 1;
  return Fmt("%04d-W%02d", y, week);
}
int64_t MonthStart(int y, int m) { return DaysFromCivil(y, m, 1); }
int64_t MonthEnd(int y, int m) { return DaysFromCivil(y, m, DaysInMonth(y, m)); }
void AddMonths(int* y, int* m, int n) {
  int total = *y * 12 + (*m - 1) + n;
  *y = total >= 0 ? total / 12 : (total - 11) / 12;
  *m = total - *y * 12 + 1;
}
const char* DirName(Dir d) {
  return d == Dir::kLast ? "last" : d == Dir::kNext ? "next" : d == Dir::kThis ? "this" : "";
}
const char* UnitName(Unit u) {
  switch (u) {
    case Unit::kMinute:
      return "minute";
    case Unit::kHour:
      return "hour";
    case Unit::kDay:
      return "day";
    case Unit::kWeek:
      return "week";
    case Unit::kMonth:
      return "month";
    case Unit::kQuarter:
      return "quarter";
    case Unit::kYear:
      return "year";
    case Unit::kDecade:
      return "decade";
    case Unit::kCentury:
      return "century";
    case Unit::kNone:
      break;
  }
  return "";
}

// Western Easter Sunday (anonymous Gregorian computus).
int64_t Easter(int y) {
  int a = y % 19, b = y / 100, c = y % 100, d = b / 4, e = b % 4, f = (b + 8) / 25,
      g = (b - f + 1) / 3, h = (19 * a + b - d - g + 15) % 30, i = c / 4, k = c % 4,
      l = (32 + 2 * e + 2 * i - h - k) % 7, m = (a + 11 * h + 22 * l) / 451,
      month = (h + l - 7 * m + 114) / 31, day = ((h + l - 7 * m + 114) % 31) + 1;
  return DaysFromCivil(y, month, day);
}

// Hijri month and day of the holidays that follow the Hijri calendar.
bool HijriHoliday(Holiday h, int* m, int* d) {
  switch (h) {
    case Holiday::kEidAlFitr:
      *m = 10, *d = 1;
      return true;
    case Holiday::kEidAlAdha:
      *m = 12, *d = 10;
      return true;
    case Holiday::kHijriNewYear:
      *m = 1, *d = 1;
      return true;
    case Holiday::kMawlid:
      *m = 3, *d = 12;
      return true;
    case Holiday::kAshura:
      *m = 1, *d = 10;
      return true;
    case Holiday::kArafah:
      *m = 12, *d = 9;
      return true;
    case Holiday::kRamadan:
      *m = 9, *d = 1;
      return true;
    default:
      return false;
  }
}

// The value being built: a day, a period, or a range, and a time of day.
struct Val {
  Granularity g = Granularity::kDay;
  Granularity unit = Granularity::kDay;  // of the bounds of a kRange
  int64_t lo = 0, hi = 0;                // days, inclusive
  int hour = -1, minute = -1, hour_end = -1;
};

std::string Format(const Val& v) {
  switch (v.g) {
    case Granularity::kDay:
      return Iso(v.lo);
    case Granularity::kWeek:
      return IsoWeek(v.lo);
    case Granularity::kMonth:
      return IsoMonth(v.lo);
    case Granularity::kQuarter: {
      int y, m, d;
      CivilFromDays(v.lo, &y, &m, &d);
      return Fmt("%04d-Q%d", y, (m - 1) / 3 + 1);
    }
    case Granularity::kYear:
      return Fmt("%04d", YearOf(v.lo));
    case Granularity::kDecade:
      return Fmt("%03dX", YearOf(v.lo) / 10);
    case Granularity::kHour:
      return Iso(v.lo) + Fmt("T%02d:00", v.hour);
    case Granularity::kMinute:
      return Iso(v.lo) + Fmt("T%02d:%02d", v.hour, v.minute);
    case Granularity::kRange:
      switch (v.unit) {
        case Granularity::kWeek:
          return IsoWeek(v.lo) + "/" + IsoWeek(v.hi);
        case Granularity::kMonth:
          return IsoMonth(v.lo) + "/" + IsoMonth(v.hi);
        case Granularity::kYear:
          return Fmt("%04d/%04d", YearOf(v.lo), YearOf(v.hi));
        case Granularity::kHour: {
          int64_t end_day = v.hour_end >= v.hour ? v.lo : v.lo + 1;
          return Iso(v.lo) + Fmt("T%02d:00", v.hour) + "/" + Iso(end_day) +
                 Fmt("T%02d:00", v.hour_end);
        }
        default:
          return Iso(v.lo) + "/" + Iso(v.hi);
      }
    default:
      break;
  }
  return "";
}

class Resolver {
 public:
  Resolver(const Expr& x, const Anchors& a) : x_(x), a_(a) {}

  DateExpr Run() {
    DateExpr out;
    out.relative = Relative();
    int hm, hd;
    if (x_.hijri || (x_.kind == Kind::kHoliday &&
                     (x_.holiday == Holiday::kNone || HijriHoliday(x_.holiday, &hm, &hd)))) {
      out.calendar = "hijri";
    }
    bool ok = x_.after ? After() : Base();
    if (ok) {
      if (x_.bound != Bound::kNone) {
        out.base = Format(v_);
        out.mod = x_.bound == Bound::kEarly ? "start" : x_.bound == Bound::kMid ? "mid" : "end";
        ApplyBound();
      }
      if (x_.first_of_month) {
        v_.g = Granularity::kDay;
        v_.hi = v_.lo;
        Note("the first day of the month");
      }
      ApplyTime();
      CheckWeekday(&out);
      out.value = Format(v_);
      out.granularity = v_.g;
      out.resolution = how_;
      if (how_ == Resolution::kAbsolute) {
        out.explanation = "absolute: " + what_;
      } else {
        out.explanation = "relative to " + anchor_->name + ": " + what_;
      }
    } else {
      out.value.clear();
      out.resolution = Resolution::kUnresolved;
      out.granularity = Natural();
      out.explanation = "unresolved: " + (why_.empty() ? what_ : why_);
    }
    if (!mismatch_note_.empty()) out.explanation += "; " + mismatch_note_;
    return out;
  }

 private:
  void Note(const std::string& s) {
    if (!what_.empty()) what_ += ", ";
    what_ += s;
  }

  // The anchor with at least `need` precision; the latest date written in the
  // text stands in for the publication date only when `text_ok`.
  const Anchor* Pick(DatePrecision need, bool text_ok) {
    if (x_.following && a_.previous_written.known && a_.previous_written.precision >= need) {
      return &a_.previous_written;
    }
    if (a_.publication.known && a_.publication.precision >= need) return &a_.publication;
    if (text_ok && a_.latest_in_text.known && a_.latest_in_text.precision >= need) {
      return &a_.latest_in_text;
    }
    return nullptr;
  }
  bool Use(const Anchor* anchor, const std::string& need) {
    if (anchor == nullptr) {
      why_ = need + (a_.publication.known ? ": the publication date is not precise enough"
                                          : ": needs a publication date");
      return false;
    }
    anchor_ = anchor;
    how_ = anchor->how;
    return true;
  }

  void SetDay(int64_t d) {
    v_.g = Granularity::kDay;
    v_.lo = v_.hi = d;
  }
  void SetMonth(int y, int m) {
    v_.g = Granularity::kMonth;
    v_.lo = MonthStart(y, m);
    v_.hi = MonthEnd(y, m);
  }
  void SetYear(int y) {
    v_.g = Granularity::kYear;
    v_.lo = DaysFromCivil(y, 1, 1);
    v_.hi = DaysFromCivil(y, 12, 31);
  }
  void SetRange(int64_t lo, int64_t hi, Granularity unit = Granularity::kDay) {
    v_.g = Granularity::kRange;
    v_.unit = unit;
    v_.lo = lo;
    v_.hi = hi;
  }

  bool Base() {
    switch (x_.kind) {
      case Kind::kDate:
        return x_.hijri ? HijriDate() : Date();
      case Kind::kDeictic:
        return Deictic();
      case Kind::kWeekday:
        return WeekdayRel();
      case Kind::kNthWeekday:
      case Kind::kNthDay:
      case Kind::kNthWeek:
        return Nth();
      case Kind::kHoliday:
        return HolidayDate();
      case Kind::kNow:
        return Now();
      case Kind::kVague:
        return VagueRef();
      case Kind::kTime:
        return TimeOnly();
      case Kind::kSpan:
        return Span();
      case Kind::kNextDay:
        return NextDay();
      case Kind::kDecade:
        return Decade();
      case Kind::kCentury:
        return Century();
      case Kind::kQuarter:
      case Kind::kHalf:
        return QuarterHalf();
      case Kind::kDayRange:
        return DayRange();
      case Kind::kYearRange:
        return YearRange();
      case Kind::kSeason:
        return Season();
    }
    return false;
  }

  // Seasons by months (northern hemisphere): spring Mar-May, summer Jun-Aug, autumn
  // Sep-Nov, winter Dec-Feb; "winter 2015" is the one that starts in December 2015.
  bool Season() {
    static const char* const kNames[] = {"spring", "summer", "autumn", "winter"};
    int start_month = 3 + 3 * x_.n;
    auto set = [&](int y) {
      int ey = y, em = start_month;
      AddMonths(&ey, &em, 2);
      SetRange(MonthStart(y, start_month), MonthEnd(ey, em), Granularity::kMonth);
    };
    if (x_.y != 0) {
      set(x_.y);
      what_ = std::string(kNames[x_.n]) + Fmt(" %d", x_.y);
      return true;
    }
    if (!Use(Pick(DatePrecision::kMonth, x_.year_offset != kNoOffset), std::string(kNames[x_.n]))) {
      return false;
    }
    int ay = anchor_->year, am = anchor_->month;
    int y = ay + (x_.year_offset == kNoOffset ? 0 : x_.year_offset);
    // The occurrence containing the anchor month, else the one of its year.
    int idx = ay * 12 + am - 1;
    int start = y * 12 + start_month - 1;
    if (x_.year_offset == kNoOffset && x_.n == 3 && am <= 2) start -= 12;
    if (x_.dir == Dir::kLast) {
      while (start + 2 >= idx) start -= 12;
      Note(std::string("the most recent ") + kNames[x_.n] + " before it");
    } else if (x_.dir == Dir::kNext) {
      while (start <= idx) start += 12;
      Note(std::string("the next ") + kNames[x_.n] + " after it");
    } else {
      Note(std::string("the ") + kNames[x_.n] + " of its year");
    }
    set(start / 12);
    return true;
  }

  // The granularity an unresolved expression would have had.
  Granularity Natural() const {
    if (x_.bound != Bound::kNone) return Granularity::kRange;
    if (x_.hour >= 0) {
      return x_.hour_end >= 0 ? Granularity::kRange
             : x_.minute >= 0 ? Granularity::kMinute
                              : Granularity::kHour;
    }
    switch (x_.kind) {
      case Kind::kDate:
        return x_.d   ? Granularity::kDay
               : x_.m ? (x_.hijri ? Granularity::kRange : Granularity::kMonth)
                      : Granularity::kYear;
      case Kind::kDeictic:
        switch (x_.unit) {
          case Unit::kWeek:
            return x_.ago ? Granularity::kDay : Granularity::kWeek;
          case Unit::kMonth:
            return Granularity::kMonth;
          case Unit::kQuarter:
            return Granularity::kQuarter;
          case Unit::kYear:
            return Granularity::kYear;
          case Unit::kDecade:
            return Granularity::kDecade;
          case Unit::kHour:
            return Granularity::kHour;
          case Unit::kMinute:
            return Granularity::kMinute;
          default:
            return Granularity::kDay;
        }
      case Kind::kNthWeek:
        return Granularity::kWeek;
      case Kind::kNow:
        return Granularity::kMinute;
      case Kind::kTime:
        return Granularity::kMinute;
      case Kind::kDecade:
        return Granularity::kDecade;
      case Kind::kQuarter:
        return Granularity::kQuarter;
      case Kind::kHoliday:
        return x_.holiday == Holiday::kRamadan || x_.holiday == Holiday::kNone ? Granularity::kRange
                                                                               : Granularity::kDay;
      case Kind::kWeekday:
      case Kind::kNthWeekday:
      case Kind::kNthDay:
      case Kind::kNextDay:
        return Granularity::kDay;
      default:
        return Granularity::kRange;
    }
  }

  // The n-th weekday after a date or holiday.
  bool After() {
    Expr base = x_;
    base.after = false;
    base.weekday = -1;
    Resolver r(base, a_);
    if (!r.Base() || r.v_.g != Granularity::kDay) {
      why_ = r.why_.empty() ? "the date it counts from" : r.why_;
      return false;
    }
    how_ = r.how_;
    anchor_ = r.anchor_;
    what_ = r.what_;
    int64_t d = r.v_.lo;
    int fwd = (x_.weekday - SundayWeekday(d) + 7) % 7;
    SetDay(d + (fwd == 0 ? 7 : fwd) + 7 * (x_.n - 1));
    Note(Fmt("the %d", x_.n) +
         (x_.n == 1   ? "st "
          : x_.n == 2 ? "nd "
          : x_.n == 3 ? "rd "
                      : "th ") +
         kWeekdays[x_.weekday] + " after it");
    return true;
  }

  // The year of a day-month or month written without one.
  bool YearFor(int m, int d, int* y) {
    if (x_.y != 0) {
      *y = x_.y;
      return true;
    }
    const Anchor* an;
    if (x_.same_year) {
      if (!a_.previous_year.known) {
        why_ = "the year of an earlier date: there is none before it";
        return false;
      }
      Use(&a_.previous_year, "");
      *y = a_.previous_year.year;
      Note(Fmt("the same year (%d)", *y));
      return true;
    }
    if (x_.year_offset != kNoOffset) {
      if (!Use(Pick(DatePrecision::kYear, true), "a year relative to the publication date")) {
        return false;
      }
      *y = anchor_->year + x_.year_offset;
      Note(Fmt("year %d", *y));
      return true;
    }
    std::string desc = d ? Fmt("%d ", d) + kMonths[m] : std::string(kMonths[m]);
    if (x_.dir == Dir::kLast || x_.dir == Dir::kNext) {
      an = Pick(d ? DatePrecision::kDay : DatePrecision::kMonth, true);
      if (an == nullptr) an = Pick(DatePrecision::kMonth, true);
      if (!Use(an, desc + " (" + DirName(x_.dir) + ")")) return false;
      int am = an->month, ad = an->precision >= DatePrecision::kDay ? an->day : 0;
      int key = m * 100 + d, akey = am * 100 + (d ? ad : 0);
      if (x_.dir == Dir::kLast) {
        *y = key < akey || (d == 0 && m < am) ? an->year : an->year - 1;
        Note("the most recent " + desc + " before it");
      } else {
        *y = key > akey || (d == 0 && m > am) ? an->year : an->year + 1;
        Note("the first " + desc + " after it");
      }
      return true;
    }
    if (x_.since) {
      // "منذ أيار": the most recent May up to the anchor.
      an = Pick(d ? DatePrecision::kDay : DatePrecision::kMonth, true);
      if (an == nullptr) an = Pick(DatePrecision::kMonth, true);
      if (!Use(an, desc + " (since)")) return false;
      int key = m * 100 + d, akey = an->month * 100 + (d ? an->day : 0);
      *y = key <= akey || (d == 0 && m <= an->month) ? an->year : an->year - 1;
      Note("the most recent " + desc + " up to it (after منذ)");
      return true;
    }
    an = Pick(DatePrecision::kYear, true);
    if (!Use(an, desc + " without a year")) return false;
    *y = an->year;
    if (x_.weekday >= 0 && x_.weekday_picks && d) {
      for (int dy : {0, -1, 1}) {
        if (calendar::IsValidDate(an->year + dy, m, d) &&
            calendar::Weekday(an->year + dy, m, d) == x_.weekday) {
          *y = an->year + dy;
          Note(Fmt("the year (%d) in which ", *y) + desc + " falls on a " + kWeekdays[x_.weekday]);
          return true;
        }
      }
    }
    Note(x_.dir == Dir::kThis ? "the current year" : "the same year");
    return true;
  }

  bool Date() {
    int m = x_.m, d = x_.d;
    if (m == 0 && d != 0) {
      // A weekday and a day of the month: "السبت السادس عشر".
      const Anchor* an = Pick(DatePrecision::kMonth, false);
      if (!Use(an, Fmt("day %d of an unnamed month", d))) return false;
      int y = an->year, mm = an->month;
      if (x_.month_offset != kNoOffset) AddMonths(&y, &mm, x_.month_offset);
      if (x_.month_offset == kNoOffset && x_.weekday >= 0) {
        for (int dm : {0, 1, -1}) {
          int yy = an->year, m2 = an->month;
          AddMonths(&yy, &m2, dm);
          if (d <= DaysInMonth(yy, m2) && calendar::Weekday(yy, m2, d) == x_.weekday) {
            y = yy;
            mm = m2;
            break;
          }
        }
      }
      if (d > DaysInMonth(y, mm)) return false;
      SetDay(DaysFromCivil(y, mm, d));
      Note(Fmt("day %d of ", d) + kMonths[mm] + Fmt(" %d", y));
      return true;
    }
    if (m == 0) {
      if (x_.y == 0) return false;
      SetYear(x_.y);
      Note(Fmt("year %d", x_.y));
      return true;
    }
    int y;
    if (!YearFor(m, d, &y)) return false;
    if (d) {
      if (!calendar::IsValidDate(y, m, d)) {
        why_ = Fmt("%d ", d) + kMonths[m] + Fmt(" %d does not exist", y);
        return false;
      }
      SetDay(DaysFromCivil(y, m, d));
      if (x_.y != 0) what_ = Fmt("day %d, ", d) + kMonths[m] + Fmt(", year %d", y);
    } else {
      SetMonth(y, m);
      if (x_.y != 0) what_ = std::string(kMonths[m]) + Fmt(" %d", y);
    }
    return true;
  }

  bool HijriRange(int hy, int hm, int64_t* lo, int64_t* hi) {
    int ny = hm == 12 ? hy + 1 : hy, nm = hm == 12 ? 1 : hm + 1;
    int64_t next;
    if (!HijriToDays(hy, hm, 1, lo) || !HijriToDays(ny, nm, 1, &next)) return false;
    *hi = next - 1;
    return true;
  }

  bool HijriDate() {
    int hy = x_.y, hm = x_.m, hd = x_.d;
    if (hy == 0) {
      if (hm == 0) return false;
      const Anchor* an = Pick(DatePrecision::kDay, true);
      if (an == nullptr) an = Pick(DatePrecision::kMonth, true);
      if (!Use(an, "a Hijri date without a year")) return false;
      int64_t ad = an->Days();
      int ay, am, aday;
      if (!DaysToHijri(ad, &ay, &am, &aday)) return false;
      hy = ay;
      int key = hm * 100 + hd, akey = am * 100 + (hd ? aday : 0);
      if (x_.dir == Dir::kLast && key >= akey) --hy;
      if (x_.dir == Dir::kNext && key <= akey) ++hy;
      Note(Fmt("Hijri year %d", hy));
    }
    int64_t lo, hi;
    if (hm == 0) {
      int64_t end;
      if (!HijriToDays(hy, 1, 1, &lo) || !HijriToDays(hy + 1, 1, 1, &end)) return false;
      SetRange(lo, end - 1);
      if (how_ == Resolution::kAbsolute) what_ = Fmt("Hijri year %d (Umm al-Qura)", hy);
      return true;
    }
    if (hd == 0) {
      if (!HijriRange(hy, hm, &lo, &hi)) return false;
      SetRange(lo, hi);
      std::string s = std::string(kHijriMonths[hm]) + Fmt(" %d (Umm al-Qura)", hy);
      if (how_ == Resolution::kAbsolute)
        what_ = "Hijri " + s;
      else
        Note(s);
      return true;
    }
    if (!HijriToDays(hy, hm, hd, &lo)) return false;
    SetDay(lo);
    std::string s =
        Fmt("Hijri %d ", hd) + kHijriMonths[hm] + Fmt(" %d (Umm al-Qura) = ", hy) + Iso(lo);
    if (x_.numeric_hijri_guess) s += ", read as Hijri because the year is in 1300-1500";
    if (how_ == Resolution::kAbsolute)
      what_ = s;
    else
      Note(s);
    return true;
  }

  bool Deictic() {
    int n = x_.n;
    switch (x_.unit) {
      case Unit::kDay: {
        if (!Use(Pick(DatePrecision::kDay, false), DayWord(n))) return false;
        SetDay(anchor_->Days() + n);
        Note(DayWord(n));
        return true;
      }
      case Unit::kWeek: {
        if (!Use(Pick(DatePrecision::kDay, false), x_.ago ? DayWord(7 * n) : Period("week", n)))
          return false;
        int64_t d = anchor_->Days();
        if (x_.hour >= 0 || x_.d) return false;
        int64_t monday = d - IsoWeekday(d) + 7 * n;
        v_.g = Granularity::kWeek;
        v_.lo = monday;
        v_.hi = monday + 6;
        Note(x_.ago ? DayWord(7 * n) : Period("week", n));
        // "قبل أسبوع": the day a week before, not that week.
        if (x_.ago) SetDay(d + 7 * n);
        return true;
      }
      case Unit::kMonth: {
        if (!Use(Pick(DatePrecision::kMonth, false), Period("month", n))) return false;
        int y = anchor_->year, m = anchor_->month;
        AddMonths(&y, &m, n);
        SetMonth(y, m);
        Note(Period("month", n));
        return true;
      }
      case Unit::kQuarter: {
        if (!Use(Pick(DatePrecision::kMonth, false), Period("quarter", n))) return false;
        int q = anchor_->year * 4 + (anchor_->month - 1) / 3 + n;
        int y = q / 4, qm = (q % 4) * 3 + 1;
        v_.g = Granularity::kQuarter;
        v_.lo = MonthStart(y, qm);
        v_.hi = MonthEnd(y, qm + 2);
        Note(Period("quarter", n));
        return true;
      }
      case Unit::kYear: {
        if (!Use(Pick(DatePrecision::kYear, true), Period("year", n))) return false;
        SetYear(anchor_->year + n);
        Note(Period("year", n));
        return true;
      }
      case Unit::kDecade: {
        if (!Use(Pick(DatePrecision::kYear, true), Period("decade", n))) return false;
        int y = (anchor_->year / 10 + n) * 10;
        v_.g = Granularity::kDecade;
        v_.lo = DaysFromCivil(y, 1, 1);
        v_.hi = DaysFromCivil(y + 9, 12, 31);
        Note(Period("decade", n));
        return true;
      }
      case Unit::kHour:
      case Unit::kMinute: {
        const Anchor* an = Pick(DatePrecision::kMinute, false);
        std::string desc =
            Fmt(x_.unit == Unit::kHour ? "%d hour(s)" : "%d minute(s)", n < 0 ? -n : n) +
            (n < 0 ? " before" : " after");
        if (an == nullptr || an->hour < 0) {
          why_ = desc + " needs a publication time";
          return false;
        }
        Use(an, desc);
        int64_t minutes = an->Days() * 1440 + an->hour * 60 + std::max(an->minute, 0) +
                          (x_.unit == Unit::kHour ? 60 * n : n);
        int64_t day = minutes >= 0 ? minutes / 1440 : (minutes - 1439) / 1440;
        int rest = static_cast<int>(minutes - day * 1440);
        SetDay(day);
        v_.hour = rest / 60;
        v_.minute = rest % 60;
        v_.g = x_.unit == Unit::kHour ? Granularity::kHour : Granularity::kMinute;
        Note(desc);
        return true;
      }
      default:
        break;
    }
    return false;
  }

  std::string DayWord(int n) const {
    switch (n) {
      case 0:
        return "the same day (today)";
      case -1:
        return "the day before (yesterday)";
      case -2:
        return "two days before (the day before yesterday)";
      case 1:
        return "the day after (tomorrow)";
      case 2:
        return "two days after (the day after tomorrow)";
    }
    return n < 0 ? Fmt("%d days before", -n) : Fmt("%d days after", n);
  }

  bool WeekdayRel() {
    const char* name = kWeekdays[x_.weekday];
    if (!Use(Pick(DatePrecision::kDay, false), std::string(name))) {
      return false;
    }
    int64_t d = anchor_->Days();
    int wd = SundayWeekday(d);
    int64_t day;
    if (x_.week_offset != kNoOffset) {
      int64_t monday = d - IsoWeekday(d) + 7 * x_.week_offset;
      day = monday + (x_.weekday + 6) % 7;
      Note(std::string(name) + (x_.week_offset == 0  ? " of the current week"
                                : x_.week_offset < 0 ? " of the previous week"
                                                     : " of the next week"));
    } else if (x_.dir == Dir::kLast) {
      int back = (wd - x_.weekday + 7) % 7;
      day = d - (back == 0 ? 7 : back);
      Note(std::string("the most recent ") + name + " before it");
    } else if (x_.dir == Dir::kNext) {
      int fwd = (x_.weekday - wd + 7) % 7;
      day = d + (fwd == 0 ? 7 : fwd);
      Note(std::string("the first ") + name + " after it");
    } else if (x_.dir == Dir::kThis || x_.future_cue) {
      day = d + (x_.weekday - wd + 7) % 7;
      Note(std::string("the coming ") + name + " (on or after it)" +
           (x_.future_cue ? ", as the clause speaks of the future" : ""));
    } else {
      day = d - (wd - x_.weekday + 7) % 7;
      Note(std::string("the most recent ") + name + " (on or before it; news report past days)");
    }
    if (x_.eve) {
      day -= 1;
      Note("the night before it (ليله)");
    }
    SetDay(day);
    return true;
  }

  // Month and year of an n-th expression.
  bool TargetMonth(int* y, int* m) {
    if (x_.month_offset != kNoOffset) {
      if (!Use(Pick(DatePrecision::kMonth, false), "a month relative to the publication date")) {
        return false;
      }
      *y = anchor_->year;
      *m = anchor_->month;
      AddMonths(y, m, x_.month_offset);
      return true;
    }
    *m = x_.m;
    return YearFor(*m, 0, y);
  }

  bool Nth() {
    int y, m;
    if (!TargetMonth(&y, &m)) return false;
    int last = DaysInMonth(y, m);
    std::string nth = x_.n == -1 ? "last"
                                 : Fmt("%d", x_.n) + (x_.n == 1   ? "st"
                                                      : x_.n == 2 ? "nd"
                                                      : x_.n == 3 ? "rd"
                                                                  : "th");
    std::string month = std::string(kMonths[m]) + Fmt(" %d", y);
    if (x_.kind == Kind::kNthDay) {
      int d = x_.n == -1 ? last : x_.n;
      if (d > last) return false;
      SetDay(DaysFromCivil(y, m, d));
      Note("the " + nth + " day of " + month);
    } else if (x_.kind == Kind::kNthWeekday) {
      int64_t first = MonthStart(y, m);
      int64_t day;
      if (x_.n == -1) {
        int64_t end = MonthEnd(y, m);
        day = end - (SundayWeekday(end) - x_.weekday + 7) % 7;
      } else {
        day = first + (x_.weekday - SundayWeekday(first) + 7) % 7 + 7 * (x_.n - 1);
        if (day > MonthEnd(y, m)) return false;
      }
      SetDay(day);
      Note("the " + nth + " " + kWeekdays[x_.weekday] + " of " + month);
    } else {
      // Weeks (Monday to Sunday) wholly inside the month.
      int64_t first = MonthStart(y, m), end = MonthEnd(y, m);
      int64_t monday = first + (7 - IsoWeekday(first)) % 7;
      int64_t start;
      if (x_.n == -1) {
        start = monday;
        while (start + 13 <= end) start += 7;
      } else {
        start = monday + 7 * (x_.n - 1);
      }
      if (start + 6 > end) return false;
      v_.g = Granularity::kWeek;
      v_.lo = start;
      v_.hi = start + 6;
      Note("the " + nth + " full week of " + month);
    }
    return true;
  }

  bool HolidayDate() {
    int hm = 0, hd = 0;
    bool hijri_based = HijriHoliday(x_.holiday, &hm, &hd);
    if (x_.holiday == Holiday::kNone) {  // "شوال 2019": a Hijri month in a Gregorian year
      hijri_based = true;
      hm = x_.m;
      hd = 1;
    }
    bool month_long = x_.holiday == Holiday::kRamadan || x_.holiday == Holiday::kNone;
    std::string name = x_.holiday == Holiday::kNone ? kHijriMonths[hm] : HolidayName(x_.holiday);
    // Every occurrence in Gregorian year gy.
    auto in_year = [&](int gy, int64_t* out, int max) {
      int count = 0;
      if (!hijri_based) {
        int64_t d = x_.holiday == Holiday::kChristmas   ? DaysFromCivil(gy, 12, 25)
                    : x_.holiday == Holiday::kNewYear   ? DaysFromCivil(gy, 1, 1)
                    : x_.holiday == Holiday::kLabourDay ? DaysFromCivil(gy, 5, 1)
                                                        : Easter(gy);
        out[count++] = d;
        return count;
      }
      int hy, m0, d0;
      if (!DaysToHijri(DaysFromCivil(gy, 1, 1), &hy, &m0, &d0)) return 0;
      for (int k = hy; k <= hy + 1 && count < max; ++k) {
        int64_t d;
        if (HijriToDays(k, hm, hd, &d) && YearOf(d) == gy) out[count++] = d;
      }
      return count;
    };
    int64_t day;
    if (x_.hijri && x_.y != 0 && x_.year_offset == kNoOffset && hijri_based) {
      if (!HijriToDays(x_.y, hm, hd, &day)) return false;
      Note(name + Fmt(" of Hijri year %d", x_.y));
    } else if (x_.y != 0 && x_.year_offset == kNoOffset) {
      int64_t found[2];
      int n = in_year(x_.y, found, 2);
      if (n == 0) return false;
      day = found[0];
      Note(name + Fmt(" in %d", x_.y));
    } else {
      const Anchor* an = Pick(DatePrecision::kDay, true);
      if (an == nullptr) an = Pick(DatePrecision::kYear, true);
      if (!Use(an, name + " without a year")) return false;
      int gy = an->year + (x_.year_offset != kNoOffset ? x_.year_offset : 0);
      int64_t ad =
          an->precision >= DatePrecision::kDay ? an->Days() : DaysFromCivil(an->year, 7, 1);
      int64_t found[6];
      int n = 0;
      for (int k = gy - 1; k <= gy + 1; ++k) n += in_year(k, found + n, 2);
      day = 0;
      bool have = false;
      for (int k = 0; k < n; ++k) {
        int64_t d = found[k];
        bool ok;
        if (x_.dir == Dir::kLast) {
          ok = d < ad && (!have || d > day);
        } else if (x_.dir == Dir::kNext) {
          ok = d > ad && (!have || d < day);
        } else {
          ok = YearOf(d) == gy && (!have || std::llabs(d - ad) < std::llabs(day - ad));
        }
        if (ok) {
          day = d;
          have = true;
        }
      }
      if (!have) return false;
      Note(x_.dir == Dir::kLast   ? "the most recent " + name + " before it"
           : x_.dir == Dir::kNext ? "the first " + name + " after it"
                                  : name + Fmt(" in %d", gy));
    }
    if (month_long) {
      int hy, m0, d0;
      int64_t lo, hi;
      if (!DaysToHijri(day, &hy, &m0, &d0) || !HijriRange(hy, hm, &lo, &hi)) return false;
      SetRange(lo, hi);
    } else {
      SetDay(day);
    }
    return true;
  }

  bool Now() {
    const Anchor* an = Pick(DatePrecision::kDay, false);
    if (!Use(an, "now")) return false;
    SetDay(an->Days());
    if (an->hour >= 0) {
      v_.g = Granularity::kMinute;
      v_.hour = an->hour;
      v_.minute = std::max(an->minute, 0);
    }
    Note("the moment of publication");
    return true;
  }

  bool VagueRef() {
    if (x_.vague == Vague::kPresent) {
      if (!Use(Pick(DatePrecision::kDay, false), "the present")) return false;
      SetDay(anchor_->Days());
      Note("the present (the publication day)");
      return true;
    }
    why_ = x_.vague == Vague::kPast ? "a vague reference to the past; no date can be given"
                                    : "a vague reference to the future; no date can be given";
    return false;
  }

  bool TimeOnly() {
    if (!Use(Pick(DatePrecision::kDay, false), "a time of day")) {
      return false;
    }
    SetDay(anchor_->Days());
    Note("a time on the publication day");
    return true;
  }

  bool Span() {
    int n = x_.n;
    int count = n < 0 ? -n : n;
    std::string desc =
        Fmt("the %d ", count) + UnitName(x_.unit) + "s " + (n < 0 ? "before" : "after");
    switch (x_.unit) {
      case Unit::kDay:
      case Unit::kWeek: {
        if (!Use(Pick(DatePrecision::kDay, false), desc)) return false;
        int64_t d = anchor_->Days();
        if (x_.unit == Unit::kDay) {
          if (n < 0)
            SetRange(d + n, d - 1);
          else
            SetRange(d + 1, d + n);
        } else {
          int64_t monday = d - IsoWeekday(d);
          if (n < 0)
            SetRange(monday + 7 * n, monday - 1, Granularity::kWeek);
          else
            SetRange(monday + 7, monday + 7 * n + 6, Granularity::kWeek);
        }
        break;
      }
      case Unit::kMonth: {
        if (!Use(Pick(DatePrecision::kMonth, false), desc)) return false;
        int y1 = anchor_->year, m1 = anchor_->month, y2 = y1, m2 = m1;
        if (n < 0) {
          AddMonths(&y1, &m1, n);
          AddMonths(&y2, &m2, -1);
        } else {
          AddMonths(&y1, &m1, 1);
          AddMonths(&y2, &m2, n);
        }
        SetRange(MonthStart(y1, m1), MonthEnd(y2, m2), Granularity::kMonth);
        break;
      }
      case Unit::kYear:
      case Unit::kDecade:
      case Unit::kCentury: {
        if (!Use(Pick(DatePrecision::kYear, false), desc)) return false;
        int mult = x_.unit == Unit::kDecade ? 10 : x_.unit == Unit::kCentury ? 100 : 1;
        int y = anchor_->year;
        if (n < 0)
          SetRange(DaysFromCivil(y + n * mult, 1, 1), DaysFromCivil(y - 1, 12, 31),
                   Granularity::kYear);
        else
          SetRange(DaysFromCivil(y + 1, 1, 1), DaysFromCivil(y + n * mult, 12, 31),
                   Granularity::kYear);
        break;
      }
      default:
        why_ = desc;
        return false;
    }
    Note(desc);
    return true;
  }

  bool NextDay() {
    if (a_.previous.known && a_.previous.precision >= DatePrecision::kDay) {
      Use(&a_.previous, "");
      SetDay(a_.previous.Days() + 1);
      Note("the day after the date mentioned before it");
      return true;
    }
    if (!Use(Pick(DatePrecision::kDay, false), "the following day")) return false;
    SetDay(anchor_->Days() + 1);
    Note("the day after (no earlier date in the text)");
    return true;
  }

  bool Decade() {
    int century;
    if (x_.y != 0) {
      century = x_.y;
      Note(Fmt("the %d0s", century / 10 + x_.n));
    } else if (x_.century_offset != kNoOffset) {
      if (!Use(Pick(DatePrecision::kYear, true), "a decade of the previous century")) return false;
      century = (anchor_->year / 100 + x_.century_offset) * 100;
      Note(Fmt("the %d0s", century / 10 + x_.n));
    } else if (const Anchor* an = Pick(DatePrecision::kYear, true)) {
      Use(an, "");
      century = an->year / 100 * 100;
      if (century + 10 * x_.n > an->year) century -= 100;
      Note(Fmt("the latest %d0s up to it", (century + 10 * x_.n) / 10));
    } else {
      century = 1900;  // "التسعينيات" with no date to go by: the twentieth century
      what_ = Fmt("the %d0s (the twentieth century assumed)", (century + 10 * x_.n) / 10);
    }
    int y = century + 10 * x_.n;
    v_.g = Granularity::kDecade;
    v_.lo = DaysFromCivil(y, 1, 1);
    v_.hi = DaysFromCivil(y + 9, 12, 31);
    return true;
  }

  bool Century() {
    int start;
    if (x_.century_offset != kNoOffset) {
      if (!Use(Pick(DatePrecision::kYear, true), "a century relative to the publication date")) {
        return false;
      }
      start = (anchor_->year / 100 + x_.century_offset) * 100;
      Note(x_.century_offset < 0 ? "the previous century" : "the current century");
    } else {
      start = (x_.n - 1) * 100;
      what_ = Fmt("century %d", x_.n) + Fmt(" (%d-%d)", start, start + 99);
    }
    SetRange(DaysFromCivil(start, 1, 1), DaysFromCivil(start + 99, 12, 31), Granularity::kYear);
    return true;
  }

  bool QuarterHalf() {
    if (x_.century_start >= 0 || x_.century_offset != kNoOffset) {
      int c = x_.century_start;
      if (c < 0) {
        if (!Use(Pick(DatePrecision::kYear, true), "a part of a relative century")) return false;
        c = (anchor_->year / 100 + x_.century_offset) * 100;
      }
      int len = x_.kind == Kind::kQuarter ? 25 : 50;
      int from = c + len * (x_.n - 1);
      SetRange(DaysFromCivil(from, 1, 1), DaysFromCivil(from + len - 1, 12, 31),
               Granularity::kYear);
      std::string s = Fmt(x_.kind == Kind::kQuarter ? "quarter %d" : "half %d", x_.n) +
                      Fmt(" of the century %d-", c) + Fmt("%d", c + 99);
      if (how_ == Resolution::kAbsolute)
        what_ = s;
      else
        Note(s);
      return true;
    }
    int y = x_.y;
    if (y == 0) {
      if (!Use(Pick(DatePrecision::kYear, true), "a quarter of a relative year")) return false;
      y = anchor_->year + (x_.year_offset == kNoOffset ? 0 : x_.year_offset);
      Note(Fmt("year %d", y));
    }
    if (x_.kind == Kind::kQuarter) {
      int m = (x_.n - 1) * 3 + 1;
      v_.g = Granularity::kQuarter;
      v_.lo = MonthStart(y, m);
      v_.hi = MonthEnd(y, m + 2);
      if (how_ == Resolution::kAbsolute) what_ = Fmt("quarter %d of %d", x_.n, y);
    } else {
      int m = x_.n == 1 ? 1 : 7;
      SetRange(MonthStart(y, m), MonthEnd(y, m + 5));
      if (how_ == Resolution::kAbsolute) what_ = Fmt("half %d of %d", x_.n, y);
    }
    return true;
  }

  bool DayRange() {
    int y;
    if (!YearFor(x_.m, x_.d, &y)) return false;
    int y2 = x_.m2 < x_.m ? y + 1 : y;
    if (!calendar::IsValidDate(y, x_.m, x_.d) || !calendar::IsValidDate(y2, x_.m2, x_.d2)) {
      return false;
    }
    SetRange(DaysFromCivil(y, x_.m, x_.d), DaysFromCivil(y2, x_.m2, x_.d2));
    if (how_ == Resolution::kAbsolute) what_ = "a range of days as written";
    return true;
  }

  bool YearRange() {
    if (x_.hijri) {
      int64_t lo, end;
      if (!HijriToDays(x_.y, 1, 1, &lo) || !HijriToDays(x_.y2 + 1, 1, 1, &end)) return false;
      SetRange(lo, end - 1);
      what_ = Fmt("Hijri years %d-%d", x_.y, x_.y2);
      return true;
    }
    SetRange(DaysFromCivil(x_.y, 1, 1), DaysFromCivil(x_.y2, 12, 31), Granularity::kYear);
    what_ = Fmt("the years %d-%d", x_.y, x_.y2);
    return true;
  }

  // Early (مطلع، أوائل), mid (منتصف) or late (أواخر، نهاية) part of a period: thirds of
  // a month (1-10, 11-20, 21-end), a year (Jan-Apr, May-Aug, Sep-Dec), a week
  // (Mon-Tue, Wed-Thu, Fri-Sun), a decade or a century.
  void ApplyBound() {
    int part = x_.bound == Bound::kEarly ? 0 : x_.bound == Bound::kMid ? 1 : 2;
    const char* names[] = {"early", "middle", "late"};
    int y, m, d;
    CivilFromDays(v_.lo, &y, &m, &d);
    switch (v_.g) {
      case Granularity::kMonth: {
        int last = DaysInMonth(y, m);
        int from = part * 10 + 1, to = part == 2 ? last : from + 9;
        SetRange(DaysFromCivil(y, m, from), DaysFromCivil(y, m, to));
        Note(std::string(names[part]) + Fmt(" part (days %d-%d)", from, to));
        break;
      }
      case Granularity::kYear:
      case Granularity::kQuarter: {
        int first_month = m, months = v_.g == Granularity::kYear ? 12 : 3;
        if (months == 12) {
          int from = first_month + part * 4;
          SetRange(MonthStart(y, from), MonthEnd(y, from + 3));
          Note(std::string(names[part]) + " part (" + kMonths[from] + "-" + kMonths[from + 3] +
               ")");
        } else {
          SetRange(MonthStart(y, first_month + part), MonthEnd(y, first_month + part));
          Note(std::string(names[part]) + " part (its " +
               (part == 0   ? "first"
                : part == 1 ? "second"
                            : "third") +
               " month)");
        }
        break;
      }
      case Granularity::kWeek: {
        int64_t from = v_.lo + part * 2, to = part == 2 ? v_.lo + 6 : from + 1;
        SetRange(from, to);
        Note(std::string(names[part]) + " part of the week");
        break;
      }
      case Granularity::kDecade: {
        int from = y + (part == 0   ? 0
                        : part == 1 ? 4
                                    : 7),
            to = y + (part == 0   ? 3
                      : part == 1 ? 6
                                  : 9);
        SetRange(DaysFromCivil(from, 1, 1), DaysFromCivil(to, 12, 31), Granularity::kYear);
        Note(std::string(names[part]) + " part of the decade");
        break;
      }
      case Granularity::kRange: {
        if (v_.unit != Granularity::kYear) break;
        int y2 = YearOf(v_.hi);
        int span = y2 - y + 1;
        int from = y + part * span / 3, to = y + (part + 1) * span / 3 - 1;
        SetRange(DaysFromCivil(from, 1, 1), DaysFromCivil(to, 12, 31), Granularity::kYear);
        Note(std::string(names[part]) + " part");
        break;
      }
      default:
        break;
    }
  }

  void ApplyTime() {
    if (x_.hour < 0 || v_.g != Granularity::kDay) return;
    if (x_.hour_end >= 0) {
      v_.g = Granularity::kRange;
      v_.unit = Granularity::kHour;
      v_.hour = x_.hour;
      v_.hour_end = x_.hour_end;
      if (x_.part != Part::kNone && x_.minute < 0) {
        Note(std::string("the ") + PartName(x_.part) + Fmt(" (%02d:00-", x_.hour) +
             Fmt("%02d:00)", x_.hour_end));
      } else {
        Note(Fmt("%02d:00-%02d:00", x_.hour, x_.hour_end));
      }
      return;
    }
    v_.hour = x_.hour;
    if (x_.pm_assumed) Note("an hour of 1-5 with no part of the day read as p.m.");
    if (x_.minute >= 0) {
      v_.g = Granularity::kMinute;
      v_.minute = x_.minute;
      Note(Fmt("at %02d:%02d", x_.hour, x_.minute));
    } else {
      v_.g = Granularity::kHour;
      Note(Fmt("at %02d:00", x_.hour));
    }
  }

  void CheckWeekday(DateExpr* out) {
    if (x_.weekday < 0) return;
    int64_t day = v_.lo;
    bool single_day = v_.g == Granularity::kDay || v_.g == Granularity::kHour ||
                      v_.g == Granularity::kMinute ||
                      (v_.g == Granularity::kRange && v_.unit == Granularity::kHour);
    if (!single_day || x_.kind == Kind::kWeekday || x_.kind == Kind::kNthWeekday) return;
    int actual = SundayWeekday(day);
    if (actual != x_.weekday) {
      out->weekday_mismatch = true;
      mismatch_note_ = std::string("the text says ") + kWeekdays[x_.weekday] + " but " + Iso(day) +
                       " is a " + kWeekdays[actual];
    }
  }

  std::string Relative() const {
    std::string r;
    auto add = [&r](const std::string& s) {
      if (s.empty()) return;
      if (!r.empty()) r += ";";
      r += s;
    };
    const char* dir = DirName(x_.dir);
    std::string hijri = x_.hijri ? "hijri-" : "";
    switch (x_.kind) {
      case Kind::kDate:
        if (x_.y == 0) {
          if (x_.m && x_.d) {
            add(hijri + Fmt("day-month:%d-%d", x_.m, x_.d) + (*dir ? std::string(":") + dir : ""));
          } else if (x_.m) {
            add(hijri + Fmt("month-name:%d", x_.m) + (*dir ? std::string(":") + dir : ""));
          } else if (x_.d) {
            add(Fmt("day-of-month:%d", x_.d));
            if (x_.month_offset != kNoOffset) add(Fmt("month:%d", x_.month_offset));
          }
          if (x_.year_offset != kNoOffset) add(Fmt("year:%d", x_.year_offset));
          if (x_.weekday >= 0) add(Fmt("weekday:%d", x_.weekday));
        }
        break;
      case Kind::kDeictic:
        if (x_.unit == Unit::kDay && x_.n >= -2 && x_.n <= 2) {
          const char* names[] = {"day-before-yesterday", "yesterday", "today", "tomorrow",
                                 "day-after-tomorrow"};
          add(names[x_.n + 2]);
        } else {
          add(std::string(UnitName(x_.unit)) + Fmt(":%d", x_.n));
        }
        if (x_.weekday >= 0) add(Fmt("weekday:%d", x_.weekday));
        break;
      case Kind::kWeekday:
        if (x_.week_offset != kNoOffset) {
          add(Fmt("weekday:%d:week", x_.weekday) + Fmt("%d", x_.week_offset));
        } else if (x_.dir == Dir::kNone && !x_.future_cue) {
          add(Fmt("weekday:%d:this", x_.weekday));
        } else if (x_.dir == Dir::kThis || x_.future_cue) {
          add(Fmt("weekday:%d:coming", x_.weekday));
        } else {
          add(Fmt("weekday:%d:", x_.weekday) + dir);
        }
        if (x_.eve) add("eve");
        break;
      case Kind::kNthWeekday:
      case Kind::kNthDay:
      case Kind::kNthWeek: {
        if (x_.y != 0 && x_.month_offset == kNoOffset) break;
        const char* k = x_.kind == Kind::kNthWeekday ? "nth-weekday"
                        : x_.kind == Kind::kNthDay   ? "nth-day"
                                                     : "nth-week";
        std::string s = std::string(k) + Fmt(":%d", x_.n);
        if (x_.kind == Kind::kNthWeekday) s += Fmt(":%d", x_.weekday);
        add(s);
        if (x_.month_offset != kNoOffset)
          add(Fmt("month:%d", x_.month_offset));
        else
          add(Fmt("month-name:%d", x_.m));
        if (x_.year_offset != kNoOffset) add(Fmt("year:%d", x_.year_offset));
        break;
      }
      case Kind::kHoliday:
        if (x_.holiday != Holiday::kNone) {
          add(std::string("holiday:") + HolidayName(x_.holiday) +
              (*dir ? std::string(":") + dir : ""));
        }
        if (x_.year_offset != kNoOffset) add(Fmt("year:%d", x_.year_offset));
        break;
      case Kind::kNow:
        add("now");
        break;
      case Kind::kVague:
        add(x_.vague == Vague::kPresent ? "present"
            : x_.vague == Vague::kPast  ? "past-ref"
                                        : "future-ref");
        break;
      case Kind::kTime:
        break;
      case Kind::kSpan:
        add(std::string("span:") + UnitName(x_.unit) + Fmt(":%d", x_.n));
        break;
      case Kind::kNextDay:
        add("next-day");
        break;
      case Kind::kDecade:
        if (x_.y == 0) add(Fmt("decade:%d", x_.n));
        if (x_.century_offset != kNoOffset) add(Fmt("century:%d", x_.century_offset));
        break;
      case Kind::kCentury:
        if (x_.century_offset != kNoOffset) add(Fmt("century:%d", x_.century_offset));
        break;
      case Kind::kQuarter:
      case Kind::kHalf:
        if (x_.century_start >= 0) break;
        if (x_.century_offset != kNoOffset) {
          add(Fmt(x_.kind == Kind::kQuarter ? "quarter-of-century:%d" : "half-of-century:%d",
                  x_.n));
          add(Fmt("century:%d", x_.century_offset));
        } else if (x_.y == 0) {
          add(Fmt(x_.kind == Kind::kQuarter ? "quarter-of-year:%d" : "half-of-year:%d", x_.n));
          add(Fmt("year:%d", x_.year_offset == kNoOffset ? 0 : x_.year_offset));
        }
        break;
      case Kind::kDayRange:
        if (x_.y == 0) {
          add(Fmt("day-range:%d-%d", x_.m, x_.d) + Fmt("..%d-%d", x_.m2, x_.d2) +
              (*dir ? std::string(":") + dir : ""));
          if (x_.year_offset != kNoOffset) add(Fmt("year:%d", x_.year_offset));
        }
        break;
      case Kind::kYearRange:
        break;
      case Kind::kSeason: {
        static const char* const kNames[] = {"spring", "summer", "autumn", "winter"};
        add(std::string("season:") + kNames[x_.n] + (*dir ? std::string(":") + dir : ""));
        if (x_.year_offset != kNoOffset) add(Fmt("year:%d", x_.year_offset));
        break;
      }
    }
    if (x_.bound != Bound::kNone) {
      const char* b = x_.bound == Bound::kEarly ? "start" : x_.bound == Bound::kMid ? "mid" : "end";
      if (x_.kind == Kind::kDeictic) {
        r = std::string(b) + "-of-" + UnitName(x_.unit) + Fmt(":%d", x_.n);
      } else if (!r.empty()) {
        r = std::string(b) + "-of:" + r;
      }
    }
    if (!r.empty() || x_.kind == Kind::kTime) {
      if (x_.hour >= 0 && x_.hour_end >= 0) {
        add(x_.part != Part::kNone && x_.minute < 0 ? std::string("part:") + PartName(x_.part)
                                                    : Fmt("time:%02d-%02d", x_.hour, x_.hour_end));
      } else if (x_.hour >= 0) {
        add(x_.minute >= 0 ? Fmt("time:%02d:%02d", x_.hour, x_.minute) : Fmt("time:%02d", x_.hour));
      }
    }
    return r;
  }

  const Expr& x_;
  const Anchors& a_;
  Val v_;
  Resolution how_ = Resolution::kAbsolute;
  const Anchor* anchor_ = nullptr;
  std::string what_, why_, mismatch_note_;
};

}  // namespace

Anchor Anchor::FromPublished(const Published& p) {
  Anchor a;
  if (!p.known() || p.time.year == 0) return a;
  a.known = true;
  a.year = p.time.year;
  a.month = p.precision >= DatePrecision::kMonth ? p.time.month : 0;
  a.day = p.precision >= DatePrecision::kDay ? p.time.day : 0;
  a.hour = p.precision >= DatePrecision::kMinute ? p.time.hour : -1;
  a.minute = p.precision >= DatePrecision::kMinute ? p.time.minute : -1;
  a.precision = p.precision;
  a.how = Resolution::kRelativeToPublication;
  a.name = "the publication date " + p.Iso();
  return a;
}

Anchor Anchor::FromDay(int64_t days, Resolution how, const std::string& what) {
  Anchor a;
  a.known = true;
  CivilFromDays(days, &a.year, &a.month, &a.day);
  a.precision = DatePrecision::kDay;
  a.how = how;
  a.name = what + " " + Iso(days);
  return a;
}

Anchor AnchorFromValue(const DateExpr& d, const std::string& what) {
  Anchor a;
  const std::string& v = d.value;
  if (d.resolution == Resolution::kUnresolved || v.size() < 4 || v[3] == 'X') return a;
  int y = std::atoi(v.c_str()), m = 0, day = 0;
  if (v.size() >= 7 && v[4] == '-' && v[5] != 'W' && v[5] != 'Q') m = std::atoi(v.c_str() + 5);
  if (m && v.size() >= 10 && v[7] == '-') day = std::atoi(v.c_str() + 8);
  if (y <= 0 || (m && !calendar::IsValidDate(y, m, day ? day : 1))) return a;
  a.known = true;
  a.year = y;
  a.month = m;
  a.day = day;
  a.precision = day ? DatePrecision::kDay : m ? DatePrecision::kMonth : DatePrecision::kYear;
  a.how = Resolution::kRelativeToDate;
  a.name = what + " " + v.substr(0, day ? 10 : m ? 7 : 4);
  return a;
}

int64_t Anchor::Days() const { return DaysFromCivil(year, month ? month : 1, day ? day : 1); }

bool AbsoluteDay(const Expr& x, int64_t* days) {
  if (x.kind != Kind::kDate || x.y == 0 || x.m == 0 || x.d == 0) return false;
  if (x.hijri) return HijriToDays(x.y, x.m, x.d, days);
  if (!calendar::IsValidDate(x.y, x.m, x.d)) return false;
  *days = DaysFromCivil(x.y, x.m, x.d);
  return true;
}

DateExpr Resolve(const Expr& x, const Anchors& anchors) { return Resolver(x, anchors).Run(); }

}  // namespace rasd::dates::internal
