// Dates written in a page's text: datelines ("Last Modified: 06 Feb 2012", "Publié le 8 septembre
// 2011", "Wed 05 Apr 2017", "May 2, 2025 11:51 PM", "2012-02-06") in the languages of
// data/dates/months.tsv, and the years an article speaks of. Internal.
#ifndef CROSSCHECK_CLEAN_DATES_H_
#define CROSSCHECK_CLEAN_DATES_H_

#include <optional>
#include <string_view>
#include <vector>

#include "clean/lexicon.h"
#include "crosscheck/date.h"

namespace crosscheck {

// Every full calendar date (day, month and year) written in `text`, in order.
std::vector<Date> FindDates(std::string_view text, const CleanLexicon& lexicon);

struct Dateline {
  Date date;
  bool cued = false;      // a cue such as "Published" or "Publié le" introduces it
  bool modified = false;  // the cue says it is a later edit ("Updated", "Mis à jour")
};

// Reads `line` as a dateline: a short line that holds a full date and little else (a cue, a
// weekday, a time, a place, an author). nullopt for a sentence that merely mentions a date.
std::optional<Dateline> ReadDateline(std::string_view line, const CleanLexicon& lexicon);

// A dateline that a scraper flattened into a paragraph: at its start ("Tue 05 Jul 2016 Troops
// ...", "Posted on 2 May 2017 by Jane Roe The ..."), or after the headline's words when a
// weekday, a cue or the title itself marks it ("Headline AFP Monday 22 Sep 2014 Story ...").
struct InlineDateline {
  Dateline dateline;
  // The bytes of the paragraph its words take: cue, weekday, date, time of day and a byline
  // after a cue ("by Jane Roe").
  size_t begin = 0, end = 0;
};

// Reads the dateline of `paragraph`; `title` (may be empty) is the page's headline. nullopt when
// no date stands there, or when the date reads as part of a sentence ("3 May 2017 was ...",
// "... killed on Friday 3 May 2017").
std::optional<InlineDateline> ReadInlineDateline(std::string_view paragraph, std::string_view title,
                                                 const CleanLexicon& lexicon);

// The years 1900..2099 written as four-digit numbers in `text`.
std::vector<int> YearsMentioned(std::string_view text);

}  // namespace crosscheck

#endif  // CROSSCHECK_CLEAN_DATES_H_
