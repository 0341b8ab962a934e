#include "rasd/pipeline.h"

#include <algorithm>
#include <chrono>

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

std::vector<Span> CapSentences(std::vector<Span> sentences, const std::vector<text::Token>& tokens,
                               size_t max_tokens) {
  if (max_tokens == 0) return sentences;
  std::vector<Span> out;
  out.reserve(sentences.size());
  for (const Span& s : sentences) {
    auto first = std::lower_bound(tokens.begin(), tokens.end(), s.begin,
                                  [](const text::Token& t, uint32_t pos) { return t.span.begin < pos; });
    auto last = std::lower_bound(first, tokens.end(), s.end,
                                 [](const text::Token& t, uint32_t pos) { return t.span.begin < pos; });
    size_t n = static_cast<size_t>(last - first);
    if (n <= max_tokens) {
      out.push_back(s);
      continue;
    }
    for (size_t k = 0; k < n; k += max_tokens) {
      const text::Token& b = first[static_cast<long>(k)];
      const text::Token& e = first[static_cast<long>(std::min(n, k + max_tokens) - 1)];
      out.push_back({b.span.begin, std::min(e.span.end, s.end)});
    }
  }
  return out;
}

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
  const auto start = std::chrono::steady_clock::now();
  // Stages are checked between one another: each is linear or close to it in
  // the tokens of the document, which are bounded.
  auto over_time = [&](const char* stage) -> Status {
    double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (s <= options_.max_seconds) return Status::Ok();
    return Status::ResourceExhausted("analysis took longer than " + std::to_string(options_.max_seconds) +
                                     " s (at " + stage + "; max_seconds)");
  };
  for (Document& d : *docs) {
    Analysis a;
    a.doc = std::move(d);
    const std::string& text = a.doc.text;
    a.tokens = text::Tokenize(text);
    if (a.tokens.size() > options_.max_tokens) {
      return Status::ResourceExhausted("the document has " + std::to_string(a.tokens.size()) +
                                       " tokens, more than the limit of " + std::to_string(options_.max_tokens) +
                                       " (max_tokens)");
    }
    a.sentences = CapSentences(text::SplitSentences(text), a.tokens, options_.max_sentence_tokens);
    RASD_RETURN_IF_ERROR(over_time("tokens"));
    if (recognizer_) {
      a.mentions = recognizer_->Find(text, a.tokens);
      a.entities = resolve::ResolveDocument(text, a.mentions);
    }
    RASD_RETURN_IF_ERROR(over_time("entities"));
    dates::Context dc;
    dc.publication = a.doc.published;
    a.dates = dates::Extract(text, dc);
    a.counts = numbers::ExtractCounts(text, a.tokens, options_.numbers);
    // A bare dual that is a name ("سرمين" the town, "حسين") counts nothing.
    std::erase_if(a.counts, [&](const numbers::Count& c) {
      if (c.span != c.noun || c.number.value != 2) return false;
      for (const ner::Mention& m : a.mentions) {
        if (m.span.begin < c.noun.end && c.noun.begin < m.span.end) return true;
      }
      return false;
    });
    a.quotes = quotes::Extract(text, a.tokens);
    RASD_RETURN_IF_ERROR(over_time("quotes"));
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
    RASD_RETURN_IF_ERROR(over_time("events"));
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
