// The grammar is a set of matchers tried at every token that can start a date
// (a number or a word of the lexicon); the longest match wins and scanning
// resumes after it. Matchers compose small parsers (day, month, year, time).
#include "extract/dates/grammar.h"

#include <initializer_list>
#include <string_view>

#include "rasd/calendar.h"

namespace rasd::dates::internal {
namespace {

int DirOffset(Dir d) { return d == Dir::kLast ? -1 : d == Dir::kNext ? 1 : 0; }

// A year_offset that means "the year of the previous date" (من العام ذاته).
constexpr int kSameYear = INT_MIN + 1;

// Moves the kSameYear marker into Expr::same_year.
void FixSameYear(Expr* x) {
  if (x->year_offset == kSameYear) {
    x->year_offset = kNoOffset;
    x->same_year = true;
  }
}

// Hours shifted to the 24-hour clock by a part of the day.
int ShiftHour(int h, Part p) {
  switch (p) {
    case Part::kAm:
    case Part::kMorning:
    case Part::kDawn:
    case Part::kForenoon:
      return h == 12 ? 0 : h;
    case Part::kNoon:
      return h >= 1 && h <= 6 ? h + 12 : h;
    case Part::kAfternoon:
    case Part::kPm:
    case Part::kEvening:
    case Part::kSunset:
    case Part::kIsha:
      return h < 12 ? h + 12 : h;
    case Part::kNight:
      if (h == 12) return 0;
      return h >= 1 && h <= 4 ? h : (h < 12 ? h + 12 : h);
    case Part::kMidnight:
      return h == 12 ? 0 : h;
    case Part::kNone:
      break;
  }
  return h;
}

class Parser {
 public:
  explicit Parser(const std::vector<Tok>& t) : t_(t), n_(static_cast<int>(t.size())) {}

  void Run(std::vector<Match>* out) {
    out->clear();
    for (int i = 0; i < n_; ++i) {
      const Tok& t = t_[i];
      if (t.type == TokType::kPunct || (t.type == TokType::kWord && t.lex == nullptr)) continue;
      Match best;
      best.end = -1;
      Match m;
      auto consider = [&](bool ok) {
        if (ok && m.end > best.end && m.end > m.begin) best = m;
      };
      consider(MatchDate(i, &m));
      consider(MatchNumeric(i, &m));
      consider(MatchMonthYear(i, &m));
      consider(MatchYear(i, &m));
      consider(MatchYearRange(i, &m));
      consider(MatchDayRange(i, &m));
      consider(MatchBoundary(i, &m));
      consider(MatchRelDay(i, &m));
      consider(MatchPartDay(i, &m));
      consider(MatchWeekday(i, &m));
      consider(MatchNth(i, &m));
      consider(MatchDeictic(i, &m));
      consider(MatchAgo(i, &m));
      consider(MatchHoliday(i, &m));
      consider(MatchDecade(i, &m));
      consider(MatchDecadeOfCentury(i, &m));
      consider(MatchCentury(i, &m));
      consider(MatchQuarter(i, &m));
      consider(MatchTime(i, &m));
      consider(MatchVague(i, &m));
      consider(MatchSeason(i, &m));
      consider(MatchYearContinuation(i, *out, &m));
      if (best.end > 0) {
        FixSameYear(&best.x);
        // A match that reaches back over the previous one ("يوم الجمعة 1 / 10 / 1436 هـ"
        // found at the number) replaces it when it covers it.
        while (!out->empty() && best.begin < out->back().end) {
          if (best.begin > out->back().begin) {
            best.begin = out->back().end;
            break;
          }
          out->pop_back();
        }
        out->push_back(best);
        i = best.end - 1;
      }
    }
    AddLeadingDays(out);
  }

  // "يومي 10 و11 نيسان": the 10th is a date of its own, in the month (and year) of
  // the date that follows. Only after "يوم(ي)" or "في", so "5 و6 نيسان" in a score stays out.
  void AddLeadingDays(std::vector<Match>* out) const {
    for (size_t k = out->size(); k-- > 0;) {
      const Match m = (*out)[k];
      if (m.x.kind != Kind::kDate || m.x.d == 0 || m.x.m == 0 || !Num(m.begin)) continue;
      int j = t_[m.begin].conj ? m.begin - 1 : Is(m.begin - 1, "و") ? m.begin - 2 : -1;
      if (!Num(j) || t_[j].ndigits > 2 || t_[j].num < 1 || t_[j].num > 31 || t_[j].num == m.x.d)
        continue;
      if (k > 0 && (*out)[k - 1].end > j) continue;
      if (!IsAny(j - 1, {"يومي", "ويومي", "يوم", "ويوم", "في", "وفي"})) continue;
      Match day;
      day.begin = j;
      day.end = j + 1;
      day.x = m.x;
      day.x.d = t_[j].num;
      day.x.weekday = -1;
      out->insert(out->begin() + static_cast<long>(k), day);
    }
  }

 private:
  // ---- token predicates ----
  bool Valid(int i) const { return i >= 0 && i < n_; }
  bool Has(int i, uint32_t role) const { return Valid(i) && t_[i].Has(role); }
  bool Num(int i) const { return Valid(i) && t_[i].IsNum() && t_[i].num >= 0; }
  bool Punct(int i, char c) const { return Valid(i) && t_[i].IsPunct(c); }
  bool Glued(int i) const { return Valid(i) && !t_[i].space_before; }
  bool Is(int i, std::string_view w) const {
    return Valid(i) && t_[i].type == TokType::kWord && t_[i].s == w;
  }
  bool IsAny(int i, std::initializer_list<std::string_view> ws) const {
    if (!Valid(i) || t_[i].type != TokType::kWord) return false;
    for (std::string_view w : ws) {
      if (t_[i].s == w) return true;
    }
    return false;
  }
  const Entry& L(int i) const { return *t_[i].lex; }
  bool IsFrom(int i) const { return Is(i, "من"); }
  bool IsIn(int i) const { return Is(i, "في"); }
  bool IsTo(int i) const { return IsAny(i, {"الي", "حتي", "وحتي", "والي", "لغايه", "ولغايه"}); }
  bool IsDayWord(int i) const { return IsAny(i, {"يوم", "ويوم", "بيوم", "ليوم"}); }
  bool IsToday(int i) const { return Has(i, kRelDay) && L(i).relday == 0; }
  // A weekday name that stands alone as one: with the article ("الأحد"), not "أحد" (one).
  bool ArticleWeekday(int i) const { return Has(i, kWeekday) && L(i).article; }
  bool UnitWithArticle(int i, Unit u) const {
    return Has(i, kUnit) && L(i).unit == u && L(i).article && L(i).unit_count == 1;
  }
  // "الأخير" is a direction word too, but after a period it means "the last one of".
  bool IsLastOf(int i) const { return IsAny(i, {"الاخير", "الاخيره", "الاخيرين"}); }
  bool Dirw(int i) const { return Has(i, kDir) && !IsLastOf(i); }

  // ---- small parsers: each returns the token after what it read, or -1 ----

  // An ordinal word: الثالث (3), الثالث عشر (13), الحادي والعشرون (21), الأخير (-1).
  int Ordinal(int i, int* v, bool allow_last = false) const {
    if (!Has(i, kOrd)) return -1;
    int o = L(i).ord;
    if (o == -1) {
      if (!allow_last) return -1;
      *v = -1;
      return i + 1;
    }
    if (o >= 1 && o <= 11) {
      if (Has(i + 1, kCard) && L(i + 1).card == 10 && !t_[i + 1].conj && o != 10) {
        *v = o == 11 ? 11 : o + 10;
        return i + 2;
      }
      if (Valid(i + 1) && t_[i + 1].conj && o != 10) {
        int tens = Has(i + 1, kOrd) ? L(i + 1).ord : Has(i + 1, kCard) ? L(i + 1).card : 0;
        if (tens == 20 || tens == 30) {
          *v = (o == 11 ? 1 : o) + tens;
          return i + 2;
        }
      }
      if (o == 11) return -1;
      *v = o;
      return i + 1;
    }
    if (o == 20 || o == 30) {
      *v = o;
      return i + 1;
    }
    return -1;
  }

  // A cardinal number in digits or words: ثلاثة (3), ثمانية عشر (18), خمسة وتسعين (95);
  // -1 for بضعة/عدة.
  int Cardinal(int i, int* v, bool words_only = false) const {
    if (!Valid(i)) return -1;
    if (t_[i].IsNum()) {
      if (words_only || t_[i].num < 0) return -1;
      *v = t_[i].num;
      return i + 1;
    }
    if (!Has(i, kCard)) return -1;
    int c = L(i).card;
    int j = i + 1;
    if (c >= 1 && c <= 9) {
      if (Has(j, kCard) && L(j).card == 10 && !t_[j].conj) {
        c += 10;
        ++j;
      } else if (Valid(j) && t_[j].conj && Has(j, kCard) && L(j).card >= 20 && L(j).card <= 90) {
        c += L(j).card;
        ++j;
      }
    }
    *v = c;
    return j;
  }

  // A day of the month: "22", "22nd", "الثاني والعشرين".
  int Day(int i, int* d, bool words = true) const {
    if (!Valid(i)) return -1;
    const Tok& t = t_[i];
    if (t.IsNum()) {
      if (t.ndigits > 2 || t.num < 1 || t.num > 31) return -1;
      int j = i + 1;
      if (Valid(j) && !t_[j].space_before && t_[j].type == TokType::kWord &&
          (t_[j].s == "st" || t_[j].s == "nd" || t_[j].s == "rd" || t_[j].s == "th")) {
        ++j;
      } else if (Valid(j) && !t_[j].space_before && !t_[j].IsPunct(',') && !t_[j].IsPunct('.') &&
                 !t_[j].IsPunct(')') && !t_[j].IsPunct('"')) {
        return -1;  // "22x", "22/…": not a day alone
      }
      *d = t.num;
      return j;
    }
    if (!words || !Has(i, kOrd) || !L(i).article) return -1;  // "الثالث", not "ثالث"
    int v;
    int j = Ordinal(i, &v);
    if (j < 0 || v < 1 || v > 31) return -1;
    *d = v;
    return j;
  }

  // A month name, with its pair: "شباط / فبراير", "مايو (أيار)", "أيلول/سبتمبر".
  int MonthName(int i, int* m, bool* ambiguous) const {
    if (!Has(i, kMonth) || t_[i].IsNum()) return -1;
    *m = L(i).month;
    *ambiguous = L(i).month_ambiguous && !(t_[i].madda && *m == 8);
    int j = i + 1;
    int k = j;
    bool paren = false;
    if (Punct(k, '/') || Punct(k, '-') || Punct(k, '|') || Punct(k, '\\')) {
      ++k;
    } else if (Punct(k, '(')) {
      ++k;
      paren = true;
    }
    if (Has(k, kMonth) && L(k).month == *m && !t_[k].conj) {
      j = k + 1;
      *ambiguous = false;
      if (paren && Punct(j, ')')) ++j;
    }
    return j;
  }

  // A month: a name, "شهر" + name or number ("شهر 3", "شهر ثلاثة"), "الشهر الثامن".
  int MonthRef(int i, int* m, bool* ambiguous, bool* cue) const {
    *cue = false;
    if (Has(i, kMonthCue) && !t_[i].IsNum()) {
      int j = i + 1;
      if (!L(i).article) {
        int k = MonthName(j, m, ambiguous);
        if (k > 0) {
          *ambiguous = false;
          *cue = true;
          return k;
        }
        bool singular = L(i).unit == Unit::kMonth && L(i).unit_count == 1;
        if (singular && Num(j) && t_[j].ndigits <= 2 && t_[j].num >= 1 && t_[j].num <= 12 &&
            !(Glued(j + 1) && (Punct(j + 1, '/') || Punct(j + 1, ':') || Punct(j + 1, '-')))) {
          *m = t_[j].num;
          *ambiguous = false;
          *cue = true;
          return j + 1;
        }
        int v;
        int k2 = singular ? Cardinal(j, &v, /*words_only=*/true) : -1;
        if (k2 > 0 && v >= 3 && v <= 12) {
          *m = v;
          *ambiguous = false;
          *cue = true;
          return k2;
        }
      } else {
        int v;
        int k = Ordinal(j, &v);
        if (k > 0 && v >= 1 && v <= 12) {
          *m = v;
          *ambiguous = false;
          *cue = true;
          return k;
        }
      }
      return -1;
    }
    return MonthName(i, m, ambiguous);
  }

  // A four-digit year and its era mark: "2014", "2002م", "1445 هـ".
  int YearNum(int i, int* y, Era* era) const {
    if (!Num(i) || t_[i].ndigits != 4) return -1;
    int v = t_[i].num;
    if (v < 1000 || v > 2999) return -1;
    *y = v;
    *era = Era::kNone;
    int j = i + 1;
    if (Has(j, kEra) && t_[j].words == 1 && !t_[j].conj && !t_[j].prep) {
      *era = L(j).era;
      ++j;
    }
    // "2021." or "2021," end a sentence or a phrase; "2021.5" or "2021/22" do not.
    if (Glued(j) && (Punct(j, '.') || Punct(j, '/') || Punct(j, ',')) && Glued(j + 1) &&
        Num(j + 1)) {
      return -1;
    }
    if (Glued(j) && (Num(j) || Punct(j, '%'))) return -1;
    return j;
  }

  // A year as written after a date or a month: "2021", "عام 2014", "من عام 2019",
  // "لعام 2014", or relative: "من العام الماضي", "السنة القادمة", "هذا العام".
  int YearPhrase(int i, int* y, int* year_offset, Era* era) const {
    int j = i;
    if (IsFrom(j) || IsIn(j)) ++j;
    if (Has(j, kYearCue) && !t_[j].IsNum()) {
      int k = YearNum(j + 1, y, era);
      if (k > 0) return k;
      if (L(j).article && IsAny(j + 1, {"ذاته", "نفسه", "ذاتها", "نفسها"})) {
        *year_offset = kSameYear;
        return j + 2;
      }
      if (L(j).article && Dirw(j + 1)) {
        *year_offset = DirOffset(L(j + 1).dir);
        return j + 2;
      }
      return -1;
    }
    if (Has(j, kThis) && Has(j + 1, kYearCue) && L(j + 1).article && !Num(j + 2)) {
      *year_offset = 0;
      return j + 2;
    }
    if (j == i || IsIn(i)) return YearNum(j, y, era);
    return -1;
  }

  // A bare weekday in the clause before position i preceded by a future word.
  bool FutureCue(int i) const {
    for (int k = i - 1; k >= 0 && k >= i - 10; --k) {
      if (t_[k].type == TokType::kPunct &&
          (t_[k].punct == '.' || t_[k].punct == '!' || t_[k].punct == '?' || t_[k].punct == ':')) {
        break;
      }
      if (Has(k, kFuture)) return true;
      if (t_[k].type == TokType::kWord && IsFutureVerb(t_[k].s)) return true;
    }
    return false;
  }

  // "سيعقد", "ستبدأ", "وسنعمل": سـ + an imperfective prefix, not a noun like "سيارة".
  static bool IsFutureVerb(std::string_view s) {
    if (s.substr(0, 2) == "\xD9\x88" || s.substr(0, 2) == "\xD9\x81") s.remove_prefix(2);  // و ف
    if (s.size() < 10 || s.substr(0, 2) != "\xD8\xB3") return false;                       // س
    std::string_view p = s.substr(2, 2);
    if (p != "\xD9\x8A" && p != "\xD8\xAA" && p != "\xD9\x86") return false;  // ي ت ن
    const Entry* e = Lexicon::Get().Find(s);
    return e == nullptr || (e->more_roles & kNotFuture) == 0;
  }

  // A time of day: "الساعة 17:20", "الساعة الثالثة وربع عصرا", "3:18 صباحا", "الثالثة فجرا",
  // "الساعة 12 إلا ربع", and a range "الساعة 3 إلى الساعة 4 بعد العصر".
  int TimeCore(int i, Expr* x, bool allow_range = true) const {
    int j = i;
    bool clock = false;
    if (Has(j, kClock) && !t_[j].IsNum()) {
      clock = true;
      ++j;
    }
    int h = -1, mi = -1;
    bool digits = false;
    const int hour_tok = j;
    if (Valid(j) && t_[j].IsNum()) {
      if (t_[j].ndigits > 2 || t_[j].num > 24 || (t_[j].conj && !clock)) return -1;
      h = t_[j].num;
      digits = true;
      ++j;
      // "17:20"; after "الساعة" also "14,30" and "7.30" (news agencies write both).
      bool sep = Punct(j, ':') || (clock && (Punct(j, ',') || Punct(j, '.')));
      if (sep && Glued(j) && Num(j + 1) && Glued(j + 1) && t_[j + 1].ndigits == 2 &&
          t_[j + 1].num <= 59) {
        mi = t_[j + 1].num;
        j += 2;
        if (Punct(j, ':') && Glued(j) && Num(j + 1) && Glued(j + 1) && t_[j + 1].ndigits == 2) {
          j += 2;  // seconds
        }
      } else if (!clock) {
        return -1;
      }
    } else {
      // "الساعة الثالثة", "الساعة ثلاثة"; one o'clock is "الواحدة" ("الساعة الأولى" is the first
      // hour).
      int v;
      int k = Ordinal(j, &v);
      if (k > 0 && v == 1) return -1;
      if (k < 0) k = Cardinal(j, &v, /*words_only=*/true);
      if (k < 0 || v < 1 || v > 12) return -1;
      h = v;
      j = k;
    }
    // Minutes: "و18 دقيقة", "وربع", "ونصف", "وخمس وأربعون دقيقة", "إلا ربعا", "إلا ثلث".
    if (mi < 0) {
      if (Valid(j) && t_[j].conj && Has(j, kFraction)) {
        mi = L(j).fraction;
        ++j;
      } else if (Valid(j) && (t_[j].conj || Is(j, "و"))) {
        int k = Is(j, "و") ? j + 1 : j;
        int v;
        int e = Cardinal(k, &v);
        if (e > 0 && v >= 1 && v <= 59 && (e == k + 1 || !t_[k].IsNum())) {
          mi = v;
          j = e;
          if (Has(j, kUnit) && L(j).unit == Unit::kMinute) ++j;
        }
      } else if (Has(j, kMinus)) {
        int v;
        int e;
        if (Has(j + 1, kFraction)) {
          v = L(j + 1).fraction;
          e = j + 2;
        } else {
          e = Cardinal(j + 1, &v);
          if (e > 0 && Has(e, kUnit) && L(e).unit == Unit::kMinute) ++e;
        }
        if (e > 0 && v >= 1 && v <= 59) {
          mi = 60 - v;
          h = h == 0 ? 23 : h - 1;
          j = e;
        }
      }
    }
    // Part of the day and time zone.
    Part part = Part::kNone;
    if (Has(j, kPart) && !(L(j).part == Part::kPm && !digits && !clock)) {
      if ((L(j).part != Part::kAm && L(j).part != Part::kPm) || (digits && mi >= 0)) {
        part = L(j).part;
        ++j;
      }
    } else if (Has(j, kThis) && Has(j + 1, kPart)) {
      part = L(j + 1).part;
      j += 2;
    }
    if (IsAny(j, {"بتوقيت", "توقيت"}) && Valid(j + 1)) {
      j += 2;
    } else if (IsAny(j, {"gmt", "utc"})) {
      ++j;
    }
    // "الثالثة" or "ست وسبع" alone is not a time: a word hour needs "الساعة" or a part of the day.
    if (!clock && part == Part::kNone && (mi < 0 || !digits)) return -1;
    // A clock hour 1-5 with no part of the day is read in the afternoon ("الساعة الثالثة":
    // events are not reported at 3 a.m. without saying "فجرا"); "03:00" is a 24-hour time.
    bool leading_zero = digits && t_[hour_tok].ndigits == 2 && t_[hour_tok].s[0] == '0';
    if (part == Part::kNone && h >= 1 && h <= 5 && !leading_zero) {
      h += 12;
      x->pm_assumed = true;
    }
    x->hour = ShiftHour(h, part);
    x->minute = mi;
    if (part != Part::kNone) x->part = part;
    if (allow_range && IsTo(j)) {
      Expr y;
      int k = j + 1;
      int e = TimeCore(k, &y, false);
      if (e > 0 && (Has(k, kClock) || clock)) {
        if (y.part != Part::kNone && part == Part::kNone) {
          x->hour = ShiftHour(x->pm_assumed ? h - 12 : h, y.part);
          x->part = y.part;
          x->pm_assumed = false;
        }
        x->hour_end = y.hour;
        if (x->minute <= 0 && y.minute <= 0) {
          x->minute = -1;
          return e;
        }
        x->hour_end = -1;  // minute ranges are kept as their start
        return e;
      }
    }
    return j;
  }

  // A time (or part of the day) after a date: ", الساعة 10:30", "01:43 مساءً", "مساء".
  int AttachTime(int j, Expr* x) const {
    int k = j;
    if (Punct(k, ',') || Punct(k, '-')) ++k;
    if (Is(k, "t") && Glued(k) && Num(k + 1) && Glued(k + 1)) {
      Expr tx;
      int e = TimeCore(k + 1, &tx, false);
      if (e > 0) {
        x->hour = tx.hour;
        x->minute = tx.minute;
        return e;
      }
    }
    int k2 = k;
    if (IsAny(k2, {"عند", "في", "حوالي", "نحو", "قرابه", "بحدود", "من", "منذ"})) ++k2;
    if (IsAny(k2, {"تمام"})) ++k2;
    Expr tx;
    int e = TimeCore(k2, &tx);
    if (e > 0 && (k2 == k || Has(k2, kClock))) {
      x->hour = tx.hour;
      x->minute = tx.minute;
      x->hour_end = tx.hour_end;
      x->pm_assumed = tx.pm_assumed;
      if (tx.part != Part::kNone) x->part = tx.part;
      return e;
    }
    if (Has(j, kPart) && L(j).part_adverb && L(j).part != Part::kAm && L(j).part != Part::kPm &&
        L(j).part_from >= 0) {
      x->part = L(j).part;
      x->hour = L(j).part_from;
      x->hour_end = L(j).part_to;
      return j + 1;
    }
    return j;
  }

  // "من" or "في" or a glued ب/ل before a month in "الثلاثاء الثالث من شهر أيلول".
  int MonthTarget(int k, Expr* x) const {
    if (IsFrom(k) || IsIn(k)) ++k;
    int m;
    bool amb, cue;
    int e = MonthRef(k, &m, &amb, &cue);
    if (e > 0) {
      x->m = m;
    } else if (UnitWithArticle(k, Unit::kMonth) && Dirw(k + 1)) {
      x->month_offset = DirOffset(L(k + 1).dir);
      e = k + 2;
    } else if (Has(k, kThis) && UnitWithArticle(k + 1, Unit::kMonth)) {
      x->month_offset = 0;
      e = k + 2;
    } else {
      return -1;
    }
    int y = 0, yoff = kNoOffset;
    Era era;
    int k2 = e;
    if (Punct(k2, ',')) ++k2;
    int ye = YearPhrase(k2, &y, &yoff, &era);
    if (ye < 0 && (IsIn(k2) || IsFrom(k2))) ye = YearPhrase(k2 + 1, &y, &yoff, &era);
    if (ye < 0 && Has(k2, kYearCue) && L(k2).article && Dirw(k2 + 1)) {
      yoff = DirOffset(L(k2 + 1).dir);
      ye = k2 + 2;
    }
    if (ye > 0) {
      e = ye;
      x->y = y;
      x->year_offset = yoff;
    }
    return e;
  }

  // ---- matchers ----

  // Day + month (+ year), in either order, with an optional weekday before:
  // "الأحد 22 شباط 2021", "22nd شباط / فبراير 2021 01:43 مساءً", "February 21, 2025",
  // "الرابع من نيسان", "31 كانون الثاني/ يناير الماضي", "15 رمضان 1445 هـ", "السبت 21/09".
  bool MatchDate(int i, Match* out) const {
    Expr x;
    int j = i;
    {
      int k = j;
      bool yawm = false;
      if (IsDayWord(k)) {
        ++k;
        yawm = true;
      }
      if (Has(k, kWeekday) && (L(k).article || yawm)) {
        x.weekday = L(k).weekday;
        ++k;
        if (Punct(k, ',')) ++k;
        if (Has(k, kSame) || IsIn(k)) ++k;
        if (IsDayWord(k)) ++k;
        j = k;
      } else if (yawm) {
        j = k;
      }
    }
    int d = 0, m = 0;
    bool amb = false, cue = false;
    int e = -1;
    bool hijri = false;
    bool digits_day = Valid(j) && t_[j].IsNum();
    int k = Day(j, &d);
    if (x.weekday >= 0 && digits_day && t_[j].ndigits <= 2 && Punct(j + 1, '/') && Glued(j + 1) &&
        Num(j + 2) && Glued(j + 2) && t_[j + 2].ndigits <= 2 && t_[j + 2].num >= 1 &&
        t_[j + 2].num <= 12 && !(Glued(j + 3) && (Punct(j + 3, '/') || Num(j + 3)))) {
      d = t_[j].num;  // "السبت 21/09"
      m = t_[j + 2].num;
      e = j + 3;
    } else if (k > 0) {
      int k2 = k;
      if (Punct(k2, ',') && Has(k2 + 1, kMonth)) ++k2;  // "2nd, March 2024"
      if (IsFrom(k2) && !digits_day)
        ++k2;
      else if (IsFrom(k2) && Has(k2 + 1, kMonthCue))
        ++k2;
      if (Valid(k2) && t_[k2].conj) return false;  // "2 وجمادى": a list, not a date
      int me = MonthRef(k2, &m, &amb, &cue);
      if (me > 0) {
        e = me;
      } else if (Has(k2, kHMonth)) {
        m = L(k2).hmonth;
        hijri = true;
        e = k2 + 1;
      } else if (x.weekday >= 0 && !digits_day) {
        // "السبت السادس عشر", "الثلاثاء التاسع عشر من هذا الشهر"
        x.d = d;
        x.weekday_picks = true;
        int e2 = k;
        if (IsFrom(e2) && Has(e2 + 1, kThis) && UnitWithArticle(e2 + 2, Unit::kMonth)) {
          x.month_offset = 0;
          e2 += 3;
        } else if (IsFrom(e2) && UnitWithArticle(e2 + 1, Unit::kMonth) && Dirw(e2 + 2)) {
          x.month_offset = DirOffset(L(e2 + 2).dir);
          e2 += 3;
        }
        out->begin = i;
        out->end = AttachTime(e2, &x);
        out->x = x;
        return true;
      } else {
        return false;
      }
      // "الثلاثاء الثالث من أيلول" is the third Tuesday (MatchNth), unless the date fits.
      if (x.weekday >= 0 && !digits_day && d <= 5 && k2 > k && !hijri) {
        int yy = 0, yoff2 = kNoOffset;
        Era era2;
        int e3 = e;
        if (Punct(e3, ',')) ++e3;
        if (YearPhrase(e3, &yy, &yoff2, &era2) < 0 || yy == 0 || !calendar::IsValidDate(yy, m, d) ||
            calendar::Weekday(yy, m, d) != x.weekday) {
          return false;
        }
      }
    } else {
      int me = MonthName(j, &m, &amb);
      if (me < 0) return false;
      int de = Day(me, &d, /*words=*/false);
      if (de < 0) return false;
      int k2 = de;
      if (Punct(k2, ',')) ++k2;
      int y = 0, yoff = kNoOffset;
      Era era;
      int ye = YearPhrase(k2, &y, &yoff, &era);
      if (ye < 0 || y == 0) return false;  // "February 21" alone is left to ranges
      e = de;
    }
    // Year, era, direction.
    int y = 0, yoff = kNoOffset;
    Era era = Era::kNone;
    int k3 = e;
    if (Punct(k3, ',')) ++k3;
    int ye = YearPhrase(k3, &y, &yoff, &era);
    if (ye > 0) {
      e = ye;
    } else if (Dirw(e)) {
      x.dir = L(e).dir;
      ++e;
    }
    if (hijri) {
      if (y != 0 && (era == Era::kGregorian || y < 1300 || y > 1600)) return false;
      if (y == 0 && Has(e, kEra) && L(e).era == Era::kHijri) ++e;
      if (m == 2 && y == 0) return false;  // صفر is also "zero"
    } else if (era == Era::kHijri) {
      return false;
    }
    if (d < 1 || d > (hijri ? 30 : 31)) return false;
    if (!hijri && m >= 1) {
      int dim = calendar::DaysInMonth(y ? y : 2000, m);
      if (d > dim) return false;
    }
    x.kind = Kind::kDate;
    x.hijri = hijri;
    x.d = d;
    x.m = m;
    x.y = y;
    x.year_offset = yoff;
    x.since = y == 0 && yoff == kNoOffset && x.dir == Dir::kNone && i > 0 &&
              IsAny(i - 1, {"منذ", "ومنذ"});
    if (x.weekday >= 0 && y == 0 && yoff == kNoOffset && x.dir == Dir::kNone)
      x.weekday_picks = true;
    out->begin = i;
    out->end = AttachTime(e, &x);
    out->x = x;
    return true;
  }

  // Numeric dates: 22/02/2021, 2021-02-22, 22.02.2021, 14-09-1432 هـ, 2/2013.
  bool MatchNumeric(int i, Match* out) const {
    if (!Num(i)) return false;
    if (i > 0 && Glued(i) &&
        (t_[i - 1].IsNum() || Punct(i - 1, '/') || Punct(i - 1, '.') || Punct(i - 1, '-') ||
         Punct(i - 1, ':') || t_[i - 1].type == TokType::kWord)) {
      return false;
    }
    if (!Valid(i + 2) || !Num(i + 2)) return false;
    char sep = t_[i + 1].type == TokType::kPunct ? t_[i + 1].punct : 0;
    if (sep != '/' && sep != '-' && sep != '.') return false;
    const Tok& a = t_[i];
    const Tok& b = t_[i + 2];
    // "26 /9 /1436هـ", "1 / 10 / 1436 هـ": spaced only with all three parts and a 4-digit year.
    bool glued = Glued(i + 1) && Glued(i + 2);
    bool three = Punct(i + 3, sep) && Num(i + 4) &&
                 (glued ? Glued(i + 3) && Glued(i + 4)
                        : t_[i + 4].ndigits == 4 && a.ndigits <= 2 && b.ndigits <= 2 && sep == '/');
    if (!glued && !three) return false;
    Expr x;
    int e;
    if (three) {
      const Tok& c = t_[i + 4];
      e = i + 5;
      if (Glued(e) && (Punct(e, sep) || Punct(e, '.') || Punct(e, '/')) && Num(e + 1) &&
          Glued(e + 1)) {
        return false;  // a longer run of numbers: a version, an address
      }
      int y, m, d;
      if (a.ndigits == 4 && b.ndigits <= 2 && c.ndigits <= 2) {
        y = a.num, m = b.num, d = c.num;
      } else if (c.ndigits == 4 && a.ndigits <= 2 && b.ndigits <= 2) {
        d = a.num, m = b.num, y = c.num;
        if (m > 12 && d <= 12) std::swap(d, m);
      } else if (c.ndigits == 2 && a.ndigits <= 2 && b.ndigits <= 2 && sep != '-') {
        d = a.num, m = b.num;
        y = c.num < 50 ? 2000 + c.num : 1900 + c.num;
      } else {
        return false;
      }
      if (m < 1 || m > 12 || d < 1 || d > 31) return false;
      Era era = Era::kNone;
      if (Has(e, kEra) && t_[e].words == 1) {
        era = L(e).era;
        ++e;
      }
      bool hijri = era == Era::kHijri || (era == Era::kNone && y >= 1300 && y <= 1500);
      if (era == Era::kHijri && c.ndigits == 2) y = c.num < 50 ? 1400 + c.num : 1300 + c.num;
      if (hijri) {
        if (d > 30 || y < 1300 || y > 1600) return false;
        x.numeric_hijri_guess = era == Era::kNone;
      } else {
        if (y < 1000 || y > 2999 || !calendar::IsValidDate(y, m, d)) return false;
      }
      x.hijri = hijri;
      x.y = y;
      x.m = m;
      x.d = d;
    } else {
      // m/yyyy
      if (sep != '/' || b.ndigits != 4 || a.ndigits > 2 || a.num < 1 || a.num > 12) return false;
      if (b.num < 1900 || b.num > 2100) return false;
      e = i + 3;
      if (Glued(e) && (Punct(e, '/') || Punct(e, '.') || Punct(e, '-')) && Num(e + 1)) return false;
      x.y = b.num;
      x.m = a.num;
    }
    x.kind = Kind::kDate;
    int start = i;
    // A weekday before: "الاثنين 22/02/2021".
    if (i > 0 && ArticleWeekday(i - 1)) {
      x.weekday = L(i - 1).weekday;
      start = i - 1;
      if (i > 1 && IsDayWord(i - 2)) start = i - 2;
    } else if (i > 1 && Punct(i - 1, ',') && ArticleWeekday(i - 2)) {
      x.weekday = L(i - 2).weekday;
      start = i - 2;
    }
    out->begin = start;
    out->end = x.d ? AttachTime(e, &x) : e;
    out->x = x;
    return true;
  }

  // A month with a year or a direction, or alone after a cue: "أيلول عام 2014",
  // "شهر يناير الماضي", "آذار/مارس الجاري", "في مارس", "رمضان 1445", "شوال الماضي".
  bool MatchMonthYear(int i, Match* out) const {
    Expr x;
    int m;
    bool amb = false, cue = false, hijri = false;
    int k = MonthRef(i, &m, &amb, &cue);
    if (k < 0) {
      if (Has(i, kHMonth)) {
        m = L(i).hmonth;
        hijri = true;
        k = i + 1;
      } else if (Has(i, kMonthCue) && !L(i).article && Has(i + 1, kHMonth)) {
        m = L(i + 1).hmonth;
        hijri = true;
        cue = true;
        k = i + 2;
      } else {
        return false;
      }
    }
    int e = k;
    int y = 0, yoff = kNoOffset;
    Era era = Era::kNone;
    int k2 = e;
    if (Punct(k2, ',')) ++k2;
    int ye = YearPhrase(k2, &y, &yoff, &era);
    bool prep_before = i > 0 && (Has(i - 1, kPrep) || t_[i].prep);
    if (ye > 0) {
      e = ye;
    } else if (Dirw(e)) {
      x.dir = L(e).dir;
      ++e;
    } else {
      // "في مارس": a preposition is enough, but not for "إب" (a Yemeni city) or Latin names.
      bool strong = amb && (t_[i].type == TokType::kWord && t_[i].s[0] >= 'a' && t_[i].s[0] <= 'z');
      strong = strong || (amb && L(i).month == 8);
      // A month name no other word shares ("سبتمبر", "كانون الثاني") needs no cue:
      // "أحداث سبتمبر"; "آب" does ("آب ستور").
      bool alone = !amb && !hijri && !L(i).month_ambiguous;
      if (!(cue || prep_before || alone) ||
          (amb && (strong || !prep_before || !Has(i - 1, kPrep))))
        return false;
      if (amb) amb = false;
      x.since = i > 0 && IsAny(i - 1, {"منذ", "ومنذ"});
      if (hijri && m != 9 && !cue) return false;  // only رمضان is common alone
    }
    if (amb && !cue && ye < 0 && x.dir == Dir::kNone) return false;
    if (hijri) {
      if (m == 2 && !(y >= 1300 && y <= 1600) && !cue) return false;  // صفر: "zero"
      if (era == Era::kNone && y >= 1300 && y <= 1600) era = Era::kHijri;
      if (y != 0 && era != Era::kHijri) {
        if (y < 1900 || y > 2100) return false;
        x.kind = Kind::kHoliday;  // "رمضان 2019": the Hijri month that falls in 2019
        x.holiday = m == 9 ? Holiday::kRamadan : Holiday::kNone;
        x.hijri = false;
        x.m = m;
        x.y = y;
        out->begin = i;
        out->end = e;
        out->x = x;
        return true;
      }
      if (y == 0 && Has(e, kEra) && L(e).era == Era::kHijri) ++e;
    } else if (era == Era::kHijri) {
      return false;
    }
    x.kind = Kind::kDate;
    x.hijri = hijri;
    x.m = m;
    x.y = y;
    x.year_offset = yoff;
    out->begin = i;
    out->end = e;
    out->x = x;
    return true;
  }

  // A year with a cue: "عام 2014", "2002م", "1445 هـ", or after a preposition: "في 2014،".
  bool MatchYear(int i, Match* out) const {
    Expr x;
    x.kind = Kind::kDate;
    int y;
    Era era;
    int e = -1;
    int begin = i;
    if (Has(i, kYearCue) && !t_[i].IsNum()) {
      e = YearNum(i + 1, &y, &era);
      if (e < 0) return false;
    } else if (Num(i)) {
      e = YearNum(i, &y, &era);
      if (e < 0) return false;
      if (era == Era::kNone) {
        bool paren = i > 0 && Punct(i - 1, '(') && Punct(e, ')');  // "(1949)"
        if (y < (paren ? 1000 : 1900) || y > 2100) return false;
        if (i == 0) return false;
        bool cue = paren || IsAny(i - 1, {"في",    "منذ",   "خلال",  "حتي",   "قبل",   "بعد",
                                          "بحلول", "لغايه", "وفي",   "ومنذ",  "وحتي",  "طيله",
                                          "مطلع",  "بدايه", "نهايه", "اواخر", "اوائل", "منتصف",
                                          "ربيع",  "صيف",   "خريف",  "شتاء"});
        if (!cue) return false;
        // "في 2014" is a year; "في 2000 منزل" and "في 2000 %" are not.
        if (Valid(e)) {
          const Tok& nt = t_[e];
          if (nt.type == TokType::kPunct &&
              (nt.punct == '%' || nt.punct == '$' || nt.punct == '/' || nt.punct == '.' ||
               nt.punct == ',') &&
              Glued(e) && Num(e + 1)) {
            return false;
          }
          if (nt.type == TokType::kPunct && (nt.punct == '%' || nt.punct == '$')) return false;
          if (Has(e, kUnit) || Has(e, kCard) || Has(e, kCountNoun)) return false;
          if (nt.IsNum()) return false;
        }
      }
    } else {
      return false;
    }
    if (era == Era::kHijri) {
      if (y < 1 || y > 1600) return false;
      x.hijri = true;
    } else if (y > 2200) {
      return false;
    }
    x.y = y;
    out->begin = begin;
    out->end = e;
    out->x = x;
    return true;
  }

  // "و2015" right after a year: "عامي 2014 و2015".
  bool MatchYearContinuation(int i, const std::vector<Match>& done, Match* out) const {
    if (done.empty()) return false;
    int j = i;
    if (Is(i, "و") && Num(i + 1)) ++j;
    if (!Num(j) || (j == i && !t_[i].conj) || done.back().end != i) return false;
    const Expr& p = done.back().x;
    if (p.kind != Kind::kDate || p.y == 0 || p.m != 0) return false;
    int y;
    Era era;
    int e = YearNum(j, &y, &era);
    if (e < 0 || y < 1000) return false;
    if (Has(e, kUnit) || Has(e, kCountNoun) || Has(e, kCard)) return false;
    out->begin = j;
    out->end = e;
    out->x = Expr();
    out->x.kind = Kind::kDate;
    out->x.y = y;
    out->x.hijri = p.hijri || era == Era::kHijri;
    return true;
  }

  // "2014-2017", "بين عامي 2014 و2017", "من عام 2011 إلى عام 2014".
  bool MatchYearRange(int i, Match* out) const {
    int j = i;
    bool between = false;
    if (IsAny(j, {"بين", "وبين"})) {
      between = true;
      ++j;
    } else if (IsFrom(j)) {
      ++j;
    }
    bool cue = false;
    if (Has(j, kYearCue) && !t_[j].IsNum()) {
      cue = true;
      ++j;
    }
    int y1, y2;
    Era era;
    int k = YearNum(j, &y1, &era);
    if (k < 0) return false;
    bool dash = false;
    if ((Punct(k, '-') || Punct(k, '/')) && Num(k + 1)) {
      dash = true;
      ++k;
    } else if (IsTo(k)) {
      ++k;
    } else if (Valid(k) && t_[k].conj && Num(k) && between) {
      // "و2017"
    } else if (Is(k, "و") && between) {
      ++k;
    } else {
      return false;
    }
    if (Has(k, kYearCue) && !t_[k].IsNum()) ++k;
    int e = YearNum(k, &y2, &era);
    if (e < 0) return false;
    if (y2 <= y1 || y2 - y1 > 200) return false;
    if (dash && !cue && (y1 < 1900 || y2 > 2100)) return false;
    if (dash && Punct(k - 1, '/') && y2 == y1 + 1 && !cue) return false;  // 2014/2015: a season
    Expr x;
    x.kind = Kind::kYearRange;
    x.y = y1;
    x.y2 = y2;
    x.hijri = era == Era::kHijri;
    out->begin = (between || IsFrom(i)) ? i + 1 : i;
    out->end = e;
    out->x = x;
    return true;
  }

  // Ranges of days: "13-15 تموز", "من 13 الى 15 يوليو", "بين 13 و15 تموز",
  // "من 13 تموز الى 15 تموز", "يوليو 13-15", "من الثالث والعشرين وحتى السادس والعشرين من أكتوبر".
  bool MatchDayRange(int i, Match* out) const {
    int j = i;
    bool between = false;
    if (IsAny(j, {"بين", "وبين"})) {
      between = true;
      ++j;
    } else if (IsFrom(j) || Is(j, "ومن")) {
      ++j;
    }
    Expr x;
    x.kind = Kind::kDayRange;
    int d1, d2, m1 = 0, m2 = 0;
    bool amb, cue;
    // Month first: "يوليو 13-15", "اغسطس 27 الى 29"
    int me = MonthName(j, &m1, &amb);
    if (me > 0 && j == i) {
      int k = Day(me, &d1, false);
      if (k < 0) {
        if (!(Num(me) && t_[me].ndigits <= 2 && Punct(me + 1, '-'))) return false;
        d1 = t_[me].num;
        k = me + 1;
      }
      if (Punct(k, '-')) {
        ++k;
      } else if (IsTo(k)) {
        ++k;
      } else {
        return false;
      }
      int e = Day(k, &d2, false);
      if (e < 0 || d2 <= d1) return false;
      x.m = x.m2 = m1;
      x.d = d1;
      x.d2 = d2;
      int y = 0, yoff = kNoOffset;
      Era era;
      int k2 = e;
      if (Punct(k2, ',')) ++k2;
      int ye = YearPhrase(k2, &y, &yoff, &era);
      if (ye > 0) e = ye;
      x.y = x.y2 = y;
      x.year_offset = yoff;
      out->begin = i;
      out->end = e;
      out->x = x;
      return true;
    }
    // Day first.
    int k;
    if (Num(j) && t_[j].ndigits <= 2 && Punct(j + 1, '-') && Glued(j + 1) && Num(j + 2) &&
        Glued(j + 2) && t_[j + 2].ndigits <= 2) {
      d1 = t_[j].num;
      d2 = t_[j + 2].num;
      k = j + 3;
    } else {
      k = Day(j, &d1);
      if (k < 0) return false;
      // "من 13 تموز الى 15 تموز"
      int mk = MonthRef(k, &m1, &amb, &cue);
      if (mk > 0) k = mk;
      if (Punct(k, '-')) {
        ++k;
      } else if (IsTo(k)) {
        ++k;
      } else if (between && Valid(k) && t_[k].conj) {
        // "و15"
      } else if (between && Is(k, "و")) {
        ++k;
      } else {
        return false;
      }
      int e = Day(k, &d2);
      if (e < 0 && Valid(k) && t_[k].conj && Num(k) && t_[k].ndigits <= 2) {
        d2 = t_[k].num;
        e = k + 1;
      }
      if (e < 0) return false;
      k = e;
      if (m1 != 0) {
        int mk2 = MonthRef(k, &m2, &amb, &cue);
        if (mk2 < 0) return false;
        k = mk2;
      }
    }
    if (d1 < 1 || d2 > 31) return false;
    if (m2 == 0) {
      int k2 = k;
      if (IsFrom(k2) || IsIn(k2)) ++k2;
      int mk = MonthRef(k2, &m2, &amb, &cue);
      if (mk < 0) return false;
      k = mk;
      if (m1 == 0) m1 = m2;
    }
    if (m1 == m2 && d2 <= d1) return false;
    x.m = m1;
    x.m2 = m2;
    x.d = d1;
    x.d2 = d2;
    int y = 0, yoff = kNoOffset;
    Era era;
    int k2 = k;
    if (Punct(k2, ',')) ++k2;
    int ye = YearPhrase(k2, &y, &yoff, &era);
    if (ye > 0) k = ye;
    x.y = x.y2 = y;
    x.year_offset = yoff;
    if (y == 0 && yoff == kNoOffset && Dirw(k)) {
      x.dir = L(k).dir;
      ++k;
    }
    out->begin = (between || IsFrom(i) || Is(i, "ومن")) ? i + 1 : i;
    out->end = k;
    out->x = x;
    return true;
  }

  // "أواخر مارس من عام 2019", "مطلع تشرين الأول/أكتوبر من عام 2019", "نهاية العام",
  // "نهاية الأسبوع الماضي", "منتصف العام الماضي", "أواخر 2019", "نهاية الستينيات", "أول شباط".
  bool MatchBoundary(int i, Match* out) const {
    if (!Has(i, kBoundary) || t_[i].words > 1) return false;
    Bound b = L(i).bound;
    bool first = t_[i].base == "اول" || t_[i].s == "اول";
    int j = i + 1;
    if (IsFrom(j) && !Has(j + 1, kYearCue)) ++j;
    Match sub;
    if (MatchMonthYearAfterBound(j, &sub)) {
      out->x = sub.x;
      if (first && sub.x.m) {
        out->x.d = 1;
        out->x.first_of_month = true;
      } else {
        out->x.bound = b;
      }
      out->begin = i;
      out->end = sub.end;
      return true;
    }
    j = i + 1;
    if (IsFrom(j)) ++j;
    if (MatchYear(j, &sub) || MatchDeictic(j, &sub) || MatchDecade(j, &sub) ||
        MatchCentury(j, &sub)) {
      if (sub.x.bound != Bound::kNone || sub.x.kind == Kind::kSpan || sub.x.kind == Kind::kVague) {
        return false;
      }
      if (sub.x.kind == Kind::kDeictic &&
          (sub.x.unit == Unit::kDay || sub.x.unit == Unit::kHour || sub.x.unit == Unit::kMinute)) {
        return false;
      }
      if (sub.x.kind == Kind::kDate && (sub.x.m != 0 || sub.x.d != 0)) return false;
      out->x = sub.x;
      out->x.bound = b;
      out->begin = i;
      out->end = sub.end;
      return true;
    }
    // "نهاية العام", "مطلع الشهر", "منتصف الأسبوع": the current period.
    j = i + 1;
    if (Valid(j) && Has(j, kUnit) && L(j).article && L(j).unit_count == 1 &&
        (L(j).unit == Unit::kYear || L(j).unit == Unit::kMonth || L(j).unit == Unit::kWeek)) {
      if (Num(j + 1)) return false;
      Expr x;
      x.kind = Kind::kDeictic;
      x.unit = L(j).unit;
      x.n = 0;
      x.bound = b;
      out->x = x;
      out->begin = i;
      out->end = j + 1;
      return true;
    }
    return false;
  }

  // A month (maybe with a year or a direction) after a boundary word: no other cue needed.
  bool MatchMonthYearAfterBound(int j, Match* out) const {
    int m;
    bool amb, cue;
    int k = MonthRef(j, &m, &amb, &cue);
    if (k < 0) return false;
    Expr x;
    x.kind = Kind::kDate;
    x.m = m;
    int e = k;
    int y = 0, yoff = kNoOffset;
    Era era;
    int k2 = e;
    if (Punct(k2, ',')) ++k2;
    int ye = YearPhrase(k2, &y, &yoff, &era);
    if (ye > 0) {
      e = ye;
      x.y = y;
      x.year_offset = yoff;
    } else if (Dirw(e)) {
      x.dir = L(e).dir;
      ++e;
    } else if (amb) {
      return false;
    }
    out->begin = j;
    out->end = e;
    out->x = x;
    return true;
  }

  // "اليوم", "أمس", "يوم أمس الثلاثاء", "اليوم الأحد", "غداً", "أول أمس", "بعد غد",
  // "اليوم الذي بعد الغد", "اليوم السابق", "اليوم التالي", "أمس مساء".
  bool MatchRelDay(int i, Match* out) const {
    int j = i;
    bool yawm = false;
    if (IsDayWord(j) && Has(j + 1, kRelDay)) {
      ++j;
      yawm = true;
    } else if (IsToday(j) && IsAny(j + 1, {"الذي", "الي"}) && Has(j + 2, kRelDay) &&
               L(j + 2).relday != 0) {
      j += 2;
      yawm = true;
    } else if (IsToday(j) && Has(j + 1, kRelDay) && L(j + 1).relday != 0 && t_[j + 1].words > 1) {
      ++j;  // "اليوم قبل امس"
      yawm = true;
    }
    if (!Has(j, kRelDay)) return false;
    const Entry& e = L(j);
    int rd = e.relday;
    bool prep_before = i > 0 && IsAny(i - 1, {"في", "حتي", "منذ", "الي", "وفي"});
    if (e.weak && !yawm && !prep_before && !Has(j + 1, kWeekday)) return false;
    if (e.weak && t_[j].s == "غد" && !yawm) return false;
    Expr x;
    x.kind = Kind::kDeictic;
    x.unit = Unit::kDay;
    int k = j + 1;
    if (rd == 0 && !yawm) {
      if (i > 0 && Has(i - 1, kDayDet)) return false;
      if (IsAny(k, {"الماضي", "السابق", "المنصرم"})) {
        rd = -1;
        ++k;
      } else if (IsAny(k, {"التالي"})) {
        x.kind = Kind::kNextDay;
        ++k;
      } else if (IsAny(k, {"المقبل", "القادم"})) {
        rd = 1;
        ++k;
      } else if (Has(k, kDayAdj) || Has(k, kOrd) || (Has(k, kRelDay) && L(k).relday != 0)) {
        return false;
      }
    }
    x.n = rd;
    if (ArticleWeekday(k)) {
      x.weekday = L(k).weekday;
      ++k;
    } else if (Punct(k, ',') && ArticleWeekday(k + 1)) {
      x.weekday = L(k + 1).weekday;
      k += 2;
    }
    out->begin = i;
    out->end = AttachTime(k, &x);
    out->x = x;
    return true;
  }

  // "مساء السبت", "فجر اليوم", "صباح يوم الأحد", "ليلة الجمعة", "الليلة", "هذا الصباح".
  bool MatchPartDay(int i, Match* out) const {
    Expr x;
    // "هذا الصباح", "هذه الليلة"; not "هذا العصر" (this era).
    if (Has(i, kThis) && Has(i + 1, kPart) && t_[i + 1].words == 1 &&
        (L(i + 1).part == Part::kMorning || L(i + 1).part == Part::kEvening ||
         L(i + 1).part == Part::kNight || L(i + 1).part == Part::kDawn)) {
      x.kind = Kind::kDeictic;
      x.unit = Unit::kDay;
      x.part = L(i + 1).part;
      x.hour = L(i + 1).part_from;
      x.hour_end = L(i + 1).part_to;
      out->begin = i;
      out->end = i + 2;
      out->x = x;
      return true;
    }
    if (!Has(i, kPart) || L(i).part_from < 0) return false;
    const Entry& p = L(i);
    if (p.part == Part::kAm || p.part == Part::kPm) return false;
    if (t_[i].s == "الليله" && !(i > 0 && Has(i - 1, kDayDet))) {
      if (Has(i + 1, kRelDay) || Has(i + 1, kWeekday)) return false;
      x.kind = Kind::kDeictic;
      x.unit = Unit::kDay;
      x.part = Part::kNight;
      x.hour = p.part_from;
      x.hour_end = p.part_to;
      out->begin = i;
      out->end = i + 1;
      out->x = x;
      return true;
    }
    if (p.part_adverb && t_[i].s != "مساء") return false;
    int j = i + 1;
    if (IsDayWord(j) && !Has(j + 1, kRelDay)) ++j;
    Match sub;
    if (!(MatchRelDay(j, &sub) || MatchWeekday(j, &sub) || MatchDate(j, &sub))) {
      if (!(IsDayWord(i + 1) && MatchRelDay(i + 1, &sub))) return false;
    }
    x = sub.x;
    if (x.hour < 0) {
      x.part = p.part;
      x.hour = p.part_from;
      x.hour_end = p.part_to;
      if ((t_[i].s == "ليله") && x.kind == Kind::kWeekday) x.eve = true;
    }
    out->begin = i;
    out->end = sub.end;
    out->x = x;
    return true;
  }

  // "الاثنين", "يوم الاثنين الماضي", "الخميس المقبل", "أحد الأسبوع الماضي",
  // "الاثنين من هذا الأسبوع", "هذا الاثنين", "الخميس الساعة 8".
  bool MatchWeekday(int i, Match* out) const {
    int j = i;
    bool yawm = false, this_word = false;
    if (Has(j, kThis) && Has(j + 1, kWeekday)) {
      this_word = true;
      ++j;
    }
    if (IsDayWord(j)) {
      ++j;
      yawm = true;
    }
    if (!Has(j, kWeekday) || t_[j].IsNum()) return false;
    // "في الاثنين", "كلا الاثنين": "both", not Monday.
    if (j == i && L(j).weekday == 1 && i > 0 && IsAny(i - 1, {"في", "كلا", "وفي"})) return false;
    bool article = L(j).article;
    Expr x;
    x.kind = Kind::kWeekday;
    x.weekday = L(j).weekday;
    int k = j + 1;
    if (Dirw(k) && L(k).dir != Dir::kThis) {
      x.dir = L(k).dir;
      ++k;
    } else {
      int w = k;
      if (IsFrom(w)) ++w;
      bool this_week = false;
      if (Has(w, kThis)) {
        this_week = true;
        ++w;
      }
      if (Has(w, kUnit) && L(w).unit == Unit::kWeek && L(w).article && L(w).unit_count == 1) {
        if (this_week) {
          x.week_offset = 0;
          k = w + 1;
        } else if (Dirw(w + 1)) {
          x.week_offset = DirOffset(L(w + 1).dir);
          k = w + 2;
        }
      }
    }
    if (!article && !yawm && x.week_offset == kNoOffset) return false;
    if (this_word && x.dir == Dir::kNone && x.week_offset == kNoOffset) x.dir = Dir::kThis;
    if (x.dir == Dir::kNone && x.week_offset == kNoOffset) x.future_cue = FutureCue(i);
    out->begin = i;
    out->end = AttachTime(k, &x);
    out->x = x;
    return true;
  }

  // The n-th weekday, day or week of a month: "آخر اثنين من شهر آذار", "الثلاثاء الأولى من
  // أكتوبر", "ثالث يوم ثلاثاء بأيلول بعام 2014", "اليوم الثالث من أكتوبر", "آخر يوم بشهر
  // عشرة سنة 2015", "الأسبوع الأول من شهر عشرة 2014".
  bool MatchNth(int i, Match* out) const {
    Expr x;
    int nth;
    int k;
    // (ordinal|آخر) [يوم] weekday | (ordinal|آخر) يوم | (ordinal|آخر) أسبوع
    if ((k = Ordinal(i, &nth, true)) > 0) {
      if (IsDayWord(k) && Has(k + 1, kWeekday) && !t_[k + 1].IsNum()) ++k;
      if (Has(k, kWeekday) && !t_[k].IsNum()) {
        x.kind = Kind::kNthWeekday;
        x.weekday = L(k).weekday;
        ++k;
      } else if (IsAny(k, {"يوم"})) {
        x.kind = Kind::kNthDay;
        ++k;
      } else if (Has(k, kUnit) && L(k).unit == Unit::kWeek && !L(k).article &&
                 L(k).unit_count == 1) {
        x.kind = Kind::kNthWeek;
        ++k;
      } else {
        return false;
      }
    } else if (ArticleWeekday(i) && (k = Ordinal(i + 1, &nth, true)) > 0 && (nth <= 5)) {
      x.kind = Kind::kNthWeekday;
      x.weekday = L(i).weekday;
    } else if (IsToday(i) && t_[i].words == 1 && (k = Ordinal(i + 1, &nth, true)) > 0) {
      x.kind = Kind::kNthDay;
    } else if (UnitWithArticle(i, Unit::kWeek) && (k = Ordinal(i + 1, &nth, true)) > 0) {
      x.kind = Kind::kNthWeek;
    } else {
      return false;
    }
    if (nth == 0 || nth > 31) return false;
    if (x.kind != Kind::kNthDay && nth > 5) return false;
    // "ثالث ثلاثاء بعد عيد الميلاد 2014": the n-th weekday after a date.
    if (x.kind == Kind::kNthWeekday && nth > 0 && IsAny(k, {"بعد"})) {
      Match sub;
      if (MatchHoliday(k + 1, &sub) || MatchDate(k + 1, &sub)) {
        if (sub.x.kind == Kind::kHoliday || (sub.x.kind == Kind::kDate && sub.x.d != 0)) {
          int wd = x.weekday;
          x = sub.x;
          x.after = true;
          x.n = nth;
          x.weekday = wd;
          x.hour = x.minute = x.hour_end = -1;
          out->begin = i;
          out->end = sub.end;
          out->x = x;
          return true;
        }
      }
    }
    if (!(IsFrom(k) || IsIn(k) || (Valid(k) && t_[k].prep))) return false;
    int e = MonthTarget(k, &x);
    if (e < 0) return false;
    x.n = nth;
    out->begin = i;
    out->end = x.kind == Kind::kNthDay || x.kind == Kind::kNthWeekday ? AttachTime(e, &x) : e;
    out->x = x;
    return true;
  }

  // "الشهر الماضي", "الأسبوع المقبل", "العام الجاري", "هذه السنة", "العامين الماضيين",
  // "الأيام الثلاثة الماضية", "الأسابيع الثلاثة القادمة", "الأيام الماضية", "الفترة الأخيرة".
  bool MatchDeictic(int i, Match* out) const {
    Expr x;
    if (Has(i, kThis) && Has(i + 1, kUnit) && L(i + 1).article && L(i + 1).unit_count == 1) {
      Unit u = L(i + 1).unit;
      if (u == Unit::kDay || u == Unit::kHour || u == Unit::kMinute) return false;
      if (Num(i + 2)) return false;
      x.kind = Kind::kDeictic;
      x.unit = u;
      x.n = 0;
      out->begin = i;
      out->end = i + 2;
      out->x = x;
      return true;
    }
    if (Has(i, kPeriod) && Has(i + 1, kDir)) {
      Dir d = L(i + 1).dir;
      x.kind = Kind::kVague;
      x.vague = d == Dir::kLast ? Vague::kPast : d == Dir::kNext ? Vague::kFuture : Vague::kPresent;
      out->begin = i;
      out->end = i + 2;
      out->x = x;
      return true;
    }
    if (!Has(i, kUnit) || !L(i).article) return false;
    const Entry& u = L(i);
    if (u.unit_count == 1) {
      if (u.unit == Unit::kDay || u.unit == Unit::kHour || u.unit == Unit::kMinute) return false;
      if (u.unit == Unit::kCentury) return false;  // MatchCentury
      if (!Dirw(i + 1)) return false;
      x.kind = Kind::kDeictic;
      x.unit = u.unit;
      x.n = DirOffset(L(i + 1).dir);
      x.following = IsAny(i + 1, {"التالي", "التاليه", "اللاحق", "اللاحقه"});
      out->begin = i;
      out->end = i + 2;
      out->x = x;
      return true;
    }
    // Duals and plurals: "العامين الماضيين", "الأيام الثلاثة الماضية", "الأيام القليلة الماضية".
    int k = i + 1;
    int count = u.unit_count == 2 ? 2 : 0;
    if (u.unit_count == 0) {
      int v;
      int e = Cardinal(k, &v);
      if (e > 0 && v >= 2 && v <= 100) {
        count = v;
        k = e;
      }
    }
    if (Has(k, kFew)) ++k;
    if (!Has(k, kDir) || L(k).dir == Dir::kThis) return false;
    Dir d = L(k).dir;
    ++k;
    if (count == 0) {
      x.kind = Kind::kVague;
      x.vague = d == Dir::kLast ? Vague::kPast : Vague::kFuture;
    } else {
      if (u.unit == Unit::kMinute) return false;
      x.kind = Kind::kSpan;
      x.unit = u.unit;
      x.n = d == Dir::kLast ? -count : count;
    }
    out->begin = i;
    out->end = k;
    out->x = x;
    return true;
  }

  // "منذ ثلاثة أيام", "قبل يومين", "قبل أسبوع", "منذ أكثر من عام", "بعد 40 عاما",
  // "قبل خمسة وتسعين عاما", "منذ أيام" (vague).
  bool MatchAgo(int i, Match* out) const {
    if (!Has(i, kAgo) || t_[i].words > 1) return false;
    int sign = L(i).ago;
    int j = i + 1;
    if (Has(j, kApprox)) ++j;
    Expr x;
    int count = 0;
    int k;
    int v;
    if ((k = Cardinal(j, &v)) > 0 && Has(k, kUnit) && !L(k).article && L(k).unit_count != 2) {
      if (v == -1) {
        count = 0;
      } else {
        if (v < 1 || v > 5000) return false;
        count = v;
      }
    } else if (Has(j, kUnit) && !L(j).article && L(j).unit_count == 2) {
      count = 2;
      k = j;
    } else if (Has(j, kUnit) && !L(j).article && L(j).unit_count == 1 && t_[j].base != "الساعه") {
      count = 1;
      k = j;
    } else if (Has(j, kUnit) && !L(j).article && L(j).unit_count == 0) {
      count = 0;
      k = j;
    } else {
      return false;
    }
    Unit u = L(k).unit;
    if (u == Unit::kQuarter || u == Unit::kNone) return false;
    int e = k + 1;
    // "منذ عام 2014", "قبل شهر رمضان", "بعد ثلاثة أيام من الهجوم": not anchored on the publication.
    if (Num(e) || Has(e, kMonth) || Has(e, kHMonth) || Has(e, kHoliday)) return false;
    if (IsAny(e, {"من", "علي", "علي"}) && sign > 0) return false;
    if (IsAny(e, {"من", "علي", "علي"}) && sign < 0 && t_[i].s != "منذ") return false;
    if (Has(e, kDir)) return false;  // "قبل الأيام الماضية"
    if (count == 0) {
      x.kind = Kind::kVague;
      x.vague = sign < 0 ? Vague::kPast : Vague::kFuture;
    } else {
      x.kind = Kind::kDeictic;
      x.ago = true;
      x.following = sign > 0;
      x.unit = u;
      x.n = sign * count;
      if (u == Unit::kDecade) {
        x.unit = Unit::kYear;
        x.n *= 10;
      } else if (u == Unit::kCentury) {
        x.unit = Unit::kYear;
        x.n *= 100;
      }
    }
    out->begin = i;
    out->end = e;
    out->x = x;
    return true;
  }

  // "عيد الفطر", "عيد الأضحى 2013", "رأس السنة الهجرية", "شهر رمضان 1445", "رمضان الماضي".
  bool MatchHoliday(int i, Match* out) const {
    if (!Has(i, kHoliday)) return false;
    Expr x;
    x.kind = Kind::kHoliday;
    x.holiday = L(i).holiday;
    int e = i + 1;
    int y = 0, yoff = kNoOffset;
    Era era = Era::kNone;
    int ye = YearPhrase(e, &y, &yoff, &era);
    if (ye > 0) {
      e = ye;
      if (era == Era::kHijri || (era == Era::kNone && y >= 1300 && y <= 1600)) {
        x.hijri = true;
      } else if (y < 1900 || y > 2100) {
        return false;
      }
      x.y = y;
      x.year_offset = yoff;
    } else if (Dirw(e)) {
      x.dir = L(e).dir;
      ++e;
    }
    out->begin = i;
    out->end = e;
    out->x = x;
    return true;
  }

  // "التسعينيات", "ثمانينيات القرن الماضي", "عقد الستينيات", "ستينيات القرن العشرين".
  bool MatchDecade(int i, Match* out) const {
    int j = i;
    if (IsAny(j, {"عقد"}) && Has(j + 1, kDecade)) ++j;
    if (!Has(j, kDecade)) return false;
    Expr x;
    x.kind = Kind::kDecade;
    x.n = L(j).decade;
    int k = j + 1;
    int k2 = k;
    if (IsFrom(k2)) ++k2;
    if (IsAny(k2, {"القرن"})) {
      if (int e = CenturyOfDecade(k2 + 1, &x); e > 0) k = e;
    }
    out->begin = i;
    out->end = k;
    out->x = x;
    return true;
  }

  // The century a decade lies in, at token k after "القرن": "التاسع عشر" (x->y =
  // 1800) or "الماضي" (x->century_offset = -1). The token after it, or -1.
  int CenturyOfDecade(int k, Expr* x) const {
    int c;
    int e = Ordinal(k, &c);
    if (e > 0 && c >= 1 && c <= 30) {
      x->y = (c - 1) * 100;
      return e;
    }
    if (Dirw(k)) {
      x->century_offset = DirOffset(L(k).dir);
      return k + 1;
    }
    return -1;
  }

  // "العقد الأول من القرن الماضي" (the 1900s), "العقد الأخير من القرن العشرين": found at
  // the ordinal, since "العقد" is no date word; without the century it is "the first contract".
  bool MatchDecadeOfCentury(int i, Match* out) const {
    if (!IsAny(i - 1, {"العقد", "والعقد", "بالعقد", "للعقد"})) return false;
    int c;
    int k = Ordinal(i, &c, /*allow_last=*/true);
    if (k < 0 || c == 0 || c > 10 || !IsFrom(k) || !IsAny(k + 1, {"القرن"})) return false;
    Expr x;
    x.kind = Kind::kDecade;
    x.n = c == -1 ? 9 : c - 1;
    int e = CenturyOfDecade(k + 2, &x);
    if (e < 0) return false;
    out->begin = i - 1;
    out->end = e;
    out->x = x;
    return true;
  }

  // "القرن التاسع عشر", "القرن الحادي والعشرين", "القرن الماضي".
  bool MatchCentury(int i, Match* out) const {
    if (!IsAny(i, {"القرن", "والقرن", "بالقرن", "للقرن"})) return false;
    Expr x;
    x.kind = Kind::kCentury;
    int c;
    int e = Ordinal(i + 1, &c);
    if (e > 0 && c >= 1 && c <= 30) {
      x.n = c;
    } else if (Dirw(i + 1)) {
      x.century_offset = DirOffset(L(i + 1).dir);
      e = i + 2;
    } else {
      return false;
    }
    out->begin = i;
    out->end = e;
    out->x = x;
    return true;
  }

  // "الربع الأول من 2020", "الربع الأخير من العام الماضي", "النصف الثاني من عام 2019".
  bool MatchQuarter(int i, Match* out) const {
    bool quarter = UnitWithArticle(i, Unit::kQuarter);
    bool half = IsAny(i, {"النصف", "والنصف", "بالنصف", "للنصف"});
    if (!quarter && !half) return false;
    int q;
    int k = Ordinal(i + 1, &q, true);
    if (k < 0) return false;
    int max = quarter ? 4 : 2;
    if (q == -1) q = max;
    if (q < 1 || q > max) return false;
    Expr x;
    x.kind = quarter ? Kind::kQuarter : Kind::kHalf;
    x.n = q;
    int y = 0, yoff = kNoOffset;
    Era era;
    int j = k;
    if (IsFrom(j) || IsIn(j)) ++j;
    Match century;
    if (j > k && MatchCentury(j, &century)) {  // "النصف الثاني من القرن العشرين"
      x.century_offset = century.x.century_offset;
      x.century_start = century.x.century_offset == kNoOffset ? (century.x.n - 1) * 100 : -1;
      out->begin = i;
      out->end = century.end;
      out->x = x;
      return true;
    }
    int e = YearPhrase(j, &y, &yoff, &era);
    if (e < 0 && (IsFrom(k) || IsIn(k))) {
      if (UnitWithArticle(j, Unit::kYear) && !Num(j + 1) && !Dirw(j + 1)) {
        yoff = 0;  // "من العام": the current one
        e = j + 1;
      } else if (UnitWithArticle(j, Unit::kYear) && Dirw(j + 1)) {
        yoff = DirOffset(L(j + 1).dir);
        e = j + 2;
      }
    }
    if (e < 0) return false;
    x.y = y;
    x.year_offset = yoff;
    out->begin = i;
    out->end = e;
    out->x = x;
    return true;
  }

  // A time of day alone: "الساعة 17:20", "15:15", "الثالثة فجرا", "من الساعة 3 إلى الساعة 4".
  bool MatchTime(int i, Match* out) const {
    Expr x;
    int e = TimeCore(i, &x);
    if (e < 0) return false;
    // A bare number before "صباحا" is not a time ("3 صباحا" needs الساعة or minutes).
    if (t_[i].IsNum() && x.minute < 0) return false;
    x.kind = Kind::kTime;
    // A day after the time: "الساعة 3 من فجر اليوم", "الساعة الثامنة من مساء الخميس".
    int k = e;
    if (IsFrom(k) || IsDayWord(k)) {
      Match sub;
      int j = IsFrom(k) ? k + 1 : k;
      if (MatchPartDay(j, &sub) || MatchRelDay(j, &sub) || MatchWeekday(j, &sub) ||
          MatchDate(j, &sub)) {
        if (sub.x.hour < 0 || sub.x.hour_end >= 0) {
          Expr y = sub.x;
          Part p = sub.x.hour_end >= 0 ? sub.x.part : Part::kNone;
          int raw = x.pm_assumed ? x.hour - 12 : x.hour;
          bool use_part = p != Part::kNone && x.part == Part::kNone;
          y.hour = use_part ? ShiftHour(raw, p) : x.hour;
          y.pm_assumed = !use_part && x.pm_assumed;
          y.minute = x.minute;
          y.hour_end = x.hour_end;
          if (x.part != Part::kNone) y.part = x.part;
          out->begin = i;
          out->end = sub.end;
          out->x = y;
          return true;
        }
      }
    }
    out->begin = i;
    out->end = e;
    out->x = x;
    return true;
  }

  // "صيف 2014", "الشتاء الماضي", "شتاء" (this winter), "فصل الصيف".
  bool MatchSeason(int i, Match* out) const {
    int j = i;
    if (IsAny(j, {"فصل", "وفصل"}) && Has(j + 1, kSeason)) ++j;
    if (!Has(j, kSeason) || t_[j].words > 1) return false;
    Expr x;
    x.kind = Kind::kSeason;
    x.n = L(j).season;
    int e = j + 1;
    int y = 0, yoff = kNoOffset;
    Era era;
    int ye = YearPhrase(e, &y, &yoff, &era);
    if (ye > 0 && era != Era::kHijri) {
      x.y = y;
      x.year_offset = yoff;
      e = ye;
    } else if (Dirw(e)) {
      x.dir = L(e).dir;
      ++e;
    } else {
      // Alone: the article form or the adverb ("صيفا"), not "ربيع" (a name) or "الربيع العربي".
      std::string_view s = t_[j].s;
      bool adverb = s.size() > 2 && s.substr(s.size() - 2) == "\xD8\xA7";  // ends with ا
      if (!L(j).article && !adverb && !(t_[j].s == "شتاء")) return false;
      if (t_[j].conj && !L(j).article) return false;  // "وصيفا" is "runner-up"
      if (IsAny(e, {"العربي", "عربي", "براغ"})) return false;
      if (i > 0 && Has(i - 1, kDayDet)) return false;
    }
    out->begin = i;
    out->end = e;
    out->x = x;
    return true;
  }

  // "الآن", "حاليا", "مؤخرا", "قريبا", "في الوقت الراهن".
  bool MatchVague(int i, Match* out) const {
    if (!Has(i, kVague)) return false;
    Expr x;
    Vague v = L(i).vague;
    x.kind = v == Vague::kNow ? Kind::kNow : Kind::kVague;
    x.vague = v;
    out->begin = i;
    out->end = i + 1;
    out->x = x;
    return true;
  }

  const std::vector<Tok>& t_;
  const int n_;
};

}  // namespace

void ParseTokens(const std::vector<Tok>& tokens, std::vector<Match>* out) {
  Parser(tokens).Run(out);
}

}  // namespace rasd::dates::internal
