#include <gtest/gtest.h>

#include <random>

#include "rasd/text.h"
#include "rasd/utf8.h"

namespace rasd::text {
namespace {

struct Case {
  const char* in;
  const char* out;
};

TEST(Normalize, FoldsArabicVariantsForMatching) {
  const Case cases[] = {
      {"الدَّوْليّ", "الدولي"},           // tashkeel
      {"تـنـظـيـم", "تنظيم"},             // tatweel
      {"أإآٱ", "اااا"},                   // alef forms
      {"مستشفى", "مستشفي"},               // alef maqsura
      {"مدينة", "مدينه"},                 // ta marbuta
      {"مسؤول مسئول", "مسوول مسيول"},     // hamza on a carrier
      {"٢٠٢١ ۲۰۲۱", "2021 2021"},         // Arabic-Indic and Persian digits
      {"نعم، لا؛ لماذا؟", "نعم, لا; لماذا?"},
      {"Share On FACEBOOK", "share on facebook"},
      {"ﻻ", "لا"},                        // presentation form via NFKC
      {"ﷲ", "الله"},                      // ligature via NFKC
      {"café", "cafe"},                   // accents are dropped for matching
      {"a\u00A0b\tc\nd", "a b c d"},      // every space becomes ' '
      {"ab\u200Fc\u200D", "abc"},         // invisible marks dropped
      {"ی ک", "ي ك"},                     // Persian ya and kaf
  };
  for (const Case& c : cases) EXPECT_EQ(NormalizeKey(c.in), c.out) << c.in;
}

TEST(Normalize, OptionsTurnFoldsOff) {
  NormalizeOptions o;
  o.fold_ta_marbuta = false;
  o.fold_alef = false;
  EXPECT_EQ(Normalize("أمة", o).text, "أمة");
}

void CheckInvariant(std::string_view in) {
  Normalized n = Normalize(in);
  ASSERT_EQ(n.norm_to_orig.size(), n.text.size() + 1);
  EXPECT_EQ(n.norm_to_orig.back(), in.size());
  for (size_t i = 1; i < n.norm_to_orig.size(); ++i) {
    ASSERT_LE(n.norm_to_orig[i - 1], n.norm_to_orig[i]);
  }
  for (size_t i = 0; i < n.text.size(); ++i) ASSERT_LT(n.norm_to_orig[i], in.size());
}

TEST(Normalize, OffsetMapInvariantHolds) {
  CheckInvariant("");
  CheckInvariant("الدَّوْليّ ﷲ café ٢٠٢١");
  CheckInvariant("\xFF\xFE invalid \xC0");
}

TEST(Normalize, OffsetMapInvariantHoldsOnRandomBytes) {
  std::mt19937 rng(42);
  const std::string alphabet[] = {"ا", "ً", "ـ", "ﷲ", "é", "e\u0301", " ", "\xFF", "a", "٣", "😀",
                                  "\u200F", "أ", "ﻻ", "\xD8", "."};
  for (int iter = 0; iter < 2000; ++iter) {
    std::string s;
    int len = rng() % 20;
    for (int i = 0; i < len; ++i) s += alphabet[rng() % std::size(alphabet)];
    CheckInvariant(s);
  }
}

TEST(Normalize, MapsNormalizedSpansBackToTheOriginal) {
  std::string in = "قال الدَّوْليّ أمس";
  Normalized n = Normalize(in);
  size_t at = n.text.find("الدولي");
  ASSERT_NE(at, std::string::npos);
  Span orig = n.ToOriginal(static_cast<uint32_t>(at), static_cast<uint32_t>(at + strlen("الدولي")));
  EXPECT_EQ(orig.Of(in), "الدَّوْليّ");
}

}  // namespace
}  // namespace rasd::text
