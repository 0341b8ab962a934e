#include <algorithm>
#include <cmath>

#include "corpus/codec.h"
#include "corpus/links.h"

namespace rasd::corpus {
namespace {

struct Candidate {
  int64_t id = 0;
  std::string mode, day, last_day, place_id, within_id;
  std::set<std::string> agents, targets;
};

std::set<std::string> ToSet(const std::string& joined) {
  auto v = SplitList(joined);
  return std::set<std::string>(v.begin(), v.end());
}

size_t Shared(const std::set<std::string>& a, const std::set<std::string>& b) {
  size_t n = 0;
  for (const auto& x : a) n += b.count(x);
  return n;
}

// How well event e fits cluster c; negative when they cannot be one event.
int Score(const ClusterInput& e, const Candidate& c) {
  if (!e.mode.empty() && !c.mode.empty() && e.mode != c.mode) return -1;
  int gap = std::min(std::abs(DaysBetween(c.day, e.day)), std::abs(DaysBetween(c.last_day, e.day)));
  if (gap > 1) return -1;
  size_t actors = Shared(e.agents, c.agents) + Shared(e.targets, c.targets);
  int score = gap == 0 ? 1 : 0;
  if (!e.place_id.empty() && !c.place_id.empty()) {
    if (e.place_id == c.place_id) {
      score += 4;
    } else if (e.place_id == c.within_id || e.within_id == c.place_id) {
      score += 2;  // one names the town, the other the region that contains it
    } else {
      return -1;   // two different places are two events
    }
  } else if (actors == 0) {
    return -1;     // without a place, only shared actors tie two reports together
  }
  return score + static_cast<int>(actors);
}

}  // namespace

StatusOr<int64_t> AssignCluster(store::Db* db, const ClusterInput& e, std::set<int64_t>* dirty) {
  int64_t best_id = 0;
  int best = -1;
  Candidate best_c;
  if (!e.day.empty() && e.modality == "asserted") {
    // Candidates: clusters of the type within the window at the same place
    // (or the place containing it, or a place it contains), or sharing an actor.
    std::string sql =
        "SELECT id, mode, day, last_day, place_id, within_id, agents, targets FROM event_clusters "
        "WHERE type=?1 AND modality='asserted' AND day BETWEEN ?2 AND ?3 AND id IN (";
    std::vector<std::string> params;
    std::string any;
    if (!e.place_id.empty()) {
      any += "SELECT id FROM event_clusters WHERE place_id IN (?4, ?5) UNION ALL "
             "SELECT id FROM event_clusters WHERE within_id = ?4";
    }
    std::vector<std::string> actors(e.agents.begin(), e.agents.end());
    actors.insert(actors.end(), e.targets.begin(), e.targets.end());
    if (!actors.empty()) {
      if (!any.empty()) any += " UNION ALL ";
      any += "SELECT cluster FROM cluster_actors WHERE entity_id IN (";
      for (size_t i = 0; i < actors.size(); ++i) any += (i ? ",?" : "?") + std::to_string(6 + i);
      any += ")";
    }
    if (!any.empty()) {
      store::Stmt& s = db->Cached(sql + any + ") ORDER BY id");
      s.Bind(1, e.type).Bind(2, AddDays(e.day, -7)).Bind(3, AddDays(e.day, 1));
      s.Bind(4, e.place_id).Bind(5, e.within_id.empty() ? e.place_id : e.within_id);
      for (size_t i = 0; i < actors.size(); ++i) s.Bind(static_cast<int>(6 + i), actors[i]);
      while (s.Step()) {
        Candidate c{s.Int(0), s.Text(1), s.Text(2), s.Text(3), s.Text(4), s.Text(5), ToSet(s.Text(6)),
                    ToSet(s.Text(7))};
        int score = Score(e, c);
        if (score > best) {
          best = score;
          best_id = c.id;
          best_c = std::move(c);
        }
      }
      if (!s.error().empty()) return Status::IoError("SQL: " + s.error());
    }
  }
  if (best_id == 0) {
    store::Stmt& ins = db->Cached("INSERT INTO event_clusters(type, mode, day, last_day, place_id, place_name, within_id, lat, "
                    "lon, country, modality, agents, targets) VALUES(?1,?2,?3,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12)");
    ins.Bind(1, e.type).BindOrNull(2, e.mode).Bind(3, e.day).BindOrNull(4, e.place_id).BindOrNull(5, e.place_name);
    ins.BindOrNull(6, e.within_id);
    if (e.has_coordinates) {
      ins.Bind(7, e.lat).Bind(8, e.lon);
    } else {
      ins.BindNull(7).BindNull(8);
    }
    ins.BindOrNull(9, e.country).Bind(10, e.modality);
    ins.Bind(11, JoinList({e.agents.begin(), e.agents.end()}))
        .Bind(12, JoinList({e.targets.begin(), e.targets.end()}));
    RASD_RETURN_IF_ERROR(ins.Run());
    best_id = sqlite3_last_insert_rowid(db->handle());
  } else {
    // Merge: the most specific place wins; days and actors widen.
    bool more_specific = !e.place_id.empty() && (best_c.place_id.empty() || e.within_id == best_c.place_id);
    std::set<std::string> agents = best_c.agents, targets = best_c.targets;
    agents.insert(e.agents.begin(), e.agents.end());
    targets.insert(e.targets.begin(), e.targets.end());
    store::Stmt& up = db->Cached("UPDATE event_clusters SET day=min(day, ?2), last_day=max(last_day, ?2), agents=?3, "
                   "targets=?4, mode=coalesce(mode, ?5) WHERE id=?1");
    up.Bind(1, best_id).Bind(2, e.day).Bind(3, JoinList({agents.begin(), agents.end()}));
    up.Bind(4, JoinList({targets.begin(), targets.end()})).BindOrNull(5, e.mode);
    RASD_RETURN_IF_ERROR(up.Run());
    if (more_specific) {
      store::Stmt& place = db->Cached("UPDATE event_clusters SET place_id=?2, place_name=?3, within_id=?4, lat=?5, lon=?6, "
                        "country=?7 WHERE id=?1");
      place.Bind(1, best_id).Bind(2, e.place_id).Bind(3, e.place_name).BindOrNull(4, e.within_id);
      if (e.has_coordinates) {
        place.Bind(5, e.lat).Bind(6, e.lon);
      } else {
        place.BindNull(5).BindNull(6);
      }
      place.BindOrNull(7, e.country);
      RASD_RETURN_IF_ERROR(place.Run());
    }
  }
  store::Stmt& actor = db->Cached("INSERT OR IGNORE INTO cluster_actors(entity_id, cluster) VALUES(?1, ?2)");
  for (const auto* side : {&e.agents, &e.targets}) {
    for (const std::string& id : *side) {
      actor.Bind(1, id).Bind(2, best_id);
      RASD_RETURN_IF_ERROR(actor.Run());
    }
  }
  store::Stmt& set = db->Cached("UPDATE events SET cluster=?1 WHERE rowid=?2");
  set.Bind(1, best_id).Bind(2, e.event);
  RASD_RETURN_IF_ERROR(set.Run());
  dirty->insert(best_id);
  return best_id;
}

Status RefreshClusters(store::Db* db, const std::set<int64_t>& ids) {
  // A copy of an article (exact or near) is not a second report.
  store::Stmt& up = db->Cached(R"sql(
    UPDATE event_clusters SET
      reports = (SELECT count(DISTINCT coalesce(d.duplicate_of, d.near_duplicate_of, d.rowid))
                 FROM events e JOIN documents d ON d.rowid = e.doc WHERE e.cluster = event_clusters.id),
      outlets = (SELECT count(DISTINCT d.outlet)
                 FROM events e JOIN documents d ON d.rowid = e.doc WHERE e.cluster = event_clusters.id),
      first_doc = (SELECT e.doc FROM events e JOIN documents d ON d.rowid = e.doc
                   WHERE e.cluster = event_clusters.id
                   ORDER BY coalesce(d.day, '9999'), d.rowid LIMIT 1),
      killed = (SELECT max(killed) FROM events e WHERE e.cluster = event_clusters.id),
      injured = (SELECT max(injured) FROM events e WHERE e.cluster = event_clusters.id),
      arrested = (SELECT max(arrested) FROM events e WHERE e.cluster = event_clusters.id)
    WHERE id = ?1)sql");
  store::Stmt& empty = db->Cached("DELETE FROM event_clusters WHERE id=?1 AND NOT EXISTS (SELECT 1 FROM events WHERE cluster=?1)");
  for (int64_t id : ids) {
    up.Bind(1, id);
    RASD_RETURN_IF_ERROR(up.Run());
    empty.Bind(1, id);
    RASD_RETURN_IF_ERROR(empty.Run());
  }
  return Status::Ok();
}

}  // namespace rasd::corpus
