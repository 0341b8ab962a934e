#include "clean/metadata.h"

#include <gtest/gtest.h>

namespace rasd::clean {
namespace {

TEST(Metadata, StructuredDateWinsOverHeaderLine) {
  MetadataHints h;
  h.date = "2023-01-30T17:04:00.0000000";
  h.date_from = "json:published_time";
  Findings f;
  f.date_text = "22 شباط 2021";
  Document d;
  ResolveMetadata(h, f, &d);
  EXPECT_EQ(d.published.Iso(), "2023-01-30T17:04");
  EXPECT_EQ(d.published.from, "json:published_time");
}

TEST(Metadata, HeaderLineWinsOverCrawlDate) {
  MetadataHints h;
  h.date = "2024-06-01T10:00:00Z";
  h.date_from = "warc:WARC-Date";
  Findings f;
  f.date_text = "22 شباط 2021";
  Document d;
  ResolveMetadata(h, f, &d);
  EXPECT_EQ(d.published.Iso(), "2021-02-22");
  EXPECT_EQ(d.published.from, "header-line");
}

TEST(Metadata, UrlDateIsTheLastResort) {
  MetadataHints h;
  h.url = "https://example.org/news/2019/10/09/story";
  Document d;
  ResolveMetadata(h, {}, &d);
  EXPECT_EQ(d.published.Iso(), "2019-10-09");
  EXPECT_EQ(d.published.from, "url");
  Published p;
  EXPECT_FALSE(DateFromUrl("https://example.org/article/410826/x", &p));
  EXPECT_TRUE(DateFromUrl("https://example.org/a/20210222-title", &p));
}

TEST(Metadata, OutletFromFieldIsCanonicalized) {
  MetadataHints h;
  h.outlet = "okaz";
  h.outlet_from = "json:source";
  Document d;
  ResolveMetadata(h, {}, &d);
  EXPECT_EQ(d.outlet, "عكاظ");
  EXPECT_EQ(d.outlet_from, "json:source");
}

TEST(Metadata, OutletFromUrlHost) {
  MetadataHints h;
  h.url = "https://www.sabq.org/saudia/abc";
  Document d;
  ResolveMetadata(h, {}, &d);
  EXPECT_EQ(d.outlet, "سبق");
  EXPECT_EQ(d.outlet_from, "url");
}

TEST(Metadata, UnparseableDateLeavesPublishedUnknown) {
  MetadataHints h;
  h.date = "yesterday";
  h.date_from = "json:date";
  Document d;
  ResolveMetadata(h, {}, &d);
  EXPECT_FALSE(d.published.known());
}

}  // namespace
}  // namespace rasd::clean
