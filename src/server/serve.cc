// Serve: cpp-httplib around Api::Handle.
#include <httplib.h>
#include <nlohmann/json.hpp>

#include <csignal>
#include <cstring>

#include "rasd/server.h"

namespace rasd::server {
namespace {

httplib::Server* g_server = nullptr;

void Stop(int) {
  if (g_server) g_server->stop();
}

void Send(const Response& out, httplib::Response& res) {
  res.status = out.status;
  for (const auto& [k, v] : out.headers) res.set_header(k, v);
  res.set_content(out.body, out.content_type);
}

}  // namespace

Status Serve(const Options& options, const std::function<void(int port)>& on_listening) {
  auto api = Api::Open(options);
  if (!api.ok()) return api.status();
  httplib::Server svr;
  const int threads = std::max(1, options.threads);
  svr.new_task_queue = [threads] { return new httplib::ThreadPool(static_cast<size_t>(threads)); };
  svr.set_tcp_nodelay(true);  // without it small responses wait for delayed ACKs (DESIGN.md §8)
  svr.set_payload_max_length(options.max_body_bytes);
  svr.set_read_timeout(10, 0);
  svr.set_write_timeout(30, 0);
  svr.set_keep_alive_max_count(1000);
  auto handler = [&](const httplib::Request& req, httplib::Response& res) {
    Request r;
    r.method = req.method;
    r.path = req.path;
    for (const auto& [k, v] : req.params) r.params.emplace(k, v);
    r.body = req.body;
    r.authorization = req.get_header_value("Authorization");
    Send((*api)->Handle(r), res);
  };
  svr.Get(".*", handler);
  svr.Post(".*", handler);
  svr.Put(".*", handler);
  svr.Delete(".*", handler);
  svr.Patch(".*", handler);
  svr.Options(".*", handler);
  // Errors httplib answers itself (413, 400 on a malformed request) get the API's JSON form.
  svr.set_error_handler([](const httplib::Request&, httplib::Response& res) {
    if (!res.body.empty()) return;
    const char* code = res.status == 413 ? "resource_exhausted" : res.status == 404 ? "not_found" : "invalid_argument";
    std::string msg = res.status == 413 ? "the request is too large" : "the request could not be read (HTTP " + std::to_string(res.status) + ")";
    res.set_content(nlohmann::json{{"error", {{"status", res.status}, {"code", code}, {"message", msg}}}}.dump(),
                    "application/json; charset=utf-8");
  });
  int port = options.port;
  if (port == 0) {
    port = svr.bind_to_any_port(options.host);
    if (port < 0) return Status::IoError("cannot listen on " + options.host);
  } else if (!svr.bind_to_port(options.host, port)) {
    return Status::IoError("cannot listen on " + options.host + ":" + std::to_string(port) +
                           " (in use, or not an address of this machine)");
  }
  g_server = &svr;
  std::signal(SIGINT, Stop);
  std::signal(SIGTERM, Stop);
  std::signal(SIGPIPE, SIG_IGN);
  if (on_listening) on_listening(port);
  bool ok = svr.listen_after_bind();
  g_server = nullptr;
  if (!ok) return Status::IoError("the server stopped with an error");
  return Status::Ok();
}

}  // namespace rasd::server
