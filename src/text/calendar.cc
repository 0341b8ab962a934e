#include "rasd/calendar.h"

#include <string>
#include <unordered_map>
#include <vector>

#include "rasd/data.h"
#include "rasd/text.h"
#include "text/chars.h"

namespace rasd::calendar {
namespace {

struct Names {
  std::unordered_map<std::string, int> months;
  std::unordered_map<std::string, int> weekdays;
  Names() {
    Load("calendar/months.tsv", &months);
    Load("calendar/weekdays.tsv", &weekdays);
  }
  static void Load(std::string_view file, std::unordered_map<std::string, int>* out) {
    for (std::string_view line : data::Lines(data::Get(file))) {
      auto f = data::Fields(line);
      if (f.size() < 2) continue;
      int value = std::stoi(std::string(f[0]));
      size_t pos = 0;
      std::string_view names = f[1];
      while (pos <= names.size()) {
        size_t bar = names.find('|', pos);
        if (bar == std::string_view::npos) bar = names.size();
        std::string key = text::NormalizeKey(names.substr(pos, bar - pos));
        if (!key.empty()) out->emplace(std::move(key), value);
        pos = bar + 1;
      }
    }
  }
};

const Names& GetNames() {
  static const Names names;
  return names;
}

enum class Kind { kWord, kNumber, kPunct };
struct Tok {
  Kind kind;
  uint32_t begin, end;  // in the normalized text
  std::string_view s;
};

std::vector<Tok> Scan(std::string_view n) {
  std::vector<Tok> toks;
  size_t i = 0;
  while (i < n.size()) {
    unsigned char c = n[i];
    if (c == ' ') {
      ++i;
      continue;
    }
    size_t start = i;
    Kind k;
    if (c >= '0' && c <= '9') {
      k = Kind::kNumber;
      while (i < n.size() && n[i] >= '0' && n[i] <= '9') ++i;
    } else if ((c >= 'a' && c <= 'z') || c >= 0x80) {
      k = Kind::kWord;
      while (i < n.size()) {
        unsigned char d = n[i];
        if ((d >= 'a' && d <= 'z') || d >= 0x80) {
          ++i;
        } else {
          break;
        }
      }
    } else {
      k = Kind::kPunct;
      ++i;
    }
    toks.push_back({k, static_cast<uint32_t>(start), static_cast<uint32_t>(i), n.substr(start, i - start)});
  }
  return toks;
}

int ToInt(std::string_view s) {
  if (s.empty() || s.size() > 6) return -1;
  int v = 0;
  for (char c : s) v = v * 10 + (c - '0');
  return v;
}

// A day number, possibly written with an English ordinal suffix ("22nd") or
// glued to a word (the tokenizer splits "22nd" into 22 + nd).
int DayAt(const std::vector<Tok>& t, size_t i) {
  if (i >= t.size() || t[i].kind != Kind::kNumber || t[i].s.size() > 2) return -1;
  int d = ToInt(t[i].s);
  return d >= 1 && d <= 31 ? d : -1;
}

bool IsOrdinalSuffix(std::string_view s) { return s == "st" || s == "nd" || s == "rd" || s == "th"; }

int YearAt(const std::vector<Tok>& t, size_t i) {
  if (i >= t.size() || t[i].kind != Kind::kNumber || t[i].s.size() != 4) return -1;
  int y = ToInt(t[i].s);
  return y >= 1900 && y <= 2100 ? y : -1;
}

// Month name starting at token i (one or two words); sets *len to tokens used.
int MonthAt(const std::vector<Tok>& t, size_t i, std::string_view n, size_t* len) {
  if (i >= t.size() || t[i].kind != Kind::kWord) return 0;
  const auto& months = GetNames().months;
  if (i + 1 < t.size() && t[i + 1].kind == Kind::kWord) {
    std::string two(n.substr(t[i].begin, t[i + 1].end - t[i].begin));
    auto it = months.find(two);
    if (it != months.end()) {
      *len = 2;
      return it->second;
    }
  }
  auto it = months.find(std::string(t[i].s));
  if (it != months.end()) {
    *len = 1;
    return it->second;
  }
  return 0;
}

bool IsPmWord(std::string_view s) {
  return s == "pm" || s == "مساء" || s == "مساءا" || s == "م" || s == "ليلا" || s == "عصرا";
}

struct Found {
  int y = 0, m = 0, d = 0, hh = -1, mm = -1;
  uint32_t begin = 0, end = 0;
};

// Time "hh:mm" at or after token i; extends *f.
void FindTime(const std::vector<Tok>& t, size_t i, Found* f) {
  for (size_t k = i; k + 2 < t.size() && k < i + 8; ++k) {
    if (t[k].kind == Kind::kNumber && t[k + 1].s == ":" && t[k + 2].kind == Kind::kNumber &&
        t[k].s.size() <= 2 && t[k + 2].s.size() == 2) {
      int hh = ToInt(t[k].s), mm = ToInt(t[k + 2].s);
      if (hh > 23 || mm > 59) return;
      f->end = t[k + 2].end;
      size_t after = k + 3;
      if (after + 1 < t.size() && t[after].s == ":" && t[after + 1].kind == Kind::kNumber) {
        after += 2;  // seconds
        f->end = t[after - 1].end;
      }
      if (after < t.size() && t[after].kind == Kind::kWord) {
        if (IsPmWord(t[after].s) && hh < 12) hh += 12;
        if ((t[after].s == "am" || t[after].s == "صباحا" || t[after].s == "صباح" ||
             t[after].s == "ص") && hh == 12) {
          hh = 0;
        }
      }
      f->hh = hh;
      f->mm = mm;
      return;
    }
  }
}

std::optional<Found> FindDate(std::string_view n) {
  std::vector<Tok> t = Scan(n);
  for (size_t i = 0; i < t.size(); ++i) {
    // Numeric: yyyy-mm-dd, dd/mm/yyyy, dd-mm-yyyy, dd.mm.yyyy.
    if (t[i].kind == Kind::kNumber && i + 4 < t.size() && t[i + 2].kind == Kind::kNumber &&
        t[i + 4].kind == Kind::kNumber && t[i + 1].s == t[i + 3].s &&
        (t[i + 1].s == "-" || t[i + 1].s == "/" || t[i + 1].s == ".")) {
      int a = ToInt(t[i].s), b = ToInt(t[i + 2].s), c = ToInt(t[i + 4].s);
      Found f;
      if (t[i].s.size() == 4) {
        f.y = a, f.m = b, f.d = c;
      } else if (t[i + 4].s.size() == 4) {
        f.y = c;
        if (a > 12 && b <= 12) {
          f.d = a, f.m = b;
        } else if (b > 12 && a <= 12) {
          f.m = a, f.d = b;  // US order
        } else {
          f.d = a, f.m = b;  // day first, as Arabic and European sources write
        }
      }
      if (f.y >= 1900 && f.y <= 2100 && IsValidDate(f.y, f.m, f.d)) {
        f.begin = t[i].begin;
        f.end = t[i + 4].end;
        size_t k = i + 5;
        if (k < t.size() && t[k].s == "t") ++k;  // ISO 'T' (lowercased)
        FindTime(t, k, &f);
        return f;
      }
    }
    size_t len = 0;
    int month = MonthAt(t, i, n, &len);
    if (month == 0) continue;
    Found f;
    f.m = month;
    f.begin = t[i].begin;
    f.end = t[i + len - 1].end;
    // Day before the month: "22 شباط", "22nd شباط", "2nd, March".
    size_t b = i;
    if (b >= 1 && t[b - 1].s == ",") --b;
    if (b >= 1 && t[b - 1].kind == Kind::kWord && IsOrdinalSuffix(t[b - 1].s)) --b;
    if (b >= 1 && DayAt(t, b - 1) > 0) {
      f.d = DayAt(t, b - 1);
      f.begin = t[b - 1].begin;
    }
    size_t k = i + len;
    // A second name for the same month: "شباط / فبراير", "مايو (أيار)".
    size_t k2 = k;
    if (k2 < t.size() && (t[k2].s == "/" || t[k2].s == "(" || t[k2].s == "-")) ++k2;
    size_t len2 = 0;
    if (MonthAt(t, k2, n, &len2) == month) {
      k = k2 + len2;
      if (k < t.size() && t[k].s == ")") ++k;
      f.end = t[k - 1].end;
    }
    // Day after the month: "February 21, 2025".
    if (f.d == 0 && DayAt(t, k) > 0 && YearAt(t, k) < 0) {
      f.d = DayAt(t, k);
      f.end = t[k].end;
      ++k;
      if (k < t.size() && t[k].kind == Kind::kWord && IsOrdinalSuffix(t[k].s)) ++k;
    }
    // Year: skip "،", ",", "عام", "سنه", "من".
    while (k < t.size() && (t[k].s == "," || t[k].s == "عام" || t[k].s == "سنه" || t[k].s == "من" ||
                            t[k].s == "العام")) {
      ++k;
    }
    int y = YearAt(t, k);
    if (y < 0) continue;
    f.y = y;
    f.end = t[k].end;
    if (f.d != 0 && !IsValidDate(f.y, f.m, f.d)) f.d = 0;
    FindTime(t, k + 1, &f);
    return f;
  }
  return std::nullopt;
}

}  // namespace

int MonthFromName(std::string_view normalized) {
  const auto& m = GetNames().months;
  auto it = m.find(std::string(normalized));
  return it == m.end() ? 0 : it->second;
}

int WeekdayFromName(std::string_view normalized) {
  const auto& m = GetNames().weekdays;
  auto it = m.find(std::string(normalized));
  return it == m.end() ? -1 : it->second;
}

int64_t DaysFromCivil(int y, int m, int d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int64_t>(doe) - 719468;
}

void CivilFromDays(int64_t z, int* year, int* month, int* day) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t y = static_cast<int64_t>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  *year = static_cast<int>(y + (m <= 2));
  *month = static_cast<int>(m);
  *day = static_cast<int>(d);
}

int Weekday(int y, int m, int d) {
  int64_t days = DaysFromCivil(y, m, d);
  return static_cast<int>(((days % 7) + 11) % 7);  // 1970-01-01 was a Thursday
}

int DaysInMonth(int y, int m) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m < 1 || m > 12) return 0;
  if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0)) return 29;
  return kDays[m - 1];
}

bool IsValidDate(int y, int m, int d) { return m >= 1 && m <= 12 && d >= 1 && d <= DaysInMonth(y, m); }

std::optional<ParsedDate> ParseDateText(std::string_view input) {
  text::Normalized n = text::Normalize(input);
  auto f = FindDate(n.text);
  if (!f) return std::nullopt;
  ParsedDate p;
  p.time.year = f->y;
  p.time.month = f->m;
  p.time.day = f->d;
  if (f->d == 0) {
    p.precision = DatePrecision::kMonth;
  } else if (f->hh >= 0) {
    p.time.hour = f->hh;
    p.time.minute = f->mm;
    p.precision = DatePrecision::kMinute;
  } else {
    p.precision = DatePrecision::kDay;
  }
  p.span = n.ToOriginal(f->begin, f->end);
  return p;
}

}  // namespace rasd::calendar
