// ExtractNumbers: digits, number words, vague quantities, approximators,
// ranges and ordinals in short news-style sentences written for these tests.
#include "rasd/numbers.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace rasd::numbers {
namespace {

// The number whose span is exactly `surface` in `text` (nullptr if none).
const Number* WithSpan(const std::vector<Number>& numbers, const std::string& text,
                       const std::string& surface) {
  for (const Number& n : numbers) {
    if (n.span.Of(text) == surface) return &n;
  }
  return nullptr;
}

std::string Spans(const std::vector<Number>& numbers, const std::string& text) {
  std::string out;
  for (const Number& n : numbers) {
    out += "[" + std::string(n.span.Of(text)) + "=" + std::to_string(n.value) + "] ";
  }
  return out;
}

struct ValueCase {
  const char* text;
  const char* surface;  // the number's span as written
  double value;
};

void ExpectValues(const std::vector<ValueCase>& cases) {
  for (const ValueCase& c : cases) {
    std::string text = c.text;
    auto numbers = ExtractNumbers(text);
    const Number* n = WithSpan(numbers, text, c.surface);
    ASSERT_NE(n, nullptr) << c.text << " → " << Spans(numbers, text);
    EXPECT_DOUBLE_EQ(n->value, c.value) << c.text;
    EXPECT_FALSE(n->ordinal) << c.text;
  }
}

TEST(ExtractNumbers, ReadsDigitsInEveryScriptWithSeparators) {
  ExpectValues({
      {"قتل 12 شخصا في الهجوم على القرية", "12", 12},
      {"أصيب ٣٥ مدنيا بجروح متفاوتة", "٣٥", 35},
      {"نزحت ۴۰ عائلة من المخيم", "۴۰", 40},
      {"وصل 2,500 جندي إلى القاعدة", "2,500", 2500},
      {"وصل ٢٬٥٠٠ جندي إلى القاعدة", "٢٬٥٠٠", 2500},
      {"ارتفع المؤشر 3.75 نقطة", "3.75", 3.75},
      {"ارتفع المؤشر ٣٫٧٥ نقطة", "٣٫٧٥", 3.75},
      {"تراجعت الحرارة إلى -4 درجات", "-4", -4},
      {"بلغت النسبة ٫٥ فقط", "٫٥", 0.5},
      {"نفذت 154,6 مليون عملية", "154,6 مليون", 154600000},
      {"كانت الحصة ٧٧/١٠٠ من المجموع", "٧٧/١٠٠", 0.77},
  });
}

TEST(ExtractNumbers, ReadsDigitsWithScaleWords) {
  ExpectValues({
      {"تضرر 100 ألف منزل", "100 ألف", 100000},
      {"يعيش 1.5 مليون لاجئ في البلاد", "1.5 مليون", 1500000},
      {"يعيش 15 مليون سوري في الداخل", "15 مليون", 15000000},
      {"خصصت الحكومة 3 مليارات للإعمار", "3 مليارات", 3000000000},
      {"بلغ عدد المسجلين 3 آلاف و500 شخص", "3 آلاف و500", 3500},
  });
}

TEST(ExtractNumbers, ReadsUnitWordsInBothGendersAndAllCases) {
  ExpectValues({
      {"قتل جندي واحد", "واحد", 1},
      {"سقطت قذيفة واحدة", "واحدة", 1},
      {"أصيب اثنان من الحراس", "اثنان", 2},
      {"اعتقل الأمن اثنين من المطلوبين", "اثنين", 2},
      {"نجت اثنتان من الممرضات", "اثنتان", 2},
      {"أنقذ المسعفون اثنتين من الفتيات", "اثنتين", 2},
      {"قتل ثلاثة مسلحين", "ثلاثة", 3},
      {"دمرت ثلاث سيارات", "ثلاث", 3},
      {"أصيب أربعة جنود", "أربعة", 4},
      {"استمرت المعركة خمس ساعات", "خمس", 5},
      {"اعتقل ستة أشخاص", "ستة", 6},
      {"سقطت سبع قذائف", "سبع", 7},
      {"قتل ثمانية عناصر", "ثمانية", 8},
      {"أحرقت ثماني شاحنات", "ثماني", 8},
      {"قتل تسعة مدنيين", "تسعة", 9},
      {"فقد عشرة صيادين", "عشرة", 10},
      {"اعتقل عشر نساء", "عشر", 10},
      {"بقي صفر من المصابين", "صفر", 0},
  });
}

TEST(ExtractNumbers, ReadsTeensTensAndCompounds) {
  ExpectValues({
      {"قتل أحد عشر جنديا", "أحد عشر", 11},
      {"نجت إحدى عشرة امرأة", "إحدى عشرة", 11},
      {"أصيب اثنا عشر شرطيا", "اثنا عشر", 12},
      {"اعتقلت القوات اثني عشر مطلوبا", "اثني عشر", 12},
      {"أفرج عن ثلاثة عشر معتقلا", "ثلاثة عشر", 13},
      {"سقطت خمس عشرة قذيفة", "خمس عشرة", 15},
      {"قتل عشرون مدنيا", "عشرون", 20},
      {"اعتقل الأمن عشرين شخصا", "عشرين", 20},
      {"أصيب ثلاثون جنديا", "ثلاثون", 30},
      {"غادر تسعين لاجئا", "تسعين", 90},
      {"قتل خمسة وعشرين عنصرا", "خمسة وعشرين", 25},
      {"أصيب ثلاث و ثلاثون امرأة", "ثلاث و ثلاثون", 33},
  });
}

TEST(ExtractNumbers, ReadsHundredsThousandsAndMillions) {
  ExpectValues({
      {"نزحت مئة عائلة", "مئة", 100},
      {"نزحت مائة عائلة", "مائة", 100},
      {"وصل مئتان من المتطوعين", "مئتان", 200},
      {"قتل مئتين من المقاتلين", "مئتين", 200},
      {"أفرج عن مائتي سجين", "مائتي", 200},
      {"هدمت ثلاثمائة منزل", "ثلاثمائة", 300},
      {"هدمت ثلاثمئة منزل", "ثلاثمئة", 300},
      {"هدمت ثلاث مئة منزل", "ثلاث مئة", 300},
      {"وزعت خمسمائة وخمسين سلة غذائية", "خمسمائة وخمسين", 550},
      {"تظاهر ألف شخص", "ألف", 1000},
      {"تظاهر ألفان من الطلاب", "ألفان", 2000},
      {"نشر الجيش ألفين من جنوده", "ألفين", 2000},
      {"نزح ثلاثة آلاف شخص", "ثلاثة آلاف", 3000},
      {"نزح ثلاثة آلاف وخمسمائة شخص", "ثلاثة آلاف وخمسمائة", 3500},
      {"فر أحد عشر ألفا من السكان", "أحد عشر ألفا", 11000},
      {"تضرر مئة ألف منزل", "مئة ألف", 100000},
      {"تضرر مائتي ألف منزل", "مائتي ألف", 200000},
      {"يعيش مليون لاجئ في المخيمات", "مليون", 1000000},
      {"يعيش مليونان من اللاجئين", "مليونان", 2000000},
      {"يعيش مليونين من اللاجئين", "مليونين", 2000000},
      {"يعيش ثلاثة ملايين لاجئ", "ثلاثة ملايين", 3000000},
      {"يعيش مليون ونصف لاجئ", "مليون ونصف", 1500000},
      {"يعيش نصف مليون لاجئ", "نصف مليون", 500000},
      {"يعيش مليون ومئتا ألف لاجئ", "مليون ومئتا ألف", 1200000},
      {"بلغت الكلفة مليار دولار", "مليار", 1000000000},
      {"بلغت الكلفة خمسة مليارات دولار", "خمسة مليارات", 5000000000},
  });
}

TEST(ExtractNumbers, SpansSkipProcliticsOnTheFirstWord) {
  ExpectValues({
      {"قتل جنديان وخمسة مدنيين", "خمسة", 5},
      {"طالب بثلاثة مقاعد", "ثلاثة", 3},
      {"وبنحو 50 قتيلا ارتفعت الحصيلة", "نحو 50", 50},
  });
}

TEST(ExtractNumbers, ReadsDecimalsSpokenWithFasila) {
  ExpectValues({
      {"بلغ النمو واحد فاصلة خمسة", "واحد فاصلة خمسة", 1.5},
      {"بلغ النمو 2 فاصلة 25", "2 فاصلة 25", 2.25},
  });
}

TEST(ExtractNumbers, ReadsEgyptianForms) {
  ExpectValues({
      {"وصل حداشر واحد", "حداشر", 11},
      {"دفع تلتمية وخمسين جنيه", "تلتمية وخمسين", 350},
      {"دفع متين واحد وعشرين جنيه", "متين واحد وعشرين", 221},
  });
}

struct VagueCase {
  const char* text;
  const char* surface;
  double value;        // default
  double acled_value;  // with Options.acled_vague_numbers
};

TEST(ExtractNumbers, VagueQuantitiesAreApproximateWithDocumentedValues) {
  const VagueCase cases[] = {
      {"قتل عشرات المدنيين", "عشرات", 10, 10},
      {"قتل العشرات في القصف", "العشرات", 10, 12},
      {"نزح مئات السكان", "مئات", 100, 100},
      {"فر المئات من القرية", "المئات", 100, 100},
      {"تظاهر آلاف الطلاب", "آلاف", 1000, 1000},
      {"تظاهر الآلاف في الساحة", "الآلاف", 1000, 1000},
      {"هاجر ملايين السوريين", "ملايين", 1000000, 1000000},
      {"نزح عشرات الآلاف من السكان", "عشرات الآلاف", 10000, 10000},
      {"نزح مئات الآلاف من السكان", "مئات الآلاف", 100000, 100000},
  };
  for (const VagueCase& c : cases) {
    std::string text = c.text;
    for (bool acled : {false, true}) {
      Options o;
      o.acled_vague_numbers = acled;
      auto numbers = ExtractNumbers(text, o);
      const Number* n = WithSpan(numbers, text, c.surface);
      ASSERT_NE(n, nullptr) << c.text << " → " << Spans(numbers, text);
      EXPECT_DOUBLE_EQ(n->value, acled ? c.acled_value : c.value) << c.text << " acled=" << acled;
      EXPECT_TRUE(n->vague) << c.text;
      EXPECT_TRUE(n->approximate) << c.text;
    }
  }
}

struct ApproxCase {
  const char* text;
  const char* surface;
  double value;
  const char* approximator;  // normalized
  const char* qualifier;
};

TEST(ExtractNumbers, ApproximatorsJoinTheNumberAndQualifyIt) {
  const ApproxCase cases[] = {
      {"قتل نحو 50 شخصا", "نحو 50", 50, "نحو", "about"},
      {"اعتقل حوالي 30 مطلوبا", "حوالي 30", 30, "حوالي", "about"},
      {"نزحت قرابة 200 عائلة", "قرابة 200", 200, "قرابه", "about"},
      {"ينتشر زهاء 900 جندي", "زهاء 900", 900, "زهاء", "about"},
      {"أصيب ما يقارب 40 مدنيا", "ما يقارب 40", 40, "ما يقارب", "about"},
      {"قتل ما لا يقل عن 20 عنصرا", "ما لا يقل عن 20", 20, "ما لا يقل عن", "at-least"},
      {"شارك أكثر من 100 متطوع", "أكثر من 100", 100, "اكثر من", "more-than"},
      {"بقي أقل من 10 عائلات", "أقل من 10", 10, "اقل من", "less-than"},
      {"قتل أزيد من 60 شخصا", "أزيد من 60", 60, "ازيد من", "more-than"},
      {"قتل على الأقل 7 أشخاص", "على الأقل 7", 7, "علي الاقل", "at-least"},
      {"قتل 7 على الأقل", "7 على الأقل", 7, "علي الاقل", "at-least"},
      {"وصل ما يزيد على 300 مهاجر", "ما يزيد على 300", 300, "ما يزيد علي", "more-than"},
      {"قتل 12 تقريباً", "12 تقريباً", 12, "تقريبا", "about"},
  };
  for (const ApproxCase& c : cases) {
    std::string text = c.text;
    auto numbers = ExtractNumbers(text);
    const Number* n = WithSpan(numbers, text, c.surface);
    ASSERT_NE(n, nullptr) << c.text << " → " << Spans(numbers, text);
    EXPECT_DOUBLE_EQ(n->value, c.value) << c.text;
    EXPECT_TRUE(n->approximate) << c.text;
    EXPECT_FALSE(n->vague) << c.text;
    EXPECT_EQ(n->approximator, c.approximator) << c.text;
    EXPECT_EQ(n->qualifier, c.qualifier) << c.text;
  }
}

TEST(ExtractNumbers, ExactNumbersHaveNoApproximator) {
  std::string text = "قتل 50 شخصا";
  auto numbers = ExtractNumbers(text);
  ASSERT_EQ(numbers.size(), 1u);
  EXPECT_FALSE(numbers[0].approximate);
  EXPECT_EQ(numbers[0].approximator, "");
  EXPECT_EQ(numbers[0].qualifier, "");
}

struct RangeCase {
  const char* text;
  const char* surface;
  double low, high;
};

TEST(ExtractNumbers, RangesKeepBothEnds) {
  const RangeCase cases[] = {
      {"تنتشر ما بين 100 ألف إلى 300 ألف قطعة", "ما بين 100 ألف إلى 300 ألف", 100000, 300000},
      {"قتل بين 10 و15 شخصا", "بين 10 و15", 10, 15},
      {"قتل من 10 إلى 15 شخصا", "من 10 إلى 15", 10, 15},
      {"قتل 10-15 شخصا", "10-15", 10, 15},
      {"قتل 10 - 15 شخصا", "10 - 15", 10, 15},
      {"نزح بين 100 و300 ألف شخص", "بين 100 و300 ألف", 100000, 300000},
      {"قتل ثلاثة أو أربعة أشخاص", "ثلاثة أو أربعة", 3, 4},
      {"قتل بين خمسة وعشرة أشخاص", "بين خمسة وعشرة", 5, 10},
  };
  for (const RangeCase& c : cases) {
    std::string text = c.text;
    auto numbers = ExtractNumbers(text);
    const Number* n = WithSpan(numbers, text, c.surface);
    ASSERT_NE(n, nullptr) << c.text << " → " << Spans(numbers, text);
    EXPECT_TRUE(n->is_range) << c.text;
    EXPECT_DOUBLE_EQ(n->value, c.low) << c.text;
    EXPECT_DOUBLE_EQ(n->high, c.high) << c.text;
  }
}

TEST(ExtractNumbers, SingleNumbersAreNotRanges) {
  std::string text = "قتل 10 أشخاص وأصيب 15 آخرون";
  auto numbers = ExtractNumbers(text);
  ASSERT_EQ(numbers.size(), 2u) << Spans(numbers, text);
  for (const Number& n : numbers) {
    EXPECT_FALSE(n.is_range);
    EXPECT_EQ(n.value, n.high);
  }
}

TEST(ExtractNumbers, OrdinalsAreFlagged) {
  const ValueCase cases[] = {
      {"انعقدت الجولة الأولى أمس", "الأولى", 1},
      {"في الأسبوع الأول من الشهر", "الأول", 1},
      {"خلال اليوم الثاني للهجوم", "الثاني", 2},
      {"للمرة الثالثة هذا العام", "الثالثة", 3},
      {"في الطابق العاشر", "العاشر", 10},
      {"في الحادي عشر من الشهر", "الحادي عشر", 11},
      {"في الذكرى الثانية عشرة للحرب", "الثانية عشرة", 12},
      {"في الخامس والعشرين من الشهر", "الخامس والعشرين", 25},
      {"في الذكرى الـ25 لتأسيس الحزب", "الـ25", 25},
      {"in its 25th year", "25th", 25},
      {"في الذكرى التسعين للمعركة", "التسعين", 90},
  };
  for (const ValueCase& c : cases) {
    std::string text = c.text;
    auto numbers = ExtractNumbers(text);
    const Number* n = WithSpan(numbers, text, c.surface);
    ASSERT_NE(n, nullptr) << c.text << " → " << Spans(numbers, text);
    EXPECT_TRUE(n->ordinal) << c.text;
    EXPECT_DOUBLE_EQ(n->value, c.value) << c.text;
  }
}

TEST(ExtractNumbers, DefiniteDigitsBeforeANounAreCardinal) {
  std::string text = "خلال الـ25 عاما الماضية";
  auto numbers = ExtractNumbers(text);
  const Number* n = WithSpan(numbers, text, "الـ25");
  ASSERT_NE(n, nullptr) << Spans(numbers, text);
  EXPECT_FALSE(n->ordinal);
  EXPECT_DOUBLE_EQ(n->value, 25);
}

TEST(ExtractNumbers, IgnoresThingsThatAreNotQuantities) {
  const char* cases[] = {
      "للاستفسار اتصلوا على +963 11 2345678 مساء",
      "للاستفسار اتصلوا على 0791234567 مساء",
      "نشر الخبر الساعة 01:43 مساء",
      "نشر الخبر بتاريخ 22/02/2021",
      "نشر الخبر بتاريخ 2021-02-22",
      "حلقت طائرة MQ9 فوق المدينة",
      "حلقت طائرة MQ-9 فوق المدينة",
      "اشترت القوات طائرات F-16 حديثة",
      "لقد دعمت عملية العزم الصلب شركاءنا",
      "وصل الوفد يوم الاثنين",
      "انعقد الاجتماع يوم الأحد",
      "لم يصب أحد بأذى",
      "الرابط https://example.com/news/123456 للمزيد",
      "رقم الخبر 2021022213 في الأرشيف",
      "كتب @user2021 تغريدة",
      "أكد مصدر في المئة الأولى من القائمة",
      "قال إن الاقتصاد متين",
  };
  for (const char* c : cases) {
    std::string text = c;
    auto numbers = ExtractNumbers(text);
    for (const Number& n : numbers) {
      // Ordinals may stay ("الأولى"); nothing else may.
      EXPECT_TRUE(n.ordinal) << c << " → " << Spans(numbers, text);
    }
  }
}

TEST(ExtractNumbers, KeepsYearsDatesPercentagesAndMoneyAsNumbers) {
  ExpectValues({
      {"تأسس التحالف في أيلول عام 2014", "2014", 2014},
      {"وقعت الحادثة في 22 شباط 2021", "22", 22},
      {"ارتفعت النسبة إلى 50% هذا العام", "50", 50},
      {"بلغت الميزانية 13 مليون دينار", "13 مليون", 13000000},
  });
}

TEST(ExtractNumbers, SpansPointIntoTheOriginalText) {
  std::string text = "قُتِلَ نَحْوَ ٥٠ شَخْصًا";
  auto numbers = ExtractNumbers(text);
  ASSERT_EQ(numbers.size(), 1u);
  EXPECT_EQ(numbers[0].span.Of(text), "نَحْوَ ٥٠");
  EXPECT_DOUBLE_EQ(numbers[0].value, 50);
}

TEST(ExtractNumbers, EmptyAndOddInputIsSafe) {
  EXPECT_TRUE(ExtractNumbers("").empty());
  EXPECT_TRUE(ExtractNumbers("   ").empty());
  std::string junk = "\xFF\xFE 12 \xE0\x80";
  for (const Number& n : ExtractNumbers(junk)) EXPECT_LE(n.span.end, junk.size());
  EXPECT_EQ(ExtractNumbers("-").size(), 0u);
  EXPECT_EQ(ExtractNumbers("و").size(), 0u);
}

}  // namespace
}  // namespace rasd::numbers
