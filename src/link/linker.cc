// The linker: each document's events become events, and events of different documents merge when
// they report one incident.
//
// Blocking: candidates are only the events filed under the same place key (country and town, a
// neighbourhood filed under its town; link/block_key.h). Each document event becomes a small
// integer tuple (block, day, storage index); one sort puts every block's reports in date order,
// and one sweep cuts them into events. The sweep keeps the block's open events: those a report of
// this day may still join, as its date lies within LinkOptions::max_day_gap of the event's end
// and max_event_days of its start. A report joins the open event it matches best (link/match.h:
// type, actors, place within the town, day, death toll, distinctive words) when the score
// reaches the threshold, else opens an event; an undated report joins the best-matching dated
// event of its block. The work is one sort of the document events and, per report, a score
// against the few events of its town and week, so it grows as n log n, never with the square of
// the corpus.
#include "link/linker.h"

#include <algorithm>
#include <cctype>
#include <climits>
#include <cstdlib>
#include <deque>
#include <map>
#include <set>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

#include "link/block_key.h"
#include "link/match.h"

namespace crosscheck {
namespace {

constexpr int32_t kUndated = INT32_MAX;  // sorts after every dated report of its block

// Dense ids for strings, so that blocking sorts integers rather than strings.
class Interner {
 public:
  uint32_t Id(std::string_view s) {
    auto it = ids_.find(s);
    if (it != ids_.end()) return it->second;
    keys_.emplace_back(s);
    uint32_t id = uint32_t(ids_.size());
    ids_.emplace(keys_.back(), id);
    return id;
  }

 private:
  std::deque<std::string> keys_;  // stable storage behind the map's views
  std::unordered_map<std::string_view, uint32_t> ids_;
};

// Block ids of places. Folding is slow (ICU), and a corpus names a few thousand towns, so each
// distinct town is folded once. Id 0 is "no place".
class BlockIds {
 public:
  BlockIds() { keys_.Id(""); }
  uint32_t Of(const std::optional<PlaceRecord>& p) {
    if (!p) return 0;
    raw_.assign(p->place.country_code);
    raw_ += '|';
    raw_ += BlockTown(p->place);
    auto it = by_raw_.find(raw_);
    if (it == by_raw_.end()) it = by_raw_.emplace(raw_, keys_.Id(BlockKey(p))).first;
    return it->second;
  }

 private:
  Interner keys_;
  std::unordered_map<std::string, uint32_t> by_raw_;
  std::string raw_;
};

// One document event reduced to what blocking sorts on.
struct Item {
  uint32_t block;  // 0: no place, never merged
  int32_t day;     // days since the epoch of date_start, kUndated when none
  uint32_t index;  // into input.doc_events: storage order
  auto Key() const { return std::tie(block, day, index); }
};

struct Cluster {
  std::vector<uint32_t> members;  // indices into input.doc_events, in storage order
  std::optional<Date> start, end;
  int64_t first_day = 0, last_day = 0;  // start and end in days, while the sweep is on
  Evidence evidence;                    // of its members so far
};

// A count of everyone hit, not of one group among them ("14 soldiers" is a part of a toll).
bool IsTotal(const std::string& victims) {
  return victims.empty() || victims == "people" || victims == "civilians";
}

// The claims that enter reconciliation and count contradictions: asserted totals of one incident.
bool IsIncidentTotal(const ClaimRecord& c) {
  return c.count && c.polarity == Polarity::kAsserted && c.scope == Scope::kIncident &&
         c.part_of.empty() && IsTotal(c.victims);
}

// Who says it: a named source, else its type within its document (two unnamed activists in two
// reports may be two people).
std::string SourceKey(const ClaimRecord& c) {
  return c.source_name.empty() ? std::string(ActorTypeName(c.source_type)) + ":" + c.doc_id : c.source_name;
}

// Low, best and high from the asserted incident-scope counts of one kind, one per source.
// The rule: low = the smallest figure a source states as a minimum, high = the largest credible
// figure stated (a maximum where given), best = the median of the sources' point figures.
std::optional<Estimate> Reconcile(const std::vector<const ClaimRecord*>& claims, ClaimKind kind,
                                  size_t copies) {
  // A source that gives several figures is counted once, by its largest: a later, higher
  // figure of the same source supersedes its earlier one.
  std::map<std::string, std::pair<int64_t, int64_t>> per_source;  // lo, hi
  for (const ClaimRecord* c : claims) {
    if (c->kind != kind || !IsIncidentTotal(*c)) continue;
    const Quantity& q = c->count->value;
    int64_t lo = q.min.value_or(q.max.value_or(0));
    int64_t hi = q.max.value_or(q.min.value_or(0));
    if (hi <= 0) continue;
    auto [it, fresh] = per_source.emplace(SourceKey(*c), std::make_pair(lo, hi));
    if (!fresh) {
      it->second.first = std::max(it->second.first, lo);
      it->second.second = std::max(it->second.second, hi);
    }
  }
  if (per_source.empty()) return std::nullopt;
  std::vector<int64_t> lows, highs, points;
  for (const auto& [source, range] : per_source) {
    lows.push_back(range.first);
    highs.push_back(range.second);
    points.push_back(range.first > 0 ? range.first : range.second);
  }
  std::sort(points.begin(), points.end());
  Estimate e;
  e.low = *std::min_element(lows.begin(), lows.end());
  e.high = *std::max_element(highs.begin(), highs.end());
  e.best = points[(points.size() - 1) / 2];
  if (e.low <= 0) e.low = e.best;
  e.rule = "low: smallest total any source states; best: median of the " +
           std::to_string(per_source.size()) +
           " sources' totals (each counted once); high: largest total stated; incident totals "
           "only (parts, group counts and cumulative tallies listed, not counted)";
  if (copies > 0) {
    e.rule += "; " + std::to_string(copies) + " copied report" + (copies > 1 ? "s" : "") +
              " listed, not counted again";
  }
  return e;
}

std::string SourceLabel(const ClaimRecord& c) {
  if (!c.source_name.empty()) return c.source_name;
  if (!c.source_text.empty()) return c.source_text;
  return "";
}

std::string CountText(const ClaimRecord& c) {
  if (!c.count->text.empty()) return c.count->text;
  const Quantity& q = c.count->value;
  return std::to_string(q.min.value_or(q.max.value_or(0)));
}

// A count without its own time is of the event's days.
bool TimesOverlap(const ClaimRecord& a, const ClaimRecord& b, const EventRecord& ev) {
  auto range = [&](const ClaimRecord& c) -> std::optional<std::pair<Date, Date>> {
    if (c.time_start) return std::make_pair(*c.time_start, c.time_end.value_or(*c.time_start));
    if (ev.date_start) return std::make_pair(*ev.date_start, ev.date_end.value_or(*ev.date_start));
    return std::nullopt;
  };
  auto ra = range(a), rb = range(b);
  if (!ra || !rb) return true;
  return ra->first <= rb->second && rb->first <= ra->second;
}

// Counts of the same kind, place and time that cannot both hold: the lowest stated maximum
// against the highest stated minimum, from two sources, far apart. A smaller count of civilians
// beside a larger count of everyone is a part, not a contradiction.
void CountContradictions(const std::vector<const ClaimRecord*>& counted, uint32_t event_block,
                         BlockIds& block_ids, const LinkOptions& options, EventRecord* ev) {
  std::vector<Contradiction>* out = &ev->contradictions;
  std::map<std::pair<ClaimKind, uint32_t>, std::vector<const ClaimRecord*>> groups;
  for (const ClaimRecord* c : counted) {
    if (!IsIncidentTotal(*c)) continue;
    groups[{c->kind, c->location ? block_ids.Of(c->location) : event_block}].push_back(c);
  }
  for (const auto& [group, claims] : groups) {
    std::vector<std::pair<const ClaimRecord*, const ClaimRecord*>> found;
    for (const ClaimRecord* low : claims) {
      if (!low->count->value.max) continue;  // "more than 200" bounds nothing from above
      int64_t hi = *low->count->value.max;
      for (const ClaimRecord* high : claims) {
        if (!high->count->value.min || SourceKey(*high) == SourceKey(*low)) continue;
        int64_t lo = *high->count->value.min;
        if (lo < hi * options.contradiction_ratio || lo - hi < options.contradiction_min_gap) continue;
        if (low->victims == "civilians" && high->victims != "civilians") continue;
        if (!TimesOverlap(*low, *high, *ev)) continue;
        found.emplace_back(low, high);
      }
    }
    // One note per group: the two claims furthest apart, which every other pair lies between.
    if (found.empty()) continue;
    auto gap = [](const auto& p) { return *p.second->count->value.min - *p.first->count->value.max; };
    const auto& [low, high] = *std::max_element(found.begin(), found.end(),
                                                [&](const auto& a, const auto& b) { return gap(a) < gap(b); });
    auto who = [](const ClaimRecord& c) {
      std::string label = SourceLabel(c);
      return label.empty() ? std::string(ActorTypeName(c.source_type)) + " source" : label;
    };
    std::string place = low->location ? low->location->place.name : high->location ? high->location->place.name : "";
    out->push_back(Contradiction{
        {low->claim_id, high->claim_id},
        std::string(ClaimKindName(group.first)) + (place.empty() ? "" : " in " + place) + ": " + who(*low) +
            " says " + CountText(*low) + ", " + who(*high) + " says " + CountText(*high) +
            "; counts of the same scope and place that cannot both hold"});
  }
}

// ---- Summary ---------------------------------------------------------------------------------

std::vector<std::string> Words(std::string_view s) {
  std::vector<std::string> words;
  std::string w;
  for (char ch : s) {
    if (std::isalnum(static_cast<unsigned char>(ch)) || (ch & 0x80)) {
      w += char(std::tolower(static_cast<unsigned char>(ch)));
    } else if (!w.empty()) {
      words.push_back(std::move(w));
      w.clear();
    }
  }
  if (!w.empty()) words.push_back(std::move(w));
  return words;
}

// Two sentences are near-identical when most of their words are shared (a copy with a changed
// word or a re-worded lead).
bool NearIdentical(std::string_view a, std::string_view b) {
  std::vector<std::string> wa = Words(a), wb = Words(b);
  std::unordered_set<std::string> sa(wa.begin(), wa.end()), sb(wb.begin(), wb.end());
  if (sa.empty() || sb.empty()) return sa.empty() && sb.empty();
  size_t shared = 0;
  for (const std::string& w : sa) shared += sb.count(w);
  return double(shared) / double(sa.size() + sb.size() - shared) >= 0.6;
}

bool Contains(std::string_view haystack, std::string_view needle) {
  if (needle.empty()) return false;
  std::string h = AsciiLower(haystack), n = AsciiLower(needle);
  return h.find(n) != std::string::npos;
}

// Sentence openings that are not names, so "According to X, the shelling..." reads right; any
// other first word may be a name and keeps its capital.
bool OpensWithCommonWord(std::string_view s) {
  static const std::unordered_set<std::string> kCommon = {
      "the", "a", "an", "at", "in", "on", "more", "some", "several", "up", "as", "dozens", "hundreds",
      "scores", "thousands", "nearly", "about", "around", "over", "least", "two", "three", "four",
      "five", "six", "seven", "eight", "nine", "ten", "many", "most", "government", "security",
      "shelling", "clashes", "fighting", "troops", "forces", "rebels", "protesters", "police",
      "gunmen", "militants", "heavy", "continued", "early", "late", "this", "these", "there",
      "meanwhile", "earlier", "later", "also", "however", "elsewhere", "artillery", "air", "shells",
      "rockets", "bombs", "explosions", "airstrikes", "residents", "witnesses", "activists", "officials"};
  size_t end = 0;
  while (end < s.size() && std::isalpha(static_cast<unsigned char>(s[end]))) ++end;
  return end > 0 && kCommon.count(AsciiLower(s.substr(0, end)));
}

// Drops list bullets and dashes a scraped paragraph may open with, and surrounding space.
std::string Trimmed(std::string_view s) {
  while (!s.empty()) {
    if (s.starts_with("\u2022") || s.starts_with("\u2013") || s.starts_with("\u2014")) {
      s.remove_prefix(3);
    } else if (s[0] == ' ' || s[0] == '-' || s[0] == '*' || s[0] == '\t' || s[0] == '\n') {
      s.remove_prefix(1);
    } else {
      break;
    }
  }
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return std::string(s);
}

bool EndsSentence(std::string_view s) {
  while (!s.empty() && (s.back() == '"' || s.back() == '\'' || s.back() == ')')) s.remove_suffix(1);
  if (s.ends_with("\u201D") || s.ends_with("\u2019")) s.remove_suffix(3);
  return !s.empty() && (s.back() == '.' || s.back() == '!' || s.back() == '?');
}

// The sentence as written when it names its source, else prefixed with who says it.
std::string Attributed(const std::string& sentence, const std::vector<std::string>& names,
                       const std::string& label) {
  for (const std::string& n : names) {
    if (Contains(sentence, n)) return sentence;
  }
  std::string body = sentence;
  if (OpensWithCommonWord(body)) body[0] = char(std::tolower(static_cast<unsigned char>(body[0])));
  return "According to " + label + ", " + body;
}

std::string Summarize(const EventRecord& ev, const std::vector<const DocEventRecord*>& events,
                      const std::vector<const ClaimRecord*>& counted,
                      const std::vector<const ClaimRecord*>& all_claims,
                      const std::vector<DocumentRecord>& documents,
                      const std::unordered_map<std::string_view, uint32_t>& doc_num);

}  // namespace

LinkOutput Linker::Link(LinkInput input) const {
  LinkOutput out;
  const size_t n_docs = input.documents.size();

  // Documents by id; document events and claims whose document is missing get numbers past
  // the documents so that grouping still works.
  std::unordered_map<std::string_view, uint32_t> doc_num;
  doc_num.reserve(n_docs);
  for (size_t i = 0; i < n_docs; ++i) doc_num.emplace(input.documents[i].doc_id, uint32_t(i));
  auto num_of = [&](const std::string& id) {
    return doc_num.emplace(id, uint32_t(doc_num.size())).first->second;
  };

  // Claims by document event: (document number, event index) -> claim indices, sorted.
  std::vector<std::pair<uint64_t, uint32_t>> claims_by_event;
  claims_by_event.reserve(input.claims.size());
  auto event_key = [](uint32_t doc, int index) { return (uint64_t(doc) << 32) | uint32_t(index); };
  for (size_t i = 0; i < input.claims.size(); ++i) {
    const ClaimRecord& c = input.claims[i];
    if (c.doc_event < 0) continue;
    claims_by_event.emplace_back(event_key(num_of(c.doc_id), c.doc_event), uint32_t(i));
  }
  std::sort(claims_by_event.begin(), claims_by_event.end());
  auto claims_of = [&](const DocEventRecord& de) {
    return std::equal_range(claims_by_event.begin(), claims_by_event.end(),
                            std::make_pair(event_key(num_of(de.doc_id), de.index), uint32_t(0)),
                            [](const auto& a, const auto& b) { return a.first < b.first; });
  };

  BlockIds block_ids;
  std::vector<Item> items(input.doc_events.size());
  for (size_t i = 0; i < input.doc_events.size(); ++i) {
    const DocEventRecord& e = input.doc_events[i];
    items[i] = Item{block_ids.Of(e.location), e.date_start ? int32_t(e.date_start->ToDays()) : kUndated,
                    uint32_t(i)};
  }
  std::sort(items.begin(), items.end(), [](const Item& a, const Item& b) { return a.Key() < b.Key(); });

  // One sweep over each block: dated reports in date order, then the undated ones. A dated report
  // is scored against the block's open events (those whose window still admits its day) and
  // joins the best one that reaches the threshold, else opens an event of its own.
  EvidenceBuilder evidence;
  std::vector<const ClaimRecord*> its_claims;
  auto evidence_of = [&](const DocEventRecord& e) {
    its_claims.clear();
    auto range = claims_of(e);
    for (auto it = range.first; it != range.second; ++it) its_claims.push_back(&input.claims[it->second]);
    return evidence.Of(e, its_claims);
  };
  std::vector<Cluster> clusters;
  std::vector<size_t> open;  // clusters of the current block still open, in the order opened
  for (size_t run = 0; run < items.size();) {
    size_t end = run;
    while (end < items.size() && items[end].block == items[run].block) ++end;
    size_t first_cluster = clusters.size();
    open.clear();
    for (size_t k = run; k < end; ++k) {
      const Item& it = items[k];
      const DocEventRecord& e = input.doc_events[it.index];
      if (it.block == 0) {  // no place: its own event
        clusters.push_back(Cluster{{it.index}, e.date_start, e.date_end ? e.date_end : e.date_start, 0, 0, {}});
        continue;
      }
      Evidence ev = evidence_of(e);
      if (it.day == kUndated) {
        // An undated report joins the best-matching dated event of its block (the larger on a
        // tie): the date repair then gives it that event's date.
        size_t best = SIZE_MAX;
        double best_score = 0;
        for (size_t ci = first_cluster; ci < clusters.size(); ++ci) {
          if (!clusters[ci].start) continue;
          double score = MatchScore(ev, clusters[ci].evidence, false, evidence, options_);
          if (score < options_.merge_threshold) continue;
          if (best == SIZE_MAX || score > best_score ||
              (score == best_score && clusters[ci].members.size() > clusters[best].members.size())) {
            best = ci;
            best_score = score;
          }
        }
        if (best != SIZE_MAX) {
          clusters[best].members.push_back(it.index);
          clusters[best].evidence.Merge(ev);
        } else {
          clusters.push_back(Cluster{{it.index}, std::nullopt, std::nullopt, 0, 0, std::move(ev)});
        }
        continue;
      }
      int64_t day = it.day;
      int64_t last = e.date_end ? std::max<int64_t>(day, e.date_end->ToDays()) : day;
      // Events whose window has passed close for good: days come in order.
      std::erase_if(open, [&](size_t ci) {
        const Cluster& c = clusters[ci];
        return day > c.last_day + options_.max_day_gap || day > c.first_day + options_.max_event_days;
      });
      size_t best = SIZE_MAX;
      double best_score = options_.merge_threshold;
      for (size_t ci : open) {
        const Cluster& c = clusters[ci];
        double score = MatchScore(ev, c.evidence, day <= c.last_day, evidence, options_);
        if (score > best_score || (score == best_score && best == SIZE_MAX)) {
          best = ci;
          best_score = score;
        }
      }
      if (best != SIZE_MAX) {
        Cluster& c = clusters[best];
        c.members.push_back(it.index);
        c.evidence.Merge(ev);
        if (last > c.last_day) {
          c.last_day = last;
          c.end = Date::FromDays(last);
        }
        continue;
      }
      open.push_back(clusters.size());
      clusters.push_back(Cluster{{it.index}, *e.date_start, Date::FromDays(last), day, last, std::move(ev)});
    }
    run = end;
  }
  std::vector<Item>().swap(items);
  for (Cluster& c : clusters) {
    std::sort(c.members.begin(), c.members.end());
    c.evidence = Evidence();  // its memory is not needed past the sweep
  }

  std::sort(clusters.begin(), clusters.end(), [&](const Cluster& a, const Cluster& b) {
    if (a.start != b.start) return a.start.has_value() && (!b.start || *a.start < *b.start);
    return a.members.front() < b.members.front();
  });

  std::vector<char> changed_claims(input.claims.size()), changed_doc_events(input.doc_events.size()),
      changed_docs(n_docs);
  out.events.reserve(clusters.size());
  for (Cluster& c : clusters) {
    const DocEventRecord& first = input.doc_events[c.members.front()];
    EventRecord ev;
    // The id is the identity of the earliest stored member: stable across runs over the same
    // input, and kept when later documents join the event.
    ev.event_id = "ev-" + first.doc_id + "-" + std::to_string(first.index);
    // The type most of its reports give (the earliest stored one's on a tie).
    {
      std::map<std::pair<std::string_view, std::string_view>, size_t> votes;
      for (uint32_t m : c.members) ++votes[{input.doc_events[m].event_type, input.doc_events[m].sub_event_type}];
      const DocEventRecord* typed = &first;
      size_t most = 0;
      for (uint32_t m : c.members) {
        const DocEventRecord& de = input.doc_events[m];
        size_t n = votes[{de.event_type, de.sub_event_type}];
        if (n > most) {
          most = n;
          typed = &de;
        }
      }
      ev.event_type = typed->event_type;
      ev.sub_event_type = typed->sub_event_type;
    }
    ev.date_start = c.start;
    ev.date_end = c.end;
    ev.actor1 = first.actor1;
    ev.actor2 = first.actor2;
    // The most precise place any member gives.
    for (uint32_t m : c.members) {
      const auto& loc = input.doc_events[m].location;
      if (loc && (!ev.location || (loc->place.precision != PlacePrecision::kUnknown &&
                                   int(loc->place.precision) < int(ev.location->place.precision)))) {
        ev.location = loc;
      }
    }
    const uint32_t event_block = block_ids.Of(first.location);

    // A syndicated or re-posted copy says nothing its original did not: its claims are listed,
    // but only the first stored report of each original counts in the toll and contradictions.
    std::unordered_set<std::string_view> originals;
    std::vector<const ClaimRecord*> all_claims, counted;
    std::map<std::string, EventSourceRecord> sources;
    std::vector<const DocEventRecord*> member_events;
    std::unordered_set<std::string_view> docs;
    size_t copies = 0;
    for (uint32_t m : c.members) {
      DocEventRecord& de = input.doc_events[m];
      member_events.push_back(&de);
      if (de.event_id != ev.event_id) {
        de.event_id = ev.event_id;
        changed_doc_events[m] = 1;
      }
      bool new_doc = docs.insert(de.doc_id).second;
      if (new_doc) ev.documents.push_back(de.doc_id);
      uint32_t dn = num_of(de.doc_id);
      bool is_copy = false;
      if (dn < n_docs) {
        DocumentRecord& doc = input.documents[dn];
        const std::string& original = doc.near_duplicate_of.empty() ? doc.doc_id : doc.near_duplicate_of;
        // A document's second event in the same cluster is not a copy of itself.
        is_copy = !originals.insert(original).second && new_doc;
        if (is_copy) ++copies;
        // Date repair: an undated report takes its date from the event its lead reports.
        if (de.is_lead && !doc.published.date && c.start) {
          doc.published = PublishedDate{c.start, DateBasis::kCluster, 0.5};
          changed_docs[dn] = 1;
        }
        if (de.is_lead && doc.lead && doc.lead->event_id != ev.event_id) {
          doc.lead->event_id = ev.event_id;
          if (!doc.lead->date && c.start) doc.lead->date = c.start;
          changed_docs[dn] = 1;
        }
      }
      auto range = std::equal_range(claims_by_event.begin(), claims_by_event.end(),
                                    std::make_pair(event_key(dn, de.index), uint32_t(0)),
                                    [](const auto& a, const auto& b) { return a.first < b.first; });
      for (auto it = range.first; it != range.second; ++it) {
        ClaimRecord& claim = input.claims[it->second];
        if (claim.event_id != ev.event_id) {
          claim.event_id = ev.event_id;
          changed_claims[it->second] = 1;
        }
        ev.claims.push_back(claim.claim_id);
        all_claims.push_back(&claim);
        if (!is_copy) counted.push_back(&claim);
        std::string key = claim.source_name.empty() ? std::string(ActorTypeName(claim.source_type))
                                                    : claim.source_name;
        EventSourceRecord& s = sources[key];
        s.name = claim.source_name;
        s.type = claim.source_type;
        s.claim_ids.push_back(claim.claim_id);
      }
    }
    for (auto& [key, s] : sources) ev.sources.push_back(std::move(s));
    ev.fatalities = Reconcile(counted, ClaimKind::kKilled, copies);
    ev.injured = Reconcile(counted, ClaimKind::kInjured, copies);

    // A denial stands against every assertion of the same event.
    std::vector<std::string> denials, assertions;
    for (const ClaimRecord* cl : all_claims) {
      (cl->polarity == Polarity::kDenied ? denials : assertions).push_back(cl->claim_id);
    }
    for (const std::string& d : denials) {
      if (assertions.empty()) break;
      std::vector<std::string> ids = {d};
      ids.insert(ids.end(), assertions.begin(), assertions.begin() + std::min<size_t>(assertions.size(), 5));
      ev.contradictions.push_back(Contradiction{ids, "a source denies what others report"});
    }
    CountContradictions(counted, event_block, block_ids, options_, &ev);

    ev.summary = Summarize(ev, member_events, counted, all_claims, input.documents, doc_num);
    out.events.push_back(std::move(ev));
  }
  std::vector<Cluster>().swap(clusters);
  // Records are moved out: at a million documents a copy would double the memory.
  for (size_t i = 0; i < changed_claims.size(); ++i) {
    if (changed_claims[i]) out.changed_claims.push_back(std::move(input.claims[i]));
  }
  for (size_t i = 0; i < changed_doc_events.size(); ++i) {
    if (changed_doc_events[i]) out.changed_doc_events.push_back(std::move(input.doc_events[i]));
  }
  for (size_t i = 0; i < changed_docs.size(); ++i) {
    if (changed_docs[i]) out.changed_documents.push_back(std::move(input.documents[i]));
  }
  return out;
}

namespace {

// Two or three sentences from the reports: how many (the count nearest the best estimate, from a
// named source when there is one), what, where and when (a report's sentence of the event), and a
// differing voice (a denial, or another source's count). Each names who says it.
std::string Summarize(const EventRecord& ev, const std::vector<const DocEventRecord*>& events,
                      const std::vector<const ClaimRecord*>& counted,
                      const std::vector<const ClaimRecord*>& all_claims,
                      const std::vector<DocumentRecord>& documents,
                      const std::unordered_map<std::string_view, uint32_t>& doc_num) {
  auto outlet = [&](const std::string& doc_id) -> std::string {
    auto it = doc_num.find(doc_id);
    if (it == doc_num.end() || it->second >= documents.size()) return "";
    const DocumentRecord& d = documents[it->second];
    return !d.outlet.empty() ? d.outlet : d.site;
  };
  std::vector<std::string> chosen_raw, chosen;
  auto add = [&](std::string sentence, std::vector<std::string> names, std::string label) {
    sentence = Trimmed(sentence);
    // A headline or a list fragment without an ending is not a sentence to quote.
    if (sentence.empty() || chosen.size() >= 3 || !EndsSentence(sentence)) return false;
    for (const std::string& s : chosen_raw) {
      if (NearIdentical(s, sentence)) return false;
    }
    if (label.empty()) label = "one report";
    names.push_back(label);
    chosen_raw.push_back(sentence);
    chosen.push_back(Attributed(sentence, names, label));
    return true;
  };
  auto add_claim = [&](const ClaimRecord& c) {
    std::string label = SourceLabel(c);
    std::string site = outlet(c.doc_id);
    std::vector<std::string> names = {c.source_name, c.source_text};
    if (label.empty()) label = site;
    return add(c.sentence, names, label);
  };

  // How many: the asserted total nearest the best estimate.
  const ClaimRecord* how_many = nullptr;
  const std::optional<Estimate>& toll = ev.fatalities ? ev.fatalities : ev.injured;
  ClaimKind kind = ev.fatalities ? ClaimKind::kKilled : ClaimKind::kInjured;
  if (toll) {
    int64_t best_gap = INT64_MAX;
    for (const ClaimRecord* c : counted) {
      if (c->kind != kind || !IsIncidentTotal(*c)) continue;
      const Quantity& q = c->count->value;
      int64_t point = q.min.value_or(q.max.value_or(0));
      int64_t gap = std::llabs(point - toll->best) * 2 + (c->source_name.empty() ? 1 : 0);
      if (gap < best_gap) {
        best_gap = gap;
        how_many = c;
      }
    }
  }
  if (how_many) add_claim(*how_many);
  // What, where, when: the lead sentence of the first report that is not the count's own.
  for (const DocEventRecord* e : events) {
    if (how_many && e->sentence == how_many->sentence) continue;
    if (add(e->sentence, {}, outlet(e->doc_id))) break;
  }
  // A differing voice: a denial, else another source's count.
  bool voiced = false;
  for (const ClaimRecord* c : all_claims) {
    if (c->polarity == Polarity::kDenied && (voiced = add_claim(*c))) break;
  }
  for (const ClaimRecord* c : counted) {
    if (voiced || chosen.size() >= 3) break;
    if (how_many && (SourceKey(*c) == SourceKey(*how_many) || c->kind != how_many->kind)) continue;
    if (c->count && c->polarity == Polarity::kAsserted) voiced = add_claim(*c);
  }
  // Too few yet: any other report's sentence.
  for (const DocEventRecord* e : events) {
    if (chosen.size() >= 2) break;
    add(e->sentence, {}, outlet(e->doc_id));
  }
  std::string summary;
  for (const std::string& s : chosen) {
    if (!summary.empty()) summary += ' ';
    summary += s;
  }
  return summary;
}

}  // namespace
}  // namespace crosscheck
