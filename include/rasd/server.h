// `rasd serve`: the JSON API (docs/api.md) and the web page over a corpus.
//
//   rasd::server::Options o;
//   o.db = "news.db";                        // read-only unless allow_ingest
//   auto api = rasd::server::Api::Open(o);   // HTTP-free: Handle() is what the server calls
//   rasd::server::Serve(o, [](int port) { ... listening ... });   // blocks
//
// The API answers from read-only connections, one read transaction per
// request, so an ingest running at the same time is never seen half-written.
#ifndef RASD_SERVER_H_
#define RASD_SERVER_H_

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "rasd/status.h"

namespace rasd::server {

struct Options {
  std::string db;
  std::string host = "127.0.0.1";  // loopback unless told otherwise
  int port = 8080;                 // 0: any free port (reported through on_listening)
  int threads = 8;                 // request threads (and read connections)
  bool allow_ingest = false;       // enables POST /api/documents
  std::string token;               // required as "Authorization: Bearer <token>" when allow_ingest
  size_t max_body_bytes = 1 << 20;  // larger requests get 413
  std::string web_dir;             // serve the page from this folder instead of the copy built in
};

struct Request {
  std::string method = "GET";
  std::string path;                                  // "/api/search", without the query string
  std::multimap<std::string, std::string> params;    // decoded query parameters
  std::string body;
  std::string authorization;                         // the Authorization header, if any
};

struct Response {
  int status = 200;
  std::string content_type = "application/json; charset=utf-8";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;
};

// Limits on what a request may ask for (documented in docs/api.md).
constexpr size_t kMaxPageSize = 100;
constexpr size_t kMaxExportRows = 100000;

class Api {
 public:
  static StatusOr<std::unique_ptr<Api>> Open(const Options& options);
  ~Api();
  Api(const Api&) = delete;  // owns database connections
  Api& operator=(const Api&) = delete;

  // Answers one request; safe to call from several threads at once.
  Response Handle(const Request& request);

 private:
  Api();
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Serves `options` over HTTP until the process is stopped. `on_listening`
// gets the bound port once the socket listens.
Status Serve(const Options& options, const std::function<void(int port)>& on_listening = nullptr);

}  // namespace rasd::server

#endif  // RASD_SERVER_H_
