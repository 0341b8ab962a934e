#include "extract/dates/hijri.h"

#include <unicode/calendar.h>
#include <unicode/locid.h>
#include <unicode/timezone.h>

#include <cmath>
#include <memory>
#include <unordered_map>

namespace rasd::dates::internal {
namespace {

constexpr double kMsPerDay = 86400000.0;

// ICU calendars are not thread-safe: one per thread, created on first use.
icu::Calendar* Umalqura() {
  thread_local std::unique_ptr<icu::Calendar> cal = [] {
    UErrorCode err = U_ZERO_ERROR;
    std::unique_ptr<icu::Calendar> c(icu::Calendar::createInstance(
        icu::TimeZone::getGMT()->clone(), icu::Locale("ar@calendar=islamic-umalqura"), err));
    if (U_FAILURE(err)) c.reset();
    return c;
  }();
  return cal.get();
}

}  // namespace

bool HijriToDays(int year, int month, int day, int64_t* days) {
  if (month < 1 || month > 12 || day < 1 || day > 30) return false;
  // Holidays ask for the same few dates over and over: ICU's calendar is slow.
  thread_local std::unordered_map<int64_t, int64_t> cache;
  int64_t key = (static_cast<int64_t>(year) * 13 + month) * 31 + day;
  if (auto it = cache.find(key); it != cache.end()) {
    *days = it->second;
    return true;
  }
  icu::Calendar* c = Umalqura();
  if (c == nullptr) return false;
  c->clear();
  c->set(UCAL_EXTENDED_YEAR, year);
  c->set(UCAL_MONTH, month - 1);
  c->set(UCAL_DATE, day);
  UErrorCode err = U_ZERO_ERROR;
  UDate ms = c->getTime(err);
  if (U_FAILURE(err)) return false;
  *days = static_cast<int64_t>(std::floor(ms / kMsPerDay));
  if (cache.size() < 4096) cache.emplace(key, *days);
  return true;
}

bool DaysToHijri(int64_t days, int* year, int* month, int* day) {
  thread_local std::unordered_map<int64_t, int32_t> cache;  // day → packed y/m/d
  if (auto it = cache.find(days); it != cache.end()) {
    *year = it->second / 1000;
    *month = it->second / 40 % 25;
    *day = it->second % 40;
    return true;
  }
  icu::Calendar* c = Umalqura();
  if (c == nullptr) return false;
  UErrorCode err = U_ZERO_ERROR;
  c->clear();
  c->setTime(static_cast<UDate>(days) * kMsPerDay + kMsPerDay / 2, err);
  *year = c->get(UCAL_EXTENDED_YEAR, err);
  *month = c->get(UCAL_MONTH, err) + 1;
  *day = c->get(UCAL_DATE, err);
  if (U_FAILURE(err)) return false;
  if (cache.size() < 4096) cache.emplace(days, *year * 1000 + *month * 40 + *day);
  return true;
}

}  // namespace rasd::dates::internal
