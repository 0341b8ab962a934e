// The HTTP API in-process: server::Api::Handle (what `rasd serve` calls for
// every request, after cpp-httplib has decoded the path and the query
// string) with fuzzed method, path, parameters, Authorization header and
// body. Once per process a small corpus is built in a temporary folder
// (documents written for this target, through Corpus::IngestDocs): one
// read-only API over it, and one with --allow-ingest over a second copy for
// POST /api/documents.
//
// Input: 0x1F-separated mode byte, path, parameters ("k=v&k2=v2", already
// decoded: any bytes), Authorization ("T" stands for the right token), body.
// Mode bits 0-2 pick the method; with bit 3 the path is appended to one of
// the endpoints (bits 4-7). "@N" as the last path segment or as a parameter
// value stands for the id of stored document N.
//
// Checked: the status is one docs/api.md lists other than 500 (2xx, 400,
// 401, 403, 404, 405, 413, 414, 422); a JSON response (application/json,
// application/geo+json) parses; an error is {"error": {status (the HTTP
// status), code, message}}; every text body is valid UTF-8; the
// nosniff header is always set.
#include <unistd.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "fuzz_util.h"
#include "rasd/corpus.h"
#include "rasd/server.h"
#include "rasd/utf8.h"

namespace fs = std::filesystem;
namespace server = rasd::server;

namespace {

constexpr const char* kToken = "fuzz-token-0123456789";

struct Article {
  const char* url;
  const char* title;
  const char* date;
  const char* outlet;
  const char* text;
};

// Written for this target (not taken from any outlet).
const Article kArticles[] = {
    {"https://one.example/2024/03/02/strike", "غارة جوية على بلدة قرب إدلب", "2024-03-02", "شبكة المثال",
     "شنت طائرات حربية، السبت، غارة جوية على بلدة كفر تخاريم في ريف إدلب الشمالي، ما أدى إلى مقتل ثلاثة "
     "مدنيين وإصابة سبعة آخرين.\nوقال مدير الدفاع المدني في المنطقة سامر الحلبي: \"فرقنا انتشلت الضحايا من "
     "تحت الأنقاض\".\nوأفادت مصادر محلية بأن الغارة استهدفت سوقاً شعبياً."},
    {"https://two.example/news/7781", "غارة جوية على بلدة قرب إدلب", "2024-03-02", "صحيفة النموذج",
     "شنت طائرات حربية، السبت، غارة جوية على بلدة كفر تخاريم في ريف إدلب الشمالي، ما أدى إلى مقتل ثلاثة "
     "مدنيين وإصابة سبعة آخرين.\nوقال مدير الدفاع المدني في المنطقة سامر الحلبي: \"فرقنا انتشلت الضحايا من "
     "تحت الأنقاض\".\nوأفادت مصادر محلية بأن الغارة استهدفت سوقاً شعبياً."},
    {"https://one.example/2024/03/05/protest", "مظاهرة في تونس العاصمة", "2024-03-05", "شبكة المثال",
     "تظاهر مئات الأشخاص، الثلاثاء، في شارع الحبيب بورقيبة وسط تونس العاصمة احتجاجاً على ارتفاع الأسعار.\n"
     "واعتقلت الشرطة ١٢ متظاهراً بحسب منظمة حقوقية محلية.\nوقالت الناشطة ليلى بن سالم إن المحتجين سيعودون "
     "إلى الشارع الأسبوع المقبل."},
    {"https://three.example/a/99", "اشتباكات في دير الزور", "2024-03-06", "موقع التجربة",
     "اندلعت اشتباكات عنيفة، الأربعاء، بين قوات سوريا الديمقراطية ومسلحين من العشائر في ريف دير الزور "
     "الشرقي، أسفرت عن مقتل خمسة عناصر.\nوأعلن التحالف الدولي أنه يتابع الوضع عن كثب.\nوذكر المرصد أن "
     "عشرات العائلات نزحت من قرية ذيبان."},
    {"https://three.example/a/100", "الحكومة تعلن خطة لإعادة الإعمار", "2024-04-01", "موقع التجربة",
     "أعلن وزير الأشغال العامة خالد المصري، الإثنين، عن خطة لإعادة إعمار ٤٠ مدرسة في محافظة حلب خلال عام "
     "٢٠٢٤.\nوقال الوزير: \"سنبدأ بالمدارس الأكثر تضرراً\"."},
};

std::vector<rasd::RawDoc> Docs() {
  std::vector<rasd::RawDoc> docs;
  for (const Article& a : kArticles) {
    rasd::RawDoc d;
    d.uri = a.url;
    d.content_type = "text/plain";
    d.bytes = a.text;
    d.hints.title = a.title;
    d.hints.title_from = "jsonl:title";
    d.hints.date = a.date;
    d.hints.date_from = "jsonl:date";
    d.hints.url = a.url;
    d.hints.outlet = a.outlet;
    docs.push_back(std::move(d));
  }
  return docs;
}

struct World {
  fs::path dir;
  std::unique_ptr<server::Api> ro, rw;
  std::vector<std::string> ids;
};

std::vector<std::string> Build(const std::string& db) {
  auto c = rasd::corpus::Corpus::Open(db, false);
  FUZZ_CHECK(c.ok(), "cannot create %s: %s", db.c_str(), c.status().message().c_str());
  rasd::corpus::IngestOptions io;
  io.threads = 1;
  auto s = (*c)->IngestDocs(Docs(), io);
  FUZZ_CHECK(s.ok() && s->skipped == 0, "cannot ingest the fixture documents");
  return s->ids;
}

World& Get() {
  static World* w = [] {
    auto* world = new World;
    rasd::fuzz::RemoveStale(fs::temp_directory_path(), "rasd-http-fuzz-");
    world->dir = fs::temp_directory_path() / ("rasd-http-fuzz-" + std::to_string(getpid()));
    fs::remove_all(world->dir);
    fs::create_directories(world->dir);
    std::atexit([] { fs::remove_all(Get().dir); });
    world->ids = Build((world->dir / "ro.db").string());
    Build((world->dir / "rw.db").string());
    server::Options o;
    o.db = (world->dir / "ro.db").string();
    o.threads = 1;
    auto ro = server::Api::Open(o);
    FUZZ_CHECK(ro.ok(), "Api::Open: %s", ro.status().message().c_str());
    world->ro = std::move(*ro);
    o.db = (world->dir / "rw.db").string();
    o.allow_ingest = true;
    o.token = kToken;
    o.max_body_bytes = 16 << 10;
    auto rw = server::Api::Open(o);
    FUZZ_CHECK(rw.ok(), "Api::Open (ingest): %s", rw.status().message().c_str());
    world->rw = std::move(*rw);
    return world;
  }();
  return *w;
}

const char* const kMethods[] = {"GET", "GET", "GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS"};
const char* const kEndpoints[] = {"/api/search",     "/api/documents/",   "/api/entities",        "/api/entities/",
                                  "/api/events",     "/api/events/",      "/api/events.csv",      "/api/events.geojson",
                                  "/api/events.acled.csv", "/api/events.plover.json", "/api/quotes", "/api/timeline",
                                  "/api/stories/",   "/api/stats",        "/api/health",          "/api/outlets"};

// "@N" → the id of stored document N.
std::string Resolve(const std::string& s, const std::vector<std::string>& ids) {
  if (s.size() == 2 && s[0] == '@' && s[1] >= '0' && s[1] <= '9' && !ids.empty()) {
    return ids[static_cast<size_t>(s[1] - '0') % ids.size()];
  }
  return s;
}

bool IsJson(const std::string& content_type) {
  return content_type.starts_with("application/json") || content_type.starts_with("application/geo+json");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  World& w = Get();
  rasd::fuzz::Fields f(rasd::fuzz::AsView(data, size));
  const std::string_view flags = f.Next();
  const uint8_t mode = flags.empty() ? 0 : static_cast<uint8_t>(flags[0]);
  server::Request r;
  r.method = kMethods[mode & 7];
  std::string path(f.Next());
  if (mode & 8) path = kEndpoints[mode >> 4] + path;
  size_t slash = path.rfind('/');
  if (slash != std::string::npos) path = path.substr(0, slash + 1) + Resolve(path.substr(slash + 1), w.ids);
  r.path = path;
  const std::string_view params = f.Next();
  for (size_t i = 0; !params.empty();) {
    size_t amp = params.find('&', i);
    if (amp == std::string_view::npos) amp = params.size();
    std::string_view kv = params.substr(i, amp - i);
    size_t eq = kv.find('=');
    std::string k(kv.substr(0, eq));
    std::string v(eq == std::string_view::npos ? "" : kv.substr(eq + 1));
    r.params.emplace(std::move(k), Resolve(v, w.ids));
    if (amp == params.size()) break;
    i = amp + 1;
  }
  const std::string_view auth = f.Next();
  r.authorization = auth == "T" ? std::string("Bearer ") + kToken : std::string(auth);
  r.body = std::string(f.Rest());

  const bool api_path = r.path == "/api" || r.path.starts_with("/api/");
  server::Api& api = r.method == "POST" ? *w.rw : *w.ro;
  const server::Response resp = api.Handle(r);

  const int s = resp.status;
  static const bool trace = std::getenv("RASD_FUZZ_TRACE") != nullptr;
  if (trace) {
    std::fprintf(stderr, "%s %s -> %d %s %.*s\n", r.method.c_str(), r.path.c_str(), s, resp.content_type.c_str(),
                 static_cast<int>(std::min<size_t>(resp.body.size(), 160)), resp.body.c_str());
  }
  const bool listed = s == 200 || s == 201 || s == 400 || s == 401 || s == 403 || s == 404 || s == 405 ||
                      s == 413 || s == 414 || s == 422;
  FUZZ_CHECK(listed, "%s %s: status %d: %.*s", r.method.c_str(), r.path.c_str(), s,
             static_cast<int>(std::min<size_t>(resp.body.size(), 600)), resp.body.c_str());
  bool nosniff = false;
  for (const auto& [k, v] : resp.headers) nosniff = nosniff || (k == "X-Content-Type-Options" && v == "nosniff");
  FUZZ_CHECK(nosniff, "no X-Content-Type-Options header");
  const bool text = resp.content_type.find("charset=utf-8") != std::string::npos || IsJson(resp.content_type);
  if (text) {
    FUZZ_CHECK(rasd::utf8::FindInvalid(resp.body) == std::string::npos, "%s %s: body is invalid UTF-8",
               r.method.c_str(), r.path.c_str());
  }
  if (IsJson(resp.content_type) && !(s == 200 && !api_path)) {
    auto j = nlohmann::json::parse(resp.body, nullptr, false);
    FUZZ_CHECK(!j.is_discarded(), "%s %s: status %d, body is not JSON: %.*s", r.method.c_str(), r.path.c_str(),
               s, static_cast<int>(std::min<size_t>(resp.body.size(), 300)), resp.body.c_str());
    if (s >= 400) {
      FUZZ_CHECK(j.is_object() && j.contains("error") && j["error"].is_object(), "error without an error object");
      const auto& e = j["error"];
      FUZZ_CHECK(e.contains("status") && e["status"].is_number_integer() && e["status"].get<int>() == s,
                 "error status does not repeat the HTTP status %d", s);
      FUZZ_CHECK(e.contains("code") && e["code"].is_string() && !e["code"].get<std::string>().empty(),
                 "error without a code");
      FUZZ_CHECK(e.contains("message") && e["message"].is_string() && !e["message"].get<std::string>().empty(),
                 "error without a message");
    }
  } else if (s >= 400 && api_path) {
    FUZZ_CHECK(false, "%s %s: error %d is not JSON (%s)", r.method.c_str(), r.path.c_str(), s,
               resp.content_type.c_str());
  }
  return 0;
}
