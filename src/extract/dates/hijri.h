// Hijri (Umm al-Qura) <-> civil day numbers through ICU's islamic-umalqura
// calendar (internal). Day numbers are days since 1970-01-01, as in calendar.h.
//
//   int64_t days;
//   if (HijriToDays(1445, 9, 15, &days)) { /* 2024-03-25 */ }
#ifndef RASD_EXTRACT_DATES_HIJRI_H_
#define RASD_EXTRACT_DATES_HIJRI_H_

#include <cstdint>

namespace rasd::dates::internal {

// False when ICU cannot place the date. A day past the month's end rolls into
// the next month (month lengths differ between Hijri tables; 30 Safar written by
// a source whose Safar has 30 days is 1 Rabi' I in Umm al-Qura).
bool HijriToDays(int year, int month, int day, int64_t* days);

// The Hijri date of a civil day number.
bool DaysToHijri(int64_t days, int* year, int* month, int* day);

}  // namespace rasd::dates::internal

#endif  // RASD_EXTRACT_DATES_HIJRI_H_
