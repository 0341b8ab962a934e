// Small encodings the corpus stores (internal): zstd blobs, hashes, lists.
#ifndef RASD_CORPUS_CODEC_H_
#define RASD_CORPUS_CODEC_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "rasd/document.h"
#include "rasd/status.h"

namespace rasd::corpus {

std::string Compress(std::string_view bytes, int level = 3);
StatusOr<std::string> Decompress(std::string_view blob);

// 16 lowercase hex digits of xxh3-64.
std::string HashHex(std::string_view bytes);
std::string Hex64(uint64_t v);

// Lists stored in one column, joined by U+001F (never part of clean text).
std::string JoinList(const std::vector<std::string>& items);
std::vector<std::string> SplitList(std::string_view joined);

// A publication date as stored (Published::Iso() at its precision) read back.
Published ParsePublished(std::string_view iso, std::string_view from);

// "YYYY-MM-DD" shifted by `days` (proleptic Gregorian); "" for a bad date.
std::string AddDays(std::string_view iso_day, int days);
// Whole days from a to b (b - a); both "YYYY-MM-DD".
int DaysBetween(std::string_view a, std::string_view b);

}  // namespace rasd::corpus

#endif  // RASD_CORPUS_CODEC_H_
