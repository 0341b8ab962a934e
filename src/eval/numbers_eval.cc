// Placeholder: being written.
#include "rasd/eval.h"
namespace rasd::eval {
StatusOr<std::string> Numbers(const EvalOptions&) { return Status::Unsupported("not built yet"); }
}  // namespace rasd::eval
