#include "tokenize.h"

#include <array>
#include <cstdint>

namespace lectern::entities {
namespace {

// Letters and digits of any script count as word characters; the punctuation and space blocks
// outside ASCII do not (so "—" and "。" stay tokens of their own).
bool IsWordChar(std::int32_t cp) {
  if (cp < 0x80) {
    return (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
  }
  if (cp < 0xC0) return cp == 0xAA || cp == 0xB5 || cp == 0xBA;
  if (cp == 0xD7 || cp == 0xF7) return false;
  if (cp >= 0x2000 && cp <= 0x2BFF) return false;  // punctuation, symbols, arrows
  if (cp >= 0x3000 && cp <= 0x303F) return false;  // CJK punctuation
  if (cp >= 0xFE30 && cp <= 0xFE4F) return false;
  if (cp >= 0xFF00 && cp <= 0xFF0F) return false;  // full-width marks
  if (cp >= 0xFF1A && cp <= 0xFF20) return false;
  if (cp == 0x060C || cp == 0x061B || cp == 0x061F || cp == 0x06D4) return false;  // Arabic marks
  return cp != kInvalidUtf8;
}

bool IsSpace(std::int32_t cp) {
  return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == '\v' ||
         cp == 0xA0 || cp == 0x2028 || cp == 0x2029 || (cp >= 0x2000 && cp <= 0x200B) ||
         cp == 0x3000 || cp == 0xFEFF;
}

bool IsJoiner(std::int32_t cp) {
  return cp == '-' || cp == '\'' || cp == 0x2019 || cp == '.' || cp == '&';
}

// Short forms written with a full stop that belongs to them.
bool IsKnownAbbreviation(std::string_view w) {
  static constexpr std::array<std::string_view, 44> kForms = {
      "Inc",  "Corp", "Co",  "Ltd",  "Jr",   "Sr",   "St",  "Mr",  "Mrs", "Ms",   "Dr",
      "Prof", "Gen",  "Col", "Lt",   "Sgt",  "Rep",  "Sen", "Gov", "Jan", "Feb",  "Mar",
      "Apr",  "Jun",  "Jul", "Aug",  "Sep",  "Sept", "Oct", "Nov", "Dec", "Mt",   "Ft",
      "No",   "vs",   "etc", "Bros", "Capt", "Cmdr", "Adm", "Rev", "Ave", "Blvd", "Dept"};
  for (std::string_view f : kForms) {
    if (w == f) return true;
  }
  return false;
}

bool IsUpperAscii(char c) { return c >= 'A' && c <= 'Z'; }

// Letters from `pos` up to the next non-letter.
std::size_t CapitalisedRunLength(std::string_view text, std::size_t pos, std::size_t end) {
  std::size_t n = 0;
  while (pos + n < end && ((text[pos + n] >= 'a' && text[pos + n] <= 'z') ||
                           (text[pos + n] >= 'A' && text[pos + n] <= 'Z'))) {
    ++n;
  }
  return n;
}

bool HasJoiner(std::string_view text, std::size_t from, std::size_t to) {
  for (std::size_t i = from; i < to; ++i) {
    if (text[i] == '-' || text[i] == '.' || text[i] == '\'' || text[i] == '&') return true;
  }
  return false;
}

}  // namespace

void Tokenize(std::string_view text, std::size_t begin, std::size_t end, std::vector<Span>* out) {
  std::size_t pos = begin;
  while (pos < end) {
    std::size_t len = 0;
    const std::int32_t cp = DecodeUtf8(text, pos, &len);
    if (IsSpace(cp)) {
      pos += len;
      continue;
    }
    if (!IsWordChar(cp)) {
      out->push_back({pos, pos + len});
      pos += len;
      continue;
    }
    const std::size_t start = pos;
    bool has_dot = false;
    std::size_t last_joiner = std::string_view::npos;  // where a final 's would split
    pos += len;
    while (pos < end) {
      const std::int32_t c = DecodeUtf8(text, pos, &len);
      if (IsWordChar(c)) {
        pos += len;
        continue;
      }
      if (!IsJoiner(c) || pos + len >= end) break;
      std::size_t next_len = 0;
      if (!IsWordChar(DecodeUtf8(text, pos + len, &next_len))) break;
      // "Russia-China" is two places: a hyphen between two capitalised words of 3+ letters
      // splits them (news joins names so; "Al-Zaman" and "Jean-Pierre" have a short or one part).
      if (c == '-' && IsUpperAscii(text[start]) && IsUpperAscii(text[pos + 1]) &&
          pos - start >= 3 && CapitalisedRunLength(text, pos + 1, end) >= 3 &&
          !HasJoiner(text, start, pos)) {
        break;
      }
      if (c == '.') has_dot = true;
      if (c == '\'' || c == 0x2019) last_joiner = pos;
      pos += len + next_len;
    }
    // A possessive: "Russia's" → "Russia" "'s".
    if (last_joiner != std::string_view::npos && pos - last_joiner >= 2) {
      const std::size_t after = last_joiner + (text[last_joiner] == '\'' ? 1 : 3);
      if (pos - after == 1 && (text[after] == 's' || text[after] == 'S')) {
        out->push_back({start, last_joiner});
        out->push_back({last_joiner, pos});
        continue;
      }
    }
    // A full stop that belongs to the word: initials, "U.S.", "Inc.".
    if (pos < end && text[pos] == '.') {
      const std::string_view word = text.substr(start, pos - start);
      const bool initial = word.size() == 1 && word[0] >= 'A' && word[0] <= 'Z';
      if (initial || has_dot || IsKnownAbbreviation(word)) ++pos;
    }
    out->push_back({start, pos});
  }
}

std::vector<Span> Tokenize(std::string_view text) {
  std::vector<Span> out;
  Tokenize(text, 0, text.size(), &out);
  return out;
}

}  // namespace lectern::entities
