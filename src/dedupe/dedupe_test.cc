#include "rasd/dedupe.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <iterator>
#include <string>
#include <vector>

#include "dedupe/shingles.h"

namespace rasd::dedupe {
namespace {

// An invented news story (about 170 words) in five paragraphs, the last a
// short closing line.
const char kStory[] =
    "أعلنت وزارة الزراعة اليوم الثلاثاء عن خطة جديدة لزراعة مليون شجرة في المدن الشمالية "
    "خلال العامين المقبلين، وقالت إن الخطة تهدف إلى تحسين جودة الهواء وخفض درجات الحرارة "
    "في فصل الصيف.\n"
    "وأوضح المتحدث باسم الوزارة في مؤتمر صحفي أن المرحلة الأولى ستبدأ في شهر أكتوبر "
    "بمشاركة البلديات والجمعيات الأهلية والمتطوعين من طلاب الجامعات، وأن تكلفتها تبلغ "
    "نحو 250 مليون ريال تتحملها الوزارة بالكامل.\n"
    "وأضاف أن الوزارة اختارت أنواعا محلية من الأشجار تتحمل الجفاف وتحتاج إلى كميات قليلة "
    "من المياه، مثل السدر والطلح والغاف، وأنها أنشأت مشاتل في ثلاث محافظات لإنتاج الشتلات "
    "اللازمة بدلا من استيرادها من الخارج.\n"
    "وأشار إلى أن الوزارة ستنشر تقارير دورية عن نسبة الأشجار التي نجت بعد عام من زراعتها، "
    "داعيا السكان إلى المشاركة في سقاية الأشجار القريبة من منازلهم والإبلاغ عن أي تلف "
    "عبر تطبيق إلكتروني أطلقته الوزارة لهذا الغرض.\n"
    "وتستمر الحملة حتى نهاية العام المقبل.";

// A different invented story of similar length and vocabulary register.
const char kOtherStory[] =
    "افتتح أمير المنطقة الشرقية مساء أمس معرض الكتاب السنوي بمشاركة أكثر من ثلاثمائة دار "
    "نشر من عشرين دولة، ويستمر المعرض عشرة أيام في مركز المعارض بالمدينة.\n"
    "وقال رئيس اللجنة المنظمة إن المعرض يضم هذا العام جناحا خاصا لكتب الأطفال وبرنامجا "
    "ثقافيا يشمل ندوات وأمسيات شعرية وورش عمل في الكتابة والترجمة، مشيرا إلى أن عدد "
    "الزوار في الدورة الماضية تجاوز مئتي ألف زائر.\n"
    "ودعا الناشرين إلى تخفيض أسعار الكتب خلال أيام المعرض تشجيعا للقراءة بين الشباب.";

std::string WithOutletLine(const std::string& outlet) { return outlet + "\n" + kStory; }

TEST(ExactKey, IdenticalTextsShareTheKey) {
  EXPECT_EQ(ExactKey(kStory), ExactKey(std::string(kStory)));
}

TEST(ExactKey, DiacriticsAlefVariantsAndWhitespaceDoNotChangeTheKey) {
  EXPECT_EQ(ExactKey("أعلنت الوزارة إطلاق الخطة"), ExactKey("اعلنت الوزارة اطلاق الخطة"));
  EXPECT_EQ(ExactKey("أَعْلَنَتِ الوِزارةُ"), ExactKey("أعلنت الوزارة"));
  EXPECT_EQ(ExactKey("  أعلنت\n\nالوزارة \t الخطة  "), ExactKey("أعلنت الوزارة الخطة"));
  EXPECT_EQ(ExactKey("آلاف المتطوعين"), ExactKey("ألاف المتطوعين"));
}

TEST(ExactKey, DifferentWordsGiveDifferentKeys) {
  EXPECT_NE(ExactKey("ارتفع سعر النفط"), ExactKey("انخفض سعر النفط"));
  EXPECT_NE(ExactKey(kStory), ExactKey(WithOutletLine("الرياض - واس")));
}

TEST(ExactKey, EmptyAndBlankTextsShareOneKey) { EXPECT_EQ(ExactKey(""), ExactKey(" \n\t ")); }

TEST(MinHash, SignatureHasBandsTimesRowsValues) {
  Options o;
  EXPECT_EQ(MinHash(kStory, o).size(), static_cast<size_t>(o.bands * o.rows));
  o.bands = 4;
  o.rows = 3;
  EXPECT_EQ(MinHash(kStory, o).size(), 12u);
  EXPECT_EQ(BandKeys(MinHash(kStory, o), o).size(), 4u);
}

TEST(MinHash, IsDeterministic) {
  Signature a = MinHash(kStory);
  Signature b = MinHash(std::string(kStory));
  EXPECT_EQ(a, b);
  EXPECT_EQ(BandKeys(a), BandKeys(b));
  EXPECT_DOUBLE_EQ(Similarity(a, b), 1.0);
}

TEST(MinHash, FromTheTokensIsTheSignatureOfTheText) {
  for (std::string_view text :
       {std::string_view(kStory), std::string_view("قتل 2,500 شخص، و2500 آخرون!"),
        std::string_view("كلمتان فقط"), std::string_view("... !")}) {
    for (Options o : {Options{}, Options{.shingle = 2, .bands = 4, .rows = 3}}) {
      EXPECT_EQ(MinHash(text::Tokenize(text), o), MinHash(text, o)) << text;
    }
  }
}

TEST(MinHash, ALongerSignatureExtendsAShorterOne) {
  Options small{.shingle = 5, .bands = 4, .rows = 4};
  Signature a = MinHash(kStory, small);
  Signature b = MinHash(kStory);
  ASSERT_GE(b.size(), a.size());
  EXPECT_TRUE(std::equal(a.begin(), a.end(), b.begin()));
}

TEST(MinHash, CopyWithAChangedOutletLineIsANearDuplicateAndSharesABand) {
  Options o;
  Signature a = MinHash(WithOutletLine("الرياض - واس"), o);
  Signature b = MinHash(WithOutletLine("جدة - صحيفة المدينة"), o);
  EXPECT_GE(Similarity(a, b), o.threshold);
  EXPECT_GE(ExactJaccard(WithOutletLine("الرياض - واس"), WithOutletLine("جدة - صحيفة المدينة")),
            o.threshold);
  std::vector<uint64_t> ka = BandKeys(a, o), kb = BandKeys(b, o);
  std::sort(ka.begin(), ka.end());
  std::sort(kb.begin(), kb.end());
  std::vector<uint64_t> shared;
  std::set_intersection(ka.begin(), ka.end(), kb.begin(), kb.end(), std::back_inserter(shared));
  EXPECT_FALSE(shared.empty());
}

TEST(MinHash, CopyWithAlefVariantsIsTheSameText) {
  std::string varied = kStory;
  // The same words with a bare alef: normalization makes them one shingle set.
  for (size_t p; (p = varied.find("إلى")) != std::string::npos;) varied.replace(p, 6, "الى");
  EXPECT_DOUBLE_EQ(ExactJaccard(kStory, varied), 1.0);
  EXPECT_DOUBLE_EQ(Similarity(MinHash(kStory), MinHash(varied)), 1.0);
}

TEST(MinHash, CopyWithoutItsLastParagraphIsANearDuplicate) {
  std::string story = kStory;
  std::string trimmed = story.substr(0, story.rfind('\n'));
  EXPECT_GE(Similarity(MinHash(story), MinHash(trimmed)), Options{}.threshold);
  EXPECT_GE(ExactJaccard(story, trimmed), 0.9);
}

TEST(MinHash, CopyWithAnAddedDatelineAndSignatureIsANearDuplicate) {
  std::string copy = std::string("الرياض 12 أغسطس (رويترز) - ") + kStory + "\n(واس) م ع";
  EXPECT_GE(Similarity(MinHash(kStory), MinHash(copy)), Options{}.threshold);
}

TEST(MinHash, DifferentStoryIsBelowThreshold) {
  Options o;
  EXPECT_LT(Similarity(MinHash(kStory, o), MinHash(kOtherStory, o)), 0.1);
  EXPECT_LT(ExactJaccard(kStory, kOtherStory), 0.1);
}

TEST(MinHash, NumbersWithAndWithoutGroupingAreTheSameWord) {
  EXPECT_DOUBLE_EQ(ExactJaccard("بلغت التكلفة 2,500 ريال", "بلغت التكلفة ٢٥٠٠ ريال", 1), 1.0);
  EXPECT_LT(ExactJaccard("بلغت التكلفة 2500 ريال", "بلغت التكلفة 3500 ريال", 1), 1.0);
}

TEST(MinHash, PunctuationIsNotPartOfShingles) {
  EXPECT_DOUBLE_EQ(ExactJaccard("قال الوزير: إن الخطة جاهزة.", "قال الوزير إن الخطة جاهزة", 2),
                   1.0);
}

TEST(MinHash, ShortTextIsOneShingleOfAllItsWords) {
  std::vector<uint64_t> s;
  internal::ShingleHashes("ارتفاع أسعار النفط", 5, &s);
  EXPECT_EQ(s.size(), 1u);
  Signature a = MinHash("ارتفاع أسعار النفط");
  ASSERT_FALSE(a.empty());
  EXPECT_DOUBLE_EQ(Similarity(a, MinHash("ارتفاع اسعار النفط")), 1.0);
  EXPECT_LT(Similarity(a, MinHash("انخفاض أسعار النفط")), 0.1);
}

TEST(MinHash, EmptyTextHasNoSignatureAndMatchesNothing) {
  EXPECT_TRUE(MinHash("").empty());
  EXPECT_TRUE(MinHash(" ، . ").empty());
  EXPECT_TRUE(BandKeys(MinHash("")).empty());
  EXPECT_EQ(Similarity(MinHash(""), MinHash("")), 0.0);
  EXPECT_EQ(Similarity(MinHash(""), MinHash(kStory)), 0.0);
  EXPECT_EQ(ExactJaccard("", ""), 0.0);
}

TEST(Similarity, EstimatesExactJaccard) {
  // Half the story against the whole: Jaccard about 0.5; 128 hashes estimate it
  // within a few hundredths.
  std::string story = kStory;
  std::string half = story.substr(0, story.find('\n'));
  Options o{.shingle = 3, .bands = 64, .rows = 8};
  double exact = ExactJaccard(story, half, 3);
  EXPECT_NEAR(Similarity(MinHash(story, o), MinHash(half, o)), exact, 0.1);
}

}  // namespace
}  // namespace rasd::dedupe
