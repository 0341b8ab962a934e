#include <nlohmann/json.hpp>

#include <cmath>
#include <sstream>

#include "rasd/pipeline.h"
#include "rasd/utf8.h"

namespace rasd {
namespace {

using json = nlohmann::ordered_json;

json SpanJson(Span s, const utf8::Utf16Index& u16) {
  return json{{"begin", s.begin}, {"end", s.end}, {"begin16", u16.ToUtf16(s.begin)},
              {"end16", u16.ToUtf16(s.end)}};
}

}  // namespace

std::string ToJson(const Analysis& a, const JsonOptions& options) {
  const Document& d = a.doc;
  utf8::Utf16Index u16(d.text);
  json j;
  j["id"] = d.id;
  j["uri"] = d.uri;
  if (!d.record.empty()) j["record"] = d.record;
  j["content_type"] = d.content_type;
  j["encoding"] = d.encoding;
  j["outlet"] = d.outlet.empty() ? json(nullptr) : json(d.outlet);
  j["outlet_from"] = d.outlet_from;
  j["title"] = d.title;
  j["title_from"] = d.title_from;
  if (d.published.known()) {
    j["published"] = {{"value", d.published.Iso()},
                      {"precision", PrecisionName(d.published.precision)},
                      {"from", d.published.from}};
  } else {
    j["published"] = nullptr;
  }
  if (!d.author.empty()) j["author"] = d.author;
  if (!d.description.empty()) j["description"] = d.description;
  j["text"] = d.text;
  json paras = json::array();
  for (const Paragraph& p : d.paragraphs) {
    json pj = SpanJson(p.span, u16);
    pj["source_begin"] = p.source_begin;
    paras.push_back(std::move(pj));
  }
  j["paragraphs"] = std::move(paras);
  json removed = json::array();
  for (const Removed& r : d.removed) {
    removed.push_back({{"source_begin", r.source.begin},
                       {"source_end", r.source.end},
                       {"reason", r.reason},
                       {"text", std::string(r.source.Of(d.source_text))}});
  }
  j["removed"] = std::move(removed);
  j["split_from"] = d.split_from.empty() ? json(nullptr) : json(d.split_from);
  j["appended"] = d.appended;
  j["token_count"] = a.tokens.size();
  j["sentence_count"] = a.sentences.size();
  json mentions = json::array();
  for (size_t i = 0; i < a.mentions.size(); ++i) {
    const ner::Mention& m = a.mentions[i];
    json mj = SpanJson(m.span, u16);
    mj["text"] = std::string(m.span.Of(d.text));
    mj["type"] = ner::TypeName(m.type);
    mj["confidence"] = std::round(static_cast<double>(m.confidence) * 1000) / 1000;
    if (!m.role.empty()) mj["role"] = std::string(m.role.Of(d.text));
    int e = i < a.entities.entity_of.size() ? a.entities.entity_of[i] : -1;
    mj["entity"] = e;
    if (e >= 0 && static_cast<size_t>(e) < a.entity_ids.size()) mj["entity_id"] = a.entity_ids[e];
    mentions.push_back(std::move(mj));
  }
  j["mentions"] = std::move(mentions);
  json ents = json::array();
  for (size_t e = 0; e < a.entities.entities.size(); ++e) {
    const resolve::DocEntity& de = a.entities.entities[e];
    json ej{{"index", e}, {"type", ner::TypeName(de.type)}, {"name", de.name}, {"variants", de.variants}};
    if (e < a.entity_ids.size()) ej["id"] = a.entity_ids[e];
    if (!de.roles.empty()) ej["roles"] = de.roles;
    if (de.gazetteer) {
      json g{{"id", de.gazetteer->id}, {"name", de.gazetteer->name}, {"kind", de.gazetteer->kind}};
      if (de.gazetteer->has_coordinates) {
        g["lat"] = de.gazetteer->lat;
        g["lon"] = de.gazetteer->lon;
      }
      if (!de.gazetteer->country.empty()) g["country"] = de.gazetteer->country;
      if (!de.gazetteer->parent.empty()) g["parent"] = de.gazetteer->parent;
      ej["gazetteer"] = std::move(g);
    }
    ej["mentions"] = de.mentions.size();
    ents.push_back(std::move(ej));
  }
  j["entities"] = std::move(ents);
  json ds = json::array();
  for (const dates::DateExpr& x : a.dates) {
    json dj = SpanJson(x.span, u16);
    dj["text"] = std::string(x.span.Of(d.text));
    dj["value"] = x.value.empty() ? json(nullptr) : json(x.value);
    dj["granularity"] = dates::GranularityName(x.granularity);
    dj["resolution"] = dates::ResolutionName(x.resolution);
    if (!x.relative.empty()) dj["relative"] = x.relative;
    if (x.calendar != "gregorian") dj["calendar"] = x.calendar;
    if (!x.mod.empty()) {
      dj["mod"] = x.mod;
      dj["base"] = x.base;
    }
    if (x.weekday_mismatch) dj["weekday_mismatch"] = true;
    if (!x.explanation.empty()) dj["explanation"] = x.explanation;
    ds.push_back(std::move(dj));
  }
  j["dates"] = std::move(ds);
  json cs = json::array();
  for (const numbers::Count& c : a.counts) {
    json cj = SpanJson(c.span, u16);
    cj["text"] = std::string(c.span.Of(d.text));
    cj["value"] = c.number.value;
    if (c.number.is_range) cj["high"] = c.number.high;
    if (c.number.approximate) cj["approximate"] = true;
    if (c.number.vague) cj["vague"] = true;
    if (!c.number.qualifier.empty()) cj["qualifier"] = c.number.qualifier;
    cj["noun"] = std::string(c.noun.Of(d.text));
    cj["noun_key"] = c.noun_key;
    cs.push_back(std::move(cj));
  }
  j["counts"] = std::move(cs);
  json evs = json::array();
  auto arg = [&](const events::Argument& x) {
    json aj = SpanJson(x.span, u16);
    aj["text"] = std::string(x.span.Of(d.text));
    if (x.mention >= 0) {
      aj["mention"] = x.mention;
      int e = a.entities.entity_of.size() > static_cast<size_t>(x.mention) ? a.entities.entity_of[x.mention] : -1;
      if (e >= 0 && static_cast<size_t>(e) < a.entity_ids.size()) aj["entity_id"] = a.entity_ids[e];
    }
    return aj;
  };
  for (const events::Event& e : a.events) {
    json ej{{"type", e.type}, {"mode", e.mode}, {"trigger", SpanJson(e.trigger, u16)},
            {"trigger_text", std::string(e.trigger.Of(d.text))}, {"sentence", SpanJson(e.sentence, u16)},
            {"modality", events::ModalityName(e.modality)},
            {"confidence", std::round(static_cast<double>(e.confidence) * 1000) / 1000}};
    json agents = json::array(), targets = json::array();
    for (const auto& x : e.agents) agents.push_back(arg(x));
    for (const auto& x : e.targets) targets.push_back(arg(x));
    ej["agents"] = std::move(agents);
    ej["targets"] = std::move(targets);
    if (e.claimed) ej["claimed"] = true;
    if (!e.location.empty()) {
      json lj = SpanJson(e.location, u16);
      lj["text"] = std::string(e.location.Of(d.text));
      if (e.place) {
        lj["id"] = e.place->id;
        lj["name"] = e.place->name;
        if (e.place->has_coordinates) {
          lj["lat"] = e.place->lat;
          lj["lon"] = e.place->lon;
        }
        if (!e.place->country.empty()) lj["country"] = e.place->country;
      }
      if (e.within) lj["within"] = {{"id", e.within->id}, {"name", e.within->name}};
      ej["location"] = std::move(lj);
    }
    ej["date"] = e.date.empty() ? json(nullptr) : json(e.date);
    ej["date_from"] = e.date_from;
    if (!e.date_span.empty()) {
      ej["date_text"] = std::string(e.date_span.Of(d.text));
      ej["date_span"] = SpanJson(e.date_span, u16);
    }
    if (!e.date_relative.empty()) ej["date_relative"] = e.date_relative;
    json counts = json::array();
    for (const auto& c : e.counts) {
      json cj = SpanJson(c.span, u16);
      cj["role"] = c.role;
      cj["value"] = c.value;
      cj["text"] = std::string(c.span.Of(d.text));
      if (c.high != c.value) cj["high"] = c.high;
      if (c.approximate) cj["approximate"] = true;
      if (c.vague) cj["vague"] = true;
      counts.push_back(std::move(cj));
    }
    ej["counts"] = std::move(counts);
    if (!e.reported_by.empty()) {
      ej["reported_by"] = std::string(e.reported_by.Of(d.text));
      ej["reported_by_span"] = SpanJson(e.reported_by, u16);
    }
    evs.push_back(std::move(ej));
  }
  j["events"] = std::move(evs);
  json qs = json::array();
  for (size_t i = 0; i < a.quotes.size(); ++i) {
    const quotes::Quote& q = a.quotes[i];
    int src = quotes::SpeakerSource(a.quotes, static_cast<int>(i));
    Span speaker = src >= 0 ? a.quotes[src].speaker : Span{};
    json qj{{"span", SpanJson(q.span, u16)},
            {"text", std::string(q.span.Of(d.text))},
            {"direct", q.direct},
            {"cue", q.cue.empty() ? json(nullptr) : SpanJson(q.cue, u16)},
            {"cue_lemma", q.cue_lemma},
            {"speaker", speaker.empty() ? json(nullptr) : SpanJson(speaker, u16)},
            {"speaker_text", std::string(speaker.Of(d.text))},
            {"speaker_kind", quotes::SpeakerKindName(q.speaker_kind)},
            {"continuation", q.continuation}};
    if (q.speaker_from >= 0) qj["speaker_from"] = q.speaker_from;
    int se = i < a.quote_speaker.size() ? a.quote_speaker[i] : -1;
    if (se >= 0) {
      qj["speaker_entity"] = se;
      if (static_cast<size_t>(se) < a.entity_ids.size()) qj["speaker_entity_id"] = a.entity_ids[se];
    }
    qs.push_back(std::move(qj));
  }
  j["quotes"] = std::move(qs);
  if (options.tokens) {
    json toks = json::array();
    for (const text::Token& t : a.tokens) {
      json tj{{"surface", std::string(t.span.Of(d.text))},
              {"kind", text::TokenKindName(t.kind)},
              {"normalized", t.norm},
              {"stem", t.stem},
              {"span", SpanJson(t.span, u16)}};
      if (t.body_begin != t.span.begin) tj["body_begin"] = t.body_begin;
      toks.push_back(std::move(tj));
    }
    j["tokens"] = std::move(toks);
  }
  if (options.source_text) j["source_text"] = d.source_text;
  return options.pretty ? j.dump(2, ' ', false, json::error_handler_t::replace)
                        : j.dump(-1, ' ', false, json::error_handler_t::replace);
}

std::string EntitiesJson(const resolve::EntityIndex& index, bool pretty) {
  json list = json::array();
  for (const resolve::Entity* e : index.All()) {
    json ej{{"id", e->id},
            {"type", ner::TypeName(e->type)},
            {"name", e->name},
            {"variants", std::vector<std::string>(e->variants.begin(), e->variants.end())},
            {"mentions", e->mentions},
            {"documents", e->documents}};
    if (!e->roles.empty()) ej["roles"] = std::vector<std::string>(e->roles.begin(), e->roles.end());
    if (!e->first_seen.empty()) {
      ej["first_seen"] = e->first_seen;
      ej["last_seen"] = e->last_seen;
    }
    if (e->gazetteer && e->gazetteer->has_coordinates) {
      ej["lat"] = e->gazetteer->lat;
      ej["lon"] = e->gazetteer->lon;
    }
    if (e->ambiguous) {
      ej["ambiguous"] = true;
      ej["candidates"] = e->candidates;
    }
    list.push_back(std::move(ej));
  }
  json j{{"entities", std::move(list)}};
  return pretty ? j.dump(2, ' ', false, json::error_handler_t::replace)
                : j.dump(-1, ' ', false, json::error_handler_t::replace);
}

namespace {

// At most `max` bytes of s, cut on a character boundary, with "…" when cut.
std::string Clip(std::string_view s, size_t max) {
  if (s.size() <= max) return std::string(s);
  size_t cut = max;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
  return std::string(s.substr(0, cut)) + "…";
}

}  // namespace

std::string Explain(const Analysis& a) {
  const Document& d = a.doc;
  std::ostringstream out;
  out << "== " << d.uri << (d.record.empty() ? "" : " (" + d.record + ")") << "  id " << d.id << "\n";
  out << "title:     " << d.title << "  [" << (d.title_from.empty() ? "none" : d.title_from) << "]\n";
  out << "outlet:    " << (d.outlet.empty() ? "(unknown)" : d.outlet) << "  ["
      << (d.outlet_from.empty() ? "none" : d.outlet_from) << "]\n";
  out << "published: " << (d.published.known() ? d.published.Iso() : "(unknown)") << "  ["
      << (d.published.from.empty() ? "none" : d.published.from) << ", "
      << PrecisionName(d.published.precision) << "]\n";
  if (!d.split_from.empty()) out << "split from: " << d.split_from << " (appended article " << d.part << ")\n";
  for (const auto& id : d.appended) out << "appended:  " << id << "\n";
  out << "encoding:  " << d.encoding << ", " << a.tokens.size() << " tokens, "
      << a.sentences.size() << " sentences\n";
  // Every source line, kept or removed, in source order.
  struct Item {
    uint32_t begin, end;
    std::string tag;
  };
  std::vector<Item> items;
  for (const Removed& r : d.removed) items.push_back({r.source.begin, r.source.end, "- " + r.reason});
  for (const Paragraph& p : d.paragraphs) items.push_back({p.source_begin, p.source_begin + p.span.size(), "+ kept"});
  std::sort(items.begin(), items.end(), [](const Item& x, const Item& y) { return x.begin < y.begin; });
  for (const Item& it : items) {
    std::string_view s = std::string_view(d.source_text).substr(it.begin, it.end - it.begin);
    out << "  " << it.tag << std::string(it.tag.size() < 22 ? 22 - it.tag.size() : 1, ' ') << "| "
        << Clip(s, 160) << "\n";
  }
  // What was read from the clean text: each date with how it was resolved,
  // each count, each quote with its speaker. Offsets are bytes of the clean text.
  auto at = [&](Span sp) {
    return "  [" + std::to_string(sp.begin) + "-" + std::to_string(sp.end) + "] \"" +
           std::string(sp.Of(d.text)) + "\"";
  };
  out << "dates: " << a.dates.size() << "\n";
  for (const dates::DateExpr& x : a.dates) {
    out << at(x.span) << " -> " << (x.value.empty() ? "(unresolved)" : x.value) << "  ["
        << dates::GranularityName(x.granularity) << ", " << dates::ResolutionName(x.resolution)
        << (x.relative.empty() ? "" : ", " + x.relative) << (x.weekday_mismatch ? ", weekday mismatch" : "")
        << "]\n      " << x.explanation << "\n";
  }
  out << "counts: " << a.counts.size() << "\n";
  for (const numbers::Count& c : a.counts) {
    char value[64];
    if (c.number.high != c.number.value) {
      std::snprintf(value, sizeof value, "%g-%g", c.number.value, c.number.high);
    } else {
      std::snprintf(value, sizeof value, "%g", c.number.value);
    }
    out << at(c.span) << " -> " << value << " x " << c.noun_key
        << (c.number.approximate ? "  (approximate)" : "") << "\n";
  }
  out << "quotes: " << a.quotes.size() << "\n";
  for (size_t i = 0; i < a.quotes.size(); ++i) {
    const quotes::Quote& q = a.quotes[i];
    int src = quotes::SpeakerSource(a.quotes, static_cast<int>(i));
    Span who = src >= 0 ? a.quotes[src].speaker : Span{};
    out << "  [" << q.span.begin << "-" << q.span.end << "] " << (q.direct ? "direct" : "indirect")
        << ", cue \"" << q.cue.Of(d.text) << "\", speaker \""
        << (who.empty() ? std::string("(unknown)") : std::string(who.Of(d.text))) << "\""
        << (q.continuation ? " (continues the previous speaker)" : "") << "\n      "
        << Clip(q.span.Of(d.text), 120) << "\n";
  }
  return out.str();
}

}  // namespace rasd
