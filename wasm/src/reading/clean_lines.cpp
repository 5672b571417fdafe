// CleanArticle, pass 1: lines. The seed header gives the date; whitespace is collapsed; lines
// that are boilerplate on their own are dropped (see clean.cpp).
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

/// Whole lines of site furniture.
constexpr std::string_view kFurnitureLines[] = {
    "back to the top",
    "back to top",
    "top",
    "global edition",
    "advertisement",
    "advertising",
    "skip to main content",
    "skip to content",
    "share",
    "share this",
    "share this article",
    "share this story",
    "print",
    "print this article",
    "email",
    "tweet",
    "comments",
    "related",
    "related stories",
    "related articles",
    "related news",
    "read more",
    "home",
    "menu",
    "search",
    "subscribe",
    "sign in",
    "log in",
    "next article",
    "previous article",
    "most read",
    "most popular",
    "most viewed",
    "editor's picks",
    "trending",
    "follow us",
    "click here",
    "end",
    "ends",
};

/// Openings of short footer lines: licences, registrations, legal links.
constexpr std::string_view kFooterOpenings[] = {
    "license for publishing",
    "licence for publishing",
    "registration number",
    "icp ",
    "icp:",
    "\xE4\xBA\xAC"
    "icp",  // 京ICP
    "terms of use",
    "terms of service",
    "terms and conditions",
    "privacy policy",
    "cookie policy",
    "contact us",
    "about us",
};

/// Separators between navigation crumbs ("Home | Europe", "News > World").
constexpr std::string_view kNavSeparators[] = {
    "|",
    ">",
    ">>",
    "/",
    "\\",
    "::",
    "\xC2\xBB",      // »
    "\xE2\x80\xBA",  // ›
    "\xE2\x80\xA2",  // •
    "\xC2\xB7",      // ·
    "\xE2\x86\x92",  // →
    "\xEF\xBD\x9C",  // ｜
};

/// True for a line of site furniture ("BACK TO THE TOP", "Global Edition", "(end)").
bool IsFurnitureLine(std::string_view line) {
  constexpr std::size_t kMaxChars = 40;
  if (CodePoints(line) > kMaxChars) return false;
  return InList(StripChars(line, ":"), kFurnitureLines) || InList(line, kEndMarkers);
}

/// True for a short licence, registration or legal-link line ("Registration Number: 130349").
bool IsFooterLine(std::string_view line) {
  constexpr std::size_t kMaxWords = 12;
  return WordCount(line) <= kMaxWords && StartsWithAny(line, kFooterOpenings);
}

/// True for a copyright notice ("Copyright 1995 - . All rights reserved. ...", "© 2024 Reuters").
bool IsCopyrightLine(std::string_view line) {
  constexpr std::size_t kMaxChars = 800;  // notices can be long, but not page-long
  if (CodePoints(line) > kMaxChars) return false;
  if (line.find("\xC2\xA9") != std::string_view::npos) return true;  // ©
  if (FindIgnoreCase(line, "all rights reserved") != std::string_view::npos) return true;
  // "Copyright law ..." is a sentence; a notice follows the word with a year or a symbol.
  for (std::string_view opening : {"copyright ", "(c) "}) {
    if (!StartsWithIgnoreCase(line, opening)) continue;
    const std::string_view rest = line.substr(opening.size());
    if (!rest.empty() && (IsAsciiDigit(rest[0]) || StartsWithIgnoreCase(rest, "(c)") ||
                          StartsWithIgnoreCase(rest, "by "))) {
      return true;
    }
  }
  return false;
}

/// The owner a copyright notice names: a known outlet anywhere in it, else the capitalized words
/// right after the symbol and years ("© 2024 Jordan Times. All rights reserved."), else "".
std::string CopyrightOwner(std::string_view line) {
  constexpr std::size_t kMaxOwnerWords = 5;
  if (std::string outlet = FindOutlet(line); !outlet.empty()) return outlet;
  const std::vector<Token> tokens = Tokenize(line);
  std::size_t i = 0;
  for (; i < tokens.size(); ++i) {
    const std::string_view t = StripChars(tokens[i].text, ",.:;-");
    const bool years = !t.empty() && std::all_of(t.begin(), t.end(), [](char c) {
      return IsAsciiDigit(c) || c == '-';
    });
    if (!t.empty() && !years && !EqualsIgnoreCase(t, "copyright") && t != "\xC2\xA9" &&
        !EqualsIgnoreCase(t, "(c)")) {
      break;
    }
  }
  std::string owner;
  for (std::size_t words = 0; i < tokens.size() && words < kMaxOwnerWords; ++i, ++words) {
    const std::string_view t = tokens[i].text;
    const std::string_view word = StripChars(t, ".,");
    if (word.empty() || !IsAsciiUpper(word[0]) || EqualsIgnoreCase(word, "all")) break;
    if (!owner.empty()) owner += ' ';
    owner += word;
    if (t.back() == '.' || t.back() == ',') return owner;
  }
  return i == tokens.size() ? owner : std::string();
}

/// True for a line of navigation crumbs: short capitalized items between separators ("Home |
/// Europe", "About Us | Contact Us | Privacy"). With a single separator both items must be very
/// short, so that a page title such as "Putin meets Wang | China Daily" is not taken for one.
bool IsNavLine(std::string_view line) {
  constexpr std::size_t kMaxChars = 120;
  constexpr std::size_t kMaxTokens = 16;
  constexpr std::size_t kMaxItemWords = 3;
  constexpr std::size_t kMaxPairItemWords = 2;
  if (CodePoints(line) > kMaxChars || EndsWithTerminal(line)) return false;
  const std::vector<Token> tokens = Tokenize(line);
  if (tokens.size() > kMaxTokens) return false;
  std::size_t separators = 0;
  std::size_t words = 0;
  std::size_t item_words = 0;
  std::size_t longest_item = 0;
  for (const Token& t : tokens) {
    if (InList(t.text, kNavSeparators)) {
      ++separators;
      item_words = 0;
      continue;
    }
    if (item_words == 0 && StartsLowercase(t.text)) return false;
    if (++item_words > kMaxItemWords) return false;
    longest_item = std::max(longest_item, item_words);
    ++words;
  }
  if (separators == 1 && longest_item > kMaxPairItemWords) return false;
  return separators > 0 && words >= 2;
}

/// Drops what follows a copyright notice at the end of the page: the licence and registration
/// lines and links of a footer. Only lines after the last line of running text qualify, so a
/// notice at the top of a page cannot take the article with it.
void DropFooter(const std::vector<std::string>& lines, const std::vector<bool>& copyright,
                std::vector<LineKind>* kinds) {
  std::size_t last_prose = lines.size();
  for (std::size_t i = lines.size(); i-- > 0;) {
    if ((*kinds)[i] == LineKind::kText && IsProse(lines[i])) {
      last_prose = i;
      break;
    }
  }
  if (last_prose == lines.size()) return;
  bool in_footer = false;
  for (std::size_t i = last_prose + 1; i < lines.size(); ++i) {
    in_footer = in_footer || copyright[i];
    if (in_footer && (*kinds)[i] == LineKind::kText && !IsProse(lines[i])) {
      (*kinds)[i] = LineKind::kDropped;
    }
  }
}

}  // namespace

std::string_view TakeSeedHeader(std::string_view text, Hints* hints) {
  constexpr std::string_view kSeed = " date ";
  constexpr std::size_t kIsoLength = 10;
  if (text.substr(0, kSeed.size()) != kSeed) return text;
  const std::size_t end = kSeed.size() + kIsoLength;
  if (text.size() > end && std::string_view(" \t\r\n").find(text[end]) == std::string_view::npos) {
    return text;
  }
  std::string iso = ParseIsoDate(text.substr(kSeed.size(), kIsoLength));
  if (iso.empty()) return text;
  hints->AddDate(std::move(iso), kDateSeed);
  return text.substr(std::min(end, text.size()));
}

std::vector<std::string> SplitLines(std::string_view text) {
  std::vector<std::string> lines;
  bool previous_indented = false;
  for (std::size_t start = 0;;) {
    const std::size_t newline = text.find('\n', start);
    const std::string_view raw = text.substr(start, newline - start);
    // Wire copy marks paragraphs by indenting their first line ("\n    The dry period ..."):
    // an indented line after an unindented one opens a paragraph, as a blank line would.
    const bool indented = raw.size() > 1 && (raw[0] == '\t' || raw.substr(0, 2) == "  ");
    std::string line = CollapseSpaces(raw);
    if (indented && !previous_indented && !lines.empty() && !lines.back().empty() &&
        !line.empty()) {
      lines.emplace_back();
    }
    previous_indented = indented;
    lines.push_back(std::move(line));
    if (newline == std::string_view::npos) break;
    start = newline + 1;
  }
  return lines;
}

std::vector<LineKind> ClassifyLines(const std::vector<std::string>& lines, Hints* hints) {
  std::vector<LineKind> kinds(lines.size(), LineKind::kText);
  std::vector<bool> copyright(lines.size(), false);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const std::string& line = lines[i];
    CreditLine credit;
    if (line.empty()) {
      kinds[i] = LineKind::kBlank;
    } else if (IsFurnitureLine(line) || IsFooterLine(line)) {
      kinds[i] = LineKind::kDropped;
    } else if (IsCopyrightLine(line)) {
      kinds[i] = LineKind::kDropped;
      copyright[i] = true;
      hints->AddSource(CopyrightOwner(line), kSourceCopyright);
    } else if (ParseCreditLine(line, &credit) == CreditStrength::kStrong) {
      kinds[i] = LineKind::kDropped;
      hints->AddDate(credit.iso, kDateCredit);
      hints->AddSource(credit.outlet, kSourceCredit);
    } else if (IsNavLine(line)) {
      kinds[i] = LineKind::kDropped;
    }
  }
  DropFooter(lines, copyright, &kinds);
  return kinds;
}

}  // namespace lectern::clean_internal
