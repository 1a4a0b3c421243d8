#include "report/exports.h"

#include <filesystem>

#include "report/report_page.h"
#include "store/record_json.h"
#include "util/atomic_file.h"
#include "util/data_files.h"
#include "util/utf8.h"

namespace crosscheck {
namespace {

namespace fs = std::filesystem;

std::string Join(const std::vector<std::string>& parts, std::string_view sep) {
  std::string out;
  for (size_t i = 0; i < parts.size(); ++i) {
    if (i) out += sep;
    out += parts[i];
  }
  return out;
}

std::string Number(const std::optional<double>& v) {
  if (!v) return "";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.5f", *v);
  return buf;
}

// Inside JSON text '<' and '>' only occur in strings, where \u003c and \u003e mean the same: the
// page then holds no markup from any article, even inside its inert data blocks.
std::string HideMarkup(std::string_view json) {
  std::string out;
  out.reserve(json.size());
  for (char c : json) {
    if (c == '<') {
      out += "\\u003c";
    } else if (c == '>') {
      out += "\\u003e";
    } else {
      out += c;
    }
  }
  return out;
}

// The data blocks of the page, in the order the page's script reads them.
Status WriteDataBlock(AtomicFile& file, SqliteStore& store, std::string_view id, std::string_view table) {
  CROSSCHECK_RETURN_IF_ERROR(file.Write("<script type=\"application/json\" id=\""));
  CROSSCHECK_RETURN_IF_ERROR(file.Write(id));
  CROSSCHECK_RETURN_IF_ERROR(file.Write("\">["));
  bool first = true;
  CROSSCHECK_RETURN_IF_ERROR(store.ForEachJson(table, [&](std::string_view json) {
    Status s = file.Write(first ? "" : ",\n");
    first = false;
    return s.ok() ? file.Write(HideMarkup(json)) : s;
  }));
  return file.Write("]</script>\n");
}

}  // namespace

Result<WorldOutline> ReadWorldOutline(const std::string& path) {
  WorldOutline outline;
  Status s = ReadTsv(path, [&](const TsvLine& line) -> Status {
    if (line.fields.size() != 2) return line.Error("expected name<TAB>path");
    std::string_view name = line.fields[0], d = line.fields[1];
    // Path data is all the page takes from this file: letters other than these, quotes or '<'
    // would be something else.
    if (d.find_first_not_of("MmLlHhVvZz0123456789.- ") != std::string_view::npos) {
      return line.Error("not SVG path data");
    }
    if (name == "land") {
      outline.land = d;
    } else if (name == "borders") {
      outline.borders = d;
    } else {
      return line.Error("unknown outline '" + std::string(name) + "' (land, borders)");
    }
    return Status::Ok();
  });
  if (!s.ok()) return s;
  return outline;
}

Status ExportJsonl(SqliteStore& store, std::string_view table, const std::string& path) {
  auto file = AtomicFile::Create(path);
  if (!file.ok()) return file.status();
  std::string buffer;
  CROSSCHECK_RETURN_IF_ERROR(store.ForEachJson(table, [&](std::string_view json) {
    buffer.append(json);
    buffer += '\n';
    if (buffer.size() < (1u << 20)) return Status::Ok();
    Status s = file->Write(buffer);
    buffer.clear();
    return s;
  }));
  CROSSCHECK_RETURN_IF_ERROR(file->Write(buffer));
  return file->Commit();
}

std::string CsvField(std::string_view value) {
  if (value.find_first_of(",\"\n\r") == std::string_view::npos) return std::string(value);
  std::string out = "\"";
  for (char c : value) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

Status ExportCsv(SqliteStore& store, const std::string& path) {
  auto file = AtomicFile::Create(path);
  if (!file.ok()) return file.status();
  CROSSCHECK_RETURN_IF_ERROR(file->Write(
      "event_id,event_date,event_date_end,event_type,sub_event_type,actor1,actor2,country,"
      "iso,admin1,location,latitude,longitude,fatalities,low,best,high,injured_low,injured_high,"
      "source,source_scale,documents,notes\n"));
  Status rows = store.ForEachJson("events", [&](std::string_view json) {
    EventRecord e;
    CROSSCHECK_RETURN_IF_ERROR(FromJson(json, &e));
    const Place* p = e.location ? &e.location->place : nullptr;
    std::vector<std::string> names, types;
    for (const EventSourceRecord& s : e.sources) {
      names.push_back(s.name.empty() ? std::string(ActorTypeName(s.type)) : s.name);
      types.emplace_back(ActorTypeName(s.type));
    }
    auto opt = [](bool has, int64_t v) { return has ? std::to_string(v) : std::string(); };
    std::vector<std::string> row = {
        e.event_id,
        e.date_start ? e.date_start->ToString() : "",
        e.date_end ? e.date_end->ToString() : "",
        e.event_type,
        e.sub_event_type,
        e.actor1,
        e.actor2,
        p ? p->country : "",
        p ? p->country_code : "",
        p ? p->admin1 : "",
        p ? p->name : "",
        p ? Number(p->lat) : "",
        p ? Number(p->lon) : "",
        // ACLED codes the most conservative figure; UCDP's low/best/high follow.
        opt(e.fatalities.has_value(), e.fatalities ? e.fatalities->low : 0),
        opt(e.fatalities.has_value(), e.fatalities ? e.fatalities->low : 0),
        opt(e.fatalities.has_value(), e.fatalities ? e.fatalities->best : 0),
        opt(e.fatalities.has_value(), e.fatalities ? e.fatalities->high : 0),
        opt(e.injured.has_value(), e.injured ? e.injured->low : 0),
        opt(e.injured.has_value(), e.injured ? e.injured->high : 0),
        Join(names, "; "),
        Join(types, "; "),
        std::to_string(e.documents.size()),
        e.summary,
    };
    std::string line;
    for (size_t i = 0; i < row.size(); ++i) {
      if (i) line += ',';
      line += CsvField(row[i]);
    }
    line += '\n';
    return file->Write(line);
  });
  if (!rows.ok()) return rows;
  return file->Commit();
}

Status ExportHtml(SqliteStore& store, const std::string& path, const Options& options) {
  std::optional<WorldOutline> outline;
  std::error_code ec;
  std::string outline_path = (fs::path(DataDir(options)) / "generated" / "world_outline.tsv").string();
  if (fs::is_regular_file(outline_path, ec)) {
    auto read = ReadWorldOutline(outline_path);
    if (!read.ok()) return read.status();
    outline = std::move(read).value();
  }
  auto file = AtomicFile::Create(path);
  if (!file.ok()) return file.status();
  CROSSCHECK_RETURN_IF_ERROR(file->Write(kReportHead));
  if (outline) {
    // Checked to be bare path data, so it needs no escaping inside a JSON string.
    CROSSCHECK_RETURN_IF_ERROR(file->Write("<script type=\"application/json\" id=\"world-outline\">{\"land\":\""));
    CROSSCHECK_RETURN_IF_ERROR(file->Write(outline->land));
    CROSSCHECK_RETURN_IF_ERROR(file->Write("\",\"borders\":\""));
    CROSSCHECK_RETURN_IF_ERROR(file->Write(outline->borders));
    CROSSCHECK_RETURN_IF_ERROR(file->Write("\"}</script>\n"));
  }
  // The records go into <script type="application/json"> blocks with '<' and '>' hidden, so no
  // article text can close a block, and the page's script reads them with JSON.parse.
  CROSSCHECK_RETURN_IF_ERROR(WriteDataBlock(*file, store, "events-data", "events"));
  CROSSCHECK_RETURN_IF_ERROR(WriteDataBlock(*file, store, "claims-data", "claims"));
  CROSSCHECK_RETURN_IF_ERROR(WriteDataBlock(*file, store, "documents-data", "documents"));
  CROSSCHECK_RETURN_IF_ERROR(file->Write(kReportTail));
  return file->Commit();
}

Result<std::string> EventTable(SqliteStore& store, size_t max_rows) {
  auto pad = [](std::string s, size_t width) {
    std::string_view cut = Utf8Prefix(s, width);
    std::string out(cut);
    for (size_t n = CodePointCount(cut); n < width; ++n) out += ' ';
    return out;
  };
  std::string table = pad("date", 11) + pad("event", 34) + pad("place", 26) + pad("killed", 16) + "docs  sources\n";
  auto count = store.Count("events");
  if (!count.ok()) return count.status();
  size_t rows = 0, total = size_t(*count);
  // Only the rows shown are read: a large store's events are counted, not scanned.
  Status s = store.ForEachJson("events", [&](std::string_view json) {
    EventRecord e;
    CROSSCHECK_RETURN_IF_ERROR(FromJson(json, &e));
    std::string killed = e.fatalities ? std::to_string(e.fatalities->low) + "/" + std::to_string(e.fatalities->best) +
                                            "/" + std::to_string(e.fatalities->high)
                                      : "-";
    std::string place = e.location ? e.location->place.name : "-";
    if (e.location && !e.location->place.country_code.empty()) place += " (" + e.location->place.country_code + ")";
    table += pad(e.date_start ? e.date_start->ToString() : "undated", 11) + pad(e.sub_event_type, 34) + pad(place, 26) +
             pad(killed, 16) + pad(std::to_string(e.documents.size()), 6) + std::to_string(e.sources.size()) + "\n";
    ++rows;
    return Status::Ok();
  }, int64_t(max_rows));
  if (!s.ok()) return s;
  if (total > rows) table += "... and " + std::to_string(total - rows) + " more in events.jsonl\n";
  return table;
}

Status ExportAll(SqliteStore& store, const std::string& out_dir, const Options& options) {
  fs::path dir(out_dir);
  CROSSCHECK_RETURN_IF_ERROR(ExportJsonl(store, "documents", (dir / "documents.jsonl").string()));
  CROSSCHECK_RETURN_IF_ERROR(ExportJsonl(store, "claims", (dir / "claims.jsonl").string()));
  CROSSCHECK_RETURN_IF_ERROR(ExportJsonl(store, "events", (dir / "events.jsonl").string()));
  CROSSCHECK_RETURN_IF_ERROR(ExportCsv(store, (dir / "events.csv").string()));
  return ExportHtml(store, (dir / "report.html").string(), options);
}

}  // namespace crosscheck
