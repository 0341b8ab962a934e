// Placeholder: being written.
#include "rasd/dates.h"
namespace rasd::dates {
const char* GranularityName(Granularity) { return "day"; }
const char* ResolutionName(Resolution) { return "unresolved"; }
std::vector<DateExpr> Extract(std::string_view, const Context&) { return {}; }
}  // namespace rasd::dates
