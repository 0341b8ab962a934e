// Entities across the five seed articles (../shared/seeds), resolved as one batch.
#include <gtest/gtest.h>

#include <map>
#include <set>

#include "rasd/pipeline.h"
#include "tests/testing.h"

namespace rasd {
namespace {

class SeedEntities : public ::testing::Test {
 protected:
  void SetUp() override {
    auto dir = rasd::testing::SharedPath("seeds");
    if (!dir) GTEST_SKIP() << "../shared/seeds is absent";
    Analyzer analyzer;
    ingest::Reader reader;
    reader.Read({*dir}, [&](RawDoc&& raw) {
      auto r = analyzer.Analyze(raw);
      EXPECT_TRUE(r.ok());
      for (Analysis& a : *r) {
        AssignEntityIds(&index_, &a);
        docs_.push_back(std::move(a));
      }
      return true;
    }, [](const ingest::ReadError&) {});
  }
  // Corpus ids of mentions whose text is one of `forms`.
  std::set<std::string> IdsOf(std::initializer_list<const char*> forms, std::set<std::string>* seen = nullptr) {
    std::set<std::string> ids;
    for (const Analysis& a : docs_) {
      for (size_t i = 0; i < a.mentions.size(); ++i) {
        std::string t(a.mentions[i].span.Of(a.doc.text));
        for (const char* f : forms) {
          if (t == f) {
            ids.insert(a.entity_ids[a.entities.entity_of[i]]);
            if (seen) seen->insert(t);
          }
        }
      }
    }
    return ids;
  }
  resolve::EntityIndex index_;
  std::vector<Analysis> docs_;
};

TEST_F(SeedEntities, MarottosSpellingsAreOnePerson) {
  std::set<std::string> seen;
  auto ids = IdsOf({"ماروتو", "مارتو", "واين ماروتو", "واين مارتو"}, &seen);
  ASSERT_EQ(ids.size(), 1u);
  EXPECT_GE(seen.size(), 3u);
  const resolve::Entity* e = index_.Get(*ids.begin());
  EXPECT_EQ(e->type, ner::EntityType::kPer);
  EXPECT_TRUE(e->roles.count("العقيد") || e->roles.count("الكولونيل"));
}

TEST_F(SeedEntities, IsisUnderItsNamesIsOneOrganisation) {
  auto ids = IdsOf({"داعش", "تنظيم داعش", "تنظيم الدولة"});
  ASSERT_EQ(ids.size(), 1u);
  EXPECT_EQ(index_.Get(*ids.begin())->type, ner::EntityType::kOrg);
}

TEST_F(SeedEntities, BidenAndKadhimiAreOneEachAndSdfIsOneOrganisation) {
  EXPECT_EQ(IdsOf({"جو بايدن", "بايدن"}).size(), 1u);
  EXPECT_EQ(IdsOf({"مصطفى الكاظمي", "الكاظمي"}).size(), 1u);
  auto sdf = IdsOf({"قوات سوريا الديمقراطية"});
  ASSERT_EQ(sdf.size(), 1u);
  EXPECT_EQ(index_.Get(*sdf.begin())->type, ner::EntityType::kOrg);
}

TEST_F(SeedEntities, PlacesResolveToGeoNamesWithCoordinates) {
  for (const char* place : {"سوريا", "العراق", "دير الزور", "إدلب", "الرقة", "حمص", "واشنطن"}) {
    auto ids = IdsOf({place});
    ASSERT_EQ(ids.size(), 1u) << place;
    const resolve::Entity* e = index_.Get(*ids.begin());
    EXPECT_TRUE(e->id.starts_with("geonames:")) << place << " " << e->id;
    ASSERT_NE(e->gazetteer, nullptr) << place;
    EXPECT_TRUE(e->gazetteer->has_coordinates) << place;
  }
}

TEST_F(SeedEntities, WhiteHouseIsNotAPersonAndNoSpanHoldsAClitic) {
  for (const Analysis& a : docs_) {
    for (const ner::Mention& m : a.mentions) {
      std::string t(m.span.Of(a.doc.text));
      if (t == "البيت الأبيض") {
        EXPECT_NE(m.type, ner::EntityType::kPer);
      }
      // No mention starts with a conjunction or preposition before the article.
      std::string key = text::NormalizeKey(t);
      for (const char* clitic : {"وال", "بال", "فال", "كال", "لل", "وبال", "ولل"}) {
        EXPECT_FALSE(key.starts_with(clitic)) << t;
      }
      for (const char* bad : {"بسوريا", "لسوريا", "وسوريا", "وحمص", "لماروتو"}) EXPECT_NE(t, bad);
    }
  }
}

}  // namespace
}  // namespace rasd
