// The JSON API: routes requests to corpus queries (docs/api.md).
#include <nlohmann/json.hpp>

#include <condition_variable>
#include <mutex>
#include <sstream>

#include "rasd/corpus.h"
#include "rasd/data.h"
#include "rasd/search.h"
#include "rasd/server.h"
#include "rasd/utf8.h"
#include "server/params.h"
#include "server/static_files.h"

namespace rasd::server {

using json = nlohmann::ordered_json;

namespace {

int HttpStatus(const Status& s) {
  switch (s.code()) {
    case StatusCode::kInvalidArgument: return 400;
    case StatusCode::kNotFound: return 404;
    case StatusCode::kResourceExhausted: return 413;
    case StatusCode::kUnsupported: return 400;
    default: return 500;
  }
}

Response Error(int status, const std::string& code, const std::string& message) {
  Response r;
  r.status = status;
  r.body = json{{"error", {{"status", status}, {"code", code}, {"message", message}}}}.dump(
      -1, ' ', false, json::error_handler_t::replace);
  return r;
}

Response Error(const Status& s) { return Error(HttpStatus(s), s.CodeName(), s.message()); }

Response Json(const StatusOr<std::string>& body) {
  if (!body.ok()) return Error(body.status());
  Response r;
  r.body = *body;
  return r;
}

// "/api/documents/abc" with prefix "/api/documents/" → "abc".
bool Tail(const std::string& path, const std::string& prefix, std::string* tail) {
  if (path.size() <= prefix.size() || path.compare(0, prefix.size(), prefix) != 0) return false;
  *tail = path.substr(prefix.size());
  return tail->find('/') == std::string::npos;
}

// Holds a read-only connection for one request, with one snapshot.
class Lease {
 public:
  Lease(std::mutex* mu, std::condition_variable* cv, std::vector<corpus::Corpus*>* free)
      : mu_(mu), cv_(cv), free_(free) {
    std::unique_lock<std::mutex> lock(*mu_);
    cv_->wait(lock, [&] { return !free_->empty(); });
    c_ = free_->back();
    free_->pop_back();
    lock.unlock();
    c_->BeginRead();
  }
  ~Lease() {
    c_->EndRead();
    std::lock_guard<std::mutex> lock(*mu_);
    free_->push_back(c_);
    cv_->notify_one();
  }
  corpus::Corpus& operator*() { return *c_; }
  corpus::Corpus* operator->() { return c_; }

 private:
  std::mutex* mu_;
  std::condition_variable* cv_;
  std::vector<corpus::Corpus*>* free_;
  corpus::Corpus* c_ = nullptr;
};

}  // namespace

struct Api::Impl {
  Options options;
  std::vector<std::unique_ptr<corpus::Corpus>> readers;
  std::vector<corpus::Corpus*> free;
  std::mutex mu;
  std::condition_variable cv;
  std::mutex ingest_mu;  // one POST ingest at a time
  StaticFiles files;

  Lease Read() { return Lease(&mu, &cv, &free); }

  Response Route(const Request& r);
  Response Search(const Request& r);
  Response Events(const Request& r, const std::string& format);
  Response Ingest(const Request& r);
};

Api::Api() : impl_(std::make_unique<Impl>()) {}
Api::~Api() = default;

StatusOr<std::unique_ptr<Api>> Api::Open(const Options& options) {
  if (options.allow_ingest && options.token.size() < 8) {
    return Status::InvalidArgument("--allow-ingest needs a --token of at least 8 characters");
  }
  std::unique_ptr<Api> api(new Api());
  api->impl_->options = options;
  int n = std::max(1, options.threads);
  for (int i = 0; i < n; ++i) {
    auto c = corpus::Corpus::Open(options.db, true);
    if (!c.ok()) return c.status();
    api->impl_->free.push_back(c->get());
    api->impl_->readers.push_back(std::move(*c));
  }
  auto files = StaticFiles::Open(options.web_dir);
  if (!files.ok()) return files.status();
  api->impl_->files = std::move(*files);
  return api;
}

Response Api::Handle(const Request& request) {
  try {
    Response r = impl_->Route(request);
    r.headers.emplace_back("X-Content-Type-Options", "nosniff");
    r.headers.emplace_back("Cache-Control", r.status == 200 && request.path.rfind("/api/", 0) != 0 ? "max-age=300" : "no-store");
    return r;
  } catch (const std::exception& e) {
    return Error(500, "internal", std::string("internal error: ") + e.what());
  }
}

Response Api::Impl::Route(const Request& r) {
  const std::string& p = r.path;
  if (p.size() > 2048) return Error(414, "invalid_argument", "the path is too long");
  if (utf8::FindInvalid(p) != std::string::npos) return Error(400, "invalid_argument", "the path is not valid UTF-8");
  for (const auto& kv : r.params) {
    if (utf8::FindInvalid(kv.first) != std::string::npos || utf8::FindInvalid(kv.second) != std::string::npos) {
      return Error(400, "invalid_argument", "a query parameter is not valid UTF-8");
    }
  }
  const bool api = p == "/api" || p.rfind("/api/", 0) == 0;
  if (!api) {
    if (r.method != "GET" && r.method != "HEAD") return Error(405, "method_not_allowed", "only GET serves files");
    return files.Serve(p);
  }
  if (r.method == "POST" && p == "/api/documents") return Ingest(r);
  if (r.method != "GET" && r.method != "HEAD") {
    return Error(405, "method_not_allowed", r.method + " is not allowed on " + p);
  }
  std::string tail;
  if (p == "/api/health") {
    auto params = Params::Check(r, {});
    if (!params.ok()) return Error(params.status());
    auto c = Read();
    auto stats = c->Stats();
    if (!stats.ok()) return Error(stats.status());
    json s = json::parse(*stats);
    return Json(json{{"status", "ok"}, {"documents", s["documents"]}, {"schema_version", s["schema_version"]},
                     {"ingest", options.allow_ingest}}
                    .dump());
  }
  if (p == "/api/stats") {
    auto params = Params::Check(r, {});
    if (!params.ok()) return Error(params.status());
    auto c = Read();
    return Json(c->Stats());
  }
  if (p == "/api/search") return Search(r);
  if (Tail(p, "/api/documents/", &tail)) {
    auto params = Params::Check(r, {});
    if (!params.ok()) return Error(params.status());
    auto c = Read();
    return Json(c->Document(tail));
  }
  if (p == "/api/entities") {
    auto params = Params::Check(r, {"type", "ambiguous", "q", "limit", "offset"});
    if (!params.ok()) return Error(params.status());
    auto limit = params->Size("limit", 50, kMaxPageSize);
    auto offset = params->Size("offset", 0, 1000000);
    auto ambiguous = params->Flag("ambiguous");
    if (!limit.ok()) return Error(limit.status());
    if (!offset.ok()) return Error(offset.status());
    if (!ambiguous.ok()) return Error(ambiguous.status());
    corpus::EntityQuery q;
    q.type = params->Text("type");
    q.name = params->Text("q");
    if (q.name.size() > 200) return Error(400, "invalid_argument", "q is longer than 200 bytes");
    q.ambiguous_only = *ambiguous;
    q.limit = *limit;
    q.offset = *offset;
    auto c = Read();
    return Json(c->Entities(q));
  }
  if (p == "/api/outlets") {
    auto params = Params::Check(r, {});
    if (!params.ok()) return Error(params.status());
    auto c = Read();
    return Json(c->Outlets());
  }
  if (Tail(p, "/api/entities/", &tail)) {
    auto params = Params::Check(r, {});
    if (!params.ok()) return Error(params.status());
    auto c = Read();
    return Json(c->Entity(tail));
  }
  if (p == "/api/events") return Events(r, "json");
  if (Tail(p, "/api/events/", &tail)) {
    auto params = Params::Check(r, {});
    if (!params.ok()) return Error(params.status());
    if (tail.empty() || tail.size() > 18 || tail.find_first_not_of("0123456789") != std::string::npos) {
      return Error(400, "invalid_argument", "an event id is a number");
    }
    auto c = Read();
    return Json(c->Event(std::stoll(tail)));
  }
  if (p == "/api/events.csv") return Events(r, "csv");
  if (p == "/api/events.geojson") return Events(r, "geojson");
  if (p == "/api/events.acled.csv") return Events(r, "acled");
  if (p == "/api/events.plover.json") return Events(r, "plover");
  if (p == "/api/quotes") {
    auto params = Params::Check(r, {"speaker", RASD_FILTER_PARAMS, "limit", "offset"});
    if (!params.ok()) return Error(params.status());
    auto f = params->Filters();
    auto limit = params->Size("limit", 20, kMaxPageSize);
    auto offset = params->Size("offset", 0, 1000000);
    if (!f.ok()) return Error(f.status());
    if (!limit.ok()) return Error(limit.status());
    if (!offset.ok()) return Error(offset.status());
    auto c = Read();
    return Json(c->Quotes(params->Text("speaker"), *f, *limit, *offset));
  }
  if (p == "/api/timeline") {
    auto params = Params::Check(r, {"interval", "type", "place", "actor", RASD_FILTER_PARAMS});
    if (!params.ok()) return Error(params.status());
    auto f = params->Filters();
    if (!f.ok()) return Error(f.status());
    corpus::EventQuery q;
    q.filters = *f;
    if (!params->Text("type").empty()) q.filters.event_type = params->Text("type");
    q.place = params->Text("place");
    q.actor = params->Text("actor");
    auto c = Read();
    return Json(c->Timeline(params->Text("interval", "day"), q));
  }
  if (Tail(p, "/api/stories/", &tail)) {
    auto params = Params::Check(r, {});
    if (!params.ok()) return Error(params.status());
    if (tail.empty() || tail.size() > 18 || tail.find_first_not_of("0123456789") != std::string::npos) {
      return Error(400, "invalid_argument", "a story id is a number");
    }
    auto c = Read();
    return Json(c->Story(std::stoll(tail)));
  }
  return Error(404, "not_found", "no API endpoint " + p + " (see docs/api.md)");
}

Response Api::Impl::Search(const Request& r) {
  auto params = Params::Check(r, {"q", RASD_FILTER_PARAMS, "sort", "limit", "offset", "copies"});
  if (!params.ok()) return Error(params.status());
  corpus::SearchRequest s;
  s.query = params->Text("q");
  if (s.query.size() > search::kMaxQueryBytes) {
    return Error(400, "invalid_argument", "q is longer than " + std::to_string(search::kMaxQueryBytes) + " bytes");
  }
  auto f = params->Filters();
  auto limit = params->Size("limit", 20, kMaxPageSize);
  auto offset = params->Size("offset", 0, 100000);
  auto copies = params->Flag("copies");
  if (!f.ok()) return Error(f.status());
  if (!limit.ok()) return Error(limit.status());
  if (!offset.ok()) return Error(offset.status());
  if (!copies.ok()) return Error(copies.status());
  s.filters = *f;
  s.sort = params->Text("sort", "relevance");
  s.limit = *limit;
  s.offset = *offset;
  s.collapse = !*copies;
  auto c = Read();
  return Json(c->Search(s));
}

Response Api::Impl::Events(const Request& r, const std::string& format) {
  auto params = Params::Check(r, {"type", "place", "actor", RASD_FILTER_PARAMS, "reports", "all_modalities",
                                  "vague", "sort", "limit", "offset"});
  if (!params.ok()) return Error(params.status());
  corpus::EventQuery q;
  auto f = params->Filters();
  if (!f.ok()) return Error(f.status());
  q.filters = *f;
  if (!params->Text("type").empty()) q.filters.event_type = params->Text("type");
  q.place = params->Text("place");
  q.actor = params->Text("actor");
  q.vague_numbers = params->Text("vague", "low");
  q.sort = params->Text("sort", "date");
  auto reports = params->Flag("reports");
  auto all = params->Flag("all_modalities");
  if (!reports.ok()) return Error(reports.status());
  if (!all.ok()) return Error(all.status());
  q.clusters = !*reports;
  q.asserted_only = !*all;
  auto c = Read();
  if (format == "json") {
    auto limit = params->Size("limit", 50, kMaxPageSize);
    auto offset = params->Size("offset", 0, 1000000);
    if (!limit.ok()) return Error(limit.status());
    if (!offset.ok()) return Error(offset.status());
    q.limit = *limit;
    q.offset = *offset;
    return Json(c->Events(q));
  }
  if (*reports) return Error(400, "invalid_argument", "downloads list merged events; reports=1 is for JSON only");
  std::ostringstream out;
  Status s = c->Export(format, q, out);
  if (!s.ok()) return Error(s);
  Response resp;
  resp.body = out.str();
  const bool csv = format == "csv" || format == "acled";
  resp.content_type = csv ? "text/csv; charset=utf-8"
                          : format == "geojson" ? "application/geo+json" : "application/json; charset=utf-8";
  std::string file = format == "acled" ? "rasd-events-acled.csv"
                     : format == "plover" ? "rasd-events-plover.json"
                     : "rasd-events." + format;
  resp.headers.emplace_back("Content-Disposition", "attachment; filename=\"" + file + "\"");
  return resp;
}

Response Api::Impl::Ingest(const Request& r) {
  if (!options.allow_ingest) {
    return Error(403, "forbidden", "this server is read-only (start it with --allow-ingest --token TOKEN)");
  }
  const std::string expected = "Bearer " + options.token;
  // Compare without an early exit, so timing does not reveal the token.
  bool same = r.authorization.size() == expected.size();
  unsigned diff = 0;
  for (size_t i = 0; i < expected.size() && i < r.authorization.size(); ++i) {
    diff |= static_cast<unsigned char>(expected[i]) ^ static_cast<unsigned char>(r.authorization[i]);
  }
  if (!same || diff != 0) return Error(401, "unauthorized", "missing or wrong Authorization: Bearer token");
  auto params = Params::Check(r, {});
  if (!params.ok()) return Error(params.status());
  if (r.body.size() > options.max_body_bytes) return Error(413, "resource_exhausted", "the article is too large");
  json in = json::parse(r.body, nullptr, false);
  if (in.is_discarded() || !in.is_object()) {
    return Error(400, "invalid_argument", "the body must be one JSON object: {\"content\" or \"html\", \"url\", \"title\", \"date\", \"source\"}");
  }
  std::string key = in.contains("url") && in["url"].is_string() ? in["url"].get<std::string>()
                                                                  : std::to_string(std::hash<std::string>()(r.body));
  std::vector<RawDoc> docs;
  std::string error;
  ingest::ReadOptions ro;
  ro.format = "json";
  ingest::Reader reader(ro);
  reader.ReadBytes("api/" + key, r.body, [&](RawDoc&& d) {
        docs.push_back(std::move(d));
        return true;
      },
      [&](const ingest::ReadError& e) { error = e.status.message(); });
  if (docs.empty()) return Error(400, "invalid_argument", error.empty() ? "no article in the body" : error);
  std::lock_guard<std::mutex> lock(ingest_mu);
  auto writer = corpus::Corpus::Open(options.db, false);
  if (!writer.ok()) return Error(writer.status());
  corpus::IngestOptions io;
  io.threads = 1;
  std::string skipped;
  io.on_skip = [&](const std::string&, const std::string& reason) { skipped = reason; };
  auto summary = (*writer)->IngestDocs(std::move(docs), io);
  if (!summary.ok()) return Error(summary.status());
  if (summary->skipped > 0) return Error(422, "unprocessable", skipped);
  Response resp;
  resp.status = summary->ingested > 0 ? 201 : 200;
  resp.body = json{{"ingested", summary->ingested}, {"updated", summary->updated}, {"unchanged", summary->unchanged},
                   {"duplicates", summary->duplicates}, {"near_duplicates", summary->near_duplicates},
                   {"documents", summary->ids}}
                  .dump();
  return resp;
}

}  // namespace rasd::server
