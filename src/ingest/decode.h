// Decoding: from input bytes in any encoding to the valid UTF-8 the library works on. Internal.
//
// DecodeToUtf8 (declared in reader.h) chooses the encoding in this order:
//   1. a byte order mark (UTF-8, UTF-16LE/BE, UTF-32LE/BE) — it always wins;
//   2. the declared encoding (HTTP header, <meta charset>), when ICU knows it; a declared legacy
//      encoding on bytes that are valid UTF-8 with multi-byte characters is taken as mislabelled
//      (real Latin-1 text is almost never valid UTF-8), and "UTF-16" declared on bytes without
//      the NULs of UTF-16 is ignored (as the HTML standard says);
//   3. UTF-16 without a BOM, recognised by its NUL bytes at every other position;
//   4. valid UTF-8 (which includes plain ASCII);
//   5. mostly-UTF-8: a well-formed multi-byte sequence for every four stray bytes or fewer — a
//      UTF-8 file with some damage, decoded as UTF-8 so its good characters survive;
//   6. ICU's charset detector, when it is confident; otherwise windows-1252, the usual legacy
//      encoding of scraped Western news.
// As browsers do, ISO-8859-1 and US-ASCII are read as their superset windows-1252.
#ifndef CROSSCHECK_INGEST_DECODE_H_
#define CROSSCHECK_INGEST_DECODE_H_

#include <string>
#include <string_view>

namespace crosscheck {

// The charset a page declares for itself: <meta charset="..."> or
// <meta http-equiv="Content-Type" content="...; charset=..."> within its first 4 KB; empty if none.
std::string HtmlDeclaredCharset(std::string_view html);

// The charset parameter of a Content-Type value ("text/html; charset=ISO-8859-1"); empty if none.
std::string ContentTypeCharset(std::string_view content_type);
// The media type of a Content-Type value, lower-cased, without parameters ("text/html").
std::string ContentTypeMime(std::string_view content_type);

// True when `bytes` are not text: NUL bytes or control characters in more than a small share of
// the first 64 KB. UTF-16/32 text (a BOM, or NULs at alternating positions) is text.
bool LooksBinary(std::string_view bytes);

// Appends `bytes` to *out as valid UTF-8: each ill-formed sequence becomes U+FFFD (one per maximal
// ill-formed subpart, as Unicode recommends), C0 controls but tab, newline and CR are dropped
// (form feed and vertical tab become newlines: they separate pages and lines).
void AppendCleanUtf8(std::string_view bytes, std::string* out);

}  // namespace crosscheck

#endif  // CROSSCHECK_INGEST_DECODE_H_
