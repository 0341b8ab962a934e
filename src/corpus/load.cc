#include "corpus/load.h"

#include <cstdio>

#include "corpus/codec.h"
#include "corpus/prepared.h"
#include "extract/ner/gazetteer.h"

namespace rasd::corpus {
namespace {

Span SpanAt(const store::Stmt& s, int col) {
  if (s.IsNull(col)) return {};
  return Span{static_cast<uint32_t>(s.Int(col)), static_cast<uint32_t>(s.Int(col + 1))};
}

template <typename E, typename F>
E FromName(const std::string& name, F to_name, std::initializer_list<E> values, E fallback) {
  for (E v : values) {
    if (name == to_name(v)) return v;
  }
  return fallback;
}

}  // namespace

StatusOr<Analysis> LoadAnalysis(store::Db* db, int64_t rowid) {
  const ner::Gazetteer& gaz = ner::Gazetteer::Default();
  Analysis a;
  Document& d = a.doc;
  {
    store::Stmt s(db, R"sql(SELECT id, uri, record, content_type, encoding, outlet, outlet_from, title, title_from,
        author, description, published, published_from, text, layout, source, raw, split_from, part
        FROM documents WHERE rowid = ?1)sql");
    s.Bind(1, rowid);
    if (!s.Step()) return Status::NotFound("no document " + std::to_string(rowid));
    d.id = s.Text(0);
    d.uri = s.Text(1);
    d.record = s.Text(2);
    d.content_type = s.Text(3);
    d.encoding = s.Text(4);
    d.outlet = s.Text(5);
    d.outlet_from = s.Text(6);
    d.title = s.Text(7);
    d.title_from = s.Text(8);
    d.author = s.Text(9);
    d.description = s.Text(10);
    d.published = ParsePublished(s.Text(11), s.Text(12));
    d.text = s.Text(13);
    auto layout = Decompress(s.Blob(14));
    if (!layout.ok()) return layout.status();
    ParseLayout(*layout, &d);
    d.split_from = s.Text(17);
    d.part = static_cast<int>(s.Int(18));
    std::string source_blob = s.Blob(15), raw_blob = s.Blob(16);
    if (d.part > 0) {
      // An appended article's removed spans point into its main article's source.
      store::Stmt m(db, "SELECT source, raw FROM documents WHERE id = ?1");
      m.Bind(1, d.split_from);
      if (m.Step()) {
        source_blob = m.Blob(0);
        raw_blob = m.Blob(1);
      }
    }
    auto source = Decompress(source_blob.empty() ? raw_blob : source_blob);
    if (!source.ok()) return source.status();
    d.source_text = std::move(*source);
    store::Stmt parts(db, "SELECT id FROM documents WHERE split_from = ?1 ORDER BY part");
    parts.Bind(1, d.id);
    while (parts.Step()) d.appended.push_back(parts.Text(0));
  }
  a.tokens = text::Tokenize(d.text);
  a.sentences = CapSentences(text::SplitSentences(d.text), a.tokens, AnalyzeOptions{}.max_sentence_tokens);

  store::Stmt ents(db, R"sql(SELECT idx, entity_id, type, key, name, variants, roles, gazetteer_id, surname_only
      FROM doc_entities WHERE doc = ?1 ORDER BY idx)sql");
  ents.Bind(1, rowid);
  while (ents.Step()) {
    resolve::DocEntity e;
    ner::ParseType(ents.Text(2), &e.type);
    e.key = ents.Text(3);
    e.name = ents.Text(4);
    e.variants = SplitList(ents.Text(5));
    e.roles = SplitList(ents.Text(6));
    if (!ents.IsNull(7)) e.gazetteer = gaz.ById(ents.Text(7));
    e.surname_only = ents.Int(8) != 0;
    a.entities.entities.push_back(std::move(e));
    a.entity_ids.push_back(ents.Text(1));
  }
  store::Stmt ms(db, R"sql(SELECT begin, end, type, entity, role_begin, role_end, confidence
      FROM mentions WHERE doc = ?1 ORDER BY idx)sql");
  ms.Bind(1, rowid);
  while (ms.Step()) {
    ner::Mention m;
    m.span = SpanAt(ms, 0);
    ner::ParseType(ms.Text(2), &m.type);
    int e = ms.IsNull(3) ? -1 : static_cast<int>(ms.Int(3));
    m.role = SpanAt(ms, 4);
    m.confidence = static_cast<float>(ms.Double(6));
    if (e >= 0 && static_cast<size_t>(e) < a.entities.entities.size()) {
      a.entities.entities[e].mentions.push_back(static_cast<int>(a.mentions.size()));
      m.gazetteer = a.entities.entities[e].gazetteer;
    }
    a.entities.entity_of.push_back(e);
    a.mentions.push_back(std::move(m));
  }
  using dates::Granularity;
  using dates::Resolution;
  store::Stmt ds(db, R"sql(SELECT begin, end, value, granularity, resolution, relative, calendar, weekday_mismatch,
      explanation FROM dates WHERE doc = ?1 ORDER BY rowid)sql");
  ds.Bind(1, rowid);
  while (ds.Step()) {
    dates::DateExpr x;
    x.span = SpanAt(ds, 0);
    x.value = ds.Text(2);
    x.granularity = FromName(ds.Text(3), dates::GranularityName,
                             {Granularity::kMinute, Granularity::kHour, Granularity::kDay, Granularity::kWeek,
                              Granularity::kMonth, Granularity::kQuarter, Granularity::kYear, Granularity::kDecade,
                              Granularity::kRange},
                             Granularity::kDay);
    x.resolution = FromName(ds.Text(4), dates::ResolutionName,
                            {Resolution::kAbsolute, Resolution::kRelativeToPublication, Resolution::kRelativeToDate,
                             Resolution::kUnresolved},
                            Resolution::kAbsolute);
    x.relative = ds.Text(5);
    x.calendar = ds.IsNull(6) ? "gregorian" : ds.Text(6);
    x.weekday_mismatch = ds.Int(7) != 0;
    x.explanation = ds.Text(8);
    a.dates.push_back(std::move(x));
  }
  store::Stmt cs(db, R"sql(SELECT begin, end, value, high, approximate, vague, qualifier, noun_begin, noun_end,
      noun_key FROM counts WHERE doc = ?1 ORDER BY rowid)sql");
  cs.Bind(1, rowid);
  while (cs.Step()) {
    numbers::Count c;
    c.span = SpanAt(cs, 0);
    c.number.span = c.span;
    c.number.value = cs.Double(2);
    c.number.is_range = !cs.IsNull(3);
    c.number.high = c.number.is_range ? cs.Double(3) : c.number.value;
    c.number.approximate = cs.Int(4) != 0;
    c.number.vague = cs.Int(5) != 0;
    c.number.qualifier = cs.Text(6);
    c.noun = SpanAt(cs, 7);
    c.noun_key = cs.Text(9);
    a.counts.push_back(std::move(c));
  }
  using quotes::SpeakerKind;
  store::Stmt qs(db, R"sql(SELECT begin, end, direct, cue_begin, cue_end, cue, speaker_begin, speaker_end,
      speaker_kind, speaker_from, continuation, speaker_entity FROM quotes WHERE doc = ?1 ORDER BY idx)sql");
  qs.Bind(1, rowid);
  while (qs.Step()) {
    quotes::Quote q;
    q.span = SpanAt(qs, 0);
    q.direct = qs.Int(2) != 0;
    q.cue = SpanAt(qs, 3);
    q.cue_lemma = qs.Text(5);
    q.speaker = SpanAt(qs, 6);
    q.speaker_kind = FromName(qs.Text(8), quotes::SpeakerKindName,
                              {SpeakerKind::kNamed, SpeakerKind::kOrganization, SpeakerKind::kAnonymous,
                               SpeakerKind::kUnknown},
                              SpeakerKind::kUnknown);
    q.speaker_from = qs.IsNull(9) ? -1 : static_cast<int>(qs.Int(9));
    q.continuation = qs.Int(10) != 0;
    a.quote_speaker.push_back(qs.IsNull(11) ? -1 : static_cast<int>(qs.Int(11)));
    a.quotes.push_back(std::move(q));
  }
  using events::Modality;
  store::Stmt es(db, R"sql(SELECT rowid, type, mode, trigger_begin, trigger_end, sentence_begin, sentence_end,
      modality, date, date_from, date_begin, date_end, date_relative, location_begin, location_end, place_id,
      within_id, confidence, claimed, reported_by_begin, reported_by_end
      FROM events WHERE doc = ?1 ORDER BY idx)sql");
  store::Stmt args(db, "SELECT role, begin, end, mention FROM event_args WHERE event = ?1 ORDER BY rowid");
  store::Stmt counts(db,
                     "SELECT role, value, high, approximate, vague, begin, end FROM event_counts WHERE event = ?1 "
                     "ORDER BY rowid");
  es.Bind(1, rowid);
  while (es.Step()) {
    events::Event e;
    e.type = es.Text(1);
    e.mode = es.Text(2);
    e.trigger = SpanAt(es, 3);
    e.sentence = SpanAt(es, 5);
    e.modality = FromName(es.Text(7), events::ModalityName,
                          {Modality::kAsserted, Modality::kNegated, Modality::kFuture, Modality::kHypothetical},
                          Modality::kAsserted);
    e.date = es.Text(8);
    e.date_from = es.Text(9);
    e.date_span = SpanAt(es, 10);
    e.date_relative = es.Text(12);
    e.location = SpanAt(es, 13);
    if (!es.IsNull(15)) e.place = gaz.ById(es.Text(15));
    if (!es.IsNull(16)) e.within = gaz.ById(es.Text(16));
    e.confidence = static_cast<float>(es.Double(17));
    e.claimed = es.Int(18) != 0;
    e.reported_by = SpanAt(es, 19);
    args.Bind(1, es.Int(0));
    while (args.Step()) {
      events::Argument x{SpanAt(args, 1), args.IsNull(3) ? -1 : static_cast<int>(args.Int(3))};
      (args.Text(0) == "agent" ? e.agents : e.targets).push_back(x);
    }
    args.Reset();
    counts.Bind(1, es.Int(0));
    while (counts.Step()) {
      events::EventCount c;
      c.role = counts.Text(0);
      c.value = counts.Double(1);
      c.high = counts.Double(2);
      c.approximate = counts.Int(3) != 0;
      c.vague = counts.Int(4) != 0;
      c.span = SpanAt(counts, 5);
      e.counts.push_back(std::move(c));
    }
    counts.Reset();
    a.events.push_back(std::move(e));
  }
  return a;
}

}  // namespace rasd::corpus
