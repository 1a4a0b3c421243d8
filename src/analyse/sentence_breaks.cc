// SimpleSentenceBreaks: the UAX #29 sentence rules and ICU's abbreviation filter for ASCII text.
#include "analyse/sentence_breaks.h"

#include <unicode/uchar.h>
#include <unicode/udata.h>
#include <unicode/ures.h>
#include <unicode/unistr.h>

#include <algorithm>

namespace crosscheck {

std::unique_ptr<SimpleSentenceBreaks> SimpleSentenceBreaks::Create() {
  std::unique_ptr<SimpleSentenceBreaks> breaks(new SimpleSentenceBreaks());
  // The classes of ICU's own Unicode data; any other class (line ends, letters without case) and
  // every non-ASCII byte is refused.
  breaks->classes_.fill(Class::kRefused);
  for (UChar32 c = 0; c < 0x80; ++c) {
    Class cls = Class::kRefused;
    switch (u_getIntPropertyValue(c, UCHAR_SENTENCE_BREAK)) {
      case U_SB_OTHER: cls = Class::kOther; break;
      case U_SB_SP: cls = Class::kSp; break;
      case U_SB_LOWER: cls = Class::kLower; break;
      case U_SB_UPPER: cls = Class::kUpper; break;
      case U_SB_NUMERIC: cls = Class::kNumeric; break;
      case U_SB_ATERM: cls = Class::kATerm; break;
      case U_SB_STERM: cls = Class::kSTerm; break;
      case U_SB_CLOSE: cls = Class::kClose; break;
      case U_SB_SCONTINUE: cls = Class::kSContinue; break;
      default: break;
    }
    breaks->classes_[c] = cls;
  }

  // The abbreviations "ss=standard" loads for English, from where ICU's
  // FilteredBreakIteratorBuilder reads them.
  std::vector<std::string> entries;
  UErrorCode status = U_ZERO_ERROR;
  UResourceBundle* bundle = ures_open(U_ICUDATA_NAME U_TREE_SEPARATOR_STRING "brkitr", "en", &status);
  UResourceBundle* exceptions = ures_getByKey(bundle, "exceptions", nullptr, &status);
  UResourceBundle* list = ures_getByKey(exceptions, "SentenceBreak", nullptr, &status);
  while (U_SUCCESS(status) && ures_hasNext(list)) {
    int32_t length = 0;
    const UChar* s = ures_getNextString(list, &length, nullptr, &status);
    if (U_FAILURE(status)) break;
    std::string entry;
    icu::UnicodeString(false, s, length).toUTF8String(entry);
    entries.push_back(std::move(entry));
  }
  ures_close(list);
  ures_close(exceptions);
  ures_close(bundle);
  // Every entry ends with a full stop, which Suppressed relies on.
  if (U_FAILURE(status) || entries.empty() ||
      std::any_of(entries.begin(), entries.end(), [](const std::string& e) { return !e.ends_with('.'); })) {
    return nullptr;
  }
  // As SimpleFilteredBreakIteratorBuilder::build sorts them: an entry with a full stop inside
  // ("U.S.") and every entry sharing its text up to that stop ("U.") are looked up forward from
  // that prefix, which goes into the reverse trie as "partial"; the other entries are "match".
  std::vector<bool> partial(entries.size(), false);
  for (size_t i = 0; i < entries.size(); ++i) {
    size_t stop = entries[i].find('.');
    if (stop + 1 == entries[i].size()) continue;
    bool prefix_added = false;
    for (size_t j = 0; j < entries.size(); ++j) {
      if (j == i || entries[i].compare(0, stop + 1, entries[j], 0, stop + 1) != 0) continue;
      if (!partial[j]) {
        partial[j] = true;
      } else {
        prefix_added = true;
      }
    }
    if (!prefix_added && !partial[i]) {
      breaks->partial_.insert(entries[i].substr(0, stop + 1));
      partial[i] = true;
    }
  }
  for (size_t i = 0; i < entries.size(); ++i) {
    if (!partial[i]) breaks->match_.insert(entries[i]);
  }
  for (const auto* set : {&breaks->match_, &breaks->partial_}) {
    for (const std::string& key : *set) {
      breaks->longest_ = std::max(breaks->longest_, key.size());
      for (char c : key) breaks->in_entries_[static_cast<unsigned char>(c)] = true;
    }
  }
  return breaks;
}

// SimpleFilteredSentenceBreakIterator::breakExceptionAt: one space before the break is skipped,
// then the longest entry that ends the text there decides.
int SimpleSentenceBreaks::Suppressed(std::string_view text, size_t at) const {
  if (at > 0 && text[at - 1] == ' ') --at;
  if (at == 0 || text[at - 1] != '.') return 0;
  int found = 0;
  for (size_t length = 1; length <= std::min(at, longest_); ++length) {
    // No entry holds a blank or a digit: the longest entry ends within the word before the stop.
    if (!in_entries_[static_cast<unsigned char>(text[at - length])]) break;
    std::string_view key = text.substr(at - length, length);
    if (match_.contains(key)) {
      found = 1;
    } else if (partial_.contains(key)) {
      found = -1;
    }
  }
  return found;
}

bool SimpleSentenceBreaks::Find(std::string_view text, std::vector<uint32_t>* breaks) const {
  breaks->clear();
  const size_t n = text.size();
  size_t i = 0;
  while (i < n) {
    const Class c = ClassOf(text[i]);
    if (c == Class::kRefused) return false;
    if (c != Class::kATerm && c != Class::kSTerm) {
      ++i;
      continue;
    }
    // A break may come only after a terminator, its closing quotes and brackets, and spaces
    // (SB9, SB10): at d.
    const size_t k = i;
    size_t d = k + 1;
    while (d < n && ClassOf(text[d]) == Class::kClose) ++d;
    while (d < n && ClassOf(text[d]) == Class::kSp) ++d;
    if (d >= n) break;  // the paragraph's own end
    const Class next = ClassOf(text[d]);
    if (next == Class::kRefused) return false;
    bool breaks_here = true;
    if (next == Class::kSContinue || next == Class::kATerm || next == Class::kSTerm) {
      breaks_here = false;  // SB8a: "etc., and", "?!"
    } else if (c == Class::kATerm) {
      const bool adjacent = d == k + 1;
      if (adjacent && next == Class::kNumeric) {
        breaks_here = false;  // SB6: "3.5"
      } else if (adjacent && next == Class::kUpper && k > 0 &&
                 (ClassOf(text[k - 1]) == Class::kUpper || ClassOf(text[k - 1]) == Class::kLower)) {
        breaks_here = false;  // SB7: "U.S"
      } else {
        // SB8: no break when the next letter, past anything but letters and terminators, is
        // lower case ("said. the", "killed. 3 fatalities").
        size_t j = d;
        while (j < n) {
          const Class y = ClassOf(text[j]);
          if (y == Class::kRefused) return false;
          if (y == Class::kLower || y == Class::kUpper || y == Class::kATerm || y == Class::kSTerm) break;
          ++j;
        }
        if (j < n && ClassOf(text[j]) == Class::kLower) breaks_here = false;
      }
    }
    if (breaks_here) {  // SB11, unless the text before is an abbreviation
      int suppressed = Suppressed(text, d);
      if (suppressed < 0) return false;
      if (suppressed == 0) breaks->push_back(static_cast<uint32_t>(d));
    }
    i = d;
  }
  breaks->push_back(static_cast<uint32_t>(n));
  return true;
}

}  // namespace crosscheck
