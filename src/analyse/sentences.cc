// SentenceSplitter: ICU sentence and word breaks over each paragraph, plus a merge rule for the
// abbreviations ICU's suppression list misses.
//
// ICU's English rules, with the "ss=standard" suppressions, already keep "Mr. Smith" together but
// still break after "U.S." or "Gen." before a capital. A candidate break is undone when the text
// before it ends with
//   - an abbreviation of kind `joins` (titles: "Gen.", "No."), always followed by more;
//   - an abbreviation of kind `may_end` ("U.S.", "a.m."), or any dotted acronym, unless the next
//     sentence starts with a word that typically opens one ("The", "He"): data/sentences/;
//   - a single capital initial ("George W. Bush").
// A day number with a dot before a month name ("3. Februar", months from data/time/) is a date.
// A break ICU takes at a line end inside a paragraph is undone when the next line starts in lower
// case: it was a wrapped line. Paragraphs are split separately, so no sentence crosses one and a
// headline without final punctuation stays a sentence of its own. Where ICU would break plain
// ASCII paragraphs is found without it (sentence_breaks.h), with the same result.
#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

#include <string>
#include <unordered_map>
#include <unordered_set>

#include "analyse/phrase_lexicon.h"
#include "analyse/sentence_breaks.h"
#include "analyse/taggers.h"
#include "analyse/token_stream.h"
#include "analyse/word_tokens.h"
#include "util/data_files.h"

namespace crosscheck {
namespace {

enum class AbbreviationKind { kJoins, kMayEnd };

bool IsBlank(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

// The first code point of `text` at `at`, or -1.
UChar32 CodePointAt(std::string_view text, size_t at) {
  if (at >= text.size()) return -1;
  UChar32 cp;
  U8_NEXT(text.data(), at, text.size(), cp);
  return cp;
}

// Opening punctuation that may precede a word: quotes and brackets, ASCII and typographic.
bool IsOpening(UChar32 cp) {
  int8_t type = u_charType(cp);
  return cp == '"' || cp == '\'' || type == U_START_PUNCTUATION || type == U_INITIAL_PUNCTUATION ||
         type == U_FINAL_PUNCTUATION;
}

class IcuSentenceSplitter final : public SentenceSplitter {
 public:
  IcuSentenceSplitter(
      std::unique_ptr<icu::BreakIterator> sentences, std::unique_ptr<icu::BreakIterator> words,
      std::unordered_map<std::string, AbbreviationKind, StringViewHash, std::equal_to<>>
          abbreviations,
      std::unordered_set<std::string, StringViewHash, std::equal_to<>> starters,
      std::unordered_set<std::string, StringViewHash, std::equal_to<>> months)
      : sentence_prototype_(std::move(sentences)),
        word_prototype_(std::move(words)),
        abbreviations_(std::move(abbreviations)),
        starters_(std::move(starters)),
        months_(std::move(months)),
        simple_breaks_(SimpleSentenceBreaks::Create()) {}

  void Run(Document& doc) const override {
    doc.sentences.clear();
    doc.tokens.clear();
    // Break iterators keep state: each Run works on its own copies.
    std::unique_ptr<icu::BreakIterator> sentences(sentence_prototype_->clone());
    std::unique_ptr<icu::BreakIterator> words(word_prototype_->clone());
    const std::string& text = doc.main_text;
    std::vector<Span> paragraphs = doc.paragraphs;
    if (paragraphs.empty()) paragraphs.push_back(Span{0, static_cast<uint32_t>(text.size())});
    doc.tokens.reserve(text.size() / 5);  // about one token in five bytes of English
    UText utext = UTEXT_INITIALIZER;
    uint32_t done = 0;  // paragraphs are used in order and never overlap
    for (size_t p = 0; p < paragraphs.size(); ++p) {
      Span para = paragraphs[p];
      para.begin = std::max(para.begin, done);
      para.end = std::min<uint32_t>(para.end, text.size());
      if (para.empty()) continue;
      done = para.end;
      UErrorCode status = U_ZERO_ERROR;
      utext_openUTF8(&utext, text.data() + para.begin, para.size(), &status);
      if (U_FAILURE(status)) continue;
      SplitParagraph(doc, *sentences, &utext, para, static_cast<uint32_t>(p));
      TokenizeParagraph(doc, *words, &utext, para);
    }
    utext_close(&utext);
  }

 private:
  // True when ICU could find no break inside `text`: ASCII on one line, with '.', '!' and '?'
  // only in its final run of punctuation. Many news paragraphs are one such sentence, and this
  // scan is far cheaper than the break iterator.
  static bool IsOneSentence(std::string_view text) {
    size_t end = text.size();
    while (end > 0) {
      char c = text[end - 1];
      if (c == '.' || c == '!' || c == '?' || c == '"' || c == '\'' || c == ')' || c == ']' ||
          c == ' ') {
        --end;
      } else {
        break;
      }
    }
    for (size_t i = 0; i < end; ++i) {
      unsigned char c = static_cast<unsigned char>(text[i]);
      if (c >= 0x80 || c == '\n' || c == '\r' || c == '.' || c == '!' || c == '?') return false;
    }
    return true;
  }

  void SplitParagraph(Document& doc, icu::BreakIterator& it, UText* utext, Span para,
                      uint32_t paragraph) const {
    if (IsOneSentence(doc.Text(para))) {
      Span whole = Trim(doc.main_text, para);
      if (!whole.empty()) doc.sentences.push_back(Document::Sentence{whole, paragraph});
      return;
    }
    // Where ICU breaks the paragraph: found without ICU for plain ASCII (sentence_breaks.h).
    std::vector<uint32_t> breaks;
    if (!simple_breaks_ || !simple_breaks_->Find(doc.Text(para), &breaks)) {
      breaks.clear();
      UErrorCode status = U_ZERO_ERROR;
      it.setText(utext, status);
      if (U_FAILURE(status)) return;
      it.first();
      for (int32_t end = it.next(); end != icu::BreakIterator::DONE; end = it.next()) {
        breaks.push_back(static_cast<uint32_t>(end));
      }
    }
    Span pending;
    uint32_t begin = 0;
    std::vector<Span> pieces;
    for (uint32_t end : breaks) {
      pieces.clear();
      SplitBeforeNumbers(doc.main_text, Span{para.begin + begin, para.begin + end}, &pieces);
      for (Span raw : pieces) {
        Span piece = Trim(doc.main_text, raw);
        if (piece.empty()) continue;
        if (pending.empty()) {
          pending = piece;
        } else if (ShouldJoin(doc.main_text, pending, piece)) {
          pending.end = piece.end;
        } else {
          doc.sentences.push_back(Document::Sentence{pending, paragraph});
          pending = piece;
        }
      }
      begin = end;
    }
    if (!pending.empty()) doc.sentences.push_back(Document::Sentence{pending, paragraph});
  }

  // Plain Latin text takes the fast path with the same result (word_tokens.h). ICU takes each
  // stretch the fast path refuses, up to a blank at least kIcuStretch bytes on, so that text in
  // another script is not cut into many small ICU calls.
  static constexpr size_t kIcuStretch = 256;
  static void TokenizeParagraph(Document& doc, icu::BreakIterator& it, UText* utext, Span para) {
    std::string_view text = doc.Text(para);
    size_t done = 0;
    while (done < text.size()) {
      done += TokenizeSimpleText(text.substr(done), para.begin + done, &doc.tokens);
      if (done >= text.size()) break;
      size_t end = std::min(text.size(), done + kIcuStretch);
      while (end < text.size() && text[end] != ' ' && text[end] != '\n') ++end;
      UErrorCode status = U_ZERO_ERROR;
      utext_openUTF8(utext, text.data() + done, static_cast<int64_t>(end - done), &status);
      it.setText(utext, status);
      if (U_FAILURE(status)) return;
      uint32_t base = para.begin + static_cast<uint32_t>(done);
      int32_t begin = it.first();
      for (int32_t next = it.next(); next != icu::BreakIterator::DONE;
           begin = next, next = it.next()) {
        if (it.getRuleStatus() < UBRK_WORD_NONE_LIMIT) continue;  // spaces and punctuation
        doc.tokens.push_back(Span{base + begin, base + static_cast<uint32_t>(next)});
      }
      done = end;
    }
  }

  static Span Trim(const std::string& text, Span s) {
    while (s.begin < s.end && IsBlank(text[s.begin])) ++s.begin;
    while (s.end > s.begin && IsBlank(text[s.end - 1])) --s.end;
    // A no-break space is blank too (scraped text is full of them).
    while (s.end >= s.begin + 2 && text.compare(s.end - 2, 2, "\u00a0") == 0) s.end -= 2;
    while (s.begin + 2 <= s.end && text.compare(s.begin, 2, "\u00a0") == 0) s.begin += 2;
    return s;
  }

  // ICU does not break before a sentence that opens with a number ("were executed. 3 fatalities."),
  // since a lower-case word follows the number. A full stop after a word of three or more
  // letters that is no abbreviation, then a space and a digit, ends a sentence.
  void SplitBeforeNumbers(const std::string& text, Span piece, std::vector<Span>* out) const {
    uint32_t start = piece.begin;
    for (uint32_t i = piece.begin; i + 2 < piece.end; ++i) {
      if (text[i] != '.' || text[i + 1] != ' ' || text[i + 2] < '0' || text[i + 2] > '9') continue;
      uint32_t word = i;
      while (word > start && ((text[word - 1] >= 'a' && text[word - 1] <= 'z') ||
                              (text[word - 1] >= 'A' && text[word - 1] <= 'Z'))) {
        --word;
      }
      if (i - word < 3 || (word > start && !IsBlank(text[word - 1]))) continue;
      if (abbreviations_.contains(text.substr(word, i + 1 - word))) continue;
      out->push_back(Span{start, i + 1});
      start = i + 1;
    }
    out->push_back(Span{start, piece.end});
  }

  bool ShouldJoin(const std::string& text, Span before, Span after) const {
    std::string_view prev(text.data() + before.begin, before.size());
    std::string_view next(text.data() + after.begin, after.size());
    // The last blank-separated word of `before`, without opening quotes or brackets.
    size_t word_start = prev.size();
    while (word_start > 0 && !IsBlank(prev[word_start - 1])) --word_start;
    std::string_view last = prev.substr(word_start);
    while (!last.empty()) {
      UChar32 cp = CodePointAt(last, 0);
      if (cp < 0 || !IsOpening(cp)) break;
      last.remove_prefix(U8_LENGTH(cp));
    }
    UChar32 next_first = CodePointAt(next, 0);
    const bool next_lower = next_first >= 0 && (u_islower(next_first) || u_isdigit(next_first));

    if (last.empty() || last.back() != '.') {
      // ICU breaks at every line end; a line that ends without final punctuation and a next line
      // in lower case are one wrapped sentence.
      std::string_view between(text.data() + before.end, after.begin - before.end);
      return between.find('\n') != std::string_view::npos && !EndsSentence(prev) && next_lower;
    }
    if (IsDayWithDot(last) && months_.contains(LowerSameLength(FirstWord(next)))) return true;
    auto found = abbreviations_.find(last);
    if (found != abbreviations_.end() && found->second == AbbreviationKind::kJoins) return true;
    const bool acronym = IsDottedAcronym(last);
    if (found == abbreviations_.end() && !acronym) {
      // "W." in "George W. Bush": one capital letter and a dot, then a name.
      UChar32 first = CodePointAt(last, 0);
      bool initial = first >= 0 && u_isupper(first) && U8_LENGTH(first) + 1 == last.size();
      return initial && next_first >= 0 && u_isupper(next_first);
    }
    if (next_lower) return true;
    return !StartsSentence(next);
  }

  // "U.S.", "a.m.", "U.N.": letters each followed by a dot, at least two of them.
  static bool IsDottedAcronym(std::string_view word) {
    int letters = 0;
    size_t i = 0;
    while (i < word.size()) {
      UChar32 cp;
      U8_NEXT(word.data(), i, word.size(), cp);
      if (cp < 0 || !u_isalpha(cp) || i >= word.size() || word[i] != '.') return false;
      ++i;
      ++letters;
    }
    return letters >= 2;
  }

  static bool EndsSentence(std::string_view s) {
    // Final punctuation, possibly followed by closing quotes or brackets.
    size_t i = s.size();
    while (i > 0) {
      size_t at = i - 1;
      while (at > 0 && (static_cast<unsigned char>(s[at]) & 0xC0) == 0x80) --at;
      UChar32 cp = CodePointAt(s, at);
      if (cp == '.' || cp == '!' || cp == '?' || cp == ':' || cp == ';' || cp == 0x2026)
        return true;
      if (cp < 0 || !(IsOpening(cp) || u_charType(cp) == U_END_PUNCTUATION)) return false;
      i = at;
    }
    return false;
  }

  static std::string_view FirstWord(std::string_view text) {
    size_t end = 0;
    while (end < text.size() && !IsBlank(text[end]) && text[end] != ',' && text[end] != '.') ++end;
    return text.substr(0, end);
  }

  bool StartsSentence(std::string_view next) const { return starters_.contains(FirstWord(next)); }

  // "3." as German and other languages write a day before the month: "3. Februar".
  static bool IsDayWithDot(std::string_view word) {
    if (word.size() < 2 || word.size() > 3 || word.back() != '.') return false;
    for (size_t i = 0; i + 1 < word.size(); ++i) {
      if (word[i] < '0' || word[i] > '9') return false;
    }
    return true;
  }

  std::unique_ptr<icu::BreakIterator> sentence_prototype_;
  std::unique_ptr<icu::BreakIterator> word_prototype_;
  std::unordered_map<std::string, AbbreviationKind, StringViewHash, std::equal_to<>> abbreviations_;
  std::unordered_set<std::string, StringViewHash, std::equal_to<>> starters_;
  std::unordered_set<std::string, StringViewHash, std::equal_to<>> months_;  // lower case
  std::unique_ptr<SimpleSentenceBreaks> simple_breaks_;  // null: ICU breaks every paragraph
};

}  // namespace

Result<std::unique_ptr<SentenceSplitter>> SentenceSplitter::Create(const Options& options) {
  std::unordered_map<std::string, AbbreviationKind, StringViewHash, std::equal_to<>> abbreviations;
  Status read =
      ReadTsvFiles(options, "sentences/abbreviations.tsv", true, [&](const TsvLine& line) {
        if (line.fields.size() != 2) return line.Error("expected: abbreviation<TAB>joins|may_end");
        AbbreviationKind kind;
        if (line.fields[1] == "joins") {
          kind = AbbreviationKind::kJoins;
        } else if (line.fields[1] == "may_end") {
          kind = AbbreviationKind::kMayEnd;
        } else {
          return line.Error("kind must be joins or may_end");
        }
        if (line.fields[0].empty() || line.fields[0].back() != '.') {
          return line.Error("an abbreviation ends with a dot");
        }
        abbreviations[std::string(line.fields[0])] = kind;
        return Status::Ok();
      });
  if (!read.ok()) return read;
  std::unordered_set<std::string, StringViewHash, std::equal_to<>> starters;
  read = ReadTsvFiles(options, "sentences/sentence_starters.tsv", true, [&](const TsvLine& line) {
    if (line.fields.size() != 1 || line.fields[0].empty()) return line.Error("expected: one word");
    starters.insert(std::string(line.fields[0]));
    return Status::Ok();
  });
  if (!read.ok()) return read;
  // Month names of the time lexicons, so that "3. Februar" is not cut after "3.".
  std::unordered_set<std::string, StringViewHash, std::equal_to<>> months;
  std::vector<std::string> languages;
  read = ReadTsvFiles(options, "time/languages.tsv", false, [&](const TsvLine& line) {
    if (!line.fields.empty()) languages.emplace_back(line.fields[0]);
    return Status::Ok();
  });
  if (!read.ok()) return read;
  for (const std::string& code : languages) {
    read = ReadTsvFiles(options, "time/" + code + ".tsv", false, [&](const TsvLine& line) {
      if (line.fields.size() >= 2 && line.fields[1] == "month") {
        months.insert(LowerSameLength(line.fields[0]));
      }
      return Status::Ok();
    });
    if (!read.ok()) return read;
  }

  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> sentences(
      icu::BreakIterator::createSentenceInstance(icu::Locale("en@ss=standard"), status));
  if (U_FAILURE(status))
    return Status::Internal("ICU sentence breaker: " + std::string(u_errorName(status)));
  std::unique_ptr<icu::BreakIterator> words(
      icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
  if (U_FAILURE(status))
    return Status::Internal("ICU word breaker: " + std::string(u_errorName(status)));
  return std::unique_ptr<SentenceSplitter>(
      new IcuSentenceSplitter(std::move(sentences), std::move(words), std::move(abbreviations),
                              std::move(starters), std::move(months)));
}

}  // namespace crosscheck
