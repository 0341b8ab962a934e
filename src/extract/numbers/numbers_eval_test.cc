// `rasd eval numbers` meets its targets on the duckling-ar corpora (skipped
// when ../shared/data is absent): at least 95% of inputs read right.
#include <gtest/gtest.h>

#include <regex>
#include <string>

#include "rasd/eval.h"
#include "tests/testing.h"

namespace rasd::eval {
namespace {

double Figure(const std::string& report, const std::string& corpus) {
  std::smatch m;
  if (!std::regex_search(report, m, std::regex(corpus + ": ([0-9.]+)%"))) return -1;
  return std::stod(m[1]);
}

TEST(NumbersEval, DucklingCorporaMeetTheTargets) {
  RASD_REQUIRE_SHARED(data, "data/duckling-ar");
  EvalOptions o;
  o.data_dir = data + "/..";
  o.max_misses = 0;
  auto r = Numbers(o);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_GE(Figure(*r, "Numeral_AR_Corpus"), 95.0) << *r;
  EXPECT_GE(Figure(*r, "Numeral_AR_EG_Corpus"), 95.0) << *r;
  EXPECT_GE(Figure(*r, "Ordinal_AR_Corpus"), 95.0) << *r;
  EXPECT_EQ(r->find("misses"), std::string::npos) << "max_misses = 0 lists none";
}

TEST(NumbersEval, ListsMissesUpToTheLimit) {
  RASD_REQUIRE_SHARED(data, "data/duckling-ar");
  EvalOptions o;
  o.data_dir = data + "/..";
  o.max_misses = -1;
  auto r = Numbers(o);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_NE(r->find("Ordinal_AR_Corpus: "), std::string::npos) << *r;
}

TEST(NumbersEval, MissingDataIsAClearError) {
  EvalOptions o;
  o.data_dir = "/nonexistent";
  auto r = Numbers(o);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("cannot open"), std::string::npos);
}

}  // namespace
}  // namespace rasd::eval
