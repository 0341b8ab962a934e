// Calendar facts and date parsing shared by the metadata stage and the date
// extractor: month and weekday names in every Arabic tradition (Levantine
// شباط, Egyptian فبراير, Maghrebi فيفري) and English, and civil-date arithmetic.
#ifndef RASD_CALENDAR_H_
#define RASD_CALENDAR_H_

#include <cstdint>
#include <optional>
#include <string_view>

#include "rasd/document.h"

namespace rasd::calendar {

// 1..12 for a month name already normalized with text::NormalizeKey
// ("شباط", "فبراير", "february", "feb"), else 0. Two-word names ("كانون الثاني")
// are looked up with their single space.
int MonthFromName(std::string_view normalized);

// 0 (Sunday) .. 6 (Saturday) for a normalized weekday name, else -1.
int WeekdayFromName(std::string_view normalized);

// Days since 1970-01-01 in the proleptic Gregorian calendar, and back.
int64_t DaysFromCivil(int year, int month, int day);
void CivilFromDays(int64_t days, int* year, int* month, int* day);
// 0 = Sunday.
int Weekday(int year, int month, int day);
int DaysInMonth(int year, int month);
bool IsValidDate(int year, int month, int day);

struct ParsedDate {
  CivilTime time;
  DatePrecision precision = DatePrecision::kNone;
  Span span;  // bytes of the input that held the date
};

// Finds the first date in a short text such as a header line or a metadata
// field, in any of these forms (and their mixtures):
//   "الإثنين 22nd شباط / فبراير 2021 01:43 مساءً", "2nd, March 2024 GMT",
//   "February 21, 2025", "2023-01-30T17:04:00.000", "2015-07-21 02:51:32",
//   "22/02/2021", "٢٢ شباط ٢٠٢١", "Tue, 12 Feb 2013 04:30:00 GMT".
// A month with a year gives month precision; a year alone is not a date here.
std::optional<ParsedDate> ParseDateText(std::string_view text);

}  // namespace rasd::calendar

#endif  // RASD_CALENDAR_H_
