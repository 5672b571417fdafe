// Small text utilities for CleanArticle. See clean_text.h.
#include "clean_text.h"

#include <algorithm>

namespace lectern {
namespace clean_internal {
namespace {

/// Byte length of a horizontal whitespace character at `s[i]` that collapses to one space inside a
/// paragraph (ASCII blanks, U+00A0, U+2000-U+200A, U+202F, U+205F, U+3000), or 0. HTML-extracted
/// text is full of no-break spaces, which is why they count.
std::size_t CollapsibleSpaceAt(std::string_view s, std::size_t i) {
  const auto c = static_cast<unsigned char>(s[i]);
  if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v') return 1;
  if (i + 1 < s.size() && c == 0xC2 && static_cast<unsigned char>(s[i + 1]) == 0xA0) return 2;
  if (i + 2 < s.size()) {
    const auto c1 = static_cast<unsigned char>(s[i + 1]);
    const auto c2 = static_cast<unsigned char>(s[i + 2]);
    if (c == 0xE2 && c1 == 0x80 && ((c2 >= 0x80 && c2 <= 0x8A) || c2 == 0xAF)) return 3;
    if (c == 0xE2 && c1 == 0x81 && c2 == 0x9F) return 3;
    if (c == 0xE3 && c1 == 0x80 && c2 == 0x80) return 3;
  }
  return 0;
}

/// Like CollapsibleSpaceAt, but also zero-width space and BOM, which are only removed at the edges
/// (inside text they may separate words in scripts without spaces).
std::size_t EdgeSpaceAt(std::string_view s, std::size_t i) {
  if (std::size_t n = CollapsibleSpaceAt(s, i)) return n;
  if (i + 2 < s.size()) {
    const std::string_view three = s.substr(i, 3);
    if (three == "\xE2\x80\x8B" || three == "\xEF\xBB\xBF") return 3;
  }
  return 0;
}

/// Byte length of an edge space that ends right before `end` and starts at or after `begin`, or 0.
std::size_t EdgeSpaceBefore(std::string_view s, std::size_t begin, std::size_t end) {
  for (std::size_t len = 1; len <= 3; ++len) {
    if (end >= begin + len && EdgeSpaceAt(s, end - len) == len) return len;
  }
  return 0;
}

/// Typographic closers that may follow a sentence's final punctuation.
constexpr std::string_view kMultiByteClosers[] = {
    "\xE2\x80\x9D",  // ”
    "\xE2\x80\x99",  // ’
    "\xC2\xBB",      // »
    "\xE2\x80\xBA",  // ›
    "\xEF\xBC\x89",  // ）
    "\xE3\x80\x8D",  // 」
    "\xE3\x80\x8F",  // 』
};

/// Multi-byte sentence terminators.
constexpr std::string_view kMultiByteTerminals[] = {
    "\xE2\x80\xA6",  // …
    "\xE3\x80\x82",  // 。
    "\xEF\xBC\x81",  // ！
    "\xEF\xBC\x9F",  // ？
};

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

}  // namespace

std::size_t CodePoints(std::string_view s) {
  return static_cast<std::size_t>(std::count_if(
      s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

std::string_view TrimSpace(std::string_view s) {
  std::size_t begin = 0;
  std::size_t end = s.size();
  while (begin < end) {
    const std::size_t n = EdgeSpaceAt(s, begin);
    if (n == 0) break;
    begin += n;
  }
  while (end > begin) {
    const std::size_t n = EdgeSpaceBefore(s, begin, end);
    if (n == 0) break;
    end -= n;
  }
  return s.substr(begin, end - begin);
}

std::string CollapseSpaces(std::string_view s) {
  const std::string_view t = TrimSpace(s);
  std::string out;
  out.reserve(t.size());
  bool pending_space = false;
  for (std::size_t i = 0; i < t.size();) {
    if (const std::size_t n = CollapsibleSpaceAt(t, i)) {
      pending_space = true;
      i += n;
      continue;
    }
    if (pending_space && !out.empty()) out += ' ';
    pending_space = false;
    out += t[i++];
  }
  return out;
}

std::vector<Token> Tokenize(std::string_view s) {
  std::vector<Token> tokens;
  tokens.reserve(s.size() / 6 + 1);  // about one token per word of English
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n')) ++i;
    const std::size_t start = i;
    while (i < s.size() && s[i] != ' ' && s[i] != '\t' && s[i] != '\n') ++i;
    if (i > start) tokens.push_back({s.substr(start, i - start), start});
  }
  return tokens;
}

std::size_t WordCount(std::string_view s) {
  std::size_t count = 0;
  bool in_word = false;
  for (char c : s) {
    const bool space = c == ' ' || c == '\t' || c == '\n';
    if (!space && !in_word) ++count;
    in_word = !space;
  }
  return count;
}

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (AsciiLower(a[i]) != AsciiLower(b[i])) return false;
  }
  return true;
}

bool StartsWithIgnoreCase(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && EqualsIgnoreCase(s.substr(0, prefix.size()), prefix);
}

bool EndsWithIgnoreCase(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && EqualsIgnoreCase(s.substr(s.size() - suffix.size()), suffix);
}

std::size_t FindIgnoreCase(std::string_view hay, std::string_view needle, std::size_t from) {
  if (needle.empty()) return from <= hay.size() ? from : std::string_view::npos;
  if (needle.size() > hay.size()) return std::string_view::npos;
  const char first = AsciiLower(needle[0]);
  for (std::size_t i = from; i + needle.size() <= hay.size(); ++i) {
    if (AsciiLower(hay[i]) == first && EqualsIgnoreCase(hay.substr(i, needle.size()), needle)) {
      return i;
    }
  }
  return std::string_view::npos;
}

bool IsWholeWordAt(std::string_view s, std::size_t pos, std::size_t len) {
  return (pos == 0 || !IsAsciiAlnum(s[pos - 1])) &&
         (pos + len >= s.size() || !IsAsciiAlnum(s[pos + len]));
}

std::string_view StripChars(std::string_view s, std::string_view chars) {
  while (!s.empty() && chars.find(s.front()) != std::string_view::npos) s.remove_prefix(1);
  while (!s.empty() && chars.find(s.back()) != std::string_view::npos) s.remove_suffix(1);
  return s;
}

std::string_view StripClosers(std::string_view s) {
  for (;;) {
    if (!s.empty() && std::string_view(")]}\"'*").find(s.back()) != std::string_view::npos) {
      s.remove_suffix(1);
      continue;
    }
    bool stripped = false;
    for (std::string_view closer : kMultiByteClosers) {
      if (EndsWith(s, closer)) {
        s.remove_suffix(closer.size());
        stripped = true;
        break;
      }
    }
    if (!stripped) return s;
  }
}

std::size_t MatchingClose(std::string_view s, std::size_t open, std::size_t limit) {
  int depth = 0;
  const std::size_t end = std::min(s.size(), open + limit);
  for (std::size_t i = open; i < end; ++i) {
    if (s[i] == '(') ++depth;
    if (s[i] == ')' && --depth == 0) return i;
  }
  return std::string_view::npos;
}

bool Unwrap(std::string_view s, std::string_view* inner) {
  if (s.size() < 2) return false;
  const char open = s.front();
  const char close = open == '(' ? ')' : open == '[' ? ']' : '\0';
  if (close == '\0' || s.back() != close) return false;
  // The opening bracket must close at the very end: "(a) and (b)" is not wrapped.
  int depth = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == open) ++depth;
    if (s[i] == close && --depth == 0 && i + 1 != s.size()) return false;
  }
  *inner = TrimSpace(s.substr(1, s.size() - 2));
  return true;
}

bool IsDashToken(std::string_view t) {
  if (t.empty()) return false;
  int dashes = 0;
  for (std::size_t i = 0; i < t.size(); ++dashes) {
    if (dashes == 3) return false;
    if (t[i] == '-') {
      ++i;
    } else if (t.substr(i, 3) == "\xE2\x80\x93" || t.substr(i, 3) == "\xE2\x80\x94") {
      i += 3;
    } else {
      return false;
    }
  }
  return true;
}

bool EndsWithTerminal(std::string_view s) {
  s = StripClosers(TrimSpace(s));
  if (s.empty()) return false;
  if (s.back() == '.' || s.back() == '!' || s.back() == '?') return true;
  for (std::string_view terminal : kMultiByteTerminals) {
    if (EndsWith(s, terminal)) return true;
  }
  return false;
}

bool IsProse(std::string_view s) {
  // Headlines, labels and navigation rarely exceed 25 words; running text ends its sentences.
  constexpr std::size_t kProseWords = 25;
  return EndsWithTerminal(s) || WordCount(s) > kProseWords;
}

bool StartsLowercase(std::string_view s) { return !s.empty() && IsAsciiLower(s.front()); }

}  // namespace clean_internal
}  // namespace lectern
