#include <gtest/gtest.h>

#include "rasd/text.h"

namespace rasd::text {
namespace {

std::vector<std::string> Sentences(std::string_view text) {
  std::vector<std::string> out;
  for (Span s : SplitSentences(text)) out.emplace_back(s.Of(text));
  return out;
}

TEST(Sentences, BreakAfterTerminalsAndAtLineBreaks) {
  EXPECT_EQ(Sentences("قال إن الوضع خطير. وأضاف: نعم؟ لا!\nسطر جديد"),
            (std::vector<std::string>{"قال إن الوضع خطير.", "وأضاف: نعم؟", "لا!", "سطر جديد"}));
}

TEST(Sentences, DecimalsAndClosingQuotesStayInside) {
  EXPECT_EQ(Sentences("بلغ 2.5 مليون. قال “انتهى.” ثم غادر"),
            (std::vector<std::string>{"بلغ 2.5 مليون.", "قال “انتهى.”", "ثم غادر"}));
}

TEST(Sentences, EmptyAndBlankTextGiveNothing) {
  EXPECT_TRUE(SplitSentences("").empty());
  EXPECT_TRUE(SplitSentences(" \n \n").empty());
}

}  // namespace
}  // namespace rasd::text
