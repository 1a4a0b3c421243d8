// JSONL record parsing with simdjson's DOM parser, which validates the whole line (the On-Demand
// API would skip unread values without checking them) and reuses its buffers from line to line.
#include "ingest/jsonl.h"

#include <simdjson.h>

#include "ingest/decode.h"

namespace crosscheck {

struct JsonlRecordParser::Impl {
  simdjson::dom::parser parser;
  std::string repaired;
};

JsonlRecordParser::JsonlRecordParser() : impl_(std::make_unique<Impl>()) {}
JsonlRecordParser::~JsonlRecordParser() = default;

namespace {

// A string field's value, or nullopt when absent; Corrupt when present but not a string.
Result<std::optional<std::string_view>> StringField(simdjson::dom::object object,
                                                    std::string_view key) {
  simdjson::dom::element value;
  if (object.at_key(key).get(value) != simdjson::SUCCESS || value.is_null()) {
    return std::optional<std::string_view>();
  }
  std::string_view text;
  if (value.get_string().get(text) != simdjson::SUCCESS) {
    return Status::InvalidArgument(std::string("field \"") + std::string(key) +
                                   "\" is not a string");
  }
  return std::optional<std::string_view>(text);
}

}  // namespace

Status JsonlRecordParser::Parse(std::string* line, Document* doc) {
  std::string* json = line;
  if (!simdjson::validate_utf8(line->data(), line->size())) {
    // JSON must be UTF-8; repair rather than lose the record to a few bad bytes.
    impl_->repaired.clear();
    AppendCleanUtf8(*line, &impl_->repaired);
    json = &impl_->repaired;
  }
  json->reserve(json->size() + simdjson::SIMDJSON_PADDING);
  simdjson::dom::element root;
  auto error =
      impl_->parser.parse(json->data(), json->size(), /*realloc_if_needed=*/false).get(root);
  if (error != simdjson::SUCCESS) {
    return Status::Corrupt(std::string("not JSON: ") + simdjson::error_message(error));
  }
  simdjson::dom::object object;
  if (root.get_object().get(object) != simdjson::SUCCESS) {
    return Status::InvalidArgument("not a JSON object");
  }

  auto text = StringField(object, "text");
  if (!text.ok()) return text.status();
  auto html = StringField(object, "html");
  if (!html.ok()) return html.status();
  if (text->has_value()) {
    doc->raw.assign(**text);
    doc->format = InputFormat::kText;
  } else if (html->has_value()) {
    doc->raw.assign(**html);
    doc->format = InputFormat::kHtml;
  } else {
    return Status::InvalidArgument("no \"text\" or \"html\" field");
  }

  simdjson::dom::element id;
  if (object.at_key("id").get(id) == simdjson::SUCCESS && !id.is_null()) {
    std::string_view id_text;
    if (id.get_string().get(id_text) == simdjson::SUCCESS) {
      doc->record_id.assign(id_text);
    } else if (id.is_number()) {
      doc->record_id = simdjson::minify(id);
    }
  }
  struct {
    std::string_view key;
    std::string* field;
  } const kMetadata[] = {{"url", &doc->given_url},
                         {"title", &doc->given_title},
                         {"outlet", &doc->given_outlet},
                         {"language", &doc->given_language}};
  for (const auto& [key, field] : kMetadata) {
    auto value = StringField(object, key);
    if (value.ok() && value->has_value()) field->assign(**value);  // a non-string is ignored
  }
  auto published = StringField(object, "published");
  if (published.ok() && published->has_value()) doc->given_published = Date::Parse(**published);
  return Status::Ok();
}

}  // namespace crosscheck
