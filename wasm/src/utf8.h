// UTF-8 decoding, validation and offset conversion. Internal to the core.
#ifndef LECTERN_UTF8_H_
#define LECTERN_UTF8_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "lectern/lectern.h"

namespace lectern {

/// What DecodeUtf8 returns for a byte that does not begin a well-formed sequence.
constexpr std::int32_t kInvalidUtf8 = -1;

/// Decodes the UTF-8 sequence at text[pos] (pos < text.size()), sets *length to its byte count and
/// returns its code point. A byte that does not begin a well-formed sequence (a continuation byte,
/// C0, C1 or F5-FF, a truncated sequence, an overlong form, a surrogate or a value above U+10FFFF)
/// returns kInvalidUtf8 with *length 1, so every following byte gets its own chance: callers may
/// treat an invalid byte as a character of its own and still cover the text exactly. The one
/// decoder of the core's hand-written scanners (shingles for story clusters, diff tokens).
inline std::int32_t DecodeUtf8(std::string_view text, std::size_t pos, std::size_t* length) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const unsigned char c = s[pos];
  *length = 1;
  if (c < 0x80) return c;
  std::size_t len;
  std::int32_t cp;
  unsigned char lo = 0x80, hi = 0xBF;  // allowed range of the second byte
  if (c >= 0xC2 && c <= 0xDF) {
    len = 2;
    cp = c & 0x1F;
  } else if (c >= 0xE0 && c <= 0xEF) {
    len = 3;
    cp = c & 0x0F;
    if (c == 0xE0) lo = 0xA0;  // overlong
    if (c == 0xED) hi = 0x9F;  // surrogates
  } else if (c >= 0xF0 && c <= 0xF4) {
    len = 4;
    cp = c & 0x07;
    if (c == 0xF0) lo = 0x90;  // overlong
    if (c == 0xF4) hi = 0x8F;  // above U+10FFFF
  } else {
    return kInvalidUtf8;
  }
  if (text.size() - pos < len || s[pos + 1] < lo || s[pos + 1] > hi) return kInvalidUtf8;
  for (std::size_t k = 1; k < len; ++k) {
    if ((s[pos + k] & 0xC0) != 0x80) return kInvalidUtf8;
    cp = (cp << 6) | (s[pos + k] & 0x3F);
  }
  *length = len;
  return cp;
}

/// Appends code point `cp` to `out` as UTF-8; surrogates and values above U+10FFFF become U+FFFD.
void AppendUtf8(char32_t cp, std::string* out);

/// Returns the byte offset of the first invalid UTF-8 sequence in `text`, or npos if it is valid.
/// Overlong forms, surrogates and code points above U+10FFFF are invalid.
std::size_t FindInvalidUtf8(std::string_view text);

}  // namespace lectern

#endif  // LECTERN_UTF8_H_
