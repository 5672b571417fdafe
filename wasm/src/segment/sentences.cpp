// Sentence and paragraph segmentation (see lectern.h: SplitSentences, SplitParagraphs).
//
// Sentences come from ICU's sentence BreakIterator, wrapped by FilteredBreakIteratorBuilder with
// ICU's English abbreviation list, run over the UTF-8 text itself (utext_openUTF8), so every
// position is a byte offset. ICU follows UAX #29, which knows every script's sentence terminators
// but not English news: it breaks after "Gen." and "p.m.", keeps "U.S. How" together, splits
// numbered lists wrongly and ends a sentence at `"Stop!" he said`. The rules below review every
// boundary ICU proposes, and every period followed by a capital that ICU passed over, with small
// tables of abbreviations; they only look a few bytes around each boundary, so the whole pass stays
// linear and allocation-free per sentence.
//
// Terms used below: a boundary is described by `end`, where the sentence before it ends (trailing
// whitespace excluded), and `next`, where the next one starts; `s` is where the current sentence
// began.
#include <unicode/brkiter.h>
#include <unicode/filteredbrk.h>
#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <climits>
#include <cstdint>
#include <cstring>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "lectern/segment.h"

namespace lectern {
namespace {

constexpr std::size_t kNone = static_cast<std::size_t>(-1);

// ---------------------------------------------------------------------------------------------
// Tables. Each is sorted (checked at compile time) and searched with std::binary_search. Entries
// keep their final period, as they are written in text.

// Titles and other words that stand before a name: never the end of a sentence ("Gen. Smith",
// "Mt. Fuji", "Roe v. Wade"). ICU's list lacks most of the ones news uses ("Gen.", "Sen.", "Gov.").
constexpr std::array<std::string_view, 41> kTitles = {
    "Adm.", "Amb.",  "Atty.",   "Brig.", "Capt.", "Cmdr.", "Col.",  "Cpl.", "Det.",
    "Dr.",  "Drs.",  "Fr.",     "Ft.",   "Gen.",  "Gov.",  "Govs.", "Hon.", "Insp.",
    "Lt.",  "Maj.",  "Messrs.", "Mme.",  "Mmes.", "Mr.",   "Mrs.",  "Ms.",  "Msgr.",
    "Mt.",  "Pres.", "Prof.",   "Pvt.",  "Rep.",  "Reps.", "Rev.",  "Sen.", "Sens.",
    "Sgt.", "Supt.", "Vs.",     "v.",    "vs.",
};

// Abbreviations that stand before a number: "Sept. 10", "No. 5", "p. 55", "N°. 1026". Followed by
// a digit they never end a sentence; ICU would break there, since a digit is not lower case.
constexpr std::array<std::string_view, 46> kNumberPrefixes = {
    "Apr.",       "Apt.", "Art.",  "Aug.", "Ch.", "Dec.", "Ext.", "Feb.",  "Fig.",
    "Jan.",       "Jul.", "Jun.",  "Mar.", "No.", "Nos.", "Nov.", "Nr.",
    "N\xC2\xB0.",  // N°.
    "N\xC2\xBA.",  // Nº.
    "Oct.",       "Op.",  "Para.", "Pt.",  "Rm.", "Sec.", "Sep.", "Sept.", "Tel.",
    "Vol.",       "art.", "c.",    "ca.",  "ch.", "ext.", "fig.", "no.",   "nos.",
    "n\xC2\xB0.",  // n°.
    "op.",        "p.",   "para.", "pp.",  "pt.", "sec.", "tel.", "vol.",
};

// Abbreviations that usually continue a sentence but may end one ("Pitt, Briggs & Co. It closed",
// "in Springfield, Ill. The governor"): the sentence ends only when a sentence starter follows.
constexpr std::array<std::string_view, 92> kAbbreviations = {
    "Ala.",  "Apr.",   "Apt.", "Ariz.", "Ark.",  "Assn.", "Assoc.", "Aug.", "Ave.",    "Blvd.",
    "Bros.", "Calif.", "Co.",  "Colo.", "Conn.", "Corp.", "Cos.",   "Ct.",  "Dec.",    "Del.",
    "Dept.", "Div.",   "Esq.", "Est.",  "Feb.",  "Fla.",  "Fri.",   "Ga.",  "Govt.",   "Hwy.",
    "Ill.",  "Inc.",   "Ind.", "Inst.", "Intl.", "Jan.",  "Jr.",    "Jul.", "Jun.",    "Kan.",
    "Ky.",   "La.",    "Ln.",  "Ltd.",  "Mar.",  "Mass.", "Md.",    "Mfg.", "Mich.",   "Minn.",
    "Miss.", "Mo.",    "Mon.", "Mont.", "Natl.", "Neb.",  "Nev.",   "No.",  "Nov.",    "Oct.",
    "Okla.", "Ore.",   "Pa.",  "Pkwy.", "Plc.",  "Rd.",   "Rte.",   "Sat.", "Sep.",    "Sept.",
    "Sq.",   "Sr.",    "St.",  "Ste.",  "Sun.",  "Tenn.", "Tex.",   "Thu.", "Thurs.",  "Tue.",
    "Tues.", "Univ.",  "Va.",  "Vt.",   "Wash.", "Wed.",  "Wis.",   "Wyo.", "approx.", "cf.",
    "etc.",  "viz.",
};

// Times of day. After them a sentence ends only before a sentence starter or a title, and not
// when the "sentence" so far is just an opening phrase such as "At 5 a.m." (see DecideTime).
constexpr std::array<std::string_view, 4> kTimes = {"A.M.", "P.M.", "a.m.", "p.m."};

// Words that open a sentence far more often than they continue a name. After an abbreviation
// they decide that the sentence has ended ("I live in the U.S. How about you?"); this is
// pragmatic_segmenter's list, extended with news' most frequent sentence openers. "Of", "Under",
// "And" are left out: they are capitalised inside names ("Dept. Of Labor", "U.S. Under Secretary").
constexpr std::array<std::string_view, 94> kSentenceStarters = {
    "A",       "About",   "After",        "Also",     "Although", "An",
    "Another", "Any",     "Are",          "As",       "At",       "Because",
    "Before",  "Being",   "Both",         "But",      "By",       "Can",
    "Could",   "Despite", "Did",          "Do",       "Does",     "During",
    "Each",    "Earlier", "Even",         "Every",    "Few",      "For",
    "From",    "Had",     "Has",          "Have",     "He",       "Her",
    "Here",    "His",     "How",          "However",  "I",        "If",
    "In",      "Instead", "Is",           "It",       "Its",      "Last",
    "Later",   "Many",    "Meanwhile",    "Millions", "More",     "Most",
    "Much",    "My",      "Nevertheless", "No",       "Not",      "Now",
    "On",      "Only",    "Other",        "Our",      "Several",  "She",
    "Since",   "So",      "Some",         "Such",     "That",     "The",
    "Their",   "Then",    "There",        "These",    "They",     "This",
    "Those",   "Though",  "Thus",         "To",       "Was",      "We",
    "Were",    "What",    "When",         "Where",    "Whether",  "Which",
    "While",   "Who",     "Why",          "Will",
};

// Prepositions that open a time phrase: "At 5 a.m. Mr. Smith went" is one sentence, since "At 5
// a.m." alone is not one.
constexpr std::array<std::string_view, 14> kTimePrepositions = {
    "About", "After", "Around",  "At",    "Before",   "Beginning", "By",
    "Early", "From",  "Shortly", "Since", "Starting", "Till",      "Until",
};

// Entries of ICU's English list that do more harm than good in news. ICU matches them backwards
// from the period with no word boundary, so "A." also matches "NASA." and "pp." matches "app.";
// and some are plain words or names that end sentences ("Joe.", "In.", "Is."). Standalone
// initials, "pp. 5" and "vs." are handled by the rules here instead.
constexpr std::array<std::string_view, 51> kIcuSuppressionsToDrop = {
    "A.",   "AA.",   "AB.",   "AD.", "Abs.",  "Act.", "All.", "As.",  "B.",  "By.", "Cap.",
    "D.",   "Def.",  "Diff.", "Do.", "E.",    "Ed.",  "Ex.",  "F.",   "Fn.", "G.",  "Go.",
    "Hat.", "I.",    "Id.",   "In.", "Is.",   "Jam.", "Job.", "Joe.", "K.",  "L.",  "Lev.",
    "Lib.", "Link.", "Long.", "M.",  "Mart.", "Min.", "O.",   "OK.",  "Ok.", "On.", "Or.",
    "PP.",  "Q.",    "S.",    "T.",  "U.",    "VS.",  "pp.",
};

// True when `table` is sorted, so that binary search works (checked at compile time).
template <std::size_t N>
constexpr bool IsSorted(const std::array<std::string_view, N>& table) {
  for (std::size_t i = 1; i < N; ++i) {
    if (!(table[i - 1] < table[i])) return false;
  }
  return true;
}

static_assert(IsSorted(kTitles), "kTitles must be sorted");
static_assert(IsSorted(kNumberPrefixes), "kNumberPrefixes must be sorted");
static_assert(IsSorted(kAbbreviations), "kAbbreviations must be sorted");
static_assert(IsSorted(kTimes), "kTimes must be sorted");
static_assert(IsSorted(kSentenceStarters), "kSentenceStarters must be sorted");
static_assert(IsSorted(kTimePrepositions), "kTimePrepositions must be sorted");
static_assert(IsSorted(kIcuSuppressionsToDrop), "kIcuSuppressionsToDrop must be sorted");

// ---------------------------------------------------------------------------------------------
// Byte-level helpers (UTF-8).

// The byte at `i` as an unsigned value.
inline unsigned char At(std::string_view t, std::size_t i) {
  return static_cast<unsigned char>(t[i]);
}

inline bool IsAsciiSpace(unsigned char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }
inline bool IsAsciiUpper(unsigned char c) { return c >= 'A' && c <= 'Z'; }
inline bool IsAsciiLower(unsigned char c) { return c >= 'a' && c <= 'z'; }
inline bool IsAsciiLetter(unsigned char c) { return IsAsciiUpper(c) || IsAsciiLower(c); }
inline bool IsAsciiDigit(unsigned char c) { return c >= '0' && c <= '9'; }

// Whether the 3-byte sequence b0 b1 b2 encodes a White_Space character (U+1680, U+2000..U+200A,
// U+2028, U+2029, U+202F, U+205F, U+3000).
inline bool IsWide3Space(unsigned char b0, unsigned char b1, unsigned char b2) {
  if (b0 == 0xE2 && b1 == 0x80) {
    return (b2 >= 0x80 && b2 <= 0x8A) || b2 == 0xA8 || b2 == 0xA9 || b2 == 0xAF;
  }
  if (b0 == 0xE2) return b1 == 0x81 && b2 == 0x9F;
  if (b0 == 0xE1) return b1 == 0x9A && b2 == 0x80;
  return b0 == 0xE3 && b1 == 0x80 && b2 == 0x80;
}

// Length in bytes of the White_Space character starting at `i`, or 0 if there is none.
std::size_t SpaceAt(std::string_view t, std::size_t i) {
  const unsigned char c = At(t, i);
  if (c < 0x80) return IsAsciiSpace(c) ? 1 : 0;
  if (c == 0xC2 && i + 1 < t.size()) return (At(t, i + 1) == 0x85 || At(t, i + 1) == 0xA0) ? 2 : 0;
  if (c >= 0xE1 && c <= 0xE3 && i + 2 < t.size()) {
    return IsWide3Space(c, At(t, i + 1), At(t, i + 2)) ? 3 : 0;
  }
  return 0;
}

// Length in bytes of the White_Space character ending just before `i`, or 0 if there is none.
std::size_t SpaceBefore(std::string_view t, std::size_t i) {
  if (i == 0) return 0;
  const unsigned char c = At(t, i - 1);
  if (c < 0x80) return IsAsciiSpace(c) ? 1 : 0;
  if (i >= 2 && At(t, i - 2) == 0xC2 && (c == 0x85 || c == 0xA0)) return 2;
  if (i >= 3 && IsWide3Space(At(t, i - 3), At(t, i - 2), c)) return 3;
  return 0;
}

// First position in [i, limit) that is not whitespace (limit when there is none).
std::size_t SkipSpace(std::string_view t, std::size_t i, std::size_t limit) {
  while (i < limit) {
    const std::size_t n = SpaceAt(t, i);
    if (n == 0) break;
    i += n;
  }
  return std::min(i, limit);
}

// Position after the last non-whitespace character in [floor, i) (floor when there is none).
std::size_t SkipSpaceBack(std::string_view t, std::size_t i, std::size_t floor) {
  while (i > floor) {
    const std::size_t n = SpaceBefore(t, i);
    if (n == 0 || i - n < floor) break;
    i -= n;
  }
  return i;
}

// Length of the closing quote or bracket ending just before `i` (0 if none). These may follow a
// sentence's terminator: `"Stop."`, `(He left.)`, `“Yes!”`, `«Да.»`.
std::size_t CloserBefore(std::string_view t, std::size_t i) {
  if (i == 0) return 0;
  const unsigned char c = At(t, i - 1);
  if (c == '"' || c == '\'' || c == ')' || c == ']' || c == '}') return 1;
  if (i >= 2 && At(t, i - 2) == 0xC2 && c == 0xBB) return 2;  // »
  if (i < 3) return 0;
  const unsigned char b0 = At(t, i - 3), b1 = At(t, i - 2);
  if (b0 == 0xE2 && b1 == 0x80) return (c == 0x99 || c == 0x9D || c == 0x9C || c == 0xBA) ? 3 : 0;
  if (b0 == 0xE3 && b1 == 0x80) return (c == 0x8D || c == 0x8F || c == 0x91) ? 3 : 0;  // 」』】
  if (b0 == 0xEF && b1 == 0xBC) return c == 0x89 ? 3 : 0;                              // ）
  return 0;
}

// Length of the opening quote or bracket starting at `i` (0 if none): what may precede the first
// word of a sentence.
std::size_t OpenerAt(std::string_view t, std::size_t i) {
  const unsigned char c = At(t, i);
  if (c == '"' || c == '\'' || c == '(' || c == '[' || c == '{') return 1;
  if (c == 0xC2 && i + 1 < t.size()) {
    const unsigned char d = At(t, i + 1);
    return (d == 0xAB || d == 0xBF || d == 0xA1) ? 2 : 0;  // « ¿ ¡
  }
  if (c == 0xE2 && i + 2 < t.size() && At(t, i + 1) == 0x80) {
    const unsigned char d = At(t, i + 2);
    return (d == 0x98 || d == 0x9C || d == 0x9E || d == 0xB9) ? 3 : 0;  // ‘ “ „ ‹
  }
  return 0;
}

// Length of the list bullet starting at `i` (0 if none): • ‣ ⁃ ◦ ▪ ● ■.
std::size_t BulletAt(std::string_view t, std::size_t i) {
  if (At(t, i) != 0xE2 || i + 2 >= t.size()) return 0;
  const unsigned char b1 = At(t, i + 1), b2 = At(t, i + 2);
  const bool bullet = (b1 == 0x80 && (b2 == 0xA2 || b2 == 0xA3)) || (b1 == 0x81 && b2 == 0x83) ||
                      (b1 == 0x96 && (b2 == 0xAA || b2 == 0xA0)) ||
                      (b1 == 0x97 && (b2 == 0xA6 || b2 == 0x8F));
  return bullet ? 3 : 0;
}

// Whether `word` (letters, possibly with periods) is written in capitals only: "ST.", "CORP.".
bool IsAllCaps(std::string_view word) {
  bool any = false;
  for (char ch : word) {
    const unsigned char c = static_cast<unsigned char>(ch);
    if (IsAsciiLower(c) || c >= 0x80) return false;
    any = any || IsAsciiUpper(c);
  }
  return any;
}

// Whether `word` is in the sorted `table`, as written or, when written in capitals ("ST.",
// "SEPT.", datelines and headlines), capitalised ("St.", "Sept.").
template <std::size_t N>
bool InTable(const std::array<std::string_view, N>& table, std::string_view word) {
  if (word.empty()) return false;
  if (std::binary_search(table.begin(), table.end(), word)) return true;
  if (word.size() < 2 || word.size() > 16 || !IsAllCaps(word)) return false;
  char buf[16];
  buf[0] = word[0];
  for (std::size_t i = 1; i < word.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(word[i]);
    buf[i] = static_cast<char>(IsAsciiUpper(c) ? c - 'A' + 'a' : c);
  }
  return std::binary_search(table.begin(), table.end(), std::string_view(buf, word.size()));
}

// ---------------------------------------------------------------------------------------------
// What surrounds a boundary.

// The first word after a boundary, past opening quotes and brackets.
struct NextWord {
  bool lower = false;         // starts with a lower-case letter (any script)
  bool digit = false;         // starts with a digit
  bool starter = false;       // a word of kSentenceStarters ("The", "It's" -> "It")
  bool title = false;         // a title with its period ("Mr.")
  bool then_capital = false;  // the word after it starts with a capital ("To Impose")
};

// Describes the word that starts at `next` (up to `limit`).
NextWord ReadNextWord(std::string_view t, std::size_t next, std::size_t limit) {
  NextWord w;
  std::size_t i = next;
  for (int k = 0; k < 4 && i < limit; ++k) {
    const std::size_t n = OpenerAt(t, i);
    if (n == 0) break;
    i += n;
  }
  if (i >= limit) return w;
  const unsigned char c = At(t, i);
  if (c >= 0x80) {
    UChar32 cp;
    int32_t j = 0;
    const int32_t len = static_cast<int32_t>(std::min<std::size_t>(limit - i, 4));
    U8_NEXT(t.data() + i, j, len, cp);
    w.lower = cp >= 0 && u_islower(cp);
    w.digit = cp >= 0 && u_isdigit(cp);
    return w;
  }
  w.lower = IsAsciiLower(c);
  w.digit = IsAsciiDigit(c);
  std::size_t e = i;
  while (e < limit && e - i < 16 && IsAsciiLetter(At(t, e))) ++e;
  if (e == i || !IsAsciiUpper(c)) return w;
  w.starter = InTable(kSentenceStarters, t.substr(i, e - i));
  w.title = e < limit && t[e] == '.' && InTable(kTitles, t.substr(i, e - i + 1));
  while (e < limit && e - i < 32 && SpaceAt(t, e) == 0) ++e;
  e = SkipSpace(t, e, std::min(limit, e + 8));
  w.then_capital = e < limit && IsAsciiUpper(At(t, e));
  return w;
}

// Whether the (up to) two words before `token` in the sentence starting at `s` start with
// capitals, or there are none: with `then_capital`, a sign of a headline in title case.
bool PreviousWordsCapitalised(std::string_view t, std::size_t s, std::size_t token) {
  std::size_t i = token;
  for (int k = 0; k < 2; ++k) {
    const std::size_t end = SkipSpaceBack(t, i, s);
    if (end == i && i != token) return true;  // not reached: the token starts the sentence
    if (end <= s) return true;
    std::size_t start = end;
    while (start > s && end - start < 40 && SpaceBefore(t, start) == 0) --start;
    if (!IsAsciiUpper(At(t, start))) return false;
    i = start;
  }
  return true;
}

// Whether a sentence starter after the abbreviation at `token` ends the sentence: always, except
// in a headline in title case, where "Bush Says U.S. Will Act" capitalises every word.
bool StarterEnds(std::string_view t, std::size_t s, std::size_t token, const NextWord& w) {
  return w.starter && !(w.then_capital && PreviousWordsCapitalised(t, s, token));
}

// Start of the whitespace-delimited token that ends at `t_end`, past opening quotes/brackets
// ("(Mr." -> "Mr."); kNone when the token is longer than any abbreviation.
std::size_t TokenStart(std::string_view t, std::size_t s, std::size_t t_end) {
  std::size_t i = t_end;
  while (i > s && SpaceBefore(t, i) == 0) {
    --i;
    if (t_end - i > 40) return kNone;
  }
  for (int k = 0; k < 4 && i < t_end; ++k) {
    const std::size_t n = OpenerAt(t, i);
    if (n == 0) break;
    i += n;
  }
  return i;
}

// The part of `token` after its last hyphen: "R-Ariz." -> "Ariz.".
std::string_view AfterHyphen(std::string_view token) {
  const std::size_t h = token.rfind('-');
  return h == std::string_view::npos ? token : token.substr(h + 1);
}

// Whether `token` (with its period) is one capital letter and a period: an initial ("George W.
// Bush"), in any script ("А. Пушкин"). Lower-case letters are left to ICU: Russian "г." (year)
// often ends a sentence.
bool IsInitial(std::string_view token) {
  if (token.size() == 2) return IsAsciiUpper(static_cast<unsigned char>(token[0]));
  if (token.size() < 3 || token.size() > 5) return false;
  UChar32 cp;
  int32_t i = 0;
  U8_NEXT(token.data(), i, static_cast<int32_t>(token.size()), cp);
  return cp >= 0 && static_cast<std::size_t>(i) + 1 == token.size() && u_isupper(cp);
}

// Whether `token` is letters joined by periods, each run 1-3 letters: "U.S.", "U.S.A.", "Ph.D.",
// "e.g.". Such abbreviations are not in any table: there are too many of them.
bool IsDottedAbbreviation(std::string_view token) {
  int periods = 0, run = 0;
  for (char ch : token) {
    const unsigned char c = static_cast<unsigned char>(ch);
    if (c == '.') {
      if (run == 0 || run > 3) return false;
      ++periods;
      run = 0;
    } else if (IsAsciiLetter(c)) {
      ++run;
    } else {
      return false;
    }
  }
  return periods >= 2 && run == 0;
}

// A list item's marker: "1.", "2.)", "3)", "a.", optionally after a bullet ("• 9.", "⁃10.").
struct ListMarker {
  bool found = false;
  std::size_t end = 0;  // after the marker
  int value = 0;        // 1 for "1." and for "a."
  bool letter = false;  // lettered: "a.", "b."
  bool lower = false;   // a lower-case letter (only these lists are followed: "B." is an initial)
  std::string_view style;  // ".", ")" or ".)"
};

// Parses the list marker at `i` (a bullet, a number or letter marker, or both), which must be
// followed by whitespace.
ListMarker ParseListMarker(std::string_view t, std::size_t i, std::size_t limit) {
  ListMarker m;
  std::size_t j = i;
  const std::size_t bullet = j < limit ? BulletAt(t, j) : 0;
  if (bullet > 0) {
    j = SkipSpace(t, j + bullet, limit);
    m.found = true;
    m.end = i + bullet;
  }
  std::size_t k = j;
  while (k < limit && k - j < 3 && IsAsciiDigit(At(t, k))) ++k;
  if (k == j && k < limit && IsAsciiLetter(At(t, k))) {
    m.letter = true;
    m.lower = IsAsciiLower(At(t, k));
    ++k;
  }
  if (k == j || k >= limit || (k < limit && IsAsciiDigit(At(t, k)))) return m;
  std::size_t style_len = 0;
  if (t.compare(k, 2, ".)") == 0) {
    style_len = 2;
  } else if (t[k] == '.' || t[k] == ')') {
    style_len = 1;
  }
  const std::size_t e = k + style_len;
  if (style_len == 0 || (e < limit && SpaceAt(t, e) == 0)) return m;
  m.found = true;
  m.end = e;
  m.style = t.substr(k, style_len);
  if (m.letter) {
    m.value = (m.lower ? At(t, j) - 'a' : At(t, j) - 'A') + 1;
  } else {
    for (std::size_t d = j; d < k; ++d) m.value = m.value * 10 + (At(t, d) - '0');
  }
  return m;
}

// Whether [s, end) holds nothing but a list marker ("1.)", "a.", "• 9."): a list item's marker is
// not a sentence of its own, though ICU ends one at "1." before a capital.
bool IsOnlyListMarker(std::string_view t, std::size_t s, std::size_t end) {
  const ListMarker m = ParseListMarker(t, s, end);
  return m.found && m.end >= end;
}

// Finds where the list item after `m` starts: the same marker style with the next number or letter,
// after whitespace and before whitespace ("1) The first item 2) The second item"). Looks at most
// kListWindow bytes ahead so that text full of stray markers stays linear. Returns kNone if absent.
std::size_t FindNextListItem(std::string_view t, const ListMarker& m, std::size_t limit) {
  constexpr std::size_t kListWindow = 4096;
  if (!m.found || m.style.empty() || (m.letter && (!m.lower || m.value >= 26))) return kNone;
  char pattern[8];
  std::size_t n = 0;
  if (m.letter) {
    pattern[n++] = static_cast<char>('a' + m.value);
  } else {
    const std::string digits = std::to_string(m.value + 1);
    if (digits.size() > 3) return kNone;
    for (char d : digits) pattern[n++] = d;
  }
  for (char c : m.style) pattern[n++] = c;
  const std::string_view needle(pattern, n);
  const std::string_view window = t.substr(0, std::min(limit, m.end + kListWindow));
  for (std::size_t at = window.find(needle, m.end); at != std::string_view::npos;
       at = window.find(needle, at + 1)) {
    const std::size_t after = at + n;
    if (after > limit || (after < limit && SpaceAt(t, after) == 0)) continue;
    std::size_t before = SkipSpaceBack(t, at, m.end);
    if (before == at) continue;  // must follow whitespace: "12." is not "2."
    if (before >= 3 && BulletAt(t, before - 3) > 0) return before - 3;
    return at;
  }
  return kNone;
}

// Whether a ( ... ) starts at `next` and a terminator follows its ")": a trailing citation such as
// `[...]" (Smith 55).`, which belongs to the sentence before it.
bool IsTrailingParenthetical(std::string_view t, std::size_t next, std::size_t limit) {
  if (next >= limit || t[next] != '(') return false;
  const std::size_t stop = std::min(limit, next + 120);
  for (std::size_t i = next + 1; i < stop; ++i) {
    const char c = t[i];
    if (c == '(') return false;
    if (c == ')') return i + 1 < limit && (t[i + 1] == '.' || t[i + 1] == '!' || t[i + 1] == '?');
  }
  return false;
}

// Whether the sentence [s, token) is an opening time phrase: "At 5", "Shortly after 10", so that
// "At 5 a.m. Mr. Smith went to the bank." stays one sentence.
bool IsTimePhraseOpening(std::string_view t, std::size_t s, std::size_t token) {
  std::size_t i = s;
  while (i < token && OpenerAt(t, i) > 0) i += OpenerAt(t, i);
  std::size_t e = i;
  while (e < token && IsAsciiLetter(At(t, e))) ++e;
  if (!InTable(kTimePrepositions, t.substr(i, e - i))) return false;
  constexpr int kMaxWords = 4;
  int words = 0;
  for (std::size_t k = i; k < token && words <= kMaxWords; ++k) {
    if (SpaceAt(t, k) == 0 && (k == i || SpaceBefore(t, k) > 0)) ++words;
  }
  return words <= kMaxWords;
}

// A run of periods before a boundary: "...", ". . .", "compounds. . . .".
struct Ellipsis {
  int dots = 0;
  bool spaced = false;    // ". . ." rather than "..."
  bool attached = false;  // the first period follows a word ("compounds. . . .")
  std::size_t first = 0;  // position of the first period
};

// Reads the periods that end just before `term_end`.
Ellipsis ReadEllipsis(std::string_view t, std::size_t s, std::size_t term_end) {
  Ellipsis e;
  std::size_t i = term_end;
  while (i > s && t[i - 1] == '.') {
    ++e.dots;
    --i;
    if (i >= s + 2 && t[i - 1] == ' ' && t[i - 2] == '.') {
      e.spaced = true;
      --i;
    }
  }
  e.first = i;
  e.attached = i > s && SpaceBefore(t, i) == 0;
  return e;
}

// ---------------------------------------------------------------------------------------------
// Decisions.

// Where a sentence ends and the next one starts when a boundary is taken.
struct Cut {
  std::size_t end;
  std::size_t next;
};

// One place where a sentence may end.
struct Candidate {
  enum Kind : std::uint8_t {
    kIcu,       // ICU's sentence break
    kPeriod,    // a period and a capital that ICU passed over (its abbreviation filter)
    kLine,      // a line that starts with a bullet, a list marker or an indent
    kBullet,    // a bullet after whitespace, within a line
    kListItem,  // the next item of a list whose first item started the sentence
    kEllipsis,  // "…" before a capital, which ICU does not take for a terminator; like "..."
  };
  std::size_t pos;  // where the next sentence would start
  Kind kind;
};

// The sentence being built, within its paragraph.
struct Context {
  std::string_view text;
  std::size_t s;      // where the current sentence starts
  std::size_t limit;  // end of the paragraph
};

// Decides a boundary after a time of day (`token` is "a.m." and the like): news writes "at 10 a.m.
// Tuesday" and "6 p.m. EST", so only a sentence starter or a title ("Mr.") ends the sentence.
bool DecideTime(const Context& c, std::size_t token, const NextWord& w) {
  if (!w.starter && !w.title) return false;
  return !IsTimePhraseOpening(c.text, c.s, token);
}

// Decides a boundary after periods that form an ellipsis. pragmatic_segmenter's conventions: a
// spaced ". . ." after a space marks an omission inside a sentence; "word. . . . Next" is a
// sentence ending in "word." followed by one opening with ". . ."; "...." and "..." end a sentence
// when a capital follows (ICU's view).
bool DecideEllipsis(const Context& c, const Ellipsis& e, const NextWord& w, bool icu, Cut* cut) {
  if (!e.spaced) return icu;
  if (e.attached && e.dots == 4 && !w.lower) {
    cut->end = e.first + 1;
    cut->next = SkipSpace(c.text, e.first + 1, c.limit);
    return true;
  }
  if (!e.attached && e.dots == 3) return false;
  return icu;
}

// Whether `token` is a number of 1-3 digits and a period right after a colon or a comma: an item
// of a list run into the sentence ("the winners were: 1. Smith, 2. Jones"), not its end.
bool IsInlineListNumber(std::string_view t, std::size_t s, std::size_t start,
                        std::string_view token) {
  if (token.size() < 2 || token.size() > 4) return false;
  for (std::size_t i = 0; i + 1 < token.size(); ++i) {
    if (!IsAsciiDigit(static_cast<unsigned char>(token[i]))) return false;
  }
  const std::size_t before = SkipSpaceBack(t, start, s);
  return before > s && before < start && (t[before - 1] == ':' || t[before - 1] == ',');
}

// Decides a boundary after a period that ends at `term_end`.
bool DecidePeriod(const Context& c, std::size_t term_end, const NextWord& w, bool icu, Cut* cut) {
  const Ellipsis e = ReadEllipsis(c.text, c.s, term_end);
  if (e.dots >= 2) return DecideEllipsis(c, e, w, icu, cut);
  // A lower-case word continues the sentence; ICU already knows ("Jane and co. at the party").
  if (w.lower) return icu;
  const std::size_t start = TokenStart(c.text, c.s, term_end);
  if (start == kNone) return icu || StarterEnds(c.text, c.s, term_end, w);
  const std::string_view token = c.text.substr(start, term_end - start);
  const std::string_view tail = AfterHyphen(token);
  if (InTable(kTitles, token)) return false;
  if (w.digit && InTable(kNumberPrefixes, token)) return false;
  if (InTable(kTimes, token)) return DecideTime(c, start, w);
  if (InTable(kAbbreviations, tail) || IsInitial(token) || IsDottedAbbreviation(token) ||
      IsInlineListNumber(c.text, c.s, start, token)) {
    return StarterEnds(c.text, c.s, start, w);
  }
  // An ordinary word: a sentence starter confirms the end even where ICU's filter suppressed it.
  return icu || StarterEnds(c.text, c.s, start, w);
}

// Whether a ! or ? ending at `term_end` belongs to a quotation or a name rather than ending the
// sentence, when a lower-case word follows: ICU ends a sentence at every ! and ?, but news writes
// `"Stop!" he said` and `"Why?" she asked` (closed by a quote) and "Yahoo! in the accounting
// department" (one ! attached to a capitalised word). Elsewhere a lower-case word after ! or ? is
// a sentence that starts in lower case, as web text often does ("where? just in the water").
bool IsQuotedOrNamed(std::string_view t, std::size_t s, std::size_t term_end, std::size_t end) {
  if (term_end < end) return true;  // closers follow the terminator
  if (t[term_end - 1] != '!' || term_end - s < 3) return false;
  const unsigned char before = At(t, term_end - 2);
  if (!IsAsciiLetter(before)) return false;  // "!!", "?!", " !"
  const std::size_t start = TokenStart(t, s, term_end);
  return start != kNone && IsAsciiUpper(At(t, start));
}

// Decides a boundary that ICU proposed (icu) or that a period suggests (!icu), between a sentence
// ending at `end` and one starting at `next`.
bool DecideTerminator(const Context& c, std::size_t end, std::size_t next, bool icu, Cut* cut) {
  const std::string_view t = c.text;
  std::size_t term_end = end;
  for (int k = 0; k < 4; ++k) {
    const std::size_t n = CloserBefore(t, term_end);
    if (n == 0 || term_end - n <= c.s) break;
    term_end -= n;
  }
  const unsigned char last = At(t, term_end - 1);
  // Without whitespace, an ASCII terminator is inside a token: "a?b=1" in a URL, "Hello!World".
  // CJK terminators (。！？) need no space, so only ASCII is held together.
  if (end == next && term_end == end && last < 0x80 && next < c.limit && At(t, next) < 0x80) {
    return false;
  }
  // A parenthetical closed by the sentence's own terminator belongs to the sentence before it.
  if (IsTrailingParenthetical(t, next, c.limit)) return false;
  const NextWord w = ReadNextWord(t, next, c.limit);
  if (last == '.') return DecidePeriod(c, term_end, w, icu, cut);
  if (last == '!' || last == '?') {
    return icu && !(w.lower && IsQuotedOrNamed(t, c.s, term_end, end));
  }
  return icu;
}

// Decides a candidate: true when the current sentence ends there, with `cut` saying where.
bool Decide(const Context& c, const Candidate& cand, Cut* cut) {
  const std::size_t end = SkipSpaceBack(c.text, cand.pos, c.s);
  cut->end = end;
  cut->next = cand.pos;
  if (end <= c.s || IsOnlyListMarker(c.text, c.s, end)) return false;
  switch (cand.kind) {
    case Candidate::kIcu:
    case Candidate::kEllipsis:
      return DecideTerminator(c, end, cand.pos, true, cut);
    case Candidate::kPeriod:
      return DecideTerminator(c, end, cand.pos, false, cut);
    case Candidate::kLine:
    case Candidate::kBullet:
    case Candidate::kListItem:
      return true;
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// Finding candidates.

// Width of the indentation of the line starting at `i` (a tab counts 2), and where its text
// starts in `*text_start`.
int Indentation(std::string_view t, std::size_t i, std::size_t limit, std::size_t* text_start) {
  int indent = 0;
  while (i < limit && (t[i] == ' ' || t[i] == '\t')) {
    indent += t[i] == '\t' ? 2 : 1;
    ++i;
  }
  *text_start = i;
  return indent;
}

// Whether the line starting at `i` (just after a newline) opens a new sentence however the line
// before it ended: it is indented more than that line (typewritten paragraphs, as in Reuters
// copy; `prev_indent` is the previous line's indentation), or starts with a bullet, a dash or a
// list's first marker. Returns where that line's text starts, or kNone.
std::size_t LineOpensSentence(std::string_view t, std::size_t i, std::size_t limit,
                              int prev_indent) {
  std::size_t j = i;
  const int indent = Indentation(t, i, limit, &j);
  if (j >= limit || SpaceAt(t, j) > 0) return kNone;
  if (indent >= 2 && indent > prev_indent) return j;
  const char c = t[j];
  if ((c == '-' || c == '*' || c == '+') && j + 1 < limit && SpaceAt(t, j + 1) > 0) return j;
  if (BulletAt(t, j) > 0) return j;
  const ListMarker m = ParseListMarker(t, j, limit);
  return (m.found && m.value == 1) ? j : kNone;
}

// Adds a candidate of `kind` if the terminator ending at `j` is followed by closers, whitespace
// and a capital letter.
void AddCandidateBeforeCapital(std::string_view t, std::size_t j, std::size_t limit,
                               Candidate::Kind kind, std::vector<Candidate>* out) {
  while (j < limit && (t[j] == '"' || t[j] == '\'' || t[j] == ')')) ++j;
  if (j >= limit || SpaceAt(t, j) == 0) return;
  const std::size_t next = SkipSpace(t, j, limit);
  std::size_t k = next;
  while (k < limit && OpenerAt(t, k) > 0) k += OpenerAt(t, k);
  if (k < limit && IsAsciiUpper(At(t, k))) out->push_back({next, kind});
}

// Collects, in order, the candidates in the paragraph [begin, limit) that ICU does not propose.
void CollectCandidates(std::string_view t, std::size_t begin, std::size_t limit,
                       std::vector<Candidate>* out) {
  out->clear();
  // The current line's indentation; the paragraph's first line is indented before `begin`.
  std::size_t line_start = begin;
  while (line_start > 0 && (t[line_start - 1] == ' ' || t[line_start - 1] == '\t')) --line_start;
  std::size_t unused;
  int indent = Indentation(t, line_start, begin, &unused);
  for (std::size_t i = begin; i < limit; ++i) {
    const unsigned char c = At(t, i);
    if (c == '.') {
      // A period before a capital, where ICU's filter may have suppressed a sentence end ("U.S.
      // How"); periods inside an ellipsis are left to the ellipsis rules.
      if (i + 1 >= limit || t[i + 1] != '.') {
        AddCandidateBeforeCapital(t, i + 1, limit, Candidate::kPeriod, out);
      }
    } else if (c == 0xE2 && t.compare(i, 3, "\xE2\x80\xA6") == 0) {
      AddCandidateBeforeCapital(t, i + 3, limit, Candidate::kEllipsis, out);
    } else if (c == '\n') {
      const std::size_t j = LineOpensSentence(t, i + 1, limit, indent);
      if (j != kNone) out->push_back({j, Candidate::kLine});
      indent = Indentation(t, i + 1, limit, &unused);
    } else if (c == 0xE2 && i > begin && SpaceBefore(t, i) > 0 && BulletAt(t, i) > 0) {
      out->push_back({i, Candidate::kBullet});
    }
  }
}

// ---------------------------------------------------------------------------------------------
// ICU.

// Builds the shared sentence iterator: ICU's rules plus its English abbreviation suppressions,
// minus the ones that hurt news (kIcuSuppressionsToDrop).
icu::BreakIterator* BuildPrototype() {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Locale& english = icu::Locale::getEnglish();
  std::unique_ptr<icu::BreakIterator> base(
      icu::BreakIterator::createSentenceInstance(english, status));
  if (U_FAILURE(status) || !base) {
    throw std::runtime_error(std::string("ICU sentence break rules unavailable: ") +
                             u_errorName(status));
  }
  std::unique_ptr<icu::FilteredBreakIteratorBuilder> builder(
      icu::FilteredBreakIteratorBuilder::createInstance(english, status));
  if (U_FAILURE(status) || !builder) return base.release();  // no English data: rules still apply
  for (std::string_view s : kIcuSuppressionsToDrop) {
    builder->unsuppressBreakAfter(
        icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size()))),
        status);
  }
  icu::BreakIterator* filtered = builder->wrapIteratorWithFilter(base.release(), status);
  if (U_FAILURE(status) || filtered == nullptr) {
    delete filtered;
    throw std::runtime_error(std::string("ICU sentence filter failed: ") + u_errorName(status));
  }
  return filtered;
}

// The process-wide iterator, built once (thread-safe static initialisation).
const icu::BreakIterator& Prototype() {
  static const std::unique_ptr<icu::BreakIterator> prototype(BuildPrototype());
  return *prototype;
}

// The largest text handed to ICU at once: paragraphs are grouped into windows of about this size,
// which keeps positions within int32_t and the copy small.
constexpr std::size_t kWindowBytes = 1u << 20;

// Splits text into sentences; one instance per thread holds the cloned iterator and buffers.
class Segmenter {
 public:
  Segmenter() : iter_(Prototype().clone()) {}

  // Appends the sentences of `text` to `out`.
  void Split(std::string_view text, std::vector<Span>* out) {
    const std::vector<Span> paragraphs = SplitParagraphs(text);
    std::size_t p = 0;
    while (p < paragraphs.size()) {
      std::size_t q = p + 1;
      while (q < paragraphs.size() && paragraphs[q].end - paragraphs[p].start <= kWindowBytes) ++q;
      RunIcu(text, paragraphs[p].start, paragraphs[q - 1].end);
      std::size_t next_break = 0;
      for (std::size_t k = p; k < q; ++k) SplitParagraph(text, paragraphs[k], &next_break, out);
      p = q;
    }
  }

 private:
  // Fills icu_breaks_ with ICU's boundaries in [begin, end), as offsets into the text. Line breaks
  // are given to ICU as spaces: within a paragraph they are usually hard wrapping (Reuters copy).
  void RunIcu(std::string_view text, std::size_t begin, std::size_t end) {
    icu_breaks_.clear();
    const std::size_t len = std::min<std::size_t>(end - begin, INT32_MAX);
    buffer_.assign(text.data() + begin, len);
    for (char& ch : buffer_) {
      if (ch == '\n' || ch == '\r') ch = ' ';
    }
    UErrorCode status = U_ZERO_ERROR;
    UText ut = UTEXT_INITIALIZER;
    utext_openUTF8(&ut, buffer_.data(), static_cast<int64_t>(len), &status);
    if (U_SUCCESS(status)) iter_->setText(&ut, status);
    if (U_SUCCESS(status)) {
      for (int32_t b = iter_->next(); b != icu::BreakIterator::DONE; b = iter_->next()) {
        icu_breaks_.push_back(begin + static_cast<std::size_t>(b));
      }
    }
    utext_close(&ut);
  }

  // Appends the sentences of paragraph `para`; `next_break` indexes icu_breaks_ and moves on.
  void SplitParagraph(std::string_view text, Span para, std::size_t* next_break,
                      std::vector<Span>* out) {
    CollectCandidates(text, para.start, para.end, &candidates_);
    Context c{text, para.start, para.end};
    std::size_t list_next = ListItemAfter(c);
    std::size_t& ib = *next_break;
    std::size_t ic = 0;
    while (ib < icu_breaks_.size() && icu_breaks_[ib] <= para.start) ++ib;
    for (;;) {
      // The next candidate in text order, from the three sources.
      const std::size_t icu_pos =
          ib < icu_breaks_.size() && icu_breaks_[ib] < para.end ? icu_breaks_[ib] : kNone;
      const std::size_t own_pos = ic < candidates_.size() ? candidates_[ic].pos : kNone;
      Candidate cand;
      if (list_next != kNone && list_next <= icu_pos && list_next <= own_pos) {
        cand = {list_next, Candidate::kListItem};
        list_next = kNone;
      } else if (own_pos != kNone &&
                 (own_pos < icu_pos ||
                  (own_pos == icu_pos && candidates_[ic].kind != Candidate::kPeriod))) {
        cand = candidates_[ic++];  // forced candidates go first: they break whatever ICU says
      } else if (icu_pos != kNone) {
        cand = {icu_pos, Candidate::kIcu};
        ++ib;
        if (own_pos == icu_pos) ++ic;  // a period where ICU broke: ICU's verdict covers it
      } else {
        break;
      }
      if (cand.pos <= c.s) continue;
      Cut cut{};
      if (!Decide(c, cand, &cut)) continue;
      Emit(text, c.s, cut.end, out);
      c.s = cut.next;
      const std::size_t item = ListItemAfter(c);
      if (item != kNone) list_next = item;
    }
    Emit(text, c.s, para.end, out);
  }

  // Where the next list item starts when the current sentence starts with a list marker.
  static std::size_t ListItemAfter(const Context& c) {
    return FindNextListItem(c.text, ParseListMarker(c.text, c.s, c.limit), c.limit);
  }

  // Appends [begin, end) without surrounding whitespace, unless nothing is left.
  static void Emit(std::string_view text, std::size_t begin, std::size_t end,
                   std::vector<Span>* out) {
    begin = SkipSpace(text, begin, end);
    end = SkipSpaceBack(text, end, begin);
    if (begin < end) out->push_back({begin, end});
  }

  std::unique_ptr<icu::BreakIterator> iter_;
  std::string buffer_;
  std::vector<std::size_t> icu_breaks_;
  std::vector<Candidate> candidates_;
};

}  // namespace

std::vector<Span> SplitParagraphs(std::string_view text) {
  std::vector<Span> out;
  std::size_t para_start = kNone, para_end = 0;
  std::size_t line = 0;
  while (line < text.size()) {
    const void* nl = std::memchr(text.data() + line, '\n', text.size() - line);
    const std::size_t line_end =
        nl ? static_cast<std::size_t>(static_cast<const char*>(nl) - text.data()) : text.size();
    const std::size_t first = SkipSpace(text, line, line_end);
    if (first < line_end) {  // a line with text
      if (para_start == kNone) para_start = first;
      para_end = SkipSpaceBack(text, line_end, first);
    } else if (para_start != kNone) {  // a blank line ends the paragraph
      out.push_back({para_start, para_end});
      para_start = kNone;
    }
    line = line_end + 1;
  }
  if (para_start != kNone) out.push_back({para_start, para_end});
  return out;
}

namespace {

// True for a short parenthetical credit such as "(AFP)" or "(Reuters/Xinhua)": at most three
// words and no sentence punctuation inside.
bool IsCredit(std::string_view s) {
  constexpr std::size_t kMaxChars = 40;
  constexpr int kMaxSpaces = 2;
  if (s.size() < 3 || s.size() > kMaxChars || s.front() != '(' || s.back() != ')') return false;
  const std::string_view inner = s.substr(1, s.size() - 2);
  return inner.find_first_of(".!?()") == std::string_view::npos &&
         std::count(inner.begin(), inner.end(), ' ') <= kMaxSpaces;
}

// A credit that follows a sentence on the same line belongs to it ("... countries. (AFP)"),
// rather than standing as a sentence of its own.
void AttachCredits(std::string_view text, std::vector<Span>* spans) {
  std::size_t kept = 0;
  for (std::size_t i = 0; i < spans->size(); ++i) {
    const Span span = (*spans)[i];
    if (kept > 0) {
      Span& previous = (*spans)[kept - 1];
      const std::string_view gap = text.substr(previous.end, span.start - previous.end);
      if (gap.find('\n') == std::string_view::npos &&
          IsCredit(text.substr(span.start, span.end - span.start))) {
        previous.end = span.end;
        continue;
      }
    }
    (*spans)[kept++] = span;
  }
  spans->resize(kept);
}

}  // namespace

std::vector<Span> SplitSentences(std::string_view text) {
  thread_local Segmenter segmenter;
  std::vector<Span> out;
  out.reserve(text.size() / 80 + 1);
  segmenter.Split(text, &out);
  AttachCredits(text, &out);
  return out;
}

}  // namespace lectern
