// Commands that read a corpus: search, show, entities, entity, events,
// quotes, timeline, story, stats, export. Tables for people, --json for machines.
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "cli/table.h"
#include "rasd/corpus.h"

namespace rasd::cli {
namespace {

using json = nlohmann::ordered_json;

struct Common {
  std::string db;
  bool json = false;
  corpus::Filters filters;
  size_t limit = 20, offset = 0;
};

void AddCommon(CLI::App* cmd, Common* c, bool filters) {
  c->db = DefaultDb();
  cmd->add_option("--db", c->db, "Corpus database (default: $RASD_DB or rasd.db)");
  cmd->add_flag("--json", c->json, "Print JSON (the format of the HTTP API)");
  if (filters) {
    cmd->add_option("--outlet", c->filters.outlet, "Only documents of this outlet (any known spelling or host)");
    cmd->add_option("--from", c->filters.from, "Only documents published on or after this date (2015-07-21, 2015-07)");
    cmd->add_option("--to", c->filters.to, "Only documents published on or before this date");
    cmd->add_option("--entity", c->filters.entity, "Only documents that mention this entity (name or id)");
    cmd->add_option("--event-type", c->filters.event_type, "Only documents reporting this event type (ASSAULT ...)");
    cmd->add_flag("--has-quotes", c->filters.has_quotes, "Only documents with quotes");
  }
}

// Opens the corpus read-only and runs `query`; prints errors.
template <typename F>
int WithCorpus(const Common& c, F query) {
  auto corpus = corpus::Corpus::Open(c.db, true);
  if (!corpus.ok()) {
    PrintError(c.db, corpus.status().message());
    return kExitFailure;
  }
  return query(**corpus);
}

int Emit(const Common& c, const StatusOr<std::string>& result, const std::function<void(const json&)>& table) {
  if (!result.ok()) {
    PrintError(c.db, result.status().message());
    return kExitFailure;
  }
  if (c.json) {
    std::cout << *result << "\n";
  } else {
    table(json::parse(*result));
  }
  return kExitOk;
}

std::string S(const json& j) {
  if (j.is_null()) return "";
  if (j.is_string()) return j.get<std::string>();
  if (j.is_number_float()) {
    double v = j.get<double>();
    if (v == static_cast<double>(static_cast<int64_t>(v))) return std::to_string(static_cast<int64_t>(v));
  }
  return j.dump();
}

std::vector<std::pair<uint32_t, uint32_t>> MarksOf(const json& j) {
  std::vector<std::pair<uint32_t, uint32_t>> out;
  for (const json& m : j) out.emplace_back(m[0].get<uint32_t>(), m[1].get<uint32_t>());
  return out;
}

std::string Names(const json& list) {
  std::string out;
  for (const json& a : list) out += (out.empty() ? "" : "، ") + (a["name"].is_string() ? S(a["name"]) : S(a["id"]));
  return out;
}

void PrintSearch(const json& r) {
  std::cout << r["total"].get<int64_t>() << " results (copies folded)\n\n";
  size_t n = r["offset"].get<size_t>();
  for (const json& hit : r["results"]) {
    std::cout << ++n << ". " << Emphasize(S(hit["title"]), MarksOf(hit["title_marks"])) << "\n   "
              << (hit["outlet"].is_null() ? "?" : S(hit["outlet"])) << " · "
              << (hit["published"].is_null() ? "undated" : S(hit["published"])) << " · " << S(hit["id"]);
    if (hit["copies"].get<int64_t>() > 0) std::cout << " · and " << hit["copies"].get<int64_t>() << " copies";
    std::cout << "\n   " << (hit["snippet"]["before"].get<bool>() ? "…" : "")
              << Emphasize(Fit(S(hit["snippet"]["text"]), 100000), MarksOf(hit["snippet"]["marks"]))
              << (hit["snippet"]["after"].get<bool>() ? "…" : "") << "\n\n";
  }
}

void PrintEvents(const json& r) {
  if (r.contains("reports")) {
    Table t({"date", "type", "mode", "place", "killed", "document", "sentence"}, 60);
    for (const json& e : r["reports"]) {
      t.Add({S(e["date"]), S(e["type"]), S(e["mode"]), e["place"].is_null() ? "" : S(e["place"]["name"]),
             S(e["counts"]["killed"]), S(e["document"]), S(e["text"])});
    }
    t.Print(std::cout);
    return;
  }
  Table t({"id", "date", "type", "mode", "place", "agents", "targets", "killed", "reports"}, 32);
  for (const json& e : r["events"]) {
    t.Add({S(e["id"]), S(e["date"]), S(e["type"]), S(e["mode"]), e["place"].is_null() ? "" : S(e["place"]["name"]),
           Names(e["agents"]), Names(e["targets"]), S(e["counts"].value("killed", json())), S(e["reports"])});
  }
  t.Print(std::cout);
}

}  // namespace

void AddQueryCommands(CLI::App& app, int* exit_code) {
  {
    auto c = std::make_shared<Common>();
    auto req = std::make_shared<corpus::SearchRequest>();
    auto all = std::make_shared<bool>(false);
    CLI::App* cmd = app.add_subcommand(
        "search",
        "Full-text search with Arabic-aware matching: any clitic, plural or spelling\n"
        "of a word matches. Syntax: words (all must match), \"a phrase\", prefix*,\n"
        "-excluded or NOT word, OR / أو, (grouping).");
    cmd->add_option("query", req->query, "The query")->required();
    AddCommon(cmd, c.get(), true);
    cmd->add_option("--sort", req->sort, "relevance or date")->capture_default_str();
    cmd->add_option("-n,--limit", req->limit, "Results per page")->capture_default_str();
    cmd->add_option("--offset", req->offset, "Results to skip");
    cmd->add_flag("--all-copies", *all, "List copies (duplicates) as results of their own");
    cmd->callback([=] {
      req->filters = c->filters;
      req->collapse = !*all;
      *exit_code = WithCorpus(*c, [&](corpus::Corpus& k) { return Emit(*c, k.Search(*req), PrintSearch); });
    });
  }
  {
    auto c = std::make_shared<Common>();
    auto id = std::make_shared<std::string>();
    CLI::App* cmd = app.add_subcommand("show", "Print one stored document with everything found in it (JSON).");
    cmd->add_option("id", *id, "Document id")->required();
    AddCommon(cmd, c.get(), false);
    cmd->callback([=] {
      c->json = true;
      *exit_code = WithCorpus(*c, [&](corpus::Corpus& k) { return Emit(*c, k.Document(*id), [](const json&) {}); });
    });
  }
  {
    auto c = std::make_shared<Common>();
    auto q = std::make_shared<corpus::EntityQuery>();
    CLI::App* cmd = app.add_subcommand("entities", "List entities, most mentioned first.");
    AddCommon(cmd, c.get(), false);
    cmd->add_option("--type", q->type, "PER, ORG, LOC, GPE, NORP or MISC");
    cmd->add_option("--name", q->name, "Only entities with a spelling that starts with this");
    cmd->add_flag("--ambiguous", q->ambiguous_only, "Only lone surnames that more than one known person has");
    cmd->add_option("-n,--limit", c->limit, "How many")->capture_default_str();
    cmd->add_option("--offset", c->offset, "How many to skip");
    cmd->callback([=] {
      q->limit = c->limit;
      q->offset = c->offset;
      *exit_code = WithCorpus(*c, [&](corpus::Corpus& k) {
        return Emit(*c, k.Entities(*q), [](const json& r) {
          Table t({"name", "type", "mentions", "documents", "variants", "id"});
          for (const json& e : r["entities"]) {
            std::string name = S(e["name"]);
            if (e.contains("ambiguous")) name += " (?)";
            t.Add({name, S(e["type"]), S(e["mentions"]), S(e["documents"]), S(e["variant_count"]), S(e["id"])});
          }
          t.Print(std::cout);
        });
      });
    });
  }
  {
    auto c = std::make_shared<Common>();
    auto name = std::make_shared<std::string>();
    CLI::App* cmd = app.add_subcommand(
        "entity", "One entity: its spellings, roles, mentions over time, quotes and the entities seen with it.");
    cmd->add_option("name", *name, "A name (any spelling) or an entity id")->required();
    AddCommon(cmd, c.get(), false);
    cmd->callback([=] {
      *exit_code = WithCorpus(*c, [&](corpus::Corpus& k) {
        return Emit(*c, k.Entity(*name), [](const json& e) {
          std::cout << S(e["name"]) << "  (" << S(e["type"]) << ", " << S(e["id"]) << ")\n";
          std::cout << "mentions " << S(e["mentions"]) << " in " << S(e["documents"]) << " documents, "
                    << S(e["first_seen"]) << " … " << S(e["last_seen"]) << "\n";
          if (e.contains("ambiguous")) std::cout << "ambiguous: may be any of " << e["candidates"].dump() << "\n";
          std::cout << "\nspellings:\n";
          for (const json& v : e["variants"]) std::cout << "  " << S(v) << "\n";
          if (!e["roles"].empty()) {
            std::cout << "\nroles:\n";
            for (const json& v : e["roles"]) std::cout << "  " << S(v) << "\n";
          }
          std::cout << "\nper day:\n";
          for (const json& d : e["timeline"]) {
            std::cout << "  " << S(d["day"]) << "  " << std::string(std::min<int64_t>(60, d["documents"].get<int64_t>()), '#')
                      << " " << S(d["documents"]) << "\n";
          }
          if (!e["quotes"].empty()) {
            std::cout << "\nquotes:\n";
            for (const json& q : e["quotes"]) std::cout << "  «" << Fit(S(q["text"]), 140) << "» — " << S(q["document"]) << "\n";
          }
          std::cout << "\nseen with:\n";
          Table t({"name", "type", "documents", "id"});
          for (const json& o : e["co_occurring"]) t.Add({S(o["name"]), S(o["type"]), S(o["documents"]), S(o["id"])});
          t.Print(std::cout);
        });
      });
    });
  }
  {
    auto c = std::make_shared<Common>();
    auto q = std::make_shared<corpus::EventQuery>();
    auto reports = std::make_shared<bool>(false);
    auto all_modalities = std::make_shared<bool>(false);
    CLI::App* cmd = app.add_subcommand(
        "events",
        "Events (who did what to whom, where, when, how many), merged across the\n"
        "reports of one real-world event, with the sentences they were read from.");
    AddCommon(cmd, c.get(), true);
    cmd->add_option("--type", c->filters.event_type, "PLOVER type: ASSAULT, PROTEST, COERCE, ...");
    cmd->add_option("--place", q->place, "A place (name or id); events in places within it count");
    cmd->add_option("--actor", q->actor, "An entity among the agents or targets");
    cmd->add_option("--sort", q->sort, "date, killed or reports")->capture_default_str();
    cmd->add_flag("--reports", *reports, "One row per report instead of per merged event");
    cmd->add_flag("--all-modalities", *all_modalities, "Include negated, future and hypothetical events");
    cmd->add_option("-n,--limit", c->limit, "How many")->capture_default_str();
    cmd->add_option("--offset", c->offset, "How many to skip");
    cmd->callback([=] {
      q->filters = c->filters;
      q->clusters = !*reports;
      q->asserted_only = !*all_modalities;
      q->limit = c->limit;
      q->offset = c->offset;
      *exit_code = WithCorpus(*c, [&](corpus::Corpus& k) { return Emit(*c, k.Events(*q), PrintEvents); });
    });
  }
  {
    auto c = std::make_shared<Common>();
    auto speaker = std::make_shared<std::string>();
    CLI::App* cmd = app.add_subcommand("quotes", "Quotes with their speakers, newest first.");
    AddCommon(cmd, c.get(), true);
    cmd->add_option("--speaker", *speaker, "An entity (name or id), or words of the speaker phrase");
    cmd->add_option("-n,--limit", c->limit, "How many")->capture_default_str();
    cmd->add_option("--offset", c->offset, "How many to skip");
    cmd->callback([=] {
      *exit_code = WithCorpus(*c, [&](corpus::Corpus& k) {
        return Emit(*c, k.Quotes(*speaker, c->filters, c->limit, c->offset), [](const json& r) {
          for (const json& q : r["quotes"]) {
            std::string who = q.contains("speaker_entity") ? S(q["speaker_entity"]["name"]) : S(q["speaker"]);
            std::cout << (who.empty() ? "(unknown)" : who) << ": «" << S(q["text"]) << "»\n   "
                      << S(q["published"]) << " · " << S(q["outlet"]) << " · " << S(q["document"]) << "\n\n";
          }
        });
      });
    });
  }
  {
    auto c = std::make_shared<Common>();
    auto interval = std::make_shared<std::string>("day");
    auto q = std::make_shared<corpus::EventQuery>();
    CLI::App* cmd = app.add_subcommand("timeline", "Documents and events per day, week or month.");
    AddCommon(cmd, c.get(), true);
    cmd->add_option("--interval", *interval, "day, week or month")->capture_default_str();
    cmd->add_option("--type", c->filters.event_type, "Count events of this PLOVER type only");
    cmd->add_option("--place", q->place, "Count events in this place (or within it) only");
    cmd->add_option("--actor", q->actor, "Count events with this agent or target only");
    cmd->callback([=] {
      q->filters = c->filters;
      *exit_code = WithCorpus(*c, [&](corpus::Corpus& k) {
        return Emit(*c, k.Timeline(*interval, *q), [](const json& r) {
          std::map<std::string, std::string> events;
          for (const json& e : r["events"]) {
            std::string& s = events[S(e["bucket"])];
            s += (s.empty() ? "" : " ") + S(e["type"]) + ":" + S(e["events"]);
          }
          Table t({"period", "documents", "originals", "", "events"}, 80);
          for (const json& d : r["documents"]) {
            int64_t n = d["documents"].get<int64_t>();
            t.Add({S(d["bucket"]), S(d["documents"]), S(d["originals"]), std::string(std::min<int64_t>(40, (n + 9) / 10), '#'),
                   events[S(d["bucket"])]});
          }
          t.Print(std::cout);
        });
      });
    });
  }
  {
    auto c = std::make_shared<Common>();
    auto id = std::make_shared<int64_t>(0);
    CLI::App* cmd = app.add_subcommand("story", "The documents of one story cluster (same story, different wording).");
    cmd->add_option("id", *id, "Story id (from search results or `rasd show`)")->required();
    AddCommon(cmd, c.get(), false);
    cmd->callback([=] {
      *exit_code = WithCorpus(*c, [&](corpus::Corpus& k) {
        return Emit(*c, k.Story(*id), [](const json& s) {
          std::cout << "story " << S(s["id"]) << ": " << S(s["title"]) << "\n" << S(s["size"]) << " documents, "
                    << S(s["first_day"]) << " … " << S(s["last_day"]) << "\n\n";
          Table t({"published", "outlet", "copies", "title", "id"}, 60);
          for (const json& d : s["documents"]) {
            t.Add({S(d["published"]), S(d["outlet"]), S(d["copies"]), S(d["title"]), S(d["id"])});
          }
          t.Print(std::cout);
        });
      });
    });
  }
  {
    auto c = std::make_shared<Common>();
    auto check = std::make_shared<bool>(false);
    CLI::App* cmd = app.add_subcommand("stats", "What the corpus holds.");
    AddCommon(cmd, c.get(), false);
    cmd->add_flag("--check", *check, "Also verify the database file (PRAGMA integrity_check)");
    cmd->callback([=] {
      *exit_code = WithCorpus(*c, [&](corpus::Corpus& k) {
        if (*check) {
          auto ok = k.IntegrityCheck();
          if (!ok.ok() || *ok != "ok") {
            PrintError(c->db, ok.ok() ? *ok : ok.status().message());
            return kExitFailure;
          }
        }
        // The database's path first: the corpus's counts do not say where it is.
        StatusOr<std::string> stats = k.Stats();
        if (stats.ok()) {
          json with_path{{"path", c->db}};
          with_path.update(json::parse(*stats));
          stats = with_path.dump();
        }
        return Emit(*c, stats, [&](const json& s) {
          for (const auto& [key, value] : s.items()) {
            if (value.is_object()) {
              std::cout << key << ":\n";
              for (const auto& [k2, v2] : value.items()) std::cout << "  " << k2 << "  " << S(v2) << "\n";
            } else {
              std::cout << key << "  " << S(value) << "\n";
            }
          }
          if (*check) std::cout << "integrity  ok\n";
        });
      });
    });
  }
  {
    auto c = std::make_shared<Common>();
    auto q = std::make_shared<corpus::EventQuery>();
    auto format = std::make_shared<std::string>("jsonl");
    auto output = std::make_shared<std::string>();
    auto all_modalities = std::make_shared<bool>(false);
    CLI::App* cmd = app.add_subcommand(
        "export",
        "Write events (merged across reports) as jsonl, csv, geojson (located events),\n"
        "plover (JSON array) or acled (CSV with ACLED's columns; see docs/events.md).");
    AddCommon(cmd, c.get(), true);
    cmd->add_option("--format", *format, "jsonl, csv, geojson, plover or acled")->capture_default_str();
    cmd->add_option("-o,--output", *output, "Write to this file (default: stdout)");
    cmd->add_option("--type", c->filters.event_type, "PLOVER type: ASSAULT, PROTEST, COERCE, ...");
    cmd->add_option("--place", q->place, "A place (name or id); events in places within it count");
    cmd->add_option("--actor", q->actor, "An entity among the agents or targets");
    cmd->add_option("--vague", q->vague_numbers,
                    "Vague counts (عشرات): low = their low end (10), omit = leave them out")
        ->capture_default_str();
    cmd->add_flag("--all-modalities", *all_modalities, "Include negated, future and hypothetical events");
    cmd->callback([=] {
      q->filters = c->filters;
      q->asserted_only = !*all_modalities;
      *exit_code = WithCorpus(*c, [&](corpus::Corpus& k) {
        std::ofstream file;
        std::ostream* out = &std::cout;
        if (!output->empty()) {
          file.open(*output, std::ios::binary);
          if (!file) {
            PrintError(*output, "cannot write");
            return kExitFailure;
          }
          out = &file;
        }
        Status s = k.Export(*format, *q, *out);
        if (!s.ok()) {
          PrintError(c->db, s.message());
          return kExitFailure;
        }
        return kExitOk;
      });
    });
  }
}

}  // namespace rasd::cli
