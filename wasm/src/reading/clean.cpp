// CleanArticle: boilerplate removal and metadata for one news article. See clean.h.
//
// The text goes through three passes:
//  1. Lines. The seed header gives the date; whitespace is collapsed; lines that are boilerplate
//     on their own (site furniture, copyright and licence footers, "Updated:" credit lines,
//     navigation crumbs) are dropped, and a dropped line also ends a paragraph.
//  2. Paragraphs. The remaining lines are joined into paragraphs (hard-wrapped text is unwrapped),
//     then wire-feed prefixes, "(end)" markers, editor and credit lines and photo captions go.
//  3. Metadata. The header before the first paragraph of running text gives the title and loses
//     its navigation crumbs; the first body paragraph's dateline, a final "(AFP)" and the file
//     name add hints.
// Every recognizer errs on the side of keeping text: dropping a real sentence is worse than
// keeping a stray line, so a paragraph goes only when all of it looks like boilerplate.
#include "clean.h"

#include <algorithm>
#include <climits>
#include <iterator>
#include <utility>
#include <vector>

#include "clean_meta.h"
#include "clean_text.h"
#include "lectern/dates.h"

namespace lectern {
namespace clean_internal {
namespace {

/// Where a source comes from; a lower rank wins. A page's own copyright names its publisher even
/// when it credits an agency; a wire feed's prefix names the agency that wrote the story; a
/// dateline's or credit's agency comes next; the file name is only a last hint.
enum SourceRank {
  kSourceCopyright,
  kSourceFeed,
  kSourceCredit,
  kSourceDateline,
  kSourceAttribution,
  kSourceTrailing,
  kSourceFileName,
};

/// Where a date comes from; a lower rank wins.
enum DateRank { kDateSeed, kDateCredit, kDateHeader, kDateDateline };

/// The best-ranked metadata found so far.
struct Hints {
  std::string source;
  int source_rank = INT_MAX;
  std::string date;
  int date_rank = INT_MAX;

  /// Keeps `name` when it ranks better than the source found so far.
  void AddSource(std::string name, int rank) {
    if (!name.empty() && rank < source_rank) {
      source = std::move(name);
      source_rank = rank;
    }
  }
  /// Keeps `iso` when it ranks better than the date found so far.
  void AddDate(std::string iso, int rank) {
    if (!iso.empty() && rank < date_rank) {
      date = std::move(iso);
      date_rank = rank;
    }
  }
};

/// What the line pass decided about one line.
enum class LineKind { kBlank, kText, kDropped };

// ---------------------------------------------------------------------------------------------
// Tables of boilerplate. All comparisons ignore ASCII case.

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

/// Marks that end a wire story, alone or after its last sentence.
constexpr std::string_view kEndMarkers[] = {
    "(end)", "(ends)", "[end]", "-end-", "/end/", "--end--",
};

/// Labels of editor and source lines: "(Web editor: Zhang Kaiwei)", "Source: Xinhua".
constexpr std::string_view kEditorLabels[] = {
    "web editor",   "chief editor", "executive editor", "responsible editor",
    "editor",       "editors",      "edited by",        "source",
    "sources",      "photo",        "photos",           "photographer",
    "graphics",     "translator",   "translated by",    "compiled by",
    "proofread by", "proofreader",  "producer",
};

/// Openings of attribution credits: "(With information from EFE)", "(Reporting by ...)".
constexpr std::string_view kCreditOpenings[] = {
    "with information from",
    "with information of",
    "with info from",
    "with inputs from",
    "with input from",
    "with agency inputs",
    "with files from",
    "with reporting by",
    "with reporting from",
    "additional reporting by",
    "additional reporting from",
    "reporting by",
    "writing by",
    "editing by",
    "compiled by",
    "written by",
};

/// Markers that open a wire feed's prefix: "(MENAFN- Kuwait News Agency (KUNA))".
constexpr std::string_view kFeedMarkers[] = {
    "MENAFN",       "PRNewswire",   "GLOBE NEWSWIRE", "BUSINESS WIRE", "ACCESSWIRE",
    "EINPresswire", "JCN Newswire", "ACN Newswire",   "Newsfile Corp",
};

/// Separators between a headline and the outlet a page title appends ("... - Reuters").
constexpr std::string_view kTitleOutletSeparators[] = {
    " - ",
    " | ",
    " \xE2\x80\x93 ",
    " \xE2\x80\x94 ",
};

template <std::size_t N>
bool InList(std::string_view s, const std::string_view (&list)[N]) {
  return std::any_of(std::begin(list), std::end(list),
                     [&](std::string_view item) { return EqualsIgnoreCase(s, item); });
}

/// True when `s` starts with `opening` (ignoring case) and the opening ends at a word boundary.
bool StartsWithWords(std::string_view s, std::string_view opening) {
  return StartsWithIgnoreCase(s, opening) &&
         (!IsAsciiAlnum(opening.back()) || IsWholeWordAt(s, 0, opening.size()));
}

template <std::size_t N>
bool StartsWithAny(std::string_view s, const std::string_view (&openings)[N]) {
  return std::any_of(std::begin(openings), std::end(openings),
                     [&](std::string_view o) { return StartsWithWords(s, o); });
}

// ---------------------------------------------------------------------------------------------
// Pass 1: lines.

/// Reads the seed header " date YYYY-MM-DD" and returns the text after it (the rest of the first
/// line is article text); returns `text` unchanged when there is no header.
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

/// The lines of `text`, each trimmed and with its whitespace runs collapsed.
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

/// Decides which lines are boilerplate by themselves, noting the metadata they give.
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

// ---------------------------------------------------------------------------------------------
// Pass 2: paragraphs.

/// Appends a line to a paragraph being unwrapped.
void AppendLine(std::string* paragraph, std::string_view line) {
  if (paragraph->empty()) {
    *paragraph = line;
    return;
  }
  // A word hyphenated across lines ("pro-" + "Russian") keeps its hyphen and loses the break.
  const std::size_t n = paragraph->size();
  if (n >= 2 && paragraph->back() == '-' && IsAsciiAlpha((*paragraph)[n - 2]) &&
      IsAsciiAlpha(line.front())) {
    *paragraph += line;
    return;
  }
  *paragraph += ' ';
  *paragraph += line;
}

/// Turns a run of consecutive kept lines into paragraphs.
void AppendRun(const std::vector<std::string_view>& run, bool title_given,
               std::vector<std::string>* paragraphs) {
  // Hard-wrapped text has lines 40-120 characters wide. Wider lines are paragraphs of their own
  // (one paragraph per line); a block of narrower lines is a list of labels or headings.
  constexpr std::size_t kMinWrapWidth = 40;
  constexpr std::size_t kMaxWrapWidth = 120;
  std::vector<std::size_t> widths(run.size());
  std::size_t width = 0;
  for (std::size_t k = 0; k < run.size(); ++k) {
    widths[k] = CodePoints(run[k]);
    width = std::max(width, widths[k]);
  }
  const bool wrapped = run.size() > 1 && width >= kMinWrapWidth && width <= kMaxWrapWidth;
  std::string paragraph;
  for (std::size_t k = 0; k < run.size(); ++k) {
    AppendLine(&paragraph, run[k]);
    // In wrapped text a line well short of the width ends its paragraph when it is the last line
    // of one (it ends a sentence) or a headline above the text. A short first line that does not
    // end a sentence is otherwise the rest of a line whose start was cut (a wire dateline).
    const bool short_line = widths[k] * 10 < width * 6;
    const bool heading = k == 0 && !title_given;
    const bool ends =
        k + 1 == run.size() || !wrapped ||
        (short_line && !StartsLowercase(run[k + 1]) && (EndsWithTerminal(run[k]) || heading));
    if (ends) {
      paragraphs->push_back(std::move(paragraph));
      paragraph.clear();
    }
  }
}

/// Joins the kept lines into paragraphs: blank and dropped lines separate them.
std::vector<std::string> JoinLines(const std::vector<std::string>& lines,
                                   const std::vector<LineKind>& kinds, bool title_given) {
  std::vector<std::string> paragraphs;
  std::vector<std::string_view> run;
  for (std::size_t i = 0; i <= lines.size(); ++i) {
    if (i < lines.size() && kinds[i] == LineKind::kText) {
      run.push_back(lines[i]);
    } else if (!run.empty()) {
      AppendRun(run, title_given, &paragraphs);
      run.clear();
    }
  }
  return paragraphs;
}

/// Removes a wire feed's prefix from the start of a paragraph ("(MENAFN- Kuwait News Agency
/// (KUNA)) BEIJING, ..."); the feed names the source.
void StripFeedPrefix(std::string* paragraph, Hints* hints) {
  constexpr std::size_t kMaxPrefix = 200;
  if (paragraph->empty() || paragraph->front() != '(') return;
  const std::size_t close = MatchingClose(*paragraph, 0, kMaxPrefix);
  if (close == std::string::npos) return;
  const std::string_view inner = std::string_view(*paragraph).substr(1, close - 1);
  for (std::string_view marker : kFeedMarkers) {
    if (!StartsWithWords(inner, marker)) continue;
    const std::string_view rest = TrimSpace(StripChars(inner.substr(marker.size()), " -:"));
    std::string source = FindOutlet(rest);
    if (source.empty()) source = std::string(rest.empty() ? marker : rest);
    hints->AddSource(std::move(source), kSourceFeed);
    *paragraph = std::string(TrimSpace(std::string_view(*paragraph).substr(close + 1)));
    return;
  }
}

/// True for the initials wire editors sign with after "(end)" ("ibm.as").
bool IsEditorTag(std::string_view token) {
  constexpr std::size_t kMaxTag = 12;
  return token.size() <= kMaxTag && std::any_of(token.begin(), token.end(), IsAsciiLower) &&
         std::all_of(token.begin(), token.end(),
                     [](char c) { return IsAsciiLower(c) || c == '.'; });
}

/// Removes a final end marker ("... he noted. (end)", "... (end) ibm.as").
void StripEndMarker(std::string* paragraph) {
  constexpr std::size_t kTail = 64;  // the marker and its tags are near the end
  constexpr std::size_t kMaxTags = 2;
  const std::size_t offset = paragraph->size() > kTail ? paragraph->size() - kTail : 0;
  const std::vector<Token> tokens = Tokenize(std::string_view(*paragraph).substr(offset));
  for (std::size_t back = 0; back <= kMaxTags && back < tokens.size(); ++back) {
    const Token& token = tokens[tokens.size() - 1 - back];
    const std::size_t pos = offset + token.pos;
    if (InList(token.text, kEndMarkers)) {
      if (pos > 0 && (*paragraph)[pos - 1] != ' ') return;  // part of a longer token
      *paragraph = std::string(TrimSpace(std::string_view(*paragraph).substr(0, pos)));
      return;
    }
    if (!IsEditorTag(token.text)) return;
  }
}

/// True when `text` opens an attribution credit ("With information from EFE", "With AFP inputs").
bool IsCreditOpening(std::string_view text) {
  constexpr std::size_t kMaxInputsWords = 6;
  if (StartsWithAny(text, kCreditOpenings)) return true;
  return StartsWithWords(text, "with") && WordCount(text) <= kMaxInputsWords &&
         (EndsWithIgnoreCase(text, " inputs") || EndsWithIgnoreCase(text, " input"));
}

/// Removes a parenthesized credit after a paragraph's last sentence ("... he said. (With
/// information from EFE)"); the credit may name the source.
void StripTrailingCredit(std::string* paragraph, Hints* hints) {
  constexpr std::size_t kMaxCredit = 300;
  if (paragraph->empty() || paragraph->back() != ')') return;
  std::size_t open = std::string::npos;
  int depth = 0;
  for (std::size_t i = paragraph->size(); i-- > 0 && paragraph->size() - i <= kMaxCredit;) {
    const char c = (*paragraph)[i];
    if (c == ')') ++depth;
    if (c == '(' && --depth == 0) {
      open = i;
      break;
    }
  }
  if (open == std::string::npos || open == 0) return;
  const std::string_view text(*paragraph);
  const std::string_view inner = TrimSpace(text.substr(open + 1, text.size() - open - 2));
  const std::string_view before = TrimSpace(text.substr(0, open));
  if (!IsCreditOpening(inner) || !EndsWithTerminal(before)) return;
  hints->AddSource(FindOutlet(inner), kSourceAttribution);
  *paragraph = std::string(before);
}

/// True for a paragraph that is only an attribution credit: "(With information from EFE)",
/// "(Reporting by A; Editing by B)", "(Agencies)".
bool IsCreditParagraph(std::string_view paragraph, Hints* hints) {
  constexpr std::size_t kMaxBareWords = 12;
  std::string_view inner;
  bool credit = false;
  if (Unwrap(paragraph, &inner)) {
    credit = IsCreditOpening(inner) || EqualsIgnoreCase(inner, "agencies");
  } else {
    inner = paragraph;
    credit = IsCreditOpening(paragraph) && WordCount(paragraph) <= kMaxBareWords;
  }
  if (credit) hints->AddSource(FindOutlet(inner), kSourceAttribution);
  return credit;
}

/// True for an editor or source line: "(Web editor: Zhang Kaiwei, Zhong Wenxing)", "Source:
/// Xinhua", "Edited by Li Yan". "Source: a senior official said ..." is a sentence and stays.
bool IsEditorLine(std::string_view paragraph, Hints* hints) {
  constexpr std::size_t kMaxWords = 16;
  constexpr std::size_t kMaxValueWords = 8;
  if (WordCount(paragraph) > kMaxWords) return false;
  std::string_view line = paragraph;
  const bool wrapped = Unwrap(paragraph, &line);
  if (line.empty() || line.back() == '?') return false;
  for (std::string_view label : kEditorLabels) {
    if (!StartsWithWords(line, label)) continue;
    std::string_view value = TrimSpace(line.substr(label.size()));
    if (EndsWithIgnoreCase(label, " by")) {
      if (value.empty()) continue;
    } else if (StartsWithIgnoreCase(value, ":")) {
      value = TrimSpace(value.substr(1));
    } else if (StartsWithIgnoreCase(value, "\xEF\xBC\x9A")) {  // fullwidth colon
      value = TrimSpace(value.substr(3));
    } else {
      continue;
    }
    if (WordCount(value) > kMaxValueWords || (!wrapped && EndsWithTerminal(value))) return false;
    if (StartsWithWords(label, "source")) hints->AddSource(FindOutlet(value), kSourceCredit);
    return true;
  }
  return false;
}

/// True for a token that may be part of a photo credit: capitalized, a connector, or punctuation.
bool IsCreditToken(std::string_view token, bool last) {
  std::string_view core = StripChars(token, "([{\"')]},;:");
  if (last) core = StripChars(core, ".");
  return core.empty() || IsCreditConnector(core) || IsAsciiUpper(core.front()) ||
         IsNonAscii(core.front());
}

/// True for an initial ("J.", "Photo/J.") that does not end a sentence.
bool IsInitialToken(std::string_view token) {
  const std::size_t slash = token.rfind('/');
  const std::string_view last = slash == std::string_view::npos ? token : token.substr(slash + 1);
  return last.size() == 2 && IsAsciiUpper(last[0]) && last[1] == '.';
}

/// True for a photo caption: a short paragraph whose last "sentence" is a photo credit
/// ("... September 16, 2022. Sputnik/Sergey Bobylev/Pool via REUTERS/File"), or a bare credit.
bool IsCaption(std::string_view paragraph) {
  constexpr std::size_t kMaxCaptionWords = 80;
  constexpr std::size_t kMaxCreditTokens = 20;
  constexpr std::size_t kMaxBareCreditWords = 6;
  if (WordCount(paragraph) > kMaxCaptionWords) return false;
  const std::vector<Token> tokens = Tokenize(paragraph);
  // Walk back over the capitalized tail to where the last real sentence ends.
  std::size_t k = tokens.size();
  while (k > 0 && tokens.size() - k < kMaxCreditTokens) {
    const std::string_view t = tokens[k - 1].text;
    const bool last = k == tokens.size();
    if (!last && EndsWithTerminal(t) && !IsInitialToken(t)) break;
    if (!IsCreditToken(t, last)) break;
    --k;
  }
  if (k == tokens.size()) return false;
  if (k > 0 ? !EndsWithTerminal(tokens[k - 1].text) : tokens.size() > kMaxBareCreditWords) {
    return false;
  }
  return IsPhotoCredit(paragraph.substr(tokens[k].pos));
}

/// Removes feed prefixes, end markers, credits, editor lines and captions.
void CleanParagraphs(std::vector<std::string>* paragraphs, Hints* hints) {
  // A feed prefix opens the story, which may come after a headline and a credit line.
  constexpr std::size_t kFeedPrefixParagraphs = 3;
  for (std::size_t i = 0; i < paragraphs->size() && i < kFeedPrefixParagraphs; ++i) {
    StripFeedPrefix(&(*paragraphs)[i], hints);
  }
  std::vector<std::string> kept;
  for (std::string& paragraph : *paragraphs) {
    StripEndMarker(&paragraph);
    StripTrailingCredit(&paragraph, hints);
    if (paragraph.empty() || IsEditorLine(paragraph, hints) ||
        IsCreditParagraph(paragraph, hints) || IsCaption(paragraph)) {
      continue;
    }
    kept.push_back(std::move(paragraph));
  }
  *paragraphs = std::move(kept);
}

// ---------------------------------------------------------------------------------------------
// Pass 3: metadata.

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

/// Takes the headline out of the header (the paragraphs before the first one of running text),
/// with the crumbs above it and any date lines. Nothing is taken when no running text follows: a
/// lone short line is the body, not a headline.
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

/// The dateline opening the first body paragraph, noting its agency and (when the year is known)
/// its date.
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

/// Notes an agency credited at the very end of the article ("... developing countries. (AFP)").
void NoteTrailingAgency(const std::vector<std::string>& paragraphs, Hints* hints) {
  if (paragraphs.empty() || paragraphs.back().empty() || paragraphs.back().back() != ')') return;
  const std::string& last = paragraphs.back();
  const std::size_t open = last.rfind('(');
  if (open == std::string::npos) return;
  hints->AddSource(OutletNamed(std::string_view(last).substr(open + 1, last.size() - open - 2)),
                   kSourceTrailing);
}

/// Joins paragraphs with blank lines.
std::string JoinParagraphs(const std::vector<std::string>& paragraphs) {
  std::string body;
  for (const std::string& paragraph : paragraphs) {
    if (!body.empty()) body += "\n\n";
    body += paragraph;
  }
  return body;
}

}  // namespace
}  // namespace clean_internal

CleanedArticle CleanArticle(std::string_view text, std::string_view file_name, bool title_given) {
  namespace ci = clean_internal;
  constexpr std::string_view kBom = "\xEF\xBB\xBF";
  if (text.substr(0, kBom.size()) == kBom) text.remove_prefix(kBom.size());
  ci::Hints hints;
  text = ci::TakeSeedHeader(text, &hints);
  const std::vector<std::string> lines = ci::SplitLines(text);
  std::vector<std::string> paragraphs =
      ci::JoinLines(lines, ci::ClassifyLines(lines, &hints), title_given);
  ci::CleanParagraphs(&paragraphs, &hints);
  CleanedArticle article;
  if (!title_given) article.title = ci::TakeTitle(&paragraphs, &hints);
  article.dateline = ci::FindDateline(paragraphs, file_name, &hints);
  ci::NoteTrailingAgency(paragraphs, &hints);
  hints.AddSource(ci::OutletFromFileName(file_name), ci::kSourceFileName);
  article.body = ci::JoinParagraphs(paragraphs);
  article.date = std::move(hints.date);
  article.source = std::move(hints.source);
  return article;
}

}  // namespace lectern
