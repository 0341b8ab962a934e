// Invariants of the whole per-article pipeline, checked on real text when
// ../shared is present (seeds, 1,000 SaudiNewsNet articles, Al Mayadeen) and
// on the project's example corpus always.
#include <gtest/gtest.h>

#include <map>

#include "rasd/pipeline.h"
#include "rasd/utf8.h"
#include "tests/testing.h"

namespace rasd {
namespace {

bool IsBoundary(std::string_view s, size_t off) {
  return off == s.size() || off == 0 || (static_cast<unsigned char>(s[off]) & 0xC0) != 0x80;
}

bool IsBlank(std::string_view s) {
  size_t pos = 0;
  while (pos < s.size()) {
    char32_t c = utf8::Next(s, &pos);
    bool space = c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == 0xA0 || c == 0x200F ||
                 c == 0x200E || c == 0xFEFF || c == 0x200B || c == 0x200C || c == '\f' || c == '\v' ||
                 (c >= 0x2000 && c <= 0x200A) || c == 0x202F || c == 0x3000 ||
                 (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x061C;
    if (!space) return false;
  }
  return true;
}

// Checks one analysed document; returns the number of violations reported.
void CheckInvariants(const Analysis& a) {
  const Document& d = a.doc;
  const std::string& src = d.source_text;
  // Paragraphs are exact source bytes; with removed spans they cover every
  // visible byte of the source, and the two never overlap.
  std::vector<std::pair<uint32_t, uint32_t>> covered;
  for (const Paragraph& p : d.paragraphs) {
    ASSERT_LE(p.source_begin + p.span.size(), src.size());
    ASSERT_EQ(p.span.Of(d.text), std::string_view(src).substr(p.source_begin, p.span.size()));
    covered.push_back({p.source_begin, p.source_begin + p.span.size()});
  }
  for (const Removed& r : d.removed) {
    ASSERT_LE(r.source.end, src.size());
    ASSERT_TRUE(IsBoundary(src, r.source.begin) && IsBoundary(src, r.source.end)) << d.uri;
    covered.push_back({r.source.begin, r.source.end});
  }
  std::sort(covered.begin(), covered.end());
  for (size_t i = 1; i < covered.size(); ++i) {
    ASSERT_LE(covered[i - 1].second, covered[i].first) << d.uri << ": overlapping spans";
  }
  if (d.split_from.empty() && d.appended.empty()) {
    uint32_t at = 0;
    for (const auto& [b, e] : covered) {
      ASSERT_TRUE(IsBlank(std::string_view(src).substr(at, b - at)))
          << d.uri << ": source bytes " << at << ".." << b << " neither kept nor removed: "
          << std::string_view(src).substr(at, std::min<uint32_t>(b - at, 200));
      at = e;
    }
    ASSERT_TRUE(IsBlank(std::string_view(src).substr(at))) << d.uri << ": unaccounted tail";
  }
  // Tokens: on code point boundaries, in order, gaps only whitespace, norm matches surface.
  uint32_t prev = 0;
  for (const text::Token& t : text::Tokenize(d.text)) {
    ASSERT_TRUE(IsBoundary(d.text, t.span.begin) && IsBoundary(d.text, t.span.end));
    ASSERT_LT(t.span.begin, t.span.end);
    ASSERT_GE(t.span.begin, prev);
    ASSERT_TRUE(IsBlank(std::string_view(d.text).substr(prev, t.span.begin - prev)));
    ASSERT_EQ(text::NormalizeKey(t.span.Of(d.text)), t.norm);
    ASSERT_GE(t.body_begin, t.span.begin);
    ASSERT_LT(t.body_begin, t.span.end);
    ASSERT_TRUE(IsBoundary(d.text, t.body_begin));
    prev = t.span.end;
  }
  ASSERT_TRUE(IsBlank(std::string_view(d.text).substr(prev)));
  for (Span s : a.sentences) ASSERT_LE(s.end, d.text.size());
}

std::vector<Analysis> AnalyzeAll(const std::vector<std::string>& sources, size_t limit,
                                 std::vector<std::string>* errors) {
  Analyzer analyzer;
  std::vector<Analysis> out;
  ingest::Reader reader;
  reader.Read(
      sources,
      [&](RawDoc&& raw) {
        auto r = analyzer.Analyze(raw);
        if (!r.ok()) {
          errors->push_back(raw.Name() + ": " + r.status().message());
        } else {
          for (auto& a : *r) out.push_back(std::move(a));
        }
        return out.size() < limit;
      },
      [&](const ingest::ReadError& e) { errors->push_back(e.ToString()); });
  return out;
}

TEST(PipelineProperties, HoldOnTheExampleCorpus) {
  std::vector<std::string> errors;
  auto docs = AnalyzeAll({rasd::testing::SourceDir() + "/examples/corpus"}, 1000, &errors);
  EXPECT_TRUE(errors.empty()) << errors.front();
  EXPECT_GE(docs.size(), 8u);
  for (const Analysis& a : docs) CheckInvariants(a);
}

TEST(PipelineProperties, HoldOnTheSeeds) {
  RASD_REQUIRE_SHARED(dir, "seeds");
  std::vector<std::string> errors;
  auto docs = AnalyzeAll({dir}, 1000, &errors);
  EXPECT_TRUE(errors.empty());
  EXPECT_EQ(docs.size(), 6u);  // five seeds, one with an appended article
  for (const Analysis& a : docs) CheckInvariants(a);
}

TEST(PipelineProperties, HoldOnAThousandSaudiNewsNetArticles) {
  RASD_REQUIRE_SHARED(zip, "data/saudinewsnet/2015-07-21.zip");
  std::vector<std::string> errors;
  auto docs = AnalyzeAll({zip}, 1000, &errors);
  EXPECT_EQ(docs.size(), 1000u);
  // Some records have an empty body; those, and only those, are reported.
  for (const auto& e : errors) {
    EXPECT_TRUE(e.find("no article text") != std::string::npos ||
                e.find("empty document") != std::string::npos)
        << e;
  }
  for (const Analysis& a : docs) CheckInvariants(a);
}

TEST(PipelineProperties, AlMayadeenIsFullyAnalysedAndItsPageChromeRemoved) {
  RASD_REQUIRE_SHARED(dir, "data/almayadeen-2023");
  std::vector<std::string> errors;
  auto docs = AnalyzeAll({dir}, 10000, &errors);
  EXPECT_TRUE(errors.empty()) << (errors.empty() ? "" : errors.front());
  std::map<std::string, int> reasons;
  size_t main_docs = 0;
  for (const Analysis& a : docs) {
    CheckInvariants(a);
    if (a.doc.split_from.empty()) ++main_docs;
    for (const Removed& r : a.doc.removed) ++reasons[r.reason];
    // No timestamp widget or footer survives.
    EXPECT_EQ(a.doc.text.find("جميع الحقوق محفوظة"), std::string::npos) << a.doc.uri;
    EXPECT_EQ(a.doc.text.find("تصفح المزيد"), std::string::npos) << a.doc.uri;
  }
  EXPECT_EQ(main_docs, 282u);
  EXPECT_GT(reasons["repeated-lead"], 250);
  EXPECT_GT(reasons["timestamp-list"], 1000);
  for (const auto& [reason, n] : reasons) std::printf("  removed %-20s %d\n", reason.c_str(), n);
}

}  // namespace
}  // namespace rasd
