// Acceptance checks on the five seed articles in ../shared/seeds (skipped
// when absent). The seeds' text is not copied here: body lines are named by
// their line numbers in the seed files, as determined by reading them.
#include <gtest/gtest.h>

#include <map>

#include "rasd/clean.h"
#include "rasd/ingest.h"
#include "rasd/text.h"
#include "tests/testing.h"

namespace rasd::clean {
namespace {

struct BodyLine {
  int line;                     // 1-based line number in the seed file
  const char* after = nullptr;  // content starts after this marker (an outlet prefix)
};

std::vector<std::string> SeedLines(const std::string& text) {
  std::vector<std::string> lines;
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string::npos) nl = text.size();
    lines.push_back(text.substr(pos, nl - pos));
    pos = nl + 1;
  }
  return lines;
}

size_t Count(const std::string& hay, const std::string& needle) {
  size_t n = 0, pos = 0;
  while ((pos = hay.find(needle, pos)) != std::string::npos) {
    ++n;
    pos += needle.size();
  }
  return n;
}

std::vector<Document> CleanSeed(const std::string& path) {
  RawDoc raw;
  raw.uri = path;
  raw.content_type = "text/plain";
  raw.bytes = rasd::testing::ReadFile(path);
  auto src = ingest::Decode(raw);
  EXPECT_TRUE(src.ok());
  auto docs = Clean(raw, *src);
  EXPECT_TRUE(docs.ok()) << docs.status().ToString();
  return docs.ok() ? *docs : std::vector<Document>{};
}

// Every sentence of every listed body line is in `doc.text` exactly once.
void ExpectBody(const std::string& seed, const Document& doc, const std::vector<BodyLine>& body) {
  std::vector<std::string> lines = SeedLines(seed);
  for (const BodyLine& b : body) {
    std::string line = lines.at(b.line - 1);
    if (b.after) {
      size_t at = line.find(b.after);
      ASSERT_NE(at, std::string::npos);
      line = line.substr(at + strlen(b.after));
    }
    for (Span s : text::SplitSentences(line)) {
      std::string sentence(s.Of(line));
      EXPECT_EQ(Count(doc.text, sentence), 1u) << "line " << b.line << ": " << sentence;
    }
  }
}

std::map<std::string, int> Reasons(const Document& d) {
  std::map<std::string, int> r;
  for (const Removed& x : d.removed) ++r[x.reason];
  return r;
}

class SeedsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto dir = rasd::testing::SharedPath("seeds");
    if (!dir) GTEST_SKIP() << "../shared/seeds is absent";
    dir_ = *dir;
  }
  std::string Path(const char* name) { return dir_ + "/" + name; }
  std::string dir_;
};

TEST_F(SeedsTest, Seed000RepeatedBodyAppearsOnceAndButtonsGo) {
  std::string path = Path("000_bac9c7c1f76c7e6a.txt");
  auto docs = CleanSeed(path);
  ASSERT_EQ(docs.size(), 1u);
  const Document& d = docs[0];
  ExpectBody(rasd::testing::ReadFile(path), d, {{6}, {8}, {12}, {14}, {16}, {18}, {22}, {24}});
  EXPECT_EQ(d.text.find("Share on"), std::string::npos);
  auto r = Reasons(d);
  EXPECT_EQ(r["share-buttons"], 10);
  EXPECT_EQ(r["caption"], 4);
  EXPECT_EQ(r["outlet-signature"], 2);
  EXPECT_EQ(r["repeated-body"], 8);
  EXPECT_EQ(d.outlet, "ليفانت نيوز");
  EXPECT_FALSE(d.published.known());
}

TEST_F(SeedsTest, Seed001HeaderDateOutletAndRelatedList) {
  std::string path = Path("001_e06b5984a08a1c1c.txt");
  auto docs = CleanSeed(path);
  ASSERT_EQ(docs.size(), 1u);
  const Document& d = docs[0];
  ExpectBody(rasd::testing::ReadFile(path), d,
             {{7, ":-"}, {9}, {11}, {13}, {14}, {16}, {18}, {20}, {22}});
  EXPECT_EQ(d.published.Iso(), "2021-02-22T13:43");
  EXPECT_EQ(d.published.from, "header-line");
  EXPECT_EQ(d.outlet, "المدينة نيوز");
  EXPECT_EQ(d.text.find("مواضيع ساخنة"), std::string::npos);
  EXPECT_EQ(d.text.find("المدينة نيوز"), std::string::npos);
  // The related list and everything after it is removed.
  std::vector<std::string> lines = SeedLines(rasd::testing::ReadFile(path));
  for (int i = 28; i <= 44; ++i) {
    std::string head = lines[i - 1].substr(0, 40);
    EXPECT_EQ(d.text.find(head), std::string::npos) << "line " << i;
  }
  EXPECT_EQ(Reasons(d)["related-list"], 17);
}

TEST_F(SeedsTest, Seed002SplitsTheAppendedArticle) {
  std::string path = Path("002_8f288d6a70ae7542.txt");
  std::string seed = rasd::testing::ReadFile(path);
  auto docs = CleanSeed(path);
  ASSERT_EQ(docs.size(), 2u);
  const Document& main = docs[0];
  const Document& appended = docs[1];
  ExpectBody(seed, main, {{3}, {4}, {5}, {6}, {7}, {8}, {9}, {10}, {11}, {12}, {13}, {14}});
  EXPECT_EQ(main.published.Iso(), "2024-03-02");
  EXPECT_EQ(main.outlet, "الحرة");
  ExpectBody(seed, appended,
             {{18}, {19}, {20}, {21}, {25}, {26}, {27}, {28}, {29}, {30}, {31}, {32}, {33}, {34}});
  EXPECT_EQ(appended.split_from, main.id);
  ASSERT_EQ(main.appended.size(), 1u);
  EXPECT_EQ(main.appended[0], appended.id);
  // A 2025 article: nothing is inherited from the 2024 interview; the date of
  // the tweets it embeds says how recent it is at least.
  EXPECT_EQ(appended.published.Iso(), "2025-02-21");
  EXPECT_EQ(appended.published.from, "embedded-post");
  EXPECT_EQ(appended.text.find("pic.twitter.com"), std::string::npos);
  EXPECT_EQ(appended.text.find("تحذير المحتوى"), std::string::npos);
  auto r = Reasons(appended);
  EXPECT_EQ(r["embedded-tweet"], 2);
  EXPECT_EQ(r["content-warning"], 1);
  // Main-article sentences do not leak into the appended one, nor the reverse.
  EXPECT_EQ(appended.text.find("مكاري"), std::string::npos);
  EXPECT_EQ(main.text.find("الدانا"), std::string::npos);
}

TEST_F(SeedsTest, Seed003SocialHeaderAndSy24Outlet) {
  std::string path = Path("003_3f1ad6bf6c4ef589.txt");
  auto docs = CleanSeed(path);
  ASSERT_EQ(docs.size(), 1u);
  const Document& d = docs[0];
  ExpectBody(rasd::testing::ReadFile(path), d, {{10}, {12}, {14}, {16}, {18}, {20}, {22}, {24}, {26}});
  EXPECT_EQ(Reasons(d)["share-buttons"], 4);
  EXPECT_EQ(d.outlet, "SY24");
  EXPECT_EQ(d.text.find("sy24"), std::string::npos);
  EXPECT_EQ(d.text.find("Facebook"), std::string::npos);
}

TEST_F(SeedsTest, Seed004RepeatedBodyAndCaptions) {
  std::string path = Path("004_6f6791e43a9981b4.txt");
  auto docs = CleanSeed(path);
  ASSERT_EQ(docs.size(), 1u);
  const Document& d = docs[0];
  ExpectBody(rasd::testing::ReadFile(path), d, {{6}, {8}, {12}, {14}, {16}, {20}, {22}});
  auto r = Reasons(d);
  EXPECT_EQ(r["share-buttons"], 10);
  EXPECT_GE(r["caption"], 3);
  EXPECT_EQ(r["outlet-signature"], 2);
  EXPECT_EQ(d.text.find("أرشيفية"), std::string::npos);
}

TEST_F(SeedsTest, EveryParagraphAndRemovedSpanMapsToTheSource) {
  for (const char* name : {"000_bac9c7c1f76c7e6a.txt", "001_e06b5984a08a1c1c.txt",
                           "002_8f288d6a70ae7542.txt", "003_3f1ad6bf6c4ef589.txt",
                           "004_6f6791e43a9981b4.txt"}) {
    for (const Document& d : CleanSeed(Path(name))) {
      for (const Paragraph& p : d.paragraphs) {
        EXPECT_EQ(p.span.Of(d.text), std::string_view(d.source_text).substr(p.source_begin, p.span.size()));
      }
      for (const text::Token& t : text::Tokenize(d.text)) {
        EXPECT_LE(t.span.end, d.text.size());
        EXPECT_EQ(d.text.substr(t.span.begin, t.span.size()), std::string(t.span.Of(d.text)));
      }
    }
  }
}

}  // namespace
}  // namespace rasd::clean
