#include <cstdio>
#include <iostream>

#include "cli/commands.h"
#include "rasd/pipeline.h"

namespace rasd::cli {
namespace {

struct AnalyzeArgs {
  std::vector<std::string> sources;
  SourceOptions src;
  bool jsonl = false;
  bool tokens = false;
  bool explain = false;
  bool source_text = false;
  bool no_split = false;
  bool entities = false;
};

int RunAnalyze(const AnalyzeArgs& args) {
  AnalyzeOptions options;
  options.clean.split_appended = !args.no_split;
  Analyzer analyzer(options);
  resolve::EntityIndex index;
  JsonOptions jo;
  jo.tokens = args.tokens;
  jo.source_text = args.source_text;
  jo.pretty = !args.jsonl;
  size_t skipped = 0, written = 0;
  ingest::Reader reader(args.src.ToReadOptions());
  std::vector<std::string> sources = args.sources.empty() ? std::vector<std::string>{"-"} : args.sources;
  reader.Read(
      sources,
      [&](RawDoc&& raw) {
        auto result = analyzer.Analyze(raw);
        if (!result.ok()) {
          PrintError(raw.Name(), result.status().message());
          ++skipped;
          return true;
        }
        for (Analysis& a : *result) {
          AssignEntityIds(&index, &a);
          if (args.explain) {
            std::cout << Explain(a) << "\n";
          } else {
            std::cout << ToJson(a, jo) << "\n";
          }
          ++written;
        }
        return true;
      },
      [&](const ingest::ReadError& e) {
        PrintError(e.name, e.status.message());
        ++skipped;
      });
  if (args.entities) std::cout << EntitiesJson(index, !args.jsonl) << "\n";
  std::cout.flush();
  if (skipped > 0) {
    std::fprintf(stderr, "rasd: analysed %zu documents, skipped %zu inputs\n", written, skipped);
    return kExitSkipped;
  }
  return kExitOk;
}

}  // namespace

void AddAnalyzeCommand(CLI::App& app, int* exit_code) {
  auto args = std::make_shared<AnalyzeArgs>();
  CLI::App* cmd = app.add_subcommand(
      "analyze",
      "Analyse articles without a database: clean text, metadata, removed boilerplate,\n"
      "entities, dates, counts, quotes and events, every one with its offsets.\n"
      "Reads files, directories (recursively), .jsonl/.json/.zip/.warc(.gz) or '-' for stdin,\n"
      "and prints one JSON object per document.");
  cmd->add_option("sources", args->sources, "Files, directories or '-' (default: stdin)");
  AddSourceOptions(cmd, &args->src);
  cmd->add_flag("--jsonl", args->jsonl, "One compact JSON object per line");
  cmd->add_flag("--tokens", args->tokens, "Include tokens (surface, normalized, stem, span)");
  cmd->add_flag("--explain", args->explain,
                "Print a readable audit instead of JSON: metadata with its origin, every "
                "source line as kept or removed with the reason, and each date with how it "
                "was resolved, each count and each quote with its speaker");
  cmd->add_flag("--source-text", args->source_text, "Include the decoded source text");
  cmd->add_flag("--no-split", args->no_split, "Do not split appended articles into documents");
  cmd->add_flag("--entities", args->entities,
                "After the documents, print one object {\"entities\": [...]} with the entities of the\n"
                "whole batch, merged across documents, with their variants");
  cmd->callback([args, exit_code] { *exit_code = RunAnalyze(*args); });
}

}  // namespace rasd::cli
