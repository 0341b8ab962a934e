#include "extract/dates/scan.h"

#include <string>

#include "rasd/utf8.h"

namespace rasd::dates::internal {
namespace {

bool IsWordCp(char32_t c) {
  if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  if (c < 0x0250) return c >= 0xC0 && c != 0xD7 && c != 0xF7;
  if (c >= 0x0600 && c <= 0x06FF) {
    return (c >= 0x0620 && c <= 0x065F) || c == 0x066E || c == 0x066F ||
           (c >= 0x0670 && c <= 0x06D3) || c == 0x06D5 || c == 0x06EE || c == 0x06EF ||
           (c >= 0x06FA && c <= 0x06FC) || c == 0x06FF;
  }
  if (c < 0x2000) return c >= 0x0370;
  if (c < 0x2C00) return false;
  if (c >= 0x3000 && c < 0x3040) return false;
  if (c >= 0xFE00 && c < 0xFE70) return false;
  if (c >= 0xFF00 && c < 0xFF66) return false;
  return c < 0x1F000;
}

bool StartsWith(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

// Length of a URL, @handle or #hashtag starting at s[0], else 0.
size_t SkipLength(std::string_view s) {
  bool skip = s[0] == '@' || s[0] == '#' || StartsWith(s, "http://") || StartsWith(s, "https://") ||
              StartsWith(s, "www.") || StartsWith(s, "pic.twitter.");
  if (!skip) return 0;
  size_t i = 1;
  while (i < s.size() && s[i] != ' ') ++i;
  return i;
}

constexpr std::string_view kWaw = "\xD9\x88";             // و
constexpr std::string_view kFa = "\xD9\x81";              // ف
constexpr std::string_view kBa = "\xD8\xA8";              // ب
constexpr std::string_view kLam = "\xD9\x84";             // ل
constexpr std::string_view kKaf = "\xD9\x83";             // ك
constexpr std::string_view kLamLam = "\xD9\x84\xD9\x84";  // لل
constexpr std::string_view kAl = "\xD8\xA7\xD9\x84";      // ال

// Finds the lexicon entry (or phrase start) of a word, trying it as written,
// then without a conjunction, then without a preposition (لل → ال).
void Lookup(const Lexicon& lex, Tok* t) {
  auto try_form = [&](std::string_view form) -> bool {
    if (form.size() < 4) return false;  // at least two Arabic letters (or four Latin ones)
    if (const Entry* e = lex.Find(form)) {
      t->lex = e->roles ? e : nullptr;
      t->base = form;
      t->clitic_len = static_cast<uint8_t>(t->s.size() - form.size());
      return true;
    }
    return false;
  };
  std::string_view s = t->s;
  if (const Entry* e = lex.Find(s)) {  // short words too ("م", "في")
    t->lex = e->roles ? e : nullptr;
    return;
  }
  std::string_view rest = s;
  if (StartsWith(rest, kWaw) || StartsWith(rest, kFa)) {
    rest = rest.substr(2);
    t->conj = true;
    if (rest.size() >= 4 && try_form(rest)) return;
  }
  if (StartsWith(rest, kLamLam) && rest.size() > 4) {
    thread_local std::string key;
    key.assign(kAl).append(rest.substr(4));
    if (const Entry* e = lex.Find(key); e && e->roles) {
      t->lex = e;
      t->prep = true;
      // "للعام": the article's alef is elided, so the preposition stays in the span.
      t->clitic_len = static_cast<uint8_t>(t->s.size() - rest.size());
      return;
    }
  }
  if (StartsWith(rest, kBa) || StartsWith(rest, kLam) || StartsWith(rest, kKaf)) {
    if (try_form(rest.substr(2))) {
      t->prep = true;
      return;
    }
  }
  t->conj = false;
}

}  // namespace

void Scan(const text::Normalized& n, std::string_view original, std::vector<Tok>* out) {
  out->clear();
  std::string_view s = n.text;
  const Lexicon& lex = Lexicon::Get();
  size_t i = 0;
  bool space = true;
  while (i < s.size()) {
    unsigned char c = s[i];
    if (c == ' ') {
      space = true;
      ++i;
      continue;
    }
    if ((c == '@' || c == '#' || c == 'h' || c == 'w' || c == 'p') &&
        (space || !IsWordCp(static_cast<unsigned char>(s[i - 1])))) {
      if (size_t skip = SkipLength(s.substr(i))) {
        i += skip;
        space = true;
        continue;
      }
    }
    Tok t;
    t.b = static_cast<uint32_t>(i);
    t.space_before = space;
    space = false;
    if (c >= '0' && c <= '9') {
      size_t j = i;
      int64_t v = 0;
      while (j < s.size() && s[j] >= '0' && s[j] <= '9') {
        if (j - i < 9) v = v * 10 + (s[j] - '0');
        ++j;
      }
      t.type = TokType::kNum;
      t.ndigits = static_cast<uint8_t>(std::min<size_t>(j - i, 255));
      t.num = j - i <= 9 ? static_cast<int32_t>(v) : -1;
      t.e = static_cast<uint32_t>(j);
      // "و15" (and 15): one number token carrying the conjunction.
      if (!out->empty() && !t.space_before && out->back().type == TokType::kWord &&
          out->back().s == kWaw) {
        Tok& w = out->back();
        t.b = w.b;
        t.space_before = w.space_before;
        t.conj = true;
        t.clitic_len = 2;
        w = t;
        t.s = s.substr(t.b, t.e - t.b);
        w.s = t.s;
        w.base = t.s;
        i = j;
        continue;
      }
      i = j;
    } else {
      size_t j = i;
      char32_t cp = utf8::Next(s, &j);
      if (IsWordCp(cp)) {
        size_t k = j;
        while (k < s.size()) {
          size_t m = k;
          char32_t d = utf8::Next(s, &m);
          if (!IsWordCp(d)) break;
          k = m;
        }
        t.type = TokType::kWord;
        t.e = static_cast<uint32_t>(k);
        i = k;
      } else {
        t.type = TokType::kPunct;
        t.punct = cp < 0x80 ? static_cast<char>(cp) : 0;
        if (cp == 0x2013 || cp == 0x2014 || cp == 0x2212) t.punct = '-';
        if (cp == 0x060D || cp == 0x2044 || cp == 0x2215) t.punct = '/';
        t.e = static_cast<uint32_t>(j);
        i = j;
      }
    }
    t.s = s.substr(t.b, t.e - t.b);
    t.base = t.s;
    out->push_back(t);
  }

  // Lexicon lookups and phrase merging.
  std::vector<Tok>& v = *out;
  size_t w = 0;
  std::string key;
  for (size_t r = 0; r < v.size(); ++r) {
    Tok t = v[r];
    if (t.type == TokType::kWord) {
      Lookup(lex, &t);
      const Entry* first = lex.Find(t.base);
      int words = first ? first->phrase_words : 0;
      for (int k = std::min<int>(words, static_cast<int>(v.size() - r)); k >= 2; --k) {
        key.assign(t.base);
        bool ok = true;
        for (int m = 1; m < k; ++m) {
          const Tok& u = v[r + m];
          if (u.type != TokType::kWord || !u.space_before) {
            ok = false;
            break;
          }
          key.push_back(' ');
          key.append(u.s);
        }
        if (!ok) continue;
        if (const Entry* e = lex.Find(key); e && e->roles) {
          t.lex = e;
          t.e = v[r + k - 1].e;
          t.words = static_cast<uint8_t>(k);
          t.s = s.substr(t.b, t.e - t.b);
          r += k - 1;
          break;
        }
      }
      if (t.lex == nullptr) {
        t.conj = t.prep = false;
        t.clitic_len = 0;
      }
      uint32_t ob = n.norm_to_orig[t.b];
      t.madda = original.substr(ob, 2) == "\xD8\xA2";
    }
    v[w++] = t;
  }
  v.resize(w);
}

}  // namespace rasd::dates::internal
