// `rasd serve` under bounded wrk load on loopback while `rasd ingest` writes
// into the same database: no failed request, and no torn read (a document
// seen during the ingest has exactly the facts it has once the ingest ends).
#include <gtest/gtest.h>
#include <httplib.h>
#include <nlohmann/json.hpp>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <regex>
#include <sstream>
#include <thread>

#include "corpus/synthetic.h"
#include "tests/testing.h"

namespace rasd::server {
namespace {

namespace fs = std::filesystem;
using json = nlohmann::json;

// Runs `argv` with stdout and stderr sent to `out`; returns the child's pid.
pid_t Spawn(const std::vector<std::string>& argv, const std::string& out) {
  std::fflush(nullptr);  // the child must not write out our buffered output again
  pid_t pid = fork();
  if (pid == 0) {
    freopen(out.c_str(), "w", stdout);
    dup2(fileno(stdout), fileno(stderr));
    std::vector<char*> args;
    for (const std::string& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    execvp(args[0], args.data());
    _exit(127);
  }
  return pid;
}

int Wait(pid_t pid) {
  int status = 0;
  waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

std::string Slurp(const std::string& path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

bool HaveWrk() { return std::system("wrk --version >/dev/null 2>&1") != 127 && fs::exists("/usr/bin/wrk"); }

// Per-document facts written in the document's own transaction.
json Signature(const json& doc) {
  json s;
  for (const char* k : {"text", "title"}) s[k] = doc.value(k, json());
  for (const char* k : {"paragraphs", "mentions", "entities", "dates", "counts", "quotes", "events", "removed"}) {
    s[k] = doc.contains(k) ? doc[k].size() : 0;
  }
  return s;
}

// What wrk said: requests, non-2xx, socket errors, latency percentiles.
struct WrkResult {
  long requests = -1;
  long non_2xx = 0;
  std::string errors;
  std::string latency;  // the --latency distribution lines
  std::string raw;
};

WrkResult ParseWrk(const std::string& out) {
  WrkResult r;
  r.raw = out;
  std::smatch m;
  if (std::regex_search(out, m, std::regex(R"((\d+) requests in)"))) r.requests = std::stol(m[1]);
  if (std::regex_search(out, m, std::regex(R"(Non-2xx or 3xx responses: (\d+))"))) r.non_2xx = std::stol(m[1]);
  if (std::regex_search(out, m, std::regex(R"(Socket errors:[^\n]*)"))) r.errors = m[0];
  if (std::regex_search(out, m, std::regex(R"(Latency Distribution[\s\S]*?99%[^\n]*)"))) r.latency = m[0];
  return r;
}

TEST(ServeUnderLoad, NoFailedRequestOrTornReadWhileIngestWrites) {
  if (!HaveWrk()) GTEST_SKIP() << "wrk is not installed (scripts/setup installs it)";
  const fs::path dir = fs::temp_directory_path() / ("rasd_load_test_" + std::to_string(getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  const std::string bin = rasd::testing::RasdBinary();
  const std::string db = (dir / "load.db").string();
  // Two feeds: the first is in the database before the server starts, the
  // second is ingested while it serves.
  {
    std::istringstream all(corpus::SyntheticJsonl(5000, 11));
    std::ofstream first(dir / "first.jsonl"), second(dir / "second.jsonl");
    std::string line;
    for (int i = 0; std::getline(all, line); ++i) (i < 800 ? first : second) << line << "\n";
  }
  ASSERT_EQ(Wait(Spawn({bin, "ingest", (dir / "first.jsonl").string(), "--db", db, "--quiet"},
                       (dir / "ingest1.log").string())),
            0)
      << Slurp((dir / "ingest1.log").string());

  const std::string serve_log = (dir / "serve.log").string();
  pid_t server = Spawn({bin, "serve", "--db", db, "--port", "0", "--threads", "4"}, serve_log);
  int port = 0;
  for (int i = 0; i < 200 && port == 0; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    std::smatch m;
    std::string log = Slurp(serve_log);
    if (std::regex_search(log, m, std::regex(R"(http://127\.0\.0\.1:(\d+)/)"))) port = std::stoi(m[1]);
  }
  ASSERT_GT(port, 0) << Slurp(serve_log);
  const std::string base = "http://127.0.0.1:" + std::to_string(port);
  httplib::Client client("127.0.0.1", port);
  client.set_read_timeout(30, 0);
  auto first_page = client.Get("/api/search?q=" + httplib::detail::encode_query_param("مدينة") + "&limit=1");
  ASSERT_TRUE(first_page && first_page->status == 200);
  const std::string some_doc = json::parse(first_page->body)["results"][0]["id"];

  pid_t ingest = Spawn({bin, "ingest", (dir / "second.jsonl").string(), "--db", db, "--quiet", "--batch", "50", "--threads", "1"},
                       (dir / "ingest2.log").string());
  // Bounded load: 2 connections each on a search and on one document page.
  const std::string search_url = base + "/api/search?q=" + httplib::detail::encode_query_param("قصف مدفعي");
  pid_t wrk_search = Spawn({"wrk", "-t1", "-c2", "-d12s", "--latency", search_url}, (dir / "wrk1.log").string());
  pid_t wrk_doc = Spawn({"wrk", "-t1", "-c2", "-d12s", "--latency", base + "/api/documents/" + some_doc},
                        (dir / "wrk2.log").string());

  // Meanwhile: read documents as they arrive and remember what was seen.
  std::map<std::string, json> seen;
  int failed = 0, reads = 0;
  long last_total = -1;
  bool total_went_back = false;
  std::mt19937 rng(5);
  auto ingest_done = [&] { return waitpid(ingest, nullptr, WNOHANG) != 0; };
  int ingest_status = -1;
  while (true) {
    int st = 0;
    pid_t r = waitpid(ingest, &st, WNOHANG);
    if (r == ingest) {
      ingest_status = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
      break;
    }
    auto stats = client.Get("/api/stats");
    ++reads;
    if (!stats || stats->status != 200) {
      ++failed;
      continue;
    }
    long total = json::parse(stats->body)["documents"];
    if (total < last_total) total_went_back = true;
    last_total = total;
    // The newest documents: those most likely to be half-written if writes were not atomic.
    auto page = client.Get("/api/search?sort=date&copies=1&limit=5&offset=" + std::to_string(rng() % 200));
    ++reads;
    if (!page || page->status != 200) {
      ++failed;
      continue;
    }
    const json listing = json::parse(page->body);  // kept alive for the loop
    for (const json& hit : listing["results"]) {
      const std::string id = hit["id"];
      auto doc = client.Get("/api/documents/" + id);
      ++reads;
      if (!doc || doc->status != 200) {
        ++failed;
        ADD_FAILURE() << "listed document " << id << " could not be read: " << (doc ? doc->status : -1);
        continue;
      }
      seen.emplace(id, Signature(json::parse(doc->body)));
    }
  }
  (void)ingest_done;
  const int wrk1 = Wait(wrk_search), wrk2 = Wait(wrk_doc);
  EXPECT_EQ(ingest_status, 0) << Slurp((dir / "ingest2.log").string());

  // After the ingest: every document seen during it is unchanged.
  int torn = 0;
  for (const auto& [id, sig] : seen) {
    auto doc = client.Get("/api/documents/" + id);
    ASSERT_TRUE(doc && doc->status == 200) << id;
    if (Signature(json::parse(doc->body)) != sig) {
      ++torn;
      ADD_FAILURE() << "document " << id << " changed after it was read during the ingest";
    }
  }
  auto stats = client.Get("/api/stats");
  ASSERT_TRUE(stats && stats->status == 200);
  const long final_total = json::parse(stats->body)["documents"];
  kill(server, SIGTERM);
  Wait(server);

  WrkResult w1 = ParseWrk(Slurp((dir / "wrk1.log").string()));
  WrkResult w2 = ParseWrk(Slurp((dir / "wrk2.log").string()));
  std::printf("load test: %ld documents at the end; %d reads by the checker, %zu documents compared, %d torn\n",
              final_total, reads, seen.size(), torn);
  std::printf("wrk /api/search: %ld requests, %ld non-2xx, %s\n%s\n", w1.requests, w1.non_2xx,
              w1.errors.empty() ? "no socket errors" : w1.errors.c_str(), w1.latency.c_str());
  std::printf("wrk /api/documents/{id}: %ld requests, %ld non-2xx, %s\n%s\n", w2.requests, w2.non_2xx,
              w2.errors.empty() ? "no socket errors" : w2.errors.c_str(), w2.latency.c_str());
  EXPECT_EQ(wrk1, 0) << w1.raw;
  EXPECT_EQ(wrk2, 0) << w2.raw;
  EXPECT_GT(w1.requests, 0) << w1.raw;
  EXPECT_GT(w2.requests, 0) << w2.raw;
  EXPECT_EQ(w1.non_2xx, 0) << w1.raw;
  EXPECT_EQ(w2.non_2xx, 0) << w2.raw;
  EXPECT_TRUE(w1.errors.empty()) << w1.raw;
  EXPECT_TRUE(w2.errors.empty()) << w2.raw;
  EXPECT_EQ(failed, 0);
  EXPECT_EQ(torn, 0);
  EXPECT_FALSE(total_went_back);
  // The checker must have seen the corpus grow, or it tested nothing.
  EXPECT_GT(seen.size(), 20u);
  EXPECT_GT(final_total, 4000);
  fs::remove_all(dir);
}

}  // namespace
}  // namespace rasd::server
