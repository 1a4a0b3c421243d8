// Encoding detection and conversion to UTF-8: byte order marks, declarations, UTF-8 validation
// (simdjson's SIMD validator), ICU's charset detector (ucsdet) and converters (ucnv).
#include "ingest/decode.h"

#include <simdjson.h>
#include <unicode/ucnv.h>
#include <unicode/ucnv_cb.h>
#include <unicode/ucsdet.h>
#include <unicode/utf16.h>

#include <algorithm>
#include <cstring>
#include <memory>

#include "ingest/reader.h"

namespace crosscheck {
namespace {

constexpr size_t kSampleBytes = 64 << 10;       // enough for detection; keeps it O(1) per record
constexpr size_t kMetaScanBytes = 4 << 10;      // "the first few KB", where pages declare a charset
constexpr int32_t kMinDetectorConfidence = 30;  // below this ICU's guess is worse than windows-1252

char LowerAscii(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = LowerAscii(c);
  return out;
}

// Position of `needle` (lower-case) in `hay` ignoring ASCII case, from `from`; npos if absent.
size_t FindNoCase(std::string_view hay, std::string_view needle, size_t from = 0) {
  if (needle.empty() || hay.size() < needle.size()) return std::string_view::npos;
  for (size_t i = from; i + needle.size() <= hay.size(); ++i) {
    size_t k = 0;
    while (k < needle.size() && LowerAscii(hay[i + k]) == needle[k]) ++k;
    if (k == needle.size()) return i;
  }
  return std::string_view::npos;
}

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

// The value after `name` in "name = value" / name="value" / name='value'; empty if none.
std::string AttributeValueAfter(std::string_view text, std::string_view name) {
  size_t at = FindNoCase(text, name);
  while (at != std::string_view::npos) {
    size_t i = at + name.size();
    while (i < text.size() && IsSpace(text[i])) ++i;
    if (i < text.size() && text[i] == '=') {
      ++i;
      while (i < text.size() && IsSpace(text[i])) ++i;
      if (i < text.size() && (text[i] == '"' || text[i] == '\'')) ++i;
      size_t start = i;
      while (i < text.size() && !IsSpace(text[i]) && text[i] != '"' && text[i] != '\'' &&
             text[i] != ';' && text[i] != '>' && text[i] != ',' && text[i] != '/') {
        ++i;
      }
      if (i > start) return std::string(text.substr(start, i - start));
    }
    at = FindNoCase(text, name, at + 1);
  }
  return "";
}

enum class Bom { kNone, kUtf8, kUtf16Le, kUtf16Be, kUtf32Le, kUtf32Be };

Bom DetectBom(std::string_view b, size_t* length) {
  auto starts = [&](std::string_view prefix) { return b.substr(0, prefix.size()) == prefix; };
  using namespace std::string_view_literals;
  if (starts("\xEF\xBB\xBF"sv)) return *length = 3, Bom::kUtf8;
  if (starts("\xFF\xFE\x00\x00"sv)) return *length = 4, Bom::kUtf32Le;
  if (starts("\x00\x00\xFE\xFF"sv)) return *length = 4, Bom::kUtf32Be;
  if (starts("\xFF\xFE"sv)) return *length = 2, Bom::kUtf16Le;
  if (starts("\xFE\xFF"sv)) return *length = 2, Bom::kUtf16Be;
  *length = 0;
  return Bom::kNone;
}

// "UTF-16LE"/"UTF-16BE" when the sample has the NUL pattern of mostly-Latin UTF-16; else empty.
std::string_view Utf16WithoutBom(std::string_view b) {
  size_t pairs = std::min(b.size(), kSampleBytes) / 2;
  if (pairs < 2) return "";
  size_t zero_even = 0, zero_odd = 0;
  for (size_t i = 0; i < pairs; ++i) {
    zero_even += b[2 * i] == '\0';
    zero_odd += b[2 * i + 1] == '\0';
  }
  if (zero_odd * 10 >= pairs * 4 && zero_even * 20 <= pairs) return "UTF-16LE";
  if (zero_even * 10 >= pairs * 4 && zero_odd * 20 <= pairs) return "UTF-16BE";
  return "";
}

// Length of the well-formed UTF-8 sequence at s[i] (1..4), or 0 when ill-formed; *consumed is
// how many bytes the maximal ill-formed subpart covers (at least 1).
size_t Utf8SequenceAt(std::string_view s, size_t i, size_t* consumed) {
  unsigned char lead = static_cast<unsigned char>(s[i]);
  *consumed = 1;
  if (lead < 0x80) return 1;
  size_t length;
  unsigned char lo = 0x80, hi = 0xBF;
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    if (lead == 0xE0) lo = 0xA0;
    if (lead == 0xED) hi = 0x9F;  // no surrogates
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    if (lead == 0xF0) lo = 0x90;
    if (lead == 0xF4) hi = 0x8F;  // nothing above U+10FFFF
  } else {
    return 0;
  }
  for (size_t k = 1; k < length; ++k) {
    if (i + k >= s.size()) return 0;
    unsigned char c = static_cast<unsigned char>(s[i + k]);
    if (c < lo || c > hi) return 0;
    lo = 0x80, hi = 0xBF;
    *consumed = k + 1;
  }
  return length;
}

bool IsValidUtf8(std::string_view s) { return simdjson::validate_utf8(s.data(), s.size()); }

bool HasNonAscii(std::string_view s) {
  return std::any_of(s.begin(), s.end(),
                     [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
}

// UTF-8 that is merely damaged: at least one well-formed multi-byte character for every four
// stray bytes. Legacy single-byte text almost never forms one (a capital accented letter followed
// by a punctuation byte), so it fails this test.
bool MostlyUtf8(std::string_view s) {
  s = s.substr(0, kSampleBytes);
  size_t good = 0, bad = 0;
  for (size_t i = 0; i < s.size();) {
    size_t consumed;
    size_t length = Utf8SequenceAt(s, i, &consumed);
    if (length == 0) {
      ++bad;
      i += consumed;
    } else {
      good += length > 1;
      i += length;
    }
  }
  return good > 0 && good * 4 >= bad;
}

// Eight bytes at a time: a word with 0x80 in the lanes whose byte is below 0x20 (any C0 control).
// Exact per lane: (b & 0x7F) + 0x60 cannot carry into the next lane.
inline uint64_t ControlLanes(uint64_t word) {
  constexpr uint64_t kLow7 = 0x7F7F7F7F7F7F7F7Full, kHigh = 0x8080808080808080ull;
  return ~(((word & kLow7) + 0x6060606060606060ull) | word) & kHigh;
}
inline uint64_t NulLanes(uint64_t word) {
  constexpr uint64_t kLow7 = 0x7F7F7F7F7F7F7F7Full, kHigh = 0x8080808080808080ull;
  return ~(((word & kLow7) + kLow7) | word) & kHigh;
}
inline uint64_t LoadWord(const char* p) {
  uint64_t word;
  std::memcpy(&word, p, 8);
  return word;
}
// Counts lanes set in a ControlLanes/NulLanes result.
inline size_t CountLanes(uint64_t lanes) {
  return static_cast<size_t>(((lanes >> 7) * 0x0101010101010101ull) >> 56);
}

// Control characters the library drops: C0 but tab, newline, CR (form feed and vertical tab are
// turned into newlines by AppendChar).
bool IsDroppedControl(unsigned char c) {
  return c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v';
}

void AppendAscii(unsigned char c, std::string* out) {
  if (c == '\f' || c == '\v') {
    out->push_back('\n');
  } else if (!IsDroppedControl(c)) {
    out->push_back(static_cast<char>(c));
  }
}

void AppendCodePoint(UChar32 cp, std::string* out) {
  if (cp < 0x80) {
    AppendAscii(static_cast<unsigned char>(cp), out);
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

constexpr UChar32 kReplacement = 0xFFFD;

// ICU's stock substitution writes U+001A for some single-byte converters; the contract wants
// U+FFFD for every undecodable sequence.
void ReplaceWithFffd(const void*, UConverterToUnicodeArgs* args, const char*, int32_t,
                     UConverterCallbackReason reason, UErrorCode* error) {
  if (reason > UCNV_IRREGULAR) return;  // reset/close/clone: nothing to write
  *error = U_ZERO_ERROR;
  const UChar replacement = static_cast<UChar>(kReplacement);
  ucnv_cbToUWriteUChars(args, &replacement, 1, 0, error);
}

struct ConverterCloser {
  void operator()(UConverter* c) const { ucnv_close(c); }
};
using ConverterPtr = std::unique_ptr<UConverter, ConverterCloser>;

// The name to report for a converter: its MIME or IANA name ("windows-1252"), else ICU's.
std::string ConverterName(UConverter* converter, std::string_view label) {
  UErrorCode error = U_ZERO_ERROR;
  const char* internal = ucnv_getName(converter, &error);
  if (U_FAILURE(error) || internal == nullptr) return std::string(label);
  for (const char* standard : {"MIME", "IANA"}) {
    error = U_ZERO_ERROR;
    const char* name = ucnv_getStandardName(internal, standard, &error);
    if (U_SUCCESS(error) && name != nullptr) return name;
  }
  return internal;
}

// Converts `bytes` from the ICU encoding `label` and appends clean UTF-8. False when ICU does not
// know the label.
bool ConvertWithIcu(std::string_view bytes, const std::string& label, std::string* out,
                    std::string* used) {
  UErrorCode error = U_ZERO_ERROR;
  ConverterPtr converter(ucnv_open(label.c_str(), &error));
  if (U_FAILURE(error) || converter == nullptr) return false;
  ucnv_setToUCallBack(converter.get(), ReplaceWithFffd, nullptr, nullptr, nullptr, &error);
  if (U_FAILURE(error)) return false;
  *used = ConverterName(converter.get(), label);
  out->reserve(out->size() + bytes.size() + bytes.size() / 2);

  UChar units[16 << 10];
  size_t carried = 0;  // a lead surrogate waiting for its trail from the next chunk
  const char* source = bytes.data();
  const char* source_end = bytes.data() + bytes.size();
  for (;;) {
    UChar* target = units + carried;
    error = U_ZERO_ERROR;
    ucnv_toUnicode(converter.get(), &target, units + std::size(units), &source, source_end, nullptr,
                   /*flush=*/true, &error);
    if (U_FAILURE(error) && error != U_BUFFER_OVERFLOW_ERROR) {
      AppendCodePoint(kReplacement, out);  // should not happen with our callback; never loop
      return true;
    }
    bool more = error == U_BUFFER_OVERFLOW_ERROR;
    int32_t length = static_cast<int32_t>(target - units);
    int32_t i = 0;
    carried = 0;
    while (i < length) {
      if (more && i == length - 1 && U16_IS_LEAD(units[i])) {
        units[0] = units[i];
        carried = 1;
        break;
      }
      UChar32 cp;
      U16_NEXT(units, i, length, cp);
      if (U_IS_SURROGATE(cp)) cp = kReplacement;
      AppendCodePoint(cp, out);
    }
    if (!more) return true;
  }
}

// WHATWG-style aliases: legacy labels that real pages mean as a superset.
std::string NormalizeLabel(std::string_view declared) {
  std::string label = Lower(declared);
  while (!label.empty() && IsSpace(label.back())) label.pop_back();
  while (!label.empty() && IsSpace(label.front())) label.erase(0, 1);
  static const std::pair<std::string_view, std::string_view> kAliases[] = {
      {"iso-8859-1", "windows-1252"},
      {"iso8859-1", "windows-1252"},
      {"iso_8859-1", "windows-1252"},
      {"latin1", "windows-1252"},
      {"l1", "windows-1252"},
      {"us-ascii", "windows-1252"},
      {"ascii", "windows-1252"},
      {"cp819", "windows-1252"},
      {"iso-8859-9", "windows-1254"},
      {"tis-620", "windows-874"},
      {"iso-8859-11", "windows-874"},
      {"gb2312", "GBK"},
      {"utf8", "utf-8"},
  };
  for (const auto& [from, to] : kAliases) {
    if (label == from) return std::string(to);
  }
  return label;
}

bool IsUtf8Label(std::string_view label) {
  return label == "utf-8" || label == "unicode-1-1-utf-8";
}
bool IsWideLabel(std::string_view label) {
  return label.starts_with("utf-16") || label.starts_with("utf-32") || label.starts_with("ucs-2") ||
         label == "unicode";
}

// ICU's guess for the encoding of a sample, or empty when it has no confident one.
std::string DetectWithIcu(std::string_view bytes) {
  UErrorCode error = U_ZERO_ERROR;
  UCharsetDetector* detector = ucsdet_open(&error);
  if (U_FAILURE(error)) return "";
  std::string_view sample = bytes.substr(0, kSampleBytes);
  // Tags and attribute names are ASCII and would drown the statistics of the words.
  ucsdet_enableInputFilter(detector, sample.find('<') != std::string_view::npos);
  ucsdet_setText(detector, sample.data(), static_cast<int32_t>(sample.size()), &error);
  std::string name;
  const UCharsetMatch* match = ucsdet_detect(detector, &error);
  if (U_SUCCESS(error) && match != nullptr) {
    int32_t confidence = ucsdet_getConfidence(match, &error);
    const char* guess = ucsdet_getName(match, &error);
    if (U_SUCCESS(error) && guess != nullptr && confidence >= kMinDetectorConfidence) name = guess;
  }
  ucsdet_close(detector);
  return name;
}

std::string DecodeAs(std::string_view bytes, const std::string& label, std::string* encoding) {
  std::string out;
  if (IsUtf8Label(label) || label == "UTF-8") {
    AppendCleanUtf8(bytes, &out);
    *encoding = "UTF-8";
    return out;
  }
  if (ConvertWithIcu(bytes, label, &out, encoding)) return out;
  out.clear();
  ConvertWithIcu(bytes, "windows-1252", &out, encoding);  // always available in ICU
  return out;
}

}  // namespace

void AppendCleanUtf8(std::string_view bytes, std::string* out) {
  out->reserve(out->size() + bytes.size());
  if (IsValidUtf8(bytes)) {
    // Fast path: copy runs between the rare control characters.
    size_t run = 0;
    size_t i = 0;
    auto visit = [&](size_t at) {
      unsigned char c = static_cast<unsigned char>(bytes[at]);
      if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
        out->append(bytes.data() + run, at - run);
        AppendAscii(c, out);
        run = at + 1;
      }
    };
    for (; i + 8 <= bytes.size(); i += 8) {
      if (ControlLanes(LoadWord(bytes.data() + i)) == 0) continue;
      for (size_t k = i; k < i + 8; ++k) visit(k);
    }
    for (; i < bytes.size(); ++i) visit(i);
    out->append(bytes.data() + run, bytes.size() - run);
    return;
  }
  for (size_t i = 0; i < bytes.size();) {
    size_t consumed;
    size_t length = Utf8SequenceAt(bytes, i, &consumed);
    if (length == 0) {
      AppendCodePoint(kReplacement, out);
      i += consumed;
    } else if (length == 1) {
      AppendAscii(static_cast<unsigned char>(bytes[i]), out);
      ++i;
    } else {
      out->append(bytes.data() + i, length);
      i += length;
    }
  }
}

std::string HtmlDeclaredCharset(std::string_view html) {
  std::string_view head = html.substr(0, kMetaScanBytes);
  if (FindNoCase(head.substr(0, 64), "<?xml") != std::string_view::npos) {
    size_t end = head.find("?>");
    std::string value = AttributeValueAfter(head.substr(0, end), "encoding");
    if (!value.empty()) return value;
  }
  for (size_t at = FindNoCase(head, "<meta"); at != std::string_view::npos;
       at = FindNoCase(head, "<meta", at + 5)) {
    size_t end = head.find('>', at);
    std::string value = AttributeValueAfter(
        head.substr(at, end == std::string_view::npos ? head.npos : end - at), "charset");
    if (!value.empty()) return value;
  }
  return "";
}

std::string ContentTypeCharset(std::string_view content_type) {
  return AttributeValueAfter(content_type, "charset");
}

std::string ContentTypeMime(std::string_view content_type) {
  std::string_view mime = content_type.substr(0, content_type.find(';'));
  while (!mime.empty() && IsSpace(mime.back())) mime.remove_suffix(1);
  while (!mime.empty() && IsSpace(mime.front())) mime.remove_prefix(1);
  return Lower(mime);
}

bool LooksBinary(std::string_view bytes) {
  std::string_view sample = bytes.substr(0, kSampleBytes);
  size_t nul = 0, control = 0, i = 0;
  for (; i + 8 <= sample.size(); i += 8) {
    uint64_t word = LoadWord(sample.data() + i);
    control += CountLanes(ControlLanes(word));
    nul += CountLanes(NulLanes(word));
  }
  for (; i < sample.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(sample[i]);
    nul += c == 0;
    control += c < 0x20;
  }
  // Line breaks are controls too; only when there are many is the exact count below needed.
  if (nul == 0 && control * 100 <= sample.size() * 3) return false;
  size_t bom_length;
  Bom bom = DetectBom(bytes, &bom_length);
  if (bom != Bom::kNone && bom != Bom::kUtf8) return false;
  if (nul > 0 && !Utf16WithoutBom(bytes).empty()) return false;
  control = 0;
  for (char ch : sample) {
    unsigned char c = static_cast<unsigned char>(ch);
    control += IsDroppedControl(c) && c != 0x1B;  // ESC starts ISO-2022 text
  }
  // Text has (almost) none; compressed or image data has ~0.4% NULs and ~10% controls.
  return nul * 100 > sample.size() || control * 100 > sample.size() * 3;
}

std::string DecodeToUtf8(std::string_view bytes, std::string_view declared, std::string* encoding) {
  std::string scratch;
  if (encoding == nullptr) encoding = &scratch;

  size_t bom_length;
  switch (DetectBom(bytes, &bom_length)) {
    case Bom::kUtf8:
      return DecodeAs(bytes.substr(bom_length), "utf-8", encoding);
    case Bom::kUtf16Le:
      return DecodeAs(bytes.substr(bom_length), "UTF-16LE", encoding);
    case Bom::kUtf16Be:
      return DecodeAs(bytes.substr(bom_length), "UTF-16BE", encoding);
    case Bom::kUtf32Le:
      return DecodeAs(bytes.substr(bom_length), "UTF-32LE", encoding);
    case Bom::kUtf32Be:
      return DecodeAs(bytes.substr(bom_length), "UTF-32BE", encoding);
    case Bom::kNone:
      break;
  }

  const bool valid_utf8 = IsValidUtf8(bytes);
  std::string label = NormalizeLabel(declared);
  if (!label.empty()) {
    if (IsUtf8Label(label)) {
      // A page that says UTF-8 but is mostly stray high bytes was saved in a legacy encoding.
      if (valid_utf8 || MostlyUtf8(bytes)) return DecodeAs(bytes, "utf-8", encoding);
    } else if (IsWideLabel(label)) {
      if (std::string_view wide = Utf16WithoutBom(bytes); !wide.empty())
        return DecodeAs(bytes, std::string(wide), encoding);
    } else if (valid_utf8 && HasNonAscii(bytes)) {
      return DecodeAs(bytes, "utf-8", encoding);  // mislabelled: see the header
    } else {
      std::string out;
      if (ConvertWithIcu(bytes, label, &out, encoding)) return out;
    }
  }

  // Before the UTF-8 test: ASCII in UTF-16 is valid UTF-8 too, with a NUL every other byte.
  const bool has_nul =
      std::memchr(bytes.data(), 0, std::min(bytes.size(), kSampleBytes)) != nullptr;
  if (std::string_view wide = has_nul ? Utf16WithoutBom(bytes) : ""; !wide.empty()) {
    return DecodeAs(bytes, std::string(wide), encoding);
  }
  if (valid_utf8) return DecodeAs(bytes, "utf-8", encoding);
  if (MostlyUtf8(bytes)) return DecodeAs(bytes, "utf-8", encoding);
  std::string guess = NormalizeLabel(DetectWithIcu(bytes));
  if (guess.empty() || IsUtf8Label(guess)) guess = "windows-1252";
  return DecodeAs(bytes, guess, encoding);
}

}  // namespace crosscheck
