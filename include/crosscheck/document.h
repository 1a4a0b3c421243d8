// Document: one news report as it moves through the pipeline.
//
// A Document owns its bytes: `raw` as read from the input (after gunzip), `text` (the same input
// decoded to UTF-8: HTML source for HTML, the scraped text for text) and `main_text` (the article
// body that the clean stage keeps). Every later stage annotates the Document in place with spans:
// half-open byte ranges [begin, end) into `main_text`, never copied substrings. Output converts
// byte offsets to the code-point offsets of the contract (docs/output.md).
//
// Stages run in order — clean, analyse, extract — and each says which fields it reads and
// writes. A Document is not thread-safe; the pipeline gives each one to a single worker.
#ifndef CROSSCHECK_DOCUMENT_H_
#define CROSSCHECK_DOCUMENT_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "crosscheck/date.h"

namespace crosscheck {

// [begin, end) in bytes of Document::main_text.
struct Span {
  uint32_t begin = 0;
  uint32_t end = 0;
  bool empty() const { return end <= begin; }
  uint32_t size() const { return empty() ? 0 : end - begin; }
  bool Contains(Span other) const { return begin <= other.begin && other.end <= end; }
  bool Overlaps(Span other) const { return begin < other.end && other.begin < end; }
  bool operator==(const Span&) const = default;
};

// ---- Counts -------------------------------------------------------------------------------------

// A quantity as the contract's "Counts" table defines it: "more than 200" is {201, null},
// "about 100" is {100, 100, approx}, "dozens" is {24, 99, approx}.
struct Quantity {
  std::optional<int64_t> min;
  std::optional<int64_t> max;
  bool approx = false;
  bool operator==(const Quantity&) const = default;
};

enum class NumberKind { kCount, kAge, kYear, kDistance, kTimeOfDay, kPercent, kOrdinal, kOther };
std::string_view NumberKindName(NumberKind kind);

struct NumberMention {
  Span span;        // the whole phrase: "more than 200", "two hundred and five", "scores of"
  Quantity value;
  NumberKind kind = NumberKind::kCount;
};

// ---- Times --------------------------------------------------------------------------------------

enum class TimePrecision { kDay, kWeek, kMonth, kYear, kDecade };
std::string_view TimePrecisionName(TimePrecision precision);

struct TimeMention {
  Span span;  // "on Saturday", "since Sunday", "the night of February 3"
  Date start;
  Date end;
  TimePrecision precision = TimePrecision::kDay;
  // "since Sunday", "so far": a span that runs up to the document date.
  bool open_range = false;
};

// ---- Places -------------------------------------------------------------------------------------

enum class PlacePrecision { kUnknown, kNeighbourhood, kTown, kAdmin1, kCountry };
std::string_view PlacePrecisionName(PlacePrecision precision);  // "" for kUnknown

// A resolved place; the fields of the contract's "Places" object but `text` (a span instead).
struct Place {
  std::string name;          // as resolved: "Homs", "Khaldiyeh"
  std::string admin1;        // first-level region: "Homs Governorate"; empty if unknown
  std::string country;       // "Syria"; empty if unknown
  std::string country_code;  // ISO 3166-1 alpha-2: "SY"; empty if unknown
  std::optional<double> lat;
  std::optional<double> lon;
  PlacePrecision precision = PlacePrecision::kUnknown;
  std::string parent;        // the town of a neighbourhood
  int64_t geonames_id = 0;   // 0 when none
};

struct PlaceMention {
  Span span;
  Place place;
};

// ---- Actors -------------------------------------------------------------------------------------

// The source and actor types of the contract (claims.jsonl `source.type`).
enum class ActorType {
  kUnattributed,
  kGovernment,
  kStateMedia,
  kMilitary,
  kArmedGroup,
  kOpposition,
  kActivist,
  kNgo,
  kInternationalOrg,
  kForeignGovernment,
  kJournalist,
  kWitness,
  kMedical,
  kMedia,
};
std::string_view ActorTypeName(ActorType type);
std::optional<ActorType> ParseActorType(std::string_view name);

struct ActorMention {
  Span span;          // includes descriptive prefixes: "the UK-based Syrian Observatory ..."
  std::string name;   // canonical: "Syrian Observatory for Human Rights"
  ActorType type = ActorType::kUnattributed;
  // ISO 3166-1 alpha-2 code of the one country the actor fights or works in ("Houthis": YE);
  // empty for roles and for actors active in many countries.
  std::string country_code;
};

// ---- Claims and per-document events -------------------------------------------------------------

enum class ClaimKind {
  kKilled, kInjured, kKilledOrInjured, kCaptured, kArrested, kMissing, kDisplaced, kDestroyed, kOther
};
std::string_view ClaimKindName(ClaimKind kind);

enum class Scope { kIncident, kCumulative };
std::string_view ScopeName(Scope scope);

enum class Polarity { kAsserted, kDenied };
std::string_view PolarityName(Polarity polarity);

struct ClaimSource {
  std::string name;   // canonical name; empty when unknown
  ActorType type = ActorType::kUnattributed;
  Span text;          // as written; empty when the source is implicit
};

// One statement of a count (or a denial) in this document.
struct Claim {
  uint32_t sentence = 0;         // index into Document::sentences
  ClaimKind kind = ClaimKind::kKilled;
  std::optional<Quantity> count; // null for a denial without a number
  Span count_text;
  std::string victims;           // normalised: "civilians", "soldiers", "people"
  std::string perpetrator;       // canonical actor name
  std::optional<Place> location;
  Span location_text;
  std::optional<Date> time_start;
  std::optional<Date> time_end;
  Span time_text;
  Scope scope = Scope::kIncident;
  ClaimSource source;
  Polarity polarity = Polarity::kAsserted;
  bool hedged = false;           // "reportedly", "purportedly"
  int doc_event = -1;            // index into Document::events, -1 when none
  int part_of = -1;              // index of the claim whose whole this is a part of ("138 of them")
};

// An event as this one document reports it, before linking across documents.
struct DocEvent {
  std::string event_type;       // ACLED: "Explosions/Remote violence"
  std::string sub_event_type;   // ACLED: "Shelling/artillery/missile attack"
  std::optional<Place> location;
  std::optional<Date> date_start;
  std::optional<Date> date_end;
  std::string actor1;
  std::string actor2;
  uint32_t sentence = 0;        // where it is first mentioned
  Span trigger;                 // "shelling", "stormed"
  std::vector<uint32_t> claims; // indices into Document::claims
};

// ---- Cleaning ------------------------------------------------------------------------------------

enum class DateBasis { kNone, kMetadata, kDateline, kText, kCluster };
std::string_view DateBasisName(DateBasis basis);  // "" for kNone

struct PublishedDate {
  std::optional<Date> date;
  DateBasis basis = DateBasis::kNone;
  double confidence = 0.0;  // 0..1
};

struct RemovedBlock {
  std::string preview;  // the block's first 80 characters (it is not in main_text to point at)
  std::string reason;   // "navigation", "related", "comments", "bio", "footer", ...
};

// One piece of the map from main_text back to `text`: main_text[main_begin, main_begin+length)
// was copied from text[text_begin, text_begin+length). Text that cleaning wrote itself
// (paragraph breaks, decoded entities) has no piece.
struct OffsetPiece {
  uint32_t main_begin;
  uint32_t text_begin;
  uint32_t length;
};

enum class InputFormat { kText, kHtml };

class Document {
 public:
  // ---- Set by ingest.
  std::string doc_id;      // stable: a hash of the record's bytes
  std::string path;        // input file, plus "#N" for the N-th record of a JSONL or WARC file
  std::string record_id;   // JSONL `id` or WARC-Record-ID; empty when none
  InputFormat format = InputFormat::kText;
  std::string raw;         // bytes as read (after gunzip); may be in any encoding
  std::string text;        // `raw` decoded to valid UTF-8 (HTML source, or scraped text)
  std::string source_encoding;  // the encoding `text` was converted from ("UTF-8", "windows-1252")
  // Metadata given with the record (JSONL fields, WARC headers); empty when not given.
  std::string given_url, given_title, given_outlet, given_language;
  std::optional<Date> given_published;

  // ---- Set by clean.
  std::string main_text;
  std::vector<OffsetPiece> offset_map;  // sorted by main_begin
  std::string url, outlet, site, title, byline;
  std::string language = "en";          // ISO 639-1
  PublishedDate published;
  std::optional<Date> page_date;
  std::vector<RemovedBlock> removed;
  std::vector<Span> paragraphs;
  std::string near_duplicate_of;         // doc_id; set by the pipeline's duplicate index
  uint64_t body_fingerprint = 0;         // SimHash of the body, for near-duplicate search
  uint32_t title_end = 0;                // main_text[0, title_end) is the headline, 0 if none

  // ---- Set by analyse.
  struct Sentence {
    Span span;
    uint32_t paragraph = 0;
  };
  std::vector<Sentence> sentences;
  std::vector<Span> tokens;  // word tokens
  std::vector<NumberMention> numbers;
  std::vector<TimeMention> times;
  std::vector<PlaceMention> places;
  std::vector<ActorMention> actors;
  // The date relative times were resolved against: published.date, else the caller's default.
  std::optional<Date> reference_date;

  // ---- Set by extract.
  std::vector<Claim> claims;
  std::vector<DocEvent> events;
  int lead_event = -1;  // index into events: what the headline and first paragraph are about
  // The claims that give the lead event's toll as this report states it up front; -1 if none.
  int lead_killed = -1;
  int lead_injured = -1;

  std::string_view Text(Span span) const {
    return std::string_view(main_text).substr(span.begin, span.size());
  }
  // The index of the sentence holding byte `offset`, or -1.
  int SentenceAt(uint32_t offset) const;
  // Maps a main_text offset to the `text` offset it was copied from; -1 if it was synthesized.
  int64_t TextOffset(uint32_t main_offset) const;
};

}  // namespace crosscheck

#endif  // CROSSCHECK_DOCUMENT_H_
