// The subcommands of the rasd command-line program. Each file registers one
// subcommand on the CLI11 app and runs it through the library.
#ifndef RASD_CLI_COMMANDS_H_
#define RASD_CLI_COMMANDS_H_

#include <CLI/CLI.hpp>

#include <string>
#include <vector>

#include "rasd/ingest.h"

namespace rasd::cli {

// Exit statuses shared by every command.
constexpr int kExitOk = 0;
constexpr int kExitFailure = 1;  // the command could not run (bad arguments, no database)
constexpr int kExitSkipped = 2;  // it ran, but some inputs were skipped (each reported)

// Options every command that reads sources accepts (--glob, --format, --text-field ...).
struct SourceOptions {
  std::string glob;
  std::string format = "auto";
  std::vector<std::string> text_fields, title_fields, date_fields, url_fields, outlet_fields;
  double max_doc_mb = 16;
  ingest::ReadOptions ToReadOptions() const;
};
void AddSourceOptions(CLI::App* cmd, SourceOptions* o);

// Prints "rasd: <name>: <message>" on stderr.
void PrintError(const std::string& name, const std::string& message);

void AddAnalyzeCommand(CLI::App& app, int* exit_code);
void AddEvalCommand(CLI::App& app, int* exit_code);
void AddTrainCommand(CLI::App& app, int* exit_code);
void AddIngestCommand(CLI::App& app, int* exit_code);
void AddServeCommand(CLI::App& app, int* exit_code);
// search, show, entities, entity, events, quotes, timeline, story, stats, export.
void AddQueryCommands(CLI::App& app, int* exit_code);

// The corpus database when --db is not given: $RASD_DB, else rasd.db.
std::string DefaultDb();

}  // namespace rasd::cli

#endif  // RASD_CLI_COMMANDS_H_
