// The date extractor's word list (internal): month and weekday names from
// data/calendar/, everything else from data/dates/lexicon.tsv, keyed by the
// normalized form (text::NormalizeKey). Built once, shared by all threads.
//
//   const Entry* e = Lexicon::Get().Find("الماضي");   // e->dir == Dir::kLast
#ifndef RASD_EXTRACT_DATES_LEXICON_H_
#define RASD_EXTRACT_DATES_LEXICON_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace rasd::dates::internal {

enum Role : uint32_t {
  kMonth = 1u << 0,
  kWeekday = 1u << 1,
  kRelDay = 1u << 2,
  kDir = 1u << 3,
  kThis = 1u << 4,
  kBoundary = 1u << 5,
  kUnit = 1u << 6,
  kCard = 1u << 7,
  kOrd = 1u << 8,
  kHMonth = 1u << 9,
  kEra = 1u << 10,
  kPart = 1u << 11,
  kClock = 1u << 12,
  kFraction = 1u << 13,
  kMinus = 1u << 14,
  kVague = 1u << 15,
  kHoliday = 1u << 16,
  kDecade = 1u << 17,
  kPrep = 1u << 18,
  kAgo = 1u << 19,
  kApprox = 1u << 20,
  kFew = 1u << 21,
  kSame = 1u << 22,
  kYearCue = 1u << 23,
  kMonthCue = 1u << 24,
  kDayAdj = 1u << 25,
  kDayDet = 1u << 26,
  kFuture = 1u << 27,
  kAfterYear = 1u << 28,
  kPeriod = 1u << 29,
  kSeason = 1u << 30,
  kCountNoun = 1u << 31,
};
// Roles that fit in Entry::more_roles.
enum MoreRole : uint32_t {
  kNotFuture = 1u << 0,
};

enum class Dir : int8_t { kNone, kLast, kNext, kThis };
enum class Bound : int8_t { kNone, kEarly, kMid, kLate };
enum class Unit : int8_t {
  kNone,
  kMinute,
  kHour,
  kDay,
  kWeek,
  kMonth,
  kQuarter,
  kYear,
  kDecade,
  kCentury
};
enum class Vague : int8_t { kNone, kNow, kPresent, kPast, kFuture };
enum class Era : int8_t { kNone, kHijri, kGregorian };

enum class Part : int8_t {
  kNone,
  kDawn,
  kMorning,
  kForenoon,
  kNoon,
  kAfternoon,
  kEvening,
  kSunset,
  kIsha,
  kNight,
  kMidnight,
  kAm,
  kPm
};
const char* PartName(Part p);

enum class Holiday : int8_t {
  kNone,
  kEidAlFitr,
  kEidAlAdha,
  kHijriNewYear,
  kMawlid,
  kAshura,
  kArafah,
  kChristmas,
  kNewYear,
  kEaster,
  kLabourDay,
  kRamadan
};
const char* HolidayName(Holiday h);

struct Entry {
  uint32_t roles = 0;
  int8_t month = 0;  // 1..12
  bool month_ambiguous = false;
  int8_t weekday = -1;  // 0 = Sunday
  int8_t relday = 0;
  bool weak = false;
  Dir dir = Dir::kNone;
  Bound bound = Bound::kNone;
  Unit unit = Unit::kNone;
  int8_t unit_count = 0;  // 1, 2 (dual), 0 (plural)
  bool article = false;   // the form starts with ال
  int16_t card = 0;       // -1: an unspecified few (بضعة، عدة)
  int8_t ord = 0;         // -1: last (الأخير، آخر)
  int8_t hmonth = 0;
  Era era = Era::kNone;
  Part part = Part::kNone;
  int8_t part_from = -1, part_to = -1;
  bool part_adverb = false;  // صباحا, مساء as an adverb (vs. the noun صباح in "صباح اليوم")
  int8_t fraction = 0;
  Vague vague = Vague::kNone;
  Holiday holiday = Holiday::kNone;
  int8_t decade = 0;
  int8_t ago = 0;
  int8_t season = -1;        // 0 spring, 1 summer, 2 autumn, 3 winter
  uint8_t phrase_words = 0;  // the longest phrase starting with this word (0: none)
  uint32_t more_roles = 0;
};

class Lexicon {
 public:
  static const Lexicon& Get();

  // The entry of a normalized word, or of a phrase whose words are joined by one
  // space. A word that only starts phrases has an entry with no roles.
  const Entry* Find(std::string_view key) const {
    if (key.size() > max_key_) return nullptr;
    uint64_t h = HashOf(key);
    for (size_t i = h & mask_;; i = (i + 1) & mask_) {
      const Slot& s = slots_[i];
      if (s.entry == nullptr) return nullptr;
      if (s.hash == h && *s.key == key) return s.entry;
    }
  }

 private:
  Lexicon();
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  // FNV-1a: most words of a text are not in the lexicon, and a miss costs one
  // hash and usually one probe of a table kept at most a quarter full.
  static uint64_t HashOf(std::string_view s) {
    uint64_t h = 1469598103934665603ull;
    for (unsigned char c : s) h = (h ^ c) * 1099511628211ull;
    return h ^ (h >> 29);
  }
  struct Slot {
    uint64_t hash = 0;
    const std::string* key = nullptr;
    const Entry* entry = nullptr;
  };
  void BuildIndex();
  Entry& Add(std::string_view form);
  void LoadCalendar(std::string_view file, bool months);
  void LoadDates();

  std::unordered_map<std::string, Entry, Hash, std::equal_to<>> entries_;
  size_t max_key_ = 0;
  std::vector<Slot> slots_;
  size_t mask_ = 0;
};

}  // namespace rasd::dates::internal

#endif  // RASD_EXTRACT_DATES_LEXICON_H_
