// The cleaner works on lines of the source text. Each line is kept whole,
// kept in part (an outlet prefix or a doubled half removed), or removed with
// a reason; the clean text is the kept parts joined by '\n', so every byte of
// it is a byte of the source.
#include <xxhash.h>

#include <algorithm>
#include <cstdio>
#include <optional>
#include <unordered_map>
#include <unordered_set>

#include "clean/metadata.h"
#include "clean/rules.h"
#include "rasd/clean.h"
#include "rasd/text.h"
#include "rasd/utf8.h"

namespace rasd::clean {
namespace {

struct Line {
  Span src;      // the line without its '\n' (and '\r')
  Span trimmed;  // without surrounding whitespace
  Span keep;     // the part kept (== trimmed unless a prefix or half was removed)
  std::string key;  // normalized text of `trimmed`, spaces collapsed
  int words = 0;
  bool blank = true;
  std::string reason;  // non-empty: the whole line is removed
  std::vector<Removed> partial;
};

bool IsSpaceChar(char32_t c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v' || c == 0xA0 ||
         c == 0x200B || c == 0x200E || c == 0x200F || c == 0xFEFF || c == 0x202F ||
         (c >= 0x2000 && c <= 0x200A) || c == 0x3000 || c == 0x061C || (c >= 0x202A && c <= 0x202E) ||
         (c >= 0x2066 && c <= 0x2069);
}

Span Trim(std::string_view s, Span span) {
  size_t b = span.begin, e = span.end;
  while (b < e) {
    size_t n = b;
    if (!IsSpaceChar(utf8::Next(s, &n))) break;
    b = n;
  }
  while (e > b) {
    size_t p = e;
    if (!IsSpaceChar(utf8::Prev(s, &p))) break;
    e = p;
  }
  return {static_cast<uint32_t>(b), static_cast<uint32_t>(e)};
}

// NormalizeKey with runs of spaces collapsed and the ends trimmed.
std::string Key(std::string_view s) {
  std::string n = text::NormalizeKey(s);
  std::string out;
  out.reserve(n.size());
  for (char c : n) {
    if (c == ' ' && (out.empty() || out.back() == ' ')) continue;
    out.push_back(c);
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

int CountWords(std::string_view key) {
  int n = 0;
  bool in = false;
  for (char c : key) {
    if (c == ' ') {
      in = false;
    } else if (!in) {
      in = true;
      ++n;
    }
  }
  return n;
}

bool EndsSentence(std::string_view key) {
  if (key.empty()) return false;
  char c = key.back();
  return c == '.' || c == '!' || c == '?' || c == ':' || c == '"' || key.ends_with("”") ||
         key.ends_with("»");
}

std::vector<Line> SplitLines(std::string_view text) {
  std::vector<Line> lines;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    Line l;
    l.src = {static_cast<uint32_t>(pos), static_cast<uint32_t>(nl)};
    l.trimmed = Trim(text, l.src);
    l.keep = l.trimmed;
    l.blank = l.trimmed.empty();
    if (!l.blank) {
      l.key = Key(l.trimmed.Of(text));
      l.words = CountWords(l.key);
      if (l.key.empty()) l.blank = true;  // only invisible characters
    }
    lines.push_back(std::move(l));
    pos = nl + 1;
  }
  return lines;
}

// Original text for a byte range of a line's normalized key.
std::string OriginalOf(std::string_view text, const Line& l, std::pair<size_t, size_t> range) {
  if (range.second <= range.first) return "";
  std::string_view orig = l.trimmed.Of(text);
  text::Normalized n = text::Normalize(orig);
  // Key() collapsed spaces; find the same substring in the uncollapsed normalized text.
  std::string want = l.key.substr(range.first, range.second - range.first);
  size_t at = n.text.find(want);
  if (at == std::string::npos) return want;
  Span s = n.ToOriginal(static_cast<uint32_t>(at), static_cast<uint32_t>(at + want.size()));
  return std::string(s.Of(orig));
}

// Bytes of the line's original text that the first `key_bytes` of its key cover.
uint32_t OriginalPrefixEnd(std::string_view text, const Line& l, size_t key_bytes) {
  std::string_view orig = l.trimmed.Of(text);
  text::Normalized n = text::Normalize(orig);
  std::string want = l.key.substr(0, key_bytes);
  // Walk the uncollapsed normalized text, skipping extra spaces, until `want` is consumed.
  size_t i = 0, j = 0;
  while (j < want.size() && i < n.text.size()) {
    if (n.text[i] == want[j]) {
      ++i;
      ++j;
    } else if (n.text[i] == ' ') {
      ++i;
    } else {
      break;
    }
  }
  while (i < n.text.size() && n.text[i] == ' ') ++i;
  uint32_t off = i >= n.text.size() ? static_cast<uint32_t>(orig.size()) : n.norm_to_orig[i];
  return l.trimmed.begin + off;
}

class Cleaner {
 public:
  Cleaner(const SourceText& source, const CleanOptions& options)
      : text_(source.text), source_(source), options_(options), rules_(Rules::Default()) {}

  // Cleans lines [first, last) into *doc; appended articles go to *more.
  void Run(std::vector<Line>& lines, size_t first, size_t last, bool use_hints, Document* doc,
           std::vector<Document>* more, int depth) {
    Findings found;
    const MetadataHints empty_hints;
    const MetadataHints& hints = use_hints ? source_.hints : empty_hints;
    size_t end = last;
    std::optional<size_t> appended_start;

    // 1. Lexicon rules, in reading order.
    bool body_started = false;  // a long paragraph has been kept
    for (size_t i = first; i < end; ++i) {
      Line& l = lines[i];
      if (l.blank || !l.reason.empty()) continue;
      auto m = rules_.Match(l.key);
      if (!m) {
        if (l.words >= options_.long_paragraph_words) body_started = true;
        continue;
      }
      switch (m->action) {
        case Action::kLine:
        case Action::kCaption:
          l.reason = m->reason;
          if (m->reason == "embedded-tweet") found.embed_dates.push_back(std::string(l.trimmed.Of(text_)));
          break;
        case Action::kRest:
          l.reason = m->reason;
          for (size_t k = i + 1; k < end; ++k) {
            if (!lines[k].blank && lines[k].reason.empty()) lines[k].reason = m->reason;
          }
          end = i + 1;
          break;
        case Action::kDateline:
          l.reason = m->reason;
          if (found.date_text.empty()) found.date_text = OriginalOf(text_, l, m->date);
          break;
        case Action::kSignature:
          l.reason = m->reason;
          if (found.outlet_text.empty() && m->outlet.second > m->outlet.first) {
            found.outlet_text = OriginalOf(text_, l, m->outlet);
          }
          break;
        case Action::kPrefix: {
          // Only the opening paragraph carries an outlet prefix.
          bool opening = !body_started;
          if (l.words >= options_.long_paragraph_words) body_started = true;
          if (!opening) break;
          uint32_t cut = OriginalPrefixEnd(text_, l, m->match_end);
          if (cut >= l.trimmed.end) break;
          l.partial.push_back({{l.trimmed.begin, cut}, m->reason});
          l.keep.begin = cut;
          if (found.outlet_text.empty()) found.outlet_text = OriginalOf(text_, l, m->outlet);
          break;
        }
        case Action::kReadAlso: {
          if (m->rest.second > m->rest.first) {
            l.reason = "read-also-link";
            break;
          }
          l.reason = m->reason;
          size_t next = ReadAlsoFollowers(lines, i + 1, end);
          if (next == kAppended && options_.split_appended && depth < 4) {
            appended_start = i + 1;
            end = i + 1;
          }
          break;
        }
      }
    }

    // 2. Tag lists at the end of scraped pages (the article's own keywords).
    if (!hints.keywords.empty()) DropTagTail(lines, first, end, hints.keywords);

    // 3. Title: a metadata title, or the first line when it reads like a headline.
    std::string title_key = hints.title.empty() ? "" : Key(hints.title);
    size_t first_kept = NextKept(lines, first, end);
    bool title_from_line = false;
    if (first_kept < end) {
      Line& l = lines[first_kept];
      if (!title_key.empty()) {
        if (l.key == title_key) l.reason = "title";
      } else if (l.words >= 2 && l.words <= 30 && !l.key.ends_with(".") && l.partial.empty() &&
                 NextKept(lines, first_kept + 1, end) < end) {  // a title needs a body under it
        l.reason = "title";
        doc->title = std::string(l.trimmed.Of(text_));
        doc->title_from = "first-line";
        title_key = l.key;
        title_from_line = true;
      }
    }
    if (!title_key.empty()) {
      for (size_t i = first; i < end; ++i) {
        Line& l = lines[i];
        if (!l.blank && l.reason.empty() && l.key == title_key) l.reason = "repeated-title";
      }
    }
    // Short unpunctuated lines between a first-line title and the body are captions.
    if (title_from_line) {
      int n = 0;
      for (size_t i = NextKept(lines, first, end); i < end && n < 4; i = NextKept(lines, i + 1, end), ++n) {
        Line& l = lines[i];
        if (l.words < 10 && !EndsSentence(l.key) && l.key.find(',') == std::string::npos &&
            l.partial.empty()) {
          l.reason = "caption";
        } else {
          break;
        }
      }
    }

    // 4. A lead that repeats the description given in the metadata.
    if (!hints.description.empty()) {
      size_t i = NextKept(lines, first, end);
      if (i < end) {
        std::string d = Key(hints.description);
        const std::string& k = lines[i].key;
        size_t shorter = std::min(d.size(), k.size());
        if (shorter >= 30 && d.compare(0, shorter, k, 0, shorter) == 0) lines[i].reason = "repeated-lead";
      }
    }

    // 5. Repeated lines: a body printed twice, or a line printed again.
    MarkRepeats(lines, first, end);

    // 6. A line that holds the same text twice ("X X").
    for (size_t i = first; i < end; ++i) RemoveDoubledHalf(lines[i]);

    // 7. Assemble.
    for (size_t i = first; i < last; ++i) {
      Line& l = lines[i];
      if (appended_start && i >= *appended_start) break;
      if (l.blank) continue;
      if (!l.reason.empty()) {
        doc->removed.push_back({l.trimmed, l.reason});
        continue;
      }
      for (const Removed& r : l.partial) doc->removed.push_back(r);
      if (l.keep.empty()) continue;
      if (!doc->text.empty()) doc->text.push_back('\n');
      uint32_t begin = static_cast<uint32_t>(doc->text.size());
      doc->text.append(text_.substr(l.keep.begin, l.keep.size()));
      doc->paragraphs.push_back({{begin, static_cast<uint32_t>(doc->text.size())}, l.keep.begin});
    }
    std::sort(doc->removed.begin(), doc->removed.end(),
              [](const Removed& a, const Removed& b) { return a.source.begin < b.source.begin; });
    ResolveMetadata(hints, found, doc);

    if (appended_start) {
      Document child;
      Run(lines, *appended_start, last, false, &child, more, depth + 1);
      if (!child.text.empty()) {
        if (child.outlet.empty()) {
          child.outlet = doc->outlet;
          child.outlet_from = doc->outlet.empty() ? "" : "parent";
        }
        more->insert(more->begin(), std::move(child));  // keep reading order after recursion
      }
    }
  }

 private:
  static constexpr size_t kAppended = static_cast<size_t>(-1);

  size_t NextKept(const std::vector<Line>& lines, size_t i, size_t end) const {
    while (i < end && (lines[i].blank || !lines[i].reason.empty())) ++i;
    return i;
  }

  // After a bare "read also" marker: either an appended article (returns kAppended),
  // or a list of headline links, which are marked and skipped.
  size_t ReadAlsoFollowers(std::vector<Line>& lines, size_t from, size_t end) {
    int long_paragraphs = 0;
    for (size_t k = from; k < end; ++k) {
      const Line& l = lines[k];
      if (l.blank || !l.reason.empty()) continue;
      if (rules_.Match(l.key)) continue;
      if (l.words >= options_.long_paragraph_words) ++long_paragraphs;
    }
    if (long_paragraphs >= options_.appended_min_paragraphs) return kAppended;
    size_t k = from;
    for (; k < end; ++k) {
      Line& l = lines[k];
      if (l.blank || !l.reason.empty()) continue;
      if (l.words >= options_.long_paragraph_words) break;
      l.reason = "related-links";
    }
    return k;
  }

  // Two or more consecutive short lines that are the article's own keywords
  // start the page tail (tags, then widgets); everything after goes too.
  void DropTagTail(std::vector<Line>& lines, size_t first, size_t end,
                   const std::vector<std::string>& keywords) {
    std::unordered_set<std::string> keys;
    for (const auto& k : keywords) keys.insert(Key(k));
    auto is_tag = [&](const Line& l) { return l.words <= 6 && keys.count(l.key) > 0; };
    for (size_t i = first; i < end; ++i) {
      if (lines[i].blank || !lines[i].reason.empty() || !is_tag(lines[i])) continue;
      size_t j = NextKept(lines, i + 1, end);
      if (j >= end || !is_tag(lines[j])) continue;
      for (size_t k = i; k < end; ++k) {
        Line& l = lines[k];
        if (l.blank) continue;
        if (is_tag(l) && (l.reason.empty() || l.reason == "page-tail")) {
          l.reason = "tag-list";
        } else if (l.reason.empty()) {
          l.reason = "page-tail";
        }
      }
      return;
    }
  }

  void MarkRepeats(std::vector<Line>& lines, size_t first, size_t end) {
    std::unordered_map<std::string_view, size_t> seen;
    std::vector<size_t> repeated;
    for (size_t i = first; i < end; ++i) {
      Line& l = lines[i];
      if (l.blank) continue;
      auto [it, inserted] = seen.emplace(l.key, i);
      if (!inserted && l.reason.empty()) repeated.push_back(i);
    }
    // A run of repeated lines (ignoring removed and blank lines between) is a repeated body.
    std::unordered_set<size_t> in_run;
    for (size_t r = 0; r + 1 < repeated.size(); ++r) {
      bool adjacent = true;
      for (size_t k = repeated[r] + 1; k < repeated[r + 1]; ++k) {
        if (!lines[k].blank && lines[k].reason.empty()) adjacent = false;
      }
      if (adjacent) {
        in_run.insert(repeated[r]);
        in_run.insert(repeated[r + 1]);
      }
    }
    for (size_t i : repeated) lines[i].reason = in_run.count(i) ? "repeated-body" : "repeated-line";
  }

  void RemoveDoubledHalf(Line& l) {
    if (l.blank || !l.reason.empty() || l.key.size() < 21) return;
    size_t mid = l.key.size() / 2;
    if (l.key.size() % 2 == 0 || l.key[mid] != ' ') return;
    if (l.key.compare(0, mid, l.key, mid + 1, mid) != 0) return;
    uint32_t cut = OriginalPrefixEnd(text_, l, mid + 1);
    if (cut <= l.keep.begin || cut >= l.keep.end) return;
    l.partial.push_back({{cut, l.keep.end}, "repeated-text"});
    l.keep.end = Trim(text_, {l.keep.begin, cut}).end;
  }

  std::string_view text_;
  const SourceText& source_;
  const CleanOptions& options_;
  const Rules& rules_;
};

}  // namespace

std::string DocumentId(std::string_view uri, std::string_view record, std::string_view text) {
  uint64_t h;
  if (!uri.empty() && uri != "stdin" && uri != "-") {
    std::string name(uri);
    name.push_back('\0');
    name.append(record);
    h = XXH3_64bits(name.data(), name.size());
  } else {
    std::string key = text::NormalizeKey(text);
    h = XXH3_64bits(key.data(), key.size());
  }
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return buf;
}

StatusOr<std::vector<Document>> Clean(const RawDoc& raw, const SourceText& source,
                                      const CleanOptions& options) {
  std::vector<Line> lines = SplitLines(source.text);
  for (const BlockHint& b : source.dropped) {
    // Decoding puts each block on its own line; find the line that holds it.
    auto it = std::lower_bound(lines.begin(), lines.end(), b.source.begin,
                               [](const Line& l, uint32_t off) { return l.src.end < off; });
    for (; it != lines.end() && it->src.begin < b.source.end; ++it) {
      if (!it->blank && it->reason.empty()) it->reason = b.reason;
    }
  }
  Document main;
  std::vector<Document> appended;
  Cleaner cleaner(source, options);
  cleaner.Run(lines, 0, lines.size(), true, &main, &appended, 0);
  if (main.text.empty()) {
    return Status::InvalidArgument("no article text left after cleaning (" +
                                   std::to_string(main.removed.size()) + " spans removed)");
  }
  auto fill = [&](Document& d) {
    d.uri = raw.uri;
    d.record = raw.record;
    d.content_type = raw.content_type;
    d.encoding = source.encoding;
    d.source_text = source.text;
  };
  fill(main);
  main.id = DocumentId(raw.uri, raw.record, main.text);
  std::vector<Document> out;
  for (size_t i = 0; i < appended.size(); ++i) {
    Document& d = appended[i];
    fill(d);
    d.part = static_cast<int>(i) + 1;
    d.split_from = main.id;
    std::string rec = raw.record.empty() ? "" : raw.record + " ";
    d.record = rec + "appended " + std::to_string(d.part);
    d.id = DocumentId(raw.uri, d.record, d.text);
    main.appended.push_back(d.id);
  }
  out.push_back(std::move(main));
  for (auto& d : appended) out.push_back(std::move(d));
  return out;
}

}  // namespace rasd::clean
