// NumberTagger: numbers in digits and in words, with their qualifiers, ranges and kinds.
//
// Works token by token inside each sentence. At a token it reads, in order:
//   [qualifier] [range_start] BASE [range_join BASE] [unit | age_after | post_qualifier]
// where BASE is digits ("6,000", "1.5 million", "30km", "8:30pm"), a compound of number words
// ("two hundred and five", "twenty-first"), an article before a scale word ("a dozen") or a
// vague quantity ("dozens", "scores of"). The words of every slot are lexicon entries of the
// document's language (data/numbers/<lang>.tsv), so a new language is a new file.
//
// The kind says whether a number may be a count: ages, years, distances, times of day, percents,
// ordinals and numbers with other units are tagged as such so later stages never count them.
// "one" written as a word is a count only outside pronoun use ("no one", "one of the").
#include <algorithm>
#include <cmath>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "analyse/phrase_lexicon.h"
#include "analyse/taggers.h"
#include "analyse/token_stream.h"
#include "util/data_files.h"

namespace crosscheck {
namespace {

enum class Role {
  kValue,  // cardinal, scale, ordinal, vague
  kQualifier,
  kPostQualifier,
  kRangeStart,
  kRangeJoin,
  kUnit,
  kOrdinalSuffix,
  kAgeBefore,
  kAgeAfter,
  kNotOneBefore,
  kNotOneAfter,
  kArticle,
  kCompoundJoin,
  kLabelBefore,
  kCount  // number of roles
};

enum class ValueClass { kCardinal, kScale, kOrdinal, kVague };
enum class Effect { kNone, kMoreThan, kAtLeast, kLessThan, kAtMost, kAbout };

struct Entry {
  ValueClass value_class = ValueClass::kCardinal;
  int64_t value = 0;  // cardinal, scale, ordinal; vague min
  int64_t max = 0;    // vague max
  bool approx = false;
  Effect effect = Effect::kNone;
  NumberKind kind = NumberKind::kOther;  // units
  bool after_start = false;              // range_join: only after a range_start ("between")
};

struct Language {
  PhraseLexicon<Entry> lexicons[static_cast<int>(Role::kCount)];
  std::unordered_map<std::string, NumberKind, StringViewHash, std::equal_to<>> symbols_before;
  std::unordered_map<std::string, NumberKind, StringViewHash, std::equal_to<>> symbols_after;
  bool decimal_comma = false;
  // The first words of every phrase that can open a mention: one lookup rules out most tokens.
  WordFilter openers;

  const PhraseLexicon<Entry>& operator[](Role role) const {
    return lexicons[static_cast<int>(role)];
  }
  PhraseLexicon<Entry>& operator[](Role role) { return lexicons[static_cast<int>(role)]; }
};

// Numbers beyond this are junk (IDs, phone numbers run together): kept, but as kOther.
constexpr double kLargestCount = 1e13;

// What one BASE slot read.
struct Base {
  size_t end = 0;  // one past its last token
  int64_t min = 0;
  int64_t max = 0;
  bool approx = false;
  bool vague = false;
  bool word_one = false;           // "one" written as a word, alone
  bool maybe_year = false;         // four plain digits in the range of years
  std::optional<NumberKind> kind;  // decided by the base itself (ordinal, unit suffix, time)
};

std::optional<NumberKind> ParseKindName(std::string_view name) {
  static constexpr NumberKind kKinds[] = {
      NumberKind::kCount,     NumberKind::kAge,     NumberKind::kYear,    NumberKind::kDistance,
      NumberKind::kTimeOfDay, NumberKind::kPercent, NumberKind::kOrdinal, NumberKind::kOther};
  for (NumberKind kind : kKinds) {
    if (NumberKindName(kind) == name) return kind;
  }
  return std::nullopt;
}

std::optional<Effect> ParseEffect(std::string_view name) {
  if (name == "more_than") return Effect::kMoreThan;
  if (name == "at_least") return Effect::kAtLeast;
  if (name == "less_than") return Effect::kLessThan;
  if (name == "at_most") return Effect::kAtMost;
  if (name == "about") return Effect::kAbout;
  return std::nullopt;
}

bool ParseInt(std::string_view text, int64_t* out) {
  if (text.empty() || text.size() > 15) return false;
  int64_t v = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
    v = v * 10 + (c - '0');
  }
  *out = v;
  return true;
}

Status AddLine(const TsvLine& line, Language* lang) {
  const auto& f = line.fields;
  if (f.size() < 2) return line.Error("expected: phrase<TAB>class[<TAB>arguments]");
  std::string_view phrase = f[0];
  std::string_view cls = f[1];
  auto need = [&](size_t n) { return f.size() == n; };
  Entry entry;
  Role role;
  if (cls == "cardinal" || cls == "scale" || cls == "ordinal") {
    if (!(need(3) || (cls == "scale" && need(4) && f[3] == "approx")) ||
        !ParseInt(f[2], &entry.value)) {
      return line.Error("expected: phrase<TAB>" + std::string(cls) + "<TAB>N");
    }
    entry.value_class = cls == "cardinal" ? ValueClass::kCardinal
                        : cls == "scale"  ? ValueClass::kScale
                                          : ValueClass::kOrdinal;
    entry.approx = need(4);
    role = Role::kValue;
  } else if (cls == "vague") {
    if (!need(4) || !ParseInt(f[2], &entry.value) || !ParseInt(f[3], &entry.max) ||
        entry.max < entry.value) {
      return line.Error("expected: phrase<TAB>vague<TAB>MIN<TAB>MAX");
    }
    entry.value_class = ValueClass::kVague;
    entry.approx = true;
    role = Role::kValue;
  } else if (cls == "qualifier" || cls == "post_qualifier") {
    auto effect = need(3) ? ParseEffect(f[2]) : std::nullopt;
    if (!effect)
      return line.Error("effect must be more_than, at_least, less_than, at_most or about");
    entry.effect = *effect;
    role = cls == "qualifier" ? Role::kQualifier : Role::kPostQualifier;
  } else if (cls == "unit" || cls == "symbol_before" || cls == "symbol_after") {
    auto kind = need(3) ? ParseKindName(f[2]) : std::nullopt;
    if (!kind)
      return line.Error("expected a NumberKind name: distance, time_of_day, percent, other");
    if (cls == "symbol_before") {
      lang->symbols_before[std::string(phrase)] = *kind;
      return Status::Ok();
    }
    if (cls == "symbol_after") {
      lang->symbols_after[std::string(phrase)] = *kind;
      return Status::Ok();
    }
    entry.kind = *kind;
    role = Role::kUnit;
  } else if (cls == "range_join") {
    if (!(need(2) || (need(3) && f[2] == "after_start"))) {
      return line.Error("expected: phrase<TAB>range_join[<TAB>after_start]");
    }
    entry.after_start = need(3);
    role = Role::kRangeJoin;
  } else if (cls == "decimal_separator") {
    if (phrase != "," && phrase != ".") return line.Error("the decimal separator is ',' or '.'");
    lang->decimal_comma = phrase == ",";
    return Status::Ok();
  } else {
    static const std::pair<std::string_view, Role> kPlain[] = {
        {"range_start", Role::kRangeStart},
        {"compound_join", Role::kCompoundJoin},
        {"label_before", Role::kLabelBefore},
        {"ordinal_suffix", Role::kOrdinalSuffix},
        {"age_before", Role::kAgeBefore},
        {"age_after", Role::kAgeAfter},
        {"not_one_before", Role::kNotOneBefore},
        {"not_one_after", Role::kNotOneAfter},
        {"article", Role::kArticle}};
    auto it = std::find_if(std::begin(kPlain), std::end(kPlain),
                           [&](const auto& p) { return p.first == cls; });
    if (it == std::end(kPlain)) return line.Error("unknown class '" + std::string(cls) + "'");
    if (!need(2)) return line.Error("class '" + std::string(cls) + "' takes no argument");
    role = it->second;
  }
  if (!(*lang)[role].Add(phrase, entry)) return line.Error("the phrase has no words");
  return Status::Ok();
}

// Digits of any script: "12", "١٢".
bool StartsWithDigit(std::string_view word) {
  return !word.empty() &&
         ((word[0] >= '0' && word[0] <= '9') ||
          (static_cast<unsigned char>(word[0]) >= 0x80 && ParseDigitRun(word, false)));
}

class LexiconNumberTagger final : public NumberTagger {
 public:
  explicit LexiconNumberTagger(std::unordered_map<std::string, Language> languages)
      : languages_(std::move(languages)) {}

  void Run(Document& doc, const TokenStream& tokens) const override {
    doc.numbers.clear();
    auto found = languages_.find(doc.language);
    if (found == languages_.end()) found = languages_.find("en");
    if (found == languages_.end()) return;
    Scan scan{found->second, tokens, doc};
    for (auto [first, last] : tokens.sentence_tokens()) {
      size_t i = first;
      while (i < last) {
        if (!found->second.openers.MayContain(tokens.LowerKey(i)) &&
            !StartsWithDigit(tokens.Lower(i))) {
          ++i;
          continue;
        }
        size_t end = scan.MentionAt(i, first, last);
        i = end > i ? end : i + 1;
      }
    }
  }

 private:
  // The matching state of one Run.
  struct Scan {
    const Language& lang;
    const TokenStream& tokens;
    Document& doc;

    // Reads a mention starting at token i; appends it and returns its end, or returns i.
    size_t MentionAt(size_t i, size_t sentence_first, size_t limit) {
      size_t start = i;
      Effect effect = Effect::kNone;
      bool age = false;
      // Qualifier and range words are kept only when a number follows them.
      auto qualifier = lang[Role::kQualifier].Longest(tokens, i, limit);
      if (qualifier.value && Starts(qualifier.end, limit)) {
        effect = qualifier.value->effect;
        i = qualifier.end;
      } else if (auto before = lang[Role::kAgeBefore].Longest(tokens, i, limit);
                 before.value && Starts(before.end, limit)) {
        age = true;
        i = before.end;
      }
      bool range_started = false;
      if (auto open = lang[Role::kRangeStart].Longest(tokens, i, limit);
          open.value && Starts(open.end, limit)) {
        range_started = true;
        i = open.end;
      }
      std::optional<Base> base = BaseAt(i, limit);
      if (!base) return start;
      NumberMention mention;
      mention.value = Quantity{base->min, base->max, base->approx};
      size_t end = base->end;
      bool is_range = false;
      // A range: "10 to 15", "between 5 and 10", "10-15" (digits joined by a hyphen).
      if (!base->vague && !base->kind) {
        size_t second_at = 0;
        if (auto join = lang[Role::kRangeJoin].Longest(tokens, end, limit);
            join.value && end < limit && tokens.JoinsPhrase(end) &&
            (range_started || !join.value->after_start)) {
          second_at = join.end;
        } else if (end < limit && IsHyphen(tokens.GapBefore(end))) {
          second_at = end;
        }
        if (second_at > 0 && second_at < limit) {
          std::optional<Base> second = BaseAt(second_at, limit);
          if (second && !second->vague && second->min > base->max &&
              (!second->kind || second->kind == NumberKind::kDistance ||
               second->kind == NumberKind::kPercent || second->kind == NumberKind::kTimeOfDay)) {
            mention.value = Quantity{base->min, second->max, base->approx || second->approx};
            end = second->end;
            base->kind = second->kind;
            base->maybe_year = base->maybe_year && second->maybe_year;
            base->word_one = false;
            is_range = true;
          }
        }
      }
      if (range_started && !is_range) {
        // "from 5" is no range: drop the opening word but keep a qualifier before it.
        if (effect == Effect::kNone && !age) start = i;
      }
      NumberKind kind = base->kind.value_or(NumberKind::kCount);
      if (!base->kind && end < limit && tokens.JoinsPhrase(end)) {
        if (auto after = lang[Role::kAgeAfter].Longest(tokens, end, limit); after.value) {
          age = true;
          end = after.end;
        } else if (auto unit = lang[Role::kUnit].Longest(tokens, end, limit); unit.value) {
          kind = unit.value->kind;
          end = unit.end;
        }
      }
      if (auto post = lang[Role::kPostQualifier].Longest(tokens, end, limit);
          post.value && end < limit && tokens.JoinsPhrase(end) && effect == Effect::kNone) {
        effect = post.value->effect;
        end = post.end;
      }
      Span span{tokens.span(start).begin, tokens.span(end - 1).end};
      // A sign glued to the digits: "50%", "$5".
      if (auto sign = SymbolAfter(span.end); sign.first) {
        if (!base->kind) kind = sign.second;
        span.end += sign.first;
      }
      if (SymbolBefore(span.begin)) kind = NumberKind::kOther;
      if (age) kind = NumberKind::kAge;
      if (kind == NumberKind::kCount && base->maybe_year && effect == Effect::kNone) {
        kind = NumberKind::kYear;
      }
      // "F-16", "Resolution 2254", "Route 7": digits that name something.
      if (kind == NumberKind::kCount && StartsWithDigit(tokens.Lower(start)) &&
          (IsCodeSuffix(start) ||
           (start > sentence_first && lang[Role::kLabelBefore].Single(tokens.LowerKey(start - 1))))) {
        kind = NumberKind::kOther;
      }
      if (kind == NumberKind::kCount && base->word_one &&
          !OneIsCount(start, sentence_first, end, limit)) {
        return start == i ? i + 1 : start + 1;  // skip the pronoun; qualifiers may start again
      }
      ApplyEffect(effect, &mention.value);
      mention.span = span;
      mention.kind = kind;
      doc.numbers.push_back(mention);
      return end;
    }

    // True when a BASE can be read at token i.
    bool Starts(size_t i, size_t limit) {
      return i < limit && tokens.JoinsPhrase(i) && BaseAt(i, limit);
    }

    std::optional<Base> BaseAt(size_t i, size_t limit) {
      if (i >= limit) return std::nullopt;
      std::string_view word = tokens.Lower(i);
      if (auto run = ParseDigitRun(word, lang.decimal_comma)) return DigitsAt(i, limit, *run);
      if (auto vague = lang[Role::kValue].Longest(tokens, i, limit);
          vague.value && vague.value->value_class == ValueClass::kVague) {
        Base b;
        b.end = vague.end;
        b.min = vague.value->value;
        b.max = vague.value->max;
        b.approx = true;
        b.vague = true;
        return b;
      }
      if (auto article = lang[Role::kArticle].Longest(tokens, i, limit); article.value) {
        // "a dozen", "a hundred": a count only before a scale word.
        size_t k = article.end;
        if (k >= limit || !tokens.JoinsPhrase(k)) return std::nullopt;
        auto scale = lang[Role::kValue].Longest(tokens, k, limit);
        if (!scale.value || scale.value->value_class != ValueClass::kScale) return std::nullopt;
        Base b = WordsAt(k, limit, /*leading=*/1).value_or(Base{});
        if (b.end == 0) return std::nullopt;
        return b;
      }
      return WordsAt(i, limit, 0);
    }

    // A compound of number words starting at i. `leading` is a value already read ("a" = 1).
    std::optional<Base> WordsAt(size_t i, size_t limit, int64_t leading) {
      int64_t total = 0;
      int64_t current = leading;
      int words = 0;
      bool approx = false;
      bool ordinal = false;
      int64_t last_cardinal = -1;  // the previous word's value if it was a cardinal
      size_t k = i;
      while (k < limit) {
        if (k > i && !tokens.JoinsPhrase(k)) break;
        // "two hundred and five", "treinta y cinco": a compound_join word after a scale word or
        // a multiple of ten, before a cardinal.
        if (k > i && lang[Role::kCompoundJoin].Single(tokens.LowerKey(k)) && k + 1 < limit &&
            tokens.JoinsPhrase(k + 1)) {
          auto next = lang[Role::kValue].Longest(tokens, k + 1, limit);
          bool after_tens = last_cardinal >= 20 && last_cardinal % 10 == 0;
          if (next.value && next.value->value_class == ValueClass::kCardinal &&
              (last_cardinal < 0 || (after_tens && next.value->value < 10))) {
            ++k;
            continue;
          }
          break;
        }
        auto m = lang[Role::kValue].Longest(tokens, k, limit);
        if (!m.value || m.end != k + 1) break;
        const Entry& e = *m.value;
        if (e.value_class == ValueClass::kCardinal || e.value_class == ValueClass::kOrdinal) {
          // "twenty-five" adds; "five six" or "ten twenty" are two numbers.
          if (last_cardinal >= 0 &&
              !(last_cardinal >= 20 && last_cardinal % 10 == 0 && e.value < 10)) {
            break;
          }
          current += e.value;
          last_cardinal = e.value;
          ++words;
          ++k;
          if (e.value_class == ValueClass::kOrdinal) {
            ordinal = true;
            break;
          }
        } else if (e.value_class == ValueClass::kScale) {
          if (current == 0 && total == 0) break;  // a bare "hundred" is no number
          if (current == 0) current = 1;
          // Checked in double first: "hundred hundred hundred ..." must not overflow.
          double product = static_cast<double>(e.value >= 1000 ? total + current : current) *
                           static_cast<double>(e.value);
          if (product > kLargestCount) return std::nullopt;
          if (e.value >= 1000) {
            total = (total + current) * e.value;
            current = 0;
          } else {
            current *= e.value;
          }
          approx = approx || e.approx;
          last_cardinal = -1;
          ++words;
          ++k;
        } else {
          break;
        }
      }
      if (words == 0) return std::nullopt;
      Base b;
      b.end = k;
      b.min = b.max = total + current;
      b.approx = approx;
      b.word_one = words == 1 && leading == 0 && b.min == 1 && !ordinal;
      if (ordinal) b.kind = NumberKind::kOrdinal;
      return b;
    }

    std::optional<Base> DigitsAt(size_t i, size_t limit, const DigitRun& run) {
      Base b;
      b.end = i + 1;
      std::string_view token = tokens.Lower(i);
      std::string_view suffix = token.substr(run.length);
      double value = run.value;
      if (suffix.empty() && !run.has_group_separator && !run.has_fraction && run.digits <= 2 &&
          value <= 24 && i + 1 < limit && tokens.GapBefore(i + 1) == ":") {
        // "8:30", "8:30pm": hours and minutes.
        auto minutes = ParseDigitRun(tokens.Lower(i + 1), false);
        if (minutes && minutes->digits == 2 && !minutes->has_fraction && minutes->value < 60) {
          b.end = i + 2;
          b.min = b.max = static_cast<int64_t>(value);
          b.kind = NumberKind::kTimeOfDay;
          return b;
        }
      }
      if (suffix.empty() && b.end < limit && tokens.JoinsPhrase(b.end)) {
        // "1.5 million", "3 thousand".
        auto scale = lang[Role::kValue].Longest(tokens, b.end, limit);
        if (scale.value && scale.value->value_class == ValueClass::kScale &&
            scale.end == b.end + 1) {
          value *= static_cast<double>(scale.value->value);
          b.approx = scale.value->approx;
          b.end = scale.end;
          suffix = {};
          run_scaled_ = true;
        }
      }
      if (value > kLargestCount) {
        b.kind = NumberKind::kOther;
        value = 0;
      }
      b.min = b.max = static_cast<int64_t>(std::floor(value));
      if (!suffix.empty()) {
        b.kind = SuffixKind(suffix, run, &b);
      } else if (run.has_fraction && !run_scaled_ && value != std::floor(value)) {
        b.kind = NumberKind::kOther;  // 2.5 people is no count
      } else if (!run.has_group_separator && !run.has_fraction && run.digits == 4 &&
                 value >= 1800 && value <= 2100 && !run_scaled_) {
        b.maybe_year = true;
      }
      run_scaled_ = false;
      return b;
    }

    NumberKind SuffixKind(std::string_view suffix, const DigitRun& run, Base* b) {
      // Suffixes are matched as whole words of the lexicons: "km", "pm", "th".
      if (OneWord(lang[Role::kOrdinalSuffix], suffix)) return NumberKind::kOrdinal;
      if (const Entry* unit = OneWord(lang[Role::kUnit], suffix)) return unit->kind;
      if (const Entry* scale = OneWord(lang[Role::kValue], suffix);
          scale && scale->value_class == ValueClass::kScale) {
        double v = run.value * static_cast<double>(scale->value);
        if (v > kLargestCount) return NumberKind::kOther;
        b->min = b->max = static_cast<int64_t>(std::floor(v));
        return NumberKind::kCount;
      }
      if (suffix == "s" && run.digits == 4 && !run.has_group_separator) {
        b->max = b->min + 9;  // "1990s": the decade
        return NumberKind::kYear;
      }
      return NumberKind::kOther;
    }

    // An entry of `lexicon` made of one word equal to `word`.
    static const Entry* OneWord(const PhraseLexicon<Entry>& lexicon, std::string_view word) {
      return lexicon.Single(word);
    }

    // The byte length of a sign right after `at` ("%"), with its kind.
    std::pair<size_t, NumberKind> SymbolAfter(uint32_t at) {
      std::string_view rest = std::string_view(doc.main_text).substr(at);
      size_t skip = rest.starts_with(' ') ? 1 : 0;
      for (const auto& [sign, kind] : lang.symbols_after) {
        if (rest.substr(skip).starts_with(sign)) return {skip + sign.size(), kind};
      }
      return {0, NumberKind::kOther};
    }
    bool SymbolBefore(uint32_t at) {
      std::string_view before = std::string_view(doc.main_text).substr(0, at);
      for (const auto& [sign, kind] : lang.symbols_before) {
        if (before.ends_with(sign)) return true;
      }
      return false;
    }

    // "F-16", "AK-47", "COVID-19": digits hyphenated to a word are a name, not a number.
    bool IsCodeSuffix(size_t start) {
      if (start == 0) return false;
      std::string_view gap = tokens.GapBefore(start);
      if (gap != "-") return false;
      std::string_view word = tokens.Text(start - 1);
      return !word.empty() && word.size() <= 6 && tokens.Capitalized(start - 1);
    }

    // "one" is a count unless the words around it make it a pronoun.
    bool OneIsCount(size_t start, size_t sentence_first, size_t end, size_t limit) {
      if (start > sentence_first && lang[Role::kNotOneBefore].Single(tokens.LowerKey(start - 1)))
        return false;
      if (end < limit && lang[Role::kNotOneAfter].Single(tokens.LowerKey(end))) return false;
      return true;
    }

    static bool IsHyphen(std::string_view gap) {
      return gap == "-" || gap == "\u2013" || gap == "\u2011" || gap == "\u2010";
    }

    static void ApplyEffect(Effect effect, Quantity* q) {
      switch (effect) {
        case Effect::kNone:
          break;
        case Effect::kMoreThan:
          *q = Quantity{q->min ? std::optional<int64_t>(*q->min + 1) : std::nullopt, std::nullopt,
                        false};
          break;
        case Effect::kAtLeast:
          *q = Quantity{q->min, std::nullopt, false};
          break;
        case Effect::kLessThan:
          *q = Quantity{std::nullopt, q->max ? std::optional<int64_t>(*q->max - 1) : std::nullopt,
                        false};
          break;
        case Effect::kAtMost:
          *q = Quantity{std::nullopt, q->max, false};
          break;
        case Effect::kAbout:
          q->approx = true;
          break;
      }
    }

    bool run_scaled_ = false;
  };

  std::unordered_map<std::string, Language> languages_;
};

}  // namespace

Result<std::unique_ptr<NumberTagger>> NumberTagger::Create(const Options& options) {
  std::vector<std::string> codes;
  Status read = ReadTsvFiles(options, "numbers/languages.tsv", true, [&](const TsvLine& line) {
    if (line.fields.size() != 1 || line.fields[0].empty())
      return line.Error("expected: a language code");
    codes.emplace_back(line.fields[0]);
    return Status::Ok();
  });
  if (!read.ok()) return read;
  std::unordered_map<std::string, Language> languages;
  for (const std::string& code : codes) {
    Language& lang = languages[code];
    read = ReadTsvFiles(options, "numbers/" + code + ".tsv", true,
                        [&](const TsvLine& line) { return AddLine(line, &lang); });
    if (!read.ok()) return read;
    for (Role role :
         {Role::kValue, Role::kQualifier, Role::kRangeStart, Role::kAgeBefore, Role::kArticle}) {
      lang[role].CollectFirstWords(&lang.openers);
    }
  }
  return std::unique_ptr<NumberTagger>(new LexiconNumberTagger(std::move(languages)));
}

}  // namespace crosscheck
