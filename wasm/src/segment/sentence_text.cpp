// Scanning the text around a sentence boundary (see sentence_text.h).
#include "sentence_text.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

namespace lectern::sentence {

std::size_t SpaceAt(std::string_view t, std::size_t i) {
  const unsigned char c = At(t, i);
  if (c < 0x80) return IsAsciiSpace(c) ? 1 : 0;
  if (c == 0xC2 && i + 1 < t.size()) return (At(t, i + 1) == 0x85 || At(t, i + 1) == 0xA0) ? 2 : 0;
  if (c >= 0xE1 && c <= 0xE3 && i + 2 < t.size()) {
    return IsWide3Space(c, At(t, i + 1), At(t, i + 2)) ? 3 : 0;
  }
  return 0;
}

std::size_t SpaceBefore(std::string_view t, std::size_t i) {
  if (i == 0) return 0;
  const unsigned char c = At(t, i - 1);
  if (c < 0x80) return IsAsciiSpace(c) ? 1 : 0;
  if (i >= 2 && At(t, i - 2) == 0xC2 && (c == 0x85 || c == 0xA0)) return 2;
  if (i >= 3 && IsWide3Space(At(t, i - 3), At(t, i - 2), c)) return 3;
  return 0;
}

std::size_t SkipSpace(std::string_view t, std::size_t i, std::size_t limit) {
  while (i < limit) {
    const std::size_t n = SpaceAt(t, i);
    if (n == 0) break;
    i += n;
  }
  return std::min(i, limit);
}

std::size_t SkipSpaceBack(std::string_view t, std::size_t i, std::size_t floor) {
  while (i > floor) {
    const std::size_t n = SpaceBefore(t, i);
    if (n == 0 || i - n < floor) break;
    i -= n;
  }
  return i;
}

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

std::size_t BulletAt(std::string_view t, std::size_t i) {
  if (At(t, i) != 0xE2 || i + 2 >= t.size()) return 0;
  const unsigned char b1 = At(t, i + 1), b2 = At(t, i + 2);
  const bool bullet = (b1 == 0x80 && (b2 == 0xA2 || b2 == 0xA3)) || (b1 == 0x81 && b2 == 0x83) ||
                      (b1 == 0x96 && (b2 == 0xAA || b2 == 0xA0)) ||
                      (b1 == 0x97 && (b2 == 0xA6 || b2 == 0x8F));
  return bullet ? 3 : 0;
}

bool IsAllCaps(std::string_view word) {
  bool any = false;
  for (char ch : word) {
    const unsigned char c = static_cast<unsigned char>(ch);
    if (IsAsciiLower(c) || c >= 0x80) return false;
    any = any || IsAsciiUpper(c);
  }
  return any;
}

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

bool StarterEnds(std::string_view t, std::size_t s, std::size_t token, const NextWord& w) {
  return w.starter && !(w.then_capital && PreviousWordsCapitalised(t, s, token));
}

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

std::string_view AfterHyphen(std::string_view token) {
  const std::size_t h = token.rfind('-');
  return h == std::string_view::npos ? token : token.substr(h + 1);
}

bool IsInitial(std::string_view token) {
  if (token.size() == 2) return IsAsciiUpper(static_cast<unsigned char>(token[0]));
  if (token.size() < 3 || token.size() > 5) return false;
  UChar32 cp;
  int32_t i = 0;
  U8_NEXT(token.data(), i, static_cast<int32_t>(token.size()), cp);
  return cp >= 0 && static_cast<std::size_t>(i) + 1 == token.size() && u_isupper(cp);
}

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

bool IsOnlyListMarker(std::string_view t, std::size_t s, std::size_t end) {
  const ListMarker m = ParseListMarker(t, s, end);
  return m.found && m.end >= end;
}

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

}  // namespace lectern::sentence
