#include "rasd/quotes.h"

#include <gtest/gtest.h>

#include "rasd/text.h"
#include "tests/testing.h"

namespace rasd::quotes {
namespace {

struct Q {
  std::string quote, speaker;
  bool direct;
  SpeakerKind kind;
  bool continuation;
};

// Quotes of `text` with each speaker resolved through continuations.
std::vector<Q> Quoted(const std::string& text) {
  std::vector<Q> out;
  auto qs = Extract(text);
  for (int i = 0; i < static_cast<int>(qs.size()); ++i) {
    int src = SpeakerSource(qs, i);
    Q q;
    q.quote = std::string(qs[i].span.Of(text));
    q.speaker = src >= 0 ? std::string(qs[src].speaker.Of(text)) : "";
    q.direct = qs[i].direct;
    q.kind = qs[i].speaker_kind;
    q.continuation = qs[i].continuation;
    out.push_back(q);
  }
  return out;
}

TEST(Quotes, DirectQuoteWithCueBefore) {
  auto q = Quoted("قال الوزير أحمد سالم: “لن نقبل بأي تسوية لا تضمن الأمن”.");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].quote, "لن نقبل بأي تسوية لا تضمن الأمن");
  EXPECT_EQ(q[0].speaker, "الوزير أحمد سالم");
  EXPECT_TRUE(q[0].direct);
  EXPECT_EQ(q[0].kind, SpeakerKind::kNamed);
}

TEST(Quotes, EveryQuotationStyle) {
  for (const char* text : {"وقال المتحدث إن «الهجوم فشل في تحقيق أهدافه».",
                           "وقال المتحدث إن \"الهجوم فشل في تحقيق أهدافه\".",
                           "وقال المتحدث إن ”الهجوم فشل في تحقيق أهدافه“.",
                           "وقال المتحدث إن “الهجوم فشل في تحقيق أهدافه\"."}) {
    auto q = Quoted(text);
    ASSERT_EQ(q.size(), 1u) << text;
    EXPECT_EQ(q[0].quote, "الهجوم فشل في تحقيق أهدافه") << text;
    EXPECT_EQ(q[0].speaker, "المتحدث") << text;
  }
}

TEST(Quotes, CueAfterTheQuote) {
  auto q = Quoted("“سنواصل العمل مع شركائنا في المنطقة”، قال السفير جون بيري.");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].speaker, "السفير جون بيري");
}

TEST(Quotes, ShortQuotedNamesAreNotQuotes) {
  auto q = Quoted("أعلن تنظيم “داعش” مسؤوليته عن التفجير.");
  EXPECT_TRUE(q.empty());
}

TEST(Quotes, IndirectQuoteWithInna) {
  auto q = Quoted("وقال قائد الشرطة العميد سامر خليل إن القوات اعتقلت خمسة مطلوبين في الحملة.");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_FALSE(q[0].direct);
  EXPECT_EQ(q[0].quote, "القوات اعتقلت خمسة مطلوبين في الحملة");
  EXPECT_EQ(q[0].speaker, "قائد الشرطة العميد سامر خليل");
}

TEST(Quotes, SpeakerStopsBeforeAdjuncts) {
  auto q = Quoted("وقال المتحدث باسم الجيش، العقيد كريم داود، في تصريحات صحفية، يوم الأحد، إن “الوضع تحت السيطرة الكاملة”.");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].speaker, "المتحدث باسم الجيش، العقيد كريم داود");
  auto r = Quoted("وأوضح سالم في حديث لقناة محلية أن “المفاوضات ما زالت متعثرة حتى الآن”.");
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0].speaker, "سالم");
}

TEST(Quotes, SubjectlessCueContinuesThePreviousSpeaker) {
  auto q = Quoted(
      "وقال المتحدث باسم الحكومة، فادي نصر، إن “الحوار هو الطريق الوحيد”.\n"
      "وأضاف “لن نتراجع عن التزاماتنا تجاه المواطنين”.\n"
      "وتابع أن الحكومة ستعلن خطة جديدة خلال أيام.");
  ASSERT_EQ(q.size(), 3u);
  for (const Q& x : q) EXPECT_EQ(x.speaker, "المتحدث باسم الحكومة، فادي نصر");
  EXPECT_TRUE(q[1].continuation);
  EXPECT_TRUE(q[2].continuation);
  EXPECT_FALSE(q[2].direct);
}

TEST(Quotes, ParticipleCueTakesTheSentenceSubject) {
  auto q = Quoted("أشاد الوزير ماهر عبيد بجهود فرق الإنقاذ، مضيفاً أن “العمل سيستمر حتى انتشال آخر ضحية”.");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].speaker, "الوزير ماهر عبيد");
}

TEST(Quotes, AccordingToAttribution) {
  auto q = Quoted("وبحسب مصادر محلية، فإن الاشتباكات استمرت حتى ساعات الفجر الأولى.");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].speaker, "مصادر محلية");
  EXPECT_EQ(q[0].kind, SpeakerKind::kAnonymous);
  EXPECT_EQ(q[0].quote, "الاشتباكات استمرت حتى ساعات الفجر الأولى");
}

TEST(Quotes, AnonymousAndOrganizationSpeakers) {
  auto a = Quoted("وقال مسؤول في وزارة الدفاع إن الطائرة سقطت بسبب عطل فني.");
  ASSERT_EQ(a.size(), 1u);
  EXPECT_EQ(a[0].kind, SpeakerKind::kAnonymous);
  auto o = Quoted("وذكر المكتب الإعلامي للحكومة في بيان أن المساعدات وصلت إلى المخيمات.");
  ASSERT_EQ(o.size(), 1u);
  EXPECT_EQ(o[0].speaker, "المكتب الإعلامي للحكومة");
  EXPECT_EQ(o[0].kind, SpeakerKind::kOrganization);
}

TEST(Quotes, RoleDescriptionRefersBackToTheNamedSpeaker) {
  auto q = Quoted(
      "وقال المبعوث الأوروبي، بيتر لانغ، إن “المفاوضات تتقدم ببطء شديد”.\n"
      "وكشف المسؤول الأوروبي أن جولة جديدة ستعقد في جنيف الشهر المقبل.");
  ASSERT_EQ(q.size(), 2u);
  EXPECT_EQ(q[1].speaker, "المبعوث الأوروبي، بيتر لانغ");
}

TEST(Quotes, CueWithoutComplementizerIsNotAQuote) {
  EXPECT_TRUE(Quoted("ودعا التحالف السكان إلى التعاون مع القوات المحلية.").empty());
  EXPECT_TRUE(Quoted("أعلن الجيش عن حصيلة عملياته خلال الشهر.").empty());
}

TEST(Quotes, SpansAreOffsetsIntoTheText) {
  std::string text = "قال الوزير: “الأمن أولوية قصوى للجميع”.";
  auto qs = Extract(text);
  ASSERT_EQ(qs.size(), 1u);
  EXPECT_EQ(qs[0].cue.Of(text), "قال");
  EXPECT_EQ(qs[0].cue_lemma, "قال");
  EXPECT_EQ(qs[0].speaker.Of(text), "الوزير");
}

}  // namespace
}  // namespace rasd::quotes

namespace rasd::quotes {
namespace {

// Seeds (../shared/seeds): the speakers the issue names, read from the seeds.
class SeedQuotes : public ::testing::Test {
 protected:
  std::vector<Q> Seed(const char* name, size_t part = 0) {
    auto dir = rasd::testing::SharedPath("seeds");
    if (!dir) return {};
    std::string text = rasd::testing::ReadFile(*dir + "/" + name);
    // The quotes are read from the whole seed; for the appended article of 002,
    // from the text after the "read also" marker.
    if (part == 1) text = text.substr(text.find("إقرأ أيضاً"));
    if (part == 0 && std::string(name).starts_with("002")) text = text.substr(0, text.find("إقرأ أيضاً"));
    return Quoted(text);
  }
  void SetUp() override {
    if (!rasd::testing::SharedPath("seeds")) GTEST_SKIP() << "../shared/seeds is absent";
  }
};

bool Contains(const std::string& s, const char* w) { return s.find(w) != std::string::npos; }

TEST_F(SeedQuotes, Seed003AllQuotesHaveTheirSpeakers) {
  auto q = Seed("003_3f1ad6bf6c4ef589.txt");
  ASSERT_GE(q.size(), 5u);
  int marotto = 0;
  for (const Q& x : q) {
    EXPECT_FALSE(x.speaker.empty()) << x.quote;
    if (Contains(x.speaker, "ماروتو")) ++marotto;
  }
  EXPECT_EQ(q[0].speaker, "المكتب الإعلامي للتحالف الدولي");
  EXPECT_GE(marotto, 2);  // his statement and the "وأضاف" that continues it
  EXPECT_TRUE(q[2].continuation);
  EXPECT_TRUE(Contains(q[2].speaker, "ماروتو"));
}

TEST_F(SeedQuotes, Seed001QuotesAreMartosOrTheOfficials) {
  auto q = Seed("001_e06b5984a08a1c1c.txt");
  ASSERT_GE(q.size(), 5u);
  EXPECT_EQ(q[0].kind, SpeakerKind::kAnonymous);  // "مسؤول في التحالف الدولي"
  for (size_t i = 1; i < q.size(); ++i) EXPECT_TRUE(Contains(q[i].speaker, "مارتو")) << q[i].quote;
}

TEST_F(SeedQuotes, Seed000BidenAndMarottoQuotes) {
  auto q = Seed("000_bac9c7c1f76c7e6a.txt");
  int biden = 0, marotto = 0;
  for (const Q& x : q) {
    biden += Contains(x.speaker, "بايدن");
    marotto += Contains(x.speaker, "ماروتو");
  }
  // The body is printed twice in this seed, so each quote appears twice.
  EXPECT_GE(biden, 3);
  EXPECT_GE(marotto, 3);
}

TEST_F(SeedQuotes, Seed002McCaryStatementsAreHis) {
  auto q = Seed("002_8f288d6a70ae7542.txt");
  ASSERT_GE(q.size(), 10u);
  for (const Q& x : q) EXPECT_TRUE(Contains(x.speaker, "مكاري")) << x.quote << " / " << x.speaker;
  auto appended = Seed("002_8f288d6a70ae7542.txt", 1);
  ASSERT_GE(appended.size(), 3u);
  EXPECT_EQ(appended[0].speaker, "مصادر محلية");
  EXPECT_EQ(appended[0].kind, SpeakerKind::kAnonymous);
}

}  // namespace
}  // namespace rasd::quotes
