// Quote extraction over tokens. Three passes: pair the quotation marks of
// each paragraph, find cue words (data/quotes/cues.tsv), then attach each
// quote to a cue and each cue to its speaker phrase. Continuations are
// resolved last, in reading order.
#include "rasd/quotes.h"

#include <algorithm>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "rasd/data.h"
#include "rasd/text.h"

namespace rasd::quotes {
namespace {

using text::Token;
using text::TokenKind;

enum class CueKind { kVerb, kParticiple, kAccording };

struct Cue {
  std::string lemma;
  CueKind kind;
};

struct Lexicon {
  std::unordered_map<std::string, Cue> cues;
  std::unordered_set<std::string> anonymous, organization, role, adjunct, time, anchor;

  Lexicon() {
    for (std::string_view line : data::Lines(data::Get("quotes/cues.tsv"))) {
      auto f = data::Fields(line);
      if (f.size() < 3) continue;
      CueKind kind = f[1] == "participle" ? CueKind::kParticiple
                     : f[1] == "according" ? CueKind::kAccording
                                           : CueKind::kVerb;
      ForEach(f[2], [&](std::string_view form) {
        cues.emplace(text::NormalizeKey(form), Cue{std::string(f[0]), kind});
      });
    }
    for (std::string_view line : data::Lines(data::Get("quotes/speakers.tsv"))) {
      auto f = data::Fields(line);
      if (f.size() < 2) continue;
      std::unordered_set<std::string>* set = f[0] == "anonymous"      ? &anonymous
                                             : f[0] == "organization" ? &organization
                                             : f[0] == "role"         ? &role
                                             : f[0] == "adjunct"      ? &adjunct
                                             : f[0] == "time"         ? &time
                                             : f[0] == "anchor"       ? &anchor
                                                                      : nullptr;
      if (set == nullptr) continue;
      ForEach(f[1], [&](std::string_view w) { set->insert(text::NormalizeKey(w)); });
    }
  }

  template <typename F>
  static void ForEach(std::string_view list, F f) {
    size_t pos = 0;
    while (pos <= list.size()) {
      size_t bar = list.find('|', pos);
      if (bar == std::string_view::npos) bar = list.size();
      if (bar > pos) f(list.substr(pos, bar - pos));
      pos = bar + 1;
    }
  }
};

const Lexicon& Lex() {
  static const Lexicon lex;
  return lex;
}

// The normalized word without a leading conjunction و/ف (and "ك" of كما is not one).
std::string_view WithoutConj(std::string_view norm) {
  if (norm.size() > 4 && (norm.starts_with("و") || norm.starts_with("ف"))) return norm.substr(2);
  return norm;
}

bool IsOpenMark(std::string_view s) { return s == "“" || s == "«" || s == "„" || s == "\""; }
bool IsCloseMark(std::string_view s) { return s == "”" || s == "»" || s == "\""; }
bool IsMark(std::string_view s) { return IsOpenMark(s) || IsCloseMark(s) || s == "“"; }
bool IsTerminal(std::string_view s) { return s == "." || s == "!" || s == "?" || s == "؟"; }
bool IsComma(std::string_view s) { return s == "," || s == "،"; }

// إن / أن / أنّ / إنه / بأن / بأنه / لأن ... normalized: ان, انه, انها, بان, بانه ...
bool IsComplementizer(std::string_view norm) {
  std::string_view w = norm;
  if (w.starts_with("ب")) w.remove_prefix(2);
  return w == "ان" || w == "انه" || w == "انها" || w == "انهم" || w == "انهما" || w == "انني" ||
         w == "اننا";
}

struct Paired {
  size_t open, close;  // token indices; close == end of paragraph when unclosed
  int words;
};

class Extractor {
 public:
  Extractor(std::string_view text, const std::vector<Token>& tokens)
      : text_(text), lex_(Lex()), tokens_(tokens) {
    for (size_t i = 0; i < tokens_.size(); ++i) {
      surface_.push_back(tokens_[i].span.Of(text_));
    }
  }

  std::vector<Quote> Run() {
    PairMarks();
    FindCues();
    for (const Paired& p : long_) AttachDirect(p);
    for (size_t i = 0; i < tokens_.size(); ++i) {
      if (cue_at_.count(i) && !used_cues_.count(i)) AttachIndirect(i);
    }
    std::sort(out_.begin(), out_.end(), [](const Pending& a, const Pending& b) {
      return a.q.span.begin < b.q.span.begin;
    });
    return Resolve();
  }

 private:
  struct Pending {
    Quote q;
    bool needs_speaker = false;  // continuation: find the previous speaker
    bool weak = false;           // "…، بحسب مصدر": dropped when it overlaps another quote
  };

  // A terminal mark that ends a sentence: not inside a quote, not glued
  // between two words ("العربية.نت").
  bool SentenceEnd(size_t k) const {
    if (!IsTerminal(surface_[k]) || in_quote_.count(k)) return false;
    bool glued_prev = k > 0 && tokens_[k - 1].span.end == tokens_[k].span.begin &&
                      tokens_[k - 1].kind != TokenKind::kPunct;
    bool glued_next = k + 1 < tokens_.size() && tokens_[k + 1].span.begin == tokens_[k].span.end &&
                      tokens_[k + 1].kind != TokenKind::kPunct;
    return !(glued_prev && glued_next);
  }

  bool IsPreposition(std::string_view n) const {
    return n == "علي" || n == "عن" || n == "الي" || n == "في" || n == "من" || n == "خلال" ||
           n == "عبر" || n == "بعد" || n == "قبل";
  }

  bool NewParagraph(size_t i) const {
    if (i == 0) return true;
    std::string_view gap = text_.substr(tokens_[i - 1].span.end, tokens_[i].span.begin - tokens_[i - 1].span.end);
    return gap.find('\n') != std::string_view::npos;
  }

  size_t ParagraphEnd(size_t i) const {
    size_t j = i + 1;
    while (j < tokens_.size() && !NewParagraph(j)) ++j;
    return j;
  }

  int CountWords(size_t from, size_t to) const {
    int n = 0;
    for (size_t k = from; k < to; ++k) {
      TokenKind kind = tokens_[k].kind;
      n += kind == TokenKind::kWord || kind == TokenKind::kLatin || kind == TokenKind::kNumber;
    }
    return n;
  }

  // Pairs quotation marks paragraph by paragraph; scraped text mixes styles,
  // reverses “ and ”, and leaves marks unclosed.
  void PairMarks() {
    size_t i = 0;
    while (i < tokens_.size()) {
      size_t end = ParagraphEnd(i);
      constexpr size_t kNone = static_cast<size_t>(-1);
      size_t open = kNone;
      for (size_t k = i; k < end; ++k) {
        std::string_view s = surface_[k];
        if (tokens_[k].kind != TokenKind::kPunct || !IsMark(s)) continue;
        bool glued_next = k + 1 < end && tokens_[k + 1].span.begin == tokens_[k].span.end;
        bool glued_prev = k > i && tokens_[k - 1].span.end == tokens_[k].span.begin;
        if (open == kNone) {
          if (IsOpenMark(s) || (s == "”" && glued_next && !glued_prev)) open = k;
        } else if (IsCloseMark(s) || (s == "“" && glued_prev)) {
          Add(open, k);
          open = kNone;
        }
      }
      if (open != kNone) Add(open, end);
      i = end;
    }
  }

  void Add(size_t open, size_t close) {
    Paired p{open, close, CountWords(open + 1, close)};
    for (size_t k = open; k < close && k < tokens_.size(); ++k) in_quote_[k] = true;
    if (p.words >= 3) {
      long_.push_back(p);
      long_open_.insert(open);
    }
  }

  void FindCues() {
    for (size_t i = 0; i < tokens_.size(); ++i) {
      if (tokens_[i].kind != TokenKind::kWord) continue;
      if (in_quote_.count(i)) continue;  // words inside quotes are not cues
      const std::string& n = tokens_[i].norm;
      auto it = lex_.cues.find(n);
      if (it == lex_.cues.end()) it = lex_.cues.find(std::string(WithoutConj(n)));
      if (it == lex_.cues.end()) continue;
      // "حسب ما رصدت منصة" credits what was observed, not who spoke.
      if (it->second.kind == CueKind::kAccording && i + 1 < tokens_.size() && tokens_[i + 1].norm == "ما") continue;
      // "يُذكر أن" / "يشار إلى أن": the writer's aside, not a speaker's words.
      std::string_view bare = WithoutConj(n);
      if ((bare == "يذكر" || bare == "يشار" || bare == "يقال") && i + 1 < tokens_.size() &&
          (IsComplementizer(tokens_[i + 1].norm) || tokens_[i + 1].norm == "الي")) {
        continue;
      }
      cue_at_[i] = &it->second;
    }
  }

  bool IsTimeWord(size_t k) const {
    return lex_.time.count(std::string(WithoutConj(tokens_[k].norm))) > 0;
  }

  // The speaker phrase in tokens [from, to): stops at a complementizer, a
  // colon or a long quote, and drops adjuncts ("في تصريحات", "، يوم أمس").
  Span SpeakerPhrase(size_t from, size_t to) const {
    size_t end = from;
    int commas = 0;
    if (from < to) {
      std::string_view first = tokens_[from].norm;
      if (IsPreposition(first)) return {};
      if (first.starts_with("ل") && first.size() > 4) {
        std::string rest(first.substr(2));
        if (lex_.adjunct.count(rest) || lex_.adjunct.count(text::LightStem(rest))) return {};
      }
    }
    for (size_t k = from; k < to; ++k) {
      std::string_view s = surface_[k];
      const std::string& n = tokens_[k].norm;
      if (IsComplementizer(n) || s == ":" || IsTerminal(s) || long_open_.count(k)) break;
      if (IsComma(s) && ++commas == 2 && !(k + 1 < to && (tokens_[k + 1].norm == "وهو" || tokens_[k + 1].norm == "وهي"))) {
        break;  // "X، NAME، ..." : the appositive is closed
      }
      if (IsComma(s) && k + 1 < to) {
        const std::string& next = tokens_[k + 1].norm;
        std::string bare(WithoutConj(next));
        if (IsTimeWord(k + 1) || bare == "في" || bare == "خلال" || bare == "عبر" || bare == "حسب" ||
            bare == "بحسب" || bare == "بحضور" || bare == "وفق" || bare == "وفقا" || bare == "بعد" ||
            bare == "قبل" || bare == "امام" || bare == "بمناسبه" || bare == "مضيفا" ||
            IsComplementizer(next) || lex_.cues.count(bare)) {
          break;
        }
      }
      if ((n == "في" || n == "خلال" || n == "عبر" || n == "امام") && k + 1 < to) {
        std::string next = text::LightStem(tokens_[k + 1].norm);
        if (lex_.adjunct.count(tokens_[k + 1].norm) || lex_.adjunct.count(next) ||
            IsTimeWord(k + 1)) {
          break;
        }
      }
      if (k > from && IsTimeWord(k)) break;
      // "قال لمنصة SY24": ل + a medium is where it was said, not who said it.
      if (k > from && tokens_[k].body_begin > tokens_[k].span.begin && n.starts_with("ل") &&
          lex_.adjunct.count(std::string(std::string_view(n).substr(2)))) {
        break;
      }
      if (k > from && n.starts_with("ل") && n.size() > 4) {
        std::string_view rest = std::string_view(n).substr(2);
        if (rest == "منصه" || rest == "قناه" || rest == "صحيفه" || rest == "وكاله" || rest == "موقع") break;
      }
      end = k + 1;
    }
    // Trim trailing punctuation and prepositions left before a complementizer.
    while (end > from) {
      std::string_view s = surface_[end - 1];
      const std::string& n = tokens_[end - 1].norm;
      if (tokens_[end - 1].kind == TokenKind::kPunct && !IsCloseMark(s) && s != ")") {
        --end;
      } else if (n == "الي" || n == "علي" || n == "من" || n == "عن" || n == "بالقول") {
        --end;
      } else {
        break;
      }
    }
    // Leading punctuation.
    size_t begin = from;
    while (begin < end && tokens_[begin].kind == TokenKind::kPunct && !IsOpenMark(surface_[begin])) ++begin;
    if (begin >= end) return {};
    return {tokens_[begin].span.begin, tokens_[end - 1].span.end};
  }

  SpeakerKind Classify(Span speaker) const {
    if (speaker.empty()) return SpeakerKind::kUnknown;
    std::vector<const Token*> words;
    for (const Token& t : tokens_) {
      if (t.span.begin >= speaker.begin && t.span.end <= speaker.end && t.kind == TokenKind::kWord) {
        words.push_back(&t);
      }
    }
    if (words.empty()) return SpeakerKind::kNamed;
    std::string head(WithoutConj(words[0]->norm));
    bool appositive = speaker.Of(text_).find("،") != std::string_view::npos ||
                      speaker.Of(text_).find(',') != std::string_view::npos;
    if (lex_.anonymous.count(head) && !appositive) return SpeakerKind::kAnonymous;
    if (lex_.organization.count(head) && !appositive) return SpeakerKind::kOrganization;
    return SpeakerKind::kNamed;
  }

  // The cue before a long quote (same sentence), or right after it.
  void AttachDirect(const Paired& p) {
    Pending pd;
    pd.q.direct = true;
    size_t b = p.open + 1, e = p.close;
    while (e > b && tokens_[e - 1].kind == TokenKind::kPunct && !IsCloseMark(surface_[e - 1]) &&
           surface_[e - 1] != ")") {
      --e;  // an unclosed quote runs to the paragraph end: drop its final punctuation
    }
    if (b >= e) return;
    pd.q.span = {tokens_[b].span.begin, tokens_[e - 1].span.end};
    // Closing marks inside an unclosed quote's tail are trimmed by span already.
    std::optional<size_t> cue;
    bool after_quote = false;  // another quote earlier in the same sentence
    size_t stop = p.open >= 40 ? p.open - 40 : 0;
    for (size_t k = p.open; k-- > stop;) {
      if (NewParagraph(k + 1)) break;  // k is in an earlier paragraph
      if (SentenceEnd(k)) break;
      if (long_open_.count(k)) {
        after_quote = true;
        break;
      }
      if (cue_at_.count(k)) {
        cue = k;
        break;
      }
    }
    // A short quoted phrase is a quote only right after a cue, إن/أن or a colon;
    // otherwise it is a name or a term in quotation marks ("المستهدف هو "…"").
    if (p.words <= 4 && p.open > 0) {
      std::string_view before = surface_[p.open - 1];
      bool introduced = before == ":" || IsComplementizer(tokens_[p.open - 1].norm) ||
                        cue_at_.count(p.open - 1) > 0;
      if (!introduced) return;
    }
    if (cue) {
      SetCue(&pd, *cue, SpeakerPhrase(*cue + 1, p.open));
      out_.push_back(pd);
      return;
    }
    // "…"، قال X.
    size_t k = p.close + 1;
    while (k < tokens_.size() && IsComma(surface_[k])) ++k;
    if (k < tokens_.size() && !NewParagraph(k) && cue_at_.count(k) && cue_at_.at(k)->kind == CueKind::kVerb) {
      size_t end = k + 1;
      while (end < tokens_.size() && !NewParagraph(end) && !SentenceEnd(end)) ++end;
      SetCue(&pd, k, SpeakerPhrase(k + 1, end));
      out_.push_back(pd);
      return;
    }
    if (after_quote) {  // "قال: “…” لكن “…”": the same speaker goes on
      pd.q.continuation = true;
      pd.needs_speaker = true;
      out_.push_back(pd);
      return;
    }
    if (p.words >= 5 && NewParagraph(p.open)) {  // a quoted paragraph with no cue
      pd.q.speaker_kind = SpeakerKind::kUnknown;
      out_.push_back(pd);
    }
  }

  void SetCue(Pending* pd, size_t cue, Span speaker) {
    used_cues_.insert(cue);
    const Cue* c = cue_at_.at(cue);
    pd->q.cue = tokens_[cue].span;
    pd->q.cue_lemma = c->lemma;
    if (c->kind == CueKind::kParticiple) {
      // "مضيفاً أن": the subject of the sentence's verb; when that verb is a quote
      // cue, its quote comes just before and is continued.
      speaker = ParticipleSubject(cue);
    } else if (c->kind == CueKind::kAccording && !speaker.empty()) {
      size_t comma = speaker.Of(text_).find("،");
      if (comma == std::string_view::npos) comma = speaker.Of(text_).find(',');
      if (comma != std::string_view::npos) {
        std::string_view head = speaker.Of(text_).substr(0, comma);
        while (!head.empty() && head.back() == ' ') head.remove_suffix(1);
        speaker.end = speaker.begin + static_cast<uint32_t>(head.size());
      }
    } else if (speaker.empty()) {
      speaker = PreverbalSubject(cue);
      if (speaker.empty()) speaker = AnchorSubject(cue);
    }
    pd->q.speaker = speaker;
    if (speaker.empty()) {
      pd->q.continuation = true;
      pd->needs_speaker = true;
    } else {
      pd->q.speaker_kind = Classify(speaker);
    }
  }

  // "وكان المحلل X قال": a subject between كان and the verb.
  Span PreverbalSubject(size_t cue) const {
    for (size_t k = cue; k-- > 0;) {
      if (NewParagraph(k + 1) || SentenceEnd(k) || cue_at_.count(k)) break;
      std::string_view n = WithoutConj(tokens_[k].norm);
      if (n == "كان" || n == "كانت" || n == "كانوا") return SpeakerPhrase(k + 1, cue);
      if (cue - k > 20) break;
    }
    return {};
  }

  Span ParticipleSubject(size_t cue) const {
    for (size_t k = cue; k-- > 0;) {
      if (NewParagraph(k + 1) || SentenceEnd(k)) break;
      if (cue_at_.count(k) && cue_at_.at(k)->kind == CueKind::kVerb) {
        if (used_cues_.count(k)) return {};  // the verb's own quote comes just before: continue it
        return AnchorSubject(cue);
      }
      std::string bare(WithoutConj(tokens_[k].norm));
      if (lex_.anchor.count(bare)) return AnchorSubject(cue);
    }
    return {};
  }

  // For a cue with no subject of its own: the subject of an anchor verb
  // earlier in the same sentence ("أشاد ماروتو ...، مضيفاً أن ...").
  Span AnchorSubject(size_t cue) const {
    for (size_t k = cue; k-- > 0;) {
      if (NewParagraph(k + 1)) break;
      if (SentenceEnd(k)) break;
      std::string bare(WithoutConj(tokens_[k].norm));
      bool anchor = lex_.anchor.count(bare) || (cue_at_.count(k) && cue_at_.at(k)->kind == CueKind::kVerb);
      if (anchor && k + 1 < cue) {
        // The subject runs to the next preposition-led adjunct or comma.
        size_t end = k + 1;
        while (end < cue) {
          const std::string& n = tokens_[end].norm;
          if (tokens_[end].kind == TokenKind::kPunct && !IsMark(surface_[end])) break;
          if (end > k + 1 && (n.starts_with("ب") || n == "في" || n == "علي" || n == "علي" ||
                              n == "من" || n == "الي" || n == "عن")) {
            break;
          }
          if (IsComplementizer(n)) break;
          ++end;
        }
        Span s = SpeakerPhrase(k + 1, end);
        if (s.empty()) s = PreverbalSubject(k);
        if (!s.empty()) return s;
      }
    }
    return {};
  }

  // "قال X إن …", "مشيراً إلى أن …", "وبحسب X، فإن …".
  void AttachIndirect(size_t cue) {
    const Cue* c = cue_at_.at(cue);
    size_t end = cue + 1;
    while (end < tokens_.size() && !NewParagraph(end) &&
           !(SentenceEnd(end))) {
      ++end;
    }
    if (c->kind == CueKind::kAccording) {
      // "وبحسب X، (NAME،) فإن …": speaker up to فإن, the quote after it; else up
      // to the first comma. "…، بحسب مصدر." puts the attribution last.
      size_t k = cue + 1;
      if (k < end && (tokens_[k].norm == "ل" || tokens_[k].norm == "عن")) ++k;
      size_t fa = k;
      while (fa < end && !(tokens_[fa].norm == "فان" || tokens_[fa].norm == "فانه" || tokens_[fa].norm == "فانها")) ++fa;
      size_t comma = k;
      while (comma < end && !IsComma(surface_[comma])) ++comma;
      Pending pd;
      if (fa + 1 < end) {
        size_t q = fa + 1;
        if (long_open_.count(q)) return;
        pd.q.span = {tokens_[q].span.begin, tokens_[end - 1].span.end};
        used_cues_.insert(cue);
        const Cue* c2 = cue_at_.at(cue);
        pd.q.cue = tokens_[cue].span;
        pd.q.cue_lemma = c2->lemma;
        size_t last = fa;
        while (last > k && tokens_[last - 1].kind == TokenKind::kPunct) --last;
        if (last <= k) return;
        pd.q.speaker = {tokens_[k].span.begin, tokens_[last - 1].span.end};
        pd.q.speaker_kind = Classify(pd.q.speaker);
      } else if (comma + 1 < end) {
        size_t q = comma + 1;
        if (q >= end || long_open_.count(q)) return;
        pd.q.span = {tokens_[q].span.begin, tokens_[end - 1].span.end};
        SetCue(&pd, cue, SpeakerPhrase(k, comma));
      } else if (cue > 0 && end - cue <= 8) {
        size_t start = cue;
        while (start > 0 && !NewParagraph(start) && !SentenceEnd(start - 1)) --start;
        size_t last = cue;
        while (last > start && tokens_[last - 1].kind == TokenKind::kPunct) --last;
        if (last <= start || CountWords(start, last) < 3) return;
        pd.q.span = {tokens_[start].span.begin, tokens_[last - 1].span.end};
        pd.weak = true;
        SetCue(&pd, cue, SpeakerPhrase(k, end));
      } else {
        return;
      }
      if (pd.q.speaker.empty() || pd.q.continuation) return;
      out_.push_back(pd);
      return;
    }
    // Verb or participle: find the complementizer.
    size_t comp = cue + 1;
    while (comp < end && comp < cue + 40 && !IsComplementizer(tokens_[comp].norm) &&
           !long_open_.count(comp) && surface_[comp] != ":" && !cue_at_.count(comp)) {
      ++comp;
    }
    if (comp >= end || comp >= cue + 40 || !IsComplementizer(tokens_[comp].norm)) return;
    size_t q = comp + 1;
    if (q >= end || long_open_.count(q)) return;  // a direct quote follows: handled there
    if (CountWords(q, end) < 3) return;
    Pending pd;
    pd.q.direct = false;
    pd.q.span = {tokens_[q].span.begin, tokens_[end - 1].span.end};
    // The quote ends where a later cue starts a new attribution in the sentence.
    for (size_t k = q; k < end; ++k) {
      if (k > q && cue_at_.count(k) && cue_at_.at(k)->kind == CueKind::kParticiple) {
        size_t last = k;
        while (last > q && tokens_[last - 1].kind == TokenKind::kPunct) --last;
        if (last > q) pd.q.span.end = tokens_[last - 1].span.end;
        break;
      }
    }
    SetCue(&pd, cue, SpeakerPhrase(cue + 1, comp));
    out_.push_back(pd);
  }

  bool HasName(Span s) const {
    for (const Token& t : tokens_) {
      if (t.span.begin < s.begin || t.span.end > s.end) continue;
      if (t.kind == TokenKind::kLatin) return true;
      if (t.kind != TokenKind::kWord) continue;
      std::string_view n = WithoutConj(t.norm);
      if (n.starts_with("ال") || lex_.role.count(std::string(n))) continue;
      if (n == "باسم" || n == "في" || n == "من" || n == "عن" || n == "الي" || n == "علي" || n == "و") continue;
      if (n.starts_with("لل") || n.starts_with("بال")) continue;
      return true;
    }
    return false;
  }

  // A description like "المسؤول الأميركي" refers back to a named speaker
  // with the same role word or nationality adjective.
  int Antecedent(const std::vector<Quote>& done, Span s) const {
    if (HasName(s)) return -1;
    std::vector<std::string> words;
    for (const Token& t : tokens_) {
      if (t.span.begin >= s.begin && t.span.end <= s.end && t.kind == TokenKind::kWord) {
        words.push_back(std::string(WithoutConj(t.norm)));
      }
    }
    if (words.empty() || !lex_.role.count(words[0])) return -1;
    for (int i = static_cast<int>(done.size()) - 1; i >= 0; --i) {
      const Quote& q = done[i];
      if (q.speaker.empty() || q.speaker_kind != SpeakerKind::kNamed || !HasName(q.speaker)) continue;
      std::string_view prev = q.speaker.Of(text_);
      std::string prev_norm = text::NormalizeKey(prev);
      for (const std::string& w : words) {
        bool nisba = w.size() > 6 && w.ends_with("ي");
        if ((w == words[0] || nisba) && prev_norm.find(w) != std::string::npos) return i;
      }
    }
    return -1;
  }

  std::vector<Quote> Resolve() {
    std::vector<Quote> done;
    // Drop an indirect quote that starts inside another quote, and an
    // end-of-sentence attribution that overlaps another quote.
    auto overlaps = [](const Quote& a, const Quote& b) {
      return a.span.begin < b.span.end && b.span.begin < a.span.end;
    };
    for (Pending& pd : out_) {
      bool drop = false;
      for (const Pending& other : out_) {
        if (&other == &pd || other.weak) continue;
        if (pd.weak && overlaps(pd.q, other.q)) drop = true;
        if (!pd.q.direct && pd.q.span.begin > other.q.span.begin &&
            pd.q.span.begin < other.q.span.end) {
          drop = true;
        }
      }
      if (drop) continue;
      Quote q = pd.q;
      if (pd.needs_speaker) {
        for (int i = static_cast<int>(done.size()) - 1; i >= 0; --i) {
          if (!done[i].speaker.empty() || done[i].speaker_from >= 0) {
            q.speaker_from = done[i].speaker.empty() ? done[i].speaker_from : i;
            q.speaker_kind = done[i].speaker_kind;
            break;
          }
        }
      } else if (!q.speaker.empty()) {
        int a = Antecedent(done, q.speaker);
        if (a >= 0) q.speaker_from = a;
      }
      done.push_back(q);
    }
    return done;
  }

  std::string_view text_;
  const Lexicon& lex_;
  const std::vector<Token>& tokens_;
  std::vector<std::string_view> surface_;
  std::vector<Paired> long_;
  std::unordered_set<size_t> long_open_;
  std::unordered_map<size_t, bool> in_quote_;
  std::unordered_map<size_t, const Cue*> cue_at_;
  std::unordered_set<size_t> used_cues_;
  std::vector<Pending> out_;
};

}  // namespace

const char* SpeakerKindName(SpeakerKind k) {
  switch (k) {
    case SpeakerKind::kNamed: return "named";
    case SpeakerKind::kOrganization: return "organization";
    case SpeakerKind::kAnonymous: return "anonymous";
    case SpeakerKind::kUnknown: return "unknown";
  }
  return "unknown";
}

std::vector<Quote> Extract(std::string_view text) {
  std::vector<text::Token> tokens = text::Tokenize(text);
  return Extractor(text, tokens).Run();
}

std::vector<Quote> Extract(std::string_view text, const std::vector<text::Token>& tokens) {
  return Extractor(text, tokens).Run();
}

int SpeakerSource(const std::vector<Quote>& qs, int i) {
  int guard = 0;
  while (i >= 0 && i < static_cast<int>(qs.size()) && qs[i].speaker_from >= 0 && guard++ < 1000) {
    i = qs[i].speaker_from;
  }
  return i;
}

}  // namespace rasd::quotes
