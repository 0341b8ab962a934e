// The shipped recognizer on sentences written for these tests, and the
// tagger's training on a tiny corpus.
#include "rasd/ner.h"

#include <gtest/gtest.h>

#include "rasd/data.h"
#include "tests/testing.h"

namespace rasd::ner {
namespace {

struct M {
  std::string text, type, role;
};

std::vector<M> Find(const std::string& text) {
  std::vector<M> out;
  for (const Mention& m : Recognizer::Default().Find(text)) {
    out.push_back({std::string(m.span.Of(text)), TypeName(m.type), std::string(m.role.Of(text))});
  }
  return out;
}

const M* Get(const std::vector<M>& ms, const std::string& text) {
  for (const M& m : ms) {
    if (m.text == text) return &m;
  }
  return nullptr;
}

TEST(Recognizer, EntitySpansNeverIncludeProclitics) {
  auto ms = Find("وصلت التعزيزات والعراق يراقب، وقال بيان للتحالف الدولي إن القوات انتشرت بسوريا.");
  EXPECT_NE(Get(ms, "العراق"), nullptr);
  EXPECT_NE(Get(ms, "سوريا"), nullptr);
  for (const M& m : ms) {
    EXPECT_FALSE(m.text.starts_with("و") && m.text != "واشنطن") << m.text;
    EXPECT_FALSE(m.text.starts_with("ب") && m.text.starts_with("بسوريا")) << m.text;
  }
}

TEST(Recognizer, NameStartingWithWawKeepsIt) {
  auto ms = Find("وقال المتحدث واين ماروتو إن العملية انتهت.");
  ASSERT_NE(Get(ms, "واين ماروتو"), nullptr);
  EXPECT_EQ(Get(ms, "واين ماروتو")->type, "PER");
}

TEST(Recognizer, ForeignNameStartingWithFaOrKafKeepsIt) {
  auto ms = Find("وجاءت زيارة كارتر لأربيل بعد يوم من زيارة لبغداد. وقال فرانك شتاينماير إن الغارات مستمرة.");
  EXPECT_NE(Get(ms, "فرانك شتاينماير"), nullptr);
  bool carter = false;
  for (const M& m : ms) carter = carter || m.text.rfind("كارتر", 0) == 0;
  EXPECT_TRUE(carter);
  // After a conjunction too: "وكارتر" is و + كارتر.
  EXPECT_NE(Get(Find("وقال المبعوث إن كارتر وكيري التقيا أمس، وكارتر سيعود غدا."), "كارتر"), nullptr);
  // A real proclitic before a known name stays outside.
  EXPECT_NE(Get(Find("ووصل الوفد فسوريا تنتظر."), "سوريا"), nullptr);
}

TEST(Recognizer, TitlesAreRolesNotNames) {
  auto ms = Find("التقى الرئيس الأمريكي جو بايدن رئيس الوزراء العراقي مصطفى الكاظمي في واشنطن.");
  const M* biden = Get(ms, "جو بايدن");
  ASSERT_NE(biden, nullptr);
  EXPECT_EQ(biden->type, "PER");
  EXPECT_EQ(biden->role, "الرئيس الأمريكي");
  const M* kadhimi = Get(ms, "مصطفى الكاظمي");
  ASSERT_NE(kadhimi, nullptr);
  EXPECT_EQ(kadhimi->role, "رئيس الوزراء العراقي");
  ASSERT_NE(Get(ms, "واشنطن"), nullptr);
  EXPECT_EQ(Get(ms, "واشنطن")->type, "GPE");
}

TEST(Recognizer, NationalityAdjectivesAreNorp) {
  auto ms = Find("وصل وفد من المسؤولين الأتراك والقوات السورية إلى الحدود.");
  ASSERT_NE(Get(ms, "السورية"), nullptr);
  EXPECT_EQ(Get(ms, "السورية")->type, "NORP");
}

TEST(Recognizer, ArmedGroupsUnderAllTheirNames) {
  for (const char* name : {"داعش", "تنظيم الدولة", "قوات سوريا الديمقراطية", "قسد", "الحشد الشعبي", "البيشمركة"}) {
    std::string text = std::string("هاجمت ") + name + " موقعاً قرب الحدود أمس.";
    auto ms = Find(text);
    const M* m = Get(ms, name);
    ASSERT_NE(m, nullptr) << name;
    EXPECT_EQ(m->type, "ORG") << name;
  }
}

TEST(Recognizer, WhiteHouseIsAPlaceNotAPerson) {
  auto ms = Find("استقبل الرئيس ضيفه في البيت الأبيض أمس.");
  const M* m = Get(ms, "البيت الأبيض");
  ASSERT_NE(m, nullptr);
  EXPECT_NE(m->type, "PER");
}

TEST(Recognizer, CommonWordsThatNamePlacesArePlacesOnlyAfterAPlaceWord) {
  for (const char* text : {"وأكد الخبر مصدر أمني في الوزارة.", "ودعا إلى التظاهر بالطرق السلمية.",
                           "وأغلق الباب أمام المفاوضات.", "واستخدم المسلحون سيارات من طراز حديث."}) {
    SCOPED_TRACE(text);
    for (const M& m : Find(text)) EXPECT_TRUE(m.type != "GPE" && m.type != "LOC") << m.text;
  }
  auto ms = Find("سيطرت الفصائل على مدينة الباب في ريف حلب.");
  const M* m = Get(ms, "الباب");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->type, "GPE");
}

TEST(Recognizer, NamesInsideQuotesAndAtSentenceStart) {
  auto ms = Find("قال: “التقيت أحمد خليل في دمشق”.\nأحمد خليل وصل إلى بيروت صباحاً.");
  int ahmad = 0;
  for (const M& m : ms) ahmad += m.text == "أحمد خليل" && m.type == "PER";
  EXPECT_EQ(ahmad, 2);
  EXPECT_NE(Get(ms, "دمشق"), nullptr);
  EXPECT_NE(Get(ms, "بيروت"), nullptr);
}

TEST(Recognizer, SurnameAloneIsTaggedWhenTheFullNameWasSeen) {
  auto ms = Find("قال الوزير كريم الساعدي إن الخطة جاهزة. وأضاف الساعدي أن التنفيذ يبدأ غداً.");
  int n = 0;
  for (const M& m : ms) n += m.text == "الساعدي" && m.type == "PER";
  EXPECT_EQ(n, 1);
}

TEST(Recognizer, PlacesCarryCoordinates) {
  std::string text = "قصفت طائرات مواقع قرب دير الزور والرقة.";
  for (const Mention& m : Recognizer::Default().Find(text)) {
    if (m.span.Of(text) == "دير الزور") {
      ASSERT_NE(m.gazetteer, nullptr);
      EXPECT_TRUE(m.gazetteer->has_coordinates);
      EXPECT_NEAR(m.gazetteer->lat, 35.3, 0.2);
      return;
    }
  }
  ADD_FAILURE() << "دير الزور not found";
}

TEST(Train, LearnsFromATinyCorpusDeterministically) {
  std::vector<TaggedSentence> data;
  for (const char* name : {"سالم", "ناصر", "فارس", "رامي"}) {
    data.push_back({{"قال", name, "إن", "الوضع", "هادئ"}, {"O", "B-PER", "O", "O", "O"}});
    data.push_back({{"زار", name, "مدينة", "حلب"}, {"O", "B-PER", "O", "B-LOC"}});
  }
  TrainOptions o;
  o.epochs = 5;
  o.document_pass = false;
  auto a = Train(data, o, nullptr);
  auto b = Train(data, o, nullptr);
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(*a, *b);
  auto rec = Recognizer::FromModel(*a);
  ASSERT_TRUE(rec.ok());
  auto tags = (*rec)->TagTokens({"قال", "سالم", "إن", "الوضع", "هادئ"});
  EXPECT_EQ(tags[1], "B-PER");
}

TEST(Train, CorruptModelsAreRejected) {
  EXPECT_FALSE(Recognizer::FromModel("not a model").ok());
  EXPECT_FALSE(Recognizer::FromModel("RASDNER2\x10").ok());
}

TEST(Train, RemoveOverlapDropsSentencesSharingARun) {
  std::vector<TaggedSentence> train = {
      {{"a", "b", "c", "d", "e", "f", "g"}, {"O", "O", "O", "O", "O", "O", "O"}},
      {{"x", "y"}, {"O", "O"}},
      {{"p", "q", "r"}, {"O", "O", "O"}}};
  std::vector<TaggedSentence> test = {{{"z", "b", "c", "d", "e", "f", "g", "h"}, {}}, {{"x", "y"}, {}}};
  EXPECT_EQ(RemoveOverlap(&train, test, 6), 2u);
  ASSERT_EQ(train.size(), 1u);
  EXPECT_EQ(train[0].tokens[0], "p");
}

TEST(Train, SplitDevTailMovesTheContiguousTail) {
  std::vector<TaggedSentence> train;
  for (int i = 0; i < 20; ++i) train.push_back({{std::to_string(i)}, {"O"}});
  std::vector<TaggedSentence> dev = {{{"stale"}, {"O"}}};
  EXPECT_EQ(SplitDevTail(&train, 0.15, &dev), 3u);
  ASSERT_EQ(train.size(), 17u);
  ASSERT_EQ(dev.size(), 3u);
  EXPECT_EQ(train.back().tokens[0], "16");
  EXPECT_EQ(dev.front().tokens[0], "17");
  EXPECT_EQ(dev.back().tokens[0], "19");
  EXPECT_EQ(SplitDevTail(&train, 0, &dev), 0u);
  EXPECT_TRUE(dev.empty());
  EXPECT_EQ(train.size(), 17u);
}

// The shipped model is what `rasd train ner` makes from the gold data with
// the default options: retraining reproduces it byte for byte.
TEST(ShippedModel, IsReproducibleFromTheTrainCommandsDefaults) {
  RASD_REQUIRE_SHARED(dir, "data/anercorp");
  auto train = ReadConll(dir + "/ANERCorp", true);
  auto test = ReadConll(dir + "/ANERCorp_CamelLab_test.txt", false);
  ASSERT_TRUE(train.ok() && test.ok());
  RemoveOverlap(&*train, *test);
  auto model = Train(*train, TrainOptions{}, nullptr);
  ASSERT_TRUE(model.ok());
  auto shipped = data::Find("ner/model.bin");
  ASSERT_TRUE(shipped.has_value());
  EXPECT_TRUE(*model == *shipped) << "data/ner/model.bin is stale: run `rasd train ner`";
  EXPECT_LT(shipped->size(), 20u << 20);
}

}  // namespace
}  // namespace rasd::ner
