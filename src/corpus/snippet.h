// Snippets with highlights for search results (internal).
#ifndef RASD_CORPUS_SNIPPET_H_
#define RASD_CORPUS_SNIPPET_H_

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace rasd::corpus {

// The passage of `text` (about `words` words) with the most distinct query
// terms, as {"text", "begin", "end", "before", "after", "highlights": [{begin,
// end}] (byte offsets into `text`), "marks": [[b, e]] (UTF-16 offsets into
// the snippet's text, for display)}. `terms` are index terms; a term ending
// in '*' is a prefix.
nlohmann::ordered_json Snippet(std::string_view text, const std::vector<std::string>& terms, size_t words = 36);

// UTF-16 ranges of the words of `text` that match `terms` (for titles).
nlohmann::ordered_json Marks(std::string_view text, const std::vector<std::string>& terms);

}  // namespace rasd::corpus

#endif  // RASD_CORPUS_SNIPPET_H_
