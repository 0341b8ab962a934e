#include "rasd/pipeline.h"

namespace rasd {
namespace {

// The document entity that speaks a quote: a person named inside the speaker
// phrase (the last one: "المتحدث باسم التحالف، العقيد واين ماروتو"), else an
// organisation there, else none.
int SpeakerEntity(const Analysis& a, const quotes::Quote& q, Span speaker) {
  if (speaker.empty()) return -1;
  int person = -1, other = -1;
  for (size_t i = 0; i < a.mentions.size(); ++i) {
    const ner::Mention& m = a.mentions[i];
    if (m.span.begin < speaker.begin || m.span.end > speaker.end) continue;
    int e = a.entities.entity_of[i];
    if (e < 0) continue;
    if (m.type == ner::EntityType::kPer) {
      person = e;
    } else if (other < 0 && (m.type == ner::EntityType::kOrg || m.type == ner::EntityType::kGpe)) {
      other = e;
    }
  }
  (void)q;
  return person >= 0 ? person : other;
}

}  // namespace

Analyzer::Analyzer(AnalyzeOptions options) : options_(std::move(options)) {
  if (options_.entities) recognizer_ = &ner::Recognizer::Default();
}

Analyzer::Analyzer(AnalyzeOptions options, const ner::Recognizer* recognizer)
    : options_(std::move(options)), recognizer_(recognizer) {}

StatusOr<std::vector<Analysis>> Analyzer::Analyze(const RawDoc& raw) const {
  auto source = ingest::Decode(raw, options_.decode);
  if (!source.ok()) return source.status();
  auto docs = clean::Clean(raw, *source, options_.clean);
  if (!docs.ok()) return docs.status();
  std::vector<Analysis> out;
  out.reserve(docs->size());
  for (Document& d : *docs) {
    Analysis a;
    a.doc = std::move(d);
    const std::string& text = a.doc.text;
    a.tokens = text::Tokenize(text);
    a.sentences = text::SplitSentences(text);
    if (recognizer_) {
      a.mentions = recognizer_->Find(text, a.tokens);
      a.entities = resolve::ResolveDocument(text, a.mentions);
    }
    dates::Context dc;
    dc.publication = a.doc.published;
    a.dates = dates::Extract(text, dc);
    a.counts = numbers::ExtractCounts(text, options_.numbers);
    // A bare dual that is a name ("سرمين" the town, "حسين") counts nothing.
    std::erase_if(a.counts, [&](const numbers::Count& c) {
      if (c.span != c.noun || c.number.value != 2) return false;
      for (const ner::Mention& m : a.mentions) {
        if (m.span.begin < c.noun.end && c.noun.begin < m.span.end) return true;
      }
      return false;
    });
    a.quotes = quotes::Extract(text, a.tokens);
    events::Inputs ei;
    ei.text = text;
    ei.tokens = &a.tokens;
    ei.sentences = &a.sentences;
    ei.mentions = &a.mentions;
    ei.dates = &a.dates;
    ei.counts = &a.counts;
    ei.quotes = &a.quotes;
    ei.published = a.doc.published;
    a.events = events::Extract(ei, options_.events);
    for (size_t i = 0; i < a.quotes.size(); ++i) {
      int src = quotes::SpeakerSource(a.quotes, static_cast<int>(i));
      Span speaker = src >= 0 ? a.quotes[src].speaker : Span{};
      a.quote_speaker.push_back(SpeakerEntity(a, a.quotes[i], speaker));
    }
    out.push_back(std::move(a));
  }
  return out;
}

void AssignEntityIds(resolve::EntityIndex* index, Analysis* a) {
  a->entity_ids = index->Add(a->entities, a->doc.id, a->doc.published);
}

}  // namespace rasd
