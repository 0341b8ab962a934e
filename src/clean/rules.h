// The cleaning lexicon (data/clean/boilerplate.tsv) compiled into one RE2
// set (internal to clean).
#ifndef RASD_CLEAN_RULES_H_
#define RASD_CLEAN_RULES_H_

#include <re2/re2.h>
#include <re2/set.h>

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rasd::clean {

enum class Action { kLine, kRest, kReadAlso, kCaption, kDateline, kSignature, kPrefix };

struct RuleMatch {
  Action action;
  std::string reason;
  // Named groups of the pattern, as byte ranges of the normalized line ({0,0} when absent).
  std::pair<size_t, size_t> outlet{0, 0};
  std::pair<size_t, size_t> date{0, 0};
  std::pair<size_t, size_t> rest{0, 0};
  size_t match_end = 0;  // end of the whole match (for prefixes)
};

class Rules {
 public:
  // The rules shipped in data/ (compiled once per process).
  static const Rules& Default();
  // Compiles rules from the text of a lexicon file; aborts on a bad pattern,
  // since lexicons ship with the binary and are tested.
  explicit Rules(std::string_view lexicon);
  Rules(const Rules&) = delete;  // holds compiled automata
  Rules& operator=(const Rules&) = delete;

  // The first rule (in file order) that matches the normalized line.
  std::optional<RuleMatch> Match(std::string_view key) const;

 private:
  struct Rule {
    Action action;
    std::string reason;
    std::unique_ptr<RE2> re;
    int outlet_group = -1, date_group = -1, rest_group = -1;
  };
  std::vector<Rule> rules_;
  std::unique_ptr<RE2::Set> set_;
};

}  // namespace rasd::clean

#endif  // RASD_CLEAN_RULES_H_
