// Tests of rasd::dates::Extract on short sentences written for these tests in
// the style of the seed articles, and checks on the seeds themselves (skipped
// when ../shared is absent).
#include "rasd/dates.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "tests/testing.h"

namespace rasd::dates {
namespace {

Context Pub(int y, int m, int d, int hour = -1, int minute = -1) {
  Context c;
  c.publication.time = {y, m, d, hour, minute};
  c.publication.precision = hour >= 0 ? DatePrecision::kMinute : DatePrecision::kDay;
  c.publication.from = "test";
  return c;
}

// Monday 22 February 2021.
const Context kMonday = Pub(2021, 2, 22);
const Context kNoPub;

// The expression whose span is `span` in `text`, or a failure.
::testing::AssertionResult FindSpan(const std::string& text, const std::string& span,
                                    const Context& ctx, DateExpr* out) {
  std::vector<DateExpr> found = Extract(text, ctx);
  std::string seen;
  for (const DateExpr& d : found) {
    if (d.span.Of(text) == span) {
      *out = d;
      return ::testing::AssertionSuccess();
    }
    seen += " [" + std::string(d.span.Of(text)) + "]";
  }
  return ::testing::AssertionFailure()
         << "no date spanning \"" << span << "\" in \"" << text << "\"; found:" << seen;
}

// The only expression in `text`.
::testing::AssertionResult Only(const std::string& text, const Context& ctx, DateExpr* out) {
  std::vector<DateExpr> found = Extract(text, ctx);
  if (found.size() != 1) {
    auto r = ::testing::AssertionFailure() << found.size() << " dates in \"" << text << "\":";
    for (const DateExpr& d : found) r << " [" << d.span.Of(text) << "]=" << d.value;
    return r;
  }
  *out = found[0];
  return ::testing::AssertionSuccess();
}

struct Case {
  std::string text;
  std::string span;   // the expression's text
  std::string value;  // expected value ("" for unresolved)
  Granularity granularity;
};

void CheckAll(const std::vector<Case>& cases, const Context& ctx, Resolution resolution) {
  for (const Case& c : cases) {
    SCOPED_TRACE(c.text);
    DateExpr d;
    ASSERT_TRUE(FindSpan(c.text, c.span, ctx, &d));
    EXPECT_EQ(d.value, c.value);
    EXPECT_EQ(GranularityName(d.granularity), std::string(GranularityName(c.granularity)));
    EXPECT_EQ(ResolutionName(d.resolution), std::string(ResolutionName(resolution)));
    EXPECT_FALSE(d.explanation.empty());
  }
}

TEST(DatesAbsolute, DayMonthYearInEveryTradition) {
  CheckAll(
      {
          {"أعلن الجيش في 22 شباط 2021 عن عملية جديدة", "22 شباط 2021", "2021-02-22",
           Granularity::kDay},
          {"وصل الوفد يوم 5 كانون الثاني 2020 إلى بغداد", "يوم 5 كانون الثاني 2020", "2020-01-05",
           Granularity::kDay},
          {"انعقد المؤتمر في 3 تشرين الأول 2019", "3 تشرين الأول 2019", "2019-10-03",
           Granularity::kDay},
          {"وقعت الاتفاقية في 12 يناير 2018 بالقاهرة", "12 يناير 2018", "2018-01-12",
           Granularity::kDay},
          {"صدر القرار في 7 جانفي 2016 بالجزائر", "7 جانفي 2016", "2016-01-07", Granularity::kDay},
          {"انطلقت الحملة في 9 فيفري 2015", "9 فيفري 2015", "2015-02-09", Granularity::kDay},
          {"وتم التوقيع في 30 جوان 2013", "30 جوان 2013", "2013-06-30", Granularity::kDay},
          {"وأعلنت النتائج في 14 جويلية 2012", "14 جويلية 2012", "2012-07-14", Granularity::kDay},
          {"وعادوا في 20 أوت 2011", "20 أوت 2011", "2011-08-20", Granularity::kDay},
          {"وذلك في الرابع من نيسان 2010", "الرابع من نيسان 2010", "2010-04-04", Granularity::kDay},
          {"في الحادي والعشرين من أيار 2009", "الحادي والعشرين من أيار 2009", "2009-05-21",
           Granularity::kDay},
      },
      kNoPub, Resolution::kAbsolute);
}

TEST(DatesAbsolute, PairedMonthNames) {
  CheckAll(
      {
          {"قصفت الطائرات المواقع في 9 آذار/مارس 2017", "9 آذار/مارس 2017", "2017-03-09",
           Granularity::kDay},
          {"جرت الانتخابات في مايو (أيار) 2016", "مايو (أيار) 2016", "2016-05",
           Granularity::kMonth},
          {"وفي أيلول / سبتمبر 2015 انسحبت القوات", "أيلول / سبتمبر 2015", "2015-09",
           Granularity::kMonth},
          {"بدأت المعارك في 26 آذار- مارس 2015", "26 آذار- مارس 2015", "2015-03-26",
           Granularity::kDay},
      },
      kNoPub, Resolution::kAbsolute);
}

TEST(DatesAbsolute, EnglishNamesAndOrdinals) {
  CheckAll(
      {
          {"نشر في 3rd نيسان / أبريل 2019 على الموقع", "3rd نيسان / أبريل 2019", "2019-04-03",
           Granularity::kDay},
          {"غرد الحساب March 5, 2020 عن الهجوم", "March 5, 2020", "2020-03-05", Granularity::kDay},
          {"تاريخ الإضافة: 2nd, June 2022 GMT", "2nd, June 2022", "2022-06-02", Granularity::kDay},
          {"published 14 October 2018 in print", "14 October 2018", "2018-10-14",
           Granularity::kDay},
      },
      kNoPub, Resolution::kAbsolute);
}

TEST(DatesAbsolute, NumericDatesAndArabicIndicDigits) {
  CheckAll(
      {
          {"بتاريخ 05/11/2020 صدر البيان", "05/11/2020", "2020-11-05", Granularity::kDay},
          {"في 2019-12-31 أغلقت الحدود", "2019-12-31", "2019-12-31", Granularity::kDay},
          {"اجتماع 15.06.2018 في عمان", "15.06.2018", "2018-06-15", Granularity::kDay},
          {"في ٢٢ شباط ٢٠٢١ قال المتحدث", "٢٢ شباط ٢٠٢١", "2021-02-22", Granularity::kDay},
          {"بتاريخ ١٥/٠٣/٢٠٢٠ أعلن", "١٥/٠٣/٢٠٢٠", "2020-03-15", Granularity::kDay},
          {"نشر الخبر 2021-02-22T13:43 على الموقع", "2021-02-22T13:43", "2021-02-22T13:43",
           Granularity::kMinute},
      },
      kNoPub, Resolution::kAbsolute);
}

TEST(DatesAbsolute, YearsMonthsDecadesCenturies) {
  CheckAll(
      {
          {"هزم التنظيم في العراق عام 2017 بعد معارك طويلة", "عام 2017", "2017",
           Granularity::kYear},
          {"تأسست الحركة سنة 1998 في الشمال", "سنة 1998", "1998", Granularity::kYear},
          {"وفي 2014، تقدم المسلحون نحو المدينة", "2014", "2014", Granularity::kYear},
          {"الفيلم الشهير (1967) عرض مجددا", "1967", "1967", Granularity::kYear},
          {"انطلقت الحملة في حزيران عام 2014", "حزيران عام 2014", "2014-06", Granularity::kMonth},
          {"كتب الشاعر قصائده في القرن التاسع عشر", "القرن التاسع عشر", "1800/1899",
           Granularity::kRange},
          {"وفي ستينيات القرن العشرين بدأت الهجرة", "ستينيات القرن العشرين", "196X",
           Granularity::kDecade},
          {"تراجعت الأرباح في الربع الأول من 2020", "الربع الأول من 2020", "2020-Q1",
           Granularity::kQuarter},
          {"ارتفعت الأسعار بين عامي 2014 و2017", "عامي 2014 و2017", "2014/2017",
           Granularity::kRange},
      },
      kNoPub, Resolution::kAbsolute);
}

TEST(DatesAbsolute, PartsOfMonthsAndYearsAreIntervals) {
  CheckAll(
      {
          {"أعلن النصر أواخر آب من عام 2018", "أواخر آب من عام 2018", "2018-08-21/2018-08-31",
           Granularity::kRange},
          {"بدأ الهجوم مطلع تشرين الأول 2019", "مطلع تشرين الأول 2019", "2019-10-01/2019-10-10",
           Granularity::kRange},
          {"وصلت التعزيزات منتصف تموز 2016", "منتصف تموز 2016", "2016-07-11/2016-07-20",
           Granularity::kRange},
          {"انتهت المهمة أواخر 2017", "أواخر 2017", "2017-09-01/2017-12-31", Granularity::kRange},
          {"استمرت المعارك بين 10 و12 أيار 2019", "10 و12 أيار 2019", "2019-05-10/2019-05-12",
           Granularity::kRange},
          {"في الفترة من 3 إلى 7 كانون الأول 2020", "3 إلى 7 كانون الأول 2020",
           "2020-12-03/2020-12-07", Granularity::kRange},
      },
      kNoPub, Resolution::kAbsolute);
}

TEST(DatesAbsolute, PartsOfPeriodsKeepTheWholePeriodAsBase) {
  struct PartCase {
    std::string text, value, mod, base;
  };
  for (const PartCase& c : std::vector<PartCase>{
           {"أعلن النصر أواخر آب من عام 2018", "2018-08-21/2018-08-31", "end", "2018-08"},
           {"كانت الجيوش في أواسط القرن التاسع عشر تعبر البحر", "1833/1865", "mid", "1800/1899"},
           {"بدأ الهجوم مطلع 2019", "2019-01-01/2019-04-30", "start", "2019"},
           {"هزم التنظيم في العراق عام 2017", "2017", "", ""},
       }) {
    SCOPED_TRACE(c.text);
    DateExpr d;
    ASSERT_TRUE(Only(c.text, kNoPub, &d));
    EXPECT_EQ(d.value, c.value);
    EXPECT_EQ(d.mod, c.mod);
    EXPECT_EQ(d.base, c.base);
  }
}

TEST(DatesAbsolute, DecadesCountedInsideACentury) {
  CheckAll(
      {
          {"كانت السينما خلال العقد الأول من القرن العشرين صامتة",
           "العقد الأول من القرن العشرين", "190X", Granularity::kDecade},
          {"وفي العقد الأخير من القرن التاسع عشر وصل القطار", "العقد الأخير من القرن التاسع عشر",
           "189X", Granularity::kDecade},
          {"ازدهرت المدينة في العقد الثالث من القرن العشرين", "العقد الثالث من القرن العشرين",
           "192X", Granularity::kDecade},
      },
      kNoPub, Resolution::kAbsolute);
  DateExpr d;
  ASSERT_TRUE(FindSpan("انتهى العقد الأول من القرن الماضي بالحرب", "العقد الأول من القرن الماضي",
                       kMonday, &d));
  EXPECT_EQ(d.value, "190X");
  // Without a century it is a contract, not a decade.
  EXPECT_TRUE(Extract("وقع اللاعب العقد الأول مع النادي", kNoPub).empty());
}

TEST(DatesAbsolute, DaysListedBeforeAMonthTakeItsMonth) {
  const std::string text = "يعقد المؤتمر يومي 10 و11 نيسان 2016 في عمان";
  std::vector<DateExpr> found = Extract(text, kNoPub);
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].span.Of(text), "10");
  EXPECT_EQ(found[0].value, "2016-04-10");
  EXPECT_EQ(found[1].span.Of(text), "11 نيسان 2016");
  EXPECT_EQ(found[1].value, "2016-04-11");
  // A count before a date is not a day of it.
  const std::string count = "قتل 7 و12 آذار 2017 كان اليوم الأعنف";
  found = Extract(count, kNoPub);
  ASSERT_FALSE(found.empty());
  EXPECT_EQ(found[0].span.Of(count), "12 آذار 2017");
}

TEST(DatesAbsolute, HijriDatesAreConvertedWithUmmAlQura) {
  struct HijriCase {
    std::string text, span, value;
  };
  for (const HijriCase& c : std::vector<HijriCase>{
           {"بدأ الصيام يوم 15 رمضان 1445 في المدينة", "يوم 15 رمضان 1445", "2024-03-25"},
           {"صدر المرسوم في 1 شوال 1440 هـ", "1 شوال 1440 هـ", "2019-06-04"},
           {"بتاريخ 14-09-1432 هـ أعلن", "14-09-1432 هـ", "2011-08-14"},
           {"الموافق 26 /9 /1436هـ صدر", "26 /9 /1436هـ", "2015-07-13"},
           {"في العام الدراسي 1445 هـ افتتحت", "1445 هـ", "2023-07-19/2024-07-06"},
       }) {
    SCOPED_TRACE(c.text);
    DateExpr d;
    ASSERT_TRUE(FindSpan(c.text, c.span, kNoPub, &d));
    EXPECT_EQ(d.value, c.value);
    EXPECT_EQ(d.calendar, "hijri");
    EXPECT_EQ(d.resolution, Resolution::kAbsolute);
  }
}

TEST(DatesAbsolute, HolidaysInAGivenYear) {
  DateExpr d;
  ASSERT_TRUE(FindSpan("احتفل السكان بعيد الفطر 2019 في الساحات", "عيد الفطر 2019", kNoPub, &d));
  EXPECT_EQ(d.value, "2019-06-04");
  ASSERT_TRUE(FindSpan("صام الناس رمضان 2019 في ظروف صعبة", "رمضان 2019", kNoPub, &d));
  EXPECT_EQ(d.value, "2019-05-06/2019-06-03");
  ASSERT_TRUE(FindSpan("أقيمت الصلاة في عيد الميلاد 2020", "عيد الميلاد 2020", kNoPub, &d));
  EXPECT_EQ(d.value, "2020-12-25");
}

TEST(DatesRelative, DaysAroundThePublicationDate) {
  CheckAll(
      {
          {"قال المتحدث اليوم إن القوات تقدمت", "اليوم", "2021-02-22", Granularity::kDay},
          {"وأعلنت الوزارة أمس عن حصيلة جديدة", "أمس", "2021-02-21", Granularity::kDay},
          {"وكان قد التقى أول أمس بالسفير", "أول أمس", "2021-02-20", Granularity::kDay},
          {"ومن المقرر أن يصل غداً إلى العاصمة", "غداً", "2021-02-23", Granularity::kDay},
          {"ويبدأ المؤتمر بعد غد في جنيف", "بعد غد", "2021-02-24", Granularity::kDay},
          {"أعلن الجيش اليوم الاثنين عن عملية", "اليوم الاثنين", "2021-02-22", Granularity::kDay},
          {"وكانت الدورية قد تعرضت يوم أمس الأحد لهجوم", "يوم أمس الأحد", "2021-02-21",
           Granularity::kDay},
          {"عثر على الجثة يوم الخميس الماضي قرب النهر", "يوم الخميس الماضي", "2021-02-18",
           Granularity::kDay},
          {"وتعقد الجولة المقبلة الأحد المقبل", "الأحد المقبل", "2021-02-28", Granularity::kDay},
          {"وقال الناطق الجمعة إن القصف توقف", "الجمعة", "2021-02-19", Granularity::kDay},
          {"وسيزور الوزير المنطقة الخميس", "الخميس", "2021-02-25", Granularity::kDay},
          {"هرب السجناء منذ ثلاثة أيام من المعتقل", "منذ ثلاثة أيام", "2021-02-19",
           Granularity::kDay},
          {"وصلت القافلة قبل يومين إلى المخيم", "قبل يومين", "2021-02-20", Granularity::kDay},
          {"وقال مسؤول قبل أسبوع إن المفاوضات توقفت", "قبل أسبوع", "2021-02-15", Granularity::kDay},
      },
      kMonday, Resolution::kRelativeToPublication);
}

TEST(DatesRelative, WeeksMonthsAndYears) {
  CheckAll(
      {
          {"تراجعت الهجمات خلال الأسبوع الماضي بشكل ملحوظ", "الأسبوع الماضي", "2021-W07",
           Granularity::kWeek},
          {"وخلال الشهر الماضي، أعلن الرئيس انسحاب القوات", "الشهر الماضي", "2021-01",
           Granularity::kMonth},
          {"ويتوقع أن ترتفع الأسعار خلال الشهر الجاري", "الشهر الجاري", "2021-02",
           Granularity::kMonth},
          {"بلغت الصادرات ذروتها العام الماضي", "العام الماضي", "2020", Granularity::kYear},
          {"وتبنى التنظيم في شهر يناير الماضي اغتيال ناشطين", "شهر يناير الماضي", "2021-01",
           Granularity::kMonth},
          {"ستنهي البعثة مهمتها بحلول نهاية العام", "نهاية العام", "2021-09-01/2021-12-31",
           Granularity::kRange},
          {"جرت الضربة نهاية الأسبوع الماضي قرب الحدود", "نهاية الأسبوع الماضي",
           "2021-02-19/2021-02-21", Granularity::kRange},
          {"قتل القيادي في 31 كانون الثاني/ يناير الماضي بغارة", "31 كانون الثاني/ يناير الماضي",
           "2021-01-31", Granularity::kDay},
          {"ونفذت عملية مماثلة في 15 شباط/ فبراير الجاري", "15 شباط/ فبراير الجاري", "2021-02-15",
           Granularity::kDay},
          {"نفذنا عمليات عدة خلال شهر آذار/مارس الجاري", "شهر آذار/مارس الجاري", "2021-03",
           Granularity::kMonth},
          {"وسجلت الخسائر في الربع الأخير من العام الماضي", "الربع الأخير من العام الماضي",
           "2020-Q4", Granularity::kQuarter},
          {"وانهار السوق خلال الأيام الثلاثة الماضية", "الأيام الثلاثة الماضية",
           "2021-02-19/2021-02-21", Granularity::kRange},
          {"وقعت المعارك في التسعينيات", "التسعينيات", "199X", Granularity::kDecade},
          {"وقال إن الحصار بدأ منذ أيار الماضي", "أيار الماضي", "2020-05", Granularity::kMonth},
          {"سجلت الإصابات منذ أيار لدى الأطفال", "أيار", "2020-05", Granularity::kMonth},
      },
      kMonday, Resolution::kRelativeToPublication);
}

TEST(DatesRelative, TimesOfDay) {
  CheckAll(
      {
          {"وقع الانفجار الساعة 17:20 بالتوقيت المحلي", "الساعة 17:20", "2021-02-22T17:20",
           Granularity::kMinute},
          {"انطلقت القافلة عند الساعة العاشرة صباحاً", "الساعة العاشرة صباحاً", "2021-02-22T10:00",
           Granularity::kHour},
          {"بدأ القصف الساعة 8:15 مساءً", "الساعة 8:15 مساءً", "2021-02-22T20:15",
           Granularity::kMinute},
          {"أفادت مصادر محلية مساء السبت بأن الغارة", "مساء السبت",
           "2021-02-20T18:00/2021-02-20T23:00", Granularity::kRange},
          {"شنت الطائرات غارات فجر اليوم على المواقع", "فجر اليوم",
           "2021-02-22T03:00/2021-02-22T05:00", Granularity::kRange},
          {"اقتحمت القوة المنزل الساعة الثالثة فجرا", "الساعة الثالثة فجرا", "2021-02-22T03:00",
           Granularity::kHour},
      },
      kMonday, Resolution::kRelativeToPublication);
  DateExpr d;
  ASSERT_TRUE(FindSpan("نشر الخبر الإثنين 22nd شباط / فبراير 2021 01:43 مساءً",
                       "الإثنين 22nd شباط / فبراير 2021 01:43 مساءً", kNoPub, &d));
  EXPECT_EQ(d.value, "2021-02-22T13:43");
  EXPECT_EQ(d.granularity, Granularity::kMinute);
  EXPECT_FALSE(d.weekday_mismatch);
}

TEST(DatesRelative, RelativeMeaningIsKeptWhenResolved) {
  struct RelCase {
    std::string text, span, relative;
  };
  for (const RelCase& c : std::vector<RelCase>{
           {"قال اليوم", "اليوم", "today"},
           {"قال أمس", "أمس", "yesterday"},
           {"غادر يوم الاثنين الماضي", "يوم الاثنين الماضي", "weekday:1:last"},
           {"خلال الشهر الماضي", "الشهر الماضي", "month:-1"},
           {"خلال الأسبوع الماضي", "الأسبوع الماضي", "week:-1"},
           {"خلال العام الماضي", "العام الماضي", "year:-1"},
           {"هربوا منذ ثلاثة أيام", "منذ ثلاثة أيام", "day:-3"},
           {"بحلول نهاية العام", "نهاية العام", "end-of-year:0"},
           {"في شهر يناير الماضي", "شهر يناير الماضي", "month-name:1:last"},
       }) {
    SCOPED_TRACE(c.text);
    DateExpr d;
    ASSERT_TRUE(FindSpan(c.text, c.span, kMonday, &d));
    EXPECT_EQ(d.relative, c.relative);
    EXPECT_NE(d.explanation.find("publication date 2021-02-22"), std::string::npos)
        << d.explanation;
  }
}

TEST(DatesRelative, UnambiguousMonthNamesStandAlone) {
  DateExpr d;
  ASSERT_TRUE(Only("تغيرت السياسة بعد أحداث سبتمبر في المنطقة", kMonday, &d));
  EXPECT_EQ(d.span.Of("تغيرت السياسة بعد أحداث سبتمبر في المنطقة"), "سبتمبر");
  EXPECT_EQ(d.granularity, Granularity::kMonth);
  // "مارس" is also the verb "practised"; alone it needs a cue.
  EXPECT_TRUE(Extract("مارس الوزير ضغوطا على الحكومة", kMonday).empty());
}

TEST(DatesRelative, PeriodsThatHavePassedAreAPastReference) {
  DateExpr d;
  ASSERT_TRUE(Only("تحدث عن تجربته في الأسابيع التي مضت", kMonday, &d));
  EXPECT_EQ(d.relative, "past-ref");
}

TEST(DatesUnresolved, RelativeExpressionsWithoutPublicationKeepTheirMeaning) {
  struct RelCase {
    std::string text, span, relative;
    Granularity granularity;
  };
  for (const RelCase& c : std::vector<RelCase>{
           {"أشاد المتحدث اليوم الأحد بالقوات الشريكة", "اليوم الأحد", "today;weekday:0",
            Granularity::kDay},
           {"وأكد يوم أمس الثلاثاء أن التنظيم ضعيف", "يوم أمس الثلاثاء", "yesterday;weekday:2",
            Granularity::kDay},
           {"وأعلنت الخلية يوم الاثنين الماضي عن عملية", "يوم الاثنين الماضي", "weekday:1:last",
            Granularity::kDay},
           {"وخلال الشهر الماضي تراجعت الهجمات", "الشهر الماضي", "month:-1", Granularity::kMonth},
           {"وقتل القيادي في 15 شباط في ريف المدينة", "15 شباط", "day-month:2-15",
            Granularity::kDay},
           {"وتراجعت الأسعار في شهر آذار الجاري", "شهر آذار الجاري", "month-name:3:this",
            Granularity::kMonth},
           {"ووصل الوفد منذ ثلاثة أيام", "منذ ثلاثة أيام", "day:-3", Granularity::kDay},
           {"ويبدأ العمل غدا في المعبر", "غدا", "tomorrow", Granularity::kDay},
       }) {
    SCOPED_TRACE(c.text);
    DateExpr d;
    ASSERT_TRUE(FindSpan(c.text, c.span, kNoPub, &d));
    EXPECT_EQ(d.resolution, Resolution::kUnresolved);
    EXPECT_EQ(d.value, "");
    EXPECT_EQ(d.relative, c.relative);
    EXPECT_EQ(d.granularity, c.granularity);
    EXPECT_NE(d.explanation.find("publication date"), std::string::npos) << d.explanation;
  }
}

TEST(DatesUnresolved, MonthPrecisionPublicationDoesNotResolveDays) {
  Context month_only;
  month_only.publication.time = {2021, 2, 0};
  month_only.publication.precision = DatePrecision::kMonth;
  DateExpr d;
  ASSERT_TRUE(Only("وقال المتحدث أمس إن", month_only, &d));
  EXPECT_EQ(d.resolution, Resolution::kUnresolved);
  ASSERT_TRUE(Only("وخلال الشهر الماضي تراجعت", month_only, &d));
  EXPECT_EQ(d.value, "2021-01");
}

TEST(DatesRelativeToText, LatestWrittenDateAnchorsMonthNamesWithoutPublication) {
  std::string text =
      "أعلنت القيادة في 31 كانون الثاني/ يناير الماضي عن مقتل قيادي. "
      "وجاءت الغارة الجديدة بعد عملية في 15 شباط/ فبراير الجاري. — حساب رسمي February 20, 2025";
  DateExpr d;
  ASSERT_TRUE(FindSpan(text, "31 كانون الثاني/ يناير الماضي", kNoPub, &d));
  EXPECT_EQ(d.value, "2025-01-31");
  EXPECT_EQ(d.resolution, Resolution::kRelativeToDate);
  EXPECT_NE(d.explanation.find("latest date written in the text 2025-02-20"), std::string::npos)
      << d.explanation;
  ASSERT_TRUE(FindSpan(text, "15 شباط/ فبراير الجاري", kNoPub, &d));
  EXPECT_EQ(d.value, "2025-02-15");
  // A publication date wins over the text's own dates.
  ASSERT_TRUE(FindSpan(text, "31 كانون الثاني/ يناير الماضي", Pub(2025, 3, 2), &d));
  EXPECT_EQ(d.resolution, Resolution::kRelativeToPublication);
}

TEST(DatesRelativeToText, FollowingPeriodsCountFromTheWrittenDate) {
  std::string text =
      "تأسست الجمعية عام 1893. وفي العام التالي افتتحت فرعا، وبعد ثلاث سنوات أغلقته.";
  DateExpr d;
  ASSERT_TRUE(FindSpan(text, "العام التالي", kMonday, &d));
  EXPECT_EQ(d.value, "1894");
  EXPECT_EQ(d.resolution, Resolution::kRelativeToDate);
  ASSERT_TRUE(FindSpan(text, "بعد ثلاث سنوات", kMonday, &d));
  EXPECT_EQ(d.value, "1896");
  ASSERT_TRUE(FindSpan("وقع الزلزال في 3 آب 2019، وفي اليوم التالي بدأت عمليات الإنقاذ",
                       "اليوم التالي", kMonday, &d));
  EXPECT_EQ(d.value, "2019-08-04");
}

TEST(DatesWeekday, MismatchIsFlaggedAndBothAreKept) {
  DateExpr d;
  ASSERT_TRUE(Only("وقعت المواجهات الأحد 22 شباط 2021 في الريف", kNoPub, &d));
  EXPECT_EQ(d.value, "2021-02-22");
  EXPECT_TRUE(d.weekday_mismatch);
  EXPECT_NE(d.explanation.find("Sunday"), std::string::npos);
  EXPECT_NE(d.explanation.find("Monday"), std::string::npos);
  ASSERT_TRUE(Only("وقعت المواجهات الاثنين 22 شباط 2021 في الريف", kNoPub, &d));
  EXPECT_FALSE(d.weekday_mismatch);
  // "today Sunday" in an article published on a Monday.
  ASSERT_TRUE(Only("أعلن القائد اليوم الأحد عن خطة", kMonday, &d));
  EXPECT_EQ(d.value, "2021-02-22");
  EXPECT_TRUE(d.weekday_mismatch);
}

TEST(DatesWeekday, WeekdayChoosesTheYearOfADayMonth) {
  DateExpr d;
  // 21 September was a Saturday in 2013 (publication February 2013).
  ASSERT_TRUE(Only("يوم السبت 21/09 الساعة 1:30 بعد الظهر", Pub(2013, 2, 12), &d));
  EXPECT_EQ(d.value, "2013-09-21T13:30");
}

TEST(DatesNegative, CountsIdsPhonesMoneyAndNamesAreNotDates) {
  for (const std::string& text : std::vector<std::string>{
           "نفذ شركاؤنا 50 عملية ضد التنظيم",
           "ويوجد في العراق نحو 2500 جندي أمريكي",
           "أطلقت طائرة من طراز MQ9 صاروخا",
           "دعمت عملية العزم الصلب القوات المحلية",
           "للاستفسار اتصلوا على 0933-123-456 أو 0599123456",
           "رقم المقال 20210222 والمعرف 4471",
           "ارتفعت الأسعار بنسبة 15% خلال",
           "بلغت قيمة الصفقة 2000 دولار فقط",
           "تضرر في 2000 منزل بسبب الفيضانات",
           "وصل عدد المتطوعين إلى 1990 شخصا",
           "مارس الضغط على الحكومة طويلا",
           "قتل أحد الجنود واعتقل اثنين من المسلحين",
           "يحتفل العالم باليوم العالمي للاجئين",
           "نقلت قناة روسيا اليوم الخبر",
           "على مدار الساعة تعمل الفرق",
           "في الساعة الأولى من الهجوم",
           "حل الفريق وصيفا في البطولة",
           "الإصدار 2.10.2020.1 من البرنامج",
           "بأغلبية 3-1 صوت المجلس",
       }) {
    EXPECT_TRUE(Extract(text, kMonday).empty()) << text;
  }
}

TEST(DatesNegative, BareNumbersNeedAYearCue) {
  DateExpr d;
  EXPECT_TRUE(Extract("بلغ العدد 2014 في المجموع", kMonday).empty());
  EXPECT_TRUE(Extract("سجلت الإحصاءات 2014 إصابة", kMonday).empty());
  ASSERT_TRUE(Only("تشكل التحالف في أيلول عام 2014 في جدة", kMonday, &d));
  EXPECT_EQ(d.value, "2014-09");
}

TEST(DatesSpans, SpansPointIntoTheOriginalText) {
  std::string text = "وَأَعْلَنَتْ الوزارةُ في الثّانيَ عشرَ من آذار 2020 ومنذ ثلاثة أيام";
  std::vector<DateExpr> found = Extract(text, kMonday);
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].span.Of(text), "الثّانيَ عشرَ من آذار 2020");
  EXPECT_EQ(found[0].value, "2020-03-12");
  EXPECT_EQ(found[1].span.Of(text), "منذ ثلاثة أيام");  // the conjunction و is left out
  EXPECT_LT(found[0].span.end, found[1].span.begin);
}

TEST(DatesNames, GranularityAndResolutionNames) {
  EXPECT_STREQ(GranularityName(Granularity::kWeek), "week");
  EXPECT_STREQ(GranularityName(Granularity::kRange), "range");
  EXPECT_STREQ(ResolutionName(Resolution::kRelativeToDate), "relative-to-date");
  EXPECT_STREQ(ResolutionName(Resolution::kUnresolved), "unresolved");
  EXPECT_TRUE(Extract("", kMonday).empty());
}

// ---- the seed articles (../shared/seeds) ----

std::string Seed(const std::string& dir, const std::string& prefix) {
  for (const char* name :
       {"000_bac9c7c1f76c7e6a.txt", "001_e06b5984a08a1c1c.txt", "002_8f288d6a70ae7542.txt",
        "003_3f1ad6bf6c4ef589.txt", "004_6f6791e43a9981b4.txt"}) {
    if (std::string(name).rfind(prefix, 0) == 0) return rasd::testing::ReadFile(dir + "/" + name);
  }
  return "";
}

TEST(DatesSeeds, Seed001ResolvesAgainstItsPublicationDate) {
  RASD_REQUIRE_SHARED(dir, "seeds");
  std::string text = Seed(dir, "001");
  Context ctx = Pub(2021, 2, 22, 13, 43);
  DateExpr d;
  ASSERT_TRUE(FindSpan(text, "شهر يناير الماضي", ctx, &d));
  EXPECT_EQ(d.value, "2021-01");
  EXPECT_EQ(d.resolution, Resolution::kRelativeToPublication);
  ASSERT_TRUE(FindSpan(text, "أواخر مارس من عام 2019", ctx, &d));
  EXPECT_EQ(d.value, "2019-03-21/2019-03-31");
  ASSERT_TRUE(FindSpan(text, "مطلع تشرين الأول/أكتوبر من عام 2019", ctx, &d));
  EXPECT_EQ(d.value, "2019-10-01/2019-10-10");
  ASSERT_TRUE(FindSpan(text, "الإثنين 22nd شباط / فبراير 2021 01:43 مساءً", ctx, &d));
  EXPECT_EQ(d.value, "2021-02-22T13:43");
}

TEST(DatesSeeds, Seed002AppendedArticleAnchorsOnItsOwnDates) {
  RASD_REQUIRE_SHARED(dir, "seeds");
  std::string text = Seed(dir, "002");
  size_t at = text.find("إقرأ أيضاً:");
  ASSERT_NE(at, std::string::npos);
  std::string appended = text.substr(at);  // cleaning splits it off with no publication date
  DateExpr d;
  ASSERT_TRUE(FindSpan(appended, "February 21, 2025", kNoPub, &d));
  EXPECT_EQ(d.value, "2025-02-21");
  EXPECT_EQ(d.resolution, Resolution::kAbsolute);
  ASSERT_TRUE(FindSpan(appended, "31 كانون الثاني/ يناير الماضي", kNoPub, &d));
  EXPECT_EQ(d.value, "2025-01-31");
  EXPECT_EQ(d.resolution, Resolution::kRelativeToDate);
  ASSERT_TRUE(FindSpan(text, "2nd, March 2024", kNoPub, &d));
  EXPECT_EQ(d.value, "2024-03-02");
  for (const DateExpr& e : Extract(text, kNoPub)) {
    EXPECT_EQ(e.span.Of(text).find("MQ9"), std::string::npos);
    EXPECT_EQ(e.span.Of(text).find("2500"), std::string::npos);
  }
}

TEST(DatesSeeds, Seeds000And004KeepRelativeWeekdaysUnresolved) {
  RASD_REQUIRE_SHARED(dir, "seeds");
  std::string s000 = Seed(dir, "000");
  DateExpr d;
  ASSERT_TRUE(FindSpan(s000, "اليوم الأحد", kNoPub, &d));
  EXPECT_EQ(d.resolution, Resolution::kUnresolved);
  EXPECT_EQ(d.relative, "today;weekday:0");
  ASSERT_TRUE(FindSpan(s000, "أيلول عام 2014", kNoPub, &d));
  EXPECT_EQ(d.value, "2014-09");
  for (const DateExpr& e : Extract(s000, kNoPub)) {
    EXPECT_EQ(e.span.Of(s000).find("2500"), std::string::npos);
    EXPECT_TRUE(e.resolution == Resolution::kUnresolved || !e.value.empty());
  }
  std::string s004 = Seed(dir, "004");
  ASSERT_TRUE(FindSpan(s004, "يوم أمس الثلاثاء", kNoPub, &d));
  EXPECT_EQ(d.resolution, Resolution::kUnresolved);
  EXPECT_EQ(d.relative, "yesterday;weekday:2");
  ASSERT_TRUE(FindSpan(s004, "يوم الاثنين الماضي", kNoPub, &d));
  EXPECT_EQ(d.resolution, Resolution::kUnresolved);
  EXPECT_EQ(d.relative, "weekday:1:last");
}

TEST(DatesSeeds, Seed003CountsAreNotDates) {
  RASD_REQUIRE_SHARED(dir, "seeds");
  std::string text = Seed(dir, "003");
  for (const DateExpr& e : Extract(text, kNoPub)) {
    std::string_view s = e.span.Of(text);
    EXPECT_EQ(s.find("50"), std::string_view::npos) << s;
    EXPECT_EQ(s.find("62"), std::string_view::npos) << s;
  }
  DateExpr d;
  ASSERT_TRUE(FindSpan(text, "شهر آذار/مارس الجاري", kNoPub, &d));
  EXPECT_EQ(d.relative, "month-name:3:this");
}

}  // namespace
}  // namespace rasd::dates
