// Gazetteers compiled into one marisa trie over normalized names: places
// (data/gazetteer/places.tsv from GeoNames, place_aliases.tsv), organisations
// and armed groups (organizations.tsv), nationality adjectives
// (nationalities.tsv) and titles (data/ner/titles.tsv). Internal to ner.
#ifndef RASD_EXTRACT_NER_GAZETTEER_H_
#define RASD_EXTRACT_NER_GAZETTEER_H_

#include <marisa.h>

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "extract/ner/string_table.h"
#include "rasd/ner.h"
#include "rasd/text.h"

namespace rasd::ner {

// The matching key of a token: its normalized form without the conjunction
// and preposition proclitics (the article stays; "للرقة" gives "الرقه").
std::string TokenKey(const text::Token& t);
// The same from the proclitics SplitProclitics(t.norm) found.
std::string TokenKey(const text::Token& t, const text::Clitics& c);

class Gazetteer {
 public:
  static const Gazetteer& Default();
  Gazetteer(const Gazetteer&) = delete;  // owns the trie
  Gazetteer& operator=(const Gazetteer&) = delete;

  struct Match {
    size_t begin = 0, end = 0;  // token range [begin, end)
    const GazetteerEntry* entry = nullptr;  // the preferred entry for the name
    bool title = false;         // a title/role, not an entity
  };

  // The longest name starting at token `i` (keys are TokenKey of each token).
  std::optional<Match> LongestAt(std::span<const std::string_view> keys, size_t i) const;
  // Longest title ending right before token `i` (a role word before a name).
  std::optional<Match> TitleBefore(std::span<const std::string_view> keys, size_t i) const;

  const GazetteerEntry* ById(std::string_view id) const;
  const std::vector<GazetteerEntry>& entries() const { return entries_; }
  // The entry for an exact normalized name, if any.
  const GazetteerEntry* ByName(std::string_view key) const;
  // Every entry with that name, the preferred (ByName's) first.
  std::vector<const GazetteerEntry*> AllByName(std::string_view key) const;
  // A given name (data/ner/first_names.txt), by token key.
  bool IsFirstName(std::string_view key) const { return first_names_.Contains(key); }
  // A word never taken as a name on its own (data/gazetteer/not_names.txt), by key.
  bool IsNotName(std::string_view key) const { return not_names_.Contains(key); }
  // A common word that is also a place name (data/gazetteer/common_words.txt), by
  // key: a place only after a place word ("مدينة الباب").
  bool IsCommonWord(std::string_view key) const { return common_words_.Contains(key); }

 private:
  Gazetteer();
  void AddName(std::string_view name, int entry);  // entry -1: a title
  void AddPlace(const std::vector<std::string_view>& fields);
  void Build();
  // Preference among entries sharing one name.
  static double Prominence(const GazetteerEntry& e, double population);

  std::vector<GazetteerEntry> entries_;
  std::vector<double> population_;
  std::unordered_map<std::string, int> by_id_;
  std::unordered_map<std::string, std::vector<int>> names_;  // key → entries (-1 = title)
  marisa::Trie trie_;
  std::vector<int> key_best_;      // trie key id → preferred entry (-1 = title)
  size_t max_words_ = 1;
  StringTable<char> first_names_;
  StringTable<char> not_names_;    // data/gazetteer/not_names.txt, as keys
  StringTable<char> common_words_;  // data/gazetteer/common_words.txt, as keys
  StringTable<char> first_words_;  // first word of every name key
};

}  // namespace rasd::ner

#endif  // RASD_EXTRACT_NER_GAZETTEER_H_
