// CleanArticle, pass 3: metadata. The title, the dateline, a final "(AFP)", and the paragraphs
// joined into the body (see clean.cpp).
#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "clean_meta.h"
#include "clean_passes.h"
#include "clean_text.h"
#include "lectern/dates.h"

namespace lectern::clean_internal {
namespace {

/// Separators between a headline and the outlet a page title appends ("... - Reuters").
constexpr std::string_view kTitleOutletSeparators[] = {
    " - ",
    " | ",
    " \xE2\x80\x93 ",
    " \xE2\x80\x94 ",
};

/// True when a word other than the last ends a sentence ("Monday.", "now!"); abbreviations such
/// as "St.", "U.S." or "Sept." are too short to count.
bool HasInnerSentenceEnd(std::string_view text) {
  constexpr std::size_t kMinWordLetters = 5;
  const std::vector<Token> tokens = Tokenize(text);
  for (std::size_t i = 0; i + 1 < tokens.size(); ++i) {
    const std::string_view word = StripClosers(tokens[i].text);
    if (word.empty()) continue;
    if (word.back() == '!' || word.back() == '?') return true;
    if (word.back() == '.' && static_cast<std::size_t>(std::count_if(
                                  word.begin(), word.end(), IsAsciiAlpha)) >= kMinWordLetters) {
      return true;
    }
  }
  return false;
}

/// True for a headline: short, capitalized, one line, not ending like a sentence or a label.
bool IsTitleLike(std::string_view paragraph) {
  constexpr std::size_t kMaxWords = 30;
  constexpr std::size_t kMaxChars = 250;
  if (paragraph.empty() || CodePoints(paragraph) > kMaxChars || WordCount(paragraph) > kMaxWords ||
      IsProse(paragraph) || StartsLowercase(paragraph) || paragraph.front() == '(' ||
      paragraph.front() == '[' || HasInnerSentenceEnd(paragraph)) {
    return false;
  }
  const std::string_view body = StripClosers(paragraph);
  return !body.empty() && std::string_view(",;:-").find(body.back()) == std::string_view::npos;
}

/// True for a navigation crumb or section name above a headline ("xi's moments", "World").
bool IsCrumb(std::string_view paragraph) {
  constexpr std::size_t kMaxCrumbWords = 4;
  constexpr std::size_t kMaxSectionWords = 8;
  if (EndsWithTerminal(paragraph)) return false;
  const std::size_t words = WordCount(paragraph);
  return words <= kMaxCrumbWords || (StartsLowercase(paragraph) && words <= kMaxSectionWords);
}

/// Removes an outlet a page title appends ("Putin meets Wang - Reuters"), noting it as source.
void StripTitleOutlet(std::string* title, Hints* hints) {
  for (std::string_view separator : kTitleOutletSeparators) {
    const std::size_t pos = title->rfind(separator);
    if (pos == std::string::npos || pos == 0) continue;
    std::string outlet = OutletNamed(std::string_view(*title).substr(pos + separator.size()));
    if (outlet.empty()) continue;
    hints->AddSource(std::move(outlet), kSourceCredit);
    title->erase(pos);
    return;
  }
}

}  // namespace

std::string TakeTitle(std::vector<std::string>* paragraphs, Hints* hints) {
  constexpr std::size_t kTitleWords = 4;  // section names are shorter, headlines rarely are
  const auto first_prose = std::find_if(paragraphs->begin(), paragraphs->end(),
                                        [](const std::string& p) { return IsProse(p); });
  if (first_prose == paragraphs->end()) return {};
  std::vector<std::string> header;
  for (auto it = paragraphs->begin(); it != first_prose; ++it) {
    CreditLine credit;
    if (ParseCreditLine(*it, &credit) != CreditStrength::kNone) {
      hints->AddDate(credit.iso, kDateHeader);
      hints->AddSource(credit.outlet, kSourceCredit);
      continue;
    }
    header.push_back(std::move(*it));
  }
  std::size_t title = header.size();
  for (std::size_t i = 0; i < header.size() && title == header.size(); ++i) {
    if (IsTitleLike(header[i]) && WordCount(header[i]) >= kTitleWords) title = i;
  }
  for (std::size_t i = header.size(); i-- > 0 && title == header.size();) {
    if (IsTitleLike(header[i]) && WordCount(header[i]) >= 2) title = i;
  }
  std::string title_text;
  std::vector<std::string> kept;
  for (std::size_t i = 0; i < header.size(); ++i) {
    if (i == title) {
      title_text = std::move(header[i]);
    } else if (!(i < title && title < header.size() && IsCrumb(header[i]))) {
      kept.push_back(std::move(header[i]));
    }
  }
  kept.insert(kept.end(), std::make_move_iterator(first_prose),
              std::make_move_iterator(paragraphs->end()));
  *paragraphs = std::move(kept);
  StripTitleOutlet(&title_text, hints);
  return title_text;
}

std::string FindDateline(const std::vector<std::string>& paragraphs, std::string_view file_name,
                         Hints* hints) {
  auto it = std::find_if(paragraphs.begin(), paragraphs.end(),
                         [](const std::string& p) { return IsProse(p); });
  if (it == paragraphs.end()) it = paragraphs.begin();
  Dateline dateline;
  if (it == paragraphs.end() || !ParseDateline(*it, &dateline)) return {};
  hints->AddSource(dateline.agency, kSourceDateline);
  const int year = dateline.year != 0 ? dateline.year : YearFromFileName(file_name);
  if (dateline.month != 0 && year != 0) {
    hints->AddDate(IsoDate(year, dateline.month, dateline.day), kDateDateline);
  }
  return it->substr(0, dateline.length);
}

void NoteTrailingAgency(const std::vector<std::string>& paragraphs, Hints* hints) {
  if (paragraphs.empty() || paragraphs.back().empty() || paragraphs.back().back() != ')') return;
  const std::string& last = paragraphs.back();
  const std::size_t open = last.rfind('(');
  if (open == std::string::npos) return;
  hints->AddSource(OutletNamed(std::string_view(last).substr(open + 1, last.size() - open - 2)),
                   kSourceTrailing);
}

std::string JoinParagraphs(const std::vector<std::string>& paragraphs) {
  std::string body;
  for (const std::string& paragraph : paragraphs) {
    if (!body.empty()) body += "\n\n";
    body += paragraph;
  }
  return body;
}

}  // namespace lectern::clean_internal
