#include <cstdio>
#include <cstdlib>

#include "cli/commands.h"
#include "rasd/server.h"

namespace rasd::cli {

void AddServeCommand(CLI::App& app, int* exit_code) {
  auto o = std::make_shared<server::Options>();
  o->db = DefaultDb();
  CLI::App* cmd = app.add_subcommand(
      "serve",
      "Serve a corpus: the JSON API (docs/api.md) and the Arabic web page.\n"
      "Listens on 127.0.0.1 (this machine only) unless --host says otherwise.");
  cmd->add_option("--db", o->db, "Corpus database (default: $RASD_DB or rasd.db)");
  cmd->add_option("--host", o->host, "Address to listen on")->capture_default_str();
  cmd->add_option("--port", o->port, "Port (0: any free port)")->capture_default_str();
  cmd->add_option("--threads", o->threads, "Request threads")->capture_default_str();
  cmd->add_flag("--allow-ingest", o->allow_ingest, "Accept POST /api/documents (needs --token)");
  cmd->add_option("--token", o->token, "Bearer token for POST (default: $RASD_TOKEN)");
  cmd->add_option("--max-body-bytes", o->max_body_bytes, "Largest request body in bytes")->capture_default_str();
  cmd->add_option("--web-dir", o->web_dir, "Serve the page from this folder (for working on web/)");
  cmd->callback([o, exit_code] {
    if (o->token.empty()) {
      const char* t = std::getenv("RASD_TOKEN");
      if (t) o->token = t;
    }
    Status s = server::Serve(*o, [&](int port) {
      std::fprintf(stderr, "rasd: serving %s on http://%s:%d/ (Ctrl-C stops)\n", o->db.c_str(),
                   o->host.find(':') != std::string::npos ? ("[" + o->host + "]").c_str() : o->host.c_str(), port);
    });
    if (!s.ok()) {
      PrintError(o->db, s.message());
      *exit_code = kExitFailure;
    }
  });
}

}  // namespace rasd::cli
