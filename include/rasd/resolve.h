// Entity resolution: one entity per real-world thing, with every variant seen.
//
// Within a document, mentions are linked by their normalized names, by
// transliteration skeletons for foreign names (ماروتو / مارتو), and a lone
// surname to the full name it shortens (بايدن → جو بايدن). Across documents,
// an EntityIndex merges document entities incrementally: gazetteer entries by
// id, people by full name; a lone surname joins an existing person only when
// exactly one person has it (or their roles agree), and is kept apart and
// marked ambiguous otherwise.
//
//   rasd::resolve::EntityIndex index;
//   for (auto& doc : docs) {
//     auto local = rasd::resolve::ResolveDocument(doc.text, mentions);
//     std::vector<std::string> ids = index.Add(local, doc.id, doc.published);
//   }
#ifndef RASD_RESOLVE_H_
#define RASD_RESOLVE_H_

#include <map>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "rasd/document.h"
#include "rasd/ner.h"

namespace rasd::resolve {

// A thing one document talks about.
struct DocEntity {
  ner::EntityType type = ner::EntityType::kMisc;
  std::string name;                   // the fullest form in the document, as written
  std::string key;                    // normalized full name (titles and clitics removed)
  std::vector<std::string> variants;  // every surface form in the document
  std::vector<std::string> roles;     // titles seen before it ("العقيد", "المتحدث باسم")
  const ner::GazetteerEntry* gazetteer = nullptr;
  std::vector<int> mentions;          // indices into the mention list
  bool surname_only = false;          // a person named only by one word in this document
};

struct DocResolution {
  std::vector<DocEntity> entities;
  std::vector<int> entity_of;  // per mention: index into entities
};

// Links the mentions of one document (from ner::Recognizer::Find on `text`).
DocResolution ResolveDocument(std::string_view text, const std::vector<ner::Mention>& mentions);

// The consonant skeleton used to match transliterated names: long vowels
// (ا و ي ى) after the first letter and doubled letters removed, per word.
// "ماروتو" and "مارتو" → "مرت"; "كوريللا" and "كوريلا" → "كرل".
std::string Skeleton(std::string_view normalized_name);

// An entity of the corpus.
struct Entity {
  std::string id;  // gazetteer id ("geonames:170794", "rasd:org:isis") or "rasd:per:<hash>"
  ner::EntityType type = ner::EntityType::kMisc;
  std::string name;
  std::set<std::string> variants;
  std::set<std::string> roles;
  const ner::GazetteerEntry* gazetteer = nullptr;
  size_t mentions = 0;
  size_t documents = 0;
  std::string first_seen, last_seen;  // ISO dates of the documents, when known
  bool ambiguous = false;  // a lone surname that more than one person has
  std::vector<std::string> candidates;  // for ambiguous entities: the people it may be
};

class EntityIndex {
 public:
  EntityIndex();
  ~EntityIndex();
  EntityIndex(const EntityIndex&) = delete;  // owns the lookup tables
  EntityIndex& operator=(const EntityIndex&) = delete;

  // Adds one document's entities; returns the corpus entity id of each.
  std::vector<std::string> Add(const DocResolution& doc, std::string_view doc_id,
                               const Published& published);

  const Entity* Get(std::string_view id) const;
  // The id an entity has now: ids returned by Add can later be merged into
  // another entity (a lone surname found to be one known person).
  std::string Canonical(std::string_view id) const;
  // Every merged id with its current id.
  std::vector<std::pair<std::string, std::string>> Redirects() const;
  // Every entity, most mentioned first.
  std::vector<const Entity*> All() const;

 private:
  struct Tables;
  std::unique_ptr<Tables> t_;
};

}  // namespace rasd::resolve

#endif  // RASD_RESOLVE_H_
