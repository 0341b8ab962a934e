// Near-duplicate detection over the prepared corpus, single-threaded.
//
//   --mode full   rasd's MinHash + LSH over every article: per article
//                 dedupe::MinHash, dedupe::BandKeys, the earlier articles
//                 sharing a band key as candidates, dedupe::Similarity >=
//                 the threshold for a near-duplicate pair, then the article
//                 joins the band buckets. docs/s per core and peak RSS.
//   --mode slice  the first --slice articles two ways, side by side: the
//                 same MinHash + LSH, and the naive alternative, exact
//                 Jaccard of every pair's shingle sets (rasd's own word
//                 shingles, each article's set built once; the pairs compared
//                 by a merge of sorted hashes). Also how many pairs each
//                 finds at the threshold and how many of the exact pairs
//                 LSH found (its recall on this slice), and the highest
//                 exact Jaccard of a pair LSH missed.
// Options are rasd's defaults (dedupe::Options: 5-word shingles, 32 bands x
// 4 rows, threshold 0.7).
#include <algorithm>
#include <cstdint>
#include <iostream>
#include <set>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "bench_util.h"
#include "dedupe/shingles.h"
#include "rasd/dedupe.h"

namespace rasd::bench {
namespace {

using Pair = std::pair<uint32_t, uint32_t>;

// MinHash + LSH over docs; returns the pairs (earlier, later) it calls near-duplicates.
std::vector<Pair> Lsh(const std::vector<std::string_view>& docs, const dedupe::Options& o) {
  std::vector<dedupe::Signature> sigs(docs.size());
  std::unordered_map<uint64_t, std::vector<uint32_t>> buckets;
  std::vector<uint32_t> seen(docs.size(), UINT32_MAX);
  std::vector<Pair> pairs;
  for (uint32_t i = 0; i < docs.size(); ++i) {
    sigs[i] = dedupe::MinHash(docs[i], o);
    const std::vector<uint64_t> keys = dedupe::BandKeys(sigs[i], o);
    for (uint64_t key : keys) {
      auto it = buckets.find(key);
      if (it == buckets.end()) continue;
      for (uint32_t j : it->second) {
        if (seen[j] == i) continue;
        seen[j] = i;
        if (dedupe::Similarity(sigs[i], sigs[j]) >= o.threshold) pairs.emplace_back(j, i);
      }
    }
    for (uint64_t key : keys) buckets[key].push_back(i);
  }
  return pairs;
}

// Exact Jaccard of every pair of shingle sets.
std::vector<Pair> AllPairs(const std::vector<std::string_view>& docs, const dedupe::Options& o) {
  std::vector<std::vector<uint64_t>> sets;
  sets.reserve(docs.size());
  for (std::string_view d : docs) sets.push_back(dedupe::internal::ShingleSet(d, o.shingle));
  std::vector<Pair> pairs;
  for (uint32_t i = 0; i < sets.size(); ++i) {
    for (uint32_t j = 0; j < i; ++j) {
      if (dedupe::internal::Jaccard(sets[j], sets[i]) >= o.threshold) pairs.emplace_back(j, i);
    }
  }
  return pairs;
}

int Main(int argc, char** argv) {
  const std::string corpus_path = Flag(argc, argv, "--corpus", "");
  const std::string mode = Flag(argc, argv, "--mode", "full");
  const int reps = std::stoi(Flag(argc, argv, "--reps", "5"));
  const size_t slice = std::stoul(Flag(argc, argv, "--slice", "2000"));
  if (corpus_path.empty() || (mode != "full" && mode != "slice")) {
    std::cerr
        << "usage: dedupe_bench --corpus corpus.bin --mode full|slice [--slice N] [--reps N]\n";
    return 1;
  }
  Corpus corpus = LoadCorpus(corpus_path);
  const dedupe::Options o;
  const std::string banding = std::to_string(o.bands) + "x" + std::to_string(o.rows);

  if (mode == "full") {
    const std::string row =
        "rasd MinHash + LSH (" + banding + "), " + std::to_string(corpus.docs.size()) + " articles";
    size_t pairs = 0;
    for (int r = 0; r < reps; ++r) {
      const double t0 = ProcessCpuSeconds();
      pairs = Lsh(corpus.docs, o).size();
      const double seconds = ProcessCpuSeconds() - t0;
      EmitValue("dedupe", row, "docs/s per core",
                static_cast<double>(corpus.docs.size()) / seconds);
      EmitValue("dedupe", row, "MB/s per core",
                static_cast<double>(corpus.text_bytes) / seconds / 1e6);
      std::cerr << "dedupe full: " << corpus.docs.size() << " articles in " << seconds
                << " s CPU\n";
    }
    EmitValue("dedupe", row, "near-duplicate pairs found", static_cast<double>(pairs));
    EmitValue("dedupe", row, "peak RSS MB", PeakRssMb());
    EmitValue("dedupe", row, "corpus in memory MB",
              static_cast<double>(corpus.bytes.size()) / 1048576.0);
    return 0;
  }

  std::vector<std::string_view> docs(corpus.docs.begin(),
                                     corpus.docs.begin() + std::min(slice, corpus.docs.size()));
  const std::string n = std::to_string(docs.size());
  const std::string lsh_row = "rasd MinHash + LSH (" + banding + ")";
  const std::string exact_row = "exact Jaccard, all pairs";
  std::vector<Pair> lsh, exact;
  for (int r = 0; r < reps; ++r) {
    double t0 = ProcessCpuSeconds();
    lsh = Lsh(docs, o);
    double seconds = ProcessCpuSeconds() - t0;
    EmitValue("dedupe_slice", lsh_row, "docs/s per core",
              static_cast<double>(docs.size()) / seconds);
    t0 = ProcessCpuSeconds();
    exact = AllPairs(docs, o);
    const double exact_seconds = ProcessCpuSeconds() - t0;
    EmitValue("dedupe_slice", exact_row, "docs/s per core",
              static_cast<double>(docs.size()) / exact_seconds);
    std::cerr << "dedupe slice of " << n << ": LSH " << seconds << " s, all pairs " << exact_seconds
              << " s CPU\n";
  }
  std::sort(lsh.begin(), lsh.end());
  std::sort(exact.begin(), exact.end());
  std::vector<Pair> both;
  std::set_intersection(lsh.begin(), lsh.end(), exact.begin(), exact.end(),
                        std::back_inserter(both));
  for (const std::string& row : {lsh_row, exact_row}) {
    EmitValue("dedupe_slice", row, "articles", static_cast<double>(docs.size()));
  }
  EmitValue("dedupe_slice", lsh_row, "pairs found", static_cast<double>(lsh.size()));
  EmitValue("dedupe_slice", exact_row, "pairs found", static_cast<double>(exact.size()));
  EmitValue("dedupe_slice", lsh_row, "exact pairs found", static_cast<double>(both.size()));
  EmitValue("dedupe_slice", exact_row, "exact pairs found", static_cast<double>(exact.size()));
  // Where LSH's misses lie: a miss far above the threshold would be a bug,
  // one just above it the estimate's noise.
  std::vector<Pair> missed;
  std::set_difference(exact.begin(), exact.end(), lsh.begin(), lsh.end(),
                      std::back_inserter(missed));
  double highest = 0;
  for (const auto& [a, b] : missed) {
    highest = std::max(highest,
                       dedupe::internal::Jaccard(dedupe::internal::ShingleSet(docs[a], o.shingle),
                                                 dedupe::internal::ShingleSet(docs[b], o.shingle)));
  }
  if (!missed.empty()) {
    EmitValue("dedupe_slice", lsh_row, "highest Jaccard of a missed pair", highest);
  }
  return 0;
}

}  // namespace
}  // namespace rasd::bench

int main(int argc, char** argv) { return rasd::bench::Main(argc, argv); }
