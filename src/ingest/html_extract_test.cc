#include "ingest/html_extract.h"

#include <gtest/gtest.h>
#include <simdjson.h>

#include <algorithm>
#include <cstdio>
#include <map>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "rasd/utf8.h"
#include "tests/testing.h"

namespace rasd::ingest {
namespace {

std::string Fixture(const std::string& name) {
  return rasd::testing::ReadFile(rasd::testing::SourceDir() + "/tests/fixtures/html/" + name);
}

HtmlPage MustExtract(std::string_view html, const HtmlOptions& options = {}) {
  StatusOr<HtmlPage> page = ExtractHtml(html, options);
  EXPECT_TRUE(page.ok()) << page.status().ToString();
  return page.ok() ? std::move(page).value() : HtmlPage();
}

// The first block whose text contains `needle`, or nullptr.
const HtmlBlock* FindBlock(const HtmlPage& page, std::string_view needle) {
  for (const HtmlBlock& b : page.blocks) {
    if (b.text.find(needle) != std::string::npos) return &b;
  }
  return nullptr;
}

// The drop reason of the block containing `needle` ("<missing>" when there is none).
std::string ReasonOf(const HtmlPage& page, std::string_view needle) {
  const HtmlBlock* b = FindBlock(page, needle);
  return b == nullptr ? "<missing>" : b->drop_reason;
}

std::string KeptText(const HtmlPage& page) {
  std::string out;
  for (const HtmlBlock& b : page.blocks) {
    if (!b.drop_reason.empty()) continue;
    if (!out.empty()) out += '\n';
    out += b.text;
  }
  return out;
}

bool AnyBlockContains(const HtmlPage& page, std::string_view needle) {
  return FindBlock(page, needle) != nullptr;
}

// Token-level F1 over bags of whitespace-separated tokens.
double TokenF1(const std::string& predicted, const std::string& gold) {
  auto bag = [](const std::string& s) {
    std::map<std::string, int> counts;
    std::istringstream in(s);
    std::string token;
    while (in >> token) ++counts[token];
    return counts;
  };
  std::map<std::string, int> p = bag(predicted), g = bag(gold);
  int p_total = 0, g_total = 0, overlap = 0;
  for (const auto& [token, n] : p) p_total += n;
  for (const auto& [token, n] : g) {
    g_total += n;
    auto it = p.find(token);
    if (it != p.end()) overlap += std::min(n, it->second);
  }
  if (overlap == 0) return 0.0;
  double precision = static_cast<double>(overlap) / p_total;
  double recall = static_cast<double>(overlap) / g_total;
  return 2 * precision * recall / (precision + recall);
}

TEST(HtmlExtract, KeepsArticleParagraphsInDocumentOrder) {
  HtmlPage page = MustExtract(Fixture("news_page.html"));
  std::string kept = KeptText(page);
  size_t first = kept.find("أعلنت السلطات المحلية");
  size_t second = kept.find("وقال رئيس البلدية");
  size_t third = kept.find("وأضاف أن تكلفة الجسر");
  size_t fourth = kept.find("من جهتهم");
  size_t last = kept.find("ومن المنتظر أن تستكمل");
  ASSERT_NE(first, std::string::npos);
  ASSERT_NE(last, std::string::npos);
  EXPECT_LT(first, second);
  EXPECT_LT(second, third);
  EXPECT_LT(third, fourth);
  EXPECT_LT(fourth, last);
}

TEST(HtmlExtract, NavHeaderFooterAndAsideAreDroppedWithReasons) {
  HtmlPage page = MustExtract(Fixture("news_page.html"));
  EXPECT_EQ(ReasonOf(page, "محليات"), "nav");
  EXPECT_EQ(ReasonOf(page, "صحيفة الوادي"), "header");
  EXPECT_EQ(ReasonOf(page, "جميع الحقوق محفوظة"), "footer");
  EXPECT_EQ(ReasonOf(page, "تعادل مثير في مباراة القمة"), "aside");
  EXPECT_EQ(ReasonOf(page, "الرئيسية > محليات"), "breadcrumbs");
}

TEST(HtmlExtract, ShareBarIsDroppedWithReason) {
  HtmlPage page = MustExtract(Fixture("news_page.html"));
  EXPECT_EQ(ReasonOf(page, "شارك على فيسبوك"), "share-buttons");
}

TEST(HtmlExtract, RelatedListIsDroppedWithReason) {
  HtmlPage page = MustExtract(Fixture("news_page.html"));
  EXPECT_EQ(ReasonOf(page, "اقرأ أيضا"), "related-list");
  EXPECT_EQ(ReasonOf(page, "ارتفاع منسوب مياه النهر"), "related-list");
}

TEST(HtmlExtract, CommentsAdsCaptionsAndCookieBannerAreDroppedWithReasons) {
  HtmlPage page = MustExtract(Fixture("news_page.html"));
  EXPECT_EQ(ReasonOf(page, "مبروك لأهل المدينة"), "comments");
  EXPECT_EQ(ReasonOf(page, "إعلان"), "ad");
  EXPECT_EQ(ReasonOf(page, "الجسر الجديد كما بدا"), "caption");
  EXPECT_EQ(ReasonOf(page, "ملفات تعريف الارتباط"), "cookie-banner");
}

TEST(HtmlExtract, ScriptStyleAndTemplateProduceNoBlocks) {
  HtmlPage page = MustExtract(Fixture("news_page.html"));
  EXPECT_FALSE(AnyBlockContains(page, "نص برمجي"));
  EXPECT_FALSE(AnyBlockContains(page, "إعلان مدمج"));
  EXPECT_FALSE(AnyBlockContains(page, "قالب مخفي"));
  EXPECT_FALSE(AnyBlockContains(page, "نهاية الصفحة"));
  EXPECT_FALSE(AnyBlockContains(page, "font-family"));
  EXPECT_FALSE(AnyBlockContains(page, "افتتاح جسر النهر الجديد |"));  // <title> is not text
}

TEST(HtmlExtract, NoscriptIframeAndSvgProduceNoBlocks) {
  HtmlPage page = MustExtract(
      "<body><p>نص المقال الأساسي يبقى ظاهرا للقارئ في كل الأحوال.</p>"
      "<noscript>فعّل الجافاسكريبت</noscript><iframe>إطار</iframe>"
      "<svg><text>رسم</text><title>عنوان الرسم</title></svg></body>");
  ASSERT_EQ(page.blocks.size(), 1u);
  EXPECT_EQ(page.blocks[0].drop_reason, "");
}

TEST(HtmlExtract, TextOutsideTheMainContainerIsMarked) {
  HtmlPage page = MustExtract(R"(<body>
    <div class="top">مرحبا بكم في موقعنا</div>
    <div class="col1">
      <p>أكدت وزارة الصحة، في بيان صدر مساء الأحد، تسجيل تراجع ملحوظ في عدد الإصابات بالإنفلونزا الموسمية خلال الأسبوع الماضي.</p>
      <p>وأوضح البيان أن حملة التلقيح، التي انطلقت قبل شهرين، شملت أكثر من مئة ألف شخص في مختلف المحافظات.</p>
      <p>ودعت الوزارة، في ختام بيانها، كبار السن إلى مواصلة ارتداء الكمامات في الأماكن المغلقة.</p>
    </div>
    <div class="col2"><div>طقس اليوم: مشمس</div><div>أسعار العملات</div></div>
  </body>)");
  EXPECT_EQ(ReasonOf(page, "أكدت وزارة الصحة"), "");
  EXPECT_EQ(ReasonOf(page, "ودعت الوزارة"), "");
  EXPECT_EQ(ReasonOf(page, "مرحبا بكم"), "outside-main-content");
  EXPECT_EQ(ReasonOf(page, "طقس اليوم"), "outside-main-content");
}

TEST(HtmlExtract, LinkListInsideTheArticleIsDroppedForLinkDensity) {
  HtmlPage page = MustExtract(R"(<body><div>
    <p>قررت اللجنة الأولمبية، خلال اجتماعها الدوري، تأجيل البطولة الإقليمية إلى فصل الربيع، بسبب أشغال الصيانة في الملعب الرئيسي.</p>
    <p>وقال المتحدث باسم اللجنة، في تصريح مقتضب، إن القرار اتخذ بالإجماع، وإن الفرق المشاركة أُبلغت بالموعد الجديد.</p>
    <div><a href="/a">نتائج الجولة الأولى</a> <a href="/b">ترتيب الفرق</a> <a href="/c">جدول المباريات</a></div>
    <p>اقرأ أيضا: <a href="/d">اللجنة الأولمبية تعلن قائمة الحكام الجدد للموسم المقبل</a></p>
  </div></body>)");
  EXPECT_EQ(ReasonOf(page, "قررت اللجنة الأولمبية"), "");
  EXPECT_EQ(ReasonOf(page, "نتائج الجولة الأولى"), "link-density");
  EXPECT_EQ(ReasonOf(page, "اقرأ أيضا"), "link-density");
}

TEST(HtmlExtract, SiteNoticeLinkingToLegalPagesIsDropped) {
  HtmlPage page = MustExtract(R"(<body><div id="story">
    <p>وصلت قافلة مساعدات إنسانية جديدة، صباح الخميس، إلى البلدات المتضررة من الفيضانات، محملة بالأغذية والأدوية والأغطية.</p>
    <p>وأفاد منسق القافلة، في اتصال هاتفي، بأن فرق الإغاثة ستواصل عملها، رغم صعوبة الوصول إلى بعض القرى المعزولة.</p>
    <p>وأشار إلى أن السلطات المحلية، بالتعاون مع المنظمات الأهلية، فتحت مراكز إيواء مؤقتة لاستقبال العائلات المتضررة.</p>
    <div><p>نرحب بتعليقاتكم، ونرجو الالتزام <a href="/community_guidelines.html">بقواعد النشر</a> و<a href="/terms.html">شروط الاستخدام</a>.</p>
    <p>الآراء المنشورة تعبر عن أصحابها فقط.</p></div>
  </div></body>)");
  EXPECT_EQ(ReasonOf(page, "وصلت قافلة مساعدات"), "");
  EXPECT_EQ(ReasonOf(page, "نرحب بتعليقاتكم"), "legal-notice");
  EXPECT_EQ(ReasonOf(page, "الآراء المنشورة"), "legal-notice");
}

TEST(HtmlExtract, HiddenElementsAreMarked) {
  HtmlPage page = MustExtract(R"(<body>
    <p>أعلن المصرف المركزي، يوم الأربعاء، الإبقاء على سعر الفائدة دون تغيير للشهر الثالث على التوالي.</p>
    <div style="display: none">نص مخفي للنماذج</div>
    <span hidden>تنبيه مخفي</span>
  </body>)");
  EXPECT_EQ(ReasonOf(page, "أعلن المصرف المركزي"), "");
  EXPECT_EQ(ReasonOf(page, "نص مخفي للنماذج"), "hidden");
  EXPECT_EQ(ReasonOf(page, "تنبيه مخفي"), "hidden");
}

TEST(HtmlExtract, PageWideFormDoesNotHideTheArticle) {
  HtmlPage page = MustExtract(R"(<body><form id="aspnetForm" action="/page.aspx">
    <div class="menu"><a href="/">الرئيسية</a> <a href="/x">أخبار</a></div>
    <div class="article">
      <p>افتتح وزير التعليم، صباح الإثنين، مدرسة جديدة في الضاحية الجنوبية، تتسع لأكثر من ستمئة تلميذ.</p>
      <p>وأكد الوزير، في كلمة ألقاها بالمناسبة، أن الحكومة ستبني عشر مدارس أخرى قبل نهاية العام الدراسي.</p>
    </div>
  </form></body>)");
  EXPECT_EQ(ReasonOf(page, "افتتح وزير التعليم"), "");
  EXPECT_EQ(ReasonOf(page, "وأكد الوزير"), "");
  EXPECT_EQ(ReasonOf(page, "أخبار"), "menu");
}

TEST(HtmlExtract, WhitespaceIsCollapsedEntitiesDecodedAndBrSplitsBlocks) {
  HtmlPage page = MustExtract(
      "<body><p>  السطر\n\t الأول&nbsp;&nbsp;هنا &amp; <b>هناك</b>،<br>السطر&#x20;الثاني<br/><br/>"
      "&#1575;&#1604;&#1579;&#1575;&#1604;&#1579;</p></body>");
  ASSERT_EQ(page.blocks.size(), 3u);
  EXPECT_EQ(page.blocks[0].text, "السطر الأول هنا & هناك،");
  EXPECT_EQ(page.blocks[1].text, "السطر الثاني");
  EXPECT_EQ(page.blocks[2].text, "الثالث");
}

TEST(HtmlExtract, BlockElementsSplitTextButInlineElementsDoNot) {
  HtmlPage page = MustExtract(
      "<body><div>مقدمة<p>فقرة <a href='/x'>برابط</a> داخلي</p>خاتمة</div>"
      "<ul><li>بند أول</li><li>بند ثان</li></ul><table><tr><td>خلية</td><td>أخرى</td></tr>"
      "</table><h2>عنوان فرعي</h2><blockquote>اقتباس</blockquote></body>");
  std::vector<std::string> texts;
  for (const HtmlBlock& b : page.blocks) texts.push_back(b.text);
  EXPECT_EQ(texts, (std::vector<std::string>{"مقدمة", "فقرة برابط داخلي", "خاتمة", "بند أول",
                                             "بند ثان", "خلية", "أخرى", "عنوان فرعي", "اقتباس"}));
  for (const HtmlBlock& b : page.blocks) EXPECT_EQ(b.text.find('\n'), std::string::npos);
}

TEST(HtmlExtract, PreformattedLinesBecomeSeparateBlocks) {
  HtmlPage page = MustExtract("<body><pre>السطر الأول\n   السطر   الثاني\n</pre></body>");
  ASSERT_EQ(page.blocks.size(), 2u);
  EXPECT_EQ(page.blocks[0].text, "السطر الأول");
  EXPECT_EQ(page.blocks[1].text, "السطر الثاني");
}

TEST(HtmlExtract, OgTitleIsPreferredOverTitleElement) {
  HtmlPage page = MustExtract(Fixture("news_page.html"));
  EXPECT_EQ(page.hints.title, "افتتاح جسر جديد يربط ضفتي النهر");
  EXPECT_EQ(page.hints.title_from, "html:og:title");
}

TEST(HtmlExtract, TitleElementIsUsedWithoutOgTitle) {
  HtmlPage page = MustExtract(
      "<html><head><title>  عنوان\n الصفحة </title></head><body><p>نص</p></body></html>");
  EXPECT_EQ(page.hints.title, "عنوان الصفحة");
  EXPECT_EQ(page.hints.title_from, "html:title");
}

TEST(HtmlExtract, PublishedTimeMetaIsPreferredForTheDate) {
  HtmlPage page = MustExtract(Fixture("news_page.html"));
  EXPECT_EQ(page.hints.date, "2024-03-05T09:30:00+01:00");
  EXPECT_EQ(page.hints.date_from, "html:article:published_time");
}

TEST(HtmlExtract, DateSourcesFollowTheirPriority) {
  HtmlPage pubdate = MustExtract(
      "<head><meta name='date' content='2023-01-02'><meta name='pubdate' content='2023-01-01'>"
      "</head><body><time datetime='2020-05-05'>أمس</time></body>");
  EXPECT_EQ(pubdate.hints.date, "2023-01-01");
  EXPECT_EQ(pubdate.hints.date_from, "html:pubdate");

  HtmlPage itemprop = MustExtract(
      "<head><meta name='date' content='2023-01-02'></head>"
      "<body><span itemprop='datePublished' content='2022-12-31'>٣١ ديسمبر</span></body>");
  EXPECT_EQ(itemprop.hints.date, "2022-12-31");
  EXPECT_EQ(itemprop.hints.date_from, "html:datePublished");

  HtmlPage date = MustExtract(
      "<head><meta name='date' content='2023-01-02'></head>"
      "<body><time datetime='2020-05-05'>أمس</time></body>");
  EXPECT_EQ(date.hints.date, "2023-01-02");
  EXPECT_EQ(date.hints.date_from, "html:date");

  HtmlPage time =
      MustExtract("<body><p>نشر <time datetime='2020-05-05T10:00'>أمس</time></p></body>");
  EXPECT_EQ(time.hints.date, "2020-05-05T10:00");
  EXPECT_EQ(time.hints.date_from, "html:time");
}

TEST(HtmlExtract, TimeInsideTheArticleIsPreferredOverSidebarTimes) {
  HtmlPage page = MustExtract(R"(<body>
    <aside><ul><li><a href="/old">خبر قديم</a> <time datetime="2019-01-01">قبل سنوات</time></li></ul></aside>
    <div class="story">
      <time datetime="2024-07-14T08:00">الأحد</time>
      <p>باشرت فرق الدفاع المدني، فجر الأحد، إخماد حريق اندلع في غابة قريبة من القرية، وسط رياح قوية.</p>
      <p>وأكد مسؤول محلي، في تصريح للصحافة، أن الحريق لم يسفر عن إصابات، وأن الأضرار اقتصرت على الأشجار.</p>
    </div>
  </body>)");
  EXPECT_EQ(page.hints.date, "2024-07-14T08:00");
  EXPECT_EQ(page.hints.date_from, "html:time");
}

TEST(HtmlExtract, OutletUrlAuthorDescriptionAndKeywordsComeFromMeta) {
  HtmlPage page = MustExtract(Fixture("news_page.html"));
  EXPECT_EQ(page.hints.outlet, "صحيفة الوادي");
  EXPECT_EQ(page.hints.outlet_from, "html:og:site_name");
  EXPECT_EQ(page.hints.url, "https://alwadi.example/news/bridge");  // canonical over og:url
  EXPECT_EQ(page.hints.author, "سلمى الحداد");
  EXPECT_EQ(page.hints.description, "السلطات المحلية تفتتح جسرا جديدا بعد ثلاث سنوات من الأشغال.");
  EXPECT_EQ(page.hints.keywords, (std::vector<std::string>{"جسر", "النهر", "بلدية الوادي", "نقل"}));
}

TEST(HtmlExtract, OgUrlAndMetaDescriptionAreFallbacks) {
  HtmlPage page = MustExtract(
      "<head><meta property='og:url' content='https://x.example/a'>"
      "<meta name='Description' content='وصف قصير'></head><body></body>");
  EXPECT_EQ(page.hints.url, "https://x.example/a");
  EXPECT_EQ(page.hints.description, "وصف قصير");
}

std::string Nested(int depth, std::string_view inner) {
  std::string html = "<html><body>";
  for (int i = 0; i < depth; ++i) html += "<div>";
  html += inner;
  for (int i = 0; i < depth; ++i) html += "</div>";
  html += "<p>فقرة بعد العناصر المتداخلة</p></body></html>";
  return html;
}

TEST(HtmlExtract, DeepNestingFailsWithResourceExhausted) {
  StatusOr<HtmlPage> page = ExtractHtml(Nested(100000, "عميق"));
  ASSERT_FALSE(page.ok());
  EXPECT_EQ(page.status().code(), StatusCode::kResourceExhausted);
  EXPECT_EQ(page.status().message(), "HTML nested deeper than 5000 elements");
}

TEST(HtmlExtract, UnclosedTagsNestingDeeplyFailCleanly) {
  std::string html = "<body>";
  for (int i = 0; i < 100000; ++i) html += "<span><b>";
  StatusOr<HtmlPage> page = ExtractHtml(html);
  ASSERT_FALSE(page.ok());
  EXPECT_EQ(page.status().code(), StatusCode::kResourceExhausted);
}

TEST(HtmlExtract, NestingBeyondLibxmlDefaultLimitIsExtractedWhole) {
  // libxml2 alone stops at 256 levels and silently drops the rest of the page.
  HtmlPage page = MustExtract(Nested(1000, "نص عميق"));
  EXPECT_TRUE(AnyBlockContains(page, "نص عميق"));
  EXPECT_TRUE(AnyBlockContains(page, "فقرة بعد العناصر المتداخلة"));
}

TEST(HtmlExtract, MaxDepthOptionIsHonoured) {
  HtmlOptions options;
  options.max_depth = 50;
  StatusOr<HtmlPage> deep = ExtractHtml(Nested(60, "نص"), options);
  ASSERT_FALSE(deep.ok());
  EXPECT_EQ(deep.status().message(), "HTML nested deeper than 50 elements");
  EXPECT_TRUE(ExtractHtml(Nested(40, "نص"), options).ok());
}

TEST(HtmlExtract, MalformedHtmlRecovers) {
  HtmlPage page = MustExtract(
      "<html><body><div class=story><p>أعلنت الحكومة، مساء السبت، خطة جديدة لدعم المزارعين "
      "المتضررين من الجفاف<p>وتشمل الخطة، وفق البيان، قروضا ميسرة وإعفاءات ضريبية</span></div>"
      "</td><b><i>نص بوسوم متقاطعة</b></i><p attr=\"unterminated>فقرة أخيرة"
      "<!-- تعليق لم يغلق");
  EXPECT_TRUE(AnyBlockContains(page, "أعلنت الحكومة"));
  EXPECT_TRUE(AnyBlockContains(page, "وتشمل الخطة"));
  EXPECT_TRUE(AnyBlockContains(page, "نص بوسوم متقاطعة"));
  EXPECT_FALSE(AnyBlockContains(page, "تعليق لم يغلق"));
}

TEST(HtmlExtract, GarbageInputNeverCrashes) {
  std::string noise;
  unsigned state = 12345;
  for (int i = 0; i < 200000; ++i) {
    state = state * 1103515245 + 12345;
    static constexpr char kAlphabet[] = "<>/=\"' abcdiv&#;\xd8\xb3\xd9\x84\n!-";
    noise.push_back(kAlphabet[(state >> 16) % (sizeof kAlphabet - 1)]);
  }
  StatusOr<HtmlPage> page = ExtractHtml(noise);
  if (page.ok()) {
    for (const HtmlBlock& b : page->blocks) {
      EXPECT_EQ(utf8::FindInvalid(b.text), std::string_view::npos);
    }
  }
}

TEST(HtmlExtract, Windows1256MetaCharsetIsDecoded) {
  std::string bytes = Fixture("windows1256.html");
  ASSERT_NE(utf8::FindInvalid(bytes), std::string_view::npos) << "fixture must not be UTF-8";
  HtmlPage page = MustExtract(bytes);
  EXPECT_EQ(page.hints.title, "انطلاق موسم قطف الزيتون في القرى الجبلية");
  EXPECT_TRUE(AnyBlockContains(page, "وقال رئيس جمعية المزارعين إن أسعار الزيت ستبقى مستقرة"));
  for (const HtmlBlock& b : page.blocks) {
    EXPECT_EQ(utf8::FindInvalid(b.text), std::string_view::npos);
  }
}

TEST(HtmlExtract, InvalidUtf8WithoutDeclaredCharsetIsReplacedNotMisdecoded) {
  HtmlPage page =
      MustExtract("<body><p>\xd8\xb3\xd9\x84\xd8\xa7\xd9\x85 \xff\xfe \xd8\xb9\xd9\x84</p></body>");
  ASSERT_EQ(page.blocks.size(), 1u);
  EXPECT_EQ(page.blocks[0].text, "سلام \uFFFD\uFFFD عل");
}

TEST(HtmlExtract, EmptyInputGivesAnEmptyPage) {
  EXPECT_TRUE(MustExtract("").blocks.empty());
  EXPECT_TRUE(MustExtract(" \n\t ").blocks.empty());
  EXPECT_TRUE(MustExtract("<html><body></body></html>").blocks.empty());
}

TEST(HtmlExtract, CnnArabicArticleMatchesGoldText) {
  RASD_REQUIRE_SHARED(dir, "data/extraction-html-cnn-arabic");
  HtmlPage page = MustExtract(rasd::testing::ReadFile(dir + "/arabic_article.html"));
  std::string gold = rasd::testing::ReadFile(dir + "/arabic.txt");
  double f1 = TokenF1(KeptText(page), gold);
  std::printf("CNN Arabic token F1: %.4f\n", f1);
  EXPECT_GE(f1, 0.95);
  EXPECT_EQ(page.hints.title_from, "html:og:title");
  EXPECT_EQ(page.hints.outlet, "CNNArabic");
}

TEST(HtmlExtract, TrafilaturaArabicPageKeepsWithAndDropsWithoutSnippets) {
  RASD_REQUIRE_SHARED(dir, "data/trafilatura-ar");
  std::string json = rasd::testing::ReadFile(dir + "/evaldata_ar_entries.json");
  simdjson::dom::parser parser;
  simdjson::dom::object entries;
  ASSERT_EQ(parser.parse(json).get(entries), simdjson::SUCCESS);
  int checked = 0;
  for (auto [url, entry] : entries) {
    std::string_view file;
    ASSERT_EQ(entry["file"].get(file), simdjson::SUCCESS);
    HtmlPage page = MustExtract(rasd::testing::ReadFile(dir + "/" + std::string(file)));
    std::string kept = KeptText(page);
    simdjson::dom::array with, without;
    ASSERT_EQ(entry["with"].get(with), simdjson::SUCCESS);
    ASSERT_EQ(entry["without"].get(without), simdjson::SUCCESS);
    for (auto snippet : with) {
      std::string_view s = snippet.get_string().value();
      EXPECT_NE(kept.find(s), std::string::npos) << "missing: " << s;
      ++checked;
    }
    for (auto snippet : without) {
      std::string_view s = snippet.get_string().value();
      EXPECT_EQ(kept.find(s), std::string::npos) << "kept boilerplate: " << s;
      ++checked;
    }
  }
  std::printf("trafilatura-ar: %d snippets checked\n", checked);
  EXPECT_GT(checked, 0);
}

}  // namespace
}  // namespace rasd::ingest
