#include "extract/ner/gazetteer.h"

#include <gtest/gtest.h>

namespace rasd::ner {
namespace {

// The token keys of a text, and the views of them the gazetteer takes.
struct Keys {
  explicit Keys(const std::string& text) {
    for (const text::Token& t : text::Tokenize(text)) owned.push_back(TokenKey(t));
    views.assign(owned.begin(), owned.end());
  }
  std::vector<std::string> owned;
  std::vector<std::string_view> views;
};

TEST(Gazetteer, LongestMatchIsCliticAware) {
  const Gazetteer& g = Gazetteer::Default();
  Keys keys("وقوات سوريا الديمقراطية");
  auto m = g.LongestAt(keys.views, 0);
  ASSERT_TRUE(m.has_value());
  EXPECT_EQ(m->end, 3u);
  EXPECT_EQ(m->entry->id, "rasd:org:sdf");
  auto r = g.LongestAt(Keys("للرقة").views, 0);  // ل + (ا)لرقة
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->entry->id, "geonames:172955");
}

TEST(Gazetteer, PrefersTheProminentPlaceForAnAmbiguousName) {
  const Gazetteer& g = Gazetteer::Default();
  EXPECT_EQ(g.ByName("واشنطن")->id, "geonames:4140963");  // the capital, not the state
  EXPECT_EQ(g.ByName("سوريا")->kind, "country");
}

TEST(Gazetteer, EveryAliasRowNamesAKnownPlace) {
  // The constructor aborts on an unknown id in place_aliases.tsv; reaching here means none.
  const Gazetteer& g = Gazetteer::Default();
  EXPECT_NE(g.ById("geonames:163843"), nullptr);
  EXPECT_GT(g.entries().size(), 9000u);
}

TEST(Gazetteer, TitlesEndRightBeforeAName) {
  const Gazetteer& g = Gazetteer::Default();
  Keys keys("المتحدث باسم واين");
  auto t = g.TitleBefore(keys.views, 2);
  ASSERT_TRUE(t.has_value());
  EXPECT_EQ(t->begin, 0u);
}

TEST(Gazetteer, NationalitiesHaveEveryForm) {
  const Gazetteer& g = Gazetteer::Default();
  for (const char* w : {"السوري", "السورية", "السوريون", "السوريين"}) {
    const GazetteerEntry* e = g.ByName(text::NormalizeKey(w));
    ASSERT_NE(e, nullptr) << w;
    EXPECT_EQ(e->type, EntityType::kNorp);
  }
}

}  // namespace
}  // namespace rasd::ner
