#include "ingest/warc_reader.h"

#include <gtest/gtest.h>
#include <sys/resource.h>
#include <unistd.h>
#include <zlib.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>

namespace rasd::ingest {
namespace {

namespace fs = std::filesystem;

const std::string kBridgeHtml =
    "<!DOCTYPE html><html lang=\"ar\" dir=\"rtl\"><head><meta charset=\"utf-8\">"
    "<title>افتتاح جسر جديد فوق النهر</title></head><body><article>"
    "<h1>افتتاح جسر جديد فوق النهر</h1>"
    "<p>افتتح وزير النقل صباح الأحد جسراً جديداً يربط ضفتي النهر في وسط المدينة.</p>"
    "<p>وقال الوزير إن الجسر سيخفف الازدحام عن الطرق القديمة.</p>"
    "</article></body></html>";
const std::string kOliveText =
    "موسم الزيتون يبدأ مبكراً\n\n"
    "أعلنت جمعية المزارعين أن موسم حصاد الزيتون بدأ مبكراً هذا العام بسبب موجة الحر.\n";
const std::string kCupHtml =
    "<html><body><p>فاز فريق المدينة بكأس البطولة بعد مباراة نهائية مثيرة.</p></body></html>";

// ---------------------------------------------------------------------------
// Building WARC files.

std::string HttpResponse(std::string_view body, std::string_view content_type = "text/html",
                         std::string_view extra_headers = "", std::string_view status = "200 OK") {
  std::string s = "HTTP/1.1 " + std::string(status) + "\r\nServer: test\r\n";
  if (!content_type.empty()) s += "Content-Type: " + std::string(content_type) + "\r\n";
  s += extra_headers;
  s += "\r\n";
  s += body;
  return s;
}

std::string Record(std::string_view type, std::string_view block, std::string_view content_type,
                   std::string_view uri = "", std::string_view extra_headers = "") {
  std::string s = "WARC/1.1\r\nWARC-Type: " + std::string(type) +
                  "\r\nWARC-Record-ID: <urn:uuid:12345678-1234-1234-1234-123456789abc>\r\n"
                  "WARC-Date: 2023-05-14T09:30:00Z\r\n";
  if (!uri.empty()) s += "WARC-Target-URI: " + std::string(uri) + "\r\n";
  if (!content_type.empty()) s += "Content-Type: " + std::string(content_type) + "\r\n";
  s += extra_headers;
  s += "Content-Length: " + std::to_string(block.size()) + "\r\n\r\n";
  s += block;
  s += "\r\n\r\n";
  return s;
}

std::string Warcinfo() {
  return Record("warcinfo", "software: rasd-test/1.0\r\nformat: WARC File Format 1.1\r\n",
                "application/warc-fields");
}

std::string Response(std::string_view uri, std::string_view body,
                     std::string_view content_type = "text/html",
                     std::string_view extra_http_headers = "") {
  return Record("response", HttpResponse(body, content_type, extra_http_headers),
                "application/http; msgtype=response", uri);
}

std::string Request(std::string_view uri) {
  return Record("request", "GET / HTTP/1.1\r\nHost: news.example\r\n\r\n",
                "application/http; msgtype=request", uri);
}

// One gzip member holding `data`.
std::string Gzip(std::string_view data) {
  z_stream z{};
  EXPECT_EQ(
      deflateInit2(&z, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY),
      Z_OK);
  std::string out(deflateBound(&z, data.size()), '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = static_cast<uInt>(data.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  EXPECT_EQ(deflate(&z, Z_FINISH), Z_STREAM_END);
  out.resize(z.total_out);
  deflateEnd(&z);
  return out;
}

// Deflate of `data` with the given window bits (zlib-wrapped or raw).
std::string Deflate(std::string_view data, int window_bits) {
  z_stream z{};
  EXPECT_EQ(deflateInit2(&z, Z_DEFAULT_COMPRESSION, Z_DEFLATED, window_bits, 8, Z_DEFAULT_STRATEGY),
            Z_OK);
  std::string out(deflateBound(&z, data.size()), '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = static_cast<uInt>(data.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  EXPECT_EQ(deflate(&z, Z_FINISH), Z_STREAM_END);
  out.resize(z.total_out);
  deflateEnd(&z);
  return out;
}

// A gzip member holding `megabytes` MB of zero bytes, built without holding them.
std::string GzipOfZeros(size_t megabytes) {
  z_stream z{};
  EXPECT_EQ(deflateInit2(&z, 9, Z_DEFLATED, 16 + MAX_WBITS, 9, Z_DEFAULT_STRATEGY), Z_OK);
  const std::string zeros(1 << 20, '\0');
  std::string out;
  char buf[1 << 16];
  for (size_t i = 0; i <= megabytes; ++i) {
    bool last = i == megabytes;
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(zeros.data()));
    z.avail_in = last ? 0 : static_cast<uInt>(zeros.size());
    int ret;
    do {
      z.next_out = reinterpret_cast<Bytef*>(buf);
      z.avail_out = sizeof buf;
      ret = deflate(&z, last ? Z_FINISH : Z_NO_FLUSH);
      out.append(buf, sizeof buf - z.avail_out);
    } while (z.avail_out == 0 || (last && ret != Z_STREAM_END));
  }
  deflateEnd(&z);
  return out;
}

// "Hex\r\ndata\r\n" chunks of at most `size` bytes, then the last chunk.
std::string Chunked(std::string_view body, size_t size) {
  std::string out;
  char hex[32];
  for (size_t i = 0; i < body.size(); i += size) {
    std::string_view piece = body.substr(i, size);
    std::snprintf(hex, sizeof hex, "%zx", piece.size());
    out += hex;
    if (i == 0) out += ";ext=1";
    out += "\r\n";
    out += piece;
    out += "\r\n";
  }
  out += "0\r\nX-Trailer: yes\r\n\r\n";
  return out;
}

class TempDir {
 public:
  TempDir() {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    path_ = fs::temp_directory_path() /
            ("rasd_warc_" + std::to_string(::getpid()) + "_" + info->name());
    fs::remove_all(path_);
    fs::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  std::string Write(const std::string& name, std::string_view bytes) const {
    std::string p = (path_ / name).string();
    std::ofstream out(p, std::ios::binary);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    EXPECT_TRUE(out.good()) << p;
    return p;
  }
  std::string Path(const std::string& name) const { return (path_ / name).string(); }

 private:
  fs::path path_;
};

// ---------------------------------------------------------------------------
// Reading.

struct Result {
  std::vector<RawDoc> docs;
  std::vector<ReadError> errors;
  bool finished = true;
  std::string Errors() const {
    std::string s;
    for (const ReadError& e : errors) s += e.ToString() + "\n";
    return s;
  }
};

Result ReadFile(const std::string& path, WarcOptions options = {}) {
  Result r;
  r.finished = ReadWarcFile(
      path, options,
      [&](RawDoc&& doc) {
        r.docs.push_back(std::move(doc));
        return true;
      },
      [&](const ReadError& e) { r.errors.push_back(e); });
  return r;
}

Result ReadBytes(std::string_view bytes, WarcOptions options = {}) {
  Result r;
  r.finished = ReadWarcBytes(
      "mem.warc", bytes, options,
      [&](RawDoc&& doc) {
        r.docs.push_back(std::move(doc));
        return true;
      },
      [&](const ReadError& e) { r.errors.push_back(e); });
  return r;
}

long PeakRssKb() {
  struct rusage usage;
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

// A small file with every kind of record: 1 warcinfo, 2 request, 3 response,
// 4 metadata, 5 resource, 6 revisit, 7 response.
std::string MixedWarc() {
  return Warcinfo() + Request("https://news.example/bridge") +
         Response("https://news.example/bridge", kBridgeHtml, "text/html; charset=utf-8") +
         Record("metadata", "fetchTimeMs: 120\r\n", "application/warc-fields",
                "https://news.example/bridge") +
         Record("resource", kOliveText, "text/plain; charset=utf-8", "file:///notes/olive.txt") +
         Record(
             "revisit", "HTTP/1.1 200 OK\r\n\r\n", "application/http; msgtype=response",
             "https://news.example/bridge",
             "WARC-Profile: http://netpreserve.org/warc/1.1/revisit/identical-payload-digest\r\n") +
         Response("https://news.example/cup", kCupHtml);
}

void ExpectMixedDocs(const Result& r, const std::string& uri) {
  ASSERT_EQ(r.docs.size(), 3u) << r.Errors();
  EXPECT_TRUE(r.errors.empty()) << r.Errors();
  EXPECT_TRUE(r.finished);

  const RawDoc& bridge = r.docs[0];
  EXPECT_EQ(bridge.uri, uri);
  EXPECT_EQ(bridge.record, "record 3");
  EXPECT_EQ(bridge.content_type, "text/html");
  EXPECT_EQ(bridge.bytes, kBridgeHtml);
  EXPECT_EQ(bridge.hints.url, "https://news.example/bridge");
  EXPECT_EQ(bridge.hints.date, "2023-05-14T09:30:00Z");
  EXPECT_EQ(bridge.hints.date_from, "warc:WARC-Date");

  const RawDoc& olive = r.docs[1];
  EXPECT_EQ(olive.record, "record 5");
  EXPECT_EQ(olive.content_type, "text/plain");
  EXPECT_EQ(olive.bytes, kOliveText);
  EXPECT_EQ(olive.hints.url, "file:///notes/olive.txt");

  EXPECT_EQ(r.docs[2].record, "record 7");
  EXPECT_EQ(r.docs[2].bytes, kCupHtml);
  EXPECT_EQ(r.docs[2].hints.url, "https://news.example/cup");
}

// ---------------------------------------------------------------------------
// Reading valid files.

TEST(WarcReader, PlainFileYieldsResponseAndResourceRecordsOnly) {
  TempDir dir;
  std::string path = dir.Write("mixed.warc", MixedWarc());
  ExpectMixedDocs(ReadFile(path), path);
}

TEST(WarcReader, GzipWithOneMemberPerRecord) {
  TempDir dir;
  std::string gz;
  // Split the same records as MixedWarc into one member each.
  std::string plain = MixedWarc();
  size_t start = 0;
  for (size_t next = plain.find("WARC/1.1", 1); start < plain.size();
       next = plain.find("WARC/1.1", next + 1)) {
    size_t end = next == std::string::npos ? plain.size() : next;
    gz += Gzip(std::string_view(plain).substr(start, end - start));
    start = end;
  }
  std::string path = dir.Write("mixed.warc.gz", gz);
  ExpectMixedDocs(ReadFile(path), path);
}

TEST(WarcReader, GzipMembersAppendedWithGzipApi) {
  TempDir dir;
  std::string path = dir.Path("appended.warc.gz");
  for (const std::string& record :
       {Warcinfo(), Response("https://news.example/bridge", kBridgeHtml),
        Response("https://news.example/cup", kCupHtml)}) {
    gzFile f = gzopen(path.c_str(), "ab");  // "a" starts a new gzip member
    ASSERT_NE(f, nullptr);
    ASSERT_EQ(gzwrite(f, record.data(), static_cast<unsigned>(record.size())),
              static_cast<int>(record.size()));
    ASSERT_EQ(gzclose(f), Z_OK);
  }
  Result r = ReadFile(path);
  ASSERT_EQ(r.docs.size(), 2u) << r.Errors();
  EXPECT_TRUE(r.errors.empty()) << r.Errors();
  EXPECT_EQ(r.docs[0].record, "record 2");
  EXPECT_EQ(r.docs[0].bytes, kBridgeHtml);
  EXPECT_EQ(r.docs[1].record, "record 3");
  EXPECT_EQ(r.docs[1].bytes, kCupHtml);
}

TEST(WarcReader, GzipSingleMemberHoldingAllRecords) {
  TempDir dir;
  std::string path = dir.Path("single.warc.gz");
  std::string plain = MixedWarc();
  gzFile f = gzopen(path.c_str(), "wb");
  ASSERT_NE(f, nullptr);
  ASSERT_EQ(gzwrite(f, plain.data(), static_cast<unsigned>(plain.size())),
            static_cast<int>(plain.size()));
  ASSERT_EQ(gzclose(f), Z_OK);
  ExpectMixedDocs(ReadFile(path), path);
}

TEST(WarcReader, ManyRecordsAcrossBufferBoundaries) {
  // Records large enough that headers, blocks and trailers straddle reads.
  std::string plain = Warcinfo();
  std::string big;
  while (big.size() < 300000) big += kBridgeHtml;
  for (int i = 0; i < 20; ++i) {
    plain += Response("https://news.example/a" + std::to_string(i), i % 2 ? big : kCupHtml);
  }
  for (const std::string& bytes : {plain, Gzip(plain)}) {
    Result r = ReadBytes(bytes);
    ASSERT_EQ(r.docs.size(), 20u) << r.Errors();
    EXPECT_TRUE(r.errors.empty()) << r.Errors();
    for (int i = 0; i < 20; ++i) {
      EXPECT_EQ(r.docs[i].record, "record " + std::to_string(i + 2));
      EXPECT_EQ(r.docs[i].hints.url, "https://news.example/a" + std::to_string(i));
      EXPECT_EQ(r.docs[i].bytes, i % 2 ? big : kCupHtml);
    }
  }
}

TEST(WarcReader, ReadWarcBytesNamesDocsAfterTheGivenName) {
  Result plain = ReadBytes(MixedWarc());
  ExpectMixedDocs(plain, "mem.warc");
  Result gz = ReadBytes(Gzip(MixedWarc()));
  ExpectMixedDocs(gz, "mem.warc");
}

TEST(WarcReader, Warc10WithAngleBracketUriAndBareLineEndsBetweenRecords) {
  std::string rec = Response("<https://news.example/bridge>", kBridgeHtml);
  rec.replace(0, 8, "WARC/1.0");
  std::string bytes = "\r\n" + rec + "\n\n" + Response("https://news.example/cup", kCupHtml);
  Result r = ReadBytes(bytes);
  ASSERT_EQ(r.docs.size(), 2u) << r.Errors();
  EXPECT_TRUE(r.errors.empty()) << r.Errors();
  EXPECT_EQ(r.docs[0].hints.url, "https://news.example/bridge");
  EXPECT_EQ(r.docs[1].record, "record 2");
}

// ---------------------------------------------------------------------------
// HTTP payloads.

TEST(WarcReader, ChunkedResponseBodyIsDechunked) {
  // Chunks of 7 bytes split the Arabic UTF-8 sequences in the middle.
  std::string rec = Response("https://news.example/bridge", Chunked(kBridgeHtml, 7), "text/html",
                             "Transfer-Encoding: chunked\r\n");
  Result r = ReadBytes(rec);
  ASSERT_EQ(r.docs.size(), 1u) << r.Errors();
  EXPECT_EQ(r.docs[0].bytes, kBridgeHtml);
}

TEST(WarcReader, ChunkedHeaderOnAlreadyDecodedBodyKeepsBody) {
  std::string rec =
      Response("https://news.example/cup", kCupHtml, "text/html", "Transfer-Encoding: chunked\r\n");
  Result r = ReadBytes(rec);
  ASSERT_EQ(r.docs.size(), 1u) << r.Errors();
  EXPECT_EQ(r.docs[0].bytes, kCupHtml);
}

TEST(WarcReader, ChunkedBodyCutShortKeepsWholeChunks) {
  std::string chunked = Chunked(kOliveText, 16);
  chunked.resize(chunked.size() / 2);
  std::string rec = Response("https://news.example/olive", chunked, "text/plain",
                             "Transfer-Encoding: chunked\r\n");
  Result r = ReadBytes(rec);
  ASSERT_EQ(r.docs.size(), 1u) << r.Errors();
  EXPECT_FALSE(r.docs[0].bytes.empty());
  EXPECT_TRUE(kOliveText.starts_with(r.docs[0].bytes));
}

TEST(WarcReader, GzipAndDeflateContentEncodingsAreUndone) {
  std::string bytes =
      Response("https://news.example/1", Gzip(kBridgeHtml), "text/html",
               "Content-Encoding: gzip\r\n") +
      Response("https://news.example/2", Chunked(Gzip(kCupHtml), 10), "text/html",
               "Content-Encoding: gzip\r\nTransfer-Encoding: chunked\r\n") +
      Response("https://news.example/3", Deflate(kOliveText, MAX_WBITS), "text/plain",
               "Content-Encoding: deflate\r\n") +
      Response("https://news.example/4", Deflate(kOliveText, -MAX_WBITS), "text/plain",
               "Content-Encoding: deflate\r\n") +
      // Stored already decoded by the archiver, header kept.
      Response("https://news.example/5", kCupHtml, "text/html", "Content-Encoding: gzip\r\n");
  Result r = ReadBytes(bytes);
  ASSERT_EQ(r.docs.size(), 5u) << r.Errors();
  EXPECT_TRUE(r.errors.empty()) << r.Errors();
  EXPECT_EQ(r.docs[0].bytes, kBridgeHtml);
  EXPECT_EQ(r.docs[1].bytes, kCupHtml);
  EXPECT_EQ(r.docs[2].bytes, kOliveText);
  EXPECT_EQ(r.docs[3].bytes, kOliveText);
  EXPECT_EQ(r.docs[4].bytes, kCupHtml);
}

TEST(WarcReader, UnsupportedContentEncodingIsReportedAndSkipped) {
  std::string bytes =
      Response("https://news.example/1", "\x0b\x02\x80", "text/html", "Content-Encoding: br\r\n") +
      Response("https://news.example/2", kCupHtml);
  Result r = ReadBytes(bytes);
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.errors[0].name, "mem.warc (record 1)");
  EXPECT_EQ(r.errors[0].status.code(), StatusCode::kUnsupported);
  ASSERT_EQ(r.docs.size(), 1u);
  EXPECT_EQ(r.docs[0].record, "record 2");
}

TEST(WarcReader, BogusContentEncodingNamesAreIgnored) {
  Result r = ReadBytes(
      Response("https://news.example/1", kCupHtml, "text/html", "Content-Encoding: UTF-8\r\n"));
  ASSERT_EQ(r.docs.size(), 1u) << r.Errors();
  EXPECT_EQ(r.docs[0].bytes, kCupHtml);
}

TEST(WarcReader, WgetMetadataResourcesAreSkipped) {
  std::string bytes = Record("resource", "\"-r\" \"--warc-file=news\"", "text/plain",
                             "metadata://gnu.org/software/wget/warc/wget_arguments.txt") +
                      Record("resource", kOliveText, "text/plain", "file:///olive.txt");
  Result r = ReadBytes(bytes);
  ASSERT_EQ(r.docs.size(), 1u) << r.Errors();
  EXPECT_EQ(r.docs[0].record, "record 2");
}

TEST(WarcReader, ContentTypesAreMappedOrPassedThrough) {
  std::string bytes =
      Response("https://news.example/1", kBridgeHtml, "application/xhtml+xml") +
      Response("https://news.example/2", kOliveText, "TEXT/PLAIN; charset=windows-1256") +
      Response("https://news.example/3", "%PDF-1.4", "application/pdf") +
      Response("https://news.example/4", kBridgeHtml, "") +
      Response("https://news.example/5", kOliveText, "") +
      Record("resource", kCupHtml, "text/html", "file:///cup.html") +
      Record("resource", "\x89PNG\r\n", "image/png", "file:///logo.png");
  Result r = ReadBytes(bytes);
  ASSERT_EQ(r.docs.size(), 7u) << r.Errors();
  EXPECT_EQ(r.docs[0].content_type, "text/html");
  EXPECT_EQ(r.docs[1].content_type, "text/plain");
  EXPECT_EQ(r.docs[2].content_type, "application/pdf");
  EXPECT_EQ(r.docs[3].content_type, "text/html");   // sniffed
  EXPECT_EQ(r.docs[4].content_type, "text/plain");  // sniffed
  EXPECT_EQ(r.docs[5].content_type, "text/html");
  EXPECT_EQ(r.docs[6].content_type, "image/png");
}

TEST(WarcReader, NonSuccessResponsesAreSkippedSilently) {
  std::string bytes =
      Response("https://news.example/old", "", "text/html",
               "Location: https://news.example/new\r\n") +
      Record("response", HttpResponse("", "text/html", "", "301 Moved Permanently"),
             "application/http; msgtype=response", "https://news.example/moved") +
      Record("response", HttpResponse("<p>غير موجود</p>", "text/html", "", "404 Not Found"),
             "application/http; msgtype=response", "https://news.example/missing") +
      Record("response", "HTTP/1.1 100 Continue\r\n\r\n" + HttpResponse(kCupHtml),
             "application/http; msgtype=response", "https://news.example/cup");
  Result r = ReadBytes(bytes);
  EXPECT_TRUE(r.errors.empty()) << r.Errors();
  ASSERT_EQ(r.docs.size(), 2u);
  EXPECT_EQ(r.docs[0].record, "record 1");
  EXPECT_EQ(r.docs[0].bytes, "");
  EXPECT_EQ(r.docs[1].record, "record 4");
  EXPECT_EQ(r.docs[1].bytes, kCupHtml);
}

TEST(WarcReader, BadHttpStatusLineIsReportedAndReadingGoesOn) {
  std::string bytes = Record("response", "HTPT/1.1 two hundred\r\n\r\nx",
                             "application/http; msgtype=response", "https://news.example/1") +
                      Response("https://news.example/2", kCupHtml);
  Result r = ReadBytes(bytes);
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.errors[0].name, "mem.warc (record 1)");
  EXPECT_NE(r.errors[0].status.message().find("bad HTTP status line"), std::string::npos);
  ASSERT_EQ(r.docs.size(), 1u);
}

TEST(WarcReader, ResponseWithoutHttpHeadUsesWarcContentType) {
  Result r = ReadBytes(
      Record("response", "news.example. 300 IN A 192.0.2.1\n", "text/dns", "dns:news.example"));
  ASSERT_EQ(r.docs.size(), 1u) << r.Errors();
  EXPECT_EQ(r.docs[0].content_type, "text/dns");
}

// ---------------------------------------------------------------------------
// Errors.

TEST(WarcReader, TruncatedGzipReportsRecordAndStops) {
  TempDir dir;
  std::string first = Gzip(Response("https://news.example/bridge", kBridgeHtml));
  std::string second = Gzip(Response("https://news.example/cup", kCupHtml));
  std::string cut = first + second.substr(0, second.size() / 2);
  std::string path = dir.Write("cut.warc.gz", cut);
  Result r = ReadFile(path);
  ASSERT_EQ(r.docs.size(), 1u) << r.Errors();
  EXPECT_EQ(r.docs[0].record, "record 1");
  ASSERT_EQ(r.errors.size(), 1u) << r.Errors();
  EXPECT_EQ(r.errors[0].name, path + " (record 2)");
  EXPECT_EQ(r.errors[0].status.code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(r.errors[0].status.message(),
            "truncated gzip stream at byte " + std::to_string(cut.size()));
  EXPECT_TRUE(r.finished);
}

TEST(WarcReader, TruncatedSingleMemberGzipKeepsEarlierRecords) {
  std::string plain;
  for (int i = 0; i < 50; ++i) {
    plain += Response("https://news.example/" + std::to_string(i), kBridgeHtml);
  }
  std::string gz = Gzip(plain);
  Result r = ReadBytes(std::string_view(gz).substr(0, gz.size() - 8));  // trailer lost
  EXPECT_EQ(r.docs.size(), 50u);
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.errors[0].name, "mem.warc (record 51)");
  EXPECT_NE(r.errors[0].status.message().find("truncated gzip stream"), std::string::npos);

  r = ReadBytes(std::string_view(gz).substr(0, gz.size() / 2));
  EXPECT_LT(r.docs.size(), 50u);
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.errors[0].name, "mem.warc (record " + std::to_string(r.docs.size() + 1) + ")");
}

TEST(WarcReader, CorruptGzipReportsRecordAndStops) {
  std::string first = Gzip(Response("https://news.example/bridge", kBridgeHtml));
  std::string second = Gzip(Response("https://news.example/cup", kCupHtml));
  for (size_t i = 20; i < 40; ++i) second[i] = static_cast<char>(second[i] ^ 0x5a);
  Result r = ReadBytes(first + second + first);
  ASSERT_EQ(r.errors.size(), 1u) << r.Errors();
  EXPECT_EQ(r.errors[0].name, "mem.warc (record 2)");
  EXPECT_NE(r.errors[0].status.message().find("gzip"), std::string::npos);
  EXPECT_LE(r.docs.size(), 1u);
}

TEST(WarcReader, GarbageAfterGzipMemberIsReported) {
  std::string gz = Gzip(Response("https://news.example/cup", kCupHtml));
  Result padded = ReadBytes(gz + std::string(512, '\0'));
  EXPECT_EQ(padded.docs.size(), 1u);
  EXPECT_TRUE(padded.errors.empty()) << padded.Errors();

  Result garbage = ReadBytes(gz + "this is not gzip");
  EXPECT_EQ(garbage.docs.size(), 1u);
  ASSERT_EQ(garbage.errors.size(), 1u);
  EXPECT_EQ(garbage.errors[0].name, "mem.warc (record 2)");
}

TEST(WarcReader, TruncatedRecordReportsRecordAndStops) {
  TempDir dir;
  std::string full = Response("https://news.example/olive", kOliveText, "text/plain");
  std::string bytes = Warcinfo() + Response("https://news.example/cup", kCupHtml) +
                      full.substr(0, full.size() - 40);
  std::string path = dir.Write("cut.warc", bytes);
  Result r = ReadFile(path);
  ASSERT_EQ(r.docs.size(), 1u) << r.Errors();
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.errors[0].name, path + " (record 3)");
  EXPECT_EQ(r.errors[0].status.code(), StatusCode::kInvalidArgument);
  EXPECT_NE(r.errors[0].status.message().find("truncated record"), std::string::npos);

  // Cut inside the WARC header.
  Result h = ReadBytes(Warcinfo() + full.substr(0, 30));
  ASSERT_EQ(h.errors.size(), 1u);
  EXPECT_EQ(h.errors[0].name, "mem.warc (record 2)");
  EXPECT_NE(h.errors[0].status.message().find("truncated record"), std::string::npos);
}

TEST(WarcReader, BadContentLengthIsReportedAndReadingResumesAtNextRecord) {
  std::string bad = Response("https://news.example/bad", kOliveText, "text/plain");
  size_t at = bad.find("Content-Length: ");
  size_t eol = bad.find("\r\n", at);
  std::string cases[] = {"Content-Length: twelve", "Content-Length: -5",
                         "Content-Length: 99999999999999999999999", "X-No-Length: 1"};
  for (const std::string& header : cases) {
    std::string broken = bad;
    broken.replace(at, eol - at, header);
    Result r = ReadBytes(Response("https://news.example/1", kCupHtml) + broken +
                         Response("https://news.example/3", kBridgeHtml));
    ASSERT_EQ(r.errors.size(), 1u) << header << "\n" << r.Errors();
    EXPECT_EQ(r.errors[0].name, "mem.warc (record 2)");
    EXPECT_EQ(r.errors[0].status.code(), StatusCode::kInvalidArgument);
    EXPECT_NE(r.errors[0].status.message().find("Content-Length"), std::string::npos);
    ASSERT_EQ(r.docs.size(), 2u) << header;
    EXPECT_EQ(r.docs[1].record, "record 3");
    EXPECT_EQ(r.docs[1].bytes, kBridgeHtml);
  }
}

TEST(WarcReader, ContentLengthNotMatchingTheBlockIsReported) {
  for (int delta : {-25, +25}) {
    std::string wrong = Response("https://news.example/wrong", kOliveText, "text/plain");
    size_t at = wrong.find("Content-Length: ") + 16;
    size_t eol = wrong.find("\r\n", at);
    long n = std::stol(wrong.substr(at, eol - at));
    wrong.replace(at, eol - at, std::to_string(n + delta));
    std::string bytes = Response("https://news.example/1", kCupHtml) + wrong +
                        Response("https://news.example/3", kBridgeHtml) +
                        Response("https://news.example/4", kCupHtml);
    Result r = ReadBytes(bytes);
    ASSERT_EQ(r.errors.size(), 1u) << delta << "\n" << r.Errors();
    EXPECT_EQ(r.errors[0].name, "mem.warc (record 2)");
    EXPECT_NE(r.errors[0].status.message().find("Content-Length"), std::string::npos);
    ASSERT_FALSE(r.docs.empty());
    EXPECT_EQ(r.docs.front().record, "record 1");
    EXPECT_EQ(r.docs.back().record, delta < 0 ? "record 4" : "record 3");
    EXPECT_EQ(r.docs.back().hints.url, "https://news.example/4");
  }
}

TEST(WarcReader, BadHeaderResyncsAtNextVersionLine) {
  std::string bytes = "<html>not a warc</html>\r\n" + Response("https://news.example/1", kCupHtml) +
                      "WARC/1.1\r\nthis line has no colon\r\n\r\n" +
                      Response("https://news.example/3", kBridgeHtml);
  Result r = ReadBytes(bytes);
  ASSERT_EQ(r.errors.size(), 2u) << r.Errors();
  EXPECT_EQ(r.errors[0].name, "mem.warc (record 1)");
  EXPECT_NE(r.errors[0].status.message().find("version line"), std::string::npos);
  EXPECT_EQ(r.errors[1].name, "mem.warc (record 3)");
  ASSERT_EQ(r.docs.size(), 2u);
  EXPECT_EQ(r.docs[0].record, "record 2");
  EXPECT_EQ(r.docs[1].record, "record 4");
}

TEST(WarcReader, OverlongHeaderLineIsRefusedWithoutGrowingMemory) {
  std::string bytes = "WARC/1.1\r\nWARC-Type: response\r\nX-Long: " + std::string(1 << 20, 'a') +
                      "\r\n\r\n" + Response("https://news.example/2", kCupHtml);
  Result r = ReadBytes(bytes);
  ASSERT_EQ(r.errors.size(), 1u) << r.Errors();
  EXPECT_EQ(r.errors[0].name, "mem.warc (record 1)");
  ASSERT_EQ(r.docs.size(), 1u);
  EXPECT_EQ(r.docs[0].record, "record 2");
}

TEST(WarcReader, RecordOverTheLimitIsSkippedWithLimitError) {
  std::string big(5000, 'x');
  std::string bytes = Record("resource", big, "text/plain", "file:///big.txt") +
                      Response("https://news.example/cup", kCupHtml);
  WarcOptions options;
  options.max_record_bytes = 1000;
  Result r = ReadBytes(bytes, options);
  ASSERT_EQ(r.errors.size(), 1u) << r.Errors();
  EXPECT_EQ(r.errors[0].name, "mem.warc (record 1)");
  EXPECT_EQ(r.errors[0].status.code(), StatusCode::kResourceExhausted);
  EXPECT_NE(r.errors[0].status.message().find("max_record_bytes"), std::string::npos);
  EXPECT_NE(r.errors[0].status.message().find("1000"), std::string::npos);
  ASSERT_EQ(r.docs.size(), 1u);
  EXPECT_EQ(r.docs[0].record, "record 2");
}

// Fuzzing finding F2 (docs/reliability.md): a response without an HTTP head
// once passed the limit by up to the HTTP-head allowance.
TEST(WarcReader, ResponseWithoutHttpHeadIsHeldToTheRecordLimit) {
  std::string bytes = Record("response", std::string(1500, 'x'), "text/html", "https://news.example/a") +
                      Response("https://news.example/cup", kCupHtml);
  WarcOptions options;
  options.max_record_bytes = 1000;
  Result r = ReadBytes(bytes, options);
  ASSERT_EQ(r.errors.size(), 1u) << r.Errors();
  EXPECT_EQ(r.errors[0].status.code(), StatusCode::kResourceExhausted);
  ASSERT_EQ(r.docs.size(), 1u);
  EXPECT_EQ(r.docs[0].record, "record 2");
  for (const RawDoc& d : r.docs) EXPECT_LE(d.bytes.size(), options.max_record_bytes);
}

TEST(WarcReader, GzipBombRecordIsSkippedWithBoundedMemory) {
  // A resource record of 200 MB of zeros, compressed to a few hundred KB.
  TempDir dir;
  constexpr size_t kMegabytes = 200;
  std::string head =
      "WARC/1.1\r\nWARC-Type: resource\r\nWARC-Target-URI: file:///zeros\r\n"
      "Content-Type: text/plain\r\nContent-Length: " +
      std::to_string(kMegabytes << 20) + "\r\n\r\n";
  std::string bomb = Gzip(head) + GzipOfZeros(kMegabytes) + Gzip("\r\n\r\n") +
                     Gzip(Response("https://news.example/cup", kCupHtml));
  std::string path = dir.Write("bomb.warc.gz", bomb);
  bomb.clear();
  bomb.shrink_to_fit();

  long before = PeakRssKb();
  Result r = ReadFile(path);
  long grown_mb = (PeakRssKb() - before) / 1024;
  EXPECT_LT(grown_mb, 64);
  ASSERT_EQ(r.errors.size(), 1u) << r.Errors();
  EXPECT_EQ(r.errors[0].name, path + " (record 1)");
  EXPECT_EQ(r.errors[0].status.code(), StatusCode::kResourceExhausted);
  EXPECT_NE(r.errors[0].status.message().find("max_record_bytes"), std::string::npos);
  ASSERT_EQ(r.docs.size(), 1u);
  EXPECT_EQ(r.docs[0].record, "record 2");
  EXPECT_EQ(r.docs[0].bytes, kCupHtml);
}

TEST(WarcReader, GzipBombInContentEncodingIsSkippedWithBoundedMemory) {
  std::string zeros = GzipOfZeros(200);
  ASSERT_LT(zeros.size(), 1u << 20);
  std::string bytes =
      Response("https://news.example/bomb", zeros, "text/html", "Content-Encoding: gzip\r\n") +
      Response("https://news.example/cup", kCupHtml);
  WarcOptions options;
  options.max_record_bytes = 4 << 20;
  long before = PeakRssKb();
  Result r = ReadBytes(bytes, options);
  long grown_mb = (PeakRssKb() - before) / 1024;
  EXPECT_LT(grown_mb, 64);
  ASSERT_EQ(r.errors.size(), 1u) << r.Errors();
  EXPECT_EQ(r.errors[0].name, "mem.warc (record 1)");
  EXPECT_EQ(r.errors[0].status.code(), StatusCode::kResourceExhausted);
  EXPECT_NE(r.errors[0].status.message().find("max_record_bytes"), std::string::npos);
  ASSERT_EQ(r.docs.size(), 1u);
  EXPECT_EQ(r.docs[0].bytes, kCupHtml);
}

TEST(WarcReader, EmptyFilesYieldNothing) {
  TempDir dir;
  for (const auto& [name, bytes] : std::vector<std::pair<std::string, std::string>>{
           {"empty.warc", ""}, {"empty.warc.gz", Gzip("")}, {"blank.warc", "\r\n\r\n"}}) {
    Result r = ReadFile(dir.Write(name, bytes));
    EXPECT_TRUE(r.docs.empty()) << name;
    EXPECT_TRUE(r.errors.empty()) << name << ": " << r.Errors();
    EXPECT_TRUE(r.finished);
  }
}

TEST(WarcReader, MissingFileReportsIoErrorNamingTheFile) {
  TempDir dir;
  std::string path = dir.Path("no-such-file.warc.gz");
  Result r = ReadFile(path);
  EXPECT_TRUE(r.docs.empty());
  EXPECT_TRUE(r.finished);
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.errors[0].name, path);
  EXPECT_EQ(r.errors[0].status.code(), StatusCode::kIoError);
  EXPECT_NE(r.errors[0].status.message().find(path), std::string::npos);
}

TEST(WarcReader, DirectoryReportsIoError) {
  TempDir dir;
  Result r = ReadFile(dir.Path(""));
  EXPECT_TRUE(r.docs.empty());
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.errors[0].status.code(), StatusCode::kIoError);
}

TEST(WarcReader, ZstdFileIsReportedAsUnsupported) {
  Result r = ReadBytes(std::string("\x28\xb5\x2f\xfd\x00\x00\x00", 7));
  EXPECT_TRUE(r.docs.empty());
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.errors[0].status.code(), StatusCode::kUnsupported);
}

TEST(WarcReader, SinkReturningFalseStops) {
  TempDir dir;
  std::string path = dir.Write("three.warc.gz", Gzip(MixedWarc()));
  int calls = 0;
  bool finished = ReadWarcFile(
      path, {},
      [&](RawDoc&&) {
        ++calls;
        return false;
      },
      [](const ReadError&) {});
  EXPECT_FALSE(finished);
  EXPECT_EQ(calls, 1);
}

// Every prefix and many single-byte corruptions of a valid file: the reader
// must terminate without crashing (run under ASan to check bounds).
TEST(WarcReader, SurvivesEveryTruncationAndCorruption) {
  std::string plain = Warcinfo() +
                      Response("https://news.example/1", Chunked(Gzip(kCupHtml), 9), "text/html",
                               "Content-Encoding: gzip\r\nTransfer-Encoding: chunked\r\n") +
                      Record("resource", kOliveText, "text/plain", "file:///olive.txt");
  std::string gz = Gzip(plain.substr(0, 200)) + Gzip(plain.substr(200));
  for (const std::string& full : {plain, gz}) {
    for (size_t n = 0; n < full.size(); ++n) {
      Result r = ReadBytes(std::string_view(full).substr(0, n));
      EXPECT_LE(r.docs.size(), 2u);
    }
    for (size_t i = 0; i < full.size(); ++i) {
      for (char c : {'\0', '\n', '7', '\xff'}) {
        std::string mutated = full;
        mutated[i] = c;
        Result r = ReadBytes(mutated);
        EXPECT_LE(r.docs.size(), 3u);
      }
    }
  }
}

}  // namespace
}  // namespace rasd::ingest
