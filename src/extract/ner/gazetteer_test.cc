#include "extract/ner/gazetteer.h"

#include <gtest/gtest.h>

namespace rasd::ner {
namespace {

std::vector<std::string> Keys(const std::string& text) {
  std::vector<std::string> keys;
  for (const text::Token& t : text::Tokenize(text)) keys.push_back(TokenKey(t));
  return keys;
}

TEST(Gazetteer, LongestMatchIsCliticAware) {
  const Gazetteer& g = Gazetteer::Default();
  auto keys = Keys("وقوات سوريا الديمقراطية");
  auto m = g.LongestAt(keys, 0);
  ASSERT_TRUE(m.has_value());
  EXPECT_EQ(m->end, 3u);
  EXPECT_EQ(m->entry->id, "rasd:org:sdf");
  auto r = g.LongestAt(Keys("للرقة"), 0);  // ل + (ا)لرقة
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
  auto keys = Keys("المتحدث باسم واين");
  auto t = g.TitleBefore(keys, 2);
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
