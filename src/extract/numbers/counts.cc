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
  if (Letters(w) >= 3 && EndsWith(w, "ا") && !EndsWith(w, "ايا") && !EndsWith(w, "اا")) {
    w.remove_suffix(2);
  }
  return w;
}

std::string_view LetterAt(std::string_view w, size_t i) { return w.substr(2 * i, 2); }

// The surface ends in ئن (with marks): "مطمئن", "رهائن" normalize to ...ين.
bool EndsWithHamzaNun(std::string_view surface) {
  size_t end = surface.size();
  auto strip_marks = [&] {
    while (end >= 2) {
      auto b0 = static_cast<unsigned char>(surface[end - 2]);
      auto b1 = static_cast<unsigned char>(surface[end - 1]);
      bool mark = (b0 == 0xD9 && b1 >= 0x8B && b1 <= 0x9F) || (b0 == 0xD9 && b1 == 0x80);
      if (!mark) break;
      end -= 2;
    }
  };
  strip_marks();
  if (end < 2 || surface.substr(end - 2, 2) != "ن") return false;
  end -= 2;
  strip_marks();
  return end >= 2 && surface.substr(end - 2, 2) == "ئ";
}

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
  if (Letters(norm) < 3) return false;             // "م" of "2021م", "جي"
  if (t.body_begin != t.span.begin) return false;  // a proclitic: "وأصيب", "بجروح"
  bool article = Letters(norm) >= 4 && StartsWith(norm, "ال");
  if (article ? !allow_article : require_article) return false;
  if (lex_.LookupNumber(norm).entry != nullptr) return false;
  std::string_view core = article ? norm.substr(4) : norm;
  std::string_view bare = article ? core : StripAccusative(core);
  if (!CountableClass(norm) || !CountableClass(core) || !CountableClass(bare)) return false;
  // A one-letter proclitic the stemmer left on a short word: "لكل".
  std::string_view p = norm.substr(0, 2);
  if ((p == "و" || p == "ف" || p == "ب" || p == "ل" || p == "ك") &&
      !CountableClass(norm.substr(2))) {
    return false;
  }
  std::string stem = text::LightStem(article ? norm : bare);
  if (!CountableClass(stem)) return false;
  // "واحد من أبرز": an elative after من is not a noun.
  if (after_min && !article && Letters(core) <= 4 && StartsWith(core, "ا")) return false;
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
    // "ينفذ واحد منهم": an imperfect verb is not a noun.
    if (k < size() && StartsWith(toks_[k].norm, "ي")) return false;
    if (f.number.value == 2) {
      // "جنديين اثنين": the noun is a dual.
      std::string_view n = k < size() ? std::string_view(toks_[k].norm) : "";
      if (!EndsWith(n, "ين") && !EndsWith(n, "ان")) return false;
    }
    if (!NounAt(k, false, false, false, &c->noun_key)) return false;
  } else if (f.definite && f.number.value >= 2) {  // not "المجتمع الواحد"
    if (!NounAt(k, true, true, false, &c->noun_key)) return false;  // "الجنود الثلاثة"
  } else {
    return false;
  }
  c->noun = toks_[k].span;
  c->span = {toks_[k].span.begin, f.number.span.end};
  used_[k] = true;
  return true;
}

// The singular of a dual noun in `norm` (clitics included), or false; *skip
// is the number of proclitic letters before the noun. The stemmer's clitics
// are not always right here: ف starts more words than it joins ("فترتين"),
// and a bare ب ل ك may be the noun's first letter ("بلدتين", "كوربين"), so
// such a word must read as a dual both with and without that letter.
bool Counter::DualSingular(std::string_view norm, std::string* singular, int* skip) const {
  text::Clitics cl = text::SplitProclitics(norm);
  *skip = cl.prefix_chars;
  if (cl.conj && cl.prefix_chars == 1 && !cl.article && StartsWith(norm, "ف")) {
    *skip = 0;
    return DualCore(norm, singular);
  }
  std::string_view core = norm.substr(std::min<size_t>(norm.size(), 2 * cl.prefix_chars));
  if (StartsWith(core, "ال") && Letters(core) >= 5) {
    core.remove_prefix(4);
  } else if (cl.prep && !cl.article && cl.prefix_chars >= 1) {
    std::string_view with = norm.substr(2 * (cl.prefix_chars - 1));
    std::string listed;
    if (!DualCore(core, &listed)) return false;
    bool by_list =
        lex_.DualVerdict(listed) > 0 || lex_.DualVerdict(core.substr(0, core.size() - 4)) > 0;
    if (!by_list && !DualCore(with, singular)) return false;
    *singular = std::string(with.substr(0, 2)) + listed;
    *skip -= 1;
    return true;
  }
  return DualCore(core, singular);
}

bool Counter::DualCore(std::string_view core, std::string* singular) const {
  if (lex_.DualVerdict(core) < 0 || !CountableClass(core)) return false;
  if (core.size() < 8) return false;
  const bool in = EndsWith(core, "ين");
  std::string_view stem = core.substr(0, core.size() - 4);
  const size_t n = Letters(stem);
  if (n < 2) return false;
  *singular = std::string(stem);
  if (lex_.DualVerdict(stem) > 0) return true;
  // Feminine: "سيارتين", "الدولتان" (ة becomes ت before the suffix).
  if (EndsWith(stem, "ت")) {
    *singular = std::string(stem.substr(0, stem.size() - 2)) + "ه";
    if (lex_.DualVerdict(*singular) > 0) return true;  // "فتاتين"
    // Not "بساتين" (a broken plural) nor "باكستان".
    return n >= 3 && !EndsWith(stem, "ات") && !(!in && EndsWith(stem, "ست"));
  }
  // A masculine ان is a name or a plural too often ("عثمان", "بلدان", "كريستيان"):
  // only listed nouns. A masculine ين is also a sound plural ("المسلحين",
  // "الإرهابيين") or part of a name ("فلسطين"), so only the shapes of common
  // duals count: three-letter nouns (شخص، طفل، طرف) and فعيل/فعول (قتيل، هجوم).
  if (!in) return false;
  std::string_view first = LetterAt(stem, 0), second = LetterAt(stem, 1);
  if (first == "م" || first == "ت" || first == "ي" || first == "ا") return false;
  if (EndsWith(stem, "ي")) return false;  // nisba plurals: "العلويين"
  if (n == 3) return second != "ا" && second != "و" && second != "ي";
  if (n == 4) {
    std::string_view third = LetterAt(stem, 2);
    return (third == "ي" || third == "و") && second != "ا";
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
    if (number_end[k]) continue;                               // "ثلاثة مسلحين"
    if (lex_.LookupNumber(t.norm).entry != nullptr) continue;  // "الاثنين", "ألفين"
    // Its adjective: "جنديين أمريكيين" (a conjunction starts a new noun).
    if (last_dual == static_cast<int>(k) - 1 && t.body_begin == t.span.begin) continue;
    if (lex_.DualVerdict(t.norm) < 0 || !CountableClass(t.norm)) continue;  // "الاثنين"
    if (EndsWithHamzaNun(t.span.Of(text_))) continue;  // "مطمئن": ئ folds to ي
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
    // "واحد منهم": one of them, no noun.
    if (f.small_word && f.te < size() && StartsWith(toks_[f.te].norm, "من") &&
        toks_[f.te].norm != "من" && lex_.ClassOf(toks_[f.te].norm) == NounClass::kFunction) {
      continue;
    }
    Count c;
    c.number = n;
    // "شخص واحد" looks back first; "واحد من القتلى" looks forward first.
    bool found_noun = f.small_word && Word(f.te, "من") ? Forward(f, &c) || Backward(f, &c)
                                                       : Backward(f, &c) || Forward(f, &c);
    if (found_noun) out.push_back(std::move(c));
  }
  Duals(found, &out);
  std::stable_sort(out.begin(), out.end(),
                   [](const Count& a, const Count& b) { return a.span.begin < b.span.begin; });
  return out;
}

}  // namespace

std::vector<Count> ExtractCounts(std::string_view text, const Options& options) {
  return ExtractCounts(text, text::Tokenize(text), options);
}

std::vector<Count> ExtractCounts(std::string_view text, const std::vector<text::Token>& tokens,
                                 const Options& options) {
  std::vector<internal::Found> found = internal::Scan(text, tokens, options);
  return Counter(text, tokens).Run(found);
}

}  // namespace rasd::numbers
