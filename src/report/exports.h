// The files a run writes from its store: documents.jsonl, claims.jsonl, events.jsonl (the
// contract, docs/output.md), events.csv (ACLED/UCDP-style columns) and report.html. Each is
// written under a temporary name and renamed when complete.
#ifndef CROSSCHECK_REPORT_EXPORTS_H_
#define CROSSCHECK_REPORT_EXPORTS_H_

#include <string>

#include "crosscheck/options.h"
#include "crosscheck/records.h"
#include "crosscheck/status.h"
#include "store/sqlite_store.h"

namespace crosscheck {

// Writes every file below into out_dir. `options` says where the data folder is (report.html's
// world outline).
Status ExportAll(SqliteStore& store, const std::string& out_dir, const Options& options = {});

// One JSON Lines file of a store table ("documents", "claims", "events").
Status ExportJsonl(SqliteStore& store, std::string_view table, const std::string& path);

// events.csv: one row per event with the columns coders load into ACLED- and UCDP-style sheets.
Status ExportCsv(SqliteStore& store, const std::string& path);

// report.html: one self-contained page (no network) with the events on a timeline and a map,
// each with its sources, their counts, the contradictions, and each claim's sentence in its
// document. Article text is only ever inserted with textContent, never parsed as HTML. The map
// draws the land and borders of generated/world_outline.tsv in the data folder
// (scripts/build-world-outline.sh) when that file exists, and only a graticule when it does not.
Status ExportHtml(SqliteStore& store, const std::string& path, const Options& options = {});

// The map's outlines read from a world_outline.tsv file: SVG path data, x = lon + 180,
// y = 90 - lat. An error names the file and line when a path holds anything but path commands
// and numbers, so nothing but path data can reach the page.
struct WorldOutline {
  std::string land;
  std::string borders;
};
Result<WorldOutline> ReadWorldOutline(const std::string& path);

// A fixed-width text table of up to `max_rows` events (date, type, place, killed, sources).
Result<std::string> EventTable(SqliteStore& store, size_t max_rows);

// RFC 4180 field quoting, for the CSV.
std::string CsvField(std::string_view value);

}  // namespace crosscheck

#endif  // CROSSCHECK_REPORT_EXPORTS_H_
