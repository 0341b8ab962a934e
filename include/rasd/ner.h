// Named entities: a linear sequence tagger (averaged structured perceptron,
// trained by `rasd train ner` and shipped as data/ner/model.bin) combined
// with gazetteers of places (GeoNames), organisations and armed groups, and
// nationality adjectives.
//
//   const rasd::ner::Recognizer& ner = rasd::ner::Recognizer::Default();
//   std::vector<rasd::ner::Mention> ms = ner.Find(doc.text);
//   // ms[i].span never includes a proclitic: in "والعراق" it is "العراق".
#ifndef RASD_NER_H_
#define RASD_NER_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "rasd/document.h"
#include "rasd/status.h"
#include "rasd/text.h"

namespace rasd::ner {

enum class EntityType : uint8_t { kPer, kOrg, kLoc, kGpe, kNorp, kMisc };
const char* TypeName(EntityType t);  // "PER", "ORG", "LOC", "GPE", "NORP", "MISC"
bool ParseType(std::string_view name, EntityType* t);

// A place, organisation or group that a gazetteer knows.
struct GazetteerEntry {
  std::string id;         // "geonames:170063", "rasd:org:isis"
  std::string name;       // canonical name (Arabic)
  EntityType type = EntityType::kLoc;
  double lat = 0, lon = 0;
  bool has_coordinates = false;
  std::string country;    // ISO code for places
  std::string parent;     // admin region or country name for places
  std::string kind;       // "country", "admin1", "city", "armed-group", "organization", ...
  double population = 0;  // places, when GeoNames gives it
};

struct Mention {
  Span span;                     // the name, without proclitics
  EntityType type = EntityType::kMisc;
  Span role;                     // a title or role right before it ("العقيد", "المتحدث باسم التحالف")
  float confidence = 0;          // tagger margin (0..1), 1 for gazetteer matches
  const GazetteerEntry* gazetteer = nullptr;  // when the name is a known entry
  std::string key;               // normalized name, the start of entity resolution
};

// One tagged sentence for training and evaluation: tokens as given in the
// corpus and BIO tags ("B-PER", "I-LOC", "O"; ANERcorp's "PERS" is read as PER).
struct TaggedSentence {
  std::vector<std::string> tokens;
  std::vector<std::string> tags;
};

// Reads "token TAG" lines; blank lines end sentences. With split_on_period,
// sentences also end after ".", "!", "?", "؟" (for corpora without breaks).
StatusOr<std::vector<TaggedSentence>> ReadConll(const std::string& path, bool split_on_period);

// Removes from `train` every sentence that shares a run of `n` tokens with
// any sentence of `test` (the original ANERcorp contains the CAMeL test split
// and some repeated sentences). Returns the number of sentences removed.
size_t RemoveOverlap(std::vector<TaggedSentence>* train, const std::vector<TaggedSentence>& test,
                     size_t n = 6);

// Moves the last `fraction` (0..1) of `train`'s sentences, a contiguous
// tail, into *dev (replacing its contents): a development set of later
// articles, as the test split is, for judging changes without the test
// split. Returns the number of sentences moved.
size_t SplitDevTail(std::vector<TaggedSentence>* train, double fraction, std::vector<TaggedSentence>* dev);

class Tagger;
class Gazetteer;

class Recognizer {
 public:
  // The shipped model and gazetteers (loaded once; aborts if the shipped model is corrupt).
  static const Recognizer& Default();
  // A recognizer over a model file's bytes.
  static StatusOr<std::unique_ptr<Recognizer>> FromModel(std::string_view model_bytes);
  ~Recognizer();
  Recognizer(const Recognizer&) = delete;  // holds the model's weights
  Recognizer& operator=(const Recognizer&) = delete;

  // Every mention in `text`, in order.
  std::vector<Mention> Find(std::string_view text) const;
  // The same over tokens already made by text::Tokenize(text).
  std::vector<Mention> Find(std::string_view text, const std::vector<text::Token>& tokens) const;

  // BIO tags for pre-tokenized input (evaluation on CoNLL-style corpora).
  std::vector<std::string> TagTokens(const std::vector<std::string>& tokens) const;
  // The same for the sentences of one document, in order: the second pass
  // sees how the first pass tagged each word elsewhere in the document.
  std::vector<std::vector<std::string>> TagDocument(
      const std::vector<std::vector<std::string>>& sentences) const;

  const Gazetteer& gazetteer() const { return *gazetteer_; }

 private:
  Recognizer();
  // Chooses among places sharing a name by the document's other places.
  void DisambiguatePlaces(std::vector<Mention>* mentions) const;
  std::unique_ptr<Tagger> tagger_;  // both passes
  const Gazetteer* gazetteer_;
};

struct TrainOptions {
  int epochs = 20;
  uint64_t seed = 1;
  float prune = 0.01f;  // drop features whose weights are all smaller (keeps the model small)
  // Probability of hiding a token's own word features in a training step, so
  // the model learns to tag unseen names from affixes and context.
  float word_dropout = 0.25f;
  // Train a second pass that uses document context (how the first pass tagged
  // the same word elsewhere), from first-pass tags made by cross-validation.
  bool document_pass = true;
  int folds = 5;                  // cross-validation folds for the first-pass tags
  int document_sentences = 20;    // training text has no article breaks: blocks of this many
};

struct TrainReport {
  size_t sentences = 0, tokens = 0, features = 0, kept_features = 0;
  std::vector<double> epoch_accuracy;  // token accuracy on the training data, per epoch
};

// Trains a tagger; deterministic for a given seed and data. The model bytes
// are what `rasd train ner --out` writes and FromModel reads.
StatusOr<std::string> Train(const std::vector<TaggedSentence>& data, const TrainOptions& options,
                            TrainReport* report);

}  // namespace rasd::ner

#endif  // RASD_NER_H_
