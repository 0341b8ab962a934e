#include "corpus/writer.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <ctime>

#include "corpus/codec.h"
#include "corpus/links.h"

namespace rasd::corpus {
namespace {

std::string Now() {
  std::time_t t = std::time(nullptr);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&t));
  return buf;
}

// Story profiles kept in memory: a few weeks of a large outlet's reports.
constexpr size_t kStoryProfiles = 8192;

std::string DayOf(const Published& p) {
  return p.precision >= DatePrecision::kDay ? p.Iso().substr(0, 10) : "";
}

// The day an event happened, when its date names one; else the publication day.
std::string EventDay(const events::Event& e, const std::string& doc_day) {
  const std::string& d = e.date;
  if (d.size() >= 10 && d[4] == '-' && d[7] == '-' && (d.size() == 10 || d[10] == 'T')) return d.substr(0, 10);
  return doc_day;
}

void BindSpan(store::Stmt& s, int i, Span span) {
  if (span.empty()) {
    s.BindNull(i).BindNull(i + 1);
  } else {
    s.Bind(i, static_cast<int64_t>(span.begin)).Bind(i + 1, static_cast<int64_t>(span.end));
  }
}

}  // namespace

struct Writer::Statements {
  explicit Statements(store::Db* db)
      : source_hash(db, "SELECT raw_hash FROM sources WHERE key=?1"),
        source_ins(db, "INSERT INTO sources(key, uri, record, raw_hash, documents, status) VALUES(?1,?2,?3,?4,?5,'ok')"),
        id_taken(db, "SELECT 1 FROM documents WHERE id=?1"),
        doc_ins(db, R"sql(INSERT INTO documents(id, source_key, uri, record, content_type, encoding,
            outlet, outlet_from, title, title_from, author, description,
            published, published_precision, published_from, day, text, token_count,
            layout, source, raw, raw_size, exact_key, split_from, part, ingested_at, sentence_count)
            VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?16,?17,?18,?19,?20,?21,?22,?23,?24,?25,?26,?27))sql"),
        entity_ins(db, R"sql(INSERT INTO doc_entities(doc, idx, entity_id, type, key, name, variants, roles,
            gazetteer_id, surname_only, mentions, day) VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12))sql"),
        mention_ins(db, R"sql(INSERT INTO mentions(doc, idx, begin, end, type, entity, role_begin, role_end,
            confidence) VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9))sql"),
        date_ins(db, R"sql(INSERT INTO dates(doc, begin, end, value, granularity, resolution, relative,
            calendar, weekday_mismatch, explanation) VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10))sql"),
        count_ins(db, R"sql(INSERT INTO counts(doc, begin, end, value, high, approximate, vague, qualifier,
            noun_begin, noun_end, noun_key) VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11))sql"),
        quote_ins(db, R"sql(INSERT INTO quotes(doc, idx, begin, end, direct, cue_begin, cue_end, cue,
            speaker_begin, speaker_end, speaker, speaker_kind, speaker_from, continuation, speaker_entity)
            VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15))sql"),
        event_ins(db, R"sql(INSERT INTO events(doc, idx, type, mode, trigger_begin, trigger_end,
            sentence_begin, sentence_end, modality, date, date_from, day, location_begin, location_end,
            place_id, place_name, lat, lon, country, within_id, confidence, claimed,
            reported_by_begin, reported_by_end, killed, injured, arrested, date_begin, date_end, date_relative)
            VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?16,?17,?18,?19,?20,?21,?22,?23,?24,?25,?26,?27,
                   ?28,?29,?30))sql"),
        arg_ins(db, "INSERT INTO event_args(event, role, begin, end, mention, entity) VALUES(?1,?2,?3,?4,?5,?6)"),
        ecount_ins(db, R"sql(INSERT INTO event_counts(event, role, value, high, approximate, vague, begin, end)
            VALUES(?1,?2,?3,?4,?5,?6,?7,?8))sql") {}

  bool ok() const {
    for (const store::Stmt* s : {&source_hash, &source_ins, &id_taken, &doc_ins, &entity_ins, &mention_ins,
                                 &date_ins, &count_ins, &quote_ins, &event_ins, &arg_ins, &ecount_ins}) {
      if (!s->ok()) return false;
    }
    return true;
  }

  store::Stmt source_hash, source_ins, id_taken, doc_ins, entity_ins, mention_ins, date_ins, count_ins,
      quote_ins, event_ins, arg_ins, ecount_ins;
};

Writer::Writer(store::Db* db, const IngestOptions& options)
    : db_(db),
      options_(options),
      story_profiles_(kStoryProfiles),
      st_(std::make_unique<Statements>(db)) {}

Writer::~Writer() {
  if (in_tx_) db_->Exec("ROLLBACK");
}

Status Writer::Start() {
  if (!st_->ok()) return Status::Internal("the database schema does not match this rasd");
  RASD_RETURN_IF_ERROR(Begin());
  RASD_RETURN_IF_ERROR(ReplayEntities(db_, &entities_));
  store::Stmt n(db_, "SELECT count(*) FROM documents");
  if (n.Step()) documents_seen_ = static_cast<size_t>(n.Int(0));
  return Commit();
}

Status Writer::Begin() {
  if (in_tx_) return Status::Ok();
  RASD_RETURN_IF_ERROR(db_->Exec("BEGIN IMMEDIATE"));
  in_tx_ = true;
  in_batch_ = 0;
  return Status::Ok();
}

Status Writer::Commit() {
  if (!in_tx_) return Status::Ok();
  RASD_RETURN_IF_ERROR(IndexPending());
  RASD_RETURN_IF_ERROR(RefreshClusters(db_, dirty_clusters_));
  RASD_RETURN_IF_ERROR(RefreshStories(db_, dirty_stories_));
  dirty_clusters_.clear();
  dirty_stories_.clear();
  db_->ResetStatements();  // no snapshot may outlive the transaction (keeps the WAL small)
  RASD_RETURN_IF_ERROR(db_->Exec("COMMIT"));
  in_tx_ = false;
  return Status::Ok();
}

Status Writer::IndexPending() {
  if (pending_index_.empty()) return Status::Ok();
  store::Stmt& ins =
      db_->Cached("INSERT INTO documents_fts(rowid, title, text) VALUES(?1, ?2, ?3)");
  for (const PendingIndex& d : pending_index_) {
    store::ReplayIndexTerms title(d.title, d.title_terms), text(d.text, d.text_terms);
    ins.Bind(1, d.rowid).Bind(2, d.title).Bind(3, d.text);
    RASD_RETURN_IF_ERROR(ins.Run());
  }
  pending_index_.clear();
  return Status::Ok();
}

bool Writer::IsStored(const std::string& key, const std::string& raw_hash) {
  st_->source_hash.Reset();
  st_->source_hash.Bind(1, key);
  bool same = st_->source_hash.Step() && st_->source_hash.Text(0) == raw_hash;
  st_->source_hash.Reset();
  return same;
}

Status Writer::RemoveSource(const std::string& key) {
  // The delete trigger takes the old documents out of the search index.
  RASD_RETURN_IF_ERROR(IndexPending());
  store::Stmt docs(db_, "SELECT rowid FROM documents WHERE source_key=?1");
  docs.Bind(1, key);
  while (docs.Step()) story_profiles_.Forget(docs.Int(0));
  // Whatever the old documents fed (clusters, stories, copies) is recomputed.
  store::Stmt clusters(db_,
                       "SELECT DISTINCT e.cluster FROM events e JOIN documents d ON d.rowid=e.doc "
                       "WHERE d.source_key=?1 AND e.cluster IS NOT NULL");
  clusters.Bind(1, key);
  while (clusters.Step()) dirty_clusters_.insert(clusters.Int(0));
  store::Stmt stories(db_, "SELECT DISTINCT story FROM documents WHERE source_key=?1 AND story IS NOT NULL");
  stories.Bind(1, key);
  while (stories.Step()) dirty_stories_.insert(stories.Int(0));
  store::Stmt copies(db_,
                     "SELECT c.rowid FROM documents c JOIN documents d ON (c.duplicate_of=d.rowid OR "
                     "c.near_duplicate_of=d.rowid) WHERE d.source_key=?1");
  copies.Bind(1, key);
  while (copies.Step()) orphans_.insert(copies.Int(0));
  store::Stmt del(db_, "DELETE FROM sources WHERE key=?1");
  del.Bind(1, key);
  RASD_RETURN_IF_ERROR(del.Run());
  replay_needed_ = true;
  return Status::Ok();
}

Status Writer::Write(Prepared* p, IngestSummary* summary) {
  RASD_RETURN_IF_ERROR(Begin());
  st_->source_hash.Reset();
  st_->source_hash.Bind(1, p->key);
  bool exists = st_->source_hash.Step();
  std::string stored_hash = exists ? st_->source_hash.Text(0) : "";
  st_->source_hash.Reset();
  if (exists && stored_hash == p->raw_hash) {
    summary->unchanged += 1;
    return Status::Ok();
  }
  if (p->known_unchanged) return Status::Internal("an input seen as stored was not found: " + p->name);
  if (exists) RASD_RETURN_IF_ERROR(RemoveSource(p->key));
  st_->source_ins.Bind(1, p->key).Bind(2, p->uri).Bind(3, p->record).Bind(4, p->raw_hash).Bind(5, p->docs.size());
  RASD_RETURN_IF_ERROR(st_->source_ins.Run());
  for (PreparedDoc& d : p->docs) {
    RASD_RETURN_IF_ERROR(WriteDocument(*p, &d, summary));
    if (summary->ids.size() < 1000) summary->ids.push_back(d.a.doc.id);
    if (exists) {
      summary->updated += 1;
    } else {
      summary->ingested += 1;
    }
  }
  for (int64_t orphan : orphans_) RASD_RETURN_IF_ERROR(RelinkCopies(db_, orphan, options_.dedupe));
  orphans_.clear();
  if (++in_batch_ >= std::max<size_t>(1, options_.batch)) return Commit();
  return Status::Ok();
}

Status Writer::WriteDocument(const Prepared& p, PreparedDoc* pd, IngestSummary* summary) {
  Analysis& a = pd->a;
  Document& doc = a.doc;
  // Ids are stable per source; two nameless inputs with the same text get a suffix.
  std::string id = doc.id;
  for (int n = 2;; ++n) {
    st_->id_taken.Reset();
    st_->id_taken.Bind(1, id);
    bool taken = st_->id_taken.Step();
    st_->id_taken.Reset();
    if (!taken) break;
    id = doc.id + "-" + std::to_string(n);
  }
  doc.id = id;
  const std::string day = DayOf(doc.published);
  store::Stmt& s = st_->doc_ins;
  s.Bind(1, id).Bind(2, p.key).Bind(3, doc.uri).BindOrNull(4, doc.record).Bind(5, doc.content_type);
  s.Bind(6, doc.encoding).BindOrNull(7, doc.outlet).BindOrNull(8, doc.outlet_from).Bind(9, doc.title);
  s.BindOrNull(10, doc.title_from).BindOrNull(11, doc.author).BindOrNull(12, doc.description);
  if (doc.published.known()) {
    s.Bind(13, doc.published.Iso()).Bind(14, PrecisionName(doc.published.precision)).Bind(15, doc.published.from);
  } else {
    s.BindNull(13).BindNull(14).BindNull(15);
  }
  s.BindOrNull(16, day).Bind(17, doc.text).Bind(18, static_cast<int64_t>(pd->token_count));
  s.BindBlob(19, pd->layout_zstd);
  if (pd->source_zstd.empty()) s.BindNull(20); else s.BindBlob(20, pd->source_zstd);
  if (doc.part == 0) {
    s.BindBlob(21, p.raw_zstd).Bind(22, p.bytes);
  } else {
    s.BindNull(21).BindNull(22);
  }
  s.Bind(23, pd->exact_key).BindOrNull(24, doc.split_from).Bind(25, doc.part).Bind(26, Now());
  s.Bind(27, pd->sentence_count);
  RASD_RETURN_IF_ERROR(s.Run());
  const int64_t rowid = sqlite3_last_insert_rowid(db_->handle());

  // Entities: corpus ids in input order, like an uninterrupted run.
  AssignEntityIds(&entities_, &a);
  ++documents_seen_;
  for (size_t i = 0; i < a.entities.entities.size(); ++i) {
    const resolve::DocEntity& e = a.entities.entities[i];
    store::Stmt& x = st_->entity_ins;
    x.Bind(1, rowid).Bind(2, i).Bind(3, a.entity_ids[i]).Bind(4, ner::TypeName(e.type)).Bind(5, e.key);
    x.Bind(6, e.name).Bind(7, JoinList(e.variants)).Bind(8, JoinList(e.roles));
    x.BindOrNull(9, e.gazetteer ? e.gazetteer->id : "").Bind(10, e.surname_only ? 1 : 0);
    x.Bind(11, e.mentions.size()).BindOrNull(12, day);
    RASD_RETURN_IF_ERROR(x.Run());
  }
  auto entity_of = [&](int mention) -> int {
    if (mention < 0 || static_cast<size_t>(mention) >= a.entities.entity_of.size()) return -1;
    return a.entities.entity_of[mention];
  };
  for (size_t i = 0; i < a.mentions.size(); ++i) {
    const ner::Mention& m = a.mentions[i];
    store::Stmt& x = st_->mention_ins;
    x.Bind(1, rowid).Bind(2, i).Bind(3, static_cast<int64_t>(m.span.begin)).Bind(4, static_cast<int64_t>(m.span.end));
    x.Bind(5, ner::TypeName(m.type));
    if (int e = entity_of(static_cast<int>(i)); e >= 0) x.Bind(6, e); else x.BindNull(6);
    BindSpan(x, 7, m.role);
    x.Bind(9, static_cast<double>(m.confidence));
    RASD_RETURN_IF_ERROR(x.Run());
  }
  for (const dates::DateExpr& d : a.dates) {
    store::Stmt& x = st_->date_ins;
    x.Bind(1, rowid).Bind(2, static_cast<int64_t>(d.span.begin)).Bind(3, static_cast<int64_t>(d.span.end));
    x.BindOrNull(4, d.value).Bind(5, dates::GranularityName(d.granularity)).Bind(6, dates::ResolutionName(d.resolution));
    x.BindOrNull(7, d.relative).Bind(8, d.calendar).Bind(9, d.weekday_mismatch ? 1 : 0).BindOrNull(10, d.explanation);
    RASD_RETURN_IF_ERROR(x.Run());
  }
  for (const numbers::Count& c : a.counts) {
    store::Stmt& x = st_->count_ins;
    x.Bind(1, rowid).Bind(2, static_cast<int64_t>(c.span.begin)).Bind(3, static_cast<int64_t>(c.span.end));
    x.Bind(4, c.number.value);
    if (c.number.is_range) x.Bind(5, c.number.high); else x.BindNull(5);
    x.Bind(6, c.number.approximate ? 1 : 0).Bind(7, c.number.vague ? 1 : 0).BindOrNull(8, c.number.qualifier);
    BindSpan(x, 9, c.noun);
    x.Bind(11, c.noun_key);
    RASD_RETURN_IF_ERROR(x.Run());
  }
  for (size_t i = 0; i < a.quotes.size(); ++i) {
    const quotes::Quote& q = a.quotes[i];
    store::Stmt& x = st_->quote_ins;
    x.Bind(1, rowid).Bind(2, i).Bind(3, static_cast<int64_t>(q.span.begin)).Bind(4, static_cast<int64_t>(q.span.end));
    x.Bind(5, q.direct ? 1 : 0);
    BindSpan(x, 6, q.cue);
    x.Bind(8, q.cue_lemma);
    BindSpan(x, 9, q.speaker);
    x.BindOrNull(11, std::string(q.speaker.Of(doc.text))).Bind(12, quotes::SpeakerKindName(q.speaker_kind));
    if (q.speaker_from >= 0) x.Bind(13, q.speaker_from); else x.BindNull(13);
    x.Bind(14, q.continuation ? 1 : 0);
    int se = i < a.quote_speaker.size() ? a.quote_speaker[i] : -1;
    if (se >= 0) x.Bind(15, se); else x.BindNull(15);
    RASD_RETURN_IF_ERROR(x.Run());
  }

  // Copies before events, so an event cluster never counts a copy as a report.
  auto copy = LinkCopies(db_, rowid, pd->exact_key, day, pd->signature, pd->band_keys, options_.dedupe);
  if (!copy.ok()) return copy.status();
  if (*copy == CopyKind::kExact) summary->duplicates += 1;
  if (*copy == CopyKind::kNear) summary->near_duplicates += 1;

  for (size_t i = 0; i < a.events.size(); ++i) {
    const events::Event& e = a.events[i];
    double count_of[3] = {NAN, NAN, NAN};
    const char* roles[3] = {"killed", "injured", "arrested"};
    for (const events::EventCount& c : e.counts) {
      for (int r = 0; r < 3; ++r) {
        if (c.role == roles[r] && (std::isnan(count_of[r]) || c.value > count_of[r])) count_of[r] = c.value;
      }
    }
    const std::string eday = EventDay(e, day);
    store::Stmt& x = st_->event_ins;
    x.Bind(1, rowid).Bind(2, i).Bind(3, e.type).BindOrNull(4, e.mode);
    BindSpan(x, 5, e.trigger);
    BindSpan(x, 7, e.sentence);
    x.Bind(9, events::ModalityName(e.modality)).BindOrNull(10, e.date).BindOrNull(11, e.date_from).BindOrNull(12, eday);
    BindSpan(x, 13, e.location);
    if (e.place) {
      x.Bind(15, e.place->id).Bind(16, e.place->name);
      if (e.place->has_coordinates) x.Bind(17, e.place->lat).Bind(18, e.place->lon); else x.BindNull(17).BindNull(18);
      x.BindOrNull(19, e.place->country);
    } else {
      x.BindNull(15).BindNull(16).BindNull(17).BindNull(18).BindNull(19);
    }
    x.BindOrNull(20, e.within ? e.within->id : "").Bind(21, static_cast<double>(e.confidence));
    x.Bind(22, e.claimed ? 1 : 0);
    BindSpan(x, 23, e.reported_by);
    for (int r = 0; r < 3; ++r) {
      if (std::isnan(count_of[r])) x.BindNull(25 + r); else x.Bind(25 + r, count_of[r]);
    }
    BindSpan(x, 28, e.date_span);
    x.BindOrNull(30, e.date_relative);
    RASD_RETURN_IF_ERROR(x.Run());
    const int64_t event = sqlite3_last_insert_rowid(db_->handle());
    ClusterInput ci;
    ci.event = event;
    ci.type = e.type;
    ci.mode = e.mode;
    ci.modality = events::ModalityName(e.modality);
    ci.day = eday;
    if (e.place) {
      ci.place_id = e.place->id;
      ci.place_name = e.place->name;
      ci.country = e.place->country;
      ci.has_coordinates = e.place->has_coordinates;
      ci.lat = e.place->lat;
      ci.lon = e.place->lon;
    }
    if (e.within) ci.within_id = e.within->id;
    for (int side = 0; side < 2; ++side) {
      for (const events::Argument& arg : side == 0 ? e.agents : e.targets) {
        int ent = entity_of(arg.mention);
        store::Stmt& y = st_->arg_ins;
        y.Bind(1, event).Bind(2, side == 0 ? "agent" : "target");
        BindSpan(y, 3, arg.span);
        if (arg.mention >= 0) y.Bind(5, arg.mention); else y.BindNull(5);
        if (ent >= 0) y.Bind(6, ent); else y.BindNull(6);
        RASD_RETURN_IF_ERROR(y.Run());
        if (ent >= 0) (side == 0 ? ci.agents : ci.targets).insert(entities_.Canonical(a.entity_ids[ent]));
      }
    }
    for (const events::EventCount& c : e.counts) {
      store::Stmt& y = st_->ecount_ins;
      y.Bind(1, event).Bind(2, c.role).Bind(3, c.value).Bind(4, c.high).Bind(5, c.approximate ? 1 : 0);
      y.Bind(6, c.vague ? 1 : 0);
      BindSpan(y, 7, c.span);
      RASD_RETURN_IF_ERROR(y.Run());
    }
    auto cluster = AssignCluster(db_, ci, &dirty_clusters_);
    if (!cluster.ok()) return cluster.status();
  }

  // Its most mentioned entities, in the order of the rows stored above by
  // (mentions descending, idx).
  std::vector<std::pair<size_t, size_t>> ranked;  // (mentions, entity)
  for (size_t i = 0; i < a.entities.entities.size(); ++i) {
    const auto type = a.entities.entities[i].type;
    if (type == ner::EntityType::kNorp || type == ner::EntityType::kMisc) continue;
    ranked.emplace_back(a.entities.entities[i].mentions.size(), i);
  }
  std::stable_sort(ranked.begin(), ranked.end(), [](auto x, auto y) { return x.first > y.first; });
  StoryProfile profile;
  profile.terms = std::move(pd->key_terms);
  for (size_t k = 0; k < ranked.size() && k < kSalientEntities; ++k) {
    profile.salient_ids.push_back(a.entity_ids[ranked[k].second]);
  }

  // Stories: originals only; a copy belongs to its original's story.
  if (*copy == CopyKind::kNone) {
    const double n = static_cast<double>(documents_seen_);
    // An entity's weight: rare ones say more (inverse document frequency);
    // entities in more than one document in twenty say nothing.
    auto weight_of = [&](const std::string& id) {
      const resolve::Entity* ent = entities_.Get(id);
      double df = ent ? std::max<double>(1, static_cast<double>(ent->documents)) : 1.0;
      if (n >= 100 && df / n > 0.05) return 0.0;
      return std::log((n + 1) / df);
    };
    std::vector<Salient> salient;
    for (const auto& [count, i] : ranked) {
      if (salient.size() == kSalientEntities) break;
      const std::string idc = entities_.Canonical(a.entity_ids[i]);
      // Two of its entities merged into one corpus entity count once.
      if (std::any_of(salient.begin(), salient.end(), [&](const Salient& s) { return s.entity_id == idc; }))
        continue;
      double w = weight_of(idc);
      if (w > 0) salient.push_back({idc, w});
    }
    RASD_RETURN_IF_ERROR(AssignStory(db_, rowid, day, salient, profile.terms, weight_of,
                                     options_.story_window_days, &story_profiles_,
                                     &dirty_stories_));
  }
  story_profiles_.Put(rowid, std::move(profile));
  // The title and text are not read again: the index takes them.
  pending_index_.push_back({rowid, std::move(doc.title), std::move(doc.text),
                            std::move(pd->title_terms), std::move(pd->text_terms)});
  return Status::Ok();
}

Status Writer::Finish() {
  RASD_RETURN_IF_ERROR(Begin());
  if (replay_needed_) {
    resolve::EntityIndex fresh;
    RASD_RETURN_IF_ERROR(ReplayEntities(db_, &fresh));
    RASD_RETURN_IF_ERROR(WriteEntities(db_, fresh));
  } else {
    RASD_RETURN_IF_ERROR(WriteEntities(db_, entities_));
  }
  return Commit();
}

}  // namespace rasd::corpus
