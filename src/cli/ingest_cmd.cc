#include <unistd.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "rasd/corpus.h"

namespace rasd::cli {
namespace {

struct IngestArgs {
  std::vector<std::string> sources;
  SourceOptions src;
  std::string db;
  int threads = 0;
  size_t batch = 1000;
  bool quiet = false;
  bool json = false;
  bool no_split = false;
  double threshold = 0.7;
  int window = 3;
};

std::string Clock(double seconds) {
  if (!std::isfinite(seconds) || seconds < 0) return "--:--";
  long s = static_cast<long>(seconds + 0.5);
  char buf[32];
  if (s >= 3600) {
    std::snprintf(buf, sizeof buf, "%ld:%02ld:%02ld", s / 3600, s / 60 % 60, s % 60);
  } else {
    std::snprintf(buf, sizeof buf, "%ld:%02ld", s / 60, s % 60);
  }
  return buf;
}

void DrawProgress(const corpus::Progress& p) {
  const double mb = p.bytes / 1e6;
  const double rate = p.seconds > 0 ? p.documents / p.seconds : 0;
  std::string bar;
  if (p.total_bytes > 0) {
    double f = std::min(1.0, static_cast<double>(p.bytes) / p.total_bytes);
    int full = static_cast<int>(f * 24);
    bar = "[" + std::string(full, '#') + std::string(24 - full, '.') + "] ";
    double eta = f > 0 ? p.seconds * (1 - f) / f : NAN;
    std::fprintf(stderr, "\r%s%zu docs  %.1f MB  %.0f docs/s  ETA %s   ", bar.c_str(), p.documents, mb, rate,
                 Clock(eta).c_str());
  } else {
    std::fprintf(stderr, "\r%zu docs  %.1f MB  %.0f docs/s  %s   ", p.documents, mb, rate, Clock(p.seconds).c_str());
  }
  std::fflush(stderr);
}

int RunIngest(const IngestArgs& args) {
  auto corpus = corpus::Corpus::Open(args.db, false);
  if (!corpus.ok()) {
    PrintError(args.db, corpus.status().message());
    return kExitFailure;
  }
  corpus::IngestOptions o;
  o.read = args.src.ToReadOptions();
  o.analyze.clean.split_appended = !args.no_split;
  o.threads = args.threads;
  o.batch = args.batch;
  o.dedupe.threshold = args.threshold;
  o.story_window_days = args.window;
  const bool tty = isatty(STDERR_FILENO) != 0;
  bool drew = false;
  if (tty && !args.quiet) {
    o.progress = [&](const corpus::Progress& p) {
      DrawProgress(p);
      drew = true;
    };
  }
  o.on_skip = [&](const std::string& name, const std::string& reason) {
    if (drew) std::fputs("\r\x1b[K", stderr);
    PrintError(name, reason);
  };
  auto summary = (*corpus)->Ingest(args.sources, o);
  if (drew) std::fputs("\n", stderr);
  if (!summary.ok()) {
    PrintError(args.db, summary.status().message());
    return kExitFailure;
  }
  const corpus::IngestSummary& s = *summary;
  if (args.json) {
    nlohmann::ordered_json j{{"database", args.db},     {"read", s.read},
                             {"ingested", s.ingested},  {"updated", s.updated},
                             {"unchanged", s.unchanged}, {"duplicates", s.duplicates},
                             {"near_duplicates", s.near_duplicates}, {"skipped", s.skipped},
                             {"skip_reasons", s.skip_reasons}, {"bytes", s.bytes},
                             {"seconds", std::round(s.seconds * 1000) / 1000}};
    std::cout << j.dump() << "\n";
  } else if (!args.quiet || s.skipped > 0) {
    std::printf("%s: %zu inputs read in %.1f s (%.0f docs/s, %.1f MB/s)\n", args.db.c_str(), s.read, s.seconds,
                s.seconds > 0 ? (s.ingested + s.updated) / s.seconds : 0.0, s.seconds > 0 ? s.bytes / 1e6 / s.seconds : 0.0);
    std::printf("  ingested   %zu\n  updated    %zu\n  unchanged  %zu\n", s.ingested, s.updated, s.unchanged);
    std::printf("  duplicates %zu exact, %zu near\n", s.duplicates, s.near_duplicates);
    std::printf("  skipped    %zu\n", s.skipped);
    for (const auto& [reason, n] : s.skip_reasons) std::printf("    %6zu  %s\n", n, reason.c_str());
  }
  return s.skipped > 0 ? kExitSkipped : kExitOk;
}

}  // namespace

std::string DefaultDb() {
  const char* env = std::getenv("RASD_DB");
  return env && *env ? env : "rasd.db";
}

void AddIngestCommand(CLI::App& app, int* exit_code) {
  auto args = std::make_shared<IngestArgs>();
  args->db = DefaultDb();
  CLI::App* cmd = app.add_subcommand(
      "ingest",
      "Analyse articles and store them in a corpus database (SQLite, one file).\n"
      "Idempotent and resumable: unchanged inputs are skipped, changed ones updated,\n"
      "and after an interruption the same command finishes the job.");
  cmd->add_option("sources", args->sources, "Files, directories, archives or '-' for stdin")->required();
  cmd->add_option("--db", args->db, "Corpus database (default: $RASD_DB or rasd.db)");
  AddSourceOptions(cmd, &args->src);
  cmd->add_option("--threads", args->threads, "Analysis threads (default: one per core)");
  cmd->add_option("--batch", args->batch, "Inputs per transaction")->capture_default_str();
  cmd->add_option("--near-threshold", args->threshold,
                  "Estimated word-shingle Jaccard similarity that makes a near-duplicate")
      ->capture_default_str();
  cmd->add_option("--story-days", args->window, "Days apart two reports of one story may be")->capture_default_str();
  cmd->add_flag("--no-split", args->no_split, "Keep articles appended to a page in its document");
  cmd->add_flag("-q,--quiet", args->quiet, "No progress bar and no summary (errors are still printed)");
  cmd->add_flag("--json", args->json, "Print the summary as JSON");
  cmd->callback([args, exit_code] { *exit_code = RunIngest(*args); });
}

}  // namespace rasd::cli
