// ExactKey on the real SaudiNewsNet corpus against an independent count of
// exact duplicates (whole raw strings after whitespace collapsing). Skips when
// ../shared is absent.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "rasd/dedupe.h"
#include "rasd/ingest.h"
#include "rasd/text.h"
#include "tests/testing.h"

namespace rasd::dedupe {
namespace {

// The whitespace Python's str.split() splits on.
bool IsSpace(char32_t c) {
  return (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x20) || c == 0x85 || c == 0xA0 ||
         c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F ||
         c == 0x205F || c == 0x3000;
}

// ' '.join(s.split()) in Python.
std::string JoinSplit(const std::string& s) {
  std::string out;
  bool gap = false;
  for (size_t i = 0; i < s.size();) {
    unsigned char c = s[i];
    size_t len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : 4;
    len = std::min(len, s.size() - i);
    char32_t cp = len == 1 ? c : len == 2 ? c & 0x1F : len == 3 ? c & 0x0F : c & 0x07;
    for (size_t k = 1; k < len; ++k) cp = cp << 6 | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    if (IsSpace(cp)) {
      gap = !out.empty();
    } else {
      if (gap) out.push_back(' ');
      gap = false;
      out.append(s, i, len);
    }
    i += len;
  }
  return out;
}

TEST(SaudiNewsNet, ExactKeyFindsEveryIndependentDuplicateAndFewMore) {
  RASD_REQUIRE_SHARED(dir, "data/saudinewsnet");
  std::vector<std::string> zips;
  for (const auto& e : std::filesystem::directory_iterator(dir)) {
    if (e.path().extension() == ".zip") zips.push_back(e.path().string());
  }
  std::sort(zips.begin(), zips.end());
  std::vector<std::string> texts;
  size_t empty = 0;
  ingest::Reader().Read(
      zips,
      [&](RawDoc&& d) {
        texts.push_back(std::move(d.bytes));
        return true;
      },
      [&](const ingest::ReadError&) { ++empty; });
  ASSERT_EQ(texts.size() + empty, 31030u);

  std::unordered_set<std::string> bytes_seen, joined_seen;
  std::unordered_map<uint64_t, size_t> key_first;
  size_t byte_dups = 0, independent = 0, blank_dups = 0, by_key = 0, extra = 0;
  for (size_t i = 0; i < texts.size(); ++i) {
    byte_dups += !bytes_seen.insert(texts[i]).second;
    std::string joined = JoinSplit(texts[i]);
    bool dup = !joined_seen.insert(joined).second;
    independent += dup;
    blank_dups += dup && joined.empty();
    auto [it, fresh] = key_first.emplace(ExactKey(texts[i]), i);
    by_key += !fresh;
    EXPECT_TRUE(!dup || !fresh) << "ExactKey misses an exact duplicate: record " << i;
    if (!fresh && !dup) {
      // Equal only after normalization (diacritics, alef forms, ...), never by a hash collision.
      ++extra;
      EXPECT_EQ(JoinSplit(text::NormalizeKey(texts[it->second])),
                JoinSplit(text::NormalizeKey(texts[i])));
    }
  }
  // The corpus README's "896 exact duplicate bodies": byte-identical content,
  // counting the empty-content records among themselves.
  EXPECT_EQ(byte_dups + empty - 1, 896u);
  // docs/dedupe.md: 772 non-blank duplicates by the Python one-liner, 25 more by ExactKey.
  EXPECT_EQ(independent - blank_dups, 772u);
  EXPECT_EQ(by_key, independent + extra);
  EXPECT_LE(extra, texts.size() / 500);
}

}  // namespace
}  // namespace rasd::dedupe
