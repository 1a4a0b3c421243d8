#include "store/record_json.h"

#include <simdjson.h>

#include "util/utf8.h"

namespace crosscheck {

// ---- Writing ------------------------------------------------------------------------------------

namespace {

void WriteDate(const std::optional<Date>& date, JsonWriter& w) {
  if (date) {
    w.String(date->ToString());
  } else {
    w.Null();
  }
}

// {"start": ..., "end": ...}, the date span of an event.
void WriteDateRange(const std::optional<Date>& start, const std::optional<Date>& end, JsonWriter& w) {
  w.BeginObject();
  w.Key("start");
  WriteDate(start, w);
  w.Key("end");
  WriteDate(end, w);
  w.EndObject();
}

void WriteQuantity(const Quantity& q, JsonWriter& w) {
  w.Key("min");
  w.OptInt(q.min);
  w.Key("max");
  w.OptInt(q.max);
  w.Key("approx");
  w.Bool(q.approx);
}

void WriteOptQuantity(const std::optional<Quantity>& q, JsonWriter& w) {
  if (!q) {
    w.Null();
    return;
  }
  w.BeginObject();
  WriteQuantity(*q, w);
  w.EndObject();
}

void WriteEstimate(const std::optional<Estimate>& e, JsonWriter& w) {
  if (!e) {
    w.Null();
    return;
  }
  w.BeginObject();
  w.Key("low");
  w.Int(e->low);
  w.Key("best");
  w.Int(e->best);
  w.Key("high");
  w.Int(e->high);
  w.Key("rule");
  w.String(e->rule);
  w.EndObject();
}

void WriteStrings(const std::vector<std::string>& v, JsonWriter& w) {
  w.BeginArray();
  for (const auto& s : v) w.String(s);
  w.EndArray();
}

}  // namespace

void WritePlaceFields(const Place& p, JsonWriter& w) {
  w.Key("admin1");
  w.StringOrNull(p.admin1);
  w.Key("country");
  w.StringOrNull(p.country);
  w.Key("country_code");
  w.StringOrNull(p.country_code);
  w.Key("lat");
  p.lat ? w.Double(*p.lat) : w.Null();
  w.Key("lon");
  p.lon ? w.Double(*p.lon) : w.Null();
  w.Key("precision");
  w.StringOrNull(PlacePrecisionName(p.precision));
  w.Key("parent");
  w.StringOrNull(p.parent);
  w.Key("geonames_id");
  p.geonames_id ? w.Int(p.geonames_id) : w.Null();
}

void WritePlaceJson(const std::optional<PlaceRecord>& record, JsonWriter& w) {
  if (!record) {
    w.Null();
    return;
  }
  w.BeginObject();
  w.Key("name");
  w.StringOrNull(record->place.name);
  w.Key("text");
  w.StringOrNull(record->text);
  WritePlaceFields(record->place, w);
  w.EndObject();
}

void WriteJson(const DocumentRecord& r, JsonWriter& w) {
  w.BeginObject();
  w.Key("doc_id");
  w.String(r.doc_id);
  w.Key("path");
  w.String(r.path);
  w.Key("record_id");
  w.StringOrNull(r.record_id);
  w.Key("url");
  w.StringOrNull(r.url);
  w.Key("outlet");
  w.StringOrNull(r.outlet);
  w.Key("site");
  w.StringOrNull(r.site);
  w.Key("title");
  w.StringOrNull(r.title);
  w.Key("byline");
  w.StringOrNull(r.byline);
  w.Key("language");
  w.String(r.language.empty() ? "en" : r.language);
  w.Key("published");
  w.BeginObject();
  w.Key("date");
  WriteDate(r.published.date, w);
  w.Key("basis");
  w.StringOrNull(DateBasisName(r.published.basis));
  w.Key("confidence");
  w.Double(r.published.confidence);
  w.EndObject();
  w.Key("page_date");
  WriteDate(r.page_date, w);
  w.Key("main_text");
  w.String(r.main_text);
  w.Key("removed");
  w.BeginArray();
  for (const RemovedBlock& b : r.removed) {
    w.BeginObject();
    w.Key("text");
    w.String(b.preview);
    w.Key("reason");
    w.String(b.reason);
    w.EndObject();
  }
  w.EndArray();
  w.Key("near_duplicate_of");
  w.StringOrNull(r.near_duplicate_of);
  w.Key("lead");
  if (!r.lead) {
    w.Null();
  } else {
    const LeadRecord& l = *r.lead;
    w.BeginObject();
    w.Key("event_id");
    w.StringOrNull(l.event_id);
    w.Key("event_type");
    w.StringOrNull(l.event_type);
    w.Key("sub_event_type");
    w.StringOrNull(l.sub_event_type);
    w.Key("killed");
    WriteOptQuantity(l.killed, w);
    w.Key("injured");
    WriteOptQuantity(l.injured, w);
    w.Key("location");
    WritePlaceJson(l.location, w);
    w.Key("date");
    WriteDate(l.date, w);
    w.EndObject();
  }
  w.EndObject();
}

void WriteJson(const ClaimRecord& r, JsonWriter& w) {
  w.BeginObject();
  w.Key("claim_id");
  w.String(r.claim_id);
  w.Key("doc_id");
  w.String(r.doc_id);
  w.Key("sentence");
  w.String(r.sentence);
  w.Key("char_start");
  w.Int(r.char_start);
  w.Key("char_end");
  w.Int(r.char_end);
  w.Key("kind");
  w.String(ClaimKindName(r.kind));
  w.Key("count");
  if (!r.count) {
    w.Null();
  } else {
    w.BeginObject();
    w.Key("text");
    w.String(r.count->text);
    WriteQuantity(r.count->value, w);
    w.EndObject();
  }
  w.Key("victims");
  w.StringOrNull(r.victims);
  w.Key("perpetrator");
  w.StringOrNull(r.perpetrator);
  w.Key("location");
  WritePlaceJson(r.location, w);
  w.Key("time");
  if (!r.time_start && !r.time_end) {
    w.Null();
  } else {
    w.BeginObject();
    w.Key("start");
    WriteDate(r.time_start, w);
    w.Key("end");
    WriteDate(r.time_end, w);
    w.Key("text");
    w.StringOrNull(r.time_text);
    w.EndObject();
  }
  w.Key("scope");
  w.String(ScopeName(r.scope));
  w.Key("source");
  w.BeginObject();
  w.Key("name");
  w.StringOrNull(r.source_name);
  w.Key("type");
  w.String(ActorTypeName(r.source_type));
  w.Key("text");
  w.StringOrNull(r.source_text);
  w.EndObject();
  w.Key("polarity");
  w.String(PolarityName(r.polarity));
  w.Key("hedged");
  w.Bool(r.hedged);
  w.Key("event_id");
  w.StringOrNull(r.event_id);
  w.Key("doc_event");
  w.Int(r.doc_event);
  w.Key("part_of");
  w.StringOrNull(r.part_of);
  w.EndObject();
}

void WriteJson(const DocEventRecord& r, JsonWriter& w) {
  w.BeginObject();
  w.Key("doc_id");
  w.String(r.doc_id);
  w.Key("index");
  w.Int(r.index);
  w.Key("event_type");
  w.String(r.event_type);
  w.Key("sub_event_type");
  w.String(r.sub_event_type);
  w.Key("location");
  WritePlaceJson(r.location, w);
  w.Key("date");
  WriteDateRange(r.date_start, r.date_end, w);
  w.Key("actor1");
  w.StringOrNull(r.actor1);
  w.Key("actor2");
  w.StringOrNull(r.actor2);
  w.Key("sentence");
  w.String(r.sentence);
  w.Key("is_lead");
  w.Bool(r.is_lead);
  w.Key("event_id");
  w.StringOrNull(r.event_id);
  w.EndObject();
}

void WriteJson(const EventRecord& r, JsonWriter& w) {
  w.BeginObject();
  w.Key("event_id");
  w.String(r.event_id);
  w.Key("event_type");
  w.String(r.event_type);
  w.Key("sub_event_type");
  w.String(r.sub_event_type);
  w.Key("date");
  WriteDateRange(r.date_start, r.date_end, w);
  w.Key("location");
  WritePlaceJson(r.location, w);
  w.Key("actor1");
  w.StringOrNull(r.actor1);
  w.Key("actor2");
  w.StringOrNull(r.actor2);
  w.Key("fatalities");
  WriteEstimate(r.fatalities, w);
  w.Key("injured");
  WriteEstimate(r.injured, w);
  w.Key("claims");
  WriteStrings(r.claims, w);
  w.Key("documents");
  WriteStrings(r.documents, w);
  w.Key("sources");
  w.BeginArray();
  for (const EventSourceRecord& s : r.sources) {
    w.BeginObject();
    w.Key("name");
    w.StringOrNull(s.name);
    w.Key("type");
    w.String(ActorTypeName(s.type));
    w.Key("claim_ids");
    WriteStrings(s.claim_ids, w);
    w.EndObject();
  }
  w.EndArray();
  w.Key("contradictions");
  w.BeginArray();
  for (const Contradiction& c : r.contradictions) {
    w.BeginObject();
    w.Key("claim_ids");
    WriteStrings(c.claim_ids, w);
    w.Key("note");
    w.String(c.note);
    w.EndObject();
  }
  w.EndArray();
  w.Key("summary");
  w.String(r.summary);
  w.EndObject();
}

// ---- Reading ------------------------------------------------------------------------------------

namespace {

using simdjson::dom::element;
using simdjson::dom::object;

std::string Str(const object& o, const char* key) {
  std::string_view v;
  if (o[key].get_string().get(v) != simdjson::SUCCESS) return "";
  return std::string(v);
}

std::optional<int64_t> OptInt(const object& o, const char* key) {
  int64_t v;
  if (o[key].get_int64().get(v) != simdjson::SUCCESS) return std::nullopt;
  return v;
}

std::optional<double> OptDouble(const object& o, const char* key) {
  double v;
  if (o[key].get_double().get(v) != simdjson::SUCCESS) return std::nullopt;
  return v;
}

bool Bool(const object& o, const char* key) {
  bool v = false;
  if (o[key].get_bool().get(v) != simdjson::SUCCESS) return false;
  return v;
}

std::optional<Date> OptDate(const object& o, const char* key) { return Date::Parse(Str(o, key)); }

bool Obj(const object& o, const char* key, object* out) {
  return o[key].get_object().get(*out) == simdjson::SUCCESS;
}

std::vector<std::string> Strings(const object& o, const char* key) {
  std::vector<std::string> out;
  simdjson::dom::array a;
  if (o[key].get_array().get(a) != simdjson::SUCCESS) return out;
  for (element e : a) {
    std::string_view s;
    if (e.get_string().get(s) == simdjson::SUCCESS) out.emplace_back(s);
  }
  return out;
}

Quantity ReadQuantity(const object& o) {
  return Quantity{OptInt(o, "min"), OptInt(o, "max"), Bool(o, "approx")};
}

void ReadDateRange(const object& o, const char* key, std::optional<Date>* start, std::optional<Date>* end) {
  object range;
  if (!Obj(o, key, &range)) return;
  *start = OptDate(range, "start");
  *end = OptDate(range, "end");
}

std::optional<Quantity> ReadOptQuantity(const object& o, const char* key) {
  object q;
  if (!Obj(o, key, &q)) return std::nullopt;
  return ReadQuantity(q);
}

PlacePrecision ParsePrecision(std::string_view s) {
  if (s == "neighbourhood") return PlacePrecision::kNeighbourhood;
  if (s == "town") return PlacePrecision::kTown;
  if (s == "admin1") return PlacePrecision::kAdmin1;
  if (s == "country") return PlacePrecision::kCountry;
  return PlacePrecision::kUnknown;
}

std::optional<PlaceRecord> ReadPlace(const object& o, const char* key) {
  object p;
  if (!Obj(o, key, &p)) return std::nullopt;
  PlaceRecord r;
  r.text = Str(p, "text");
  r.place.name = Str(p, "name");
  r.place.admin1 = Str(p, "admin1");
  r.place.country = Str(p, "country");
  r.place.country_code = Str(p, "country_code");
  r.place.lat = OptDouble(p, "lat");
  r.place.lon = OptDouble(p, "lon");
  r.place.precision = ParsePrecision(Str(p, "precision"));
  r.place.parent = Str(p, "parent");
  r.place.geonames_id = OptInt(p, "geonames_id").value_or(0);
  return r;
}

std::optional<Estimate> ReadEstimate(const object& o, const char* key) {
  object e;
  if (!Obj(o, key, &e)) return std::nullopt;
  return Estimate{OptInt(e, "low").value_or(0), OptInt(e, "best").value_or(0),
                  OptInt(e, "high").value_or(0), Str(e, "rule")};
}

template <typename T>
T ParseEnum(std::string_view name, T fallback, std::initializer_list<T> all,
            std::string_view (*namer)(T)) {
  for (T v : all) {
    if (namer(v) == name) return v;
  }
  return fallback;
}

Status Parse(std::string_view json, object* out) {
  thread_local simdjson::dom::parser parser;
  simdjson::padded_string padded(json);
  element root;
  if (auto err = parser.parse(padded).get(root); err != simdjson::SUCCESS) {
    return Status::Corrupt(std::string("bad record JSON: ") + simdjson::error_message(err));
  }
  if (root.get_object().get(*out) != simdjson::SUCCESS) return Status::Corrupt("record is not an object");
  return Status::Ok();
}

}  // namespace

// The parser's buffers live in a thread_local parser; elements stay valid until the next Parse
// on the same thread, which is after each FromJson has copied what it needs.

Status FromJson(std::string_view json, DocumentRecord* r) {
  object o;
  CROSSCHECK_RETURN_IF_ERROR(Parse(json, &o));
  *r = DocumentRecord();
  r->doc_id = Str(o, "doc_id");
  r->path = Str(o, "path");
  r->record_id = Str(o, "record_id");
  r->url = Str(o, "url");
  r->outlet = Str(o, "outlet");
  r->site = Str(o, "site");
  r->title = Str(o, "title");
  r->byline = Str(o, "byline");
  r->language = Str(o, "language");
  object pub;
  if (Obj(o, "published", &pub)) {
    r->published.date = OptDate(pub, "date");
    r->published.basis = ParseEnum(Str(pub, "basis"), DateBasis::kNone,
                                   {DateBasis::kMetadata, DateBasis::kDateline, DateBasis::kText,
                                    DateBasis::kCluster},
                                   DateBasisName);
    r->published.confidence = OptDouble(pub, "confidence").value_or(0);
  }
  r->page_date = OptDate(o, "page_date");
  r->main_text = Str(o, "main_text");
  simdjson::dom::array removed;
  if (o["removed"].get_array().get(removed) == simdjson::SUCCESS) {
    for (element e : removed) {
      object b;
      if (e.get_object().get(b) == simdjson::SUCCESS) {
        r->removed.push_back(RemovedBlock{Str(b, "text"), Str(b, "reason")});
      }
    }
  }
  r->near_duplicate_of = Str(o, "near_duplicate_of");
  object lead;
  if (Obj(o, "lead", &lead)) {
    LeadRecord l;
    l.event_id = Str(lead, "event_id");
    l.event_type = Str(lead, "event_type");
    l.sub_event_type = Str(lead, "sub_event_type");
    l.killed = ReadOptQuantity(lead, "killed");
    l.injured = ReadOptQuantity(lead, "injured");
    l.location = ReadPlace(lead, "location");
    l.date = OptDate(lead, "date");
    r->lead = std::move(l);
  }
  return Status::Ok();
}

Status FromJson(std::string_view json, ClaimRecord* r) {
  object o;
  CROSSCHECK_RETURN_IF_ERROR(Parse(json, &o));
  *r = ClaimRecord();
  r->claim_id = Str(o, "claim_id");
  r->doc_id = Str(o, "doc_id");
  r->sentence = Str(o, "sentence");
  r->char_start = OptInt(o, "char_start").value_or(0);
  r->char_end = OptInt(o, "char_end").value_or(0);
  r->kind = ParseEnum(Str(o, "kind"), ClaimKind::kOther,
                      {ClaimKind::kKilled, ClaimKind::kInjured, ClaimKind::kKilledOrInjured,
                       ClaimKind::kCaptured, ClaimKind::kArrested, ClaimKind::kMissing,
                       ClaimKind::kDisplaced, ClaimKind::kDestroyed, ClaimKind::kOther},
                      ClaimKindName);
  object count;
  if (Obj(o, "count", &count)) r->count = CountRecord{Str(count, "text"), ReadQuantity(count)};
  r->victims = Str(o, "victims");
  r->perpetrator = Str(o, "perpetrator");
  r->location = ReadPlace(o, "location");
  object time;
  if (Obj(o, "time", &time)) {
    r->time_start = OptDate(time, "start");
    r->time_end = OptDate(time, "end");
    r->time_text = Str(time, "text");
  }
  r->scope = Str(o, "scope") == "cumulative" ? Scope::kCumulative : Scope::kIncident;
  object source;
  if (Obj(o, "source", &source)) {
    r->source_name = Str(source, "name");
    r->source_type = ParseActorType(Str(source, "type")).value_or(ActorType::kUnattributed);
    r->source_text = Str(source, "text");
  }
  r->polarity = Str(o, "polarity") == "denied" ? Polarity::kDenied : Polarity::kAsserted;
  r->hedged = Bool(o, "hedged");
  r->event_id = Str(o, "event_id");
  r->doc_event = int(OptInt(o, "doc_event").value_or(-1));
  r->part_of = Str(o, "part_of");
  return Status::Ok();
}

Status FromJson(std::string_view json, DocEventRecord* r) {
  object o;
  CROSSCHECK_RETURN_IF_ERROR(Parse(json, &o));
  *r = DocEventRecord();
  r->doc_id = Str(o, "doc_id");
  r->index = int(OptInt(o, "index").value_or(0));
  r->event_type = Str(o, "event_type");
  r->sub_event_type = Str(o, "sub_event_type");
  r->location = ReadPlace(o, "location");
  ReadDateRange(o, "date", &r->date_start, &r->date_end);
  r->actor1 = Str(o, "actor1");
  r->actor2 = Str(o, "actor2");
  r->sentence = Str(o, "sentence");
  r->is_lead = Bool(o, "is_lead");
  r->event_id = Str(o, "event_id");
  return Status::Ok();
}

Status FromJson(std::string_view json, EventRecord* r) {
  object o;
  CROSSCHECK_RETURN_IF_ERROR(Parse(json, &o));
  *r = EventRecord();
  r->event_id = Str(o, "event_id");
  r->event_type = Str(o, "event_type");
  r->sub_event_type = Str(o, "sub_event_type");
  ReadDateRange(o, "date", &r->date_start, &r->date_end);
  r->location = ReadPlace(o, "location");
  r->actor1 = Str(o, "actor1");
  r->actor2 = Str(o, "actor2");
  r->fatalities = ReadEstimate(o, "fatalities");
  r->injured = ReadEstimate(o, "injured");
  r->claims = Strings(o, "claims");
  r->documents = Strings(o, "documents");
  simdjson::dom::array sources;
  if (o["sources"].get_array().get(sources) == simdjson::SUCCESS) {
    for (element e : sources) {
      object s;
      if (e.get_object().get(s) != simdjson::SUCCESS) continue;
      r->sources.push_back(EventSourceRecord{
          Str(s, "name"), ParseActorType(Str(s, "type")).value_or(ActorType::kUnattributed),
          Strings(s, "claim_ids")});
    }
  }
  simdjson::dom::array contradictions;
  if (o["contradictions"].get_array().get(contradictions) == simdjson::SUCCESS) {
    for (element e : contradictions) {
      object c;
      if (e.get_object().get(c) != simdjson::SUCCESS) continue;
      r->contradictions.push_back(Contradiction{Strings(c, "claim_ids"), Str(c, "note")});
    }
  }
  r->summary = Str(o, "summary");
  return Status::Ok();
}

}  // namespace crosscheck
