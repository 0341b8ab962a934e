// ExtractCounts: which numbers count something and what, on short news-style
// sentences written for these tests, plus checks on the seed articles.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "rasd/numbers.h"
#include "rasd/text.h"
#include "tests/testing.h"

namespace rasd::numbers {
namespace {

std::string Describe(const std::vector<Count>& counts, const std::string& text) {
  std::string out;
  for (const Count& c : counts) {
    out += "[" + std::string(c.span.Of(text)) + " = " + std::to_string(c.number.value) + " × " +
           std::string(c.noun.Of(text)) + "] ";
  }
  return out.empty() ? "none" : out;
}

// The key a noun as written should get: its light stem.
std::string KeyOf(const std::string& singular) {
  return text::LightStem(text::NormalizeKey(singular));
}

struct CountCase {
  const char* text;
  const char* span;  // the count as written: number and noun
  double value;
  const char* noun;  // the noun as written
  const char* key;   // the word whose light stem is the noun key
};

void ExpectCounts(const std::vector<CountCase>& cases, const Options& options = {}) {
  for (const CountCase& c : cases) {
    std::string text = c.text;
    auto counts = ExtractCounts(text, options);
    const Count* found = nullptr;
    for (const Count& k : counts) {
      if (k.span.Of(text) == c.span) found = &k;
    }
    ASSERT_NE(found, nullptr) << c.text << " → " << Describe(counts, text);
    EXPECT_DOUBLE_EQ(found->number.value, c.value) << c.text;
    EXPECT_EQ(found->noun.Of(text), c.noun) << c.text;
    EXPECT_EQ(found->noun_key, KeyOf(c.key)) << c.text;
  }
}

TEST(ExtractCounts, CountsTheNounAfterTheNumber) {
  ExpectCounts({
      {"نفذ التحالف 40 عملية ضد التنظيم", "40 عملية", 40, "عملية", "عملية"},
      {"ردعت القوات 70 عنصرًا من الخلايا", "70 عنصرًا", 70, "عنصرًا", "عنصر"},
      {"نشرت واشنطن 3000 جندي أمريكي في المنطقة", "3000 جندي", 3000, "جندي", "جندي"},
      {"يعيش 12 مليون يمني تحت خط الفقر", "12 مليون يمني", 12000000, "يمني", "يمني"},
      {"أسفر القصف عن مقتل 3 أشخاص", "3 أشخاص", 3, "أشخاص", "أشخاص"},
      {"قتل خمسة وعشرين مسلحا في الاشتباكات", "خمسة وعشرين مسلحا", 25, "مسلحا", "مسلح"},
      {"اعتقل الأمن ثلاثة آلاف وخمسمائة مشتبه", "ثلاثة آلاف وخمسمائة مشتبه", 3500, "مشتبه",
       "مشتبه"},
      {"سقطت ٧ قذائف على الحي", "٧ قذائف", 7, "قذائف", "قذائف"},
  });
}

TEST(ExtractCounts, CountsTheNounAfterMin) {
  ExpectCounts({
      {"اعتقلت القوات اثنين من «المسلحين» قرب الحدود", "اثنين من «المسلحين", 2, "المسلحين",
       "المسلحين"},
      {"قتل اثنين من “القادة” في الغارة", "اثنين من “القادة", 2, "القادة", "القادة"},
      {"خسر الفصيل عشرات من عناصره", "عشرات من عناصره", 10, "عناصره", "عناصره"},
      {"أصيب 15 من الحراس", "15 من الحراس", 15, "الحراس", "الحراس"},
  });
}

TEST(ExtractCounts, VagueQuantitiesCountAndTakeADefiniteNoun) {
  ExpectCounts({
      {"سقط عشرات القتلى في المدينة", "عشرات القتلى", 10, "القتلى", "القتلى"},
      {"نزح آلاف المدنيين من القرى", "آلاف المدنيين", 1000, "المدنيين", "المدنيين"},
      {"نزح مئات الآلاف من السكان", "مئات الآلاف من السكان", 100000, "السكان", "السكان"},
  });
}

TEST(ExtractCounts, AcledOptionValuesVagueCounts) {
  std::string text = "قتل العشرات من المسلحين";
  auto plain = ExtractCounts(text);
  ASSERT_EQ(plain.size(), 1u) << Describe(plain, text);
  EXPECT_DOUBLE_EQ(plain[0].number.value, 10);
  EXPECT_TRUE(plain[0].number.vague);
  Options acled;
  acled.acled_vague_numbers = true;
  auto coded = ExtractCounts(text, acled);
  ASSERT_EQ(coded.size(), 1u) << Describe(coded, text);
  EXPECT_DOUBLE_EQ(coded[0].number.value, 12);
}

TEST(ExtractCounts, ApproximateAndRangeCountsKeepTheirFlags) {
  std::string text = "ينتشر نحو 2000 جندي وتنتشر ما بين 50 ألف إلى 80 ألف من الألغام";
  auto counts = ExtractCounts(text);
  ASSERT_EQ(counts.size(), 2u) << Describe(counts, text);
  EXPECT_EQ(counts[0].span.Of(text), "نحو 2000 جندي");
  EXPECT_TRUE(counts[0].number.approximate);
  EXPECT_EQ(counts[0].number.approximator, "نحو");
  EXPECT_EQ(counts[1].span.Of(text), "ما بين 50 ألف إلى 80 ألف من الألغام");
  EXPECT_TRUE(counts[1].number.is_range);
  EXPECT_DOUBLE_EQ(counts[1].number.value, 50000);
  EXPECT_DOUBLE_EQ(counts[1].number.high, 80000);
  EXPECT_EQ(counts[1].noun_key, KeyOf("الألغام"));
}

TEST(ExtractCounts, DualNounsCountTwo) {
  ExpectCounts({
      {"أسفر الانفجار عن مقتل شخصين", "شخصين", 2, "شخصين", "شخص"},
      {"أصيب جنديين في الهجوم", "جنديين", 2, "جنديين", "جندي"},
      {"استهدفت الغارة سيارتين للتنظيم", "سيارتين", 2, "سيارتين", "سيارة"},
      {"جرت محادثات بين الدولتين", "الدولتين", 2, "الدولتين", "دولة"},
      {"قتل طفلان في القصف", "طفلان", 2, "طفلان", "طفل"},
      {"أسقطت الدفاعات طائرتين مسيرتين", "طائرتين", 2, "طائرتين", "طائرة"},
  });
}

TEST(ExtractCounts, NounsBeforeOneTwoAndDefiniteNumbers) {
  ExpectCounts({
      {"انتشلت جثة شخص واحد فقط", "شخص واحد", 1, "شخص", "شخص"},
      {"قتل واحد من المسلحين", "واحد من المسلحين", 1, "المسلحين", "المسلحين"},
      {"أصيب جنديين اثنين في الكمين", "جنديين اثنين", 2, "جنديين", "جنديين"},
      {"أفرج عن الجنود الثلاثة أمس", "الجنود الثلاثة", 3, "الجنود", "الجنود"},
  });
}

TEST(ExtractCounts, DualsThatAreNotCountsOfThings) {
  const char* cases[] = {
      "بعد مرور عامين على التحرير",  // time
      "استمر القصف يومين",           // time
      "تكرر الهجوم مرتين",           // times
      "أعلن المسلحين مسؤوليتهم",     // a sound plural
      "قتل عدد من المدنيين",         // a sound plural
      "أدان الإرهابيين المتطرفين",   // a nisba plural
      "وصل الوفد إلى فلسطين",        // a name
      "عقدت القمة في البحرين",       // a name
      "وصل الرئيس يوم الاثنين",      // Monday
      "في الوقت الراهن ليس هناك خطة",
  };
  for (const char* c : cases) {
    std::string text = c;
    auto counts = ExtractCounts(text);
    EXPECT_TRUE(counts.empty()) << c << " → " << Describe(counts, text);
  }
}

TEST(ExtractCounts, NoCountsForNonQuantities) {
  const char* cases[] = {
      "في عام 2014 سيطر التنظيم على المدينة",
      "تأسس التنظيم في 2014 بعد الانشقاق",
      "نشر الخبر في 22 شباط 2021 مساء",
      "نشر في 15 شباط/ فبراير الجاري",
      "نشر الخبر الساعة 01:43 مساء",
      "للاتصال 0791234567 مساء",
      "اتصلوا على +963 11 2345678 هاتفيا",
      "حلقت طائرة MQ9 أمريكية",
      "حلقت طائرة MQ-9 أمريكية فوق القرية",
      "لقد دعمت عملية العزم الصلب على الدوام الشركاء",
      "ارتفعت البطالة إلى 50% هذا العام",
      "ارتفعت البطالة إلى ٣٠٪ هذا العام",
      "ارتفعت البطالة 20 بالمئة هذا العام",
      "ارتفعت البطالة 20 في المئة هذا العام",
      "بلغت الميزانية 13 مليون دينار",
      "قدمت المنظمة 500 ألف دولار",
      "تبرع بمبلغ 100 ريال",
      "تنتج المصفاة 120 ألف برميل يوميا",
      "تبعد القرية 40 كيلومترا عن الحدود",
      "وصلت شحنة 3341طن من الخضار",
      "بعد نحو 14 عامًا من النزاع",
      "نصت المادة 12 على العقوبة",
      "صدر القرار رقم 2254 بالإجماع",
      "في الذكرى الـ25 لتأسيس الحزب",
      "للمرة الثالثة هذا الأسبوع",
      "لم يصب أحد بأذى",
      "قال المرصد 80 إن الغارة",
      "تم نشره 2021م في الموقع",
      "كان ذلك في العاشر من نيسان",
  };
  for (const char* c : cases) {
    std::string text = c;
    auto counts = ExtractCounts(text);
    EXPECT_TRUE(counts.empty()) << c << " → " << Describe(counts, text);
  }
}

TEST(ExtractCounts, ACountCanFollowAnotherCount) {
  std::string text = "قتل 5 جنود وأصيب 12 مدنيا";
  auto counts = ExtractCounts(text);
  ASSERT_EQ(counts.size(), 2u) << Describe(counts, text);
  EXPECT_EQ(counts[0].span.Of(text), "5 جنود");
  EXPECT_EQ(counts[1].span.Of(text), "12 مدنيا");
}

TEST(ExtractCounts, AVerbAfterTheNumberIsNotItsNoun) {
  std::string text = "قتل 5 وأصيب 12 بجروح";
  auto counts = ExtractCounts(text);
  EXPECT_TRUE(counts.empty()) << Describe(counts, text);
}

// The seed articles in ../shared/seeds (skipped when absent).
struct SeedCount {
  const char* file;
  double value;
  double high;
  const char* noun_key_of;  // the word whose light stem is the noun key
  const char* noun;         // the noun as written
};

TEST(ExtractCounts, FindsTheCountsOfTheSeedArticles) {
  RASD_REQUIRE_SHARED(seeds, "seeds");
  const SeedCount cases[] = {
      {"000_bac9c7c1f76c7e6a.txt", 2, 2, "الإرهابيين", "الإرهابيين"},
      {"000_bac9c7c1f76c7e6a.txt", 2500, 2500, "جندي", "جندي"},
      {"002_8f288d6a70ae7542.txt", 2500, 2500, "جندي", "جندي"},
      {"002_8f288d6a70ae7542.txt", 900, 900, "جندي", "جندي"},
      {"002_8f288d6a70ae7542.txt", 100000, 300000, "الذخائر", "الذخائر"},
      {"002_8f288d6a70ae7542.txt", 15000000, 15000000, "سوري", "سوري"},
      {"002_8f288d6a70ae7542.txt", 2, 2, "شخص", "شخصين"},
      {"003_3f1ad6bf6c4ef589.txt", 50, 50, "عملية", "عملية"},
      {"003_3f1ad6bf6c4ef589.txt", 62, 62, "عنصر", "عنصرًا"},
  };
  for (const SeedCount& c : cases) {
    std::string text = testing::ReadFile(seeds + "/" + c.file);
    auto counts = ExtractCounts(text);
    bool found = false;
    for (const Count& k : counts) {
      if (k.number.value == c.value && k.number.high == c.high &&
          k.noun_key == KeyOf(c.noun_key_of) && k.noun.Of(text) == c.noun) {
        found = true;
      }
    }
    EXPECT_TRUE(found) << c.file << ": " << c.value << " × " << c.noun << " in "
                       << Describe(counts, text);
  }
}

TEST(ExtractCounts, SeedYearsDatesAndModelNamesAreNotCounts) {
  RASD_REQUIRE_SHARED(seeds, "seeds");
  for (const char* file :
       {"000_bac9c7c1f76c7e6a.txt", "001_e06b5984a08a1c1c.txt", "002_8f288d6a70ae7542.txt",
        "003_3f1ad6bf6c4ef589.txt", "004_6f6791e43a9981b4.txt"}) {
    std::string text = testing::ReadFile(seeds + "/" + file);
    for (const Count& c : ExtractCounts(text)) {
      double v = c.number.value;
      EXPECT_FALSE(v >= 2000 && v <= 2030 && v != 2500) << file << ": " << c.span.Of(text);
      EXPECT_EQ(c.span.Of(text).find("MQ"), std::string_view::npos) << file;
      EXPECT_NE(c.noun_key, KeyOf("عام")) << file << ": " << c.span.Of(text);
    }
  }
}

}  // namespace
}  // namespace rasd::numbers
