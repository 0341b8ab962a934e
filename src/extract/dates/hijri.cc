#include "extract/dates/hijri.h"

#include <unicode/calendar.h>
#include <unicode/locid.h>
#include <unicode/timezone.h>

#include <cmath>
#include <memory>

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
  icu::Calendar* c = Umalqura();
  if (c == nullptr || month < 1 || month > 12 || day < 1 || day > 30) return false;
  c->clear();
  c->set(UCAL_EXTENDED_YEAR, year);
  c->set(UCAL_MONTH, month - 1);
  c->set(UCAL_DATE, day);
  UErrorCode err = U_ZERO_ERROR;
  UDate ms = c->getTime(err);
  if (U_FAILURE(err)) return false;
  *days = static_cast<int64_t>(std::floor(ms / kMsPerDay));
  return true;
}

bool DaysToHijri(int64_t days, int* year, int* month, int* day) {
  icu::Calendar* c = Umalqura();
  if (c == nullptr) return false;
  UErrorCode err = U_ZERO_ERROR;
  c->clear();
  c->setTime(static_cast<UDate>(days) * kMsPerDay + kMsPerDay / 2, err);
  *year = c->get(UCAL_EXTENDED_YEAR, err);
  *month = c->get(UCAL_MONTH, err) + 1;
  *day = c->get(UCAL_DATE, err);
  return U_SUCCESS(err);
}

}  // namespace rasd::dates::internal
