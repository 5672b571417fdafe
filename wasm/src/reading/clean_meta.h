// Metadata recognizers for CleanArticle: dates, news outlets and agencies, datelines, credit and
// date lines, photo credits. Internal to clean*.cpp.
#ifndef LECTERN_CLEAN_META_H_
#define LECTERN_CLEAN_META_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "clean_text.h"

namespace lectern {
namespace clean_internal {

/// Month (1-12) of a capitalized English month name or abbreviation ("Sept.", "SEP", "September"),
/// else 0: in running text a month name starts with a capital ("may" is a verb).
int CapitalizedMonth(std::string_view word);
/// The date of "YYYY-MM-DD" ("/" or "." also separate), maybe followed by "T..." or a space, as
/// "YYYY-MM-DD"; else "".
std::string ParseIsoDate(std::string_view s);
/// True when `token` is a clock time such as "13:57", "08:27," or "9:05pm".
bool IsTimeToken(std::string_view token);

/// A full date (with year) found among tokens.
struct TokenDate {
  std::string iso;
  std::size_t first = 0;  ///< index of its first token
  std::size_t last = 0;   ///< index of its last token (inclusive)
};
/// Finds the first full date among `tokens`: ISO, "September 11, 2024" or "11 Sept 2024".
bool FindDate(const std::vector<Token>& tokens, TokenDate* date);

/// The canonical name of the known outlet named first in `text` ("Kuwait News Agency (KUNA)" ->
/// "KUNA"), else "". Abbreviations match only in their own case, so "ap" in prose is no "AP".
std::string FindOutlet(std::string_view text);
/// The canonical name when `text` (trimmed) is exactly one known outlet's name or alias, else "".
std::string OutletNamed(std::string_view text);
/// The outlet a file name mentions ("xinhua_0912.txt", "chinadaily-2024.html"), else "".
std::string OutletFromFileName(std::string_view file_name);
/// A plausible year (1900-2099) written in a file name, else 0.
int YearFromFileName(std::string_view file_name);

/// How sure ParseCreditLine is that a line is a credit/date line.
enum class CreditStrength {
  kNone,    ///< not a credit/date line
  kWeak,    ///< a bare date, maybe with a few names ("September 11, 2024"); boilerplate in a header
  kStrong,  ///< dated and labelled, timed or "|"-separated ("Xinhua | Updated: 2024-09-13 13:57")
};
/// What a credit/date line says.
struct CreditLine {
  std::string iso;     ///< its date
  std::string outlet;  ///< a known outlet it names, else ""
};
/// Recognizes a short line that holds only a date plus outlet/author names, labels ("Updated:"),
/// times and separators.
CreditStrength ParseCreditLine(std::string_view line, CreditLine* credit);

/// A dateline at the start of a paragraph.
struct Dateline {
  std::size_t length = 0;  ///< bytes of the paragraph it covers, through its dash
  std::string agency;      ///< the agency in parentheses, canonical when known
  int month = 0;           ///< 0 when the dateline has no date
  int day = 0;
  int year = 0;  ///< 0 when the dateline gives no year
};
/// Recognizes "CITY, Mon DD (Agency) --", "CITY -", "CITY (Agency) -", "CITY, Country (Agency) —"
/// at the start of `paragraph`; the text must go on after the dash.
bool ParseDateline(std::string_view paragraph, Dateline* dateline);

/// True when `word` is one of the small words that may join a photo credit's names ("via", "by").
bool IsCreditConnector(std::string_view word);
/// True when `credit` (the end of a caption, e.g. "REUTERS/Eduardo Munoz", "(Photo by A B/AFP)",
/// "[Photo/Xinhua]", "AFP via Getty Images") credits a photo rather than a news source.
bool IsPhotoCredit(std::string_view credit);

}  // namespace clean_internal
}  // namespace lectern

#endif  // LECTERN_CLEAN_META_H_
