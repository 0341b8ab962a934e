// Placeholder: being written.
#include "rasd/numbers.h"
namespace rasd::numbers {
std::vector<Number> ExtractNumbers(std::string_view, const Options&) { return {}; }
std::vector<Count> ExtractCounts(std::string_view, const Options&) { return {}; }
}  // namespace rasd::numbers
