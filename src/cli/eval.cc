#include <cstdio>
#include <iostream>

#include "cli/commands.h"
#include "rasd/eval.h"

namespace rasd::cli {

void AddEvalCommand(CLI::App& app, int* exit_code) {
  auto options = std::make_shared<eval::EvalOptions>();
  options->data_dir = "../shared/data";
  auto task = std::make_shared<std::string>();
  CLI::App* cmd = app.add_subcommand(
      "eval", "Score rasd against public gold data and print the figures and the misses.\n"
              "Tasks: stem (arabic-stemming-golden), html (CNN Arabic page, trafilatura-ar),\n"
              "dates (duckling-ar, dateparser-ar, timeml-arabic-news), numbers (duckling-ar),\n"
              "ner (ANERcorp CAMeL test split, AQMAR), events (arabic_event_gsr, odd rows),\n"
              "dedupe (SaudiNewsNet duplicates, ANS stance pairs).");
  cmd->add_option("task", *task, "What to evaluate")->required()->check(CLI::IsMember({"stem", "html", "dates", "numbers", "ner", "events", "dedupe"}));
  cmd->add_option("--data", options->data_dir, "Folder holding the gold data sets")->capture_default_str();
  cmd->add_option("--model", options->model_path, "NER model file to score (default: the shipped one)");
  cmd->add_flag("--dev", options->development_rows,
                "events: score the even (development) rows instead of the held-out odd rows");
  cmd->add_option("--misses", options->max_misses, "How many misses to list (-1: all)")
      ->capture_default_str();
  cmd->callback([options, task, exit_code] {
    StatusOr<std::string> report = Status::InvalidArgument("unknown task");
    if (*task == "stem") report = eval::Stemmer(*options);
    if (*task == "html") report = eval::Html(*options);
    if (*task == "dates") report = eval::Dates(*options);
    if (*task == "numbers") report = eval::Numbers(*options);
    if (*task == "ner") report = eval::Ner(*options);
    if (*task == "events") report = eval::Events(*options);
    if (*task == "dedupe") report = eval::Dedupe(*options);
    if (!report.ok()) {
      PrintError("eval " + *task, report.status().message());
      *exit_code = kExitFailure;
      return;
    }
    std::cout << *report;
  });
}

}  // namespace rasd::cli
