#include "extract/ner/features.h"

#include <array>

#include "extract/ner/feature_hash.h"
#include "extract/ner/gazetteer.h"
#include "extract/ner/string_table.h"

namespace rasd::ner {
namespace {

using fh::H;
using fh::H2;
using fh::Prefix;
using fh::Suffix;
const std::string_view kBos = fh::kBos, kEos = fh::kEos;

}  // namespace

void SetDocumentContext(std::vector<TokenInfo>* doc, const std::vector<int>& tags) {
  // key → counts of classes (0 O, 1 PER, 2 LOC, 3 ORG, 4 MISC) over the document.
  StringTable<std::array<int, 5>> counts;
  counts.Reserve(doc->size());
  std::vector<std::array<int, 5>*> of(doc->size(), nullptr);  // each token's counts
  auto cls = [](int t) { return t == 0 ? 0 : (t + 1) / 2; };
  for (size_t i = 0; i < doc->size(); ++i) {
    const TokenInfo& x = (*doc)[i];
    if (x.key.empty()) continue;
    of[i] = &counts.Insert(x.key, /*stable=*/true);
    (*of[i])[cls(tags[i])]++;
  }
  static const char kClass[5] = {'n', 'P', 'L', 'O', 'M'};
  for (size_t i = 0; i < doc->size(); ++i) {
    TokenInfo& x = (*doc)[i];
    x.doc = 0;
    if (!of[i]) continue;
    std::array<int, 5> c = *of[i];
    c[cls(tags[i])]--;  // not counting this occurrence
    // Any other occurrence tagged as a name wins over "never a name".
    int best = -1;
    for (int k = 1; k < 5; ++k) {
      if (c[k] > 0 && (best < 0 || c[k] > c[best])) best = k;
    }
    if (best < 0 && c[0] > 0) best = 0;
    if (best >= 0) x.doc = kClass[best];
  }
}

namespace {

// Head words of organisation names (written for rasd), as token keys, with
// and without the article.
bool IsOrgHead(std::string_view key) {
  static const auto* heads = [] {
    auto* h = new StringTable<bool>();
    for (const char* w : {"وزارة", "حركة", "جبهة", "حزب", "مجلس", "جامعة", "شركة", "وكالة", "منظمة", "اتحاد",
                          "هيئة", "مؤسسة", "جمعية", "بنك", "مصرف", "لجنة", "رابطة", "نادي", "معهد", "مركز",
                          "صحيفة", "جيش", "قوات", "مجموعة", "تنظيم", "منتدى", "محكمة", "برلمان", "اذاعة",
                          "تلفزيون", "قناة", "كلية", "دار", "نقابة", "سلطة", "إدارة", "مكتب", "صندوق", "بورصة",
                          "فريق"}) {
      (*h)[text::NormalizeKey(w)] = true;
      (*h)[text::NormalizeKey(std::string("ال") + w)] = true;
    }
    return h;
  }();
  return heads->Find(key) != nullptr;
}

}  // namespace

int OrgHeadBefore(std::span<const TokenInfo> seq, size_t i) {
  for (size_t d = 1; d <= 4 && d <= i; ++d) {
    const TokenInfo& y = seq[i - d];
    if (y.kind == text::TokenKind::kPunct) return 0;
    if (y.org_head) return static_cast<int>(d);
  }
  return 0;
}

uint64_t VocabHash(const TokenInfo& x) { return H(99, x.key.empty() ? x.norm : x.key); }

std::vector<TokenInfo> MakeInfos(const std::vector<text::Token>& tokens, std::string_view text,
                                 const Gazetteer& gazetteer, LongestMatches* longest) {
  if (longest) {
    longest->known.assign(tokens.size(), 0);
    longest->at.assign(tokens.size(), std::nullopt);
  }
  std::vector<TokenInfo> infos(tokens.size());
  std::vector<std::string_view> keys(tokens.size());  // of infos[i].key
  for (size_t i = 0; i < tokens.size(); ++i) {
    const text::Token& t = tokens[i];
    TokenInfo& x = infos[i];
    x.norm = t.norm;
    x.stem = t.stem;
    x.kind = t.kind;
    text::Clitics c;
    if (t.kind == text::TokenKind::kWord) {
      c = text::SplitProclitics(t.norm);
      x.clitics = (c.conj ? 1 : 0) | (c.prep ? 2 : 0) | (c.article ? 4 : 0);
    }
    if (t.kind == text::TokenKind::kWord || t.kind == text::TokenKind::kLatin) {
      x.key = TokenKey(t, c);
      keys[i] = x.key;
      x.first_name = gazetteer.IsFirstName(x.norm) || gazetteer.IsFirstName(x.key);
      x.org_head = IsOrgHead(x.key);
    }
    if (t.kind == text::TokenKind::kPunct) {
      std::string_view s = t.span.Of(text);
      bool mark = s == "\"" || s == "“" || s == "”" || s == "«" || s == "»";
      if (mark && i + 1 < tokens.size() && tokens[i + 1].span.begin == t.span.end) infos[i + 1].quote_before = true;
      if (mark && i > 0 && tokens[i - 1].span.end == t.span.begin) infos[i - 1].quote_after = true;
    }
  }
  for (size_t i = 0; i < tokens.size();) {
    auto m = gazetteer.LongestAt(keys, i);
    if (longest) {
      longest->known[i] = 1;
      longest->at[i] = m;
    }
    if (!m) {
      ++i;
      continue;
    }
    char g = 0, kind = 0;
    if (!m->title && m->entry) {
      switch (m->entry->type) {
        case EntityType::kOrg: g = 'O'; kind = 'o'; break;
        case EntityType::kNorp: g = 'N'; kind = 'n'; break;
        default:
          g = 'P';
          kind = m->entry->kind == "country" ? 'c' : m->entry->kind == "admin1" ? 'a'
                 : m->entry->kind == "capital" ? 'C' : 'y';
      }
    }
    for (size_t k = m->begin; k < m->end; ++k) {
      if (m->title) {
        infos[k].title = true;
      } else {
        infos[k].gaz = g;
        infos[k].gaz_kind = kind;
        infos[k].gaz_begin = k == m->begin;
      }
    }
    if (m->title && m->end < tokens.size()) infos[m->end].after_title = true;
    i = m->end;
  }
  return infos;
}

std::string_view GazTag(const TokenInfo& x) {
  // Every tag a token can have, built once: "T", "0", or the gazetteer class and B/I.
  static const auto* tags = [] {
    auto* t = new std::array<std::array<std::string, 2>, 256>();
    for (int c = 1; c < 256; ++c) {
      (*t)[c][0] = std::string{static_cast<char>(c), 'I'};
      (*t)[c][1] = std::string{static_cast<char>(c), 'B'};
    }
    return t;
  }();
  if (x.title) return "T";
  if (!x.gaz) return "0";
  return (*tags)[static_cast<unsigned char>(x.gaz)][x.gaz_begin ? 1 : 0];
}

namespace {

// Letter trigrams inside the word: transliterated foreign names ("رامسفيلد")
// have letter sequences Arabic words rarely have.
void Trigrams(const TokenInfo& x, std::vector<uint64_t>* out) {
  if (x.kind != text::TokenKind::kWord || x.key.size() < 6) return;
  std::string padded = "^" + x.key + "$";
  size_t pos = 0;
  std::vector<size_t> starts;
  while (pos < padded.size()) {
    starts.push_back(pos);
    unsigned char c = padded[pos];
    pos += c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
  }
  starts.push_back(padded.size());
  for (size_t k = 0; k + 3 < starts.size(); ++k) {
    out->push_back(H(45, std::string_view(padded).substr(starts[k], starts[k + 3] - starts[k])));
  }
}

}  // namespace

void DocFeatures(std::span<const TokenInfo> seq, size_t i, uint64_t out[kDocFeatures]) {
  const TokenInfo& x = seq[i];
  const char f0[2] = {static_cast<char>('0' + x.freq), 0};
  const char doc[2] = {x.doc ? x.doc : '-', 0};
  out[0] = H(50, doc);
  out[1] = H2(51, doc, f0);
  out[2] = H2(52, doc, GazTag(x));
  const char docp[3] = {i > 0 && seq[i - 1].doc ? seq[i - 1].doc : '-', doc[0], 0};
  out[3] = H(53, docp);
}

void Features(std::span<const TokenInfo> seq, size_t i, std::vector<uint64_t>* out, size_t* doc_at) {
  auto norm = [&](long k) -> std::string_view {
    if (k < 0) return kBos;
    if (k >= static_cast<long>(seq.size())) return kEos;
    return seq[k].norm;
  };
  auto stem = [&](long k) -> std::string_view {
    if (k < 0) return kBos;
    if (k >= static_cast<long>(seq.size())) return kEos;
    return seq[k].stem;
  };
  auto gaz = [&](long k) -> std::string_view {
    if (k < 0 || k >= static_cast<long>(seq.size())) return "-";
    return GazTag(seq[k]);
  };
  const long n = static_cast<long>(i);
  const TokenInfo& x = seq[i];
  // Lexical features first (kLexicalFeatures of them).
  out->push_back(H(2, x.norm));
  out->push_back(H(3, x.stem));
  out->push_back(H(4, x.key));
  out->push_back(H2(17, norm(n - 1), x.norm));
  out->push_back(H2(18, x.norm, norm(n + 1)));
  out->push_back(H2(28, x.key, gaz(n)));
  out->push_back(H(1, "bias"));
  out->push_back(H(5, Prefix(x.key, 2)));
  out->push_back(H(6, Prefix(x.key, 3)));
  out->push_back(H(7, Suffix(x.norm, 1)));
  out->push_back(H(8, Suffix(x.norm, 2)));
  out->push_back(H(9, Suffix(x.norm, 3)));
  char shape[4] = {static_cast<char>('a' + static_cast<int>(x.kind)), static_cast<char>('0' + x.clitics),
                   static_cast<char>('0' + std::min<size_t>(x.key.size() / 2, 9)), 0};
  out->push_back(H(10, shape));
  out->push_back(H(11, norm(n - 1)));
  out->push_back(H(12, norm(n + 1)));
  out->push_back(H(13, norm(n - 2)));
  out->push_back(H(14, norm(n + 2)));
  out->push_back(H(15, stem(n - 1)));
  out->push_back(H(16, stem(n + 1)));
  out->push_back(H2(19, stem(n - 1), x.stem));
  out->push_back(H(20, gaz(n)));
  out->push_back(H2(21, gaz(n - 1), gaz(n)));
  out->push_back(H2(22, gaz(n), gaz(n + 1)));
  if (x.gaz_kind) out->push_back(H(23, std::string_view(&x.gaz_kind, 1)));
  if (x.after_title) out->push_back(H(24, "after-title"));
  if (n > 0 && seq[n - 1].after_title) out->push_back(H(25, "after-title-1"));
  if (x.quote_before) out->push_back(H(26, "quote-before"));
  if (x.quote_after) out->push_back(H(27, "quote-after"));
  out->push_back(H2(29, Suffix(x.key, 2), gaz(n - 1)));
  auto freq = [&](long k) -> char {
    if (k < 0 || k >= static_cast<long>(seq.size())) return '-';
    return static_cast<char>('0' + seq[k].freq);
  };
  const char f0[2] = {freq(n), 0}, fp[3] = {freq(n - 1), freq(n), 0}, fn[3] = {freq(n), freq(n + 1), 0};
  out->push_back(H(34, f0));
  out->push_back(H(35, fp));
  out->push_back(H(36, fn));
  out->push_back(H2(37, f0, gaz(n)));
  out->push_back(H2(38, f0, Suffix(x.key, 1)));
  out->push_back(H2(39, f0, norm(n - 1)));
  out->push_back(H2(40, f0, norm(n + 1)));
  auto first = [&](long k) -> std::string_view {
    if (k < 0 || k >= static_cast<long>(seq.size())) return "-";
    return seq[k].first_name ? "1" : "0";
  };
  out->push_back(H(41, first(n)));
  out->push_back(H2(42, first(n - 1), first(n)));
  out->push_back(H2(43, first(n), first(n + 1)));
  out->push_back(H2(44, first(n - 1), f0));
  Trigrams(x, out);
  if (const int d = OrgHeadBefore(seq, i)) {
    const char c[2] = {static_cast<char>('0' + d), 0};
    out->push_back(H(65, c));
  }
  if (x.org_head) out->push_back(H(68, "head"));
  if (doc_at) *doc_at = out->size();
  uint64_t docf[kDocFeatures];
  DocFeatures(seq, i, docf);
  out->insert(out->end(), docf, docf + kDocFeatures);
  out->push_back(H(30, Suffix(x.key, 1)));
  out->push_back(H(31, Suffix(x.key, 4)));
  out->push_back(H(32, Prefix(x.key, 1)));
  out->push_back(H(33, Prefix(x.key, 4)));
}

void WordFeatures(const TokenInfo& x, std::vector<uint64_t>* out) {
  out->push_back(H(2, x.norm));
  out->push_back(H(3, x.stem));
  out->push_back(H(4, x.key));
  out->push_back(H(1, "bias"));
  out->push_back(H(5, Prefix(x.key, 2)));
  out->push_back(H(6, Prefix(x.key, 3)));
  out->push_back(H(7, Suffix(x.norm, 1)));
  out->push_back(H(8, Suffix(x.norm, 2)));
  out->push_back(H(9, Suffix(x.norm, 3)));
  char shape[4] = {static_cast<char>('a' + static_cast<int>(x.kind)), static_cast<char>('0' + x.clitics),
                   static_cast<char>('0' + std::min<size_t>(x.key.size() / 2, 9)), 0};
  out->push_back(H(10, shape));
  const char f0[2] = {static_cast<char>('0' + x.freq), 0};
  out->push_back(H(34, f0));
  out->push_back(H2(38, f0, Suffix(x.key, 1)));
  out->push_back(H(41, x.first_name ? "1" : "0"));
  Trigrams(x, out);
  out->push_back(H(30, Suffix(x.key, 1)));
  out->push_back(H(31, Suffix(x.key, 4)));
  out->push_back(H(32, Prefix(x.key, 1)));
  out->push_back(H(33, Prefix(x.key, 4)));
}

void NeighbourFeatures(std::string_view norm, std::string_view stem, NeighbourRole role,
                       std::vector<uint64_t>* out) {
  switch (role) {
    case kPrev1:
      out->push_back(H(11, norm));
      out->push_back(H(15, stem));
      break;
    case kPrev2: out->push_back(H(13, norm)); break;
    case kNext1:
      out->push_back(H(12, norm));
      out->push_back(H(16, stem));
      break;
    case kNext2: out->push_back(H(14, norm)); break;
  }
}

}  // namespace rasd::ner
