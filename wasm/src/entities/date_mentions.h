// DATE mentions by rule, each with an ISO value resolved against the article's date.
#ifndef LECTERN_ENTITIES_DATE_MENTIONS_H_
#define LECTERN_ENTITIES_DATE_MENTIONS_H_

#include <string>
#include <string_view>
#include <vector>

#include "lectern/text.h"

namespace lectern::entities {

struct DateMention {
  Span span;          // bytes of the text: the date words, without "on" or "in"
  std::string value;  // "YYYY-MM-DD", "YYYY-MM", "YYYY" or "" when it cannot be resolved
};

/// Dates among `tokens` of `text`: [last|next|this] weekday, month [day][,] [year], day month
/// [year], month year, yesterday/today/tomorrow, last/next/this week|month|year, a year after
/// in/since/by/until/from/of. `article_date` ("YYYY-MM-DD" or "") anchors relative ones: a bare
/// weekday is that day on or before the article date, "next month" the month after, a month and day
/// without a year the article's year. Linear in the tokens.
std::vector<DateMention> FindDates(std::string_view text, const std::vector<Span>& tokens,
                                   std::string_view article_date);

/// Days since 1970-01-01 of a civil date, and back (proleptic Gregorian).
long DaysFromCivil(int y, int m, int d);
void CivilFromDays(long days, int* y, int* m, int* d);

}  // namespace lectern::entities

#endif  // LECTERN_ENTITIES_DATE_MENTIONS_H_
