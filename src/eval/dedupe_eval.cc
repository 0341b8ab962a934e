// rasd eval dedupe: exact and near-duplicate figures on SaudiNewsNet and
// similarity distributions on the ANS stance pairs (docs/dedupe.md).
#include <time.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdarg>
#include <cstdio>
#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <thread>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

#include "dedupe/shingles.h"
#include "eval/util.h"
#include "rasd/dedupe.h"
#include "rasd/eval.h"
#include "rasd/ingest.h"
#include "rasd/pipeline.h"
#include "rasd/text.h"

namespace rasd::eval {
namespace {

using dedupe::Options;
using dedupe::Signature;

// The settings docs/dedupe.md recommends (its measurements chose them).
constexpr Options kChosen{.shingle = 5, .bands = 32, .rows = 4, .threshold = 0.7};

struct Doc {
  std::string name;  // "2015-07-21.zip record 12" (", part 1" for a split-off article)
  std::string text;
  size_t record = 0;  // index of the record it came from
  int part = 0;
};

struct Corpus {
  std::vector<Doc> records;  // the raw `content` of every record with text, in corpus order
  std::vector<Doc> clean;    // every document the Analyzer made of them, in order
  size_t read_errors = 0, analyze_failures = 0;
  double analyze_seconds = 0;
};

double ThreadCpuSeconds() {
  timespec ts;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec * 1e-9;
}

double WallSeconds() {
  timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec + ts.tv_nsec * 1e-9;
}

std::string Fmt(const char* format, ...) __attribute__((format(printf, 1, 2)));
std::string Fmt(const char* format, ...) {
  char buf[1024];
  va_list args;
  va_start(args, format);
  std::vsnprintf(buf, sizeof buf, format, args);
  va_end(args);
  return buf;
}

std::string ShortName(const RawDoc& d) {
  std::string uri = d.uri;
  size_t bang = uri.find("!/");
  if (bang != std::string::npos) uri = uri.substr(0, bang);
  return std::filesystem::path(uri).filename().string() + " " + d.record;
}

StatusOr<Corpus> LoadSaudiNewsNet(const std::string& dir) {
  std::vector<std::string> zips;
  std::error_code ec;
  for (const auto& e : std::filesystem::directory_iterator(dir, ec)) {
    if (e.path().extension() == ".zip") zips.push_back(e.path().string());
  }
  if (zips.empty())
    return Status::NotFound(dir + ": cannot open (no .zip files; is ../shared/data present?)");
  std::sort(zips.begin(), zips.end());
  Corpus c;
  std::vector<RawDoc> raws;
  ingest::Reader reader;
  reader.Read(
      zips,
      [&](RawDoc&& d) {
        c.records.push_back({ShortName(d), d.bytes, c.records.size()});
        raws.push_back(std::move(d));
        return true;
      },
      [&](const ingest::ReadError&) { ++c.read_errors; });
  // Analysed on every core; results are kept in corpus order.
  AnalyzeOptions ao;
  ao.entities = false;
  Analyzer analyzer(ao);
  std::vector<std::vector<Doc>> out(raws.size());
  std::atomic<size_t> next{0}, failures{0};
  auto work = [&] {
    for (size_t i; (i = next.fetch_add(1)) < raws.size();) {
      auto r = analyzer.Analyze(raws[i]);
      if (!r.ok()) {
        ++failures;
        continue;
      }
      for (const Analysis& a : *r) {
        std::string name = ShortName(raws[i]);
        if (a.doc.part > 0) name += ", part " + std::to_string(a.doc.part);
        out[i].push_back({std::move(name), a.doc.text, i, a.doc.part});
      }
    }
  };
  double start = WallSeconds();
  unsigned n = std::max(1u, std::thread::hardware_concurrency());
  std::vector<std::thread> threads;
  for (unsigned t = 0; t < n; ++t) threads.emplace_back(work);
  for (auto& t : threads) t.join();
  c.analyze_seconds = WallSeconds() - start;
  c.analyze_failures = failures;
  for (auto& v : out) {
    for (auto& d : v) c.clean.push_back(std::move(d));
  }
  return c;
}

// Decodes the UTF-8 code point at s[*i] and advances *i (invalid bytes read as themselves).
char32_t NextCodePoint(std::string_view s, size_t* i) {
  unsigned char c = s[*i];
  size_t len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 1;
  if (*i + len > s.size()) len = 1;
  char32_t cp = len == 1 ? c : len == 2 ? c & 0x1F : len == 3 ? c & 0x0F : c & 0x07;
  for (size_t k = 1; k < len; ++k) cp = cp << 6 | (static_cast<unsigned char>(s[*i + k]) & 0x3F);
  *i += len;
  return cp;
}

// What Python's str.split() splits on.
bool IsUnicodeSpace(char32_t c) {
  return (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x20) || c == 0x85 || c == 0xA0 ||
         c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F ||
         c == 0x205F || c == 0x3000;
}

// Whitespace runs → one space, trimmed: the independent comparison, the same
// as Python's ' '.join(s.split()).
std::string CollapseSpaces(std::string_view s) {
  std::string out;
  bool gap = false;
  for (size_t i = 0; i < s.size();) {
    size_t start = i;
    if (IsUnicodeSpace(NextCodePoint(s, &i))) {
      gap = !out.empty();
      continue;
    }
    if (gap) out.push_back(' ');
    gap = false;
    out.append(s.substr(start, i - start));
  }
  return out;
}

// Why two texts that ExactKey calls equal differ as raw strings: the class of
// the first code point where they part.
std::string DifferenceClass(std::string_view x, std::string_view y) {
  size_t i = 0, j = 0;
  char32_t a = 0, b = 0;
  while (i < x.size() && j < y.size()) {
    a = NextCodePoint(x, &i);
    b = NextCodePoint(y, &j);
    if (a != b) break;
    a = b = 0;
  }
  if (a == 0 && b == 0) {
    if (i < x.size()) a = NextCodePoint(x, &i);
    if (j < y.size()) b = NextCodePoint(y, &j);
  }
  auto cls = [](char32_t c) -> const char* {
    if (c == 0) return "end of text";
    if ((c >= 0x064B && c <= 0x065F) || c == 0x0670 || c == 0x0640) return "diacritic/tatweel";
    if (c == 0x0622 || c == 0x0623 || c == 0x0625 || c == 0x0671 || c == 0x0627) return "alef form";
    if (c == 0x0629 || c == 0x0647 || c == 0x0649 || c == 0x064A || c == 0x0624 || c == 0x0626 ||
        c == 0x0648 || c == 0x06CC) {
      return "ta marbuta/ya/hamza form";
    }
    if ((c >= 0x200B && c <= 0x200F) || (c >= 0x202A && c <= 0x202E) ||
        (c >= 0x2066 && c <= 0x2069) || c == 0xFEFF || c == 0x00AD) {
      return "invisible format character";
    }
    if (c == 0x060C || c == 0x061B || c == 0x061F || c == 0x066A || c == 0x066B || c == 0x066C ||
        (c >= 0x0660 && c <= 0x0669) || (c >= 0x06F0 && c <= 0x06F9) || c == ',' || c == ';' ||
        c == '?' || c == '%' || c == '.' || (c >= '0' && c <= '9')) {
      return "Arabic punctuation/digit form";
    }
    if (c == ' ') return "space";
    if (c >= 0xFB50) return "presentation form (NFKC)";
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) return "Latin case";
    return "other";
  };
  std::string p = cls(a), q = cls(b);
  if (p == "other" || p == "space" || p == "end of text") return q == "other" ? p : q;
  return p;
}

// ---- exact duplicates ----

std::string ExactSection(const Corpus& c) {
  std::ostringstream out;
  out << "## Exact duplicates\n";
  out << Fmt(
      "records with a non-empty `content`: %zu (records with an empty one, reported by the reader: "
      "%zu)\n",
      c.records.size(), c.read_errors);
  std::unordered_set<std::string_view> bytes_seen;
  size_t byte_dups = 0;
  for (const Doc& r : c.records) byte_dups += !bytes_seen.insert(r.text).second;
  out << Fmt(
      "byte-identical `content` among them: %zu duplicate records (with the %zu empty ones, %zu "
      "more: "
      "the corpus README's figure)\n",
      byte_dups, c.read_errors, c.read_errors ? c.read_errors - 1 : 0);
  // Independent: raw content, whitespace collapsed, compared as whole strings.
  std::unordered_map<std::string, size_t> first_raw;
  std::vector<bool> dup_raw(c.records.size()), blank(c.records.size());
  for (size_t i = 0; i < c.records.size(); ++i) {
    std::string k = CollapseSpaces(c.records[i].text);
    blank[i] = k.empty();
    dup_raw[i] = !first_raw.emplace(std::move(k), i).second;
  }
  // ExactKey on the same raw content, checked for hash collisions against the
  // normalized strings themselves.
  std::vector<uint64_t> keys(c.records.size());
  size_t bytes = 0;
  double cpu = ThreadCpuSeconds();
  for (size_t i = 0; i < c.records.size(); ++i) {
    keys[i] = dedupe::ExactKey(c.records[i].text);
    bytes += c.records[i].text.size();
  }
  cpu = ThreadCpuSeconds() - cpu;
  std::unordered_map<uint64_t, size_t> first_key;
  std::unordered_map<uint64_t, std::string> key_text;
  std::vector<bool> dup_key(c.records.size());
  size_t collisions = 0;
  for (size_t i = 0; i < c.records.size(); ++i) {
    dup_key[i] = !first_key.emplace(keys[i], i).second;
    std::string norm = CollapseSpaces(text::NormalizeKey(c.records[i].text));
    auto [kt, fresh] = key_text.emplace(keys[i], norm);
    if (!fresh && kt->second != norm) ++collisions;
  }
  size_t n_raw = 0, n_key = 0, n_blank = 0, blank_dups = 0, raw_not_key = 0;
  std::map<std::string, size_t> why;
  std::vector<std::pair<size_t, size_t>> extra;
  for (size_t i = 0; i < c.records.size(); ++i) {
    n_raw += dup_raw[i];
    n_key += dup_key[i];
    n_blank += blank[i];
    blank_dups += dup_raw[i] && blank[i];
    raw_not_key += dup_raw[i] && !dup_key[i];
    if (dup_key[i] && !dup_raw[i]) {
      size_t j = first_key[keys[i]];
      extra.push_back({j, i});
      ++why[DifferenceClass(CollapseSpaces(c.records[j].text), CollapseSpaces(c.records[i].text))];
    }
  }
  out << Fmt(
      "independent count (raw content, Unicode whitespace runs collapsed as Python's str.split(), "
      "whole-string equality): %zu duplicate records, %zu of them blank (%zu records hold only "
      "whitespace); %zu non-blank\n",
      n_raw, blank_dups, n_blank, n_raw - blank_dups);
  out << Fmt(
      "ExactKey on the same raw content: %zu duplicate records (%zu non-blank); 64-bit hash "
      "collisions: %zu\n",
      n_key, n_key - blank_dups, collisions);
  out << Fmt(
      "  independent duplicates ExactKey misses: %zu; ExactKey duplicates the independent count "
      "does not make: %zu, by the first difference:",
      raw_not_key, extra.size());
  for (const auto& [k, n] : why) out << Fmt(" %s %zu;", k.c_str(), n);
  out << "\n";
  for (size_t i = 0; i < extra.size() && i < 3; ++i) {
    out << "  e.g. " << c.records[extra[i].first].name << " = " << c.records[extra[i].second].name
        << "\n";
  }
  out << Fmt("ExactKey speed: %.0f records/s, %.1f MB/s per core\n", c.records.size() / cpu,
             bytes / cpu / 1e6);
  // The same on the clean text rasd keeps (what rasd dedupes), reconciled
  // with the raw count record by record (main documents only).
  std::vector<std::optional<uint64_t>> clean_key(c.records.size());
  std::unordered_set<uint64_t> seen;
  size_t n_clean = 0;
  for (const Doc& d : c.clean) {
    uint64_t k = dedupe::ExactKey(d.text);
    n_clean += !seen.insert(k).second;
    if (d.part == 0) clean_key[d.record] = k;
  }
  size_t dup_no_doc = 0, dup_cleaned_apart = 0, clean_only = 0, emptied = 0;
  std::vector<size_t> apart_examples;
  std::unordered_map<uint64_t, size_t> first_clean;
  for (size_t i = 0; i < c.records.size(); ++i) {
    bool clean_dup = clean_key[i] && !first_clean.emplace(*clean_key[i], i).second;
    if (dup_key[i] && !blank[i] && !clean_dup) {
      if (!clean_key[i]) {
        ++dup_no_doc;
      } else {
        ++dup_cleaned_apart;
        if (apart_examples.size() < 3) apart_examples.push_back(i);
      }
    }
    if (clean_dup && !dup_key[i]) ++clean_only;
    if (!clean_key[i] && !blank[i]) ++emptied;
  }
  out << Fmt(
      "Analyzer (entities off): %zu documents from %zu records (%zu records left none: the blank "
      "ones and %zu that cleaning emptied), %.1f s on %u threads\n",
      c.clean.size(), c.records.size(), c.analyze_failures, emptied, c.analyze_seconds,
      std::max(1u, std::thread::hardware_concurrency()));
  out << Fmt("ExactKey on the clean text: %zu duplicate documents (%zu distinct)\n", n_clean,
             seen.size());
  out << Fmt(
      "  non-blank raw duplicates whose record left no document: %zu; whose clean text differs "
      "from "
      "the earlier copy's: %zu; clean duplicates whose raw text differs: %zu\n",
      dup_no_doc, dup_cleaned_apart, clean_only);
  for (size_t i : apart_examples) {
    out << "  e.g. " << c.records[first_key[keys[i]]].name << " / " << c.records[i].name << "\n";
  }
  return out.str();
}

std::string Excerpt(std::string_view text, size_t chars) {
  std::string out;
  size_t n = 0;
  for (size_t i = 0; i < text.size() && n < chars;) {
    unsigned char c = text[i];
    size_t len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : 4;
    if (text[i] == '\n' || text[i] == '|') {
      out += ' ';
    } else {
      out.append(text.substr(i, len));
    }
    i += len;
    ++n;
  }
  return out;
}

// ---- near duplicates ----

struct Pair {
  uint32_t a, b;  // document indexes, a < b
  float jaccard;
};

// Shingle sets as ids ordered rarest first (ties by hash), each sorted.
std::vector<std::vector<uint32_t>> RankedSets(const std::vector<std::vector<uint64_t>>& sets) {
  std::vector<uint64_t> all;
  for (const auto& s : sets) all.insert(all.end(), s.begin(), s.end());
  std::sort(all.begin(), all.end());
  std::vector<uint64_t> uniq;
  std::vector<uint32_t> df;
  for (size_t i = 0; i < all.size();) {
    size_t j = i;
    while (j < all.size() && all[j] == all[i]) ++j;
    uniq.push_back(all[i]);
    df.push_back(static_cast<uint32_t>(j - i));
    i = j;
  }
  std::vector<uint32_t> order(uniq.size());
  for (uint32_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(),
            [&](uint32_t x, uint32_t y) { return df[x] != df[y] ? df[x] < df[y] : x < y; });
  std::vector<uint32_t> rank(uniq.size());
  for (uint32_t r = 0; r < order.size(); ++r) rank[order[r]] = r;
  std::vector<std::vector<uint32_t>> out(sets.size());
  for (size_t d = 0; d < sets.size(); ++d) {
    for (uint64_t h : sets[d]) {
      out[d].push_back(rank[std::lower_bound(uniq.begin(), uniq.end(), h) - uniq.begin()]);
    }
    std::sort(out[d].begin(), out[d].end());
  }
  return out;
}

// Every pair with exact Jaccard >= t (prefix filtering: two sets with
// Jaccard >= t share an element among the first |s| - ceil(t|s|) + 1 of
// each in the rarest-first order, and their sizes are within a factor t).
std::vector<Pair> AllPairs(const std::vector<std::vector<uint32_t>>& sets, double t) {
  std::vector<uint32_t> by_size(sets.size());
  for (uint32_t i = 0; i < by_size.size(); ++i) by_size[i] = i;
  std::stable_sort(by_size.begin(), by_size.end(),
                   [&](uint32_t x, uint32_t y) { return sets[x].size() < sets[y].size(); });
  auto prefix = [&](size_t n) { return n - static_cast<size_t>(std::ceil(t * n - 1e-9)) + 1; };
  std::unordered_map<uint32_t, std::vector<uint32_t>> index;
  std::vector<uint32_t> seen(sets.size(), UINT32_MAX);
  std::vector<Pair> pairs;
  for (uint32_t x : by_size) {
    const auto& s = sets[x];
    if (s.empty()) continue;
    size_t p = std::min(prefix(s.size()), s.size());
    for (size_t k = 0; k < p; ++k) {
      auto it = index.find(s[k]);
      if (it == index.end()) continue;
      for (uint32_t y : it->second) {
        if (seen[y] == x) continue;
        seen[y] = x;
        if (sets[y].size() < t * s.size() - 1e-9) continue;
        double j = dedupe::internal::Jaccard(s, sets[y]);
        if (j >= t - 1e-9) pairs.push_back({std::min(x, y), std::max(x, y), static_cast<float>(j)});
      }
    }
    for (size_t k = 0; k < p; ++k) index[s[k]].push_back(x);
  }
  return pairs;
}

uint64_t PairKey(uint32_t a, uint32_t b) {
  return static_cast<uint64_t>(std::min(a, b)) << 32 | std::max(a, b);
}

// Pairs sharing at least one band key.
std::vector<uint64_t> LshPairs(const std::vector<Signature>& sigs, const Options& o) {
  std::unordered_map<uint64_t, std::vector<uint32_t>> buckets;
  for (uint32_t i = 0; i < sigs.size(); ++i) {
    for (uint64_t k : dedupe::BandKeys(sigs[i], o)) buckets[k].push_back(i);
  }
  std::vector<uint64_t> pairs;
  for (const auto& [k, docs] : buckets) {
    for (size_t i = 0; i < docs.size(); ++i) {
      for (size_t j = i + 1; j < docs.size(); ++j) pairs.push_back(PairKey(docs[i], docs[j]));
    }
  }
  std::sort(pairs.begin(), pairs.end());
  pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
  return pairs;
}

struct ShingleData {
  int shingle;
  std::vector<std::vector<uint32_t>> sets;
  std::vector<Signature> sigs;   // 128 values: every banding below uses a prefix
  std::vector<Pair> true_pairs;  // exact Jaccard >= the lowest threshold
  double minhash_cpu = 0;
};

constexpr double kThresholds[] = {0.5, 0.6, 0.7, 0.8, 0.9};
struct Banding {
  int bands, rows;
};
constexpr Banding kBandings[] = {{8, 16}, {16, 8}, {32, 4}};

// Documents (by index) that have a partner earlier in corpus order among `pairs`.
size_t DocsWithEarlierPartner(const std::vector<std::pair<uint32_t, uint32_t>>& pairs) {
  std::unordered_set<uint32_t> later;
  for (auto [a, b] : pairs) later.insert(std::max(a, b));
  return later.size();
}

std::string NearSection(const std::vector<const Doc*>& docs, std::vector<ShingleData>* out_data) {
  std::ostringstream out;
  out << "## Near duplicates (documents left after exact dedupe: " << docs.size() << ")\n";
  out << "true pairs: exact Jaccard of shingle sets >= t, found exhaustively (prefix filtering);\n"
         "docs: documents with such a partner earlier in the corpus (near-duplicates beyond exact "
         "ones);\n"
         "LSH: pairs sharing a band key; recall = true pairs among them / true pairs; cand P = "
         "share of "
         "candidates that are true pairs;\nMinHash >= t: candidates whose signature similarity >= "
         "t, "
         "scored against the exact pairs.\n";
  for (int k : {3, 4, 5, 7}) {
    ShingleData d;
    d.shingle = k;
    Options o{.shingle = k, .bands = 16, .rows = 8};
    std::vector<std::vector<uint64_t>> sets(docs.size());
    for (size_t i = 0; i < docs.size(); ++i)
      sets[i] = dedupe::internal::ShingleSet(docs[i]->text, k);
    d.sets = RankedSets(sets);
    sets.clear();
    double cpu = ThreadCpuSeconds();
    d.sigs.reserve(docs.size());
    for (const Doc* doc : docs) d.sigs.push_back(dedupe::MinHash(doc->text, o));
    d.minhash_cpu = ThreadCpuSeconds() - cpu;
    d.true_pairs = AllPairs(d.sets, kThresholds[0]);
    out << Fmt("\n### shingle %d\n", k);
    out << "| t | true pairs | docs | banding | LSH candidates | cand P | LSH recall | MinHash>=t "
           "P | MinHash>=t R | docs (MinHash) |\n";
    out << "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n";
    std::unordered_map<uint64_t, float> truth;
    for (const Pair& p : d.true_pairs) truth[PairKey(p.a, p.b)] = p.jaccard;
    for (const Banding& bd : kBandings) {
      Options ob{.shingle = k, .bands = bd.bands, .rows = bd.rows};
      std::vector<uint64_t> cand = LshPairs(d.sigs, ob);
      // Exact Jaccard of each candidate (0 when below the lowest threshold).
      std::vector<float> cj(cand.size()), cs(cand.size());
      for (size_t i = 0; i < cand.size(); ++i) {
        uint32_t a = cand[i] >> 32, b = static_cast<uint32_t>(cand[i]);
        auto it = truth.find(cand[i]);
        cj[i] = it == truth.end() ? 0 : it->second;
        cs[i] = static_cast<float>(dedupe::Similarity(d.sigs[a], d.sigs[b]));
      }
      std::unordered_set<uint64_t> cand_set(cand.begin(), cand.end());
      for (double t : kThresholds) {
        size_t n_true = 0, cand_true = 0, dec = 0, dec_true = 0;
        std::vector<std::pair<uint32_t, uint32_t>> tp, dp;
        for (const Pair& p : d.true_pairs) {
          if (p.jaccard < t - 1e-6) continue;
          ++n_true;
          tp.push_back({p.a, p.b});
          cand_true += cand_set.count(PairKey(p.a, p.b));
        }
        for (size_t i = 0; i < cand.size(); ++i) {
          if (cs[i] < t - 1e-6) continue;
          ++dec;
          dec_true += cj[i] >= t - 1e-6;
          dp.push_back({static_cast<uint32_t>(cand[i] >> 32), static_cast<uint32_t>(cand[i])});
        }
        out << Fmt("| %.1f | %zu | %zu | %dx%d | %zu | %.3f | %.3f | %.3f | %.3f | %zu |\n", t,
                   n_true, DocsWithEarlierPartner(tp), bd.bands, bd.rows, cand.size(),
                   cand.empty() ? 0.0 : static_cast<double>(cand_true) / cand.size(),
                   n_true ? static_cast<double>(cand_true) / n_true : 0.0,
                   dec ? static_cast<double>(dec_true) / dec : 0.0,
                   n_true ? static_cast<double>(dec_true) / n_true : 0.0,
                   DocsWithEarlierPartner(dp));
      }
    }
    out_data->push_back(std::move(d));
  }
  return out.str();
}

// Pairs of different stories (judged by reading them) that share a template
// or boilerplate: the highest Jaccard a threshold must stay above.
struct KnownPair {
  const char* a;
  const char* b;
  const char* what;
};
constexpr KnownPair kDifferentStories[] = {
    {"2015-08-04.zip record 632", "2015-08-06.zip record 2521",
     "royal cables: Jamaica / Burkina Faso"},
    {"2015-08-04.zip record 632", "2015-08-06.zip record 1813", "royal cables: Jamaica / Bolivia"},
    {"2015-08-04.zip record 1090", "2015-08-06.zip record 2655",
     "royal cables: Jamaica / Bolivia (other outlet)"},
    {"2015-08-02.zip record 1040", "2015-08-08.zip record 1195", "royal cables: Niger / Singapore"},
    {"2015-08-01.zip record 383", "2015-08-06.zip record 1091", "executions: Thadiq / Jeddah"},
    {"2015-07-31.zip record 688", "2015-08-06.zip record 449", "relief flights: 4th / 5th"},
    {"2015-07-26.zip record 1044", "2015-08-03.zip record 897", "weekly fines: 30 / 23 facilities"},
    {"2015-07-31.zip record 1240", "2015-08-06.zip record 1525",
     "two columns sharing a poll widget's script"},
};

std::string KnownPairsSection(const std::vector<const Doc*>& docs,
                              const std::vector<ShingleData>& data) {
  std::unordered_map<std::string, uint32_t> by_name;
  for (uint32_t i = 0; i < docs.size(); ++i) by_name.emplace(docs[i]->name, i);
  std::ostringstream out;
  out << "\n## Different stories that look alike (exact Jaccard / MinHash, by shingle size)\n";
  out << "| pair | documents |";
  for (const ShingleData& d : data) out << " shingle " << d.shingle << " |";
  out << "\n| --- | --- |";
  for (size_t i = 0; i < data.size(); ++i) out << " --- |";
  out << "\n";
  std::vector<double> worst(data.size(), 0);
  for (const KnownPair& p : kDifferentStories) {
    auto a = by_name.find(p.a), b = by_name.find(p.b);
    if (a == by_name.end() || b == by_name.end()) continue;
    out << "| " << p.what << " | " << p.a << " / " << p.b << " |";
    for (size_t i = 0; i < data.size(); ++i) {
      const ShingleData& d = data[i];
      double j = dedupe::internal::Jaccard(d.sets[a->second], d.sets[b->second]);
      worst[i] = std::max(worst[i], j);
      out << Fmt(" %.3f / %.3f |", j, dedupe::Similarity(d.sigs[a->second], d.sigs[b->second]));
    }
    out << "\n";
  }
  out << "| highest | |";
  for (double w : worst) out << Fmt(" %.3f |", w);
  out << "\n";
  return out.str();
}

// Royal congratulation cables: one template, a different country each. Two
// cables naming disjoint countries are different stories; how many of those
// pairs each setting merges.
std::string CablesSection(const std::vector<const Doc*>& docs,
                          const std::vector<ShingleData>& data) {
  static const std::pair<const char*, int> kCountries[] = {
      {"كولومبي", 1},  {"مصر", 2},      {"السيسي", 2},     {"سلطان عمان", 3}, {"تونس", 4},
      {"التونسي", 4},  {"المالديف", 5}, {"ليبيريا", 6},    {"المغرب", 7},     {"السويسري", 8},
      {"بنين", 9},     {"النيجر", 10},  {"جامايكا", 11},   {"بوليفي", 12},    {"كوت ديفوار", 13},
      {"بوركينا", 14}, {"سنغافور", 15}, {"الاكوادور", 16}, {"تشاد", 17},      {"التشادي", 17}};
  std::vector<std::pair<uint32_t, std::set<int>>> cables;
  for (uint32_t i = 0; i < docs.size(); ++i) {
    std::string norm = text::NormalizeKey(docs[i]->text);
    if (norm.find("برقيه تهنيه") == std::string::npos) continue;
    std::set<int> countries;
    for (auto [needle, id] : kCountries) {
      if (norm.find(needle) != std::string::npos) countries.insert(id);
    }
    if (!countries.empty()) cables.push_back({i, countries});
  }
  std::vector<std::pair<uint32_t, uint32_t>> negatives;
  for (size_t x = 0; x < cables.size(); ++x) {
    for (size_t y = x + 1; y < cables.size(); ++y) {
      const auto& a = cables[x].second;
      const auto& b = cables[y].second;
      if (std::none_of(a.begin(), a.end(), [&](int c) { return b.count(c) > 0; })) {
        negatives.push_back({cables[x].first, cables[y].first});
      }
    }
  }
  std::ostringstream out;
  out << Fmt(
      "\n## Congratulation cables: %zu cables, %zu pairs naming different countries (different "
      "stories); pairs merged\n",
      cables.size(), negatives.size());
  out << "| shingle | t | exact Jaccard >= t | 16x8 + MinHash >= t | 32x4 + MinHash >= t | highest "
         "Jaccard | highest MinHash |\n";
  out << "| --- | --- | --- | --- | --- | --- | --- |\n";
  for (const ShingleData& d : data) {
    std::vector<std::unordered_set<uint64_t>> bands;
    for (Banding bd : {Banding{16, 8}, Banding{32, 4}}) {
      Options o{.shingle = d.shingle, .bands = bd.bands, .rows = bd.rows};
      std::unordered_set<uint64_t> shared;
      for (auto [a, b] : negatives) {
        std::vector<uint64_t> ka = dedupe::BandKeys(d.sigs[a], o),
                              kb = dedupe::BandKeys(d.sigs[b], o);
        std::sort(ka.begin(), ka.end());
        for (uint64_t k : kb) {
          if (std::binary_search(ka.begin(), ka.end(), k)) {
            shared.insert(PairKey(a, b));
            break;
          }
        }
      }
      bands.push_back(std::move(shared));
    }
    double top_j = 0, top_s = 0;
    for (auto [a, b] : negatives) {
      top_j = std::max(top_j, dedupe::internal::Jaccard(d.sets[a], d.sets[b]));
      top_s = std::max(top_s, dedupe::Similarity(d.sigs[a], d.sigs[b]));
    }
    for (double t : kThresholds) {
      size_t exact = 0, m16 = 0, m32 = 0;
      for (auto [a, b] : negatives) {
        exact += dedupe::internal::Jaccard(d.sets[a], d.sets[b]) >= t - 1e-9;
        bool sim = dedupe::Similarity(d.sigs[a], d.sigs[b]) >= t - 1e-9;
        m16 += sim && bands[0].count(PairKey(a, b));
        m32 += sim && bands[1].count(PairKey(a, b));
      }
      out << Fmt("| %d | %.1f | %zu | %zu | %zu | %.3f | %.3f |\n", d.shingle, t, exact, m16, m32,
                 top_j, top_s);
    }
  }
  return out.str();
}

// Syndication edits applied to real articles (3+ paragraphs, 150+ words):
// the exact Jaccard of each copy with its original, by shingle size.
std::string EditsSection(const std::vector<const Doc*>& docs) {
  struct Edit {
    const char* what;
    std::string (*apply)(const std::string&);
  };
  static const Edit kEdits[] = {
      {"outlet line added", [](const std::string& t) { return "الرياض - واس\n" + t; }},
      {"dateline added",
       [](const std::string& t) { return "الرياض 12 أغسطس 2015 (رويترز) - " + t; }},
      {"signature added", [](const std::string& t) { return t + "\n(واس) م ع / ح ب"; }},
      {"last paragraph trimmed", [](const std::string& t) { return t.substr(0, t.rfind('\n')); }},
      {"outlet line + dateline + trimmed",
       [](const std::string& t) {
         return "الرياض - واس\nالرياض 12 أغسطس 2015 (رويترز) - " + t.substr(0, t.rfind('\n'));
       }},
      {"every 30th word replaced",
       [](const std::string& t) {
         std::string out;
         size_t last = 0, words = 0;
         text::ForEachToken(t, [&](const text::Token& tk) {
           if (tk.kind == text::TokenKind::kPunct || ++words % 30 != 15) return;
           out.append(t, last, tk.span.begin - last);
           out += "تلك";
           last = tk.span.end;
         });
         return out + t.substr(last);
       }},
  };
  std::vector<const Doc*> sample;
  for (const Doc* d : docs) {
    if (std::count(d->text.begin(), d->text.end(), '\n') < 2) continue;
    size_t words = 0;
    text::ForEachToken(d->text,
                       [&](const text::Token& tk) { words += tk.kind != text::TokenKind::kPunct; });
    if (words < 150) continue;
    sample.push_back(d);
    if (sample.size() == 2000) break;
  }
  std::ostringstream out;
  out << "\n## Syndication edits on " << sample.size()
      << " articles (3+ paragraphs, 150+ words): exact Jaccard of copy and original\n";
  out << "| edit | shingle | p5 | p10 | median | >= 0.6 | >= 0.7 | >= 0.8 |\n";
  out << "| --- | --- | --- | --- | --- | --- | --- | --- |\n";
  for (const Edit& e : kEdits) {
    for (int k : {3, 4, 5, 7}) {
      std::vector<double> v;
      for (const Doc* d : sample) v.push_back(dedupe::ExactJaccard(d->text, e.apply(d->text), k));
      std::sort(v.begin(), v.end());
      auto q = [&](double f) {
        return v[std::min(v.size() - 1, static_cast<size_t>(f * v.size()))];
      };
      auto share = [&](double t) {
        return 100.0 * (v.end() - std::lower_bound(v.begin(), v.end(), t - 1e-9)) / v.size();
      };
      out << Fmt("| %s | %d | %.3f | %.3f | %.3f | %.1f%% | %.1f%% | %.1f%% |\n", e.what, k,
                 q(0.05), q(0.1), q(0.5), share(0.6), share(0.7), share(0.8));
    }
  }
  return out.str();
}

// Pairs near the chosen threshold, spread evenly over the sorted candidates.
std::string BoundarySection(const std::vector<const Doc*>& docs, const ShingleData& d) {
  std::ostringstream out;
  Options o = kChosen;
  std::vector<uint64_t> cand = LshPairs(d.sigs, o);
  std::vector<std::pair<double, uint64_t>> near;
  for (uint64_t c : cand) {
    double s = dedupe::Similarity(d.sigs[c >> 32], d.sigs[static_cast<uint32_t>(c)]);
    if (std::fabs(s - o.threshold) <= 0.05 + 1e-9) near.push_back({s, c});
  }
  std::sort(near.begin(), near.end());
  out << Fmt(
      "\n## Pairs at the boundary (shingle %d, %dx%d, MinHash within %.2f±0.05: %zu pairs; 20 "
      "spread evenly)\n",
      o.shingle, o.bands, o.rows, o.threshold, near.size());
  out << "| # | MinHash | Jaccard | document A | document B | A starts | B starts |\n";
  out << "| --- | --- | --- | --- | --- | --- | --- |\n";
  size_t n = std::min<size_t>(20, near.size());
  for (size_t i = 0; i < n; ++i) {
    auto [s, c] = near[i * near.size() / n];
    uint32_t a = c >> 32, b = static_cast<uint32_t>(c);
    out << Fmt("| %zu | %.3f | %.3f | ", i + 1, s, dedupe::internal::Jaccard(d.sets[a], d.sets[b]))
        << docs[a]->name << " | " << docs[b]->name << " | " << Excerpt(docs[a]->text, 120) << " | "
        << Excerpt(docs[b]->text, 120) << " |\n";
  }
  return out.str();
}

std::string ThroughputSection(const std::vector<const Doc*>& docs,
                              const std::vector<ShingleData>& data) {
  std::ostringstream out;
  size_t bytes = 0;
  for (const Doc* d : docs) bytes += d->text.size();
  out << "\n## MinHash speed (one thread, CPU time, 128 hashes, tokenization included)\n";
  for (const ShingleData& d : data) {
    out << Fmt("shingle %d: %.0f docs/s, %.1f MB/s per core (%zu docs, %.1f MB)\n", d.shingle,
               docs.size() / d.minhash_cpu, bytes / d.minhash_cpu / 1e6, docs.size(), bytes / 1e6);
  }
  return out.str();
}

// ---- conflicting edits: near-copies that change a claim ----

struct Word {
  uint64_t hash;  // of the light stem (numbers without grouping commas)
  Span span;
  bool number = false;
  bool negation = false;
};

std::vector<Word> Words(std::string_view text) {
  static const std::set<std::string> kNegation = {"لا",  "لم",  "لن",  "ليس", "ليست", "ليسوا",
                                                  "لست", "غير", "عدم", "دون", "بدون", "بلا"};
  std::vector<Word> out;
  std::hash<std::string> hash;
  text::ForEachToken(text, [&](const text::Token& t) {
    if (t.kind == text::TokenKind::kPunct) return;
    Word w;
    w.span = t.span;
    if (t.kind == text::TokenKind::kNumber) {
      std::string n;
      for (char c : t.norm) {
        if (c != ',') n.push_back(c);
      }
      w.hash = hash(n);
      w.number = true;
    } else {
      w.hash = hash(t.stem.empty() ? t.norm : t.stem);
      std::string bare = t.norm;
      // The conjunction و/ف before a particle: "ولم", "فلا".
      if (bare.size() > 4 && (bare.rfind("و", 0) == 0 || bare.rfind("ف", 0) == 0))
        bare = bare.substr(2);
      w.negation = t.kind == text::TokenKind::kWord && kNegation.count(bare) > 0;
    }
    out.push_back(w);
  });
  return out;
}

// A place where two near-identical word sequences differ by a few words (a
// substitution, or an insertion inside the text) and a number or negation
// word is among them: the copy changes a claim. Returns the words of A and B
// at the first such place, or nothing. Additions or removals at either end
// (outlet lines, trimmed paragraphs) are not claim changes.
struct Conflict {
  bool found = false;
  Span a, b;  // the differing words (empty span for an insertion)
};

Conflict FindConflict(const std::vector<Word>& a, const std::vector<Word>& b) {
  constexpr size_t kMaxWords = 3000, kMaxHunk = 5;
  Conflict c;
  if (a.size() > kMaxWords || b.size() > kMaxWords) return c;
  // Longest common subsequence, then the unmatched runs between matches.
  size_t n = a.size(), m = b.size();
  std::vector<uint16_t> dp((n + 1) * (m + 1), 0);
  auto at = [&](size_t i, size_t j) -> uint16_t& { return dp[i * (m + 1) + j]; };
  for (size_t i = n; i-- > 0;) {
    for (size_t j = m; j-- > 0;) {
      at(i, j) =
          a[i].hash == b[j].hash ? at(i + 1, j + 1) + 1 : std::max(at(i + 1, j), at(i, j + 1));
    }
  }
  size_t i = 0, j = 0;
  bool started = false;
  while (i < n || j < m) {
    size_t i0 = i, j0 = j;
    while (i < n && j < m && a[i].hash != b[j].hash) {
      if (at(i + 1, j) >= at(i, j + 1)) {
        ++i;
      } else {
        ++j;
      }
    }
    if (i == n || j == m) {  // the tail after the last match
      i = n, j = m;
    }
    bool interior = started && i < n && j < m;
    bool replacement = i > i0 && j > j0;
    if ((i > i0 || j > j0) && (interior || replacement) && i - i0 <= kMaxHunk &&
        j - j0 <= kMaxHunk) {
      bool marked = false;
      for (size_t k = i0; k < i; ++k) marked |= a[k].number || a[k].negation;
      for (size_t k = j0; k < j; ++k) marked |= b[k].number || b[k].negation;
      if (marked) {
        c.found = true;
        c.a = i > i0 ? Span{a[i0].span.begin, a[i - 1].span.end}
                     : Span{a[i0].span.begin, a[i0].span.begin};
        c.b = j > j0 ? Span{b[j0].span.begin, b[j - 1].span.end}
                     : Span{b[j0].span.begin, b[j0].span.begin};
        return c;
      }
    }
    if (i < n && j < m) {
      started = true;
      ++i, ++j;
    }
  }
  return c;
}

// ---- ANS stance pairs ----

// Word-level edit distance (headlines are short).
size_t EditDistance(const std::vector<uint64_t>& a, const std::vector<uint64_t>& b) {
  std::vector<size_t> prev(b.size() + 1), cur(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] != b[j - 1])});
    }
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

struct StancePair {
  std::string s1, s2, stance;
};

std::string DistributionRow(const std::string& label, std::vector<double> v, double t) {
  if (v.empty()) return "| " + label + " | 0 | | | | | | |\n";
  std::sort(v.begin(), v.end());
  auto q = [&](double f) { return v[std::min(v.size() - 1, static_cast<size_t>(f * v.size()))]; };
  double mean = 0;
  size_t above = 0;
  for (double x : v) {
    mean += x;
    above += x >= t - 1e-9;
  }
  mean /= v.size();
  return Fmt("| %s | %zu | %.2f | %.2f | %.2f | %.2f | %.2f | %.1f%% |\n", label.c_str(), v.size(),
             mean, q(0.1), q(0.5), q(0.9), v.back(), 100.0 * above / v.size());
}

StatusOr<std::string> AnsSection(const std::string& dir) {
  std::vector<StancePair> pairs;
  for (const char* split : {"train", "dev", "test"}) {
    auto csv = ReadCsv(dir + "/stance/" + split + ".csv");
    if (!csv.ok()) return csv.status();
    for (size_t r = 1; r < csv->size(); ++r) {
      const auto& f = (*csv)[r];
      if (f.size() >= 3) pairs.push_back({f[0], f[1], f[2]});
    }
  }
  std::ostringstream out;
  out << "\n## ANS stance pairs (train+dev+test: " << pairs.size()
      << " headline pairs; nothing is trained on them)\n";
  const double t = kChosen.threshold;
  std::vector<bool> one_word(pairs.size());
  for (size_t i = 0; i < pairs.size(); ++i) {
    std::vector<uint64_t> w1, w2;
    dedupe::internal::WordHashes(pairs[i].s1, &w1);
    dedupe::internal::WordHashes(pairs[i].s2, &w2);
    one_word[i] = EditDistance(w1, w2) == 1;
  }
  out << Fmt(
      "MinHash similarity (128 hashes) of s1 and s2; last column: share >= %.2f; \"one word "
      "apart\": "
      "word sequences (light stems) at edit distance 1\n",
      t);
  for (int k : {1, 2, kChosen.shingle}) {
    Options o = kChosen;
    o.shingle = k;
    out << Fmt("\n### shingle %d%s\n", k, k == kChosen.shingle ? " (the article setting)" : "");
    out << "| pairs | n | mean | p10 | median | p90 | max | >= t |\n| --- | --- | --- | --- | --- "
           "| --- | --- | --- |\n";
    std::map<std::string, std::vector<double>> by;
    std::vector<double> one;
    for (size_t i = 0; i < pairs.size(); ++i) {
      double sim =
          dedupe::Similarity(dedupe::MinHash(pairs[i].s1, o), dedupe::MinHash(pairs[i].s2, o));
      by[pairs[i].stance].push_back(sim);
      if (pairs[i].stance == "disagree" && one_word[i]) one.push_back(sim);
    }
    for (auto& [label, v] : by) out << DistributionRow(label, v, t);
    out << DistributionRow("disagree, one word apart", one, t);
  }
  size_t n_one = 0, n_one_conflict = 0, n_agree = 0, n_agree_conflict = 0;
  std::vector<size_t> examples;
  for (size_t i = 0; i < pairs.size(); ++i) {
    if (pairs[i].stance != "agree" && !(pairs[i].stance == "disagree" && one_word[i])) continue;
    bool conflict = FindConflict(Words(pairs[i].s1), Words(pairs[i].s2)).found;
    if (pairs[i].stance == "agree") {
      ++n_agree;
      n_agree_conflict += conflict;
    } else {
      ++n_one;
      n_one_conflict += conflict;
      if (examples.size() < 8 && (examples.size() < 4 || conflict)) examples.push_back(i);
    }
  }
  out << Fmt(
      "\none-word contradictions: %zu; changing a number or a negation word: %zu; agree pairs "
      "(paraphrases) with such a change: %zu of %zu\n",
      n_one, n_one_conflict, n_agree_conflict, n_agree);
  for (size_t i : examples) out << "  e.g. " << pairs[i].s1 << " | " << pairs[i].s2 << "\n";
  return out.str();
}

// The same one-word change inside whole articles, and the conflicting-edit
// check on the corpus's near-duplicate pairs.
std::string ConflictSection(const std::vector<const Doc*>& docs, const ShingleData& d) {
  std::ostringstream out;
  std::vector<double> neg, num;
  size_t neg_found = 0, num_found = 0;
  for (const Doc* doc : docs) {
    std::vector<Word> w = Words(doc->text);
    if (w.size() < 150) continue;
    const Word* number = nullptr;
    for (size_t k = 10; k < w.size() && !number; ++k) {
      if (w[k].number) number = &w[k];
    }
    Signature s = dedupe::MinHash(doc->text, kChosen);
    if (neg.size() < 2000) {
      std::string v =
          doc->text.substr(0, w[39].span.begin) + "لم " + doc->text.substr(w[39].span.begin);
      neg.push_back(dedupe::Similarity(s, dedupe::MinHash(v, kChosen)));
      neg_found += FindConflict(w, Words(v)).found;
    }
    if (number && num.size() < 2000) {
      std::string v =
          doc->text.substr(0, number->span.begin) + "9" + doc->text.substr(number->span.begin);
      num.push_back(dedupe::Similarity(s, dedupe::MinHash(v, kChosen)));
      num_found += FindConflict(w, Words(v)).found;
    }
    if (neg.size() >= 2000 && num.size() >= 2000) break;
  }
  out << Fmt(
      "\n## One word changed inside an article (shingle %d, %dx%d, threshold %.2f; articles of "
      "150+ "
      "words)\n",
      kChosen.shingle, kChosen.bands, kChosen.rows, kChosen.threshold);
  out << "| change | n | mean | p10 | median | p90 | max | >= t |\n| --- | --- | --- | --- | --- | "
         "--- | --- | --- |\n";
  out << DistributionRow("\"لم\" inserted before word 40", neg, kChosen.threshold);
  out << DistributionRow("a digit put before the first number after word 10", num,
                         kChosen.threshold);
  out << Fmt("found by the conflicting-edit check: negation %zu/%zu, number %zu/%zu\n", neg_found,
             neg.size(), num_found, num.size());
  // The corpus's own near-duplicate pairs at the chosen setting.
  std::vector<uint64_t> cand = LshPairs(d.sigs, kChosen);
  size_t near = 0, flagged = 0;
  std::vector<std::tuple<uint32_t, uint32_t, Conflict>> shown;
  for (uint64_t c : cand) {
    uint32_t a = c >> 32, b = static_cast<uint32_t>(c);
    if (dedupe::Similarity(d.sigs[a], d.sigs[b]) < kChosen.threshold) continue;
    ++near;
    Conflict f = FindConflict(Words(docs[a]->text), Words(docs[b]->text));
    if (!f.found) continue;
    ++flagged;
    if (flagged % 25 == 1 && shown.size() < 12) shown.push_back({a, b, f});
  }
  out << Fmt(
      "near-duplicate pairs in SaudiNewsNet at this setting: %zu; with a conflicting edit: %zu\n",
      near, flagged);
  out << "| document A | document B | A says | B says |\n| --- | --- | --- | --- |\n";
  for (const auto& [a, b, f] : shown) {
    auto around = [](std::string_view text, Span s) {
      uint32_t from = s.begin > 40 ? s.begin - 40 : 0;
      while (from > 0 && (static_cast<unsigned char>(text[from]) & 0xC0) == 0x80) --from;
      uint32_t to = std::min<uint32_t>(text.size(), s.end + 40);
      while (to < text.size() && (static_cast<unsigned char>(text[to]) & 0xC0) == 0x80) ++to;
      return Excerpt(text.substr(from, s.begin - from), 60) + "[" + Excerpt(s.Of(text), 60) + "]" +
             Excerpt(text.substr(s.end, to - s.end), 60);
    };
    out << "| " << docs[a]->name << " | " << docs[b]->name << " | " << around(docs[a]->text, f.a)
        << " | " << around(docs[b]->text, f.b) << " |\n";
  }
  return out.str();
}

}  // namespace

StatusOr<std::string> Dedupe(const EvalOptions& options) {
  auto corpus = LoadSaudiNewsNet(options.data_dir + "/saudinewsnet");
  if (!corpus.ok()) return corpus.status();
  std::string report = "# rasd eval dedupe\n";
  report += Fmt("chosen: shingle %d, %d bands x %d rows, threshold %.2f\n\n", kChosen.shingle,
                kChosen.bands, kChosen.rows, kChosen.threshold);
  report += ExactSection(*corpus);
  // Near duplicates among the documents left after exact dedupe, in corpus order.
  std::vector<const Doc*> docs;
  std::unordered_set<uint64_t> seen;
  for (const Doc& d : corpus->clean) {
    if (seen.insert(dedupe::ExactKey(d.text)).second) docs.push_back(&d);
  }
  std::vector<ShingleData> data;
  report += NearSection(docs, &data);
  report += KnownPairsSection(docs, data);
  report += CablesSection(docs, data);
  report += EditsSection(docs);
  for (const ShingleData& d : data) {
    if (d.shingle == kChosen.shingle) {
      report += BoundarySection(docs, d);
      report += ConflictSection(docs, d);
    }
  }
  report += ThroughputSection(docs, data);
  auto ans = AnsSection(options.data_dir + "/ans-arabic-news-stance");
  if (!ans.ok()) return ans.status();
  report += *ans;
  return report;
}

}  // namespace rasd::eval
