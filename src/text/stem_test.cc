#include <gtest/gtest.h>

#include <sstream>

#include "rasd/text.h"
#include "tests/testing.h"

namespace rasd::text {
namespace {

std::string Stem(std::string_view word) { return LightStem(NormalizeKey(word)); }

TEST(LightStem, StripsCliticsAndSuffixes) {
  struct Case {
    const char* word;
    const char* stem;
  } cases[] = {
      {"وتحالفات", "تحالف"}, {"والتحالفات", "تحالف"}, {"للتحالف", "تحالف"},
      {"التحالف", "تحالف"},  {"والعراق", "عراق"},     {"بمقتل", "مقتل"},
      {"لسوريا", "سوريا"},   {"وقال", "قال"},         {"العراقيون", "عراق"},
      {"مقاتليها", "مقاتل"}, {"اعتقالات", "اعتقال"},  {"٢٠٢١", "2021"},
  };
  for (const auto& c : cases) EXPECT_EQ(Stem(c.word), NormalizeKey(c.stem)) << c.word;
}

TEST(LightStem, KeepsLettersThatBelongToTheWord) {
  const char* words[] = {"وزير", "فرنسا", "بيروت", "لبنان", "كتائب", "بيان", "واشنطن", "فلسطين"};
  for (const char* w : words) {
    std::string s = Stem(w);
    EXPECT_EQ(s.substr(0, 2), NormalizeKey(w).substr(0, 2)) << w << " -> " << s;
  }
  EXPECT_EQ(Stem("ووزير"), NormalizeKey("وزير"));
  EXPECT_EQ(Stem("لبنان"), NormalizeKey("لبنان"));
}

TEST(LightStem, LeavesShortAndFunctionWordsAlone) {
  EXPECT_EQ(Stem("في"), "في");
  EXPECT_EQ(Stem("الذي"), NormalizeKey("الذي"));
  EXPECT_EQ(Stem("ألف"), NormalizeKey("ألف"));
  EXPECT_EQ(Stem("وجه"), NormalizeKey("وجه"));
}

TEST(LightStem, NonArabicWordsAreUnchanged) {
  EXPECT_EQ(LightStem("sy24"), "sy24");
  EXPECT_EQ(LightStem(""), "");
}

// The hand-checked list the benchmark also uses (tests/fixtures/conflation.tsv).
TEST(LightStem, ConflationListHolds) {
  std::string file = rasd::testing::ReadFile(rasd::testing::SourceDir() + "/tests/fixtures/conflation.tsv");
  std::istringstream in(file);
  std::string line;
  int families = 0, families_ok = 0, pairs = 0, pairs_ok = 0;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream ls(line.substr(2));
    std::vector<std::string> words;
    std::string w;
    char sep = line[0] == 'F' ? ' ' : '\t';
    while (std::getline(ls, w, sep)) {
      if (!w.empty()) words.push_back(w);
    }
    if (line[0] == 'F') {
      ++families;
      bool ok = true;
      for (const auto& x : words) ok = ok && Stem(x) == Stem(words[0]);
      if (ok) {
        ++families_ok;
      } else {
        ADD_FAILURE() << "family does not conflate: " << line;
      }
    } else if (line[0] == 'N' && words.size() == 2) {
      ++pairs;
      if (Stem(words[0]) != Stem(words[1])) {
        ++pairs_ok;
      } else {
        ADD_FAILURE() << "pair conflates: " << words[0] << " / " << words[1];
      }
    }
  }
  EXPECT_GE(families, 100);
  EXPECT_GE(pairs, 100);
  RecordProperty("families_ok", families_ok);
  RecordProperty("pairs_ok", pairs_ok);
}

}  // namespace
}  // namespace rasd::text
