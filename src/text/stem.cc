// Clitic-aware light stemmer (light10 family) over normalized words.
//
// Normalized Arabic letters are all two bytes in UTF-8 (U+0600..U+06FF), so the
// stemmer works on byte pairs; a word with any other character is left whole.
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "rasd/data.h"
#include "rasd/text.h"
#include "rasd/utf8.h"
#include "text/chars.h"

namespace rasd::text {

void NormalizeWordTo(std::string_view input, std::string* out);  // normalize.cc

namespace {

// Normalized Arabic letters as their two UTF-8 bytes in one number.
constexpr uint16_t kWaw = 0xD988, kFa = 0xD981, kBa = 0xD8A8, kLam = 0xD984, kKaf = 0xD983,
                   kAlef = 0xD8A7;

inline uint16_t LetterAt(std::string_view w, size_t i) {
  return static_cast<uint16_t>((static_cast<unsigned char>(w[2 * i]) << 8) |
                               static_cast<unsigned char>(w[2 * i + 1]));
}

// Suffixes tried in this order, at most two stripped, each leaving >= 3 letters.
constexpr std::string_view kSuffixes[] = {"هما", "هم", "هن", "ها", "نا", "وا", "ات", "ون",
                                          "ين",  "ان", "يه", "ه",  "ي"};
constexpr size_t kMinStemLetters = 3;

struct StringHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

// Byte comparison without a call to memcmp (suffixes are 2-6 bytes).
inline bool EndsWith(std::string_view w, std::string_view suf) {
  const char* a = w.data() + w.size() - suf.size();
  for (size_t i = suf.size(); i-- > 0;) {  // the last byte differs most often
    if (a[i] != suf[i]) return false;
  }
  return true;
}

// One table for every listed word, so each candidate costs one lookup.
class Lexicon {
 public:
  struct Entry {
    bool has_stem = false;  // stem_exceptions.tsv: the stem is given
    bool initial = false;   // initial_letter_words.txt: the first letter is not a clitic
    bool article_like = false;  // article_like_words.txt: ال is not an article
    std::string stem;
  };

  Lexicon() {
    for (std::string_view line : data::Lines(data::Get("text/stem_exceptions.tsv"))) {
      auto f = data::Fields(line);
      std::string word = NormalizeKey(f[0]);
      Entry& e = table_[word];
      e.has_stem = true;
      e.stem = f.size() > 1 && !f[1].empty() ? NormalizeKey(f[1]) : word;
    }
    for (std::string_view line : data::Lines(data::Get("text/initial_letter_words.txt"))) {
      std::string w = NormalizeKey(line);
      table_[std::string(SuffixStrip(w))].initial = true;
      table_[w].initial = true;
    }
    for (std::string_view line : data::Lines(data::Get("text/article_like_words.txt"))) {
      table_[NormalizeKey(line)].article_like = true;
    }
  }

  const Entry* Find(std::string_view w) const {
    auto it = table_.find(w);
    return it == table_.end() ? nullptr : &it->second;
  }
  // True when w's first letter is part of the word, not a clitic (e = Find(w)).
  bool Protected(std::string_view w, const Entry* e) const {
    if (e != nullptr && (e->initial || e->has_stem)) return true;
    std::string_view base = SuffixStrip(w);
    if (base.size() == w.size()) return false;
    const Entry* b = Find(base);
    return b != nullptr && b->initial;
  }
  bool Protected(std::string_view w) const { return Protected(w, Find(w)); }

  // Strips up to two suffixes; the result is a prefix of w.
  static std::string_view SuffixStrip(std::string_view w) {
    for (int round = 0; round < 2; ++round) {
      bool stripped = false;
      for (std::string_view suf : kSuffixes) {
        if (w.size() >= suf.size() + 2 * kMinStemLetters && EndsWith(w, suf)) {
          w.remove_suffix(suf.size());
          stripped = true;
          break;
        }
      }
      if (!stripped) break;
    }
    return w;
  }

 private:
  std::unordered_map<std::string, Entry, StringHash, std::equal_to<>> table_;
};

const Lexicon& Lex() {
  static const Lexicon lex;
  return lex;
}

bool AllArabicPairs(std::string_view w) {
  if (w.size() % 2 != 0 || w.empty()) return false;
  for (size_t i = 0; i < w.size(); i += 2) {
    auto b = static_cast<unsigned char>(w[i]);
    if (b < 0xD8 || b > 0xDB) return false;
  }
  return true;
}

bool StartsWithAny(std::string_view w, std::initializer_list<uint16_t> letters) {
  if (w.size() < 2) return false;
  uint16_t first = LetterAt(w, 0);
  for (uint16_t l : letters) {
    if (first == l) return true;
  }
  return false;
}

// "ال" at letter i.
bool ArticleAt(std::string_view w, size_t i) {
  return w.size() >= 2 * i + 4 && LetterAt(w, i) == kAlef && LetterAt(w, i + 1) == kLam;
}

struct Parts {
  int prefix_letters = 0;  // conjunction + preposition letters (with the fused ال of لل)
  bool conj = false;
  bool prep = false;
  bool article = false;
  std::string stem;
};

Parts Analyze(std::string_view w) {
  Parts p;
  const Lexicon& lex = Lex();
  if (!AllArabicPairs(w)) {
    p.stem = std::string(w);
    return p;
  }
  const Lexicon::Entry* e = lex.Find(w);
  if (e != nullptr && e->has_stem) {
    p.stem = e->stem;
    return p;
  }
  std::string_view rest = w;
  auto letters = [](std::string_view s) { return s.size() / 2; };

  // Conjunction و / ف.
  if (StartsWithAny(rest, {kWaw, kFa}) && letters(rest) >= 4 && !lex.Protected(rest, e)) {
    rest.remove_prefix(2);
    p.conj = true;
    p.prefix_letters = 1;
    e = lex.Find(rest);
    if (e != nullptr && e->has_stem) {
      p.stem = e->stem;
      return p;
    }
  }
  // Preposition and article.
  std::string_view before = rest;
  if (ArticleAt(rest, 0) && letters(rest) >= 4 && !(e != nullptr && e->article_like)) {
    rest.remove_prefix(4);
    p.article = true;
  } else if (StartsWithAny(rest, {kBa, kKaf, kFa}) && ArticleAt(rest, 1) &&
             letters(rest) >= 5 && !lex.Protected(rest, e)) {
    rest.remove_prefix(6);
    p.prep = true;
    p.article = true;
    p.prefix_letters += 1;
  } else if (letters(rest) >= 4 && LetterAt(rest, 0) == kLam && LetterAt(rest, 1) == kLam &&
             !lex.Protected(rest, e)) {
    // لل is ل + ال, or ل before a word that itself starts with ل (للاجئين).
    if (lex.Protected(rest.substr(2))) {
      rest.remove_prefix(2);
      p.prefix_letters += 1;
    } else {
      rest.remove_prefix(4);
      p.article = true;
      p.prefix_letters += 2;
    }
    p.prep = true;
  } else if (StartsWithAny(rest, {kBa, kLam, kKaf}) && letters(rest) >= 4 &&
             !lex.Protected(rest, e)) {
    rest.remove_prefix(2);
    p.prep = true;
    p.prefix_letters += 1;
  }
  if (rest.size() != before.size()) {
    e = lex.Find(rest);
    if (e != nullptr && e->has_stem) {
      p.stem = e->stem;
      return p;
    }
  }
  p.stem = std::string(Lexicon::SuffixStrip(rest));
  return p;
}

// Byte offset in `surface` after skipping `n` letters (and the marks that follow them).
size_t SkipLetters(std::string_view surface, int n) {
  size_t pos = 0;
  int seen = 0;
  while (pos < surface.size() && seen < n) {
    char32_t c = utf8::Next(surface, &pos);
    if (Classify(c) == CharClass::kArabic) ++seen;
  }
  while (pos < surface.size()) {
    size_t next = pos;
    char32_t c = utf8::Next(surface, &next);
    if (Classify(c) != CharClass::kMark) break;
    pos = next;
  }
  return pos;
}

}  // namespace

std::string LightStem(std::string_view norm) { return Analyze(norm).stem; }

Clitics SplitProclitics(std::string_view norm) {
  Parts p = Analyze(norm);
  Clitics c;
  c.conj = p.conj;
  c.prep = p.prep;
  c.article = p.article;
  c.prefix_chars = static_cast<uint8_t>(p.prefix_letters);
  return c;
}

// Fills norm, stem and body_begin of a word token (called by the tokenizer).
void AnalyzeWord(std::string_view surface, Token* t) {
  NormalizeWordTo(surface, &t->norm);
  Parts p = Analyze(t->norm);
  t->stem = std::move(p.stem);
  if (p.prefix_letters > 0) {
    size_t skip = SkipLetters(surface, p.prefix_letters);
    if (skip < surface.size()) t->body_begin = t->span.begin + static_cast<uint32_t>(skip);
  }
}

}  // namespace rasd::text
