// A synthetic news corpus for tests and benchmarks (internal): reports of
// strikes, arrests and protests written from templates, with exact and near
// copies, deterministic for a seed. The text is rasd's own.
#ifndef RASD_CORPUS_SYNTHETIC_H_
#define RASD_CORPUS_SYNTHETIC_H_

#include <cstdint>
#include <string>

namespace rasd::corpus {

// `n` JSON lines ({"url", "title", "date", "source", "content"}).
std::string SyntheticJsonl(size_t n, uint64_t seed = 1);

}  // namespace rasd::corpus

#endif  // RASD_CORPUS_SYNTHETIC_H_
