#include "lectern/dates.h"

#include <cctype>
#include <cstdio>
#include <vector>

namespace lectern {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAlpha(char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; }

// Splits a date into runs of digits and runs of letters; everything else separates them.
std::vector<std::string_view> Tokens(std::string_view s) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i < s.size()) {
    const bool digit = IsDigit(s[i]);
    if (!digit && !IsAlpha(s[i])) {
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < s.size() && (digit ? IsDigit(s[j]) : IsAlpha(s[j]))) ++j;
    out.push_back(s.substr(i, j - i));
    i = j;
  }
  return out;
}

// The value of a run of digits; runs longer than any date part count as 0 (no date), so the
// arithmetic cannot overflow.
int ToInt(std::string_view digits) {
  if (digits.size() > 4) return 0;
  int v = 0;
  for (char c : digits) v = v * 10 + (c - '0');
  return v;
}

}  // namespace

int DaysInMonth(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

std::string IsoDate(int year, int month, int day) {
  if (year < 1800 || year > 2200 || month < 1 || month > 12 || day < 1 ||
      day > DaysInMonth(year, month)) {
    return {};
  }
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", year, month, day);
  return buffer;
}

int MonthFromName(std::string_view word) {
  static constexpr std::string_view kMonths[] = {"january",   "february", "march",    "april",
                                                 "may",       "june",     "july",     "august",
                                                 "september", "october",  "november", "december"};
  if (word.size() < 3) return 0;
  std::string lower;
  for (char c : word) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (lower == "sept") return 9;
  for (int m = 0; m < 12; ++m) {
    // The full name or its three-letter abbreviation; not any prefix ("Marc" is a name).
    if (lower == kMonths[m] || lower == kMonths[m].substr(0, 3)) return m + 1;
  }
  return 0;
}

std::string NormalizeDate(std::string_view date) {
  while (!date.empty() && std::isspace(static_cast<unsigned char>(date.front()))) {
    date.remove_prefix(1);
  }
  while (!date.empty() && std::isspace(static_cast<unsigned char>(date.back()))) {
    date.remove_suffix(1);
  }
  std::vector<std::string_view> t = Tokens(date);
  // A leading weekday ("Thursday, September 12, 2024") says nothing more.
  if (!t.empty() && IsAlpha(t[0][0]) && MonthFromName(t[0]) == 0) t.erase(t.begin());
  std::string iso;
  if (t.size() >= 3 && IsDigit(t[0][0]) && t[0].size() == 4 && IsDigit(t[1][0]) &&
      IsDigit(t[2][0])) {
    iso = IsoDate(ToInt(t[0]), ToInt(t[1]), ToInt(t[2]));  // 2024-09-13, 2024/09/13, ISO with time
  } else if (t.size() >= 3 && IsDigit(t[0][0]) && IsAlpha(t[1][0]) && IsDigit(t[2][0]) &&
             t[2].size() == 4) {
    iso = IsoDate(ToInt(t[2]), MonthFromName(t[1]), ToInt(t[0]));  // 26-FEB-1987, 11 September 2024
  } else if (t.size() >= 3 && IsAlpha(t[0][0]) && IsDigit(t[1][0]) && IsDigit(t[2][0]) &&
             t[2].size() == 4) {
    iso = IsoDate(ToInt(t[2]), MonthFromName(t[0]), ToInt(t[1]));  // September 11, 2024
  }
  return iso.empty() ? std::string(date) : iso;
}

}  // namespace lectern
