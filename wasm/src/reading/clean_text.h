// Small text utilities for CleanArticle: whitespace, tokens, case-insensitive ASCII matching and
// the sentence-shape tests the cleaning heuristics are built on. Internal to clean*.cpp.
#ifndef LECTERN_CLEAN_TEXT_H_
#define LECTERN_CLEAN_TEXT_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace lectern {
namespace clean_internal {

inline bool IsAsciiUpper(char c) { return c >= 'A' && c <= 'Z'; }
inline bool IsAsciiLower(char c) { return c >= 'a' && c <= 'z'; }
inline bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }
inline bool IsAsciiAlpha(char c) { return IsAsciiUpper(c) || IsAsciiLower(c); }
inline bool IsAsciiAlnum(char c) { return IsAsciiAlpha(c) || IsAsciiDigit(c); }
inline bool IsNonAscii(char c) { return static_cast<unsigned char>(c) >= 0x80; }
inline char AsciiLower(char c) { return IsAsciiUpper(c) ? static_cast<char>(c - 'A' + 'a') : c; }

/// A space-separated token of a (collapsed) line and the byte offset where it starts.
struct Token {
  std::string_view text;
  std::size_t pos = 0;
};

/// Number of Unicode code points in valid UTF-8 `s`.
std::size_t CodePoints(std::string_view s);
/// `s` without leading and trailing whitespace (ASCII, no-break, ideographic, zero-width spaces).
std::string_view TrimSpace(std::string_view s);
/// `s` trimmed, with every run of spaces, tabs and other horizontal whitespace made one " ".
std::string CollapseSpaces(std::string_view s);
/// The space-separated tokens of `s`.
std::vector<Token> Tokenize(std::string_view s);
/// Number of space-separated words in `s`.
std::size_t WordCount(std::string_view s);

/// ASCII case-insensitive equality.
bool EqualsIgnoreCase(std::string_view a, std::string_view b);
/// ASCII case-insensitive prefix test.
bool StartsWithIgnoreCase(std::string_view s, std::string_view prefix);
/// ASCII case-insensitive suffix test.
bool EndsWithIgnoreCase(std::string_view s, std::string_view suffix);
/// ASCII case-insensitive search; npos when absent.
std::size_t FindIgnoreCase(std::string_view hay, std::string_view needle, std::size_t from = 0);
/// True when the `len` bytes at `pos` in `s` are a whole word: neither neighbour is an ASCII letter
/// or digit.
bool IsWholeWordAt(std::string_view s, std::size_t pos, std::size_t len);

/// `s` without any of the ASCII `chars` at either end.
std::string_view StripChars(std::string_view s, std::string_view chars);
/// `s` without trailing closing quotes and brackets (ASCII and typographic).
std::string_view StripClosers(std::string_view s);
/// True when `s` is wrapped in one balanced pair of () or []; `inner` gets the trimmed inside.
bool Unwrap(std::string_view s, std::string_view* inner);
/// Index of the ')' closing the '(' at `open`, looking at most `limit` bytes ahead; npos if none.
std::size_t MatchingClose(std::string_view s, std::size_t open, std::size_t limit);
/// True when `t` consists only of 1-3 hyphens, en dashes or em dashes.
bool IsDashToken(std::string_view t);

/// True when `s` ends a sentence: ".", "!", "?", "…" or CJK full stops, maybe before closers.
bool EndsWithTerminal(std::string_view s);
/// True when `s` reads like running text rather than a heading or a label: it ends a sentence or
/// is long.
bool IsProse(std::string_view s);
/// True when `s` starts with an ASCII lowercase letter.
bool StartsLowercase(std::string_view s);

}  // namespace clean_internal
}  // namespace lectern

#endif  // LECTERN_CLEAN_TEXT_H_
