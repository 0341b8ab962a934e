#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>

#include "cli/commands.h"
#include "rasd/eval.h"
#include "rasd/ner.h"

namespace rasd::cli {
namespace {

struct TrainArgs {
  std::string train = "../shared/data/anercorp/ANERCorp";
  std::string test = "../shared/data/anercorp/ANERCorp_CamelLab_test.txt";
  std::string out = "data/ner/model.bin";
  ner::TrainOptions options;
  // > 0: hold out this fraction of the training corpus (its contiguous tail,
  // after the overlap removal) as a development set, train on the rest and
  // score on it; the test split is not scored, and the model is written only
  // when --out is given.
  double dev_tail = 0;
  bool out_given = false;
};

int RunTrainNer(const TrainArgs& a) {
  auto train = ner::ReadConll(a.train, /*split_on_period=*/true);
  if (!train.ok()) {
    PrintError("train ner", train.status().message());
    return kExitFailure;
  }
  auto test = ner::ReadConll(a.test, false);
  if (!test.ok()) {
    PrintError("train ner", test.status().message());
    return kExitFailure;
  }
  auto tokens_in = [](const std::vector<ner::TaggedSentence>& sentences) {
    size_t n = 0;
    for (const auto& s : sentences) n += s.tokens.size();
    return n;
  };
  size_t read = train->size();
  const size_t tokens_before = tokens_in(*train);
  size_t removed = ner::RemoveOverlap(&*train, *test);
  const size_t tokens_after = tokens_in(*train);
  std::printf("training data: %zu sentences (%zu tokens) read from %s\n", read, tokens_before, a.train.c_str());
  std::printf("removed %zu sentences (%zu tokens) that share a 6-token run with the test split %s\n",
              removed, tokens_before - tokens_after, a.test.c_str());
  std::vector<ner::TaggedSentence> dev;
  if (a.dev_tail > 0) {
    size_t moved = ner::SplitDevTail(&*train, a.dev_tail, &dev);
    std::printf("development tail: %zu sentences (%zu tokens) held out, %zu sentences left to train on\n",
                moved, tokens_in(dev), train->size());
  }
  auto t0 = std::chrono::steady_clock::now();
  ner::TrainReport report;
  auto model = ner::Train(*train, a.options, &report);
  if (!model.ok()) {
    PrintError("train ner", model.status().message());
    return kExitFailure;
  }
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  for (size_t e = 0; e < report.epoch_accuracy.size(); ++e) {
    std::printf("epoch %2zu: training token accuracy %.4f\n", e + 1, report.epoch_accuracy[e]);
  }
  std::printf("trained on %zu sentences, %zu tokens in %.1f s (seed %llu, %d epochs); %zu features, %zu kept\n",
              report.sentences, report.tokens, secs, static_cast<unsigned long long>(a.options.seed),
              a.options.epochs, report.features, report.kept_features);
  if (a.dev_tail > 0) {
    std::printf("model size %.1f MB\n", model->size() / 1e6);
    auto scores = eval::NerOn(*model, dev, "development tail of the training corpus, conlleval entity level");
    if (!scores.ok()) {
      PrintError("train ner", scores.status().message());
      return kExitFailure;
    }
    std::cout << *scores;
    if (!a.out_given) return kExitOk;
  }
  std::ofstream out(a.out, std::ios::binary);
  out << *model;
  if (!out) {
    PrintError(a.out, "cannot write the model");
    return kExitFailure;
  }
  out.close();
  std::printf("wrote %s (%.1f MB)\n", a.out.c_str(), model->size() / 1e6);
  if (a.dev_tail > 0) return kExitOk;
  eval::EvalOptions eo;
  eo.model_path = a.out;
  std::string test_dir = a.test.substr(0, a.test.find_last_of('/'));
  eo.data_dir = test_dir.substr(0, test_dir.find_last_of('/'));
  auto scores = eval::Ner(eo);
  if (scores.ok()) std::cout << *scores;
  return kExitOk;
}

struct TrainEventsArgs {
  std::string data = "../shared/data";
  std::string out = "data/events/reported.model";
};

int RunTrainEvents(const TrainEventsArgs& a) {
  eval::EvalOptions eo;
  eo.data_dir = a.data;
  std::string model;
  auto report = eval::TrainEvents(eo, &model);
  if (!report.ok()) {
    PrintError("train events", report.status().message());
    return kExitFailure;
  }
  std::cout << *report;
  std::ofstream out(a.out, std::ios::binary);
  out << model;
  if (!out) {
    PrintError(a.out, "cannot write the model");
    return kExitFailure;
  }
  std::printf("wrote %s\n", a.out.c_str());
  return kExitOk;
}

}  // namespace

void AddTrainCommand(CLI::App& app, int* exit_code) {
  auto args = std::make_shared<TrainArgs>();
  CLI::App* cmd = app.add_subcommand("train", "Train rasd's models from gold data.");
  CLI::App* ner = cmd->add_subcommand(
      "ner",
      "Train the named-entity tagger (averaged structured perceptron) on ANERcorp minus every\n"
      "sentence that overlaps the CAMeL test split, write the model, and score it.\n"
      "The shipped data/ner/model.bin is made by: rasd train ner  (defaults below, seed 1).");
  ner->add_option("--train", args->train, "Training corpus, 'token TAG' lines")->capture_default_str();
  ner->add_option("--test", args->test, "Test split to exclude and score on")->capture_default_str();
  ner->add_option("--out", args->out, "Where to write the model")->capture_default_str();
  ner->add_option("--epochs", args->options.epochs, "Training passes")->capture_default_str();
  ner->add_option("--seed", args->options.seed, "Shuffling seed (training is deterministic given it)")
      ->capture_default_str();
  ner->add_option("--word-dropout", args->options.word_dropout,
                  "Probability of hiding a token's own word features in a training step")
      ->capture_default_str();
  ner->add_option("--prune", args->options.prune, "Drop features whose weights are all below this")
      ->capture_default_str();
  CLI::Option* out_opt = ner->get_option("--out");
  ner->add_option("--dev-tail", args->dev_tail,
                  "Hold out this fraction of the training corpus (its last sentences, after the overlap\n"
                  "removal) as a development set: train on the rest and score on it, not on the test\n"
                  "split; the model is written only when --out is given")
      ->check(CLI::Range(0.0, 0.9))
      ->capture_default_str();
  cmd->require_subcommand(1);
  ner->callback([args, exit_code, out_opt] {
    args->out_given = out_opt->count() > 0;
    *exit_code = RunTrainNer(*args);
  });
  auto ev = std::make_shared<TrainEventsArgs>();
  CLI::App* events = cmd->add_subcommand(
      "events",
      "Train the scorer that tells an event report from a mention (data/events/reported.model)\n"
      "on the even-numbered rows of arabic_event_gsr; thresholds by 5-fold cross-validation.\n"
      "The odd rows stay held out for `rasd eval events`.");
  events->add_option("--data", ev->data, "Folder holding arabic_event_gsr")->capture_default_str();
  events->add_option("--out", ev->out, "Where to write the model")->capture_default_str();
  events->callback([ev, exit_code] { *exit_code = RunTrainEvents(*ev); });
}

}  // namespace rasd::cli
