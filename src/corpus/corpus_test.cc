#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "rasd/corpus.h"
#include "rasd/pipeline.h"
#include "tests/testing.h"

namespace rasd::corpus {
namespace {

using json = nlohmann::json;
namespace fs = std::filesystem;

std::string Fixture(const std::string& name) { return rasd::testing::SourceDir() + "/tests/fixtures/corpus/" + name; }

class CorpusTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("rasd_corpus_test_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    Reopen();
  }
  void TearDown() override {
    corpus_.reset();
    fs::remove_all(dir_);
  }
  void Reopen() {
    corpus_.reset();
    auto c = Corpus::Open((dir_ / "test.db").string(), false);
    ASSERT_TRUE(c.ok()) << c.status().message();
    corpus_ = std::move(*c);
  }
  IngestSummary Ingest(const std::vector<std::string>& sources) {
    IngestOptions o;
    o.threads = 2;
    auto s = corpus_->Ingest(sources, o);
    EXPECT_TRUE(s.ok()) << s.status().message();
    return s.ok() ? *s : IngestSummary{};
  }
  json Q(const StatusOr<std::string>& r) {
    EXPECT_TRUE(r.ok()) << r.status().message();
    return r.ok() ? json::parse(*r) : json();
  }
  json Search(const std::string& q, Filters f = {}) {
    SearchRequest req;
    req.query = q;
    req.filters = f;
    return Q(corpus_->Search(req));
  }
  // Titles of the results (one per group of copies), sorted.
  std::multiset<std::string> Titles(const json& r) {
    std::multiset<std::string> out;
    for (const auto& hit : r["results"]) out.insert(hit["title"].get<std::string>());
    return out;
  }
  std::string WriteFile(const std::string& name, const std::string& content) {
    fs::path p = dir_ / name;
    std::ofstream(p, std::ios::binary) << content;
    return p.string();
  }

  fs::path dir_;
  std::unique_ptr<Corpus> corpus_;
};

TEST_F(CorpusTest, IngestingTheSameInputTwiceChangesNothing) {
  IngestSummary first = Ingest({Fixture("search.jsonl")});
  EXPECT_EQ(first.ingested, 6u);
  EXPECT_EQ(first.duplicates, 1u);
  std::string before = *corpus_->Stats();
  IngestSummary second = Ingest({Fixture("search.jsonl")});
  EXPECT_EQ(second.ingested, 0u);
  EXPECT_EQ(second.unchanged, 6u);
  json a = json::parse(before), b = Q(corpus_->Stats());
  a.erase("database_bytes");
  b.erase("database_bytes");
  EXPECT_EQ(a, b);
}

TEST_F(CorpusTest, ChangedInputReplacesItsDocumentAndFacts) {
  std::string path = WriteFile("a.txt", "غارة على بلدة\n\nقصفت طائرات حربية بلدة سراقب في ريف إدلب صباح اليوم.\n");
  EXPECT_EQ(Ingest({path}).ingested, 1u);
  WriteFile("a.txt", "مظاهرة في حلب\n\nتظاهر المئات في مدينة حلب للمطالبة بالإفراج عن المعتقلين.\n");
  IngestSummary s = Ingest({path});
  EXPECT_EQ(s.updated, 1u);
  EXPECT_EQ(s.ingested, 0u);
  json stats = Q(corpus_->Stats());
  EXPECT_EQ(stats["documents"], 1);
  EXPECT_EQ(Search("سراقب")["total"], 0);
  EXPECT_EQ(Search("حلب")["total"], 1);
  EventQuery q;
  q.filters.event_type = "ASSAULT";
  EXPECT_TRUE(Q(corpus_->Events(q))["events"].empty());
}

TEST_F(CorpusTest, AnInputReplacedWithinOneRunIsSearchableOnlyAsItsLastVersion) {
  // The first version is written but not yet in the search index when the
  // second replaces it in the same transaction.
  RawDoc first{.uri = "a.txt", .content_type = "text/plain",
               .bytes = "غارة على بلدة\n\nقصفت طائرات حربية بلدة سراقب في ريف إدلب صباح اليوم.\n"};
  RawDoc second = first;
  second.bytes = "مظاهرة في حلب\n\nتظاهر المئات في مدينة حلب للمطالبة بالإفراج عن المعتقلين.\n";
  IngestOptions o;
  o.threads = 2;
  auto s = corpus_->IngestDocs({first, second}, o);
  ASSERT_TRUE(s.ok()) << s.status().message();
  EXPECT_EQ(s->ingested, 1u);
  EXPECT_EQ(s->updated, 1u);
  EXPECT_EQ(Search("سراقب")["total"], 0);
  EXPECT_EQ(Search("حلب")["total"], 1);
  Reopen();
  EXPECT_EQ(Search("المعتقلين")["total"], 1);
  EXPECT_EQ(*corpus_->IntegrityCheck(), "ok");
}

TEST_F(CorpusTest, SearchFindsEveryWrittenFormOfAWord) {
  Ingest({Fixture("search.jsonl")});
  // التحالف finds وللتحالف and التحالفات; الدولي finds الدَّوْليّ; ٢٠١٤ finds 2014.
  EXPECT_EQ(Titles(Search("التحالف")),
            (std::multiset<std::string>{"ضربات جديدة للتحالف شرق سوريا", "اجتماع وزاري في باريس",
                                        "التحالفات السياسية في العراق قبل الانتخابات"}));
  EXPECT_EQ(Titles(Search("الدولي")),
            (std::multiset<std::string>{"ضربات جديدة للتحالف شرق سوريا", "اجتماع وزاري في باريس"}));
  EXPECT_EQ(Titles(Search("٢٠١٤")), (std::multiset<std::string>{"معارك في ريف الحسكة", "قوات النظام تتقدم في سوريا"}));
  EXPECT_EQ(Titles(Search("2014")), Titles(Search("٢٠١٤")));
}

TEST_F(CorpusTest, SearchPhrasesExclusionsAndFilters) {
  Ingest({Fixture("search.jsonl")});
  EXPECT_EQ(Titles(Search("\"قوات سوريا الديمقراطية\"")), (std::multiset<std::string>{"معارك في ريف الحسكة"}));
  EXPECT_EQ(Search("قوات سوريا الديمقراطية")["total"], 2);
  EXPECT_EQ(Titles(Search("داعش -العراق")),
            (std::multiset<std::string>{"ضربات جديدة للتحالف شرق سوريا", "معارك في ريف الحسكة"}));
  Filters outlet;
  outlet.outlet = "صحيفة المثال اليومية";
  EXPECT_EQ(Titles(Search("سوريا", outlet)),
            (std::multiset<std::string>{"اجتماع وزاري في باريس", "قوات النظام تتقدم في سوريا"}));
  Filters month;
  month.from = "2015-01";
  month.to = "2015-01";
  EXPECT_EQ(Titles(Search("داعش", month)),
            (std::multiset<std::string>{"التحالفات السياسية في العراق قبل الانتخابات"}));
}

TEST_F(CorpusTest, CopiesFoldUnderTheirOriginal) {
  Ingest({Fixture("search.jsonl")});
  json r = Search("\"قوات سوريا الديمقراطية\"");
  ASSERT_EQ(r["results"].size(), 1u);
  EXPECT_EQ(r["results"][0]["copies"], 1);
  EXPECT_EQ(r["results"][0]["outlet"], "شبكة الأخبار الأولى");  // the earlier of the two
  SearchRequest all;
  all.query = "\"قوات سوريا الديمقراطية\"";
  all.collapse = false;
  EXPECT_EQ(Q(corpus_->Search(all))["results"].size(), 2u);
}

TEST_F(CorpusTest, SnippetsHighlightMatchesInTheCleanText) {
  Ingest({Fixture("search.jsonl")});
  json r = Search("التحالفات");
  ASSERT_FALSE(r["results"].empty());
  std::string doc_id;
  for (const auto& hit : r["results"]) {
    if (hit["title"] == "اجتماع وزاري في باريس") doc_id = hit["id"];
  }
  ASSERT_FALSE(doc_id.empty());
  json doc = Q(corpus_->Document(doc_id));
  const std::string text = doc["text"];
  for (const auto& hit : r["results"]) {
    if (hit["id"] != doc_id) continue;
    ASSERT_FALSE(hit["snippet"]["highlights"].empty());
    for (const auto& h : hit["snippet"]["highlights"]) {
      std::string word = text.substr(h["begin"].get<size_t>(), h["end"].get<size_t>() - h["begin"].get<size_t>());
      EXPECT_EQ(word, "وللتحالف");
    }
  }
}

TEST_F(CorpusTest, MalformedQueriesAreUserErrors) {
  Ingest({Fixture("search.jsonl")});
  for (const char* q : {"\"قوات سوريا", "(غارة OR", "OR", "-داعش", "a AND"}) {
    SearchRequest req;
    req.query = q;
    auto r = corpus_->Search(req);
    ASSERT_FALSE(r.ok()) << q;
    EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument) << q;
    EXPECT_EQ(r.status().message().find("fts5"), std::string::npos) << r.status().message();
  }
  Filters bad;
  bad.from = "yesterday";
  SearchRequest req;
  req.query = "داعش";
  req.filters = bad;
  EXPECT_FALSE(corpus_->Search(req).ok());
}

TEST_F(CorpusTest, ThreeOutletsReportingOneStrikeMakeOneEvent) {
  Ingest({Fixture("three_outlets.jsonl")});
  EventQuery q;
  q.filters.event_type = "ASSAULT";
  json events = Q(corpus_->Events(q))["events"];
  ASSERT_EQ(events.size(), 1u) << events.dump(1);
  const json& e = events[0];
  EXPECT_EQ(e["date"], "2023-06-04");
  // Four documents, one an exact copy: three reports.
  EXPECT_EQ(e["reports"], 3);
  EXPECT_EQ(e["counts"]["killed"], 4);  // the highest count reported
  EXPECT_EQ(e["evidence"].size(), 4u);
}

TEST_F(CorpusTest, SameDayEventsInTwoTownsStayApart) {
  Ingest({Fixture("two_towns.jsonl")});
  EventQuery q;
  json events = Q(corpus_->Events(q))["events"];
  ASSERT_EQ(events.size(), 2u) << events.dump(1);
  EXPECT_NE(events[0]["place"]["id"], events[1]["place"]["id"]);
}

TEST_F(CorpusTest, ShowGivesWhatAnalyzeGave) {
  Ingest({Fixture("three_outlets.jsonl")});
  Analyzer analyzer;
  resolve::EntityIndex index;
  ingest::Reader reader;
  reader.Read({Fixture("three_outlets.jsonl")},
              [&](RawDoc&& raw) {
                auto result = analyzer.Analyze(raw);
                EXPECT_TRUE(result.ok());
                for (Analysis& a : *result) {
                  AssignEntityIds(&index, &a);
                  json expected = json::parse(ToJson(a, {}));
                  json got = Q(corpus_->Document(a.doc.id));
                  got.erase("corpus");
                  for (auto& e : got["events"]) e.erase("cluster");
                  EXPECT_EQ(got, expected) << a.doc.id;
                }
                return true;
              },
              [](const ingest::ReadError&) {});
}

TEST_F(CorpusTest, ResumingInPiecesGivesTheSameCorpusAsOneRun) {
  // Ingesting sources one run at a time ends with the same entities, copies
  // and events as one run over all of them (what a resumed ingest relies on).
  std::vector<std::string> sources = {Fixture("search.jsonl"), Fixture("three_outlets.jsonl"),
                                      Fixture("two_towns.jsonl")};
  Ingest(sources);
  json one_entities = Q(corpus_->Entities(EntityQuery{"", false, "", 1000, 0}));
  json one_events = Q(corpus_->Events(EventQuery{}));
  json one_stats = Q(corpus_->Stats());
  corpus_.reset();
  fs::remove(dir_ / "test.db");
  fs::remove(dir_ / "test.db-wal");
  fs::remove(dir_ / "test.db-shm");
  Reopen();
  for (const std::string& s : sources) {
    Ingest({s});
    Reopen();
  }
  EXPECT_EQ(Q(corpus_->Entities(EntityQuery{"", false, "", 1000, 0})), one_entities);
  EXPECT_EQ(Q(corpus_->Events(EventQuery{})), one_events);
  json pieces_stats = Q(corpus_->Stats());
  one_stats.erase("database_bytes");
  pieces_stats.erase("database_bytes");
  EXPECT_EQ(pieces_stats, one_stats);
}

TEST_F(CorpusTest, ExportsAcledCsvWithBomAndGeoJsonFeatures) {
  Ingest({Fixture("three_outlets.jsonl"), Fixture("two_towns.jsonl")});
  std::ostringstream acled;
  ASSERT_TRUE(corpus_->Export("acled", EventQuery{}, acled).ok());
  std::string csv = acled.str();
  ASSERT_EQ(csv.substr(0, 3), "\xEF\xBB\xBF");
  EXPECT_NE(csv.find("event_id_cnty,event_date,year"), std::string::npos);
  EXPECT_NE(csv.find("Explosions/Remote violence"), std::string::npos);
  std::ostringstream geo;
  ASSERT_TRUE(corpus_->Export("geojson", EventQuery{}, geo).ok());
  json fc = json::parse(geo.str());
  EXPECT_EQ(fc["type"], "FeatureCollection");
  ASSERT_FALSE(fc["features"].empty());
  for (const auto& f : fc["features"]) {
    EXPECT_EQ(f["type"], "Feature");
    EXPECT_EQ(f["geometry"]["type"], "Point");
    ASSERT_EQ(f["geometry"]["coordinates"].size(), 2u);
    double lon = f["geometry"]["coordinates"][0], lat = f["geometry"]["coordinates"][1];
    EXPECT_TRUE(lon >= -180 && lon <= 180 && lat >= -90 && lat <= 90);
    EXPECT_TRUE(f["properties"].contains("type"));
  }
  std::ostringstream bad;
  EXPECT_FALSE(corpus_->Export("xml", EventQuery{}, bad).ok());
}

TEST_F(CorpusTest, ReadOnlyCorpusRefusesIngest) {
  Ingest({Fixture("two_towns.jsonl")});
  corpus_.reset();
  auto ro = Corpus::Open((dir_ / "test.db").string(), true);
  ASSERT_TRUE(ro.ok());
  EXPECT_FALSE((*ro)->Ingest({Fixture("search.jsonl")}, IngestOptions{}).ok());
  auto missing = Corpus::Open((dir_ / "nothing.db").string(), true);
  EXPECT_FALSE(missing.ok());
}

}  // namespace
}  // namespace rasd::corpus
