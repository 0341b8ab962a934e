// Event extraction on sentences written for these tests, and on the seeds.
#include "rasd/events.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "rasd/pipeline.h"
#include "tests/testing.h"

namespace rasd::events {
namespace {

struct Found {
  std::vector<Analysis> docs;
  const Event* Get(const std::string& type, const std::string& mode = "") const {
    for (const Analysis& a : docs) {
      for (const Event& e : a.events) {
        if (e.type == type && (mode.empty() || e.mode == mode)) return &e;
      }
    }
    return nullptr;
  }
  std::string Text(Span s) const { return std::string(s.Of(docs.front().doc.text)); }
};

Found Analyze(const std::string& text, const std::string& date = "") {
  RawDoc raw;
  raw.uri = "fixture.txt";
  raw.content_type = "text/plain";
  raw.bytes = text;
  if (!date.empty()) {
    raw.hints.date = date;
    raw.hints.date_from = "json:date";
  }
  raw.hints.title = "عنوان";
  static const Analyzer analyzer;
  auto r = analyzer.Analyze(raw);
  EXPECT_TRUE(r.ok()) << r.status().ToString();
  Found f;
  if (r.ok()) f.docs = std::move(*r);
  return f;
}

TEST(Events, AirStrikeWithAgentTargetPlaceAndVictims) {
  auto f = Analyze(
      "استهدفت طائرة مسيّرة تابعة للتحالف الدولي، مساء الخميس، سيارة قرب مدينة الدانا في ريف محافظة إدلب، ما أسفر عن "
      "مقتل شخصين.",
      "2025-03-07");
  const Event* e = f.Get("ASSAULT");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->mode, "aerial");
  ASSERT_FALSE(e->agents.empty());
  EXPECT_NE(f.Text(e->agents[0].span).find("للتحالف الدولي"), std::string::npos);
  ASSERT_FALSE(e->targets.empty());
  EXPECT_EQ(f.Text(e->targets[0].span), "سيارة");
  ASSERT_NE(e->place, nullptr);
  EXPECT_EQ(e->place->name, "الدانا");
  ASSERT_NE(e->within, nullptr);
  EXPECT_TRUE(e->place->has_coordinates);
  ASSERT_FALSE(e->counts.empty());
  EXPECT_EQ(e->counts[0].role, "killed");
  EXPECT_EQ(e->counts[0].value, 2);
  EXPECT_EQ(e->modality, Modality::kAsserted);
}

TEST(Events, ArrestIsCoerceWithItsCount) {
  auto f = Analyze("أعلنت قوى الأمن الداخلي اعتقال ثلاثة مطلوبين في حملة مداهمة ببلدة الشحيل.");
  const Event* e = f.Get("COERCE", "arrest");
  ASSERT_NE(e, nullptr);
  ASSERT_FALSE(e->counts.empty());
  EXPECT_EQ(e->counts[0].value, 3);
  EXPECT_EQ(e->counts[0].role, "arrested");
}

TEST(Events, NegatedAndFutureEventsKeepTheirModality) {
  auto n = Analyze("وقال الوزير إنه لا انسحاب للقوات من القاعدة في الوقت الحالي.");
  const Event* r = n.Get("RETREAT");
  ASSERT_NE(r, nullptr);
  EXPECT_EQ(r->modality, Modality::kNegated);
  auto fu = Analyze("وأعلنت الحكومة أنها ستنهي مهمتها العسكرية في المنطقة بحلول نهاية العام.");
  const Event* w = fu.Get("RETREAT");
  ASSERT_NE(w, nullptr);
  EXPECT_EQ(w->modality, Modality::kFuture);
}

TEST(Events, TriggersInsideNamesAreNotEvents) {
  auto f = Analyze("زار وفد من الحشد الشعبي مقر إدارة العمليات العسكرية أمس.");
  EXPECT_EQ(f.Get("MOBILIZE"), nullptr);
  EXPECT_EQ(f.Get("COERCE"), nullptr);
}

// Words that share a trigger's stem in another sense (data/events/triggers.tsv
// blockers and exact forms), found by the hand check in docs/events.md.
TEST(Events, OtherSensesOfTriggerStemsAreNotEvents) {
  for (const char* text : {
           "ارتفعت الصادرات النفطية للبلاد خلال الربع الأول.",      // exports, not "صادر"
           "وأكد البيان الصادر عن الوزارة أهمية الحوار.",            // issued
           "ناقش المجلس ملفات الضمان الاجتماعي والرعاية الاجتماعية.",  // social, not a meeting
           "تعيش الأسرة في مخيم للنازحين منذ عامين.",               // family, not capture
           "ودعت الأمم المتحدة الطرفين إلى ضبط النفس.",             // self-restraint
           "قال مساعد وزير الخارجية إن الملف معقد.",                 // an assistant, not aid
           "بحث الوزيران سبل تعزيز التعاون بين البلدين.",            // strengthening
           "وصف الرحلة بأنها كانت طويلة ومتعبة.",                    // a journey
           "وتحدث طالب جامعي عن تجربته في الدراسة.",                 // a student
       }) {
    SCOPED_TRACE(text);
    auto f = Analyze(text);
    ASSERT_FALSE(f.docs.empty());
    for (const Event& e : f.docs[0].events) {
      ADD_FAILURE() << e.type << "/" << e.mode << " on \"" << f.Text(e.trigger) << "\"";
    }
  }
}

TEST(Events, TheTriggerSenseStillCounts) {
  EXPECT_NE(Analyze("صادرت الشرطة كميات من الأسلحة في حي الشعار.").Get("COERCE", "seize"), nullptr);
  EXPECT_NE(Analyze("ووصلت تعزيزات عسكرية إلى ريف حماة الشمالي.").Get("MOBILIZE", "deploy"), nullptr);
  EXPECT_NE(Analyze("وطالبت الحكومة العراقية أمس في بغداد المجتمع الدولي بتقديم الدعم للنازحين.",
                    "2015-08-02")
                .Get("REQUEST"),
            nullptr);
}

TEST(Events, AKnownThingNamedAsATopicIsNotReported) {
  // "الاتفاق" with the article and no date of its own: the deal already known.
  EXPECT_EQ(Analyze("وقال الوزير في الرياض إن الاتفاق يخدم مصالح المنطقة.", "2015-07-20").Get("AGREE"),
            nullptr);
  EXPECT_NE(Analyze("ووقع الطرفان أمس في الدوحة اتفاقا لوقف القتال في المدينة.", "2015-07-20").Get("AGREE"),
            nullptr);
  EXPECT_NE(Analyze("وأعلنت الشرطة القبض على ثلاثة مطلوبين في الرياض.", "2015-07-20").Get("COERCE", "arrest"),
            nullptr);
}

TEST(Events, ADualNamingThePartiesIsNoCount) {
  auto f = Analyze("وتبادل الطرفين القصف في ريف درعا أمس، ما أسفر عن مقتل جنديين.", "2015-07-20");
  const Event* e = f.Get("ASSAULT");
  ASSERT_NE(e, nullptr);
  ASSERT_EQ(e->counts.size(), 1u);
  EXPECT_EQ(e->counts[0].role, "killed");
  EXPECT_EQ(e->counts[0].value, 2);
}

TEST(Events, TheClaimantAfterAClaimVerbIsTheAgent) {
  auto f = Analyze("وقتل خمسة أشخاص في التفجير الذي تبناه تنظيم داعش في بلدة سروج أمس.", "2015-07-21");
  const Event* e = f.Get("ASSAULT");
  ASSERT_NE(e, nullptr);
  EXPECT_TRUE(e->claimed);
  ASSERT_FALSE(e->agents.empty());
  EXPECT_EQ(f.Text(e->agents[0].span), "تنظيم داعش");
}

TEST(Events, TheSpeakerWhoTellsOfAnEventIsNotItsAgent) {
  auto f = Analyze("وقال وزير الخارجية الألماني شتاينماير في برلين أمس إن الغارات على مدينة الرقة أسفرت "
                   "عن مقتل عشرة مدنيين.",
                   "2015-07-21");
  const Event* e = f.Get("ASSAULT");
  ASSERT_NE(e, nullptr);
  for (const Argument& a : e->agents) EXPECT_EQ(f.Text(a.span).find("شتاينماير"), std::string::npos);
}

TEST(Events, AnEventToldTwiceInOneArticleIsOne) {
  auto f = Analyze(
      "أعلن الجيش اعتقال خمسة عناصر من خلية إرهابية في ريف حمص.\n"
      "وقال بيان للجيش إن اعتقال العناصر الخمسة من الخلية الإرهابية تم فجر الأحد.");
  int arrests = 0;
  for (const Event& e : f.docs[0].events) arrests += e.type == "COERCE" && e.mode == "arrest";
  EXPECT_EQ(arrests, 1);
}

TEST(Events, SentenceScoreIsZeroWithoutATrigger) {
  EXPECT_EQ(SentenceScore("وصل الوزير إلى العاصمة لحضور المؤتمر.", "ASSAULT"), 0.f);
  EXPECT_GT(SentenceScore("قتل خمسة مدنيين أمس في انفجار سيارة مفخخة وسط بغداد.", "ASSAULT"), 0.5f);
}

// A sentence and the arguments its event of `type` must have: text inside
// some agent and inside some target ("" checks nothing), and text that no
// agent (not_agent) or no target (not_target) may contain.
struct ArgumentCase {
  const char* sentence;
  const char* type;
  const char* agent;
  const char* target;
  const char* not_agent = "";
  const char* not_target = "";
};

void ExpectArguments(const std::vector<ArgumentCase>& cases) {
  for (const ArgumentCase& c : cases) {
    SCOPED_TRACE(c.sentence);
    Options all;
    all.keep_all = true;  // the arguments given the event, as the eval scores them
    const std::string text = c.sentence;
    std::vector<Event> events = ExtractFromSentence(text, all);
    auto e = std::find_if(events.begin(), events.end(),
                          [&](const Event& x) { return x.type == c.type; });
    ASSERT_NE(e, events.end());
    std::string agents, targets;
    for (const Argument& a : e->agents) agents += std::string(a.span.Of(text)) + "|";
    for (const Argument& a : e->targets) targets += std::string(a.span.Of(text)) + "|";
    EXPECT_NE(agents.find(c.agent), std::string::npos) << "agents: " << agents;
    EXPECT_NE(targets.find(c.target), std::string::npos) << "targets: " << targets;
    if (*c.not_agent)
      EXPECT_EQ(agents.find(c.not_agent), std::string::npos) << "agents: " << agents;
    if (*c.not_target)
      EXPECT_EQ(targets.find(c.not_target), std::string::npos) << "targets: " << targets;
  }
}

TEST(EventArguments, ASubjectBeforeTheVerbIsTheAgentAndWhatFollowsTheObject) {
  ExpectArguments({
      {"وقالت الشرطة إن مسلحين مجهولين اغتالوا مدير المدرسة في المدينة أمس.", "ASSAULT",
       "مسلحين مجهولين", "مدير المدرسة", "مدير"},
      {"وكانت الطائرات الحربية قد قصفت مواقع المتمردين شمال البلاد أمس.", "ASSAULT", "الطائرات",
       "مواقع المتمردين", "مواقع"},
      {"وذكر مصدر أمني أن «انتحاريا يقود شاحنة مفخخة فجر نفسه وسط السوق».", "ASSAULT", "انتحاريا",
       ""},
  });
}

TEST(EventArguments, ASubjectBeforeAKillingVerbWithNoObjectIsTheVictim) {
  ExpectArguments({
      {"وقال الضابط إن جنديا قتل وأصيب آخر بجروح قرب الحاجز.", "ASSAULT", "", "جنديا", "جنديا"},
  });
}

TEST(EventArguments, APluralVerbIsFollowedByItsObjectNotItsSubject) {
  ExpectArguments({
      {"واقتحم مسلحون مقرا للشرطة وخطفوا ثلاثة موظفين أجانب يعملون في الإغاثة.", "ASSAULT", "",
       "ثلاثة موظفين", "موظفين"},
  });
}

TEST(EventArguments, AReflexiveIsNeitherAgentNorTarget) {
  ExpectArguments({
      {"وأفادت الشرطة بأن مهاجما انتحاريا فجر نفسه قرب مبنى البلدية.", "ASSAULT", "مهاجما انتحاريا",
       "", "نفسه", "نفسه"},
  });
}

TEST(EventArguments, TheProtestersAreTheAgentsOfAProtestWhereverTheyAreNamed) {
  ExpectArguments({
      {"وتظاهر الطلاب أمام مبنى الوزارة، ورفع المتظاهرون لافتات تندد بالقرار.", "PROTEST",
       "المتظاهرون", ""},
      {"وتجمع نحو 300 متظاهر أمام السفارة للاحتجاج على اعتقال الصحافي.", "PROTEST", "300 متظاهر",
       ""},
      {"وخرج آلاف من المحتجين الغاضبين في مسيرة وسط العاصمة.", "PROTEST", "آلاف من المحتجين", "",
       "", "الغاضبين"},
  });
}

TEST(EventArguments, WhatAProtestIsAgainstOrDemandsIsItsTarget) {
  ExpectArguments({
      {"وتظاهر مئات الطلاب أمس احتجاجا على رفع أسعار الوقود في البلاد.", "PROTEST", "", "رفع", "",
       "احتجاجا"},
      {"واعتصم العمال أمام المصنع ورفعوا لافتات تندد بقرار الإدارة.", "PROTEST", "",
       "قرار الإدارة"},
      {"وخرجت مظاهرة حاشدة ضد الحكومة في وسط المدينة.", "PROTEST", "", "الحكومة"},
  });
}

TEST(EventArguments, AProtestNounsComplementIsWhoProtestsNotItsTarget) {
  ExpectArguments({
      {"وتواصلت احتجاجات المعارضة في العاصمة لليوم الثالث.", "PROTEST", "المعارضة", "", "",
       "المعارضة"},
      {"وانطلقت مظاهرات شعبية في عدة مدن أمس.", "PROTEST", "", "", "شعبية", "شعبية"},
  });
}

TEST(EventArguments, TheOrganiserOfAProtestIsItsAgent) {
  ExpectArguments({
      {"وشارك المئات في مسيرة نظمها اتحاد العمال أمام البرلمان.", "PROTEST", "اتحاد العمال", ""},
  });
}

TEST(EventArguments, WhatExplodesIsNotATarget) {
  ExpectArguments({
      {"وقتل خمسة أشخاص في انفجار سيارة مفخخة قرب سوق شعبي أمس.", "ASSAULT", "", "خمسة أشخاص", "",
       "سيارة"},
  });
}

TEST(EventArguments, WhatAnAttackIsOnIsItsTargetButNotAtLeast) {
  ExpectArguments({
      {"وأطلقت الطائرات فجر اليوم ثلاثة صواريخ على مقر الكتيبة جنوب المدينة.", "ASSAULT", "",
       "مقر الكتيبة"},
      {"وقتل عشرة أشخاص على الأقل في هجوم بسيارة مفخخة شمال العاصمة.", "ASSAULT", "", "عشرة أشخاص",
       "", "الأقل"},
  });
}

class SeedEvents : public ::testing::Test {
 protected:
  void SetUp() override {
    auto dir = rasd::testing::SharedPath("seeds");
    if (!dir) GTEST_SKIP() << "../shared/seeds is absent";
    dir_ = *dir;
  }
  std::vector<Analysis> Seed(const char* name) {
    ingest::Reader reader;
    std::vector<Analysis> out;
    static const Analyzer analyzer;
    reader.ReadOne(dir_ + "/" + name, [&](RawDoc&& raw) {
      auto r = analyzer.Analyze(raw);
      if (r.ok()) for (auto& a : *r) out.push_back(std::move(a));
      return true;
    }, [](const ingest::ReadError&) {});
    return out;
  }
  std::string dir_;
};

std::string T(const Analysis& a, Span s) { return std::string(s.Of(a.doc.text)); }

TEST_F(SeedEvents, Seed000ArrestOfTwoBySyriaCoalitionAndBidensFutureRetreat) {
  auto docs = Seed("000_bac9c7c1f76c7e6a.txt");
  ASSERT_EQ(docs.size(), 1u);
  const Analysis& a = docs[0];
  const Event* arrest = nullptr;
  const Event* retreat = nullptr;
  for (const Event& e : a.events) {
    if (e.type == "COERCE" && e.mode == "arrest") arrest = &e;
    if (e.type == "RETREAT") retreat = &e;
  }
  ASSERT_NE(arrest, nullptr);
  ASSERT_FALSE(arrest->agents.empty());
  EXPECT_NE(T(a, arrest->agents[0].span).find("التحالف"), std::string::npos);
  ASSERT_FALSE(arrest->targets.empty());
  EXPECT_NE(T(a, arrest->targets[0].span).find("الإرهابيين"), std::string::npos);
  ASSERT_NE(arrest->place, nullptr);
  EXPECT_EQ(arrest->place->name, "سوريا");
  ASSERT_FALSE(arrest->counts.empty());
  EXPECT_EQ(arrest->counts[0].value, 2);
  // "اليوم الأحد" with no publication date: unresolved, its meaning kept.
  EXPECT_EQ(arrest->date_from, "text-unresolved");
  ASSERT_NE(retreat, nullptr);
  EXPECT_EQ(retreat->modality, Modality::kFuture);
}

TEST_F(SeedEvents, Seed001ClaimedAssassinationInRuralDeirEzZor) {
  auto docs = Seed("001_e06b5984a08a1c1c.txt");
  const Event* e = nullptr;
  for (const Event& x : docs[0].events) {
    if (x.type == "ASSAULT" && x.mode == "assassination") e = &x;
  }
  ASSERT_NE(e, nullptr);
  EXPECT_TRUE(e->claimed);
  ASSERT_FALSE(e->agents.empty());
  EXPECT_NE(T(docs[0], e->agents[0].span).find("داعش"), std::string::npos);
  EXPECT_GE(e->targets.size(), 2u);
  ASSERT_NE(e->place, nullptr);
  EXPECT_EQ(e->place->name, "دير الزور");
  EXPECT_EQ(e->date, "2021-01");
}

TEST_F(SeedEvents, Seed002NegatedWithdrawalAndTheIdlibStrikes) {
  auto docs = Seed("002_8f288d6a70ae7542.txt");
  ASSERT_EQ(docs.size(), 2u);
  const Event* retreat = nullptr;
  for (const Event& x : docs[0].events) {
    if (x.type == "RETREAT") retreat = &x;
  }
  ASSERT_NE(retreat, nullptr);
  EXPECT_EQ(retreat->modality, Modality::kNegated);
  const Analysis& app = docs[1];
  const Event* dana = nullptr;
  const Event* urum = nullptr;
  const Event* mine = nullptr;
  for (const Event& x : app.events) {
    if (x.type != "ASSAULT") continue;
    std::string loc = T(app, x.location);
    if (loc == "الدانا") dana = &x;
    if (loc == "أورم الجوز") urum = &x;
    if (loc == "الفطيرة") mine = &x;
  }
  ASSERT_NE(dana, nullptr);
  EXPECT_EQ(dana->mode, "aerial");
  EXPECT_EQ(dana->date, "2025-02-21");
  ASSERT_NE(urum, nullptr);
  ASSERT_FALSE(urum->counts.empty());
  EXPECT_EQ(urum->counts[0].role, "killed");
  EXPECT_EQ(urum->counts[0].value, 2);
  ASSERT_NE(mine, nullptr);
  int killed = 0, injured = 0;
  for (const EventCount& c : mine->counts) {
    killed += c.role == "killed" ? static_cast<int>(c.value) : 0;
    injured += c.role == "injured" ? static_cast<int>(c.value) : 0;
  }
  EXPECT_EQ(killed, 1);
  EXPECT_EQ(injured, 1);
}

TEST_F(SeedEvents, Seed003FiftyOperationsAgainstIsis) {
  auto docs = Seed("003_3f1ad6bf6c4ef589.txt");
  bool found = false;
  for (const Event& e : docs[0].events) {
    for (const EventCount& c : e.counts) {
      if (c.role == "operations" && c.value == 50) {
        found = true;
        bool isis = false;
        for (const Argument& t : e.targets) isis = isis || T(docs[0], t.span).find("داعش") != std::string::npos;
        EXPECT_TRUE(isis);
      }
    }
  }
  EXPECT_TRUE(found);
}

TEST_F(SeedEvents, Seed004ClearingOperationWithItsForcesAndAirSupport) {
  auto docs = Seed("004_6f6791e43a9981b4.txt");
  const Event* op = nullptr;
  for (const Event& e : docs[0].events) {
    if (e.type == "COERCE" && T(docs[0], e.location) == "حاوي العظيم") op = &e;
  }
  ASSERT_NE(op, nullptr);
  std::string agents;
  for (const Argument& a : op->agents) agents += T(docs[0], a.span) + "|";
  for (const char* force : {"الجيش العراقي", "الحشد الشعبي", "التحالف الدولي"}) {
    EXPECT_NE(agents.find(force), std::string::npos) << force << " in " << agents;
  }
}

}  // namespace
}  // namespace rasd::events
