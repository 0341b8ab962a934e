// Prepares the benchmark inputs from ../shared/data with rasd's own Reader:
//   corpus.bin  article texts of whole saudinewsnet zips (sorted by name),
//               taken until at least --mb MB, NUL-separated
//   zips.txt    the zip files those articles came from (one path a line)
//   vocab.txt   the distinct Arabic words of the seeds plus the first
//               --vocab-mb MB of the corpus, one a line, sorted
// and prints I records describing them.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <set>
#include <string>
#include <vector>

#include "bench_util.h"
#include "rasd/ingest.h"
#include "rasd/utf8.h"

namespace fs = std::filesystem;

namespace rasd::bench {
namespace {

bool IsArabicLetter(char32_t c) {
  return (c >= 0x0620 && c <= 0x063F) || (c >= 0x0641 && c <= 0x064A) ||
         (c >= 0x066E && c <= 0x066F) || (c >= 0x0671 && c <= 0x06D3) || c == 0x06D5;
}

// Diacritics and tatweel stay inside a word: the analyzers fold them differently.
bool IsArabicMark(char32_t c) { return c == 0x0640 || (c >= 0x064B && c <= 0x065F) || c == 0x0670; }

// Adds every maximal run of Arabic letters and marks that holds a letter.
void AddWords(std::string_view text, std::set<std::string>* vocab) {
  size_t pos = 0, begin = 0;
  bool in_word = false, has_letter = false;
  while (pos <= text.size()) {
    size_t here = pos;
    char32_t c = pos < text.size() ? utf8::Next(text, &pos) : 0;
    bool letter = IsArabicLetter(c);
    if (letter || IsArabicMark(c)) {
      if (!in_word) begin = here;
      in_word = true;
      has_letter |= letter;
    } else {
      if (in_word && has_letter) vocab->emplace(text.substr(begin, here - begin));
      in_word = has_letter = false;
    }
    if (here == text.size()) break;
  }
}

std::vector<std::string> SortedFiles(const std::string& dir, const std::string& ext) {
  std::vector<std::string> out;
  for (const auto& e : fs::directory_iterator(dir)) {
    if (e.is_regular_file() && e.path().extension() == ext) out.push_back(e.path().string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

int Main(int argc, char** argv) {
  const std::string zips_dir = Flag(argc, argv, "--zips", "");
  const std::string seeds_dir = Flag(argc, argv, "--seeds", "");
  const std::string out_dir = Flag(argc, argv, "--out", "");
  const double target_mb = std::stod(Flag(argc, argv, "--mb", "20"));
  const double vocab_mb = std::stod(Flag(argc, argv, "--vocab-mb", "5"));
  if (zips_dir.empty() || seeds_dir.empty() || out_dir.empty()) {
    std::cerr << "usage: rasd_bench_prep --zips DIR --seeds DIR --out DIR [--mb 20] "
                 "[--vocab-mb 5]\n";
    return 1;
  }
  fs::create_directories(out_dir);

  ingest::Reader reader;
  std::string corpus;
  size_t articles = 0, text_bytes = 0, skipped = 0, read_errors = 0;
  std::vector<std::string> used;
  for (const std::string& zip : SortedFiles(zips_dir, ".zip")) {
    if (text_bytes >= target_mb * 1e6) break;
    used.push_back(zip);
    reader.ReadOne(
        zip,
        [&](RawDoc&& doc) {
          // An article with a NUL would break the separator; none is expected.
          if (doc.bytes.empty() || doc.bytes.find('\0') != std::string::npos) {
            ++skipped;
            return true;
          }
          corpus += doc.bytes;
          corpus += '\0';
          ++articles;
          text_bytes += doc.bytes.size();
          return true;
        },
        [&](const ingest::ReadError& e) {
          if (read_errors++ == 0) std::cerr << "prep: skipping, e.g. " << e.ToString() << "\n";
        });
  }
  if (articles == 0) {
    std::cerr << "prep: no articles read from " << zips_dir << "\n";
    return 1;
  }
  std::ofstream(out_dir + "/corpus.bin", std::ios::binary) << corpus;
  std::ofstream zips_out(out_dir + "/zips.txt");
  for (const std::string& z : used) zips_out << z << "\n";

  std::set<std::string> vocab;
  size_t seeds = 0;
  for (const std::string& seed : SortedFiles(seeds_dir, ".txt")) {
    AddWords(ReadFileOrDie(seed), &vocab);
    ++seeds;
  }
  size_t sample_bytes = 0, sample_articles = 0;
  for (size_t pos = 0; pos < corpus.size() && sample_bytes < vocab_mb * 1e6;) {
    size_t end = corpus.find('\0', pos);
    AddWords(std::string_view(corpus).substr(pos, end - pos), &vocab);
    sample_bytes += end - pos;
    ++sample_articles;
    pos = end + 1;
  }
  std::ofstream vocab_out(out_dir + "/vocab.txt");
  for (const std::string& w : vocab) vocab_out << w << "\n";

  std::string names;
  for (const std::string& z : used) {
    if (!names.empty()) names += ' ';
    names += fs::path(z).filename().string();
  }
  EmitInfo("corpus_zips", names);
  EmitInfo("corpus_articles", std::to_string(articles));
  EmitInfo("corpus_bytes", std::to_string(text_bytes));
  EmitInfo("corpus_skipped", std::to_string(skipped + read_errors));
  EmitInfo("vocab_seeds", std::to_string(seeds));
  EmitInfo("vocab_sample_articles", std::to_string(sample_articles));
  EmitInfo("vocab_sample_bytes", std::to_string(sample_bytes));
  EmitInfo("vocab_words", std::to_string(vocab.size()));
  return 0;
}

}  // namespace
}  // namespace rasd::bench

int main(int argc, char** argv) { return rasd::bench::Main(argc, argv); }
