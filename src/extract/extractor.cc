// The extract stage: claims from counts near harm words, with their source, scope, place and
// time; and the events each report speaks of. Every word list is a file in data/extract/.
#include "extract/extractor.h"

#include <algorithm>
#include <map>
#include <span>

#include "extract/phrase_matcher.h"
#include "util/data_files.h"
#include "util/utf8.h"

namespace crosscheck {

namespace {

struct ClaimTrigger {
  ClaimKind kind;
  bool noun;  // "death toll": the count may follow it at a distance ("rose to 23")
};

struct EventTrigger {
  std::string event_type;
  std::string sub_event_type;
  int weight;
  bool by_target;  // the type depends on who was hit
};

bool EndsWithLink(std::string_view text, uint32_t from, uint32_t to, const std::vector<std::string>& links) {
  std::string between = AsciiLower(text.substr(from, to > from ? to - from : 0));
  while (!between.empty() && between.back() == ' ') between.pop_back();
  // Qualifiers of the count ("at least", "more than") stand after the link, before the count.
  for (std::string_view qualifier : {" at least", " more than", " nearly", " about", " some", " over", " almost", " around"}) {
    if (between.ends_with(qualifier)) between.resize(between.size() - qualifier.size());
  }
  if (between.empty()) return true;
  for (const std::string& link : links) {
    if (between == link || between.ends_with(" " + link)) return true;
  }
  return false;
}

// "Hundreds have been killed": a vague quantity word stands for people on its own.
bool IsTotalCountWord(std::string_view text, const NumberMention& n) {
  std::string_view t = text.substr(n.span.begin, n.span.end - n.span.begin);
  return n.value.approx && !t.empty() && !(t.front() >= '0' && t.front() <= '9');
}

// "killed by a gunman", "by unknown Taliban gunmen": who is named after "by" did it, and was
// not hit. "by" stands at most a few words before, with no clause break between.
bool AfterBy(std::string_view text, uint32_t sentence_begin, uint32_t at) {
  std::string_view before = text.substr(sentence_begin, at - sentence_begin);
  size_t window = before.size() > 40 ? before.size() - 40 : 0;
  size_t by = before.rfind(" by ");
  if (before.starts_with("By ") || before.starts_with("by ")) by = by == std::string_view::npos ? 0 : by;
  if (by == std::string_view::npos || by < window) return false;
  std::string_view between = before.substr(by + 3);
  return between.find_first_of(",;:") == std::string_view::npos && between.find(" and ") == std::string_view::npos;
}

bool ClauseBreakBetween(std::string_view text, uint32_t from, uint32_t to) {
  std::string_view between = text.substr(from, to > from ? to - from : 0);
  return between.find_first_of(",;:\"") != std::string_view::npos ||
         between.find("\u201C") != std::string_view::npos || between.find("\u201D") != std::string_view::npos;
}

// Whether the harm word `verb`, after a person who is its subject, is active and takes an
// object ("a gunman killed a member"): no auxiliary between ("was", "were") and a determiner or
// a number right after.
bool ActsOnObject(std::string_view text, uint32_t subject_end, Span verb) {
  std::string_view between = text.substr(subject_end, verb.begin - subject_end);
  for (std::string_view aux : {" was ", " were ", " been ", " is ", " are ", " got "}) {
    if (between.find(aux) != std::string_view::npos) return false;
  }
  std::string_view after = text.substr(verb.end, 8);
  if (!after.starts_with(' ')) return false;
  after.remove_prefix(1);
  if (!after.empty() && after[0] >= '0' && after[0] <= '9') return true;
  for (std::string_view det : {"a ", "an ", "the ", "two ", "three ", "his ", "her ", "their "}) {
    if (after.starts_with(det)) return true;
  }
  return false;
}

// A town written in capitals ("BEIRUT", "AMMAN -") is a dateline: where the reporter files
// from, not where anything happened.
bool IsDateline(std::string_view written) {
  size_t letters = 0;
  for (char c : written) {
    if (c >= 'a' && c <= 'z') return false;
    letters += c >= 'A' && c <= 'Z';
  }
  return letters >= 4;
}

// An organised armed side: forces and armed groups, not governments speaking or civilians.
bool IsArmedForce(ActorType type) { return type == ActorType::kMilitary || type == ActorType::kArmedGroup; }

// Political violence proper, as opposed to protests and strategic developments.
bool IsViolent(std::string_view event_type) {
  return event_type == "Battles" || event_type == "Explosions/Remote violence" ||
         event_type == "Violence against civilians";
}

// Victims who are armed: an attack on them is a battle, not violence against civilians.
bool IsArmed(std::string_view victims) {
  return victims == "soldiers" || victims == "officers" || victims == "defectors" || victims == "fighters" ||
         victims == "militants" || victims == "security forces" || victims == "police" || victims == "military";
}

std::optional<ClaimKind> ParseClaimKind(std::string_view name) {
  for (ClaimKind k : {ClaimKind::kKilled, ClaimKind::kInjured, ClaimKind::kKilledOrInjured,
                      ClaimKind::kCaptured, ClaimKind::kArrested, ClaimKind::kMissing,
                      ClaimKind::kDisplaced, ClaimKind::kDestroyed, ClaimKind::kOther}) {
    if (ClaimKindName(k) == name) return k;
  }
  return std::nullopt;
}

// Nouns that are things, not people: counts of them are claims only when destroyed or seized.
bool IsThing(std::string_view victims) {
  return victims == "houses" || victims == "buildings" || victims == "tanks" || victims == "vehicles" ||
         victims == "military";
}

// The lexicons' channels in the one phrase matcher.
enum Channel { kTriggers, kVictims, kPersons, kReporting, kDenials, kScope, kHedges, kParts, kEvents, kNegations };

// Words allowed between a negation and the event word it negates: "no exchange of fire", "not any
// clashes".
constexpr size_t kMaxNegationGapWords = 1;

// How far (in bytes) a count may stand from its harm word.
constexpr uint32_t kMaxGapAfter = 60;   // "6,000 people, about half of them civilians, have been killed"
constexpr uint32_t kMaxGapBefore = 36;  // "killing three officers"
constexpr uint32_t kMaxGapNoun = 64;    // "the death toll in the city rose to 23"
constexpr uint32_t kCloseAfter = 16;    // "12 others injured": close enough to win over any before

// How many sentences after the headline make a report's lead, where it states its own toll.
constexpr size_t kLeadSentences = 3;

}  // namespace

struct Extractor::Lexicon {
  // Every lexicon's phrases, one channel each, so a sentence is scanned once.
  PhraseMatcher phrases;
  std::vector<ClaimTrigger> claim_trigger_info;
  std::vector<std::string> victim_names;
  std::vector<std::string> person_classes;  // one person: "a man", "an officer"
  std::vector<bool> source_after;           // per reporting phrase: the source follows the verb
  std::vector<bool> denial_without_verb;
  std::vector<EventTrigger> event_info;
  std::vector<std::string> toll_links;  // "rose to", "of", "at": what joins a toll noun to its count
};

Extractor::Extractor(std::unique_ptr<Lexicon> lexicon) : lexicon_(std::move(lexicon)) {}
Extractor::~Extractor() = default;

Result<std::unique_ptr<Extractor>> Extractor::Create(const Options& options) {
  auto lex = std::make_unique<Lexicon>();
  Lexicon& l = *lex;
  CROSSCHECK_RETURN_IF_ERROR(ReadTsvFiles(options, "extract/claim_triggers.tsv", true, [&](const TsvLine& line) {
    if (line.fields.size() < 2) return line.Error("expected phrase<TAB>kind");
    auto kind = ParseClaimKind(line.fields[1]);
    if (!kind) return line.Error("unknown claim kind '" + std::string(line.fields[1]) + "'");
    l.phrases.Add(line.fields[0], int(l.claim_trigger_info.size()), kTriggers);
    l.claim_trigger_info.push_back({*kind, line.fields.size() > 2 && line.fields[2] == "noun"});
    return Status::Ok();
  }));
  CROSSCHECK_RETURN_IF_ERROR(ReadTsvFiles(options, "extract/victims.tsv", true, [&](const TsvLine& line) {
    if (line.fields.size() < 2) return line.Error("expected phrase<TAB>normalised");
    l.phrases.Add(line.fields[0], int(l.victim_names.size()), kVictims);
    l.victim_names.emplace_back(line.fields[1]);
    return Status::Ok();
  }));
  CROSSCHECK_RETURN_IF_ERROR(ReadTsvFiles(options, "extract/person_nouns.tsv", true, [&](const TsvLine& line) {
    if (line.fields.size() < 2) return line.Error("expected noun<TAB>victims class");
    l.phrases.Add(line.fields[0], int(l.person_classes.size()), kPersons);
    l.person_classes.emplace_back(line.fields[1]);
    return Status::Ok();
  }));
  CROSSCHECK_RETURN_IF_ERROR(ReadTsvFiles(options, "extract/reporting_verbs.tsv", true, [&](const TsvLine& line) {
    if (line.fields.size() < 2 || (line.fields[1] != "before" && line.fields[1] != "after")) {
      return line.Error("expected phrase<TAB>before|after");
    }
    l.phrases.Add(line.fields[0], int(l.source_after.size()), kReporting);
    l.source_after.push_back(line.fields[1] == "after");
    return Status::Ok();
  }));
  CROSSCHECK_RETURN_IF_ERROR(ReadTsvFiles(options, "extract/denial_cues.tsv", true, [&](const TsvLine& line) {
    if (line.fields.size() < 2 || (line.fields[1] != "verb" && line.fields[1] != "none")) {
      return line.Error("expected phrase<TAB>verb|none");
    }
    l.phrases.Add(line.fields[0], int(l.denial_without_verb.size()), kDenials);
    l.denial_without_verb.push_back(line.fields[1] == "none");
    return Status::Ok();
  }));
  CROSSCHECK_RETURN_IF_ERROR(ReadTsvFiles(options, "extract/scope_cues.tsv", true, [&](const TsvLine& line) {
    l.phrases.Add(line.fields[0], 0, kScope);
    return Status::Ok();
  }));
  CROSSCHECK_RETURN_IF_ERROR(ReadTsvFiles(options, "extract/toll_links.tsv", true, [&](const TsvLine& line) {
    l.toll_links.push_back(AsciiLower(line.fields[0]));
    return Status::Ok();
  }));
  CROSSCHECK_RETURN_IF_ERROR(ReadTsvFiles(options, "extract/hedges.tsv", true, [&](const TsvLine& line) {
    l.phrases.Add(line.fields[0], 0, kHedges);
    return Status::Ok();
  }));
  CROSSCHECK_RETURN_IF_ERROR(ReadTsvFiles(options, "extract/part_cues.tsv", true, [&](const TsvLine& line) {
    l.phrases.Add(line.fields[0], 0, kParts);
    return Status::Ok();
  }));
  CROSSCHECK_RETURN_IF_ERROR(ReadTsvFiles(options, "extract/negations.tsv", true, [&](const TsvLine& line) {
    l.phrases.Add(line.fields[0], 0, kNegations);
    return Status::Ok();
  }));
  CROSSCHECK_RETURN_IF_ERROR(ReadTsvFiles(options, "extract/event_triggers.tsv", true, [&](const TsvLine& line) {
    if (line.fields.size() < 4) return line.Error("expected phrase<TAB>event_type<TAB>sub_event_type<TAB>weight");
    int weight = 0;
    for (char c : line.fields[3]) {
      if (c < '0' || c > '9') return line.Error("weight must be a number");
      weight = weight * 10 + (c - '0');
    }
    bool by_target = line.fields.size() > 4 && line.fields[4] == "by_target";
    if (line.fields.size() > 4 && !by_target) return line.Error("fifth field must be by_target");
    l.phrases.Add(line.fields[0], int(l.event_info.size()), kEvents);
    l.event_info.push_back({std::string(line.fields[1]), std::string(line.fields[2]), weight, by_target});
    return Status::Ok();
  }));
  return std::unique_ptr<Extractor>(new Extractor(std::move(lex)));
}

namespace {

// What one sentence holds, gathered once.
struct SentenceView {
  Span span;
  uint32_t paragraph;
  std::vector<Span> words;
  std::vector<PhraseMatcher::Match> triggers, victims, persons, reporting, denials, scope, hedges, parts, events;
  std::vector<const NumberMention*> counts;
  std::vector<const PlaceMention*> places;
  std::vector<const TimeMention*> times;
  std::vector<const ActorMention*> actors;
};

// Calls visit(m) for each mention m inside `s`; `all` is in text order (as every tagger writes
// them), so a binary search finds the first and the scan stops at the sentence's end.
template <typename T, typename Visit>
void ForEachWithin(const std::vector<T>& all, Span s, Visit visit) {
  auto first = std::lower_bound(all.begin(), all.end(), s.begin,
                                [](const T& x, uint32_t begin) { return x.span.begin < begin; });
  for (auto it = first; it != all.end() && it->span.begin < s.end; ++it) {
    if (s.Contains(it->span)) visit(*it);
  }
}

// The mentions inside `s`, into *out (replacing what it held).
template <typename T>
void Within(const std::vector<T>& all, Span s, std::vector<const T*>* out) {
  out->clear();
  ForEachWithin(all, s, [out](const T& m) { out->push_back(&m); });
}

// What Run works in, kept by each thread from one document to the next: the vectors keep their
// storage, so once the first documents have grown them a sentence costs no allocations.
struct Scratch {
  // The first doc.sentences.size() are the document's; Run rewrites every field of those, so
  // nothing of an earlier document carries over.
  std::vector<SentenceView> views;
  std::vector<std::vector<PhraseMatcher::Match>> found;
};

bool Between(Span a, Span b, Span x) {  // x lies between a and b (in either order)
  uint32_t lo = std::min(a.end, b.end), hi = std::max(a.begin, b.begin);
  return x.begin >= lo && x.end <= hi;
}

int PrecisionRank(const Place& p) {
  switch (p.precision) {
    case PlacePrecision::kNeighbourhood:
    case PlacePrecision::kTown: return 3;
    case PlacePrecision::kAdmin1: return 2;
    case PlacePrecision::kCountry: return 1;
    case PlacePrecision::kUnknown: return 0;
  }
  return 0;
}

// The place of a sentence's claim or event: the most precise the sentence names ("in northern
// Syria's Idlib province, in the town of X"), the first after `after` among equals.
const PlaceMention* PlaceInSentence(const SentenceView& s, uint32_t after) {
  const PlaceMention* best = nullptr;
  auto better = [&](const PlaceMention* p) {
    if (!best) return true;
    int a = PrecisionRank(p->place), b = PrecisionRank(best->place);
    if (a != b) return a > b;
    bool p_after = p->span.begin >= after, best_after = best->span.begin >= after;
    if (p_after != best_after) return p_after;
    return !p_after;  // before the anchor, the nearest (the later) one
  };
  for (const PlaceMention* p : s.places) {
    if (better(p)) best = p;
  }
  return best;
}

const TimeMention* TimeInSentence(const SentenceView& s, uint32_t near) {
  const TimeMention* best = nullptr;
  uint32_t best_gap = UINT32_MAX;
  for (const TimeMention* t : s.times) {
    uint32_t gap = t->span.begin > near ? t->span.begin - near : near - t->span.end;
    if (gap < best_gap) best = t, best_gap = gap;
  }
  return best;
}

std::string TownOf(const Place& p) {
  return p.precision == PlacePrecision::kNeighbourhood && !p.parent.empty() ? p.parent : p.name;
}

// A year named on its own, other than the report's, dates history quoted in passing: "the 1982
// massacre that killed tens of thousands" is not today's event.
bool IsHistory(const TimeMention& t, const std::optional<Date>& reference) {
  if (t.precision != TimePrecision::kYear && t.precision != TimePrecision::kDecade) return false;
  return !reference || t.start.year < reference->year;
}

// The days an event took place: its time's span, except that a month or a year that holds the
// report's own date ("this month", "in 2016" in a 2016 report) says only that the event is recent,
// so the report's date is the better guess.
std::pair<Date, Date> EventDays(const TimeMention& t, const std::optional<Date>& reference) {
  bool coarse = t.precision != TimePrecision::kDay && t.precision != TimePrecision::kWeek;
  if (coarse && reference && t.start.ToDays() <= reference->ToDays() && reference->ToDays() <= t.end.ToDays()) {
    return {*reference, *reference};
  }
  return {t.start, t.end};
}

// "The fighting happened in X": a sentence whose first words name an event goes on about the
// event of the sentence before it.
bool OpensOnEvent(const SentenceView& v) {
  if (v.events.empty() || v.words.size() < 2) return false;
  size_t first_words = std::min<size_t>(3, v.words.size());
  return v.events.front().span.begin <= v.words[first_words - 1].begin;
}

}  // namespace

Status Extractor::Run(Document& doc) const {
  const Lexicon& l = *lexicon_;
  doc.claims.clear();
  doc.events.clear();
  doc.lead_event = -1;
  const std::string& text = doc.main_text;

  thread_local Scratch scratch;
  if (scratch.views.size() < doc.sentences.size()) scratch.views.resize(doc.sentences.size());
  const std::span<SentenceView> views(scratch.views.data(), doc.sentences.size());
  std::vector<std::vector<PhraseMatcher::Match>>& found = scratch.found;
  for (size_t si = 0; si < doc.sentences.size(); ++si) {
    SentenceView& v = views[si];
    v.span = doc.sentences[si].span;
    v.paragraph = doc.sentences[si].paragraph;
    WordSpans(text, v.span.begin, v.span.end, &v.words);
    l.phrases.FindAll(text, v.words, &found);
    // Swapped, not moved: the view's old vectors go back to `found`, their storage reused.
    v.triggers.swap(found[kTriggers]);
    v.victims.swap(found[kVictims]);
    v.persons.swap(found[kPersons]);
    v.reporting.swap(found[kReporting]);
    v.denials.swap(found[kDenials]);
    v.scope.swap(found[kScope]);
    v.hedges.swap(found[kHedges]);
    v.parts.swap(found[kParts]);
    v.events.swap(found[kEvents]);
    // "There was no exchange of gunfire, just shelling": a negated event word names no event.
    for (const PhraseMatcher::Match& n : found[kNegations]) {
      std::erase_if(v.events, [&](const PhraseMatcher::Match& e) {
        if (e.span.begin < n.span.end) return false;
        size_t between = std::count_if(v.words.begin(), v.words.end(), [&](Span w) {
          return w.begin >= n.span.end && w.end <= e.span.begin;
        });
        return between <= kMaxNegationGapWords;
      });
    }
    v.counts.clear();
    ForEachWithin(doc.numbers, v.span, [&](const NumberMention& n) {
      if (n.value.min || n.value.max) {
        if (n.kind == NumberKind::kCount) v.counts.push_back(&n);
      }
    });
    Within(doc.times, v.span, &v.times);
    Within(doc.actors, v.span, &v.actors);
    // A place that describes a source ("a London-based group", "the UK-based Observatory") is
    // where the source sits, not where anything happened.
    v.places.clear();
    ForEachWithin(doc.places, v.span, [&](const PlaceMention& p) {
      bool describes_actor = false;
      // A place written exactly where an actor is, is the actor's country standing in for a
      // report that names no place (see Analyzer): it is where things happened.
      for (const ActorMention* a : v.actors) {
        describes_actor |= a->span.Overlaps(p.span) && !(a->span.begin == p.span.begin && a->span.end == p.span.end);
      }
      std::string_view after = std::string_view(text).substr(p.span.end, 6);
      if (after.starts_with("-based") || after.starts_with(" based")) describes_actor = true;
      if (!describes_actor && !IsDateline(doc.Text(p.span))) v.places.push_back(&p);
    });
  }

  // ---- Sources: the actor tied to a reporting verb, carried to sentences that continue a report.
  std::vector<ClaimSource> sentence_source(views.size());
  std::vector<bool> has_source(views.size(), false);
  auto actor_source = [&](const ActorMention* a) { return ClaimSource{a->name, a->type, a->span}; };
  for (size_t si = 0; si < views.size(); ++si) {
    const SentenceView& v = views[si];
    const ActorMention* found = nullptr;
    for (const auto& verb : v.reporting) {
      bool after = l.source_after[verb.value];
      const ActorMention* before_verb = nullptr;
      const ActorMention* after_verb = nullptr;
      // "X, whose accounts differ from those of activists, said": the subject stands before a
      // parenthetical clause that ends in a comma right before the verb.
      uint32_t subject_end = verb.span.begin;
      std::string_view lead_in = std::string_view(text).substr(v.span.begin, verb.span.begin - v.span.begin);
      while (!lead_in.empty() && lead_in.back() == ' ') lead_in.remove_suffix(1);
      if (!lead_in.empty() && lead_in.back() == ',') {
        size_t open = lead_in.substr(0, lead_in.size() - 1).rfind(',');
        if (open != std::string_view::npos) {
          bool earlier_actor = false;
          for (const ActorMention* a : v.actors) earlier_actor |= a->span.end <= v.span.begin + open;
          if (earlier_actor) subject_end = uint32_t(v.span.begin + open);
        }
      }
      for (const ActorMention* a : v.actors) {
        if (a->span.end <= subject_end) before_verb = a;
        if (a->span.begin >= verb.span.end && !after_verb) after_verb = a;
      }
      found = after ? (after_verb ? after_verb : before_verb) : before_verb;
      // "The group cited witnesses saying ...": with no named subject, the report goes on from
      // the sentence before, and the actor after the verb is who it cites, not who says it.
      if (!found && !after && !(si > 0 && has_source[si - 1])) found = after_verb;
      if (found) break;
    }
    if (found) {
      sentence_source[si] = actor_source(found);
      has_source[si] = true;
    } else if (!v.reporting.empty() && si > 0 && has_source[si - 1]) {
      // "It said ...", "The group cited witnesses ...": the report goes on.
      sentence_source[si] = sentence_source[si - 1];
      sentence_source[si].text = Span{};
      has_source[si] = true;
    }
  }
  ClaimSource own_voice;
  own_voice.name = doc.outlet;
  own_voice.type = doc.outlet.empty() ? ActorType::kUnattributed : ActorType::kMedia;

  // ---- Places and times that a sentence without its own takes from its neighbours.
  auto resolve_place = [&](size_t si, uint32_t after, Span* text_span) -> std::optional<Place> {
    if (const PlaceMention* p = PlaceInSentence(views[si], after)) {
      *text_span = p->span;
      return p->place;
    }
    for (size_t k = si; k-- > 0 && views[k].paragraph == views[si].paragraph;) {
      if (!views[k].places.empty()) {
        *text_span = views[k].places.back()->span;
        return views[k].places.back()->place;
      }
    }
    if (si + 1 < views.size() && views[si + 1].counts.empty() && !views[si + 1].places.empty() &&
        OpensOnEvent(views[si + 1])) {
      *text_span = views[si + 1].places.front()->span;
      return views[si + 1].places.front()->place;
    }
    return std::nullopt;
  };
  // A sentence without its own time takes the last one of the two sentences before it in its
  // paragraph; further back, times belong to other parts of the story (a feed that runs a whole
  // article as one paragraph would otherwise date its lead by its background).
  auto resolve_time = [&](size_t si, uint32_t near) -> const TimeMention* {
    if (const TimeMention* t = TimeInSentence(views[si], near)) return t;
    for (size_t k = si; k-- > 0 && k + 2 >= si && views[k].paragraph == views[si].paragraph;) {
      if (!views[k].times.empty()) return views[k].times.back();
    }
    return nullptr;
  };

  // The document's main place: its most mentioned town (or finer), for claims with none nearby.
  std::optional<Place> main_place;
  {
    std::map<std::string, std::pair<int, const Place*>> tally;
    for (const PlaceMention& p : doc.places) {
      if (p.place.precision == PlacePrecision::kCountry || IsDateline(doc.Text(p.span))) continue;
      std::string key = p.place.precision == PlacePrecision::kNeighbourhood && !p.place.parent.empty()
                            ? p.place.parent
                            : p.place.name;
      auto& slot = tally[key];
      if (slot.first++ == 0) slot.second = &p.place;
    }
    int best = 0;
    for (const auto& [key, entry] : tally) {
      if (entry.first > best) best = entry.first, main_place = *entry.second;
    }
  }

  // A place that is only a country stands for the report's main town when that lies in it; with
  // `region_too`, so does the region the main town lies in.
  auto in_main_town = [&main_place](const std::optional<Place>& place,
                                     bool region_too = false) -> std::optional<Place> {
    if (!place || !main_place || place->country_code != main_place->country_code) return place;
    bool region = region_too && PrecisionRank(*place) < 3 && main_place->admin1 == place->admin1;
    return place->precision == PlacePrecision::kCountry || region ? main_place : place;
  };

  // Who did it: an armed actor named after "by" ("killed by government forces"), else the armed
  // actor that is the subject before the harm word ("rebels shelled ..."), never the source.
  auto perpetrator_of = [&](const SentenceView& v, Span harm, const ClaimSource& source) -> std::string {
    auto armed = [](const ActorMention* a) {
      return a->type == ActorType::kMilitary || a->type == ActorType::kArmedGroup ||
             a->type == ActorType::kGovernment || a->type == ActorType::kForeignGovernment;
    };
    for (const ActorMention* a : v.actors) {
      if (armed(a) && a->span.begin >= harm.end && AfterBy(text, v.span.begin, a->span.begin)) return a->name;
    }
    const ActorMention* subject = nullptr;
    for (const ActorMention* a : v.actors) {
      if (a->span.end > harm.begin) break;
      if (armed(a) && !(a->span == source.text) && !AfterBy(text, v.span.begin, a->span.begin)) subject = a;
    }
    return subject ? subject->name : std::string();
  };

  // ---- Claims.
  std::vector<bool> historical;  // per claim: a toll of the past quoted in passing ("the 1982 massacre")
  for (size_t si = 0; si < views.size(); ++si) {
    const SentenceView& v = views[si];
    const bool sentence_cumulative = !v.scope.empty();
    // A scope cue makes a count a tally when it stands in the clause of the count or of its harm
    // word ("6,000 people, about half of them civilians, have been killed since ...").
    auto cumulative_near = [&](Span count, Span harm) {
      for (const auto& cue : v.scope) {
        // "a total of 18 airstrikes ... the death of five civilians": a cue right before another
        // count is that count's.
        bool qualifies_other = std::any_of(v.counts.begin(), v.counts.end(), [&](const NumberMention* other) {
          return other->span.begin != count.begin && other->span.begin >= cue.span.end &&
                 other->span.begin - cue.span.end <= 2;
        });
        if (qualifies_other) continue;
        for (Span anchor : {count, harm}) {
          if (anchor.empty()) continue;
          uint32_t from = std::min(cue.span.end, anchor.end), to = std::max(cue.span.begin, anchor.begin);
          if (!ClauseBreakBetween(text, from, to)) return true;
        }
      }
      return false;
    };
    bool hedged = !v.hedges.empty();
    int first_claim_here = int(doc.claims.size());
    // Counts that are parts of another ("including nine children", "17 of them") never stand
    // between a whole and its harm word.
    std::vector<const NumberMention*> parts_here;
    for (const NumberMention* n : v.counts) {
      for (const auto& p : v.parts) {
        bool cue_before = p.span.end <= n->span.begin && n->span.begin - p.span.end <= 2;
        bool cue_after = p.span.begin >= n->span.end && p.span.begin - n->span.end <= 2;
        if (cue_before || cue_after) parts_here.push_back(n);
      }
    }
    auto is_part = [&](const NumberMention* n) {
      return std::find(parts_here.begin(), parts_here.end(), n) != parts_here.end();
    };
    for (const NumberMention* n : v.counts) {
      bool cumulative = false;
      // The nearest harm word on the same side of no other count.
      const PhraseMatcher::Match* best = nullptr;
      uint32_t best_gap = UINT32_MAX;
      for (const auto& t : v.triggers) {
        bool after = t.span.begin >= n->span.end;
        uint32_t gap = after ? t.span.begin - n->span.end : n->span.begin - std::min(n->span.begin, t.span.end);
        uint32_t limit = after ? kMaxGapAfter : (l.claim_trigger_info[t.value].noun ? kMaxGapNoun : kMaxGapBefore);
        // A list of victims does not distance a count from its verb: "29 soldiers, policemen and
        // pro-government militia members were killed".
        uint32_t reach = gap;
        if (after) {
          for (const auto& vm : v.victims) {
            if (vm.span.begin >= n->span.end && vm.span.end <= t.span.begin) reach -= std::min(reach, vm.span.size());
          }
        }
        if (reach > limit) continue;
        // A harm word before its count governs it within one clause: "killing three officers",
        // not "used to dying every day," one leader said.
        if (!after && ClauseBreakBetween(text, t.span.end, n->span.begin)) continue;
        // A toll noun reaches its count through a link word: "the toll rose to 23", "deaths of
        // 105", not "38 bodies had been brought to the three hospitals".
        if (!after && l.claim_trigger_info[t.value].noun &&
            !EndsWithLink(text, t.span.end, n->span.begin, l.toll_links)) {
          continue;
        }
        // "14 were killed and 10 were taken": a count after "and" starts a clause of its own.
        if (!after && !l.claim_trigger_info[t.value].noun &&
            std::string_view(text).substr(t.span.end, n->span.begin - t.span.end).find(" and ") != std::string_view::npos) {
          continue;
        }
        bool blocked = false;
        for (const NumberMention* other : v.counts) {
          if (other == n || is_part(other) || !Between(n->span, t.span, other->span)) continue;
          // "5 militants and 2 policemen were killed": counts joined by "and" share the verb.
          std::string_view between = std::string_view(text).substr(n->span.end, other->span.begin - std::min(other->span.begin, n->span.end));
          bool coordinated = after && between.size() <= 40 && (between.find(" and ") != std::string_view::npos ||
                                                               between.ends_with(", "));
          if (!coordinated) blocked = true;
        }
        if (blocked) continue;
        // A count followed closely by its own harm word belongs to it, even when another harm
        // word stands just before ("three killed 12 others injured", with the commas lost).
        if (after && gap <= kCloseAfter && !std::string_view(text).substr(t.span.begin, t.span.size()).ends_with("ing") &&
            std::string_view(text).substr(n->span.end, gap).find(" and ") == std::string_view::npos) {
          gap = 0;
        }
        if (gap < best_gap || (gap == best_gap && after)) best = &t, best_gap = gap;
      }
      // "138 of them in X": a part of the claim before it in the sentence.
      int part_of = -1;
      for (const auto& p : v.parts) {
        if (p.span.begin >= n->span.end && p.span.begin - n->span.end <= 2 && int(doc.claims.size()) > first_claim_here) {
          part_of = int(doc.claims.size()) - 1;
        }
        if (p.span.end <= n->span.begin && n->span.begin - p.span.end <= 2 && int(doc.claims.size()) > first_claim_here) {
          part_of = first_claim_here;
        }
      }
      if (!best && part_of < 0) continue;
      cumulative = cumulative_near(n->span, best ? best->span : n->span);
      if (is_part(n) && part_of < 0 && int(doc.claims.size()) > first_claim_here) part_of = int(doc.claims.size()) - 1;

      Claim c;
      c.sentence = uint32_t(si);
      c.kind = best ? l.claim_trigger_info[best->value].kind : doc.claims[part_of].kind;
      c.part_of = part_of;
      c.count = n->value;
      c.count_text = n->span;
      // Who the count is of: the most specific victim noun just after it ("2,000 members of its
      // security forces" are security forces, not people).
      for (const auto& vm : v.victims) {
        if (vm.span.begin < n->span.end || vm.span.begin - n->span.end > 24) continue;
        const std::string& name = l.victim_names[vm.value];
        if (c.victims.empty() || c.victims == "people") c.victims = name;
        if (name != "people") break;
      }
      if (c.victims.empty() || c.victims == "people") {
        // "1 NDS member", "3 IS fighters": a force or group named right after the count.
        for (const ActorMention* a : v.actors) {
          if (a->span.begin < n->span.end || a->span.begin - n->span.end > 3) continue;
          if (a->type == ActorType::kMilitary) c.victims = "security forces";
          if (a->type == ActorType::kArmedGroup) c.victims = "fighters";
        }
      }
      if (IsThing(c.victims) && c.kind != ClaimKind::kDestroyed && c.kind != ClaimKind::kCaptured) continue;
      // A count of something that is no victim ("45 sheep", "3 checkpoints") is a claim only when
      // its harm word follows right away ("23 killed").
      if (c.victims.empty() && c.part_of < 0 && best && best->span.begin >= n->span.end &&
          best->span.begin - n->span.end > kCloseAfter && !IsTotalCountWord(text, *n)) {
        continue;
      }
      if (IsThing(c.victims) && c.kind == ClaimKind::kCaptured) c.kind = ClaimKind::kDestroyed;
      if (c.victims.empty()) c.victims = "people";
      c.location = resolve_place(si, n->span.end, &c.location_text);
      if (!c.location && main_place) c.location = main_place;
      bool past = false;
      if (const TimeMention* t = resolve_time(si, n->span.begin)) {
        c.time_start = t->start;
        c.time_end = t->end;
        c.time_text = t->span;
        past = IsHistory(*t, doc.reference_date);
        // A count dated by a month or longer is a tally over that span, not one incident's.
        if (t->precision != TimePrecision::kDay && t->precision != TimePrecision::kWeek) cumulative = true;
      }
      c.scope = cumulative ? Scope::kCumulative : Scope::kIncident;
      historical.resize(doc.claims.size() + 1);
      historical[doc.claims.size()] = past;
      c.source = has_source[si] ? sentence_source[si] : own_voice;
      if (best) c.perpetrator = perpetrator_of(v, best->span, c.source);
      c.hedged = hedged;
      doc.claims.push_back(std::move(c));
    }
    // One person: "a man was shot dead", "an officer died", where no count names the toll.
    for (const auto& person : v.persons) {
      // "a" or "an" one or two words before the noun ("a young man", "a police officer").
      size_t w = 0;
      while (w < v.words.size() && v.words[w].begin < person.span.begin) ++w;
      bool one = false, definite = false;
      for (size_t back = 1; back <= 3 && back <= w; ++back) {
        std::string_view word = doc.Text(v.words[w - back]);
        if (word == "a" || word == "an" || word == "A" || word == "An") {
          one = true;
          break;
        }
        if (word == "the" || word == "The") {
          definite = true;
          break;
        }
      }
      if (!(one || definite) || AfterBy(text, v.span.begin, v.words[std::max<size_t>(w, 1) - 1].begin)) continue;
      const PhraseMatcher::Match* trigger = nullptr;
      for (const auto& t : v.triggers) {
        // "shot dead a civilian", "killing a QSD fighter", "killed the director": the harm word
        // just before the article.
        bool before = t.span.end <= person.span.begin && person.span.begin - t.span.end <= 24 &&
                      !ClauseBreakBetween(text, t.span.end, person.span.begin);
        // "a man was killed", "an officer died" -- but not "a gunman killed a member", where the
        // person acts: an active verb with its object right after it. "The man" after a harm
        // word only: before one, it is usually someone already counted.
        bool after = !definite && t.span.begin >= person.span.end &&
                     t.span.begin - person.span.end <= kMaxGapAfter && !ActsOnObject(text, person.span.end, t.span);
        if (!before && !after) continue;
        ClaimKind kind = l.claim_trigger_info[t.value].kind;
        if (kind != ClaimKind::kKilled && kind != ClaimKind::kInjured && kind != ClaimKind::kCaptured &&
            kind != ClaimKind::kArrested && kind != ClaimKind::kMissing) {
          continue;
        }
        trigger = &t;
        break;
      }
      if (!trigger) continue;
      bool counted = false;  // a count already stands for this harm word
      for (const NumberMention* n : v.counts) counted |= Between(person.span, trigger->span, n->span);
      for (const auto& other : v.persons) counted |= &other != &person && Between(person.span, trigger->span, other.span);
      for (size_t k = size_t(first_claim_here); k < doc.claims.size(); ++k) {
        counted |= doc.claims[k].count_text.end <= trigger->span.begin && doc.claims[k].count_text.begin >= person.span.begin;
      }
      if (counted) continue;
      Claim c;
      c.sentence = uint32_t(si);
      c.kind = l.claim_trigger_info[trigger->value].kind;
      c.count = Quantity{1, 1, false};
      c.count_text = person.span;
      c.victims = l.person_classes[person.value];
      c.location = resolve_place(si, person.span.end, &c.location_text);
      if (!c.location && main_place) c.location = main_place;
      if (const TimeMention* t = resolve_time(si, person.span.begin)) {
        c.time_start = t->start;
        c.time_end = t->end;
        c.time_text = t->span;
      }
      c.scope = sentence_cumulative ? Scope::kCumulative : Scope::kIncident;
      c.source = has_source[si] ? sentence_source[si] : own_voice;
      c.perpetrator = perpetrator_of(v, trigger->span, c.source);
      c.hedged = hedged;
      historical.resize(doc.claims.size() + 1);
      doc.claims.push_back(std::move(c));
    }
    // A denial: a source denies the event or its count.
    if (!v.denials.empty()) {
      const auto& d = v.denials.front();
      bool without_verb = l.denial_without_verb[d.value];
      Claim c;
      c.sentence = uint32_t(si);
      c.kind = ClaimKind::kKilled;
      c.polarity = Polarity::kDenied;
      c.victims = "";
      const ActorMention* denier = nullptr;
      for (const ActorMention* a : v.actors) {
        if (a->span.end <= d.span.begin) denier = a;
      }
      if (!denier && !without_verb) {
        for (const ActorMention* a : v.actors) {
          if (a->span.begin >= d.span.end) {
            denier = a;
            break;
          }
        }
      }
      c.source = denier ? actor_source(denier) : (has_source[si] ? sentence_source[si] : own_voice);
      // A count after the denial is what is denied ("denied that 40 died"); a count before it
      // is another source's assertion ("monitors say 41 dead; the army denies it").
      bool denies_a_count = false;
      for (size_t k = size_t(first_claim_here); !without_verb && k < doc.claims.size(); ++k) {
        if (doc.claims[k].count_text.begin < d.span.end) continue;
        doc.claims[k].polarity = Polarity::kDenied;
        doc.claims[k].source = c.source;
        denies_a_count = true;
      }
      if (denies_a_count) continue;
      c.location = resolve_place(si, d.span.end, &c.location_text);
      if (!c.location && main_place) c.location = main_place;
      if (const TimeMention* t = resolve_time(si, d.span.begin)) {
        c.time_start = t->start;
        c.time_end = t->end;
        c.time_text = t->span;
      }
      c.hedged = hedged;
      doc.claims.push_back(std::move(c));
    }
  }

  // ---- Events: each sentence's strongest trigger; same type, place and day make one event.
  // Shelling, clashes and killings at one place on one day are one event of this report, named
  // by its strongest trigger; protests and strategic developments stay events of their own.
  auto event_key = [](const DocEvent& e) {
    std::string town = e.location ? TownOf(*e.location) : "";
    return (IsViolent(e.event_type) ? std::string("violence") : e.event_type) + "|" + town;
  };
  std::vector<int> event_weight;
  std::vector<int> sentence_event(views.size(), -1);
  std::vector<bool> typed_by_target;  // per event
  std::vector<bool> armed_target;     // per event: its trigger's sentence names an armed target
  for (size_t si = 0; si < views.size(); ++si) {
    const SentenceView& v = views[si];
    const PhraseMatcher::Match* best = nullptr;
    for (const auto& t : v.events) {
      if (!best || l.event_info[t.value].weight > l.event_info[best->value].weight) best = &t;
    }
    if (!best) continue;
    const EventTrigger& info = l.event_info[best->value];
    DocEvent e;
    e.event_type = info.event_type;
    e.sub_event_type = info.sub_event_type;
    e.sentence = uint32_t(si);
    e.trigger = best->span;
    Span ignored;
    e.location = resolve_place(si, 0, &ignored);
    // A country or region alone ("strikes in northwest Syria") is refined by the town the next
    // sentences name within it.
    for (size_t k = si + 1; e.location && PrecisionRank(*e.location) < 3 && k < views.size() && k <= si + 3; ++k) {
      for (const PlaceMention* p : views[k].places) {
        bool inside = p->place.country_code == e.location->country_code &&
                      (e.location->precision == PlacePrecision::kCountry || p->place.admin1 == e.location->admin1);
        if (inside && PrecisionRank(p->place) > PrecisionRank(*e.location)) {
          e.location = p->place;
          break;
        }
      }
    }
    // Still only a country or a region: the report's main town in it.
    e.location = in_main_town(e.location, /*region_too=*/true);
    if (!e.location && main_place) e.location = main_place;
    if (const TimeMention* t = resolve_time(si, best->span.begin)) {
      // History, or a campaign running "since March": no incident of this report.
      if (IsHistory(*t, doc.reference_date) || t->open_range) continue;
      std::tie(e.date_start, e.date_end) = EventDays(*t, doc.reference_date);
    } else {
      e.date_start = doc.reference_date;
      e.date_end = doc.reference_date;
    }
    // Soldiers or fighters who storm a house or fire tear gas at residents are not rioting: a
    // riot word whose subject is an armed force is an attack on civilians.
    if (e.event_type == "Riots") {
      for (const ActorMention* a : v.actors) {
        if (a->span.end <= best->span.begin && !AfterBy(text, v.span.begin, a->span.begin) &&
            (IsArmedForce(a->type) || a->type == ActorType::kForeignGovernment)) {
          e.event_type = "Violence against civilians";
          e.sub_event_type = "Attack";
          break;
        }
      }
    }
    // Residents or party members who clash with each other, no armed group among them, riot
    // (ACLED's mob violence): a battle needs an organised armed side.
    if (e.event_type == "Battles" && e.sub_event_type == "Armed clash" && !info.by_target) {
      bool armed_before = false, civilians_before = false;
      for (const ActorMention* a : v.actors) {
        armed_before |= a->span.end <= best->span.begin && IsArmedForce(a->type);
      }
      for (const auto& vm : v.victims) {
        const std::string& who = l.victim_names[vm.value];
        // The subject of the clash, not a victim of it ("one member was wounded in the clashes").
        bool harmed = std::any_of(v.triggers.begin(), v.triggers.end(), [&](const PhraseMatcher::Match& t) {
          return t.span.begin >= vm.span.end && t.span.end <= best->span.begin;
        });
        civilians_before |= vm.span.end <= best->span.begin && !harmed &&
                            (who == "civilians" || who == "protesters" || who == "people");
      }
      if (civilians_before && !armed_before) {
        e.event_type = "Riots";
        e.sub_event_type = "Mob violence";
      }
    }
    // Actors: the first armed or state actors named in the sentence.
    for (const ActorMention* a : v.actors) {
      bool armed = a->type == ActorType::kMilitary || a->type == ActorType::kArmedGroup ||
                   a->type == ActorType::kGovernment || a->type == ActorType::kOpposition;
      if (!armed) continue;
      if (e.actor1.empty()) {
        e.actor1 = a->name;
      } else if (e.actor2.empty() && a->name != e.actor1) {
        e.actor2 = a->name;
      }
    }
    int found = -1;
    for (size_t k = 0; k < doc.events.size(); ++k) {
      const DocEvent& o = doc.events[k];
      bool same_day = o.date_start == e.date_start ||
                      (o.date_start && e.date_start &&
                       std::abs(o.date_start->ToDays() - e.date_start->ToDays()) <= 1);
      if (event_key(o) == event_key(e) && same_day) {
        found = int(k);
        break;
      }
    }
    // Who was hit: an armed group or force named after the trigger ("attacked a police post").
    bool hits_armed = false;
    for (const auto& vm : v.victims) {
      hits_armed |= vm.span.begin >= best->span.end && IsArmed(l.victim_names[vm.value]) &&
                    !AfterBy(text, v.span.begin, vm.span.begin);
    }
    for (const ActorMention* a : v.actors) {
      hits_armed |= a->span.begin >= best->span.end && !AfterBy(text, v.span.begin, a->span.begin) &&
                    IsArmedForce(a->type);
    }
    if (found < 0) {
      found = int(doc.events.size());
      doc.events.push_back(std::move(e));
      typed_by_target.push_back(info.by_target);
      armed_target.push_back(hits_armed);
      event_weight.push_back(info.weight);
    } else {
      armed_target[found] = armed_target[found] || hits_armed;
      if (info.weight > event_weight[found]) {
        event_weight[found] = info.weight;
        doc.events[found].event_type = info.event_type;
        doc.events[found].sub_event_type = info.sub_event_type;
        typed_by_target[found] = info.by_target;
      }
      DocEvent& o = doc.events[found];
      if (o.actor1.empty()) o.actor1 = e.actor1;
      if (o.actor2.empty()) o.actor2 = e.actor2;
      // The more precise place wins.
      if (e.location && o.location && e.location->precision != PlacePrecision::kUnknown &&
          int(e.location->precision) < int(o.location->precision)) {
        o.location = e.location;
      }
    }
    sentence_event[si] = found;
  }

  // The lead: the event of the headline and first paragraph, else of the first claim.
  uint32_t lead_end = 0;
  for (size_t p = 0; p < doc.paragraphs.size() && p < 3; ++p) {
    lead_end = doc.paragraphs[p].end;
    if (doc.paragraphs[p].end > doc.title_end + 1 && p >= 1) break;
  }
  // Of the events the lead names, the one named by the strongest trigger ("bombarded the city"
  // over "a massacre"); the earliest on a tie.
  int lead_weight = -1;
  // A headline that names an event names the lead.
  for (size_t si = 0; si < views.size() && views[si].span.end <= doc.title_end; ++si) {
    if (sentence_event[si] >= 0) {
      doc.lead_event = sentence_event[si];
      lead_weight = 1000;
      break;
    }
  }
  for (size_t si = 0; si < views.size() && views[si].span.begin < lead_end; ++si) {
    if (sentence_event[si] < 0) continue;
    int weight = 0;
    for (const auto& t : views[si].events) weight = std::max(weight, l.event_info[t.value].weight);
    if (weight > lead_weight) {
      lead_weight = weight;
      doc.lead_event = sentence_event[si];
    }
  }

  // The report's own toll up front: the first count that names a number (else any count) in the
  // headline and the first sentences after it. Its event is the lead.
  size_t lead_sentences = 0;
  for (size_t si = 0; si < views.size(); ++si) {
    if (views[si].span.begin >= doc.title_end) {
      lead_sentences = si + kLeadSentences;
      break;
    }
  }
  auto pick_lead_claim = [&](ClaimKind kind) {
    int exact = -1, any = -1;
    for (size_t ci = 0; ci < doc.claims.size(); ++ci) {
      const Claim& c = doc.claims[ci];
      if (c.sentence >= lead_sentences || c.kind != kind || c.polarity != Polarity::kAsserted ||
          c.scope != Scope::kIncident || c.part_of >= 0 || historical[ci] || !c.count) {
        continue;
      }
      if (any < 0) any = int(ci);
      // "About 80" names a number as much as "80" does; "dozens" does not.
      bool names_a_number = !c.count->approx || (c.count->min && c.count->max && *c.count->min == *c.count->max);
      if (exact < 0 && names_a_number) exact = int(ci);
    }
    return exact >= 0 ? exact : any;
  };
  historical.resize(doc.claims.size());
  doc.lead_killed = pick_lead_claim(ClaimKind::kKilled);
  doc.lead_injured = pick_lead_claim(ClaimKind::kInjured);
  // A headline that counts a part ("3 Children Killed") of the toll the lead then gives ("at
  // least 15 civilians, including three children, have been killed") leads with the whole.
  auto whole_of_part = [&](int lead) {
    if (lead < 0 || !doc.claims[lead].count || !doc.claims[lead].count->min) return lead;
    const Claim& up = doc.claims[lead];
    for (const Claim& c : doc.claims) {
      if (c.part_of < 0 || c.sentence >= lead_sentences || c.kind != up.kind || !c.count ||
          c.count->min != up.count->min || c.victims != up.victims) {
        continue;
      }
      const Claim& whole = doc.claims[c.part_of];
      if (whole.count && whole.count->min && *whole.count->min > *up.count->min &&
          whole.polarity == Polarity::kAsserted && whole.scope == Scope::kIncident) {
        return c.part_of;
      }
    }
    return lead;
  };
  doc.lead_killed = whole_of_part(doc.lead_killed);
  doc.lead_injured = whole_of_part(doc.lead_injured);

  // Claims go to the event of their sentence, else the nearest before in their paragraph, else
  // the lead; a claim with none becomes its own event.
  historical.resize(doc.claims.size());
  for (size_t ci = 0; ci < doc.claims.size(); ++ci) {
    Claim& c = doc.claims[ci];
    if (historical[ci]) continue;
    int e = sentence_event[c.sentence];
    for (size_t k = c.sentence; e < 0 && k-- > 0 && views[k].paragraph == views[c.sentence].paragraph;) {
      e = sentence_event[k];
    }
    if (e < 0 && c.scope == Scope::kIncident) e = doc.lead_event;
    // A claim placed in another town than its event's is about another event of the same kind
    // ("15 killed in X, and three others in Y").
    if (e >= 0 && c.location && doc.events[e].location && TownOf(*c.location) != TownOf(*doc.events[e].location) &&
        c.location->precision != PlacePrecision::kCountry && c.location->precision != PlacePrecision::kAdmin1 &&
        doc.events[e].location->precision != PlacePrecision::kCountry) {
      int same = -1;
      for (size_t k = 0; k < doc.events.size(); ++k) {
        if (doc.events[k].event_type == doc.events[e].event_type && doc.events[k].location &&
            TownOf(*doc.events[k].location) == TownOf(*c.location)) {
          same = int(k);
        }
      }
      if (same < 0) {
        DocEvent made = doc.events[e];
        made.claims.clear();
        made.sentence = c.sentence;
        made.location = in_main_town(c.location);
        if (c.time_start) made.date_start = c.time_start, made.date_end = c.time_end;
        same = int(doc.events.size());
        doc.events.push_back(std::move(made));
        typed_by_target.push_back(typed_by_target[e]);
        armed_target.push_back(false);
      }
      e = same;
    }
    if (e < 0) {
      DocEvent made;
      made.event_type = "Violence against civilians";
      made.sub_event_type = "Attack";
      typed_by_target.push_back(true);
      armed_target.push_back(false);
      made.sentence = c.sentence;
      made.location = in_main_town(c.location);
      made.date_start = c.time_start ? c.time_start : doc.reference_date;
      made.date_end = c.time_end ? c.time_end : doc.reference_date;
      e = int(doc.events.size());
      doc.events.push_back(std::move(made));
      if (doc.lead_event < 0) doc.lead_event = e;
    }
    c.doc_event = e;
    doc.events[e].claims.push_back(uint32_t(ci));
  }
  // An attack whose victims were armed is a battle.
  for (size_t k = 0; k < doc.events.size() && k < typed_by_target.size(); ++k) {
    if (!typed_by_target[k]) continue;
    bool armed = armed_target[k];
    for (uint32_t ci : doc.events[k].claims) armed |= IsArmed(doc.claims[ci].victims);
    if (armed) {
      doc.events[k].event_type = "Battles";
      doc.events[k].sub_event_type = "Armed clash";
    }
  }
  // A report that names no violence, protest or other development still reports something
  // somewhere: ACLED's category of last resort, at the report's main place and first date.
  if (doc.events.empty() && !views.empty() && (main_place || !doc.times.empty() || doc.reference_date)) {
    DocEvent e;
    e.event_type = "Strategic developments";
    e.sub_event_type = "Other";
    e.sentence = 0;
    e.location = main_place;
    if (!e.location) {
      for (const PlaceMention& p : doc.places) {
        if (!e.location || PrecisionRank(p.place) > PrecisionRank(*e.location)) e.location = p.place;
      }
    }
    const TimeMention* first_time = nullptr;
    for (const TimeMention& t : doc.times) {
      if (!IsHistory(t, doc.reference_date)) {
        first_time = &t;
        break;
      }
    }
    if (first_time) {
      std::tie(e.date_start, e.date_end) = EventDays(*first_time, doc.reference_date);
    } else {
      e.date_start = e.date_end = doc.reference_date;
    }
    doc.events.push_back(std::move(e));
    typed_by_target.push_back(false);
    armed_target.push_back(false);
    doc.lead_event = 0;
  }
  int lead_claim = doc.lead_killed >= 0 ? doc.lead_killed : doc.lead_injured;
  if (lead_claim >= 0 && doc.claims[lead_claim].doc_event >= 0) doc.lead_event = doc.claims[lead_claim].doc_event;
  if (doc.lead_event < 0 && !doc.events.empty()) doc.lead_event = 0;
  // A lead claim of another event than the lead gives no toll for it.
  auto drop_if_elsewhere = [&](int* claim) {
    if (*claim >= 0 && doc.claims[*claim].doc_event != doc.lead_event) *claim = -1;
  };
  drop_if_elsewhere(&doc.lead_killed);
  drop_if_elsewhere(&doc.lead_injured);
  // The story a report leads with happens at its main town, unless its lead names a town: a lead
  // placed only by a country ("pouring into Turkey", "near the Lebanese border") is not placed.
  if (doc.lead_event >= 0 && main_place) {
    std::optional<Place>& where = doc.events[doc.lead_event].location;
    if (!where || where->precision == PlacePrecision::kCountry) where = main_place;
  }
  return Status::Ok();
}

}  // namespace crosscheck
