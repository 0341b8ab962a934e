// Number scanning over tokens: each token is read once into an Atom (a number
// word with its clitics, digits, or the conjunction و), and number
// expressions are parsed from atoms with a small grammar:
//
//   compound := term ([و] term)*          terms fall in magnitude: "ثلاثة آلاف وخمسمائة"
//   term     := group [scale] [و نصف] | scale | fraction scale
//   group    := digits [فاصلة digits] | vague | hundreds [[و] below100] | below100
//   below100 := unit عشر | unit [و] tens | unit | ten | teen | tens
#include "extract/numbers/scan.h"

#include <cmath>
#include <cstring>

#include "extract/numbers/lexicon.h"

namespace rasd::numbers::internal {
namespace {

struct Atom {
  WordKind kind = WordKind::kNone;  // number words
  bool digits = false;              // a digit token that reads as a number
  bool conj_token = false;          // a separate "و"
  bool conj = false, prep = false, article = false;
  bool compound_only = false;
  double value = 0;
  double acled = 0;
  uint8_t clitic_letters = 0;  // و ف ب ل ك before the number word
  // Digit tokens only.
  bool integer = true;
  bool separators = false;  // thousands separators
  uint8_t int_digits = 0;
  bool leading_zero = false;
  uint8_t merged = 0;  // following tokens read into this one ("154,6": ",", "6")
};

const Atom kNoAtom;

// Reads a normalized digit token: ASCII digits with ',' (thousands) and '.'.
// Several dots are thousands separators ("1.500.000") when every group after
// the first has three digits; otherwise it is a date or a version (false).
bool ParseDigits(std::string_view s, Atom* a) {
  int dots = 0;
  for (char c : s) dots += c == '.';
  double value = 0, scale = 0.1;
  bool after_point = false;
  int group = -1;  // digits in the current group after a dot, when dots are separators
  int int_digits = 0;
  for (char c : s) {
    if (c >= '0' && c <= '9') {
      if (after_point) {
        value += (c - '0') * scale;
        scale /= 10;
      } else {
        value = value * 10 + (c - '0');
        ++int_digits;
      }
      if (group >= 0) ++group;
    } else if (c == ',') {
      a->separators = true;
    } else if (c == '.') {
      if (dots > 1) {
        if (group >= 0 && group != 3) return false;
        group = 0;
        a->separators = true;
      } else {
        after_point = true;
        a->integer = false;
      }
    } else {
      return false;
    }
  }
  if (group >= 0 && group != 3) return false;
  a->digits = true;
  a->value = value;
  a->int_digits = static_cast<uint8_t>(std::min(int_digits, 255));
  a->leading_zero = s.size() > 1 && s[0] == '0' && s[1] != '.';
  return true;
}

bool IsLatinOrdinal(std::string_view s, double* value) {
  size_t i = 0;
  double v = 0;
  while (i < s.size() && s[i] >= '0' && s[i] <= '9') v = v * 10 + (s[i++] - '0');
  if (i == 0 || i > 6 || s.size() - i != 2) return false;
  std::string_view suf = s.substr(i);
  if (suf != "st" && suf != "nd" && suf != "rd" && suf != "th") return false;
  *value = v;
  return true;
}

// How the clitics of an atom must look where it stands.
enum class Lead : uint8_t {
  kFirst,       // starts the number: any proclitic and the article
  kConjPrefix,  // continues with a glued "و": "وعشرين"
  kBare,        // continues without clitics (after a separate "و", or juxtaposed)
};

bool Fits(const Atom& a, Lead lead) {
  switch (lead) {
    case Lead::kFirst:
      return true;
    case Lead::kConjPrefix:
      return a.conj && !a.prep && !a.article;
    case Lead::kBare:
      return !a.conj && !a.prep && !a.article;
  }
  return false;
}

bool IsBelow100Start(const Atom& a) {
  return a.kind == WordKind::kUnit || a.kind == WordKind::kTen || a.kind == WordKind::kTeen ||
         a.kind == WordKind::kTens;
}

// A parsed stretch of atoms.
struct Part {
  double value = 0;
  uint32_t end = 0;  // the token after it
  int atoms = 0;
  bool compound_only = false;  // a single atom that is a number only in compounds
  bool vague = false;
  bool digits = false;     // starts with a digit token
  double scale = 0;        // the scale of the last term, 0 if none
  double first_scale = 0;  // the first term's scale and the group it multiplies
  double first_multiplier = 0;
};

int DecimalDigits(double v) {
  int n = 1;
  while (v >= 10) {
    v /= 10;
    ++n;
  }
  return n;
}

class Scanner {
 public:
  Scanner(std::string_view text, const std::vector<text::Token>& toks, const Options& options);

  std::vector<Found> Run();

 private:
  uint32_t size() const { return static_cast<uint32_t>(toks_.size()); }
  const Atom& at(uint32_t i) const { return i < atoms_.size() ? atoms_[i] : kNoAtom; }
  // True when token a ends exactly where token b starts.
  bool Glued(uint32_t a, uint32_t b) const {
    return a < size() && b < size() && toks_[a].span.end == toks_[b].span.begin;
  }
  bool Punct(uint32_t i, std::string_view p) const {
    return i < size() && toks_[i].kind == text::TokenKind::kPunct && toks_[i].norm == p;
  }
  bool IsNumberToken(uint32_t i) const {
    return i < size() && toks_[i].kind == text::TokenKind::kNumber;
  }
  bool Word(uint32_t i, std::string_view w) const {
    return i < size() && toks_[i].kind == text::TokenKind::kWord && toks_[i].norm == w;
  }
  // A word, or the same word after one proclitic (و ف ب ل ك).
  bool WordOrClitic(uint32_t i, std::string_view w) const {
    if (i >= size() || toks_[i].kind != text::TokenKind::kWord) return false;
    std::string_view n = toks_[i].norm;
    if (n == w) return true;
    if (!EndsWith(n, w) || n.size() > w.size() + 4 || n.size() == w.size()) return false;
    auto conj = [](std::string_view p) { return p == "و" || p == "ف"; };
    auto prep = [](std::string_view p) { return p == "ب" || p == "ل" || p == "ك"; };
    std::string_view p = n.substr(0, 2);
    if (n.size() == w.size() + 2) return conj(p) || prep(p);
    return conj(p) && prep(n.substr(2, 2));  // "وبنحو"
  }
  double VagueValue(const Atom& a) const {
    return options_.acled_vague_numbers ? a.acled : a.value;
  }

  bool Below100(uint32_t j, Part* p) const;
  void TailBelow100(Part* p) const;
  void Point(Part* p) const;
  bool Group(uint32_t j, Lead lead, Part* p) const;
  void Half(Part* p) const;
  bool Term(uint32_t j, Lead lead, Part* p) const;
  bool Compound(uint32_t i, Part* p) const;
  bool Ordinal(uint32_t i, Part* p) const;

  bool TryAt(uint32_t i, Found* f, uint32_t* next);
  bool DigitContext(uint32_t i, Found* f, Part* p, uint32_t* next);
  uint32_t SkipDigitRun(uint32_t i) const;
  void Range(Found* f, const Part& first);
  void Approximators(Found* f);
  void Flags(Found* f, const Part& p);
  // Where token i starts once `letters` proclitic letters are skipped.
  uint32_t After(uint32_t i, int letters) const;
  Span SpanOf(uint32_t b, uint32_t e) const { return {begin_, toks_[e - 1].span.end}; }
  bool NounAfter(uint32_t k) const;

  std::string_view text_;
  const std::vector<text::Token>& toks_;
  const Options& options_;
  const Lexicon& lex_;
  std::vector<Atom> atoms_;
  std::vector<Found> out_;
  uint32_t begin_ = 0;  // byte where the current expression starts
};

Scanner::Scanner(std::string_view text, const std::vector<text::Token>& toks,
                 const Options& options)
    : text_(text), toks_(toks), options_(options), lex_(Lexicon::Get()) {
  atoms_.resize(toks.size());
  for (size_t i = 0; i < toks.size(); ++i) {
    const text::Token& t = toks[i];
    Atom& a = atoms_[i];
    if (t.kind == text::TokenKind::kNumber) {
      if (!ParseDigits(t.norm, &a)) a = Atom();
    } else if (t.kind == text::TokenKind::kWord) {
      if (t.norm == "و") {
        a.conj_token = true;
        continue;
      }
      WordMatch m = lex_.LookupNumber(t.norm);
      // "وأحد" is و + أحد, not واحد: normalization folds the hamza away.
      std::string_view surface = t.span.Of(text);
      if (m.entry != nullptr && !m.conj && t.norm.size() > 4 &&
          (StartsWith(surface, "وأ") || StartsWith(surface, "وإ") || StartsWith(surface, "فأ") ||
           StartsWith(surface, "فإ"))) {
        m = lex_.LookupNumber(std::string_view(t.norm).substr(2));
        m.conj = true;
      }
      if (m.entry == nullptr) continue;
      a.kind = m.entry->kind;
      a.value = m.entry->value;
      a.acled = m.entry->acled;
      a.compound_only = m.entry->compound_only;
      a.conj = m.conj;
      a.prep = m.prep;
      a.article = m.article;
      a.clitic_letters = static_cast<uint8_t>(m.conj + m.prep);
    }
  }
  // A decimal comma: "154,6 مليون" (a thousands comma has three digits after it,
  // and the tokenizer keeps it inside the number).
  for (uint32_t i = 0; i + 2 < size(); ++i) {
    Atom& a = atoms_[i];
    const Atom& b = atoms_[i + 2];
    size_t frac = toks[i + 2].norm.size();
    if (a.digits && a.integer && !a.separators && Punct(i + 1, ",") && Glued(i, i + 1) &&
        Glued(i + 1, i + 2) && b.digits && b.integer && !b.separators && frac <= 2 &&
        !(Punct(i + 3, ",") && Glued(i + 2, i + 3))) {
      a.value += b.value / std::pow(10.0, frac);
      a.integer = false;
      a.merged = 2;
      i += 2;
    }
  }
}

uint32_t Scanner::After(uint32_t i, int letters) const {
  return SkipLetters(text_, toks_[i].span, letters);
}

bool Scanner::Below100(uint32_t j, Part* p) const {
  const Atom& a = at(j);
  p->end = j + 1;
  p->atoms = 1;
  p->compound_only = a.compound_only;
  p->value = a.value;
  if (a.kind == WordKind::kTeen || a.kind == WordKind::kTens || a.kind == WordKind::kTen)
    return true;
  if (a.kind != WordKind::kUnit) return false;
  const double u = a.value;
  const Atom& b = at(j + 1);
  if (b.kind == WordKind::kTen && Fits(b, Lead::kBare) && u >= 1 && u <= 9) {
    p->value = 10 + u;  // "ثلاثة عشر"
    p->end = j + 2;
    p->atoms = 2;
    p->compound_only = false;
    return true;
  }
  uint32_t k = j + 1;
  Lead lead = Lead::kConjPrefix;
  if (at(k).conj_token) {
    ++k;
    lead = Lead::kBare;
  }
  const Atom& c = at(k);
  if (c.kind == WordKind::kTens && Fits(c, lead) && u <= 9) {
    p->value = u + c.value;  // "خمسة وعشرون"
    p->end = k + 1;
    p->atoms = 2;
    p->compound_only = false;
  }
  return true;
}

// After hundreds: "[و] below100", or juxtaposed as in Egyptian ("متين واحد وعشرين").
void Scanner::TailBelow100(Part* p) const {
  for (int pass = 0; pass < 2; ++pass) {
    uint32_t k = p->end;
    Lead lead = Lead::kBare;
    if (pass == 0) {
      lead = Lead::kConjPrefix;
      if (at(k).conj_token) {
        ++k;
        lead = Lead::kBare;
      }
    }
    const Atom& a = at(k);
    if (!IsBelow100Start(a) || !Fits(a, lead)) continue;
    Part q;
    if (!Below100(k, &q) || q.value >= 100 || q.compound_only) continue;
    p->value += q.value;
    p->end = q.end;
    p->atoms += q.atoms;
    p->compound_only = false;
    return;
  }
}

// "1 فاصلة 5", "واحد فاصلة واحد".
void Scanner::Point(Part* p) const {
  if (p->value != std::floor(p->value)) return;
  const Atom& pt = at(p->end);
  if (pt.kind != WordKind::kPoint || !Fits(pt, Lead::kBare)) return;
  uint32_t k = p->end + 1;
  const Atom& b = at(k);
  double frac = 0;
  uint32_t end = 0;
  if (b.digits && b.integer && !b.separators) {
    frac = b.value / std::pow(10.0, toks_[k].norm.size());
    end = k + 1;
  } else if (IsBelow100Start(b) && Fits(b, Lead::kBare)) {
    Part q;
    if (!Below100(k, &q)) return;
    frac = q.value / std::pow(10.0, DecimalDigits(q.value));
    end = q.end;
  } else {
    return;
  }
  p->value += frac;
  p->end = end;
  p->atoms += 2;
  p->compound_only = false;
}

bool Scanner::Group(uint32_t j, Lead lead, Part* p) const {
  const Atom& a = at(j);
  if (!Fits(a, lead)) return false;
  if (a.digits) {
    p->value = a.value;
    p->end = j + 1 + a.merged;
    p->atoms = 1;
    p->digits = true;
    Point(p);
    return true;
  }
  switch (a.kind) {
    case WordKind::kVague:
      p->value = VagueValue(a);
      p->vague = true;
      p->end = j + 1;
      p->atoms = 1;
      return true;
    case WordKind::kHundred:
      p->value = a.value;
      p->end = j + 1;
      p->atoms = 1;
      p->compound_only = a.compound_only;
      TailBelow100(p);
      return true;
    case WordKind::kUnit:
    case WordKind::kTen:
    case WordKind::kTeen:
    case WordKind::kTens: {
      if (!Below100(j, p)) return false;
      const Atom& h = at(p->end);
      if (p->atoms == 1 && a.kind == WordKind::kUnit && a.value >= 1 &&
          h.kind == WordKind::kHundred && h.value == 100 && Fits(h, Lead::kBare)) {
        p->value = a.value * 100;  // "ثلاث مائة"
        p->end += 1;
        p->atoms += 1;
        p->compound_only = false;
        TailBelow100(p);
      }
      Point(p);
      return true;
    }
    default:
      return false;
  }
}

// "مليون ونصف".
void Scanner::Half(Part* p) const {
  uint32_t k = p->end;
  Lead lead = Lead::kConjPrefix;
  if (at(k).conj_token) {
    ++k;
    lead = Lead::kBare;
  }
  const Atom& f = at(k);
  if (f.kind != WordKind::kFraction || !Fits(f, lead)) return;
  // Not "ونصف مليون", which starts the next term.
  const Atom& after = at(k + 1);
  if (after.kind == WordKind::kScale || after.kind == WordKind::kScales) return;
  p->value += f.value * p->scale;
  p->end = k + 1;
  p->atoms += 1;
}

bool Scanner::Term(uint32_t j, Lead lead, Part* p) const {
  const Atom& a = at(j);
  if (!Fits(a, lead)) return false;
  if (a.kind == WordKind::kScale || a.kind == WordKind::kScale2 || a.kind == WordKind::kScales) {
    // "المليون" alone is a name ("مسيرة المليون"); "الآلاف" is a vague quantity.
    if (a.article && a.kind != WordKind::kScales) return false;
    double mult = a.kind == WordKind::kScale2 ? 2 : 1;
    p->value = mult * a.value;
    p->scale = a.value;
    p->first_scale = a.value;
    p->first_multiplier = mult;
    p->vague = a.kind == WordKind::kScales;
    p->end = j + 1;
    p->atoms = 1;
    if (!p->vague) Half(p);
    return true;
  }
  if (a.kind == WordKind::kFraction) {
    const Atom& s = at(j + 1);
    if (s.kind != WordKind::kScale || !Fits(s, Lead::kBare)) return false;
    p->value = a.value * s.value;  // "نصف مليون"
    p->scale = p->first_scale = s.value;
    p->first_multiplier = a.value;
    p->end = j + 2;
    p->atoms = 2;
    return true;
  }
  if (!Group(j, lead, p)) return false;
  const Atom& s = at(p->end);
  bool plural_after_vague = p->vague && s.kind == WordKind::kScales && !s.conj && !s.prep;
  if ((s.kind == WordKind::kScale || s.kind == WordKind::kScales) &&
      (Fits(s, Lead::kBare) || plural_after_vague) && !(a.article && !p->digits && !p->vague)) {
    p->first_multiplier = p->value;
    p->value *= s.value;
    p->scale = p->first_scale = s.value;
    p->end += 1;
    p->atoms += 1;
    p->compound_only = false;
    if (!p->vague) Half(p);
  }
  return true;
}

bool Scanner::Compound(uint32_t i, Part* out) const {
  Part total;
  if (!Term(i, Lead::kFirst, &total)) return false;
  double place = total.scale;  // a following term must be smaller
  while (place > 0) {
    uint32_t k = total.end;
    Lead lead = Lead::kConjPrefix;
    if (at(k).conj_token) {
      ++k;
      lead = Lead::kBare;
    }
    Part next;
    bool ok = Term(k, lead, &next);
    if (!ok && lead == Lead::kConjPrefix) {
      ok = Term(k, Lead::kBare, &next) && !next.digits;  // juxtaposed words (Egyptian)
    }
    if (!ok || next.vague || next.compound_only || !(next.value < place) ||
        (next.scale > 0 && !(next.scale < place))) {
      break;
    }
    total.value += next.value;
    total.end = next.end;
    total.atoms += next.atoms;
    total.compound_only = false;
    total.scale = next.scale;
    place = next.scale;
  }
  if (total.atoms == 1 && total.compound_only) return false;
  *out = total;
  return true;
}

// الأول، الثالثة عشرة، الحادي والعشرين، الواحد والثلاثون، التسعون.
bool Scanner::Ordinal(uint32_t i, Part* p) const {
  const Atom& a = at(i);
  auto plus_tens = [&](uint32_t k) -> double {
    Lead lead = Lead::kConjPrefix;
    if (at(k).conj_token) {
      ++k;
      lead = Lead::kBare;
    }
    const Atom& c = at(k);
    if (c.kind != WordKind::kTens || c.prep || c.conj != (lead == Lead::kConjPrefix)) return 0;
    p->end = k + 1;
    return c.value;
  };
  p->end = i + 1;
  p->atoms = 1;
  if (a.kind == WordKind::kOrdinal) {
    double v = a.value;
    const Atom& b = at(i + 1);
    if (v <= 9 && b.kind == WordKind::kTen && Fits(b, Lead::kBare)) {
      v += 10;
      p->end = i + 2;
    } else if (v <= 9) {
      v += plus_tens(i + 1);
    }
    if (a.compound_only && p->end == i + 1) return false;
    p->value = v;
    return true;
  }
  if (a.article && a.kind == WordKind::kUnit && a.value >= 1) {
    const Atom& b = at(i + 1);
    if (b.kind == WordKind::kTen && Fits(b, Lead::kBare)) {
      p->value = 10 + a.value;  // "الأحد عشر"
      p->end = i + 2;
      return true;
    }
    uint32_t k = i + 1 + (at(i + 1).conj_token ? 1 : 0);
    if (at(k).article) {
      double t = plus_tens(i + 1);
      if (t > 0) {
        p->value = a.value + t;  // "الواحد والثلاثون"
        return true;
      }
    }
    return false;
  }
  if (a.article && a.kind == WordKind::kTens) {
    p->value = a.value;  // "التسعين"
    return true;
  }
  return false;
}

// A bare indefinite word that can be a counted noun (for "الـ25 عاما" vs "الذكرى الـ25").
bool Scanner::NounAfter(uint32_t k) const {
  if (k >= size() || toks_[k].kind != text::TokenKind::kWord) return false;
  const text::Token& t = toks_[k];
  if (t.body_begin != t.span.begin || StartsWith(t.norm, "ال") || at(k).kind != WordKind::kNone) {
    return false;
  }
  NounClass c = lex_.ClassOf(t.norm);
  return c == NounClass::kNone || c == NounClass::kTime || c == NounClass::kUnit ||
         c == NounClass::kCurrency;
}

uint32_t Scanner::SkipDigitRun(uint32_t i) const {
  // Digit groups separated only by spaces, hyphens or dots: "0791 234 567", "+963-11-...".
  while (i < size() && (IsNumberToken(i) || Punct(i, "-") || Punct(i, "."))) {
    if (i + 1 < size()) {
      std::string_view gap =
          text_.substr(toks_[i].span.end, toks_[i + 1].span.begin - toks_[i].span.end);
      if (gap.find_first_not_of(' ') != std::string_view::npos) return i + 1;
    }
    ++i;
  }
  return i;
}

// Context of a digit token that makes it something other than a plain number.
// Returns false (and sets *next) when the token is not a number at all.
bool Scanner::DigitContext(uint32_t i, Found* f, Part* p, uint32_t* next) {
  const Atom& a = at(i);
  // Times (01:43) and slashed or hyphenated dates (22/02/2021, 2021-02-22).
  if (Punct(i + 1, ":") && Glued(i, i + 1) && Glued(i + 1, i + 2) && IsNumberToken(i + 2)) {
    uint32_t k = i + 2;
    while (Punct(k + 1, ":") && Glued(k, k + 1) && Glued(k + 1, k + 2) && IsNumberToken(k + 2))
      k += 2;
    *next = k + 1;
    return false;
  }
  for (std::string_view sep : {"/", "-"}) {
    if (Punct(i + 1, sep) && Glued(i, i + 1) && Glued(i + 1, i + 2) && IsNumberToken(i + 2) &&
        Punct(i + 3, sep) && Glued(i + 2, i + 3) && Glued(i + 3, i + 4) && IsNumberToken(i + 4)) {
      uint32_t k = i + 4;
      while (Punct(k + 1, sep) && Glued(k, k + 1) && Glued(k + 1, k + 2) && IsNumberToken(k + 2))
        k += 2;
      *next = k + 1;
      return false;
    }
  }
  // Phone numbers and ids: "+963 ...", "0791234567", ten digits or more.
  bool plus = i > 0 && Punct(i - 1, "+") && Glued(i - 1, i);
  if (plus || (a.integer && !a.separators &&
               (a.int_digits >= 10 || (a.leading_zero && a.int_digits >= 3)))) {
    *next = SkipDigitRun(i + 1);
    return false;
  }
  // Model names: "MQ-9", "F-16".
  if ((i >= 2 && Punct(i - 1, "-") && Glued(i - 1, i) && Glued(i - 2, i - 1) &&
       toks_[i - 2].kind == text::TokenKind::kLatin) ||
      (Punct(i + 1, "-") && Glued(i, i + 1) && Glued(i + 1, i + 2) &&
       toks_[i + 2].kind == text::TokenKind::kLatin)) {
    *next = i + 1;
    return false;
  }
  // A fraction with a power-of-ten denominator ("٧٧/١٠٠"); other a/b are dates or ratios.
  if (Punct(i + 1, "/") && Glued(i, i + 1) && Glued(i + 1, i + 2) && IsNumberToken(i + 2)) {
    const Atom& d = at(i + 2);
    if (a.digits && !a.leading_zero && d.digits && d.integer &&
        (d.value == 10 || d.value == 100 || d.value == 1000)) {
      p->value = a.value / d.value;
      p->end = i + 3;
      p->atoms = 1;
      p->digits = true;
      f->tb = i;
      f->no_count = true;  // a fraction counts nothing
      return true;
    }
    *next = i + 3;
    return false;
  }
  if (!a.digits) return false;
  return Compound(i, p) && (f->tb = i, true);
}

bool Scanner::TryAt(uint32_t i, Found* f, uint32_t* next) {
  const text::Token& t = toks_[i];
  const Atom& a = at(i);
  Part p;
  f->tb = i;
  if (t.kind == text::TokenKind::kLatin) {
    double v;
    if (!IsLatinOrdinal(t.norm, &v)) return false;
    f->number.value = f->number.high = v;
    f->number.ordinal = true;
    f->no_count = true;
    f->sb = i;
    f->te = f->se = i + 1;
    f->number.span = t.span;
    return true;
  }
  if (t.kind == text::TokenKind::kPunct) {
    if (t.norm == "+" && IsNumberToken(i + 1) && Glued(i, i + 1)) *next = SkipDigitRun(i + 1);
    return false;
  }
  bool ordinal = false;
  bool definite_digits = false;
  if (t.kind == text::TokenKind::kWord) {
    // "الـ25": an ordinal, or a definite cardinal when a noun follows ("الـ25 عاما").
    std::string_view n = t.norm;
    if ((n == "ال" || n == "وال" || n == "بال" || n == "لل" || n == "فال" || n == "كال") &&
        IsNumberToken(i + 1) && at(i + 1).digits &&
        (Glued(i, i + 1) || EndsWith(t.span.Of(text_), "ـ"))) {
      if (!Compound(i + 1, &p)) return false;
      ordinal = !(p.scale > 0) && !NounAfter(p.end);
      definite_digits = true;
    } else if (a.kind == WordKind::kNone) {
      return false;
    } else if (Ordinal(i, &p)) {
      // "30 ثانية": an ordinal-looking word right after a number is its noun.
      if (a.kind == WordKind::kOrdinal && !a.article && !out_.empty() && out_.back().te == i &&
          p.end == i + 1) {
        return false;
      }
      ordinal = true;
    } else {
      if (!Compound(i, &p)) return false;
      // A lone definite "الاثنين" is Monday, not two.
      if (p.atoms == 1 && a.article && a.kind == WordKind::kUnit && a.value == 2) return false;
      // A lone definite hundred ("في المئة") is a percentage or a century, not a quantity.
      if (p.atoms == 1 && a.article && a.kind == WordKind::kHundred) return false;
      f->definite = a.article && (a.kind == WordKind::kUnit || a.kind == WordKind::kTen ||
                                  a.kind == WordKind::kTeen);
      f->small_word =
          p.atoms == 1 && !a.article && a.kind == WordKind::kUnit && (a.value == 1 || a.value == 2);
    }
  } else if (t.kind == text::TokenKind::kNumber) {
    if (!DigitContext(i, f, &p, next)) return false;
  } else {
    return false;
  }

  f->te = p.end;
  f->number.value = f->number.high = p.value;
  f->number.ordinal = ordinal;
  f->number.vague = p.vague;
  f->number.approximate = p.vague;
  f->construct = p.vague;
  f->no_count = f->no_count || ordinal;
  f->sb = f->tb;
  f->se = f->te;
  if (definite_digits) f->tb = f->sb = i;

  if (t.kind == text::TokenKind::kNumber) {
    // "-1.2" and ".77", when the sign or point is not glued to what comes before it.
    auto lone = [&](uint32_t k) { return k == 0 || !Glued(k - 1, k); };
    if (i > 0 && Glued(i - 1, i) && lone(i - 1)) {
      if (Punct(i - 1, ".") && a.integer && !a.separators && p.end == i + 1) {
        f->number.value = f->number.high = a.value / std::pow(10.0, toks_[i].norm.size());
        f->sb = f->tb = i - 1;
      } else if ((Punct(i - 1, "-") || Punct(i - 1, "−")) && !(i >= 2 && IsNumberToken(i - 2))) {
        f->number.value = f->number.high = -f->number.value;
        f->sb = f->tb = i - 1;
      }
    }
  }
  if (!ordinal) Range(f, p);
  int clitics = at(f->sb).clitic_letters;
  if (f->sb != f->tb && toks_[f->sb].kind == text::TokenKind::kWord) {
    std::string_view w = toks_[f->sb].norm;  // "وبين", "ومن"
    clitics = static_cast<int>(Letters(w)) - (EndsWith(w, "بين") ? 3 : 2);
  }
  begin_ = After(f->sb, clitics);
  Approximators(f);
  Flags(f, p);
  f->number.span = SpanOf(f->sb, f->se);
  *next = f->se;
  return true;
}

// "ما بين 100 ألف إلى 300 ألف", "بين 10 و15", "من 10 إلى 15", "10-15", "ثلاثة أو أربعة".
void Scanner::Range(Found* f, const Part& first) {
  const uint32_t e = f->te;
  if (e >= size()) return;
  uint32_t b = f->sb;
  bool between = b > 0 && WordOrClitic(b - 1, "بين");
  bool from = b > 0 && WordOrClitic(b - 1, "من");
  uint32_t k = e;
  bool hyphen = false;
  bool conj_word = false;  // the second number carries the و ("و15" splits as و + 15)
  if (Word(e, "الي") || Word(e, "حتي") || Word(e, "او")) {
    if (Word(e, "حتي") && !from && !between) return;
    k = e + 1;
  } else if (Punct(e, "-") || Punct(e, "–") || Punct(e, "—")) {
    if (!first.digits || !IsNumberToken(e + 1)) return;
    hyphen = true;
    k = e + 1;
  } else if (at(e).conj_token || at(e).conj) {
    if (!between) return;
    k = at(e).conj_token ? e + 1 : e;
    conj_word = true;
  } else {
    return;
  }
  if (k >= size()) return;
  Part second;
  const Atom& s = at(k);
  if (s.article || s.prep || (s.conj && !conj_word) || (!s.digits && IsNumberToken(k))) return;
  if (toks_[k].kind == text::TokenKind::kNumber) {
    Found tmp;
    uint32_t ignored = 0;
    if (!DigitContext(k, &tmp, &second, &ignored)) return;
  } else if (!Compound(k, &second)) {
    return;
  }
  if (hyphen && !second.digits) return;
  double low = f->number.value;
  // "بين 100 و300 ألف": the scale of the second number applies to the first.
  if (first.scale == 0 && second.first_scale > 0 && low > 0 && low < second.first_multiplier &&
      !f->number.vague) {
    low *= second.first_scale;
  }
  if (!(second.value > low)) return;
  f->number.value = low;
  f->number.high = second.value;
  f->number.is_range = true;
  f->number.vague = f->number.vague || second.vague;
  f->number.approximate = f->number.approximate || second.vague;
  f->te = f->se = second.end;
  if (between) {
    f->sb = b - 1;
    if (f->sb > 0 && Word(f->sb - 1, "ما")) --f->sb;
  } else if (from && !hyphen && !Word(e, "او")) {
    f->sb = b - 1;
  }
}

void Scanner::Approximators(Found* f) {
  for (const Approximator& ap : lex_.approximators()) {
    const uint32_t n = static_cast<uint32_t>(ap.words.size());
    uint32_t start;
    if (ap.after) {
      if (f->se + n > size()) continue;
      start = f->se;
    } else {
      if (f->sb < n) continue;
      start = f->sb - n;
    }
    bool match = WordOrClitic(start, ap.words[0]);
    for (uint32_t w = 1; match && w < n; ++w) match = Word(start + w, ap.words[w]);
    if (!match) continue;
    if (ap.after) {
      f->se = start + n;
    } else {
      f->sb = start;
      begin_ = After(start, static_cast<int>(Letters(toks_[start].norm) - Letters(ap.words[0])));
    }
    f->number.approximate = true;
    if (f->number.approximator.empty()) {
      f->number.approximator = ap.text;
      f->number.qualifier = ap.qualifier;
    }
    if (!ap.after) break;  // one phrase before; an "after" phrase may still follow
  }
}

void Scanner::Flags(Found* f, const Part& p) {
  const uint32_t b = f->tb, e = f->te;
  // Percentages and money: "50%", "%50", "$50".
  auto is_sign = [&](uint32_t k, bool money) {
    if (k >= size() || toks_[k].kind != text::TokenKind::kPunct) return false;
    std::string_view n = toks_[k].norm;
    return money ? (n == "$" || n == "€" || n == "£") : n == "%";
  };
  for (bool money : {false, true}) {
    if ((e < size() && is_sign(e, money)) || (b > 0 && Glued(b - 1, b) && is_sign(b - 1, money))) {
      f->no_count = true;
    }
  }
  // The word before: "عام 2014", "رقم 2254".
  Cue cue = Cue::kNone;
  bool month_before = false;
  if (f->sb > 0 && (toks_[f->sb - 1].kind == text::TokenKind::kWord ||
                    toks_[f->sb - 1].kind == text::TokenKind::kLatin)) {
    std::string_view w = toks_[f->sb - 1].norm;
    cue = lex_.CueOf(w);
    if (cue == Cue::kNone && w.size() > 4) {
      std::string_view c = w.substr(2);  // one proclitic: "لعام", "والعام"
      std::string_view p2 = w.substr(0, 2);
      if (p2 == "و" || p2 == "ف" || p2 == "ب" || p2 == "ل") cue = lex_.CueOf(c);
    }
    month_before = lex_.ClassOf(w) == NounClass::kCalendar;
  }
  if (cue == Cue::kId) f->no_count = true;
  const Atom& a = at(b);
  bool year_like = p.digits && a.digits && a.integer && !a.separators && a.int_digits == 4 &&
                   p.atoms == 1 &&
                   ((a.value >= 1800 && a.value <= 2100) ||  // Gregorian
                    (a.value >= 1300 && a.value <= 1500));   // Hijri
  if (year_like) {
    bool era = e < size() && (Word(e, "م") || Word(e, "ه"));
    bool after_year = f->sb > 0 && at(f->sb - 1).conj_token && !out_.empty() &&
                      out_.back().te == f->sb - 1 && out_.back().no_count;
    bool range_of_years = f->number.is_range && f->number.high <= 2100 && f->number.high >= 1300;
    if (cue == Cue::kYear || month_before || era || after_year || range_of_years)
      f->no_count = true;
  }
}

std::vector<Found> Scanner::Run() {
  for (uint32_t i = 0; i < size();) {
    Found f;
    uint32_t next = i + 1;
    if (TryAt(i, &f, &next)) out_.push_back(std::move(f));
    i = std::max(next, i + 1);
  }
  return std::move(out_);
}

}  // namespace

std::vector<Found> Scan(std::string_view text, const std::vector<text::Token>& tokens,
                        const Options& options) {
  return Scanner(text, tokens, options).Run();
}

}  // namespace rasd::numbers::internal
