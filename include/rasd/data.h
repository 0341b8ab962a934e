// Linguistic data (lexicons, gazetteers, the NER model) compiled into the
// binary from the project's data/ folder, so rasd runs without installation.
// Setting RASD_DATA_DIR to a folder of the same layout overrides any file,
// which lets a user try an edited lexicon without rebuilding.
#ifndef RASD_DATA_H_
#define RASD_DATA_H_

#include <optional>
#include <string_view>
#include <vector>

namespace rasd::data {

// The bytes of data/<name> ("clean/boilerplate.tsv"), or nullopt if rasd ships no such file.
// The view stays valid for the life of the process.
std::optional<std::string_view> Find(std::string_view name);

// Like Find, for files rasd cannot work without: aborts with a message when missing.
std::string_view Get(std::string_view name);

// Names of every shipped data file, sorted.
std::vector<std::string_view> List();

// Splits a data file into its non-empty lines that do not start with '#',
// with trailing '\r' removed.
std::vector<std::string_view> Lines(std::string_view file);

// Splits a line on '\t'.
std::vector<std::string_view> Fields(std::string_view line);

}  // namespace rasd::data

#endif  // RASD_DATA_H_
