// Counts: a number and the noun it counts. The noun follows the number
// ("50 عملية", "62 عنصرًا"), follows "من" ("اثنين من “الإرهابيين”"), or, for
// واحد/اثنين and definite numbers, comes before it ("شخص واحد", "الجنود
// الثلاثة"). A noun with the dual suffix and no number counts 2 ("شخصين").
#include <algorithm>
#include <cmath>

#include "extract/numbers/lexicon.h"
#include "extract/numbers/scan.h"
#include "rasd/numbers.h"
#include "rasd/text.h"

namespace rasd::numbers {
namespace {

using internal::EndsWith;
using internal::Found;
using internal::Letters;
using internal::Lexicon;
using internal::NounClass;
using internal::StartsWith;

// "عنصرا" (عنصرًا) → "عنصر"; "ضحايا" stays.
std::string_view StripAccusative(std::string_view w) {
  if (Letters(w) >= 4 && EndsWith(w, "ا") && !EndsWith(w, "ايا") && !EndsWith(w, "اا")) {
    w.remove_suffix(2);
  }
  return w;
}

std::string_view LetterAt(std::string_view w, size_t i) { return w.substr(2 * i, 2); }

bool IsOpeningQuote(const text::Token& t) {
  if (t.kind != text::TokenKind::kPunct) return false;
  std::string_view n = t.norm;
  return n == "\"" || n == "'" || n == "“" || n == "”" || n == "«" || n == "(" || n == "‘" ||
         n == "„";
}

class Counter {
 public:
  Counter(std::string_view text, const std::vector<text::Token>& toks)
      : text_(text), toks_(toks), lex_(Lexicon::Get()), used_(toks.size(), false) {}

  std::vector<Count> Run(const std::vector<Found>& found);

 private:
  uint32_t size() const { return static_cast<uint32_t>(toks_.size()); }
  bool Word(uint32_t i, std::string_view w) const {
    return i < size() && toks_[i].kind == text::TokenKind::kWord && toks_[i].norm == w;
  }
  // The noun at token k, if it can be a counted noun; fills *key.
  bool NounAt(uint32_t k, bool allow_article, bool require_article, bool after_min,
              std::string* key) const;
  bool Forward(const Found& f, Count* c);
  bool Backward(const Found& f, Count* c);
  void Duals(const std::vector<Found>& found, std::vector<Count>* out);
  bool DualSingular(std::string_view norm, std::string* singular, int* skip) const;
  bool DualCore(std::string_view core, std::string* singular) const;
  bool CountableClass(std::string_view w) const {
    NounClass c = lex_.ClassOf(w);
    return c == NounClass::kNone;
  }

  std::string_view text_;
  const std::vector<text::Token>& toks_;
  const Lexicon& lex_;
  std::vector<bool> used_;
};

bool Counter::NounAt(uint32_t k, bool allow_article, bool require_article, bool after_min,
                     std::string* key) const {
  if (k >= size() || toks_[k].kind != text::TokenKind::kWord) return false;
  const text::Token& t = toks_[k];
  std::string_view norm = t.norm;
  if (Letters(norm) < 2) return false;             // "م" of "2021م"
  if (t.body_begin != t.span.begin) return false;  // a proclitic: "وأصيب", "بجروح"
  bool article = Letters(norm) >= 4 && StartsWith(norm, "ال");
  if (article ? !allow_article : require_article) return false;
  if (lex_.LookupNumber(norm).entry != nullptr) return false;
  std::string_view core = article ? norm.substr(4) : norm;
  std::string_view bare = article ? core : StripAccusative(core);
  if (!CountableClass(norm) || !CountableClass(core) || !CountableClass(bare)) return false;
  std::string stem = text::LightStem(article ? norm : bare);
  if (!CountableClass(stem)) return false;
  // "واحد من أبرز": an elative after من is not a noun.
  if (after_min && !article && Letters(core) == 4 && StartsWith(core, "ا")) return false;
  *key = std::move(stem);
  return true;
}

bool Counter::Forward(const Found& f, Count* c) {
  uint32_t k = f.te;
  bool after_min = Word(k, "من");
  if (after_min) ++k;
  if (k < size() && IsOpeningQuote(toks_[k])) ++k;
  if (!NounAt(k, after_min || f.construct, false, after_min, &c->noun_key)) return false;
  c->noun = toks_[k].span;
  c->span = {f.number.span.begin, std::max(f.number.span.end, toks_[k].span.end)};
  used_[k] = true;
  return true;
}

bool Counter::Backward(const Found& f, Count* c) {
  if (f.tb == 0) return false;
  const uint32_t k = f.tb - 1;
  if (f.small_word) {
    if (Word(f.te, "من")) return false;  // "واحد من": forward
    if (f.number.value == 2) {
      // "جنديين اثنين": the noun is a dual.
      std::string_view n = k < size() ? std::string_view(toks_[k].norm) : "";
      if (!EndsWith(n, "ين") && !EndsWith(n, "ان")) return false;
    }
    if (!NounAt(k, false, false, false, &c->noun_key)) return false;
  } else if (f.definite) {
    if (!NounAt(k, true, true, false, &c->noun_key)) return false;  // "الجنود الثلاثة"
  } else {
    return false;
  }
  c->noun = toks_[k].span;
  c->span = {toks_[k].span.begin, f.number.span.end};
  used_[k] = true;
  return true;
}

// The singular of a dual noun in `norm` (clitics included), or false. A bare
// ب ل ك may be a preposition or the noun's first letter ("بلدتين"): the rules
// must hold without it, and the singular keeps it.
bool Counter::DualSingular(std::string_view norm, std::string* singular, int* skip) const {
  text::Clitics cl = text::SplitProclitics(norm);
  *skip = cl.prefix_chars;
  std::string_view core = norm.substr(std::min<size_t>(norm.size(), 2 * cl.prefix_chars));
  std::string_view kept;
  if (cl.article && StartsWith(core, "ال")) {
    core.remove_prefix(4);
  } else if (cl.prep && !cl.article && cl.prefix_chars >= 1) {
    kept = norm.substr(2 * (cl.prefix_chars - 1), 2);
    *skip -= 1;
  }
  if (!DualCore(core, singular)) return false;
  singular->insert(0, kept);
  return true;
}

bool Counter::DualCore(std::string_view core, std::string* singular) const {
  if (lex_.DualVerdict(core) < 0 || !CountableClass(core)) return false;
  if (core.size() < 8) return false;
  const bool in = EndsWith(core, "ين");
  std::string_view stem = core.substr(0, core.size() - 4);
  const size_t n = Letters(stem);
  if (n < 2) return false;
  if (lex_.DualVerdict(stem) > 0) {
    *singular = std::string(stem);
    return true;
  }
  // Feminine: "سيارتين", "الدولتان" (ة becomes ت before the suffix).
  if (EndsWith(stem, "ت")) {
    if (n < 3 || EndsWith(stem, "ات") || (!in && EndsWith(stem, "ست"))) return false;
    *singular = std::string(stem.substr(0, stem.size() - 2)) + "ه";
    return true;
  }
  if (in) {
    // Shapes of sound plurals and of words that end in ين anyway:
    if (n < 3) return false;                        // "الدين", "حسين"
    if (EndsWith(stem, "ي")) return false;          // nisba plurals: "الإرهابيين"
    if (EndsWith(stem, "ا") || EndsWith(stem, "و")) return false;  // "رهائن", "عناوين"
    if (StartsWith(stem, "م") && n >= 4) return false;  // participles: "المسلحين"
    if (n == 4 && (LetterAt(stem, 1) == "ا" || LetterAt(stem, 2) == "ا")) {
      return false;  // فاعلين "النازحين", فعاليل "قوانين"
    }
    if (n == 3 && StartsWith(stem, "ت")) return false;  // تفعيل masdars: "تأمين", "تحسين"
    *singular = std::string(stem);
    return true;
  }
  // ان: only the nisba dual ("جنديان") is safe; other ان words are names and plurals.
  if (n >= 3 && EndsWith(stem, "ي")) {
    *singular = std::string(stem);
    return true;
  }
  return false;
}

void Counter::Duals(const std::vector<Found>& found, std::vector<Count>* out) {
  std::vector<bool> number_end(size() + 1, false);
  for (const Found& f : found) {
    number_end[f.te] = true;
    for (uint32_t k = f.sb; k < f.se && k < size(); ++k) used_[k] = true;
  }
  int last_dual = -2;
  std::string singular;
  for (uint32_t k = 0; k < size(); ++k) {
    const text::Token& t = toks_[k];
    if (used_[k] || t.kind != text::TokenKind::kWord || Letters(t.norm) < 4) continue;
    if (!EndsWith(t.norm, "ين") && !EndsWith(t.norm, "ان")) continue;
    if (number_end[k]) continue;                         // "ثلاثة مسلحين"
    if (lex_.LookupNumber(t.norm).entry != nullptr) continue;  // "الاثنين", "ألفين"
    // Its adjective: "جنديين أمريكيين" (a conjunction starts a new noun).
    if (last_dual == static_cast<int>(k) - 1 && t.body_begin == t.span.begin) continue;
    if (lex_.DualVerdict(t.norm) < 0 || !CountableClass(t.norm)) continue;  // "الاثنين"
    int skip = 0;
    if (!DualSingular(t.norm, &singular, &skip)) continue;
    if (!CountableClass(singular)) continue;  // "عامين", "مرتين"
    std::string key = text::LightStem(singular);
    if (!CountableClass(key)) continue;
    Count c;
    Span noun{internal::SkipLetters(text_, t.span, skip), t.span.end};
    c.span = c.noun = c.number.span = noun;
    c.number.value = c.number.high = 2;
    c.noun_key = std::move(key);
    out->push_back(std::move(c));
    last_dual = static_cast<int>(k);
  }
}

std::vector<Count> Counter::Run(const std::vector<Found>& found) {
  std::vector<Count> out;
  for (const Found& f : found) {
    for (uint32_t k = f.sb; k < f.se && k < size(); ++k) used_[k] = true;
  }
  for (const Found& f : found) {
    const Number& n = f.number;
    if (f.no_count || n.ordinal || n.value < 0 || n.value != std::floor(n.value)) continue;
    Count c;
    c.number = n;
    if (Backward(f, &c) || Forward(f, &c)) out.push_back(std::move(c));
  }
  Duals(found, &out);
  std::stable_sort(out.begin(), out.end(),
                   [](const Count& a, const Count& b) { return a.span.begin < b.span.begin; });
  return out;
}

}  // namespace

std::vector<Count> ExtractCounts(std::string_view text, const Options& options) {
  std::vector<text::Token> tokens = text::Tokenize(text);
  std::vector<internal::Found> found = internal::Scan(text, tokens, options);
  return Counter(text, tokens).Run(found);
}

}  // namespace rasd::numbers
