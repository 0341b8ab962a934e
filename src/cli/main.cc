// rasd: the command-line shell over the rasd library.
#include <CLI/CLI.hpp>

#include "cli/commands.h"

int main(int argc, char** argv) {
  CLI::App app{
      "rasd (رصد) turns Arabic news articles into an evidence-linked knowledge base.\n"
      "Every subcommand has --help."};
  app.set_version_flag("--version", "rasd 0.1.0");
  app.require_subcommand(1);
  int exit_code = rasd::cli::kExitOk;
  rasd::cli::AddAnalyzeCommand(app, &exit_code);
  rasd::cli::AddIngestCommand(app, &exit_code);
  rasd::cli::AddQueryCommands(app, &exit_code);
  rasd::cli::AddServeCommand(app, &exit_code);
  rasd::cli::AddEvalCommand(app, &exit_code);
  rasd::cli::AddTrainCommand(app, &exit_code);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? 0 : rasd::cli::kExitFailure;
  }
  return exit_code;
}
