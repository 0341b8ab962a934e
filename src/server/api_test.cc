#include <gtest/gtest.h>
#include <httplib.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <thread>

#include "rasd/corpus.h"
#include "rasd/server.h"
#include "tests/testing.h"

namespace rasd::server {
namespace {

using json = nlohmann::json;
namespace fs = std::filesystem;

class ApiTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new fs::path(fs::temp_directory_path() / ("rasd_api_test_" + std::to_string(getpid())));
    fs::remove_all(*dir_);
    fs::create_directories(*dir_);
    auto c = corpus::Corpus::Open(Db(), false);
    ASSERT_TRUE(c.ok()) << c.status().message();
    std::string f = rasd::testing::SourceDir() + "/tests/fixtures/corpus/";
    auto s = (*c)->Ingest({f + "search.jsonl", f + "three_outlets.jsonl", f + "two_towns.jsonl"}, {});
    ASSERT_TRUE(s.ok()) << s.status().message();
  }
  static void TearDownTestSuite() {
    fs::remove_all(*dir_);
    delete dir_;
  }
  static std::string Db() { return (*dir_ / "api.db").string(); }

  void SetUp() override {
    Options o;
    o.db = Db();
    o.threads = 2;
    auto api = Api::Open(o);
    ASSERT_TRUE(api.ok()) << api.status().message();
    api_ = std::move(*api);
  }

  Response Get(const std::string& path, std::multimap<std::string, std::string> params = {}) {
    Request r;
    r.path = path;
    r.params = std::move(params);
    return api_->Handle(r);
  }
  json GetJson(const std::string& path, std::multimap<std::string, std::string> params = {}, int status = 200) {
    Response r = Get(path, std::move(params));
    EXPECT_EQ(r.status, status) << path << ": " << r.body;
    EXPECT_NE(r.content_type.find("application/json"), std::string::npos);
    return json::parse(r.body);
  }
  // An error response: JSON with status, code and a message.
  void ExpectError(const Response& r, int status, const std::string& code) {
    EXPECT_EQ(r.status, status) << r.body;
    json j = json::parse(r.body);
    EXPECT_EQ(j["error"]["status"], status);
    EXPECT_EQ(j["error"]["code"], code);
    EXPECT_FALSE(j["error"]["message"].get<std::string>().empty());
  }

  static fs::path* dir_;
  std::unique_ptr<Api> api_;
};
fs::path* ApiTest::dir_ = nullptr;

TEST_F(ApiTest, HealthAndStats) {
  json h = GetJson("/api/health");
  EXPECT_EQ(h["status"], "ok");
  EXPECT_EQ(h["documents"], 12);
  EXPECT_EQ(h["ingest"], false);
  json s = GetJson("/api/stats");
  EXPECT_EQ(s["documents"], 12);
  EXPECT_EQ(s["exact_duplicates"], 2);
  EXPECT_FALSE(s.contains("path"));  // the server's file system stays private
}

TEST_F(ApiTest, SearchGivesSnippetsWithBothKindsOfOffsets) {
  json r = GetJson("/api/search", {{"q", "التحالف"}, {"limit", "2"}});
  EXPECT_EQ(r["total"], 3);
  ASSERT_EQ(r["results"].size(), 2u);
  for (const auto& hit : r["results"]) {
    EXPECT_TRUE(hit["snippet"].contains("marks"));
    EXPECT_TRUE(hit["snippet"].contains("highlights"));
  }
  json page2 = GetJson("/api/search", {{"q", "التحالف"}, {"limit", "2"}, {"offset", "2"}});
  EXPECT_EQ(page2["results"].size(), 1u);
  json by_date = GetJson("/api/search", {{"q", "داعش"}, {"sort", "date"}, {"outlet", "وكالة المثال للأنباء"}});
  EXPECT_EQ(by_date["total"], 1);
  json all = GetJson("/api/search", {{"q", "\"قوات سوريا الديمقراطية\""}, {"copies", "1"}});
  EXPECT_EQ(all["total"], 2);
}

TEST_F(ApiTest, SearchErrorsAreJson) {
  ExpectError(Get("/api/search", {{"q", "\"قوات"}}), 400, "invalid_argument");
  ExpectError(Get("/api/search", {{"q", "داعش"}, {"limit", "1000"}}), 400, "invalid_argument");
  ExpectError(Get("/api/search", {{"q", "داعش"}, {"limit", "-1"}}), 400, "invalid_argument");
  ExpectError(Get("/api/search", {{"q", "داعش"}, {"from", "yesterday"}}), 400, "invalid_argument");
  ExpectError(Get("/api/search", {{"q", "داعش"}, {"sort", "random"}}), 400, "invalid_argument");
  ExpectError(Get("/api/search", {{"q", "داعش"}, {"qq", "x"}}), 400, "invalid_argument");
  ExpectError(Get("/api/search", {{"q", std::string(1200, 'a')}}), 400, "invalid_argument");
  ExpectError(Get("/api/search", {{"q", "داعش"}, {"entity", "لا أحد بهذا الاسم"}}), 404, "not_found");
  ExpectError(Get("/api/search", {{"q", "a"}, {"q", "b"}}), 400, "invalid_argument");
}

// Fuzzing findings F4 and F5: a NUL in a query, or bytes that are not UTF-8
// in a path or parameter, once gave 500 (or threw while writing the error).
TEST_F(ApiTest, NulAndInvalidUtf8InRequestsAre400) {
  ExpectError(Get("/api/search", {{"q", std::string("a\0b", 3)}}), 400, "invalid_argument");
  ExpectError(Get("/api/search", {{"q", "a\xff" "b"}}), 400, "invalid_argument");
  ExpectError(Get("/api/search", {{"\xff", "1"}}), 400, "invalid_argument");
  ExpectError(Get("/api/entities/\xff"), 400, "invalid_argument");
  ExpectError(Get("/api/\xff"), 400, "invalid_argument");
}

TEST_F(ApiTest, DocumentHasEverySpanWithUtf16Offsets) {
  json r = GetJson("/api/search", {{"q", "معرة"}, {"limit", "1"}});
  ASSERT_FALSE(r["results"].empty());
  std::string id = r["results"][0]["id"];
  json d = GetJson("/api/documents/" + id);
  EXPECT_EQ(d["id"], id);
  for (const char* k : {"text", "mentions", "entities", "dates", "counts", "quotes", "events", "removed", "corpus"}) {
    EXPECT_TRUE(d.contains(k)) << k;
  }
  ASSERT_FALSE(d["mentions"].empty());
  for (const auto& m : d["mentions"]) {
    EXPECT_TRUE(m.contains("begin16") && m.contains("end16"));
    std::string text = d["text"];
    EXPECT_EQ(text.substr(m["begin"].get<size_t>(), m["end"].get<size_t>() - m["begin"].get<size_t>()), m["text"]);
  }
  ExpectError(Get("/api/documents/0000000000000000"), 404, "not_found");
}

TEST_F(ApiTest, EntitiesAndEntityPages) {
  json list = GetJson("/api/entities", {{"type", "GPE"}, {"limit", "5"}});
  ASSERT_FALSE(list["entities"].empty());
  for (const auto& e : list["entities"]) EXPECT_EQ(e["type"], "GPE");
  std::string id = list["entities"][0]["id"];
  json e = GetJson("/api/entities/" + id);
  EXPECT_EQ(e["id"], id);
  for (const char* k : {"variants", "timeline", "quotes", "co_occurring", "recent_documents"}) {
    EXPECT_TRUE(e.contains(k)) << k;
  }
  json by_name = GetJson("/api/entities/" + e["name"].get<std::string>());
  EXPECT_EQ(by_name["id"], id);
  ExpectError(Get("/api/entities", {{"type", "CITY"}}), 400, "invalid_argument");
  ExpectError(Get("/api/entities/لا-يوجد"), 404, "not_found");
}

TEST_F(ApiTest, EventsListingAndDownloads) {
  json ev = GetJson("/api/events", {{"type", "ASSAULT"}});
  ASSERT_FALSE(ev["events"].empty());
  for (const auto& e : ev["events"]) {
    EXPECT_EQ(e["type"], "ASSAULT");
    EXPECT_FALSE(e["evidence"].empty());
  }
  json reports = GetJson("/api/events", {{"reports", "1"}});
  EXPECT_TRUE(reports.contains("reports"));
  Response csv = Get("/api/events.csv", {{"type", "ASSAULT"}});
  EXPECT_EQ(csv.status, 200);
  EXPECT_EQ(csv.content_type, "text/csv; charset=utf-8");
  EXPECT_EQ(csv.body.substr(0, 3), "\xEF\xBB\xBF");
  bool attachment = false;
  for (const auto& [k, v] : csv.headers) attachment = attachment || (k == "Content-Disposition" && v.find("attachment") == 0);
  EXPECT_TRUE(attachment);
  Response geo = Get("/api/events.geojson");
  EXPECT_EQ(json::parse(geo.body)["type"], "FeatureCollection");
  EXPECT_EQ(Get("/api/events.acled.csv").status, 200);
  EXPECT_TRUE(json::parse(Get("/api/events.plover.json").body).is_array());
  ExpectError(Get("/api/events", {{"place", "مكان غير موجود"}}), 404, "not_found");
  ExpectError(Get("/api/events", {{"reports", "maybe"}}), 400, "invalid_argument");
  ExpectError(Get("/api/events.csv", {{"vague", "high"}}), 400, "invalid_argument");
}

TEST_F(ApiTest, ListingsForTheWebPage) {
  // No query: the documents the filters select, newest first.
  json listing = GetJson("/api/search", {{"outlet", "شبكة الأخبار الأولى"}});
  EXPECT_EQ(listing["total"], 4);
  json outlets = GetJson("/api/outlets");
  ASSERT_FALSE(outlets["outlets"].empty());
  EXPECT_TRUE(outlets["outlets"][0].contains("documents"));
  json names = GetJson("/api/entities", {{"q", "إدل"}});
  ASSERT_FALSE(names["entities"].empty());
  EXPECT_EQ(names["entities"][0]["name"], "إدلب");
  json events = GetJson("/api/events", {{"sort", "killed"}, {"limit", "1"}});
  EXPECT_EQ(events["total"], GetJson("/api/events")["total"]);
  ASSERT_EQ(events["events"].size(), 1u);
  int64_t id = events["events"][0]["id"];
  json one = GetJson("/api/events/" + std::to_string(id));
  EXPECT_EQ(one["id"], id);
  EXPECT_TRUE(one["evidence"][0]["sentence"].contains("begin16"));
  ExpectError(Get("/api/events/x1"), 400, "invalid_argument");
  ExpectError(Get("/api/events/424242"), 404, "not_found");
  ExpectError(Get("/api/events", {{"type", "FOO"}}), 400, "invalid_argument");
  ExpectError(Get("/api/events", {{"sort", "size"}}), 400, "invalid_argument");
  ExpectError(Get("/api/search", {{"q", "داعش"}, {"from", "2015-13"}}), 400, "invalid_argument");
  json timeline = GetJson("/api/timeline", {{"type", "ASSAULT"}});
  for (const auto& e : timeline["events"]) EXPECT_EQ(e["type"], "ASSAULT");
}

TEST_F(ApiTest, QuotesTimelineStories) {
  json q = GetJson("/api/quotes", {{"limit", "5"}});
  EXPECT_TRUE(q["quotes"].is_array());
  json t = GetJson("/api/timeline", {{"interval", "month"}});
  ASSERT_FALSE(t["documents"].empty());
  EXPECT_EQ(t["documents"][0]["bucket"].get<std::string>().size(), 7u);
  ExpectError(Get("/api/timeline", {{"interval", "hour"}}), 400, "invalid_argument");
  ExpectError(Get("/api/stories/abc"), 400, "invalid_argument");
  ExpectError(Get("/api/stories/999999"), 404, "not_found");
}

TEST_F(ApiTest, UnknownPathsMethodsAndFiles) {
  ExpectError(Get("/api/nothing"), 404, "not_found");
  Request del;
  del.method = "DELETE";
  del.path = "/api/documents/x";
  ExpectError(api_->Handle(del), 405, "method_not_allowed");
  Request post;
  post.method = "POST";
  post.path = "/api/documents";
  post.body = "{}";
  ExpectError(api_->Handle(post), 403, "forbidden");
  // Static files: the page, and nothing outside it.
  Response page = Get("/");
  EXPECT_EQ(page.status, 200);
  EXPECT_NE(page.content_type.find("text/html"), std::string::npos);
  bool csp = false;
  for (const auto& [k, v] : page.headers) csp = csp || k == "Content-Security-Policy";
  EXPECT_TRUE(csp);
  for (const char* bad : {"/../CMakeLists.txt", "/..%2f..%2fetc/passwd", "/web/../../etc/passwd", "/.hidden",
                          "/index.html/..", "/nope.js", "//etc/passwd"}) {
    EXPECT_EQ(Get(bad).status, 404) << bad;
  }
}

TEST_F(ApiTest, PostNeedsIngestModeAndToken) {
  Options o;
  o.db = (*dir_ / "post.db").string();  // a copy: the other tests read the fixture corpus as it is
  fs::copy_file(Db(), o.db, fs::copy_options::overwrite_existing);
  o.allow_ingest = true;
  o.token = "short";
  EXPECT_FALSE(Api::Open(o).ok());  // a token too short to be a secret
  o.token = "s3cret-token-for-tests";
  auto api = Api::Open(o);
  ASSERT_TRUE(api.ok());
  Request post;
  post.method = "POST";
  post.path = "/api/documents";
  post.body = json{{"url", "https://post.example/1"}, {"title", "اعتقال مطلوبين في درعا"}, {"date", "2023-08-01"},
                   {"source", "موقع المرآة"},
                   {"content", "اعتقلت قوات الأمن ثلاثة مطلوبين في مدينة درعا صباح الثلاثاء بعد مداهمة منازلهم."}}
                  .dump();
  ExpectError((*api)->Handle(post), 401, "unauthorized");
  post.authorization = "Bearer wrong-token-for-tests!";
  ExpectError((*api)->Handle(post), 401, "unauthorized");
  post.authorization = "Bearer s3cret-token-for-tests";
  Response ok = (*api)->Handle(post);
  ASSERT_EQ(ok.status, 201) << ok.body;
  json j = json::parse(ok.body);
  ASSERT_EQ(j["documents"].size(), 1u);
  json doc = json::parse((*api)->Handle(Request{"GET", "/api/documents/" + j["documents"][0].get<std::string>(), {}, "", ""}).body);
  EXPECT_EQ(doc["title"], "اعتقال مطلوبين في درعا");
  Response again = (*api)->Handle(post);
  EXPECT_EQ(json::parse(again.body)["unchanged"], 1);
  Request bad = post;
  bad.body = "not json";
  ExpectError((*api)->Handle(bad), 400, "invalid_argument");
  bad.body = json{{"content", ""}}.dump();
  Response empty = (*api)->Handle(bad);
  EXPECT_TRUE(empty.status == 400 || empty.status == 422) << empty.body;
}

// Through a real socket: limits httplib enforces, and the loopback default.
TEST_F(ApiTest, HttpServerEnforcesLimitsAndAnswersJson) {
  Options o;
  o.db = Db();
  o.port = 0;
  o.max_body_bytes = 1000;
  EXPECT_EQ(o.host, "127.0.0.1");
  int port = 0;
  std::thread server([&] {
    Serve(o, [&](int p) { port = p; });
  });
  for (int i = 0; i < 200 && port == 0; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(10));
  ASSERT_GT(port, 0);
  httplib::Client client("127.0.0.1", port);
  auto health = client.Get("/api/health");
  ASSERT_TRUE(health);
  EXPECT_EQ(health->status, 200);
  auto big = client.Post("/api/documents", std::string(5000, 'x'), "application/json");
  ASSERT_TRUE(big);
  EXPECT_EQ(big->status, 413);
  EXPECT_NE(big->body.find("\"code\""), std::string::npos);
  auto q = client.Get("/api/search?q=%D8%AF%D8%A7%D8%B9%D8%B4&limit=1");
  ASSERT_TRUE(q);
  EXPECT_EQ(q->status, 200);
  EXPECT_EQ(json::parse(q->body)["total"], 3);
  std::raise(SIGTERM);  // Serve stops on SIGTERM
  server.join();
}

}  // namespace
}  // namespace rasd::server
