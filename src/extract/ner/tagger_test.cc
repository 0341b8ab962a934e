#include "extract/ner/tagger.h"

#include <gtest/gtest.h>

#include <cstring>

#include "extract/ner/gazetteer.h"
#include "rasd/data.h"

namespace rasd::ner {
namespace {

// The two models of the shipped file.
std::unique_ptr<Tagger> ShippedTagger() {
  std::string_view bytes = data::Get("ner/model.bin");
  std::string_view parts[2];
  bytes.remove_prefix(8);  // "RASDNER2"
  for (std::string_view& part : parts) {
    uint64_t len = 0;
    std::memcpy(&len, bytes.data(), 8);
    part = bytes.substr(8, len);
    bytes.remove_prefix(8 + len);
  }
  auto t = Tagger::Load(parts[0], parts[1]);
  return t.ok() ? std::move(*t) : nullptr;
}

// Titles, quotes, gazetteer names of every class, given names, Latin words,
// numbers, long transliterated names (letter trigrams) and a one-word sentence.
constexpr const char* kText =
    "قال الرئيس الأمريكي جو بايدن إن “قوات سوريا الديمقراطية” سيطرت على بلدة سرمين في ريف إدلب. "
    "وأوضح المتحدث باسم التحالف العقيد واين ماروتو أن دونالد رامسفيلد زار بغداد والرقة مع 25 جنديا "
    "من NATO. "
    "السوريون. "
    "أعلنت وزارة الداخلية السعودية أن «داعش» هاجم مدينة الموصل يوم الأحد، ثم انسحب.";

TEST(Tagger, FastScoresEqualTheSumsOfFeaturesWeights) {
  std::unique_ptr<Tagger> tagger = ShippedTagger();
  ASSERT_NE(tagger, nullptr);
  ASSERT_TRUE(tagger->two_pass());
  std::string text = kText;
  std::vector<TokenInfo> infos = MakeInfos(text::Tokenize(text), text, Gazetteer::Default());
  ASSERT_GT(infos.size(), 50u);
  // Every document class, on neighbours of every kind.
  const char kDoc[] = {0, 'n', 'P', 'L', 'O', 'M'};
  for (size_t i = 0; i < infos.size(); ++i) infos[i].doc = kDoc[(i * 7 / 3) % 6];
  // Whole text as one sentence, and pieces as short as one token; twice, so
  // the second time the words come from the cache.
  for (int round = 0; round < 2; ++round) {
    for (size_t len : {infos.size(), size_t{1}, size_t{2}, size_t{5}}) {
      for (size_t b = 0; b < infos.size(); b += len) {
        std::span<TokenInfo> seq(infos.data() + b, std::min(len, infos.size() - b));
        std::vector<int32_t> fast = tagger->Scores(seq, false);
        std::vector<int32_t> reference = tagger->Scores(seq, true);
        ASSERT_EQ(fast, reference) << "sentence of " << seq.size() << " tokens at " << b;
      }
    }
  }
}

TEST(Tagger, ModelsWithDifferentVocabulariesAreRejected) {
  std::unique_ptr<Tagger> shipped = ShippedTagger();
  ASSERT_NE(shipped, nullptr);
  std::vector<TaggedSentence> data = {{{"قال", "سالم"}, {"O", "B-PER"}}};
  TrainOptions o;
  o.epochs = 1;
  o.document_pass = false;
  auto tiny = Train(data, o, nullptr);
  ASSERT_TRUE(tiny.ok());
  std::string_view bytes = data::Get("ner/model.bin");
  uint64_t len = 0;
  std::memcpy(&len, bytes.data() + 8, 8);
  EXPECT_FALSE(Tagger::Load(bytes.substr(16, len), *tiny).ok());
  EXPECT_TRUE(Tagger::Load(*tiny, "").ok());
}

}  // namespace
}  // namespace rasd::ner
