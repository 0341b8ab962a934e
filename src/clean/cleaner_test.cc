// Cleaning behaviour on short articles written for these tests in the style
// of scraped Arabic news (see ../shared/seeds for the real thing).
#include <gtest/gtest.h>

#include <map>

#include "rasd/clean.h"

namespace rasd::clean {
namespace {

struct Result {
  std::vector<Document> docs;
  std::map<std::string, int> reasons;  // of the first document
};

Result CleanText(const std::string& text, MetadataHints hints = {}) {
  RawDoc raw;
  raw.uri = "fixture.txt";
  raw.content_type = "text/plain";
  SourceText src;
  src.text = text;
  src.encoding = "utf-8";
  src.hints = hints;
  auto docs = Clean(raw, src);
  EXPECT_TRUE(docs.ok()) << docs.status().ToString();
  Result r;
  if (!docs.ok()) return r;
  r.docs = *docs;
  for (const Removed& x : r.docs[0].removed) ++r.reasons[x.reason];
  return r;
}

const char* kBody1 =
    "أعلنت قيادة العمليات المشتركة، اليوم الثلاثاء، مقتل ثلاثة مسلحين في اشتباك قرب قضاء الحويجة.";
const char* kBody2 =
    "وأضافت القيادة في بيان أن القوات صادرت أسلحة ومعدات كانت بحوزة المسلحين، وأن التفتيش مستمر.";
const char* kBody3 =
    "وقال مصدر أمني إن الاشتباك استمر ساعتين قبل أن تصل تعزيزات من مدينة كركوك إلى المنطقة.";

std::string Lines(std::initializer_list<std::string> lines) {
  std::string s;
  for (const auto& l : lines) s += l + "\n";
  return s;
}

TEST(Clean, ShareButtonsInAnyLanguageAreRemoved) {
  auto r = CleanText(Lines({"عنوان الخبر عن الاشتباك", kBody1, "Share on facebook", "شارك عبر واتساب",
                            "Facebook Twitter WhatsApp Telegram", "فيسبوك | تويتر", kBody2}));
  EXPECT_EQ(r.reasons["share-buttons"], 4);
  EXPECT_EQ(r.docs[0].text, std::string(kBody1) + "\n" + kBody2);
}

TEST(Clean, FirstLineBecomesTitleAndItsRepeatIsRemoved) {
  auto r = CleanText(Lines({"مقتل ثلاثة مسلحين قرب الحويجة", "", "مقتل ثلاثة مسلحين قرب الحويجة", kBody1}));
  EXPECT_EQ(r.docs[0].title, "مقتل ثلاثة مسلحين قرب الحويجة");
  EXPECT_EQ(r.docs[0].title_from, "first-line");
  EXPECT_EQ(r.reasons["repeated-title"], 1);
  EXPECT_EQ(r.docs[0].text, kBody1);
}

TEST(Clean, MetadataTitleWinsAndMatchingFirstLineIsRemoved) {
  MetadataHints h;
  h.title = "مقتل ثلاثة مسلحين";
  h.title_from = "json:title";
  auto r = CleanText(Lines({"مقتل ثلاثة مسلحين", kBody1}), h);
  EXPECT_EQ(r.docs[0].title_from, "json:title");
  EXPECT_EQ(r.reasons["title"], 1);
}

TEST(Clean, ShortLinesUnderTheTitleAreCaptions) {
  auto r = CleanText(Lines({"مقتل ثلاثة مسلحين قرب الحويجة", "قوات عراقية في كركوك", "صورة أرشيفية", kBody1,
                            "عناصر من الشرطة - أرشيفية", kBody2}));
  EXPECT_EQ(r.reasons["caption"], 3);
  EXPECT_EQ(r.docs[0].paragraphs.size(), 2u);
}

TEST(Clean, SubheadingInsideTheBodyIsKept) {
  auto r = CleanText(Lines({"مقتل ثلاثة مسلحين قرب الحويجة", kBody1, "تعزيزات من كركوك", kBody3}));
  EXPECT_NE(r.docs[0].text.find("تعزيزات من كركوك"), std::string::npos);
}

TEST(Clean, BodyPrintedTwiceIsKeptOnce) {
  auto r = CleanText(Lines({"عنوان الخبر هنا", kBody1, kBody2, "وكالات", kBody1, kBody2, "وكالات"}));
  EXPECT_EQ(r.reasons["repeated-body"], 2);
  EXPECT_EQ(r.reasons["outlet-signature"], 2);
  EXPECT_EQ(r.docs[0].paragraphs.size(), 2u);
}

TEST(Clean, SingleRepeatedLineIsNamedAsSuch) {
  auto r = CleanText(Lines({"عنوان الخبر هنا", kBody1, kBody2, kBody1, kBody3}));
  EXPECT_EQ(r.reasons["repeated-line"], 1);
  EXPECT_EQ(r.docs[0].paragraphs.size(), 3u);
}

TEST(Clean, LineHoldingItsTextTwiceKeepsOneHalf) {
  std::string half = "وصول قافلة مساعدات إلى مدينة الرقة";
  auto r = CleanText(Lines({"عنوان الخبر هنا", kBody1, half + " " + half}));
  EXPECT_EQ(r.reasons["repeated-text"], 1);
  EXPECT_EQ(r.docs[0].text, std::string(kBody1) + "\n" + half);
}

TEST(Clean, ReadAlsoWithALinkTitleIsOneLineOnly) {
  auto r = CleanText(Lines({"عنوان الخبر هنا", kBody1, "اقرأ أيضاً: اشتباكات في ريف كركوك", kBody2}));
  EXPECT_EQ(r.reasons["read-also-link"], 1);
  EXPECT_EQ(r.docs.size(), 1u);
  EXPECT_EQ(r.docs[0].paragraphs.size(), 2u);
}

TEST(Clean, ReadAlsoFollowedByHeadlinesDropsTheList) {
  auto r = CleanText(Lines({"عنوان الخبر هنا", kBody1, "إقرأ أيضاً:", "اشتباكات في ريف كركوك",
                            "أسعار النفط ترتفع"}));
  EXPECT_EQ(r.docs.size(), 1u);
  EXPECT_EQ(r.reasons["related-links"], 2);
}

TEST(Clean, ReadAlsoFollowedByAnArticleSplitsIt) {
  auto r = CleanText(Lines({"عنوان الخبر الأول", kBody1, "المصدر: الحرة", "إقرأ أيضاً:",
                            "غارة على سيارة في ريف إدلب", kBody2, kBody3,
                            "خبر عاجل pic.twitter.com/abc — حساب (@acc) May 3, 2024"}));
  ASSERT_EQ(r.docs.size(), 2u);
  EXPECT_EQ(r.docs[0].text, kBody1);
  EXPECT_EQ(r.docs[0].outlet, "الحرة");
  EXPECT_EQ(r.docs[1].title, "غارة على سيارة في ريف إدلب");
  EXPECT_EQ(r.docs[1].text, std::string(kBody2) + "\n" + kBody3);
  EXPECT_EQ(r.docs[1].split_from, r.docs[0].id);
  EXPECT_EQ(r.docs[1].outlet_from, "parent");
  EXPECT_NE(r.docs[1].id, r.docs[0].id);
}

TEST(Clean, RelatedListEndsTheArticle) {
  auto r = CleanText(Lines({"عنوان الخبر هنا", kBody1, "الأكثر قراءة", kBody2, kBody3}));
  EXPECT_EQ(r.docs[0].text, kBody1);
  EXPECT_EQ(r.reasons["related-list"], 3);
}

TEST(Clean, OutletPrefixIsCutFromTheOpeningParagraphOnly) {
  std::string p = "المدينة نيوز :- " + std::string(kBody1);
  auto r = CleanText(Lines({"عنوان الخبر هنا", p, "شبكة أخرى :- " + std::string(kBody2)}));
  EXPECT_EQ(r.docs[0].outlet, "المدينة نيوز");
  EXPECT_EQ(r.docs[0].paragraphs.size(), 2u);
  EXPECT_TRUE(r.docs[0].text.starts_with(kBody1));
  EXPECT_NE(r.docs[0].text.find("شبكة أخرى :-"), std::string::npos);
  EXPECT_EQ(r.reasons["outlet-prefix"], 1);
}

TEST(Clean, SignaturesNameTheOutlet) {
  struct Case {
    const char* line;
    const char* outlet;
  } cases[] = {{"ليفانت نيوز_ وكالات", "ليفانت نيوز"},
               {"ليفانت-وكالات", "ليفانت نيوز"},
               {"خاص – sy24", "SY24"},
               {"المصدر: الحرة", "الحرة"},
               {"المصدر: وكالة محلية صغيرة", "وكالة محلية صغيرة"}};
  for (const auto& c : cases) {
    auto r = CleanText(Lines({"عنوان الخبر هنا", kBody1, c.line}));
    EXPECT_EQ(r.docs[0].outlet, c.outlet) << c.line;
    EXPECT_EQ(r.docs[0].text, kBody1) << c.line;
  }
}

TEST(Clean, HeaderDateLinesGiveThePublicationDate) {
  auto r = CleanText(Lines({"عنوان الخبر هنا", "تم نشره السبت 3rd حزيران / يونيو 2023 09:05 مساءً", kBody1}));
  EXPECT_EQ(r.docs[0].published.Iso(), "2023-06-03T21:05");
  EXPECT_EQ(r.docs[0].published.from, "header-line");
  EXPECT_EQ(r.reasons["publication-date"], 1);
}

TEST(Clean, EmbeddedTweetsAndWarningsAreRemoved) {
  auto r = CleanText(Lines({"عنوان الخبر هنا", kBody1,
                            "لحظة الانفجار https://t.co/x1 — مراسل (@reporter1) January 5, 2024",
                            "⚠️تحذير المحتوى", kBody2}));
  EXPECT_EQ(r.reasons["embedded-tweet"], 1);
  EXPECT_EQ(r.reasons["content-warning"], 1);
}

TEST(Clean, KeywordTagsAndThePageTailAfterThemAreRemoved) {
  MetadataHints h;
  h.title = "عنوان";
  h.keywords = {"كركوك", "العراق"};
  auto r = CleanText(Lines({kBody1, kBody2, "كركوك", "العراق", "نص ترويجي عن تغطية القناة المستمرة للأحداث في المنطقة كلها",
                            "اليوم 06:42", "20 آب", "تصفح المزيد", "جميع الحقوق محفوظة"}),
                     h);
  EXPECT_EQ(r.docs[0].paragraphs.size(), 2u);
  EXPECT_EQ(r.reasons["tag-list"], 2);
  EXPECT_GE(r.reasons["page-tail"] + r.reasons["timestamp-list"], 3);
}

TEST(Clean, LeadRepeatingTheDescriptionIsRemoved) {
  MetadataHints h;
  h.title = "عنوان";
  h.description = std::string(kBody1);
  auto r = CleanText(Lines({kBody1, kBody2}), h);
  EXPECT_EQ(r.reasons["repeated-lead"], 1);
  EXPECT_EQ(r.docs[0].text, kBody2);
}

TEST(Clean, BlocksDroppedByDecodingAreRecordedWithTheirReason) {
  RawDoc raw;
  raw.uri = "page.html";
  raw.content_type = "text/html";
  SourceText src;
  src.text = std::string("الرئيسية أخبار رياضة\n") + kBody1 + "\n";
  src.dropped.push_back({{0, static_cast<uint32_t>(strlen("الرئيسية أخبار رياضة"))}, "nav"});
  src.hints.title = "عنوان";
  auto docs = Clean(raw, src);
  ASSERT_TRUE(docs.ok());
  ASSERT_EQ((*docs)[0].removed.size(), 1u);
  EXPECT_EQ((*docs)[0].removed[0].reason, "nav");
  EXPECT_EQ((*docs)[0].text, kBody1);
}

TEST(Clean, NothingLeftIsAnError) {
  RawDoc raw;
  raw.uri = "x.txt";
  SourceText src;
  src.text = "Share on facebook\nShare on twitter\n";
  auto docs = Clean(raw, src);
  EXPECT_FALSE(docs.ok());
}

TEST(Clean, ParagraphsAreExactSourceBytes) {
  std::string text = Lines({"  عنوان الخبر هنا  ", "\t" + std::string(kBody1) + " \r", kBody2});
  auto r = CleanText(text);
  for (const Paragraph& p : r.docs[0].paragraphs) {
    EXPECT_EQ(p.span.Of(r.docs[0].text), std::string_view(text).substr(p.source_begin, p.span.size()));
  }
  EXPECT_EQ(r.docs[0].paragraphs[0].span.Of(r.docs[0].text), kBody1);
}

TEST(Clean, IdsAreStableAndDependOnTheSourceName) {
  EXPECT_EQ(DocumentId("a.txt", "", "x"), DocumentId("a.txt", "", "y"));
  EXPECT_NE(DocumentId("a.txt", "", "x"), DocumentId("b.txt", "", "x"));
  EXPECT_NE(DocumentId("f.jsonl", "line 1", "x"), DocumentId("f.jsonl", "line 2", "x"));
  // Without a name, the normalized text decides.
  EXPECT_EQ(DocumentId("stdin", "", "الدَّوْلي"), DocumentId("stdin", "", "الدولي"));
  EXPECT_EQ(DocumentId("a.txt", "", "x").size(), 16u);
}

TEST(CanonicalOutlet, KnowsSpellingsAndHosts) {
  EXPECT_EQ(CanonicalOutlet("aawsat"), "الشرق الأوسط");
  EXPECT_EQ(CanonicalOutlet("الشرق الاوسط"), "الشرق الأوسط");
  EXPECT_EQ(CanonicalOutlet("https://www.alhurra.com/iraq/2024/03/02/x"), "الحرة");
  EXPECT_EQ(CanonicalOutlet("https://unknown.example/x"), "");
}

}  // namespace
}  // namespace rasd::clean
