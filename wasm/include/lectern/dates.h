// Lectern text (lectern_text): dates as people write them, to ISO 8601. Pure functions of short
// strings; none throws.
#ifndef LECTERN_DATES_H_
#define LECTERN_DATES_H_

#include <string>
#include <string_view>

namespace lectern {

/// Returns the month (1-12) named by `word`, in any case: the full name, its three-letter
/// abbreviation, or "Sept" ("Sept", "sep", "September", "FEB"); else 0.
int MonthFromName(std::string_view word);

/// Days in `month` (1-12) of `year` in the Gregorian calendar.
int DaysInMonth(int year, int month);

/// "YYYY-MM-DD" when the parts make a plausible calendar date (years 1800-2200), else "".
std::string IsoDate(int year, int month, int day);

/// Rewrites a date as YYYY-MM-DD when it is one of: ISO 8601 (time part dropped), "2024/09/13",
/// "26-FEB-1987 15:01:01.79", "September 11, 2024", "Sept. 10, 2024", "11 September 2024".
/// Anything else comes back trimmed but otherwise as given; "" stays "".
std::string NormalizeDate(std::string_view date);

}  // namespace lectern

#endif  // LECTERN_DATES_H_
