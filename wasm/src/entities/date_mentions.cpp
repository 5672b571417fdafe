#include "date_mentions.h"

#include <array>
#include <cstdio>

#include "lectern/dates.h"
#include "tag_features.h"

namespace lectern::entities {
namespace {

constexpr std::array<std::string_view, 7> kWeekdays = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};

int WeekdayIndex(std::string_view lower) {  // 0 = Monday, -1 when not a weekday
  for (std::size_t i = 0; i < kWeekdays.size(); ++i) {
    if (lower == kWeekdays[i]) return static_cast<int>(i);
  }
  return -1;
}

int Number(std::string_view w) {  // 0-9999 written in digits, with an optional st/nd/rd/th; else -1
  std::size_t i = 0;
  int v = 0;
  while (i < w.size() && w[i] >= '0' && w[i] <= '9' && i < 4) v = v * 10 + (w[i++] - '0');
  if (i == 0) return -1;
  const std::string_view rest = w.substr(i);
  if (rest.empty() || rest == "st" || rest == "nd" || rest == "rd" || rest == "th") return v;
  return -1;
}

bool IsYear(int v) { return v >= 1800 && v <= 2200; }

struct Anchor {
  bool known = false;
  int y = 0, m = 0, d = 0;
};

// The article date as an anchor, when it is a date IsoDate writes back the same (a calendar date,
// years 1800-2200). NormalizeDate gives back what it cannot read as it was ("-024-09-1r"), which
// sscanf alone took for the year -24: values resolved from it were not ISO dates (a fuzz finding).
Anchor AnchorOf(std::string_view article_date) {
  const std::string iso = NormalizeDate(article_date);
  Anchor a;
  if (iso.size() == 10 && std::sscanf(iso.c_str(), "%4d-%2d-%2d", &a.y, &a.m, &a.d) == 3) {
    a.known = IsoDate(a.y, a.m, a.d) == iso;
  }
  return a;
}

std::string Month(int y, int m) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d", y, m);
  return buf;
}

std::string DayValue(long days) {
  int y, m, d;
  CivilFromDays(days, &y, &m, &d);
  return IsoDate(y, m, d);
}

}  // namespace

long DaysFromCivil(int y, int m, int d) {  // Howard Hinnant's algorithm
  y -= m <= 2;
  const long era = (y >= 0 ? y : y - 399) / 400;
  const long yoe = y - era * 400;
  const long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

void CivilFromDays(long z, int* y, int* m, int* d) {
  z += 719468;
  const long era = (z >= 0 ? z : z - 146096) / 146097;
  const long doe = z - era * 146097;
  const long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const long mp = (5 * doy + 2) / 153;
  *d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  *m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  *y = static_cast<int>(yoe + era * 400 + (*m <= 2));
}

std::vector<DateMention> FindDates(std::string_view text, const std::vector<Span>& tokens,
                                   std::string_view article_date) {
  const Anchor a = AnchorOf(article_date);
  const long today = a.known ? DaysFromCivil(a.y, a.m, a.d) : 0;
  const std::size_t n = tokens.size();
  std::vector<std::string> low(n);
  for (std::size_t i = 0; i < n; ++i) {
    low[i] = AsciiLower(text.substr(tokens[i].start, tokens[i].end - tokens[i].start));
    if (!low[i].empty() && low[i].back() == '.') low[i].pop_back();
  }
  const auto word = [&](std::size_t i) -> std::string_view {
    return i < n ? std::string_view(low[i]) : std::string_view();
  };
  std::vector<DateMention> out;
  std::size_t taken = 0;  // tokens before this belong to mentions already found
  for (std::size_t i = 0; i < n;) {
    const std::string_view w = word(i);
    const bool modifier = w == "last" || w == "next" || w == "this" || w == "coming";
    const std::size_t head = modifier ? i + 1 : i;
    std::size_t end = head;  // one past the last token of the mention
    std::string value;
    const int weekday = WeekdayIndex(word(head));
    // The month must be a written word of 3+ letters, so "may" and "mar" need a number by them.
    int month = word(head).size() >= 3 ? MonthFromName(word(head)) : 0;
    // "may", "march" and bare short forms ("Jan" the name) are dates only next to a number.
    const bool weak_month = word(head).size() < 4 || word(head) == "march";
    if (weekday >= 0) {
      end = head + 1;
      if (a.known) {
        const long dow = (today + 3) % 7;  // 1970-01-01 was a Thursday (index 3)
        long back = (dow - weekday + 7) % 7;
        if (w == "last" && back == 0) back = 7;
        long day = today - back;
        if (w == "next" || w == "coming")
          day = today + ((weekday - dow + 7) % 7 == 0 ? 7 : (weekday - dow + 7) % 7);
        value = DayValue(day);
      }
    } else if (month > 0) {
      int day = Number(word(head + 1));
      std::size_t k = head + 1;
      int year = -1;
      if (day >= 1 && day <= 31) {
        k = head + 2;
        if (word(k) == ",") ++k;
        year = Number(word(k));
        if (IsYear(year)) {
          ++k;
        } else {
          year = -1;
          k = head + 2;
        }
      } else {
        day = -1;
        year = Number(word(head + 1));
        k = IsYear(year) ? head + 2 : head + 1;
        if (!IsYear(year)) year = -1;
      }
      // "12 September 2024": the day before the month.
      std::size_t start = head;
      if (day < 0 && !modifier && i > taken) {  // never a token of the date before
        const int before = Number(word(i - 1));
        if (before >= 1 && before <= 31) {
          day = before;
          start = i - 1;
        }
      }
      const char first = text[tokens[head].start];
      if (weak_month && ((day < 0 && year < 0 && !modifier) || first < 'A' || first > 'Z')) {
        ++i;
        continue;
      }
      end = k;
      if (year < 0 && a.known) year = a.y;
      if (modifier && a.known)
        year = a.y + (w == "next" && month <= a.m ? 1 : 0) - (w == "last" && month >= a.m ? 1 : 0);
      if (year > 0) value = day > 0 ? IsoDate(year, month, day) : Month(year, month);
      if (start < i) i = start;
    } else if (!modifier && (w == "yesterday" || w == "today" || w == "tomorrow")) {
      end = i + 1;
      if (a.known) value = DayValue(today + (w == "yesterday" ? -1 : w == "today" ? 0 : 1));
    } else if (modifier &&
               (word(head) == "week" || word(head) == "month" || word(head) == "year")) {
      end = head + 1;
      const int step = w == "next" ? 1 : w == "last" ? -1 : 0;
      if (a.known && word(head) == "month") {
        const int m0 = a.y * 12 + (a.m - 1) + step;
        value = Month(m0 / 12, m0 % 12 + 1);
      } else if (a.known && word(head) == "year") {
        value = std::to_string(a.y + step);
      }
    } else if ((w == "in" || w == "since" || w == "by" || w == "until" || w == "from" ||
                w == "of") &&
               IsYear(Number(word(i + 1))) && low[i + 1].size() == 4 &&
               (i + 2 >= n || word(i + 2) != "%")) {
      out.push_back({{tokens[i + 1].start, tokens[i + 1].end}, low[i + 1]});
      i += 2;
      taken = i;
      continue;
    }
    if (end == head) {
      ++i;
      continue;
    }
    out.push_back({{tokens[i].start, tokens[end - 1].end}, value});
    i = end;
    taken = end;
  }
  return out;
}

}  // namespace lectern::entities
