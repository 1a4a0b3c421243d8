#include "crosscheck/tools.h"

#include <filesystem>

#include "crosscheck/records.h"
#include "ingest/reader.h"
#include "store/record_json.h"
#include "util/json_writer.h"
#include "util/utf8.h"

namespace crosscheck {

ForEachSummary ForEachDocument(const Engine& engine, const std::vector<std::string>& inputs,
                               StopAfter stop, const std::function<void(const Document&)>& fn,
                               const SkipFn& on_skip) {
  ForEachSummary summary;
  auto skip = [&](const Skipped& s) {
    summary.skipped.push_back(s);
    if (on_skip) on_skip(s);
  };
  DocumentReader reader(inputs, engine.options(), skip);
  Document doc;
  while (reader.Next(&doc)) {
    Status s = engine.Clean(doc);
    if (s.ok() && stop != StopAfter::kClean) s = engine.Analyse(doc);
    if (s.ok() && stop == StopAfter::kExtract) s = engine.Extract(doc);
    if (!s.ok()) {
      skip(Skipped{doc.path, s.ToString()});
    } else {
      ++summary.documents;
      fn(doc);
    }
    doc = Document();
  }
  return summary;
}

std::string AnnotationJson(const Document& doc) {
  CodePointIndex cp(doc.main_text);
  JsonWriter w;
  auto span = [&](Span s) {
    w.Key("start");
    w.Int(cp.ToCodePoints(s.begin));
    w.Key("end");
    w.Int(cp.ToCodePoints(s.end));
  };
  w.BeginObject();
  w.Key("doc_id");
  w.String(doc.doc_id);
  w.Key("record_id");
  w.StringOrNull(doc.record_id);
  w.Key("path");
  w.String(doc.path);
  w.Key("published");
  w.StringOrNull(doc.reference_date ? doc.reference_date->ToString() : "");
  w.Key("language");
  w.String(doc.language);
  w.Key("sentences");
  w.BeginArray();
  for (const auto& s : doc.sentences) {
    w.BeginObject();
    span(s.span);
    w.EndObject();
  }
  w.EndArray();
  w.Key("numbers");
  w.BeginArray();
  for (const NumberMention& n : doc.numbers) {
    w.BeginObject();
    span(n.span);
    w.Key("text");
    w.String(doc.Text(n.span));
    w.Key("min");
    w.OptInt(n.value.min);
    w.Key("max");
    w.OptInt(n.value.max);
    w.Key("approx");
    w.Bool(n.value.approx);
    w.Key("kind");
    w.String(NumberKindName(n.kind));
    w.EndObject();
  }
  w.EndArray();
  w.Key("times");
  w.BeginArray();
  for (const TimeMention& t : doc.times) {
    w.BeginObject();
    span(t.span);
    w.Key("text");
    w.String(doc.Text(t.span));
    w.Key("start_date");
    w.String(t.start.ToString());
    w.Key("end_date");
    w.String(t.end.ToString());
    w.Key("precision");
    w.String(TimePrecisionName(t.precision));
    w.EndObject();
  }
  w.EndArray();
  w.Key("places");
  w.BeginArray();
  for (const PlaceMention& p : doc.places) {
    w.BeginObject();
    span(p.span);
    w.Key("text");
    w.String(doc.Text(p.span));
    w.Key("name");
    w.StringOrNull(p.place.name);
    WritePlaceFields(p.place, w);
    w.EndObject();
  }
  w.EndArray();
  w.Key("actors");
  w.BeginArray();
  for (const ActorMention& a : doc.actors) {
    w.BeginObject();
    span(a.span);
    w.Key("text");
    w.String(doc.Text(a.span));
    w.Key("name");
    w.StringOrNull(a.name);
    w.Key("type");
    w.String(ActorTypeName(a.type));
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  return w.Take();
}

std::string ClaimsJsonl(const Document& doc) {
  std::string out;
  for (const ClaimRecord& c : MakeRecords(doc).claims) {
    out += ToJson(c);
    out += '\n';
  }
  return out;
}

std::string_view BodyText(const Document& doc) {
  std::string_view body(doc.main_text);
  body.remove_prefix(std::min<size_t>(doc.title_end, body.size()));
  while (!body.empty() && (body.front() == '\n' || body.front() == ' ')) body.remove_prefix(1);
  return body;
}

std::string CleanOutputId(const Document& doc) {
  std::string id = doc.record_id;
  if (id.empty()) {
    std::string name = std::filesystem::path(doc.path.substr(0, doc.path.find('#'))).filename().string();
    id = name.substr(0, name.find('.'));
    if (doc.path.find('#') != std::string::npos) id += "_" + doc.path.substr(doc.path.find('#') + 1);
  }
  for (char& c : id) {
    bool safe = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                c == '-' || c == '_' || c == '.';
    if (!safe) c = '_';
  }
  if (id.empty() || id[0] == '.') id = "_" + id;
  return id;
}

}  // namespace crosscheck
