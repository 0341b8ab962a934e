#include "store/schema.h"

#include <string>

namespace rasd::store {
namespace {

// Version 1. Offsets are byte offsets into documents.text (UTF-8).
constexpr const char* kSchemaV1 = R"sql(
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT);

-- One row per input read (a file, a JSON line, a WARC record): what makes
-- ingest idempotent and resumable.
CREATE TABLE sources(
  key TEXT PRIMARY KEY,        -- uri NUL record
  uri TEXT, record TEXT,
  raw_hash TEXT NOT NULL,      -- xxh3 of the bytes as read
  documents INTEGER NOT NULL,  -- documents it produced (0 when it was skipped)
  status TEXT);                -- "ok" or the reason it was skipped

CREATE TABLE documents(
  rowid INTEGER PRIMARY KEY,   -- ingest order
  id TEXT NOT NULL UNIQUE,
  source_key TEXT NOT NULL REFERENCES sources(key) ON DELETE CASCADE,
  uri TEXT, record TEXT, content_type TEXT, encoding TEXT,
  outlet TEXT, outlet_from TEXT,
  title TEXT, title_from TEXT, author TEXT, description TEXT,
  published TEXT, published_precision TEXT, published_from TEXT,
  day TEXT,                    -- YYYY-MM-DD of publication, when known
  text TEXT NOT NULL,          -- the clean text; every offset below is into it
  token_count INTEGER, sentence_count INTEGER,
  layout BLOB,                 -- zstd JSON: paragraphs and removed spans (docs/schema.md)
  source BLOB,                 -- zstd: the decoded source text the removed spans point into,
                               -- NULL when it is the raw bytes themselves (or, for an
                               -- appended article, its main article's)
  raw BLOB, raw_size INTEGER,  -- zstd: the bytes as read (main article only)
  exact_key TEXT,
  split_from TEXT, part INTEGER,
  duplicate_of INTEGER REFERENCES documents(rowid) ON DELETE SET NULL,
  near_duplicate_of INTEGER REFERENCES documents(rowid) ON DELETE SET NULL,
  similarity REAL,
  story INTEGER REFERENCES stories(id) ON DELETE SET NULL,
  ingested_at TEXT);
CREATE INDEX documents_source ON documents(source_key);
CREATE INDEX documents_exact ON documents(exact_key);
CREATE INDEX documents_day ON documents(day);
CREATE INDEX documents_outlet ON documents(outlet);
CREATE INDEX documents_story ON documents(story);
CREATE INDEX documents_dup ON documents(duplicate_of);
CREATE INDEX documents_near ON documents(near_duplicate_of);

CREATE VIRTUAL TABLE documents_fts USING fts5(
  title, text, content='documents', content_rowid='rowid', tokenize='rasd');
CREATE TRIGGER documents_ai AFTER INSERT ON documents BEGIN
  INSERT INTO documents_fts(rowid, title, text) VALUES(new.rowid, new.title, new.text);
END;
CREATE TRIGGER documents_ad AFTER DELETE ON documents BEGIN
  INSERT INTO documents_fts(documents_fts, rowid, title, text)
    VALUES('delete', old.rowid, old.title, old.text);
END;

-- The entities of each document; entity_id is the corpus entity.
CREATE TABLE doc_entities(
  doc INTEGER NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
  idx INTEGER NOT NULL,
  entity_id TEXT NOT NULL,
  type TEXT, key TEXT, name TEXT,
  variants TEXT, roles TEXT,   -- joined by U+001F
  gazetteer_id TEXT, surname_only INTEGER, mentions INTEGER,
  day TEXT,                    -- the document's, for story lookups
  PRIMARY KEY(doc, idx));
CREATE INDEX doc_entities_entity ON doc_entities(entity_id, day);

CREATE TABLE mentions(
  doc INTEGER NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
  idx INTEGER NOT NULL, begin INTEGER, end INTEGER, type TEXT,
  entity INTEGER,              -- doc_entities.idx
  role_begin INTEGER, role_end INTEGER, confidence REAL,
  PRIMARY KEY(doc, idx));

CREATE TABLE dates(
  doc INTEGER NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
  begin INTEGER, end INTEGER, value TEXT, granularity TEXT, resolution TEXT, relative TEXT,
  calendar TEXT, weekday_mismatch INTEGER, explanation TEXT);
CREATE INDEX dates_doc ON dates(doc);

CREATE TABLE counts(
  doc INTEGER NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
  begin INTEGER, end INTEGER, value REAL,
  high REAL,                   -- the high end of a range, NULL otherwise
  approximate INTEGER, vague INTEGER, qualifier TEXT,
  noun_begin INTEGER, noun_end INTEGER, noun_key TEXT);
CREATE INDEX counts_doc ON counts(doc);

CREATE TABLE quotes(
  doc INTEGER NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
  idx INTEGER NOT NULL, begin INTEGER, end INTEGER, direct INTEGER,
  cue_begin INTEGER, cue_end INTEGER, cue TEXT,
  speaker_begin INTEGER, speaker_end INTEGER, speaker TEXT, speaker_kind TEXT,
  speaker_from INTEGER, continuation INTEGER,
  speaker_entity INTEGER,      -- doc_entities.idx of who spoke it (through continuations), or NULL
  PRIMARY KEY(doc, idx));

CREATE TABLE event_clusters(
  id INTEGER PRIMARY KEY,
  type TEXT NOT NULL, mode TEXT, day TEXT NOT NULL, last_day TEXT,
  place_id TEXT, place_name TEXT, within_id TEXT, lat REAL, lon REAL, country TEXT,
  modality TEXT,
  agents TEXT, targets TEXT,   -- corpus entity ids joined by U+001F
  reports INTEGER, outlets INTEGER, first_doc INTEGER,
  killed REAL, injured REAL, arrested REAL);
CREATE INDEX clusters_type_day ON event_clusters(type, day);
CREATE INDEX clusters_place ON event_clusters(place_id, type, day);
CREATE INDEX clusters_within ON event_clusters(within_id, type, day);
-- Actors of each cluster, to find the clusters a new report may belong to.
CREATE TABLE cluster_actors(entity_id TEXT NOT NULL, cluster INTEGER NOT NULL
                            REFERENCES event_clusters(id) ON DELETE CASCADE,
                            PRIMARY KEY(entity_id, cluster)) WITHOUT ROWID;
CREATE INDEX cluster_actors_cluster ON cluster_actors(cluster);

CREATE TABLE events(
  rowid INTEGER PRIMARY KEY,
  doc INTEGER NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
  idx INTEGER NOT NULL, type TEXT, mode TEXT,
  trigger_begin INTEGER, trigger_end INTEGER, sentence_begin INTEGER, sentence_end INTEGER,
  modality TEXT, date TEXT, date_from TEXT, date_begin INTEGER, date_end INTEGER, date_relative TEXT,
  day TEXT,                    -- the day it happened (from its date, else the publication day)
  location_begin INTEGER, location_end INTEGER,
  place_id TEXT, place_name TEXT, lat REAL, lon REAL, country TEXT, within_id TEXT,
  confidence REAL, claimed INTEGER, reported_by_begin INTEGER, reported_by_end INTEGER,
  killed REAL, injured REAL, arrested REAL,
  cluster INTEGER REFERENCES event_clusters(id) ON DELETE SET NULL);
CREATE INDEX events_doc ON events(doc);
CREATE INDEX events_type_day ON events(type, day);
CREATE INDEX events_cluster ON events(cluster);
CREATE INDEX events_place ON events(place_id);

CREATE TABLE event_args(
  event INTEGER NOT NULL REFERENCES events(rowid) ON DELETE CASCADE,
  role TEXT, begin INTEGER, end INTEGER,
  mention INTEGER,             -- mentions.idx, or NULL for a description
  entity INTEGER);             -- doc_entities.idx, or NULL
CREATE INDEX event_args_event ON event_args(event);

CREATE TABLE event_counts(
  event INTEGER NOT NULL REFERENCES events(rowid) ON DELETE CASCADE,
  role TEXT, value REAL, high REAL, approximate INTEGER, vague INTEGER, begin INTEGER, end INTEGER);
CREATE INDEX event_counts_event ON event_counts(event);

-- Corpus entities: rebuilt from doc_entities at the end of every ingest.
CREATE TABLE entities(
  id TEXT PRIMARY KEY,
  type TEXT, name TEXT, kind TEXT, gazetteer_id TEXT, lat REAL, lon REAL, country TEXT,
  mentions INTEGER, documents INTEGER, first_seen TEXT, last_seen TEXT,
  ambiguous INTEGER, candidates TEXT, variants TEXT, roles TEXT);
CREATE INDEX entities_type ON entities(type, mentions);
CREATE INDEX entities_name ON entities(name);
CREATE TABLE entity_names(key TEXT, entity_id TEXT, PRIMARY KEY(key, entity_id));

CREATE TABLE minhash(doc INTEGER PRIMARY KEY REFERENCES documents(rowid) ON DELETE CASCADE,
                     signature BLOB);
CREATE TABLE lsh(band_key INTEGER, doc INTEGER REFERENCES documents(rowid) ON DELETE CASCADE);
CREATE INDEX lsh_key ON lsh(band_key);
CREATE INDEX lsh_doc ON lsh(doc);

CREATE TABLE stories(id INTEGER PRIMARY KEY, first_doc INTEGER, size INTEGER,
                     first_day TEXT, last_day TEXT, title TEXT);
)sql";

}  // namespace

StatusOr<int> SchemaVersion(Db* db) {
  Stmt has(db, "SELECT count(*) FROM sqlite_master WHERE type='table' AND name='meta'");
  if (!has.ok()) return Status::IoError("not a database: " + has.error());
  if (!has.Step() || has.Int(0) == 0) return 0;
  Stmt v(db, "SELECT value FROM meta WHERE key='schema_version'");
  if (!v.Step()) return 0;
  return static_cast<int>(std::stoi(v.Text(0)));
}

Status EnsureSchema(Db* db) {
  auto version = SchemaVersion(db);
  if (!version.ok()) return version.status();
  if (*version == kSchemaVersion) return Status::Ok();
  if (*version > kSchemaVersion) {
    return Status::Unsupported("the database has schema version " + std::to_string(*version) +
                               ", newer than this rasd (" + std::to_string(kSchemaVersion) + ")");
  }
  Transaction tx(db);
  int v = *version;
  if (v == 0) {
    RASD_RETURN_IF_ERROR(db->Exec(kSchemaV1));
    v = 1;
  }
  // Migrations from version N to N+1, all in this transaction.
  if (v == 1) {
    // Appended articles of a page, read with every document.
    RASD_RETURN_IF_ERROR(db->Exec("CREATE INDEX documents_split ON documents(split_from, part)"));
    v = 2;
  }
  if (v == 2) {
    // The writer indexes new documents once per transaction (an insert
    // trigger made FTS5 write a segment per document).
    RASD_RETURN_IF_ERROR(db->Exec("DROP TRIGGER IF EXISTS documents_ai"));
    v = 3;
  }
  if (v == 3) {
    // Story candidates: the entity index covers the document, and a small
    // index of originals answers "not a copy" without reading the document
    // row (its copy links lie past the text, in overflow pages).
    RASD_RETURN_IF_ERROR(db->Exec(
        "DROP INDEX IF EXISTS doc_entities_entity;"
        "CREATE INDEX doc_entities_entity ON doc_entities(entity_id, day, doc);"
        "CREATE INDEX IF NOT EXISTS documents_originals ON documents(rowid) "
        "WHERE duplicate_of IS NULL AND near_duplicate_of IS NULL;"));
    v = 4;
  }
  Stmt set(db, "INSERT OR REPLACE INTO meta(key, value) VALUES('schema_version', ?1)");
  set.Bind(1, std::to_string(kSchemaVersion));
  RASD_RETURN_IF_ERROR(set.Run());
  return tx.Commit();
}

}  // namespace rasd::store
