// What the text around a sentence boundary looks like: the tables of abbreviations and words the
// rules consult, and byte-level scanning of UTF-8 (spaces, quotes, brackets, bullets, list
// markers, the next word). Internal to lectern_segment. Every function looks only a few bytes
// around the position it is given, and none allocates.
#ifndef LECTERN_SEGMENT_SENTENCE_TEXT_H_
#define LECTERN_SEGMENT_SENTENCE_TEXT_H_

#include <algorithm>
#include <array>
#include <cstddef>
#include <string_view>

namespace lectern::sentence {

inline constexpr std::size_t kNone = static_cast<std::size_t>(-1);

// ---------------------------------------------------------------------------------------------
// Tables. Each is sorted (checked at compile time) and searched with std::binary_search. Entries
// keep their final period, as they are written in text.

// Titles and other words that stand before a name: never the end of a sentence ("Gen. Smith",
// "Mt. Fuji", "Roe v. Wade"). ICU's list lacks most of the ones news uses ("Gen.", "Sen.", "Gov.").
inline constexpr std::array<std::string_view, 41> kTitles = {
    "Adm.", "Amb.",  "Atty.",   "Brig.", "Capt.", "Cmdr.", "Col.",  "Cpl.", "Det.",
    "Dr.",  "Drs.",  "Fr.",     "Ft.",   "Gen.",  "Gov.",  "Govs.", "Hon.", "Insp.",
    "Lt.",  "Maj.",  "Messrs.", "Mme.",  "Mmes.", "Mr.",   "Mrs.",  "Ms.",  "Msgr.",
    "Mt.",  "Pres.", "Prof.",   "Pvt.",  "Rep.",  "Reps.", "Rev.",  "Sen.", "Sens.",
    "Sgt.", "Supt.", "Vs.",     "v.",    "vs.",
};

// Abbreviations that stand before a number: "Sept. 10", "No. 5", "p. 55", "N°. 1026". Followed by
// a digit they never end a sentence; ICU would break there, since a digit is not lower case.
inline constexpr std::array<std::string_view, 46> kNumberPrefixes = {
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
inline constexpr std::array<std::string_view, 92> kAbbreviations = {
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
inline constexpr std::array<std::string_view, 4> kTimes = {"A.M.", "P.M.", "a.m.", "p.m."};

// Words that open a sentence far more often than they continue a name. After an abbreviation
// they decide that the sentence has ended ("I live in the U.S. How about you?"); this is
// pragmatic_segmenter's list, extended with news' most frequent sentence openers. "Of", "Under",
// "And" are left out: they are capitalised inside names ("Dept. Of Labor", "U.S. Under Secretary").
inline constexpr std::array<std::string_view, 94> kSentenceStarters = {
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
inline constexpr std::array<std::string_view, 14> kTimePrepositions = {
    "About", "After", "Around",  "At",    "Before",   "Beginning", "By",
    "Early", "From",  "Shortly", "Since", "Starting", "Till",      "Until",
};

// Entries of ICU's English list that do more harm than good in news. ICU matches them backwards
// from the period with no word boundary, so "A." also matches "NASA." and "pp." matches "app.";
// and some are plain words or names that end sentences ("Joe.", "In.", "Is."). Standalone
// initials, "pp. 5" and "vs." are handled by the rules here instead.
inline constexpr std::array<std::string_view, 51> kIcuSuppressionsToDrop = {
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
std::size_t SpaceAt(std::string_view t, std::size_t i);

// Length in bytes of the White_Space character ending just before `i`, or 0 if there is none.
std::size_t SpaceBefore(std::string_view t, std::size_t i);

// First position in [i, limit) that is not whitespace (limit when there is none).
std::size_t SkipSpace(std::string_view t, std::size_t i, std::size_t limit);

// Position after the last non-whitespace character in [floor, i) (floor when there is none).
std::size_t SkipSpaceBack(std::string_view t, std::size_t i, std::size_t floor);

// Length of the closing quote or bracket ending just before `i` (0 if none). These may follow a
// sentence's terminator: `"Stop."`, `(He left.)`, `“Yes!”`, `«Да.»`.
std::size_t CloserBefore(std::string_view t, std::size_t i);

// Length of the opening quote or bracket starting at `i` (0 if none): what may precede the first
// word of a sentence.
std::size_t OpenerAt(std::string_view t, std::size_t i);

// Length of the list bullet starting at `i` (0 if none): • ‣ ⁃ ◦ ▪ ● ■.
std::size_t BulletAt(std::string_view t, std::size_t i);

// Whether `word` (letters, possibly with periods) is written in capitals only: "ST.", "CORP.".
bool IsAllCaps(std::string_view word);

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
NextWord ReadNextWord(std::string_view t, std::size_t next, std::size_t limit);

// Whether the (up to) two words before `token` in the sentence starting at `s` start with
// capitals, or there are none: with `then_capital`, a sign of a headline in title case.
bool PreviousWordsCapitalised(std::string_view t, std::size_t s, std::size_t token);

// Whether a sentence starter after the abbreviation at `token` ends the sentence: always, except
// in a headline in title case, where "Bush Says U.S. Will Act" capitalises every word.
bool StarterEnds(std::string_view t, std::size_t s, std::size_t token, const NextWord& w);

// Start of the whitespace-delimited token that ends at `t_end`, past opening quotes/brackets
// ("(Mr." -> "Mr."); kNone when the token is longer than any abbreviation.
std::size_t TokenStart(std::string_view t, std::size_t s, std::size_t t_end);

// The part of `token` after its last hyphen: "R-Ariz." -> "Ariz.".
std::string_view AfterHyphen(std::string_view token);

// Whether `token` (with its period) is one capital letter and a period: an initial ("George W.
// Bush"), in any script ("А. Пушкин"). Lower-case letters are left to ICU: Russian "г." (year)
// often ends a sentence.
bool IsInitial(std::string_view token);

// Whether `token` is letters joined by periods, each run 1-3 letters: "U.S.", "U.S.A.", "Ph.D.",
// "e.g.". Such abbreviations are not in any table: there are too many of them.
bool IsDottedAbbreviation(std::string_view token);

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
ListMarker ParseListMarker(std::string_view t, std::size_t i, std::size_t limit);

// Whether [s, end) holds nothing but a list marker ("1.)", "a.", "• 9."): a list item's marker is
// not a sentence of its own, though ICU ends one at "1." before a capital.
bool IsOnlyListMarker(std::string_view t, std::size_t s, std::size_t end);

// Finds where the list item after `m` starts: the same marker style with the next number or letter,
// after whitespace and before whitespace ("1) The first item 2) The second item"). Looks at most
// kListWindow bytes ahead so that text full of stray markers stays linear. Returns kNone if absent.
std::size_t FindNextListItem(std::string_view t, const ListMarker& m, std::size_t limit);

// Whether a ( ... ) starts at `next` and a terminator follows its ")": a trailing citation such as
// `[...]" (Smith 55).`, which belongs to the sentence before it.
bool IsTrailingParenthetical(std::string_view t, std::size_t next, std::size_t limit);

// Whether the sentence [s, token) is an opening time phrase: "At 5", "Shortly after 10", so that
// "At 5 a.m. Mr. Smith went to the bank." stays one sentence.
bool IsTimePhraseOpening(std::string_view t, std::size_t s, std::size_t token);

// A run of periods before a boundary: "...", ". . .", "compounds. . . .".
struct Ellipsis {
  int dots = 0;
  bool spaced = false;    // ". . ." rather than "..."
  bool attached = false;  // the first period follows a word ("compounds. . . .")
  std::size_t first = 0;  // position of the first period
};

// Reads the periods that end just before `term_end`.
Ellipsis ReadEllipsis(std::string_view t, std::size_t s, std::size_t term_end);

}  // namespace lectern::sentence

#endif  // LECTERN_SEGMENT_SENTENCE_TEXT_H_
