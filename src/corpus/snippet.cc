#include "corpus/snippet.h"

#include <set>

#include "rasd/text.h"
#include "rasd/utf8.h"

namespace rasd::corpus {
namespace {

struct Word {
  Span span;
  int term = -1;  // index of the matched query term
};

std::vector<Word> Words(std::string_view text, const std::vector<std::string>& terms) {
  std::vector<Word> out;
  text::ForEachToken(text, [&](const text::Token& t) {
    if (t.kind == text::TokenKind::kPunct) return;
    Word w{t.span, -1};
    for (size_t i = 0; i < terms.size() && w.term < 0; ++i) {
      const std::string& q = terms[i];
      if (!q.empty() && q.back() == '*') {
        std::string_view prefix(q.data(), q.size() - 1);
        if (std::string_view(t.norm).substr(0, prefix.size()) == prefix ||
            std::string_view(t.stem).substr(0, prefix.size()) == prefix) {
          w.term = static_cast<int>(i);
        }
      } else if (t.stem == q) {
        w.term = static_cast<int>(i);
      }
    }
    out.push_back(w);
  });
  return out;
}

bool OnlySpace(std::string_view text, uint32_t from, uint32_t to) {
  for (uint32_t i = from; i < to && i < text.size(); ++i) {
    if (text[i] != ' ' && text[i] != '\n' && text[i] != '\t') return false;
  }
  return true;
}

}  // namespace

nlohmann::ordered_json Snippet(std::string_view text, const std::vector<std::string>& terms, size_t words) {
  std::vector<Word> w = Words(text, terms);
  size_t best_start = 0;
  size_t best_distinct = 0, best_hits = 0;
  if (w.size() > words) {
    for (size_t s = 0; s + words <= w.size(); ++s) {
      if (w[s].term < 0 && s != 0) continue;  // windows start at a hit (or the beginning)
      std::set<int> distinct;
      size_t hits = 0;
      for (size_t k = s; k < s + words; ++k) {
        if (w[k].term >= 0) {
          distinct.insert(w[k].term);
          ++hits;
        }
      }
      if (distinct.size() > best_distinct || (distinct.size() == best_distinct && hits > best_hits)) {
        best_distinct = distinct.size();
        best_hits = hits;
        best_start = s;
      }
    }
    // Show a little context before the first hit.
    best_start = best_start >= 4 ? best_start - 4 : 0;
    if (best_start + words > w.size()) best_start = w.size() - words;
  }
  size_t end_word = std::min(w.size(), best_start + words);
  nlohmann::ordered_json j;
  if (w.empty()) {
    j["text"] = "";
    j["begin"] = 0;
    j["end"] = 0;
    j["before"] = false;
    j["after"] = false;
    j["highlights"] = nlohmann::ordered_json::array();
    j["marks"] = nlohmann::ordered_json::array();
    return j;
  }
  uint32_t begin = w[best_start].span.begin, end = w[end_word - 1].span.end;
  std::string_view snippet = text.substr(begin, end - begin);
  utf8::Utf16Index u16(snippet);
  auto highlights = nlohmann::ordered_json::array();
  auto marks = nlohmann::ordered_json::array();
  // Matched words next to each other (a phrase) make one highlight.
  for (size_t k = best_start; k < end_word; ++k) {
    if (w[k].term < 0) continue;
    size_t last = k;
    while (last + 1 < end_word && w[last + 1].term >= 0 && OnlySpace(text, w[last].span.end, w[last + 1].span.begin)) {
      ++last;
    }
    highlights.push_back({{"begin", w[k].span.begin}, {"end", w[last].span.end}});
    marks.push_back({u16.ToUtf16(w[k].span.begin - begin), u16.ToUtf16(w[last].span.end - begin)});
    k = last;
  }
  j["text"] = std::string(snippet);
  j["begin"] = begin;
  j["end"] = end;
  j["before"] = best_start > 0;
  j["after"] = end_word < w.size();
  j["highlights"] = std::move(highlights);
  j["marks"] = std::move(marks);
  return j;
}

nlohmann::ordered_json Marks(std::string_view text, const std::vector<std::string>& terms) {
  utf8::Utf16Index u16(text);
  auto marks = nlohmann::ordered_json::array();
  std::vector<Word> w = Words(text, terms);
  for (size_t k = 0; k < w.size(); ++k) {
    if (w[k].term < 0) continue;
    size_t last = k;
    while (last + 1 < w.size() && w[last + 1].term >= 0 && OnlySpace(text, w[last].span.end, w[last + 1].span.begin)) {
      ++last;
    }
    marks.push_back({u16.ToUtf16(w[k].span.begin), u16.ToUtf16(w[last].span.end)});
    k = last;
  }
  return marks;
}

}  // namespace rasd::corpus
