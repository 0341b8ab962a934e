// End-to-end tests of the rasd program: exit statuses, error lines, output.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "tests/testing.h"

namespace {

namespace fs = std::filesystem;


class CliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("rasd_cli_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override {
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }
  std::string Write(const std::string& name, const std::string& bytes) {
    fs::path p = dir_ / name;
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << bytes;
    return p.string();
  }
  std::string Rasd(const std::string& args) { return rasd::testing::RasdBinary() + " " + args; }
  fs::path dir_;
};

const char* kArticle =
    "اشتباك قرب الحويجة\n\nأعلنت قيادة العمليات المشتركة مقتل ثلاثة مسلحين في اشتباك قرب قضاء الحويجة.\n";

TEST_F(CliTest, HelpDescribesEveryOption) {
  auto r = rasd::testing::Run(Rasd("analyze --help"));
  EXPECT_EQ(r.exit_code, 0);
  for (const char* opt : {"--jsonl", "--tokens", "--explain", "--glob", "--format", "--text-field",
                          "--max-doc-mb", "--no-split"}) {
    EXPECT_NE(r.out.find(opt), std::string::npos) << opt;
  }
}

TEST_F(CliTest, AnalyzePrintsOneJsonObjectPerDocument) {
  std::string f = Write("a.txt", kArticle);
  auto r = rasd::testing::Run(Rasd("analyze --jsonl --tokens " + f));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(std::count(r.out.begin(), r.out.end(), '\n'), 1);
  for (const char* field : {"\"id\"", "\"uri\"", "\"outlet\"", "\"title\"", "\"published\"", "\"text\"",
                            "\"paragraphs\"", "\"removed\"", "\"split_from\"", "\"token_count\"",
                            "\"tokens\"", "\"stem\"", "\"begin16\""}) {
    EXPECT_NE(r.out.find(field), std::string::npos) << field;
  }
}

TEST_F(CliTest, ReadsStdin) {
  std::string f = Write("a.txt", kArticle);
  auto r = rasd::testing::Run(Rasd("analyze --jsonl - < " + f));
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(r.out.find("\"uri\":\"stdin\""), std::string::npos);
}

TEST_F(CliTest, ExplainShowsRemovedLinesWithReasons) {
  std::string f = Write("a.txt", std::string(kArticle) + "Share on facebook\n");
  auto r = rasd::testing::Run(Rasd("analyze --explain " + f));
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(r.out.find("share-buttons"), std::string::npos);
  EXPECT_NE(r.out.find("first-line"), std::string::npos);
}

TEST_F(CliTest, ExplainSaysHowEachDateWasResolved) {
  std::string f = Write("d.jsonl",
                        "{\"date\":\"2021-02-22\",\"text\":\"قال المتحدث إن القوات اعتقلت خمسة مسلحين "
                        "يوم الخميس الماضي، وإن العملية بدأت أواخر آذار 2019.\"}\n");
  auto r = rasd::testing::Run(Rasd("analyze --explain " + f));
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(r.out.find("\"يوم الخميس الماضي\" -> 2021-02-18  [day, relative-to-publication"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("relative to the publication date 2021-02-22"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("-> 2019-03-21/2019-03-31  [range, absolute]"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("-> 5 x "), std::string::npos) << r.out;
}

TEST_F(CliTest, BadInputsAreReportedAndTheRestIsProcessed) {
  Write("in/good1.txt", kArticle);
  Write("in/invalid.txt", "نص عربي \xC3\x28 ثم نص");
  Write("in/empty.txt", "");
  Write("in/binary.txt", std::string("\x7F" "ELF\0\0\0\x01\x02", 9));
  Write("in/feed.jsonl", std::string("{\"text\":\"") + "خبر أول عن اشتباك في الحويجة وسقوط قتلى" +
                             "\"}\n{\"text\": broken\n{\"text\":\"خبر ثالث عن حملة اعتقالات في كركوك\"}\n");
  Write("in/good2.txt", kArticle);
  {
    std::ofstream big(dir_ / "in/huge.txt", std::ios::binary);
    std::string chunk(1 << 20, 'a');
    for (int i = 0; i < 50; ++i) big << chunk;  // one 50 MB line
  }
  fs::create_symlink(dir_ / "in/missing-target.txt", dir_ / "in/dangling.txt");
  auto r = rasd::testing::Run("timeout 60 " + Rasd("analyze --jsonl " + (dir_ / "in").string()));
  EXPECT_EQ(r.exit_code, 2) << r.err;
  // 2 text files + 2 good JSON lines
  EXPECT_EQ(std::count(r.out.begin(), r.out.end(), '\n'), 4) << r.err;
  for (const char* name : {"invalid.txt: invalid UTF-8 at byte 14", "empty.txt: empty document",
                           "binary.txt: binary file", "feed.jsonl (line 2): malformed JSON",
                           "huge.txt: file of 52428800 bytes is over the limit"}) {
    EXPECT_NE(r.err.find(name), std::string::npos) << name << "\n" << r.err;
  }
  // Each problem is one line starting with "rasd: ".
  size_t lines = std::count(r.err.begin(), r.err.end(), '\n');
  EXPECT_GE(lines, 5u);
  EXPECT_NE(r.err.find("skipped"), std::string::npos);
}

TEST_F(CliTest, MissingSourceIsAnErrorWithExitTwo) {
  auto r = rasd::testing::Run(Rasd("analyze " + (dir_ / "nope.txt").string()));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("nope.txt: no such file or directory"), std::string::npos) << r.err;
}

TEST_F(CliTest, UnknownOptionFailsWithUsage) {
  auto r = rasd::testing::Run(Rasd("analyze --no-such-option x"));
  EXPECT_NE(r.exit_code, 0);
  EXPECT_NE(r.exit_code, 2);
}

TEST_F(CliTest, ExampleCorpusAnalysesCleanly) {
  auto r = rasd::testing::Run(Rasd("analyze --jsonl " + rasd::testing::SourceDir() + "/examples/corpus"));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(r.err.empty()) << r.err;
  EXPECT_GE(std::count(r.out.begin(), r.out.end(), '\n'), 8);
}

}  // namespace
