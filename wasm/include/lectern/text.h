// Lectern text (lectern_text): UTF-8 decoding and validation, and offsets in the units the outside
// world counts (code points for the W3C Web Annotation model, UTF-16 code units for JavaScript).
//
// The bottom of the core: every other library builds on it. Depends only on the C++17 standard
// library. Functions here take valid UTF-8 unless they say otherwise and cost one pass over the
// text they are given.
#ifndef LECTERN_TEXT_H_
#define LECTERN_TEXT_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace lectern {

/// A half-open range [start, end) of byte offsets into a UTF-8 string.
struct Span {
  std::size_t start = 0;
  std::size_t end = 0;
  bool operator==(const Span& o) const { return start == o.start && end == o.end; }
};

/// The unit in which offsets are written out.
enum class OffsetUnit {
  kCodePoint,  ///< Unicode code points: what the W3C Web Annotation model requires (the default).
  kUtf16,      ///< UTF-16 code units: what JavaScript string indices count.
  kUtf8,       ///< bytes of UTF-8.
};

/// Converts ascending byte offsets into UTF-8 `text` to `unit` in one pass. The offsets must be
/// sorted and lie on code point boundaries; the result has the same length and order.
std::vector<std::size_t> ConvertOffsets(std::string_view text,
                                        const std::vector<std::size_t>& byte_offsets,
                                        OffsetUnit unit);

/// Parses "codepoint", "utf16" or "utf8"; throws std::invalid_argument on anything else.
OffsetUnit ParseOffsetUnit(std::string_view name);
/// The name ParseOffsetUnit accepts for `unit`.
const char* OffsetUnitName(OffsetUnit unit);

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

/// The number of code points in valid UTF-8 `text`.
std::size_t CodePointCount(std::string_view text);

/// The byte offset of code point `cp` in valid UTF-8 `text` (text.size() when past the end).
std::size_t CodePointToByte(std::string_view text, std::size_t cp);

/// The number of UTF-16 code units in valid UTF-8 `text`.
std::size_t Utf16Count(std::string_view text);

/// The code point offset of UTF-16 offset `u16` in valid UTF-8 `text` (an offset inside a
/// surrogate pair counts as the pair's start; past the end gives the code point count).
std::size_t Utf16ToCodePoint(std::string_view text, std::size_t u16);

}  // namespace lectern

#endif  // LECTERN_TEXT_H_
