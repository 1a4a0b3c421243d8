// The first linker: each document's events become events, and events of different documents
// merge when they agree on type, place and date.
//
// Blocking: candidates are only the events filed under the same place key (country and town, a
// neighbourhood filed under its town), so the work grows with the number of reports per place,
// not with the square of the corpus. Within a block, an event joins the first cluster of the same
// event type whose place is compatible and whose dates lie within LinkOptions::max_day_gap; an
// undated event joins only when its block holds a single dated cluster of its type.
#include "link/linker.h"

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

#include "util/utf8.h"

namespace crosscheck {
namespace {

struct Cluster {
  std::vector<size_t> members;  // indices into input.doc_events
  std::optional<Date> start, end;
  std::string event_type;
};

std::string TownKey(const std::optional<PlaceRecord>& p) {
  if (!p) return "";
  const Place& place = p->place;
  std::string town = place.precision == PlacePrecision::kNeighbourhood && !place.parent.empty()
                         ? place.parent
                         : place.name;
  return place.country_code + "|" + FoldForMatch(town);
}

// A count of everyone hit, not of one group among them ("14 soldiers" is a part of a toll).
bool IsTotal(const std::string& victims) {
  return victims.empty() || victims == "people" || victims == "civilians";
}

// Low, best and high from the asserted incident-scope counts of one kind, one per source.
// Parts placed in a neighbourhood of the event's town are inside its whole, so only counts at the
// event's own precision or coarser compete. The rule: low = the smallest figure a source states as
// a minimum, high = the largest credible figure stated (a maximum where given), best = the
// median of the sources' point figures.
std::optional<Estimate> Reconcile(const std::vector<const ClaimRecord*>& claims, ClaimKind kind) {
  // A source that gives several figures is counted once, by its largest: a later, higher
  // figure of the same source supersedes its earlier one.
  std::map<std::string, std::pair<int64_t, int64_t>> per_source;  // lo, hi
  for (const ClaimRecord* c : claims) {
    if (c->kind != kind || !c->count || c->polarity != Polarity::kAsserted ||
        c->scope != Scope::kIncident) {
      continue;
    }
    if (!c->part_of.empty() || !IsTotal(c->victims)) continue;
    const Quantity& q = c->count->value;
    int64_t lo = q.min.value_or(q.max.value_or(0));
    int64_t hi = q.max.value_or(q.min.value_or(0));
    if (hi <= 0) continue;
    std::string source = c->source_name.empty() ? std::string(ActorTypeName(c->source_type)) + ":" + c->doc_id
                                                : c->source_name;
    auto [it, fresh] = per_source.emplace(source, std::make_pair(lo, hi));
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
  return e;
}

bool DatesCompatible(const Cluster& c, const DocEventRecord& e, int gap) {
  if (!c.start || !e.date_start) return false;
  int64_t lo = c.start->ToDays() - gap, hi = (c.end ? *c.end : *c.start).ToDays() + gap;
  int64_t d = e.date_start->ToDays();
  return d >= lo && d <= hi;
}

}  // namespace

LinkOutput Linker::Link(LinkInput input) const {
  LinkOutput out;
  std::unordered_map<std::string, size_t> doc_index;
  for (size_t i = 0; i < input.documents.size(); ++i) doc_index[input.documents[i].doc_id] = i;

  // Block by place key, in storage order so the result does not depend on thread timing.
  std::map<std::string, std::vector<size_t>> blocks;
  for (size_t i = 0; i < input.doc_events.size(); ++i) {
    blocks[TownKey(input.doc_events[i].location)].push_back(i);
  }
  std::vector<Cluster> clusters;
  for (const auto& [key, members] : blocks) {
    std::vector<size_t> local;  // clusters of this block
    std::vector<size_t> undated;
    for (size_t i : members) {
      const DocEventRecord& e = input.doc_events[i];
      if (!e.date_start) {
        undated.push_back(i);
        continue;
      }
      bool placed = false;
      if (!key.empty()) {
        for (size_t ci : local) {
          Cluster& c = clusters[ci];
          if (c.event_type == e.event_type && DatesCompatible(c, e, options_.max_day_gap)) {
            c.members.push_back(i);
            c.start = std::min(*c.start, *e.date_start);
            c.end = std::max(c.end.value_or(*c.start), e.date_end.value_or(*e.date_start));
            placed = true;
            break;
          }
        }
      }
      if (!placed) {
        local.push_back(clusters.size());
        clusters.push_back(Cluster{{i}, e.date_start, e.date_end ? e.date_end : e.date_start, e.event_type});
      }
    }
    for (size_t i : undated) {
      const DocEventRecord& e = input.doc_events[i];
      std::vector<size_t> same_type;
      for (size_t ci : local) {
        if (clusters[ci].event_type == e.event_type) same_type.push_back(ci);
      }
      // An undated report joins the largest dated event of its type at its place: the date
      // repair below then gives it that event's date.
      size_t largest = SIZE_MAX;
      for (size_t ci : same_type) {
        if (largest == SIZE_MAX || clusters[ci].members.size() > clusters[largest].members.size()) largest = ci;
      }
      if (!key.empty() && largest != SIZE_MAX) {
        clusters[largest].members.push_back(i);
      } else {
        clusters.push_back(Cluster{{i}, std::nullopt, std::nullopt, e.event_type});
      }
    }
  }

  // Claims by document event.
  std::map<std::pair<std::string, int>, std::vector<size_t>> claims_of;
  for (size_t i = 0; i < input.claims.size(); ++i) {
    claims_of[{input.claims[i].doc_id, input.claims[i].doc_event}].push_back(i);
  }

  std::sort(clusters.begin(), clusters.end(), [&](const Cluster& a, const Cluster& b) {
    if (a.start != b.start) return a.start.has_value() && (!b.start || *a.start < *b.start);
    return a.members.front() < b.members.front();
  });

  std::set<size_t> changed_claims, changed_doc_events, changed_docs;
  for (const Cluster& c : clusters) {
    const DocEventRecord& first = input.doc_events[c.members.front()];
    EventRecord ev;
    // The id is the first member's identity: stable across runs over the same input.
    ev.event_id = "ev-" + first.doc_id + "-" + std::to_string(first.index);
    ev.event_type = first.event_type;
    ev.sub_event_type = first.sub_event_type;
    ev.date_start = c.start;
    ev.date_end = c.end;
    ev.actor1 = first.actor1;
    ev.actor2 = first.actor2;
    // The most precise place any member gives.
    for (size_t m : c.members) {
      const auto& loc = input.doc_events[m].location;
      if (loc && (!ev.location || (loc->place.precision != PlacePrecision::kUnknown &&
                                   int(loc->place.precision) < int(ev.location->place.precision)))) {
        ev.location = loc;
      }
    }
    std::vector<const ClaimRecord*> members_claims;
    std::set<std::string> docs;
    std::map<std::string, EventSourceRecord> sources;
    std::vector<std::string> sentences;
    for (size_t m : c.members) {
      DocEventRecord& de = input.doc_events[m];
      if (de.event_id != ev.event_id) {
        de.event_id = ev.event_id;
        changed_doc_events.insert(m);
      }
      if (!docs.count(de.doc_id)) ev.documents.push_back(de.doc_id);
      docs.insert(de.doc_id);
      if (!de.sentence.empty() && sentences.size() < 3) sentences.push_back(de.sentence);
      auto doc_it = doc_index.find(de.doc_id);
      if (doc_it != doc_index.end()) {
        DocumentRecord& doc = input.documents[doc_it->second];
        // Date repair: an undated report takes its date from the event its lead reports.
        if (de.is_lead && !doc.published.date && c.start) {
          doc.published = PublishedDate{c.start, DateBasis::kCluster, 0.5};
          changed_docs.insert(doc_it->second);
        }
        if (de.is_lead && doc.lead && doc.lead->event_id != ev.event_id) {
          doc.lead->event_id = ev.event_id;
          if (!doc.lead->date && c.start) doc.lead->date = c.start;
          changed_docs.insert(doc_it->second);
        }
      }
      for (size_t ci : claims_of[{de.doc_id, de.index}]) {
        ClaimRecord& claim = input.claims[ci];
        if (claim.event_id != ev.event_id) {
          claim.event_id = ev.event_id;
          changed_claims.insert(ci);
        }
        ev.claims.push_back(claim.claim_id);
        members_claims.push_back(&claim);
        std::string key = claim.source_name.empty() ? std::string(ActorTypeName(claim.source_type))
                                                    : claim.source_name;
        EventSourceRecord& s = sources[key];
        s.name = claim.source_name;
        s.type = claim.source_type;
        s.claim_ids.push_back(claim.claim_id);
      }
    }
    for (auto& [key, s] : sources) ev.sources.push_back(std::move(s));
    ev.fatalities = Reconcile(members_claims, ClaimKind::kKilled);
    ev.injured = Reconcile(members_claims, ClaimKind::kInjured);
    // A denial stands against every assertion of the same event.
    std::vector<std::string> denials, assertions;
    for (const ClaimRecord* cl : members_claims) {
      (cl->polarity == Polarity::kDenied ? denials : assertions).push_back(cl->claim_id);
    }
    for (const std::string& d : denials) {
      if (assertions.empty()) break;
      std::vector<std::string> ids = {d};
      ids.insert(ids.end(), assertions.begin(), assertions.begin() + std::min<size_t>(assertions.size(), 5));
      ev.contradictions.push_back(Contradiction{ids, "a source denies what others report"});
    }
    for (size_t i = 0; i < sentences.size(); ++i) {
      if (i) ev.summary += ' ';
      ev.summary += sentences[i];
    }
    out.events.push_back(std::move(ev));
  }
  for (size_t i : changed_claims) out.changed_claims.push_back(input.claims[i]);
  for (size_t i : changed_doc_events) out.changed_doc_events.push_back(input.doc_events[i]);
  for (size_t i : changed_docs) out.changed_documents.push_back(input.documents[i]);
  return out;
}

}  // namespace crosscheck
