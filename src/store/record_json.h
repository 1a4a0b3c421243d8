// The JSON form of the contract's records (docs/output.md), both ways. Internal.
//
// The store keeps each record's JSON beside its key columns, so exporting documents.jsonl or
// filling report.html is a copy, and the link stage reads claims back with FromJson.
#ifndef CROSSCHECK_STORE_RECORD_JSON_H_
#define CROSSCHECK_STORE_RECORD_JSON_H_

#include <string>
#include <string_view>

#include "crosscheck/records.h"
#include "crosscheck/status.h"
#include "util/json_writer.h"

namespace crosscheck {

void WriteJson(const DocumentRecord& record, JsonWriter& w);
void WriteJson(const ClaimRecord& record, JsonWriter& w);
void WriteJson(const DocEventRecord& record, JsonWriter& w);
void WriteJson(const EventRecord& record, JsonWriter& w);
void WritePlaceJson(const std::optional<PlaceRecord>& place, JsonWriter& w);
// The fields of a resolved place after its name and text (admin1 ... geonames_id), for writers
// that frame a place their own way (`crosscheck annotate`).
void WritePlaceFields(const Place& place, JsonWriter& w);

template <typename Record>
std::string ToJson(const Record& record) {
  JsonWriter w;
  WriteJson(record, w);
  return w.Take();
}

Status FromJson(std::string_view json, DocumentRecord* record);
Status FromJson(std::string_view json, ClaimRecord* record);
Status FromJson(std::string_view json, DocEventRecord* record);
Status FromJson(std::string_view json, EventRecord* record);

}  // namespace crosscheck

#endif  // CROSSCHECK_STORE_RECORD_JSON_H_
