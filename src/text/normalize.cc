// Normalization for matching. Hot path: ASCII and the Arabic block go through
// a table built once from ICU data; everything else goes through ICU's NFKC,
// one normalization segment at a time so every output byte keeps its origin.
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <array>
#include <algorithm>
#include <cassert>
#include <cstring>
#include <mutex>

#include "rasd/text.h"
#include "rasd/utf8.h"

namespace rasd::text {
namespace {

constexpr char32_t kTableSize = 0x800;

// What one code point below U+0800 becomes under one set of options: up to
// 15 bytes inline (every code point in that range fits), empty = dropped.
struct Entry {
  uint8_t len = 0;
  char bytes[15];
};

bool IsArabicMark(char32_t c) {
  return (c >= 0x0610 && c <= 0x061A) || (c >= 0x064B && c <= 0x065F) || c == 0x0670 ||
         (c >= 0x06D6 && c <= 0x06DC) || (c >= 0x06DF && c <= 0x06E8) ||
         (c >= 0x06EA && c <= 0x06ED);
}

bool IsFormatChar(char32_t c) {
  return c == 0x00AD || c == 0x061C || (c >= 0x200B && c <= 0x200F) ||
         (c >= 0x202A && c <= 0x202E) || (c >= 0x2060 && c <= 0x2064) ||
         (c >= 0x2066 && c <= 0x2069) || c == 0xFEFF || (c >= 0xFE00 && c <= 0xFE0F);
}

bool IsSpaceLike(char32_t c) {
  return c == 0x09 || c == 0x0A || c == 0x0B || c == 0x0C || c == 0x0D || c == 0x20 ||
         c == 0x85 || c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 ||
         c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000;
}

// Folds one code point that is already NFKC/NFKD-normalized (Arabic rules, case).
// Appends the result; returns nothing for dropped characters.
void FoldOne(char32_t c, const NormalizeOptions& o, std::string* out) {
  if (IsSpaceLike(c)) {
    out->push_back(' ');
    return;
  }
  if (c < 0x20 || (c >= 0x7F && c < 0xA0)) {  // other controls
    out->push_back(' ');
    return;
  }
  if (IsFormatChar(c)) return;
  if (c == 0x0640 && o.strip_diacritics) return;  // tatweel
  if (o.strip_diacritics && (IsArabicMark(c) || u_charType(c) == U_NON_SPACING_MARK)) return;
  if (o.fold_alef && (c == 0x0622 || c == 0x0623 || c == 0x0625 || c == 0x0671 || c == 0x0672 ||
                      c == 0x0673 || c == 0x0675)) {
    c = 0x0627;
  } else if (o.fold_hamza && c == 0x0624) {
    c = 0x0648;
  } else if (o.fold_hamza && c == 0x0626) {
    c = 0x064A;
  } else if (o.fold_ya && (c == 0x0649 || c == 0x06CC || c == 0x06D2)) {
    c = 0x064A;
  } else if (o.fold_ta_marbuta && c == 0x0629) {
    c = 0x0647;
  } else if (c == 0x06A9 || c == 0x06AA) {
    c = 0x0643;  // Persian/Swash kaf
  } else if (c == 0x06C1 || c == 0x06D5 || (o.fold_hamza && c == 0x06C0)) {
    c = 0x0647;
  } else if (o.fold_digits && c >= 0x0660 && c <= 0x0669) {
    c = '0' + (c - 0x0660);
  } else if (o.fold_digits && c >= 0x06F0 && c <= 0x06F9) {
    c = '0' + (c - 0x06F0);
  } else if (o.fold_punctuation) {
    switch (c) {
      case 0x060C: c = ','; break;
      case 0x061B: c = ';'; break;
      case 0x061F: c = '?'; break;
      case 0x066A: c = '%'; break;
      case 0x066B: c = '.'; break;
      case 0x066C: c = ','; break;
      case 0x066D: c = '*'; break;
      case 0x06D4: c = '.'; break;
      default: break;
    }
  }
  if (o.lowercase && c >= 'A' && c <= 'Z') {
    c += 32;
  } else if (o.lowercase && c >= 0x80 && c != 0x0130) {
    c = u_tolower(c);
  }
  utf8::Append(c, out);
}

const icu::Normalizer2* Nfkc() {
  static const icu::Normalizer2* n = [] {
    UErrorCode err = U_ZERO_ERROR;
    const icu::Normalizer2* p = icu::Normalizer2::getNFKCInstance(err);
    assert(U_SUCCESS(err));
    return p;
  }();
  return n;
}

const icu::Normalizer2* Nfkd() {
  static const icu::Normalizer2* n = [] {
    UErrorCode err = U_ZERO_ERROR;
    const icu::Normalizer2* p = icu::Normalizer2::getNFKDInstance(err);
    assert(U_SUCCESS(err));
    return p;
  }();
  return n;
}

// Normalizes one ICU segment (UTF-32 code points) and folds the result.
void NormalizeSegment(const char32_t* cps, size_t n, const NormalizeOptions& o, bool decompose,
                      std::string* out) {
  icu::UnicodeString in;
  for (size_t i = 0; i < n; ++i) in.append(static_cast<UChar32>(cps[i]));
  UErrorCode err = U_ZERO_ERROR;
  icu::UnicodeString norm = (decompose ? Nfkd() : Nfkc())->normalize(in, err);
  if (U_FAILURE(err)) norm = in;
  for (int32_t i = 0; i < norm.length();) {
    UChar32 c = norm.char32At(i);
    FoldOne(static_cast<char32_t>(c), o, out);
    i += U16_LENGTH(c);
  }
}

// The table for code points below U+0800 under one option set.
class Table {
 public:
  explicit Table(const NormalizeOptions& o) {
    for (char32_t c = 0; c < kTableSize; ++c) {
      std::string out;
      if (c < 0x80 || (c >= 0x0600 && c < 0x0700)) {
        FoldOne(c, o, &out);
      } else {
        // Latin and other scripts: decompose so accents can be dropped, then fold.
        NormalizeSegment(&c, 1, o, o.strip_diacritics, &out);
      }
      Entry& e = entries_[c];
      e.len = static_cast<uint8_t>(std::min<size_t>(out.size(), sizeof e.bytes));
      std::memcpy(e.bytes, out.data(), e.len);
    }
  }
  void Append(char32_t c, std::string* out) const {
    const Entry& e = entries_[c];
    if (e.len == 1) {
      out->push_back(e.bytes[0]);
    } else {
      out->append(e.bytes, e.len);
    }
  }

 private:
  std::array<Entry, kTableSize> entries_;
};

bool SameOptions(const NormalizeOptions& a, const NormalizeOptions& b) {
  return a.strip_diacritics == b.strip_diacritics && a.fold_alef == b.fold_alef &&
         a.fold_hamza == b.fold_hamza && a.fold_ya == b.fold_ya &&
         a.fold_ta_marbuta == b.fold_ta_marbuta && a.fold_digits == b.fold_digits &&
         a.fold_punctuation == b.fold_punctuation && a.lowercase == b.lowercase;
}

const Table& DefaultTable() {
  static const Table kDefault{NormalizeOptions{}};
  return kDefault;
}

const Table& TableFor(const NormalizeOptions& o) {
  if (SameOptions(o, NormalizeOptions{})) return DefaultTable();
  // Rare: other option sets are built on first use and kept.
  static std::mutex mu;
  static std::vector<std::pair<NormalizeOptions, std::unique_ptr<Table>>> others;
  std::lock_guard<std::mutex> lock(mu);
  for (auto& [opts, table] : others) {
    if (SameOptions(opts, o)) return *table;
  }
  others.emplace_back(o, std::make_unique<Table>(o));
  return *others.back().second;
}

// Core loop. When map is non-null, records the origin of every output byte.
void Run(std::string_view in, const NormalizeOptions& o, const Table& table, std::string* out,
         std::vector<uint32_t>* map) {
  const icu::Normalizer2* nfkc = Nfkc();
  out->reserve(out->size() + in.size() + 8);
  size_t pos = 0;
  char32_t seg[64];
  while (pos < in.size()) {
    const size_t start = pos;
    const size_t before = out->size();
    auto b = static_cast<unsigned char>(in[pos]);
    if (b < 0x80) {
      ++pos;
      table.Append(b, out);
    } else {
      char32_t c = utf8::Next(in, &pos);
      if (c < kTableSize) {
        table.Append(c, out);
      } else if (IsSpaceLike(c) || IsFormatChar(c)) {
        FoldOne(c, o, out);
      } else if (nfkc->isInert(c)) {
        FoldOne(c, o, out);
      } else {
        // Gather the normalization segment: c plus what cannot start a new one.
        size_t n = 0;
        seg[n++] = c;
        while (pos < in.size() && n < 64) {
          size_t next = pos;
          char32_t d = utf8::Next(in, &next);
          if (nfkc->hasBoundaryBefore(d)) break;
          seg[n++] = d;
          pos = next;
        }
        NormalizeSegment(seg, n, o, false, out);
      }
    }
    if (map) map->insert(map->end(), out->size() - before, static_cast<uint32_t>(start));
  }
  if (map) map->push_back(static_cast<uint32_t>(in.size()));
}

}  // namespace

Span Normalized::ToOriginal(uint32_t begin, uint32_t end) const {
  if (begin >= text.size()) return {norm_to_orig.back(), norm_to_orig.back()};
  uint32_t ob = norm_to_orig[begin];
  uint32_t oe;
  if (end >= text.size()) {
    oe = norm_to_orig.back();
  } else {
    // The end is where the code point after the last mapped byte starts.
    oe = norm_to_orig[end];
    if (oe == norm_to_orig[end - 1]) {
      // end falls inside the expansion of one input character: include it whole.
      size_t k = end;
      while (k < text.size() && norm_to_orig[k] == oe) ++k;
      oe = norm_to_orig[k];
    }
  }
  return {ob, oe};
}

Normalized Normalize(std::string_view input, const NormalizeOptions& options) {
  Normalized n;
  n.text.reserve(input.size());
  n.norm_to_orig.reserve(input.size() + 1);
  Run(input, options, TableFor(options), &n.text, &n.norm_to_orig);
  assert(n.norm_to_orig.size() == n.text.size() + 1);
  return n;
}

void NormalizeTo(std::string_view input, std::string* out, const NormalizeOptions& options) {
  Run(input, options, TableFor(options), out, nullptr);
}

void NormalizeWordTo(std::string_view input, std::string* out) {
  static const NormalizeOptions kDefaults;
  Run(input, kDefaults, DefaultTable(), out, nullptr);
}

std::string NormalizeKey(std::string_view input) {
  std::string out;
  out.reserve(input.size());
  static const NormalizeOptions kDefaults;
  Run(input, kDefaults, DefaultTable(), &out, nullptr);
  return out;
}

}  // namespace rasd::text
