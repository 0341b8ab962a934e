// Event extraction over sentences: group a sentence's triggers by type, find
// the arguments around them, read modality, score the sentence, and merge
// consecutive reports of the same event within a paragraph.
#include <algorithm>
#include <map>
#include <set>

#include "extract/events/sentence.h"
#include "rasd/events.h"

namespace rasd::events {
namespace {

// More specific modes win when a sentence has several triggers of one type.
int ModeRank(std::string_view mode) {
  static const char* kOrder[] = {"aerial", "bombing", "shelling", "armed-clash", "assassination",
                                 "abduction", "arrest", "raid", "seize", "withdraw", "release",
                                 "deploy", "attack", "killing"};
  for (int i = 0; i < static_cast<int>(std::size(kOrder)); ++i) {
    if (mode == kOrder[i]) return i;
  }
  return 50;
}

bool IsPunct(const text::Token& t, std::string_view p) {
  return t.kind == text::TokenKind::kPunct && t.norm == p;
}

bool IsComma(const text::Token& t) { return IsPunct(t, ",") || IsPunct(t, "،"); }

bool IsQuoteMark(const text::Token& t) {
  return IsPunct(t, "“") || IsPunct(t, "”") || IsPunct(t, "\"") || IsPunct(t, "«") || IsPunct(t, "»");
}

// A word that starts a new conjunct: its proclitics begin with و ("وأُصيب").
bool StartsConjunct(const text::Token& t) { return t.norm.starts_with("و") && t.body_begin != t.span.begin; }

// The normalized word without a conjunction و the tokenizer split off.
std::string_view WithoutConjunction(const text::Token& t) {
  std::string_view n = t.norm;
  if (StartsConjunct(t)) n.remove_prefix(2);
  return n;
}

// Words that end a noun phrase.
bool EndsPhrase(const text::Token& t) {
  if (t.kind == text::TokenKind::kPunct) {
    return t.norm == "," || t.norm == "." || t.norm == ";" || t.norm == ":" || t.norm == "(" ||
           t.norm == ")";
  }
  const std::string& n = t.norm;
  return n == "في" || n == "قرب" || n == "بالقرب" || n == "خلال" || n == "عبر" || n == "بعد" ||
         n == "قبل" || n == "منذ" || n == "عند" || n == "الي" || n == "مما" || n == "حيث" ||
         n == "الذي" || n == "التي" || n == "امس" || n == "اليوم" || n == "يوم" || n == "ضد" ||
         n == "علي" || n == "ان" || n == "انه" || n == "بان" || n == "لكن" || n == "بينما";
}

class DocExtractor {
 public:
  DocExtractor(const Inputs& in, const Options& options)
      : in_(in), options_(options), lex_(Lexicon::Default()), scorer_(Scorer::Default()) {
    const auto& tokens = *in.tokens;
    stems_.reserve(tokens.size());
    for (const text::Token& t : tokens) stems_.push_back(WordKey(t));
  }

  std::vector<Event> Run() {
    std::vector<Event> out;
    const auto& tokens = *in_.tokens;
    size_t ti = 0;
    for (Span sent : *in_.sentences) {
      SentenceView s;
      s.in = &in_;
      s.stems = &stems_;
      s.span = sent;
      while (ti < tokens.size() && tokens[ti].span.begin < sent.begin) ++ti;
      s.begin = ti;
      while (ti < tokens.size() && tokens[ti].span.end <= sent.end) ++ti;
      s.end = ti;
      if (s.begin == s.end) continue;
      Fill(&s);
      s.triggers = lex_.Triggers(tokens, stems_, s.begin, s.end);
      if (s.triggers.empty()) continue;
      std::map<std::string, std::vector<const TriggerMatch*>> by_type;
      for (const TriggerMatch& t : s.triggers) {
        if (Anaphoric(s, t)) continue;  // "هذه الغارة": an event told before
        if (InsideName(s, t)) continue;  // "الحشد الشعبي", "إدارة العمليات العسكرية"
        by_type[t.form->type].push_back(&t);
      }
      for (auto& [type, trig] : by_type) {
        // Only instruments ("طائرة مسيّرة") and no act: not an event by itself.
        bool act = false;
        for (const TriggerMatch* t : trig) act = act || t->form->part != Part::kInstrument;
        if (!act) continue;
        Event e = Build(s, type, trig, 0);
        e.confidence = Confidence(s, type, e);
        if (e.confidence < options_.min_confidence && !options_.keep_all) continue;
        out.push_back(std::move(e));
      }
    }
    FoldSupport(&out);
    MergeRepeats(&out);
    return out;
  }

 private:
  template <typename T, typename F>
  static void Within(const std::vector<T>& items, Span sent, F span_of, std::vector<int>* out) {
    for (size_t i = 0; i < items.size(); ++i) {
      Span sp = span_of(items[i]);
      if (sp.begin >= sent.begin && sp.end <= sent.end) out->push_back(static_cast<int>(i));
    }
  }

  void Fill(SentenceView* s) const {
    if (in_.mentions) Within(*in_.mentions, s->span, [](const ner::Mention& m) { return m.span; }, &s->mentions);
    if (in_.dates) Within(*in_.dates, s->span, [](const dates::DateExpr& d) { return d.span; }, &s->dates);
    if (in_.counts) Within(*in_.counts, s->span, [](const numbers::Count& c) { return c.span; }, &s->counts);
  }

  bool InsideName(const SentenceView& s, const TriggerMatch& t) const {
    Span ts{s.tok(t.begin).body_begin, s.tok(t.end - 1).span.end};
    for (int m : s.mentions) {
      const ner::Mention& mm = s.mention(m);
      if (mm.type == ner::EntityType::kNorp) continue;
      if (mm.span.begin < ts.end && ts.begin < mm.span.end) return true;
    }
    return false;
  }

  bool Anaphoric(const SentenceView& s, const TriggerMatch& t) const {
    if (t.begin > s.begin) {
      const std::string& prev = s.tok(t.begin - 1).norm;
      if (prev == "هذه" || prev == "هذا" || prev == "تلك" || prev == "ذلك") return true;
    }
    if (t.end < s.end) {
      const std::string& next = s.tok(t.end).norm;
      if (next == "هذه" || next == "هذا" || next == "المماثله" || next == "مماثله" || next == "السابقه") return true;
    }
    return false;
  }

  // The mention that covers token i, if any.
  int MentionAt(const SentenceView& s, size_t i) const {
    const text::Token& t = s.tok(i);
    for (int m : s.mentions) {
      const Span sp = s.mention(m).span;
      if (sp.begin <= t.span.begin && t.span.end <= sp.end) return m;
      if (t.body_begin >= sp.begin && t.span.end <= sp.end) return m;
    }
    return -1;
  }

  // A noun phrase starting at token i: the head (a number and "من" + noun
  // count as one head: "اثنين من الإرهابيين"), then its adjectives (same
  // definiteness), construct-state nouns ("زعيمة المعارضة"), the rest of a
  // named entity it starts, and "على صلة ب…" attachments. At most 10 tokens,
  // and none from `stop` on.
  Argument Phrase(const SentenceView& s, size_t i, size_t stop = SIZE_MAX) const {
    Argument a;
    if (i >= s.end || EndsPhrase(s.tok(i))) return a;
    auto definite = [&](size_t k) {
      std::string_view n = s.tok(k).norm;
      if (n.starts_with("و")) n.remove_prefix(2);
      return n.starts_with("ال") || n.starts_with("بال") || n.starts_with("لل");
    };
    size_t j = i + 1;
    const size_t limit = std::min({s.end, i + 10, stop});
    int m = MentionAt(s, i);
    while (j < limit) {
      const text::Token& t = s.tok(j);
      // Inside the same named entity: keep going.
      if (m >= 0 && t.span.end <= s.mention(m).span.end) {
        ++j;
        continue;
      }
      if (EndsPhrase(t)) {
        if (t.norm == "علي" && j + 2 < s.end && s.tok(j + 1).norm == "صله") {
          j += 2;  // "على صلة بـ…": part of the description
          continue;
        }
        break;
      }
      if (t.kind == text::TokenKind::kPunct) {
        if (IsQuoteMark(t)) {
          ++j;  // quotation marks around a word of the phrase
          continue;
        }
        break;
      }
      const text::Token& prev = s.tok(j - 1);
      bool after_number = prev.kind == text::TokenKind::kNumber || IsNumberWord(prev.norm);
      if (t.norm == "من" && after_number) {
        ++j;
        continue;
      }
      if (StartsConjunct(t)) break;
      int tm = MentionAt(s, j);
      if (tm >= 0 && tm != m && s.mention(tm).span.begin == t.body_begin) {
        // A name right after an indefinite head is its complement ("خلية تنظيم داعش").
        if (!definite(j - 1)) {
          m = tm;
          ++j;
          continue;
        }
        break;
      }
      bool adjective = definite(j) == definite(j - 1) && LooksAdjectival(t);
      bool construct = !definite(j - 1) && definite(j);
      if (adjective || construct || after_number) {
        ++j;
        continue;
      }
      break;
    }
    while (j > i && s.tok(j - 1).kind == text::TokenKind::kPunct && !IsPunct(s.tok(j - 1), "”") &&
           !IsPunct(s.tok(j - 1), "\"")) {
      --j;
    }
    if (j <= i) return a;
    a.span = {s.tok(i).body_begin, s.tok(j - 1).span.end};
    a.mention = MentionAt(s, i);
    if (a.mention < 0) {
      for (size_t k = i; k < j && a.mention < 0; ++k) {
        int mm = MentionAt(s, k);
        if (mm >= 0 && s.mention(mm).type != ner::EntityType::kNorp) a.mention = mm;
      }
    }
    return a;
  }

  // Whether an argument can start at token i: not a function word, and not a
  // verb ("طرحت", "يقوم") unless a name starts there. The hand check in docs/events.md
  // found targets that were "مع", "كما" or the next verb.
  bool CanHeadArgument(const SentenceView& s, size_t i) const {
    if (i >= s.end) return false;
    const text::Token& t = s.tok(i);
    if (t.kind != text::TokenKind::kWord && t.kind != text::TokenKind::kNumber) return false;
    if (MentionAt(s, i) >= 0) return true;
    std::string_view n = WithoutConjunction(t);
    // Not "من" or "ما": "قتل ما لا يقل عن 20", "اعتقال من تبقى".
    static const std::set<std::string, std::less<>> kFunction = [] {
      std::set<std::string, std::less<>> keys;
      for (const char* w : {"مع", "عن", "بين", "حول", "لدي", "امام", "كما", "قد", "لقد", "لم", "لن", "لا", "هو",
                            "هي", "هم", "ذلك", "هذا", "هذه", "تلك", "ايضا", "كان", "كانت", "تم", "وقد", "اذ", "اذا",
                            "او", "ثم", "حتي", "لدى", "الا", "غير", "منها", "منه", "عليه", "عليها", "له", "لها"}) {
        keys.insert(text::NormalizeKey(w));
      }
      return keys;
    }();
    if (kFunction.count(n)) return false;
    // A past verb of the feminine or first person ("طرحت", "أكدت"): ت after a
    // root of three letters or more, not the plural "ات".
    if (n.ends_with("ت") && !n.ends_with("ات") && !n.starts_with("ال") && n.size() >= 8) return false;
    // A present-tense verb ("يقوم", "يستهدف"): few nouns start with ي.
    if (n.starts_with("ي") && n.size() >= 8) return false;
    return true;
  }

  // The subject written before a verb at token v: the noun after "أن"/"إن"
  // or "كان" within the clause ("أن مسلحين مجهولين اغتالوا", "وكانت الكتائب
  // قد أطلقت"), or a noun phrase that opens the sentence right before it
  // ("مسلحون هاجموا"). Empty when the verb comes first, as news Arabic
  // mostly writes it.
  Argument PreverbalSubject(const SentenceView& s, size_t v) const {
    const size_t from = v >= s.begin + 8 ? v - 8 : s.begin;
    for (size_t k = v; k-- > from;) {
      const text::Token& t = s.tok(k);
      if (t.kind == text::TokenKind::kPunct && !IsQuoteMark(t)) return {};  // the clause starts after it
      std::string_view n = WithoutConjunction(t);
      if (n != "ان" && n != "بان" && n != "لان" && n != "كان" && n != "كانت") continue;
      size_t c = k + 1;
      while (c < v && IsQuoteMark(s.tok(c))) ++c;
      // "قد" or "لقد" between the subject and a verb after كان.
      size_t stop = v;
      if (stop > c && (s.tok(stop - 1).norm == "قد" || s.tok(stop - 1).norm == "لقد")) --stop;
      if (c >= stop || !CanHeadArgument(s, c)) return {};
      return Phrase(s, c, stop);
    }
    if (v > s.begin && CanHeadArgument(s, s.begin)) {
      Argument a = Phrase(s, s.begin, v);
      if (!a.span.empty() && a.span.end == s.tok(v - 1).span.end) return a;
    }
    return {};
  }

  // A past verb with the plural ending ("خطفوا", "فجروا"): its subject is not after it.
  static bool PluralVerb(const text::Token& t) {
    return t.norm.ends_with("وا") && t.norm.size() >= 8;
  }

  // "نفسه", "أنفسهم": the one who acts, told again; neither agent nor target.
  static bool Reflexive(const text::Token& t) {
    std::string_view n = t.norm;
    if (n.starts_with("ب")) n.remove_prefix(2);
    return n.starts_with("نفس") || n.starts_with("انفس");
  }

  static bool Definite(const text::Token& t) {
    std::string_view n = t.norm;
    if (n.starts_with("و") || n.starts_with("ف")) n.remove_prefix(2);
    return n.starts_with("ال") || n.starts_with("بال") || n.starts_with("لل") || n.starts_with("كال");
  }

  // Nisba adjectives (ـي، ـية، ـيون), participles (م…: مسيّرة، مفخخة، مسلحة) and
  // a few common adjectives; other words after a noun start a new phrase.
  static bool LooksAdjectival(const text::Token& t) {
    std::string_view n = t.norm;
    if (n.starts_with("و")) return false;
    if (n.starts_with("ال")) n.remove_prefix(4);
    if (n.ends_with("يه") || n.ends_with("ي") || n.ends_with("يين") || n.ends_with("يون") || n.ends_with("يات")) return true;
    if (n.starts_with("م") && n.size() >= 8) return true;
    static const char* kCommon[] = {"كبير", "صغير", "جديد", "سابق", "اخر", "اخري", "اخرين", "اول", "ثاني", "عام",
                                    "خاص", "بارز", "رئيسي", "مشترك", "واسع", "دولي", "ارهابي", "ناسفه", "انتحاري", "تابع", "مجهول"};
    for (const char* w : kCommon) {
      if (n.starts_with(text::NormalizeKey(w))) return true;
    }
    return false;
  }

  static bool IsNumberWord(std::string_view n) {
    static const char* kWords[] = {"اثنين", "اثنان", "ثلاثه", "اربعه", "خمسه", "سته", "سبعه",
                                   "ثمانيه", "تسعه", "عشره", "عشرات", "مئات", "الاف", "عده"};
    for (const char* w : kWords) {
      if (n == text::NormalizeKey(w)) return true;
    }
    return false;
  }

  bool IsActorMention(const SentenceView& s, int m) const {
    auto t = s.mention(m).type;
    return t == ner::EntityType::kOrg || t == ner::EntityType::kPer || t == ner::EntityType::kGpe;
  }

  // How sure rasd is that the sentence reports the event: the scorer trained on
  // arabic_event_gsr (rescaled so its threshold maps to 0.5) for the types it
  // knows, and for every type the evidence found (a victim or target, a place,
  // a time, an agent), less background and questions.
  float Confidence(const SentenceView& s, const std::string& type, const Event& e) const {
    static const std::set<std::string> kConflict = {"ASSAULT", "COERCE", "MOBILIZE", "RETREAT", "PROTEST"};
    float evidence = kConflict.count(type) ? 0.35f : 0.2f;
    bool victims = false;
    for (const EventCount& c : e.counts) victims = victims || c.role == "killed" || c.role == "injured" || c.role == "arrested";
    if (victims || !e.targets.empty()) evidence += 0.15f;
    if (!e.location.empty()) evidence += 0.15f;
    const bool dated = e.date_from == "text" || e.date_from == "text-unresolved";
    if (dated) evidence += 0.15f;
    if (!e.agents.empty()) evidence += 0.1f;
    std::vector<std::string> f = Features(s, type);
    bool definite = false, noun = false;
    for (const std::string& x : f) {
      if (x == "background-near") evidence -= 0.3f;
      if (x == "question") evidence -= 0.2f;
      if (x == "list-item") evidence -= 0.1f;
      definite = definite || x == "trig-definite";
      noun = noun || x == "trig-noun";
    }
    // "الاتفاق", "المفاوضات" with no date of their own: a thing already known,
    // named as a topic more often than reported (docs/events.md, hand check).
    // One word only: "القبض على" is an idiom, not a known thing.
    const bool one_word = e.trigger.Of(in_.text).find(' ') == std::string_view::npos;
    if (definite && noun && one_word && !dated) evidence -= 0.15f;
    if (InQuote(e.trigger)) evidence -= 0.15f;  // a speaker's words, not the report itself
    evidence = std::clamp(evidence, 0.f, 0.95f);
    if (!scorer_.Knows(type)) return evidence;
    float p = scorer_.Probability(f, type);
    float t = scorer_.threshold(type);
    float conf = p >= t ? 0.5f + 0.5f * (p - t) / std::max(1e-6f, 1 - t) : 0.5f * p / std::max(1e-6f, t);
    // Counted dead or wounded name a concrete assault, whatever the scorer says
    // (not a protest: "protesters wounded" reports the violence done to them).
    bool casualties = false;
    for (const EventCount& c : e.counts) casualties = casualties || c.role == "killed" || c.role == "injured";
    if (casualties && type == "ASSAULT" && !InQuote(e.trigger)) conf = std::max(conf, 0.6f);
    // A claimed act against named people: "تبنّى التنظيم اغتيال X وY".
    bool named_target = false;
    for (const Argument& a : e.targets) {
      named_target = named_target || (a.mention >= 0 && s.mention(a.mention).type == ner::EntityType::kPer);
    }
    if (e.claimed && named_target) conf = std::max(conf, 0.6f);
    return conf;
  }

  // Whether a span lies in the speaker phrase of a quote: the one who tells of an
  // event ("وقال المتحدث ... إن"), not its agent.
  bool IsSpeaker(Span s) const {
    if (!in_.quotes) return false;
    for (const quotes::Quote& q : *in_.quotes) {
      if (!q.speaker.empty() && q.speaker.begin <= s.begin && s.end <= q.speaker.end) return true;
    }
    return false;
  }

  bool InQuote(Span s) const {
    if (!in_.quotes) return false;
    for (const quotes::Quote& q : *in_.quotes) {
      if (q.direct && q.span.begin <= s.begin && s.end <= q.span.end) return true;
    }
    return false;
  }

  Event Build(const SentenceView& s, const std::string& type, const std::vector<const TriggerMatch*>& trig,
              float p) const {
    // The main trigger: the most specific mode; an act before an instrument.
    const TriggerMatch* main = nullptr;
    auto concrete = [&](const TriggerMatch* t) {  // names a victim, a count or an actor right after
      if (t->end >= s.end) return false;
      return MentionAt(s, t->end) >= 0 || s.tok(t->end).kind == text::TokenKind::kNumber ||
             IsNumberWord(s.tok(t->end).norm);
    };
    for (const TriggerMatch* t : trig) {
      if (t->form->part == Part::kInstrument) continue;
      if (!main || ModeRank(t->form->mode) < ModeRank(main->form->mode) ||
          (ModeRank(t->form->mode) == ModeRank(main->form->mode) && concrete(t) && !concrete(main))) {
        main = t;
      }
    }
    if (!main) main = trig.front();
    std::string mode = main->form->mode;
    for (const TriggerMatch* t : trig) {
      if (ModeRank(t->form->mode) < ModeRank(mode)) mode = t->form->mode;  // "استهدفت طائرة مسيّرة": aerial
    }
    Event e;
    e.type = type;
    e.mode = mode;
    e.trigger = {s.tok(main->begin).body_begin, s.tok(main->end - 1).span.end};
    e.sentence = s.span;
    e.confidence = p;
    std::vector<const TriggerMatch*> with_args = {main};
    for (const TriggerMatch* t : trig) {
      if (t != main && concrete(t)) with_args.push_back(t);
    }
    FindAgentsAndTargets(s, with_args, &e);
    FindPlace(s, &e);
    FindDate(s, main, &e);
    FindCounts(s, trig, &e);
    FindModality(s, main, &e);
    return e;
  }

  void FindAgentsAndTargets(const SentenceView& s, const std::vector<const TriggerMatch*>& trig, Event* e) const {
    const Lexicon& lex = lex_;
    std::vector<bool> used(s.end, false);
    auto add = [&](std::vector<Argument>* list, Argument a) {
      if (a.span.empty()) return;
      for (const Argument& b : *list) {
        if (b.span.begin < a.span.end && a.span.begin < b.span.end) return;
      }
      for (const Argument& b : e->agents) {
        if (b.span.begin < a.span.end && a.span.begin < b.span.end) return;
      }
      list->push_back(a);
    };
    // The protesters are a protest's agents wherever the sentence names them
    // ("ورفع المتظاهرون لافتات", "تجمع نحو 40 متظاهرا"), with the count before
    // them ("آلاف من المتظاهرين"). The first mention only: later ones repeat it.
    if (e->type == "PROTEST") {
      for (size_t i = s.begin; i < s.end; ++i) {
        if (!lex.CueAt("protester", *s.stems, i, s.end)) continue;
        size_t from = i;
        if (from > s.begin && s.tok(from - 1).norm == "من") --from;
        if (from > s.begin && (s.tok(from - 1).kind == text::TokenKind::kNumber ||
                               IsNumberWord(s.tok(from - 1).norm))) {
          --from;
        } else {
          from = i;
        }
        add(&e->agents, Phrase(s, from));
        break;
      }
      // What it is against or demands: "احتجاجا على الزيارة", "ضد الحكومة", "تندد بالقرار".
      for (size_t i = s.begin; i < s.end; ++i) {
        size_t len = lex.CueAt("against", *s.stems, i, s.end);
        if (!len || i + len >= s.end || !CanHeadArgument(s, i + len)) continue;
        add(&e->targets, Phrase(s, i + len));
        i += len;
      }
    }
    // Explicit agents: "من قبل X", "على أيدي X", "بإسناد من X", "تبنى X".
    for (size_t i = s.begin; i < s.end; ++i) {
      size_t len = lex.CueAt("agent", *s.stems, i, s.end);
      if (!len) continue;
      const std::string& first = s.tok(i).norm;
      if (first.find("تبن") != std::string::npos) {
        e->claimed = true;
        // The claimant follows the claim verb, before or after the trigger:
        // "تبنى التنظيم اغتيال ...", "الهجوم الذي تبناه تنظيم داعش". Otherwise it is
        // the sentence's subject (below).
        if (i + len < s.end) {
          Argument a = Phrase(s, i + len);
          if (a.mention >= 0 && (s.mention(a.mention).type == ner::EntityType::kOrg ||
                                 s.mention(a.mention).type == ner::EntityType::kPer)) {
            add(&e->agents, a);
          }
        }
        continue;
      }
      if (i + len < s.end) add(&e->agents, Phrase(s, i + len));
    }
    for (const TriggerMatch* t : trig) {
      if (t->form->part == Part::kInstrument) continue;
      // "قام مسلحون بخطف X", "قامت القوات باعتقال X": the subject of قام is the agent.
      for (size_t k = s.begin; k + 1 < t->begin; ++k) {
        std::string_view v = s.tok(k).norm;
        if (v.starts_with("و")) v.remove_prefix(2);
        if (v == "قام" || v == "قامت" || v == "قاموا") add(&e->agents, Phrase(s, k + 1));
      }
      size_t after = t->end;
      if (t->form->part == Part::kNoun) {
        // A verbal noun governs its target: "اعتقال اثنين", "اغتيال X", "مقتل شخصين";
        // its adjectives are not ("الهجوم الانتحاري"), and with the article it
        // governs nothing directly ("الاتفاق" is not in construct).
        const bool construct = !Definite(s.tok(t->end - 1)) || MentionAt(s, after) >= 0;
        if (construct && after < s.end && !EndsPhrase(s.tok(after)) && CanHeadArgument(s, after)) {
          Argument a = Phrase(s, after);
          // A protest's complement is who protests ("احتجاجات المعارضة",
          // "اعتصام العمال"), not what against; an adjective is neither
          // ("مظاهرات شعبية").
          std::vector<Argument>* role = &e->targets;
          // What explodes is the means, not a target ("انفجار سيارة مفخخة").
          if (t->form->surface.starts_with(text::NormalizeKey("انفجار"))) role = nullptr;
          if (e->type == "PROTEST") {
            const bool adjective = Definite(s.tok(after)) == Definite(s.tok(t->end - 1)) &&
                                   LooksAdjectival(s.tok(after));
            role = MentionAt(s, after) >= 0 || !adjective ? &e->agents : nullptr;
          }
          if (role) add(role, a);
          // Coordinated names: "اغتيال X وY".
          size_t k = after;
          while (k < s.end && s.tok(k).span.begin < a.span.end) ++k;
          if (role && k < s.end && a.mention >= 0) {
            int m = MentionAt(s, k);
            if (m >= 0 && s.mention(m).type == s.mention(a.mention).type) {
              Argument b;
              b.mention = m;
              b.span = s.mention(m).span;
              add(role, b);
            }
          }
        }
      } else {
        // A verb: subject, then object ("استهدفت طائرة مسيّرة ...، سيارة"). The
        // subject may come first ("أن مسلحين اغتالوا العميد"); a verb with the
        // plural ending has its subject before it or in itself, so what follows
        // is its object ("وخطفوا أربعة أجانب"). For killing, a subject that is
        // not an armed actor is the victim ("قُتل عنصر"), unless an object
        // follows: then the verb is active ("قتل انتحاري 32 شخصا").
        Argument subject = PreverbalSubject(s, t->begin);
        const bool before = !subject.span.empty();
        size_t k = after;
        if (!before && !PluralVerb(s.tok(t->end - 1)) && after < s.end &&
            !EndsPhrase(s.tok(after)) && CanHeadArgument(s, after) && !Reflexive(s.tok(after))) {
          subject = Phrase(s, after);
          while (k < s.end && s.tok(k).span.begin < subject.span.end) ++k;
        }
        const int next = k < s.end ? MentionAt(s, k) : -1;
        bool object_follows =
            k < s.end &&
            (s.tok(k).kind == text::TokenKind::kNumber || IsNumberWord(s.tok(k).norm) ||
             (next >= 0 && s.mention(next).type == ner::EntityType::kPer));
        // Right after a verb whose subject came first, any noun phrase but a
        // new conjunct ("قُتل وأُصيب") is its object.
        if (before && k < s.end && !EndsPhrase(s.tok(k)) && CanHeadArgument(s, k) &&
            !StartsConjunct(s.tok(k))) {
          object_follows = true;
        }
        bool victim = (t->form->mode == "killing" || t->form->mode == "assassination") && !object_follows &&
                      !(subject.mention >= 0 && (s.mention(subject.mention).type == ner::EntityType::kOrg));
        add(victim ? &e->targets : &e->agents, subject);
        // Skip commas and a time adjunct between subject and object: "، مساء الخميس، سيارة".
        for (int guard = 0; guard < 4 && k < s.end; ++guard) {
          if (IsComma(s.tok(k))) {
            ++k;
          } else if (size_t len = lex_.CueAt("time", *s.stems, k, s.end)) {
            k += len;  // "مساء", then "الخميس" on the next round
          } else {
            break;
          }
        }
        // A protest verb takes no object ("تظاهروا أمس احتجاجا على ...").
        if (!victim && e->type != "PROTEST" && k < s.end && !EndsPhrase(s.tok(k)) &&
            CanHeadArgument(s, k) && !Reflexive(s.tok(k))) {
          add(&e->targets, Phrase(s, k));
        }
      }
      // "هجوم على X", "ضد X", also past an object ("أطلقت خمسة صواريخ على
      // الموقع"), within the clause; not "على الأقل" nor "على يد" (an agent).
      for (size_t k = after; k < std::min(s.end, after + 6); ++k) {
        const std::string& n = s.tok(k).norm;
        if (s.tok(k).kind == text::TokenKind::kPunct) break;
        if ((n == "علي" || n == "ضد") && k + 1 < s.end) {
          const std::string& m = s.tok(k + 1).norm;
          if (m == "الاقل" || m == "يد" || m == "ايدي" || m == "صله") break;
          add(&e->targets, Phrase(s, k + 1));
          break;
        }
      }
    }
    // Organisations named before the trigger in its sentence are its actors
    // ("شرعت قطعات من الجيش العراقي والشرطة والحشد الشعبي ... بتنفيذ عملية"); a
    // person there is more often the one who speaks of it, and is taken only
    // when nothing else is found.
    size_t first = trig.front()->begin;
    int person = -1;
    for (int m : s.mentions) {
      if (s.mention(m).span.end > s.tok(first).span.begin) continue;
      auto type = s.mention(m).type;
      // "ضد داعش", "لمحاربة داعش", "خلايا داعش": the organisation is the target side.
      bool target_side = false;
      for (size_t k = s.begin; k < first; ++k) {
        if (s.tok(k).span.end > s.mention(m).span.begin) break;
        if (s.mention(m).span.begin - s.tok(k).span.end > 24) continue;
        std::string_view w = s.stem(k);
        for (const char* marker : {"ضد", "محارب", "مكافح", "عناصر", "خلاي", "بقاي", "فلول", "علي", "استهدف", "هزيم"}) {
          if (w.find(text::NormalizeKey(marker)) != std::string_view::npos) target_side = true;
        }
      }
      if (target_side) {
        Argument a;
        a.mention = m;
        a.span = s.mention(m).span;
        add(&e->targets, a);
        continue;
      }
      if (type == ner::EntityType::kOrg) {
        Argument a;
        a.mention = m;
        a.span = s.mention(m).span;
        add(&e->agents, a);
      } else if (type == ner::EntityType::kPer && !IsSpeaker(s.mention(m).span)) {
        person = m;
      }
    }
    if (e->agents.empty() && person >= 0) {
      Argument a;
      a.mention = person;
      a.span = s.mention(person).span;
      add(&e->agents, a);
    }
    // A target that is the agent's own name is not a target.
    std::erase_if(e->targets, [&](const Argument& t) {
      for (const Argument& a : e->agents) {
        if (t.span.begin < a.span.end && a.span.begin < t.span.end) return true;
      }
      return false;
    });
  }

  static bool IsVerbalNoun(const text::Token& t) {
    // Forms like افتعال/استفعال/تفعيل/فعال patterns that triggers use as nouns.
    const std::string& n = t.stem;
    return n.starts_with("است") || n.starts_with("ان") || n.starts_with("ت") || n.starts_with("اغت") ||
           n.starts_with("اعت") || n.starts_with("اخت") || n.starts_with("اش") || n.starts_with("مقتل");
  }

  // The token index where a mention starts.
  size_t TokenAt(const SentenceView& s, uint32_t offset) const {
    size_t k = s.begin;
    while (k < s.end && s.tok(k).span.end <= offset) ++k;
    return k;
  }

  bool PlaceWordBefore(const SentenceView& s, size_t k) const {
    for (size_t back = 1; back <= 2 && k >= s.begin + back; ++back) {
      if (lex_.CueAt("place", *s.stems, k - back, k)) return true;
    }
    return false;
  }

  void FindPlace(const SentenceView& s, Event* e) const {
    // The most specific place: a village or district named after a place word
    // ("قرية الفطيرة", "بلدة أورم الجوز"), then a city, a region, a country. A
    // name the tagger calls a place but the gazetteer does not know counts
    // only after a place word.
    int best = -1, best_rank = 100;
    Span best_span;
    for (int m : s.mentions) {
      const ner::Mention& mm = s.mention(m);
      if (mm.type != ner::EntityType::kGpe && mm.type != ner::EntityType::kLoc) continue;
      size_t first = TokenAt(s, mm.span.begin), last = TokenAt(s, mm.span.end - 1) + 1;
      if (!mm.gazetteer && last - first == 1 && lex_.CueAt("place", *s.stems, first, last) == 1) continue;
      int rank;
      if (mm.gazetteer) {
        rank = WithinRank(mm.gazetteer);
      } else if (lex_.CueAt("place", *s.stems, first, last)) {
        rank = 4;  // "ريف إدلب", "شمال سوريا": a region around a place
      } else {
        rank = PlaceWordBefore(s, first) ? 0 : 6;
      }
      if (rank < best_rank) {
        best = m;
        best_rank = rank;
        best_span = mm.span;
      }
    }
    // A place noun followed by a name nobody tagged: "ضمن منطقة حاوي العظيم".
    if (best_rank > 0) {
      static const char* kNouns[] = {"قريه", "بلده", "منطقه", "ناحيه", "مخيم", "حي", "قضاء", "بلدات", "قري"};
      for (size_t k = s.begin; k + 1 < s.end; ++k) {
        std::string_view n = s.tok(k).norm;
        if (n.starts_with("ب") && !n.starts_with("بلد")) n.remove_prefix(2);
        if (n.starts_with("و")) n.remove_prefix(2);
        bool noun = false;
        for (const char* w : kNouns) noun = noun || n == w;
        if (!noun) continue;
        size_t j = k + 1;
        while (j < s.end && j < k + 3 && s.tok(j).kind == text::TokenKind::kWord && !EndsPhrase(s.tok(j)) &&
               lex_.CueAt("place", *s.stems, j, j + 1) == 0 && MentionAt(s, j) < 0) {
          ++j;
        }
        if (j == k + 1) continue;
        best = -1;
        best_rank = 0;
        best_span = {s.tok(k + 1).body_begin, s.tok(j - 1).span.end};
        break;
      }
    }
    if (best_span.empty()) return;
    e->location_mention = best;
    e->location = best_span;
    e->place = best >= 0 ? s.mention(best).gazetteer : nullptr;
    // What contains it: another named place of the sentence, broader than it.
    for (int m : s.mentions) {
      if (m == best) continue;
      const ner::Mention& mm = s.mention(m);
      if (!mm.gazetteer || (mm.type != ner::EntityType::kGpe && mm.type != ner::EntityType::kLoc)) continue;
      int rank = WithinRank(mm.gazetteer);
      if (rank > best_rank && (!e->within || rank < WithinRank(e->within))) e->within = mm.gazetteer;
    }
  }

  static int WithinRank(const ner::GazetteerEntry* g) {
    const std::string& k = g->kind;
    return k == "city" || k == "capital" ? 1 : k == "admin1" ? 3 : k == "country" ? 4 : 5;
  }

  void FindDate(const SentenceView& s, const TriggerMatch* main, Event* e) const {
    // The sentence's date nearest the trigger; resolved dates first.
    const dates::DateExpr* best = nullptr;
    uint32_t tpos = s.tok(main->begin).span.begin;
    auto dist = [&](const dates::DateExpr& d) {
      return d.span.begin > tpos ? d.span.begin - tpos : tpos - d.span.end;
    };
    for (int di : s.dates) {
      const dates::DateExpr& d = (*in_.dates)[di];
      if (!best) {
        best = &d;
        continue;
      }
      bool resolved = !d.value.empty(), best_resolved = !best->value.empty();
      if (resolved != best_resolved ? resolved : dist(d) < dist(*best)) best = &d;
    }
    if (best) {
      e->date_span = best->span;
      if (!best->value.empty()) {
        e->date = best->value;
        e->date_from = "text";
      } else {
        e->date_from = "text-unresolved";
        e->date_relative = best->relative;
      }
      return;
    }
    if (in_.published.known()) {
      e->date = in_.published.Iso().substr(0, 10);
      e->date_from = "publication";
    }
  }

  void FindCounts(const SentenceView& s, const std::vector<const TriggerMatch*>& trig, Event* e) const {
    bool killing = false, arrest = false, mobilize = false;
    for (const TriggerMatch* t : trig) {
      killing = killing || t->form->mode == "killing" || t->form->type == "ASSAULT";
      arrest = arrest || t->form->mode == "arrest";
      mobilize = mobilize || t->form->type == "MOBILIZE";
    }
    for (int ci : s.counts) {
      const numbers::Count& c = (*in_.counts)[ci];
      EventCount ec;
      ec.value = c.number.value;
      ec.high = c.number.high;
      ec.approximate = c.number.approximate;
      ec.vague = c.number.vague;
      ec.span = c.span;
      ec.role = RoleOf(s, c, killing, arrest, mobilize);
      // A dual with no role ("البلدين", "الطرفين") names the parties, not a count of the event.
      const bool dual = c.number.span.begin == c.noun.begin && c.number.span.end == c.noun.end;
      if (dual && ec.role == "other") continue;
      e->counts.push_back(ec);
    }
    // "قُتل عنصر وأُصيب آخر": one each, without a number.
    for (size_t i = s.begin; i + 1 < s.end; ++i) {
      const std::string& v = s.stem(i);
      static const std::string kKill = text::LightStem(text::NormalizeKey("قتل")),
                               kDeath = text::LightStem(text::NormalizeKey("مقتل")),
                               kHurt = text::LightStem(text::NormalizeKey("اصيب")),
                               kInjury = text::LightStem(text::NormalizeKey("اصابه"));
      bool killed = (v == kKill && s.tok(i).norm.size() <= 8) || v == kDeath;
      bool injured = v == kHurt || v == kInjury;
      if (!killed && !injured) continue;
      const std::string& next = s.tok(i + 1).norm;
      static const char* kSingular[] = {"عنصر", "شخص", "مدني", "جندي", "طفل", "رجل", "امراه", "شرطي", "مسلح", "اخر", "مقاتل"};
      for (const char* w : kSingular) {
        if (next != text::NormalizeKey(w)) continue;
        bool counted = false;
        for (const EventCount& c : e->counts) {
          counted = counted || (c.span.begin <= s.tok(i + 1).span.begin && s.tok(i + 1).span.end <= c.span.end);
        }
        if (counted) break;
        EventCount ec;
        ec.role = killed ? "killed" : "injured";
        ec.value = ec.high = 1;
        ec.span = {s.tok(i).span.begin, s.tok(i + 1).span.end};
        e->counts.push_back(ec);
        break;
      }
    }
  }

  std::string RoleOf(const SentenceView& s, const numbers::Count& c, bool killing, bool arrest,
                     bool mobilize) const {
    const std::string& k = c.noun_key;
    auto has = [&](const char* w) { return k.find(text::LightStem(text::NormalizeKey(w))) == 0; };
    if (has("قتيل") || has("قتلى") || has("جثة") || has("شهيد") || has("شهداء")) return "killed";
    if (has("جريح") || has("جرحى") || has("مصاب")) return "injured";
    if (has("عملية") || has("غارة") || has("ضربة") || has("هجوم")) return "operations";
    if (has("معتقل") || has("موقوف") || has("مطلوب")) return "arrested";
    // A person noun takes its role from the nearest cue word before the number
    // ("قُتل ثلاثة وأصيب خمسة": the five were injured).
    static const std::string kKilled[] = {text::LightStem(text::NormalizeKey("مقتل")),
                                          text::LightStem(text::NormalizeKey("قتل")),
                                          text::LightStem(text::NormalizeKey("مصرع"))};
    static const std::string kInjured[] = {text::LightStem(text::NormalizeKey("اصابه")),
                                           text::LightStem(text::NormalizeKey("اصيب")),
                                           text::LightStem(text::NormalizeKey("جرح"))};
    static const std::string kArrested[] = {text::LightStem(text::NormalizeKey("اعتقال")),
                                            text::LightStem(text::NormalizeKey("القبض"))};
    const char* nearest = nullptr;
    for (size_t i = s.begin; i < s.end; ++i) {
      if (s.tok(i).span.end > c.span.begin) break;
      if (c.span.begin - s.tok(i).span.end > 40) continue;
      const std::string& st = s.stem(i);
      if (std::find(std::begin(kKilled), std::end(kKilled), st) != std::end(kKilled)) nearest = "killed";
      if (std::find(std::begin(kInjured), std::end(kInjured), st) != std::end(kInjured)) nearest = "injured";
      if (std::find(std::begin(kArrested), std::end(kArrested), st) != std::end(kArrested)) nearest = "arrested";
    }
    if (nearest) return nearest;
    if (has("جندي") || has("جنود") || has("عنصر") || has("مقاتل")) return mobilize ? "troops" : arrest ? "arrested" : "troops";
    (void)killing;
    return "other";
  }

  void FindModality(const SentenceView& s, const TriggerMatch* main, Event* e) const {
    const size_t t = main->begin;
    const size_t from = t >= s.begin + 5 ? t - 5 : s.begin;
    for (size_t i = from; i < t; ++i) {
      if (lex_.CueAt("negation", *s.stems, i, t)) e->modality = Modality::kNegated;
    }
    if (e->modality == Modality::kAsserted) {
      const std::string& n = s.tok(t).norm;
      bool future_verb = n.size() > 4 && n.starts_with("س") &&
                         (n.substr(2).starts_with("ت") || n.substr(2).starts_with("ي") || n.substr(2).starts_with("ن"));
      for (size_t i = from; i < std::min(s.end, t + 3); ++i) {
        if (lex_.CueAt("future", *s.stems, i, s.end)) future_verb = true;
      }
      if (future_verb) e->modality = Modality::kFuture;
    }
    if (e->modality == Modality::kAsserted) {
      for (size_t i = s.begin; i < t; ++i) {
        if (lex_.CueAt("hypothetical", *s.stems, i, t)) e->modality = Modality::kHypothetical;
      }
    }
    // Whose claim it is: a reporting word and the source after it.
    for (size_t i = s.begin; i < s.end; ++i) {
      size_t len = lex_.CueAt("reported", *s.stems, i, s.end);
      if (!len || i + len >= s.end) continue;
      Argument src = Phrase(s, i + len);
      if (src.span.empty()) continue;
      e->reported_by = {s.tok(i).body_begin, src.span.end};
      break;
    }
  }

  // "بإسناد جوي من قبل X" describes who supported another event of the
  // sentence: its agents join that event.
  static void FoldSupport(std::vector<Event>* events) {
    for (size_t i = 0; i < events->size(); ++i) {
      Event& sup = (*events)[i];
      if (sup.type != "SUPPORT") continue;
      for (Event& other : *events) {
        if (&other == &sup || other.type == "SUPPORT" || !(other.sentence == sup.sentence)) continue;
        for (const Argument& a : sup.agents) {
          bool dup = false;
          for (const Argument& b : other.agents) dup = dup || (a.span.begin < b.span.end && b.span.begin < a.span.end);
          if (!dup) other.agents.push_back(a);
        }
        sup.type.clear();
        break;
      }
    }
    std::erase_if(*events, [](const Event& e) { return e.type.empty(); });
  }

  // Consecutive sentences of one paragraph reporting the same event (same
  // type and mode, no conflicting place or date) become one event.
  void MergeRepeats(std::vector<Event>* events) const {
    std::vector<Event> out;
    for (Event& e : *events) {
      bool merged = false;
      for (Event& prev : out) {
        if (prev.type != e.type || prev.mode != e.mode) continue;
        bool place_ok = !prev.place || !e.place || prev.place == e.place;
        bool date_ok = prev.date.empty() || e.date.empty() || prev.date == e.date ||
                       prev.date_from == "publication" || e.date_from == "publication";
        bool same_paragraph = &prev == &out.back() &&
                              in_.text.substr(prev.sentence.end, e.sentence.begin - prev.sentence.end)
                                      .find('\n') == std::string_view::npos;
        if (!place_ok || !date_ok) continue;
        if (same_paragraph || SameTargets(prev, e)) {
          Absorb(&prev, e);
          merged = true;
          break;
        }
      }
      if (!merged) out.push_back(std::move(e));
    }
    *events = std::move(out);
  }

  // Two reports name the same victims or targets: a shared entity, or a
  // shared content word ("اثنين من الإرهابيين" / "اثنين من الإرهابيين تابعين").
  bool SameTargets(const Event& a, const Event& b) const {
    for (const Argument& x : a.targets) {
      for (const Argument& y : b.targets) {
        if (x.mention >= 0 && y.mention >= 0 && (*in_.mentions)[x.mention].key == (*in_.mentions)[y.mention].key) return true;
        std::set<std::string> words;
        for (const text::Token& t : text::Tokenize(x.span.Of(in_.text))) {
          if (t.kind == text::TokenKind::kWord && t.stem.size() >= 6) words.insert(t.stem);
        }
        size_t shared = 0;
        for (const text::Token& t : text::Tokenize(y.span.Of(in_.text))) {
          if (t.kind == text::TokenKind::kWord && words.count(t.stem)) ++shared;
        }
        // Nearby reports need one shared word, distant ones two.
        uint32_t gap = b.sentence.begin > a.sentence.end ? b.sentence.begin - a.sentence.end : 0;
        if (shared >= 2 || (shared >= 1 && gap < 600)) return true;
      }
    }
    return false;
  }

  static void Absorb(Event* into, const Event& from) {
    if (into->agents.empty()) into->agents = from.agents;
    if (into->targets.empty()) into->targets = from.targets;
    if (!into->place && from.place) {
      into->place = from.place;
      into->within = from.within;
      into->location = from.location;
      into->location_mention = from.location_mention;
    }
    if (into->location.empty() && !from.location.empty()) {
      into->location = from.location;
      into->location_mention = from.location_mention;
    }
    if ((into->date_from.empty() || into->date_from == "publication") &&
        (from.date_from == "text" || from.date_from == "text-unresolved")) {
      into->date = from.date;
      into->date_from = from.date_from;
      into->date_span = from.date_span;
      into->date_relative = from.date_relative;
    }
    if (into->counts.empty()) into->counts = from.counts;
    into->claimed = into->claimed || from.claimed;
    if (into->reported_by.empty()) into->reported_by = from.reported_by;
    into->confidence = std::max(into->confidence, from.confidence);
  }

  const Inputs& in_;
  const Options& options_;
  const Lexicon& lex_;
  const Scorer& scorer_;
  std::vector<std::string> stems_;
};

}  // namespace

const char* ModalityName(Modality m) {
  switch (m) {
    case Modality::kAsserted: return "asserted";
    case Modality::kNegated: return "negated";
    case Modality::kFuture: return "future";
    case Modality::kHypothetical: return "hypothetical";
  }
  return "asserted";
}

std::vector<Event> Extract(const Inputs& in, const Options& options) {
  if (!in.tokens || !in.sentences) return {};
  return DocExtractor(in, options).Run();
}

namespace {

// A standalone sentence analysed the way a document is.
struct Standalone {
  std::string text;
  std::vector<text::Token> tokens;
  std::vector<Span> sentences;
  std::vector<ner::Mention> mentions;
  std::vector<dates::DateExpr> dates;
  std::vector<numbers::Count> counts;
  Inputs in;
  std::vector<std::string> stems;
  SentenceView view;

  explicit Standalone(std::string_view sentence) : text(sentence) {
    tokens = text::Tokenize(text);
    sentences = {Span{0, static_cast<uint32_t>(text.size())}};
    mentions = ner::Recognizer::Default().Find(text, tokens);
    dates = dates::Extract(text, dates::Context{});
    counts = numbers::ExtractCounts(text);
    in.text = text;
    in.tokens = &tokens;
    in.sentences = &sentences;
    in.mentions = &mentions;
    in.dates = &dates;
    in.counts = &counts;
    for (const text::Token& t : tokens) stems.push_back(WordKey(t));
    view.in = &in;
    view.stems = &stems;
    view.begin = 0;
    view.end = tokens.size();
    view.span = sentences[0];
    for (size_t i = 0; i < mentions.size(); ++i) view.mentions.push_back(static_cast<int>(i));
    for (size_t i = 0; i < dates.size(); ++i) view.dates.push_back(static_cast<int>(i));
    for (size_t i = 0; i < counts.size(); ++i) view.counts.push_back(static_cast<int>(i));
    view.triggers = Lexicon::Default().Triggers(tokens, stems, 0, tokens.size());
  }
};

}  // namespace

std::vector<std::string> SentenceFeatures(std::string_view sentence, std::string_view type) {
  Standalone s(sentence);
  return Features(s.view, type);
}

float SentenceScore(std::string_view sentence, std::string_view type) {
  Options all;
  all.keep_all = true;
  float best = 0;
  for (const Event& e : ExtractFromSentence(sentence, all)) {
    if (e.type == type) best = std::max(best, e.confidence);
  }
  return best;
}

std::vector<Event> ExtractFromSentence(std::string_view sentence, const Options& options) {
  Standalone s(sentence);
  return Extract(s.in, options);
}

}  // namespace rasd::events
