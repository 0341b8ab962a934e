#include "rasd/calendar.h"

#include <gtest/gtest.h>

#include "rasd/text.h"

namespace rasd::calendar {
namespace {

TEST(Calendar, MonthNamesFromEveryTradition) {
  EXPECT_EQ(MonthFromName(text::NormalizeKey("شباط")), 2);
  EXPECT_EQ(MonthFromName(text::NormalizeKey("فبراير")), 2);
  EXPECT_EQ(MonthFromName(text::NormalizeKey("فيفري")), 2);
  EXPECT_EQ(MonthFromName(text::NormalizeKey("كانون الثاني")), 1);
  EXPECT_EQ(MonthFromName(text::NormalizeKey("تشرين الأول")), 10);
  EXPECT_EQ(MonthFromName(text::NormalizeKey("أيلول")), 9);
  EXPECT_EQ(MonthFromName(text::NormalizeKey("March")), 3);
  EXPECT_EQ(MonthFromName(text::NormalizeKey("الخميس")), 0);
  EXPECT_EQ(WeekdayFromName(text::NormalizeKey("الإثنين")), 1);
}

TEST(Calendar, CivilArithmeticRoundTrips) {
  EXPECT_EQ(DaysFromCivil(1970, 1, 1), 0);
  EXPECT_EQ(Weekday(2021, 2, 22), 1);  // a Monday
  EXPECT_EQ(Weekday(2013, 2, 12), 2);  // a Tuesday
  for (int64_t d = -1000; d < 30000; d += 37) {
    int y, m, day;
    CivilFromDays(d, &y, &m, &day);
    EXPECT_EQ(DaysFromCivil(y, m, day), d);
  }
  EXPECT_EQ(DaysInMonth(2024, 2), 29);
  EXPECT_FALSE(IsValidDate(2021, 2, 29));
}

struct Case {
  const char* text;
  int y, m, d, hh, mm;
  DatePrecision p;
};

TEST(ParseDateText, HeaderLineForms) {
  const Case cases[] = {
      {"تم نشره الإثنين 22nd شباط / فبراير 2021 01:43 مساءً", 2021, 2, 22, 13, 43, DatePrecision::kMinute},
      {"تاريخ النشر: 2nd, March 2024 GMT", 2024, 3, 2, -1, -1, DatePrecision::kDay},
      {"February 21, 2025", 2025, 2, 21, -1, -1, DatePrecision::kDay},
      {"2023-01-30T17:04:00.0000000", 2023, 1, 30, 17, 4, DatePrecision::kMinute},
      {"2015-07-21 02:51:32", 2015, 7, 21, 2, 51, DatePrecision::kMinute},
      {"22/02/2021", 2021, 2, 22, -1, -1, DatePrecision::kDay},
      {"٢٢ شباط ٢٠٢١", 2021, 2, 22, -1, -1, DatePrecision::kDay},
      {"Tue, 12 Feb 2013 04:30:00 GMT", 2013, 2, 12, 4, 30, DatePrecision::kMinute},
      {"مايو (أيار) 2019", 2019, 5, 0, -1, -1, DatePrecision::kMonth},
      {"أيلول عام 2014", 2014, 9, 0, -1, -1, DatePrecision::kMonth},
      {"12:30 ص 1 كانون الثاني 2020", 2020, 1, 1, -1, -1, DatePrecision::kDay},
  };
  for (const Case& c : cases) {
    auto p = ParseDateText(c.text);
    ASSERT_TRUE(p.has_value()) << c.text;
    EXPECT_EQ(p->time.year, c.y) << c.text;
    EXPECT_EQ(p->time.month, c.m) << c.text;
    EXPECT_EQ(p->time.day, c.d) << c.text;
    EXPECT_EQ(p->time.hour, c.hh) << c.text;
    EXPECT_EQ(p->time.minute, c.mm) << c.text;
    EXPECT_EQ(p->precision, c.p) << c.text;
  }
}

TEST(ParseDateText, SpanCoversTheDateInTheOriginal) {
  std::string s = "تم نشره الإثنين 22nd شباط / فبراير 2021 01:43 مساءً";
  auto p = ParseDateText(s);
  ASSERT_TRUE(p.has_value());
  EXPECT_EQ(p->span.Of(s), "22nd شباط / فبراير 2021 01:43");
}

TEST(ParseDateText, NonDatesAreNotParsed) {
  EXPECT_FALSE(ParseDateText("نفذنا 50 عملية ضد داعش").has_value());
  EXPECT_FALSE(ParseDateText("عام 2014").has_value());
  EXPECT_FALSE(ParseDateText("31/02/2021").has_value());
  EXPECT_FALSE(ParseDateText("MQ9 2500 جندي").has_value());
}

}  // namespace
}  // namespace rasd::calendar
