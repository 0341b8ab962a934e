#include <gtest/gtest.h>

#include "extract/ner/gazetteer.h"
#include "rasd/resolve.h"

namespace rasd::resolve {
namespace {

using ner::EntityType;

// A document and its mentions, built by hand so resolution is tested apart
// from the tagger.
struct Doc {
  std::string text;
  std::vector<ner::Mention> mentions;

  // Marks the n-th occurrence of `surface` as a mention.
  Doc& Add(const std::string& surface, EntityType type, int nth = 0, const char* gazetteer_id = nullptr) {
    size_t at = 0;
    for (int i = 0; i <= nth; ++i) {
      at = text.find(surface, i == 0 ? 0 : at + 1);
      EXPECT_NE(at, std::string::npos) << surface;
    }
    ner::Mention m;
    m.span = {static_cast<uint32_t>(at), static_cast<uint32_t>(at + surface.size())};
    m.type = type;
    for (const text::Token& t : text::Tokenize(surface)) {
      if (t.kind == text::TokenKind::kPunct) continue;
      if (!m.key.empty()) m.key.push_back(' ');
      m.key += ner::TokenKey(t);
    }
    if (gazetteer_id) m.gazetteer = ner::Gazetteer::Default().ById(gazetteer_id);
    mentions.push_back(m);
    return *this;
  }
};

TEST(Skeleton, TransliterationVariantsShareOne) {
  EXPECT_EQ(Skeleton("ماروتو"), Skeleton("مارتو"));
  EXPECT_EQ(Skeleton("كوريللا"), Skeleton("كوريلا"));
  EXPECT_EQ(Skeleton("مكاري"), Skeleton("ماكاري"));
  EXPECT_NE(Skeleton("بايدن"), Skeleton("بوتين"));
}

TEST(ResolveDocument, SpellingsOfOneNameAreOneEntity) {
  Doc d{"قال واين ماروتو إن العملية نجحت. وأضاف مارتو أن التحالف مستمر. وفي تغريدة لماروتو كتب."};
  d.Add("واين ماروتو", EntityType::kPer).Add("مارتو", EntityType::kPer).Add("ماروتو", EntityType::kPer, 1);
  auto r = ResolveDocument(d.text, d.mentions);
  ASSERT_EQ(r.entities.size(), 1u);
  EXPECT_EQ(r.entities[0].name, "واين ماروتو");
  EXPECT_EQ(r.entities[0].variants.size(), 3u);
  EXPECT_FALSE(r.entities[0].surname_only);
}

TEST(ResolveDocument, SurnameJoinsTheFullNameBeforeIt) {
  Doc d{"التقى جو بايدن بالوفد. وقال بايدن إن اللقاء مثمر."};
  d.Add("جو بايدن", EntityType::kPer).Add("بايدن", EntityType::kPer, 1);
  auto r = ResolveDocument(d.text, d.mentions);
  ASSERT_EQ(r.entities.size(), 1u);
  EXPECT_EQ(r.entity_of[0], r.entity_of[1]);
}

TEST(ResolveDocument, ArabicNamesWithOneSkeletonStayApart) {
  Doc d{"وصل محمد علي ثم وصل محمود علي إلى القاعة."};
  d.Add("محمد علي", EntityType::kPer).Add("محمود علي", EntityType::kPer);
  auto r = ResolveDocument(d.text, d.mentions);
  EXPECT_EQ(r.entities.size(), 2u);
}

TEST(ResolveDocument, GazetteerAliasesMerge) {
  Doc d{"هاجم داعش القرية، وتبنى تنظيم الدولة الهجوم."};
  d.Add("داعش", EntityType::kOrg, 0, "rasd:org:isis").Add("تنظيم الدولة", EntityType::kOrg, 0, "rasd:org:isis");
  auto r = ResolveDocument(d.text, d.mentions);
  ASSERT_EQ(r.entities.size(), 1u);
  EXPECT_EQ(r.entities[0].variants.size(), 2u);
}

TEST(ResolveDocument, SameNameDifferentTypesStayApart) {
  Doc d{"زار صلاح الدين محافظة صلاح الدين."};
  d.Add("صلاح الدين", EntityType::kPer).Add("صلاح الدين", EntityType::kGpe, 1);
  auto r = ResolveDocument(d.text, d.mentions);
  EXPECT_EQ(r.entities.size(), 2u);
}

std::vector<std::string> AddDoc(EntityIndex* index, Doc d, const char* date = "2021-02-22") {
  Published p;
  p.precision = DatePrecision::kDay;
  sscanf(date, "%d-%d-%d", &p.time.year, &p.time.month, &p.time.day);
  return index->Add(ResolveDocument(d.text, d.mentions), "doc", p);
}

TEST(EntityIndex, TransliterationsMergeAcrossDocuments) {
  EntityIndex index;
  auto a = AddDoc(&index, Doc{"قال واين ماروتو."}.Add("واين ماروتو", EntityType::kPer));
  auto b = AddDoc(&index, Doc{"قال واين مارتو."}.Add("واين مارتو", EntityType::kPer), "2021-03-01");
  auto c = AddDoc(&index, Doc{"قال الجنرال مايكل كوريلا."}.Add("مايكل كوريلا", EntityType::kPer));
  auto d = AddDoc(&index, Doc{"قال الجنرال مايكل كوريللا."}.Add("مايكل كوريللا", EntityType::kPer));
  EXPECT_EQ(a[0], b[0]);
  EXPECT_EQ(c[0], d[0]);
  EXPECT_NE(a[0], c[0]);
  const Entity* e = index.Get(a[0]);
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->documents, 2u);
  EXPECT_EQ(e->first_seen, "2021-02-22");
  EXPECT_EQ(e->last_seen, "2021-03-01");
}

TEST(EntityIndex, LoneSurnameJoinsTheOnlyPersonWithIt) {
  EntityIndex index;
  auto a = AddDoc(&index, Doc{"قال مصطفى الكاظمي."}.Add("مصطفى الكاظمي", EntityType::kPer));
  auto b = AddDoc(&index, Doc{"وقال الكاظمي."}.Add("الكاظمي", EntityType::kPer));
  EXPECT_EQ(a[0], b[0]);
}

TEST(EntityIndex, LoneSurnameSharedByTwoPeopleIsAmbiguousAndApart) {
  EntityIndex index;
  auto a = AddDoc(&index, Doc{"قال أحمد الخطيب."}.Add("أحمد الخطيب", EntityType::kPer));
  auto b = AddDoc(&index, Doc{"قال سامر الخطيب."}.Add("سامر الخطيب", EntityType::kPer));
  auto c = AddDoc(&index, Doc{"وقال الخطيب."}.Add("الخطيب", EntityType::kPer));
  EXPECT_NE(a[0], b[0]);
  EXPECT_NE(c[0], a[0]);
  EXPECT_NE(c[0], b[0]);
  const Entity* e = index.Get(c[0]);
  ASSERT_NE(e, nullptr);
  EXPECT_TRUE(e->ambiguous);
  EXPECT_EQ(e->candidates.size(), 2u);
}

TEST(EntityIndex, SurnameSeenFirstIsMergedWhenTheFullNameArrives) {
  EntityIndex index;
  auto a = AddDoc(&index, Doc{"وقال ماكاري."}.Add("ماكاري", EntityType::kPer));
  auto b = AddDoc(&index, Doc{"قال إيان ماكاري."}.Add("إيان ماكاري", EntityType::kPer));
  EXPECT_EQ(index.Get(a[0]), index.Get(b[0]));
  EXPECT_EQ(index.Get(a[0])->mentions, 2u);
}

TEST(EntityIndex, GazetteerEntitiesUseTheirIds) {
  EntityIndex index;
  auto a = AddDoc(&index, Doc{"قصف قرب دير الزور."}.Add("دير الزور", EntityType::kGpe, 0, "geonames:170794"));
  EXPECT_EQ(a[0], "geonames:170794");
  EXPECT_TRUE(index.Get(a[0])->gazetteer->has_coordinates);
}

}  // namespace
}  // namespace rasd::resolve
