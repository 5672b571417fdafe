// The passes of CleanArticle (clean.cpp) and what they share: the metadata found so far, what
// became of each line, and the recognizers more than one pass uses. Internal to lectern_reading.
#ifndef LECTERN_READING_CLEAN_PASSES_H_
#define LECTERN_READING_CLEAN_PASSES_H_

#include <algorithm>
#include <climits>
#include <iterator>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "clean_text.h"

namespace lectern::clean_internal {

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

// --- Shared recognizers (all comparisons ignore ASCII case)
// ---------------------------------------

/// Marks that end a wire story, alone or after its last sentence.
inline constexpr std::string_view kEndMarkers[] = {
    "(end)", "(ends)", "[end]", "-end-", "/end/", "--end--",
};

template <std::size_t N>
bool InList(std::string_view s, const std::string_view (&list)[N]) {
  return std::any_of(std::begin(list), std::end(list),
                     [&](std::string_view item) { return EqualsIgnoreCase(s, item); });
}

/// True when `s` starts with `opening` (ignoring case) and the opening ends at a word boundary.
inline bool StartsWithWords(std::string_view s, std::string_view opening) {
  return StartsWithIgnoreCase(s, opening) &&
         (!IsAsciiAlnum(opening.back()) || IsWholeWordAt(s, 0, opening.size()));
}

template <std::size_t N>
bool StartsWithAny(std::string_view s, const std::string_view (&openings)[N]) {
  return std::any_of(std::begin(openings), std::end(openings),
                     [&](std::string_view o) { return StartsWithWords(s, o); });
}

// --- Pass 1: lines (clean_lines.cpp)
// --------------------------------------------------------------

/// Reads the seed header " date YYYY-MM-DD" and returns the text after it (the rest of the first
/// line is article text); returns `text` unchanged when there is no header.
std::string_view TakeSeedHeader(std::string_view text, Hints* hints);

/// The lines of `text`, each trimmed and with its whitespace runs collapsed.
std::vector<std::string> SplitLines(std::string_view text);

/// Decides which lines are boilerplate by themselves, noting the metadata they give.
std::vector<LineKind> ClassifyLines(const std::vector<std::string>& lines, Hints* hints);

// --- Pass 2: paragraphs (clean_paragraphs.cpp)
// ----------------------------------------------------

/// Joins the kept lines into paragraphs: blank and dropped lines separate them.
std::vector<std::string> JoinLines(const std::vector<std::string>& lines,
                                   const std::vector<LineKind>& kinds, bool title_given);

/// Removes feed prefixes, end markers, credits, editor lines and captions.
void CleanParagraphs(std::vector<std::string>* paragraphs, Hints* hints);

// --- Pass 3: metadata (clean_title.cpp)
// -----------------------------------------------------------

/// Takes the headline out of the header (the paragraphs before the first one of running text),
/// with the crumbs above it and any date lines. Nothing is taken when no running text follows: a
/// lone short line is the body, not a headline.
std::string TakeTitle(std::vector<std::string>* paragraphs, Hints* hints);

/// The dateline opening the first body paragraph, noting its agency and (when the year is known)
/// its date.
std::string FindDateline(const std::vector<std::string>& paragraphs, std::string_view file_name,
                         Hints* hints);

/// Notes an agency credited at the very end of the article ("... developing countries. (AFP)").
void NoteTrailingAgency(const std::vector<std::string>& paragraphs, Hints* hints);

/// Joins paragraphs with blank lines.
std::string JoinParagraphs(const std::vector<std::string>& paragraphs);

}  // namespace lectern::clean_internal

#endif  // LECTERN_READING_CLEAN_PASSES_H_
