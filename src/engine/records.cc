// MakeRecords: a processed Document flattened into the contract's records.
#include "crosscheck/records.h"

#include <map>

#include "util/utf8.h"

namespace crosscheck {
namespace {

// A count at least this large, repeated, is one count told twice.
constexpr int64_t kRestatedCountMin = 5;

// A count of everyone hit, rather than of one group among them.
bool IsTotalClass(const std::string& victims) {
  return victims.empty() || victims == "people" || victims == "civilians";
}

std::optional<PlaceRecord> PlaceOf(const Document& doc, const std::optional<Place>& place, Span text) {
  if (!place) return std::nullopt;
  return PlaceRecord{*place, std::string(doc.Text(text))};
}

}  // namespace

DocumentRecords MakeRecords(const Document& doc) {
  DocumentRecords out;
  DocumentRecord& d = out.document;
  d.doc_id = doc.doc_id;
  d.path = doc.path;
  d.record_id = doc.record_id;
  d.url = doc.url;
  d.outlet = doc.outlet;
  d.site = doc.site;
  d.title = doc.title;
  d.byline = doc.byline;
  d.language = doc.language;
  d.published = doc.published;
  d.page_date = doc.page_date;
  d.main_text = doc.main_text;
  d.removed = doc.removed;
  d.near_duplicate_of = doc.near_duplicate_of;
  d.body_fingerprint = doc.body_fingerprint;

  CodePointIndex code_points(doc.main_text);
  for (size_t i = 0; i < doc.claims.size(); ++i) {
    const Claim& c = doc.claims[i];
    ClaimRecord r;
    r.claim_id = doc.doc_id + "-c" + std::to_string(i);
    r.doc_id = doc.doc_id;
    Span sentence = c.sentence < doc.sentences.size() ? doc.sentences[c.sentence].span : Span{};
    r.sentence = std::string(doc.Text(sentence));
    r.char_start = code_points.ToCodePoints(sentence.begin);
    r.char_end = code_points.ToCodePoints(sentence.end);
    r.kind = c.kind;
    if (c.count) r.count = CountRecord{std::string(doc.Text(c.count_text)), *c.count};
    r.victims = c.victims;
    r.perpetrator = c.perpetrator;
    r.location = PlaceOf(doc, c.location, c.location_text);
    r.time_start = c.time_start;
    r.time_end = c.time_end;
    r.time_text = std::string(doc.Text(c.time_text));
    r.scope = c.scope;
    r.source_name = c.source.name;
    r.source_type = c.source.type;
    r.source_text = std::string(doc.Text(c.source.text));
    r.polarity = c.polarity;
    r.hedged = c.hedged;
    r.doc_event = c.doc_event;
    if (c.part_of >= 0) r.part_of = doc.doc_id + "-c" + std::to_string(c.part_of);
    out.claims.push_back(std::move(r));
  }

  for (size_t i = 0; i < doc.events.size(); ++i) {
    const DocEvent& e = doc.events[i];
    DocEventRecord r;
    r.doc_id = doc.doc_id;
    r.index = int(i);
    r.event_type = e.event_type;
    r.sub_event_type = e.sub_event_type;
    r.location = e.location ? std::optional<PlaceRecord>(PlaceRecord{*e.location, e.location->name})
                            : std::nullopt;
    r.date_start = e.date_start;
    r.date_end = e.date_end;
    r.actor1 = e.actor1;
    r.actor2 = e.actor2;
    if (e.sentence < doc.sentences.size()) r.sentence = std::string(doc.Text(doc.sentences[e.sentence].span));
    r.is_lead = int(i) == doc.lead_event;
    out.events.push_back(std::move(r));
  }

  if (doc.lead_event >= 0 && size_t(doc.lead_event) < doc.events.size()) {
    const DocEvent& e = doc.events[doc.lead_event];
    LeadRecord lead;
    lead.event_type = e.event_type;
    lead.sub_event_type = e.sub_event_type;
    lead.location = out.events[doc.lead_event].location;
    lead.date = e.date_start;
    // The report's own toll for its lead: the count it states up front, else its largest
    // asserted incident total for the event.
    auto total = [&](ClaimKind kind, int up_front) -> std::optional<Quantity> {
      if (up_front >= 0) {
        // Counts coordinated with it ("nine children and 14 others were killed") add up.
        const Claim& u = doc.claims[up_front];
        Quantity sum = *u.count;
        for (uint32_t ci : e.claims) {
          const Claim& c = doc.claims[ci];
          if (int(ci) == up_front || c.sentence != u.sentence || c.kind != kind || !c.count ||
              c.polarity != Polarity::kAsserted || c.scope != Scope::kIncident || c.part_of >= 0 ||
              c.count_text.begin < u.count_text.end || c.victims == u.victims) {
            continue;
          }
          sum.min = sum.min.value_or(0) + c.count->min.value_or(c.count->max.value_or(0));
          sum.max = sum.max && c.count->max ? std::optional<int64_t>(*sum.max + *c.count->max) : std::nullopt;
          sum.approx = sum.approx || c.count->approx;
        }
        if (IsTotalClass(u.victims) || sum != *u.count) return sum;
        // A group's count up front ("2 soldiers were killed"): the report's toll adds the exact
        // counts of the other groups it names for the event ("13 militants were also killed").
        std::map<std::string, int64_t> by_group;
        for (uint32_t ci : e.claims) {
          const Claim& c = doc.claims[ci];
          // Within a couple of sentences of the count up front, where a report tells the other
          // side's losses; further down, counts are of other days and places.
          if (c.kind != kind || !c.count || c.count->approx || !c.count->min || c.polarity != Polarity::kAsserted ||
              c.scope != Scope::kIncident || c.part_of >= 0 || IsTotalClass(c.victims) ||
              c.sentence > u.sentence + 2 || c.sentence < u.sentence) {
            continue;
          }
          // The same number again in a later sentence restates the count up front under
          // another name ("23 IS members" then "23 IS terrorists"), it is no other group. Small
          // numbers repeat by chance ("a man was killed ... a child was killed").
          if (int(ci) != up_front && c.sentence != u.sentence && c.count->min == u.count->min &&
              *c.count->min >= kRestatedCountMin) {
            continue;
          }
          int64_t& v = by_group[c.victims];
          v = std::max(v, *c.count->min);
        }
        if (by_group.size() < 2) return sum;
        Quantity groups{0, 0, false};
        for (const auto& [group, v] : by_group) {
          *groups.min += v;
          *groups.max += v;
        }
        return groups;
      }
      std::optional<Quantity> best;
      for (uint32_t ci : e.claims) {
        const Claim& c = doc.claims[ci];
        if (c.kind != kind || !c.count || c.polarity != Polarity::kAsserted ||
            c.scope != Scope::kIncident || c.part_of >= 0) {
          continue;
        }
        int64_t v = c.count->min.value_or(c.count->max.value_or(0));
        int64_t b = best ? best->min.value_or(best->max.value_or(0)) : -1;
        if (v > b) best = c.count;
      }
      return best;
    };
    lead.killed = total(ClaimKind::kKilled, doc.lead_killed);
    lead.injured = total(ClaimKind::kInjured, doc.lead_injured);
    // A lead event the report gives no toll for takes the first toll the report states for any
    // of its incidents: the story's count, told further down.
    auto first_anywhere = [&](ClaimKind kind) -> std::optional<Quantity> {
      for (const Claim& c : doc.claims) {
        if (c.kind == kind && c.count && c.polarity == Polarity::kAsserted && c.scope == Scope::kIncident &&
            c.part_of < 0 && c.doc_event >= 0) {
          return c.count;
        }
      }
      return std::nullopt;
    };
    if (!lead.killed) lead.killed = first_anywhere(ClaimKind::kKilled);
    if (!lead.injured) lead.injured = first_anywhere(ClaimKind::kInjured);
    d.lead = std::move(lead);
  }
  return out;
}

Document DocumentFromRecord(const DocumentRecord& r) {
  Document doc;
  doc.doc_id = r.doc_id;
  doc.path = r.path;
  doc.record_id = r.record_id;
  doc.main_text = r.main_text;
  doc.url = r.url;
  doc.outlet = r.outlet;
  doc.site = r.site;
  doc.title = r.title;
  doc.byline = r.byline;
  doc.language = r.language;
  doc.published = r.published;
  doc.page_date = r.page_date;
  doc.removed = r.removed;
  doc.near_duplicate_of = r.near_duplicate_of;
  doc.body_fingerprint = r.body_fingerprint;
  const std::string& text = doc.main_text;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find("\n\n", start);
    if (end == std::string::npos) end = text.size();
    size_t b = start, e = end;
    while (b < e && (text[b] == '\n' || text[b] == ' ')) ++b;
    while (e > b && (text[e - 1] == '\n' || text[e - 1] == ' ')) --e;
    if (e > b) doc.paragraphs.push_back(Span{uint32_t(b), uint32_t(e)});
    start = end + 2;
  }
  if (!r.title.empty() && text.starts_with(r.title)) doc.title_end = uint32_t(r.title.size());
  return doc;
}

}  // namespace crosscheck
