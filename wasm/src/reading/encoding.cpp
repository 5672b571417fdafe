#include "encoding.h"

#include <cstdio>

#include "lectern/text.h"

namespace lectern {
namespace {

// Windows-1252's 0x80…0x9F; the five bytes it leaves undefined map to the C1 controls, as the
// WHATWG Encoding Standard does. The rest of the range is ISO 8859-1, byte = code point.
constexpr char16_t kWindows1252High[32] = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178};

std::string FromUtf16(std::string_view bytes, bool little_endian) {
  std::string out;
  out.reserve(bytes.size());
  const auto unit = [&](std::size_t i) -> char32_t {
    const auto b0 = static_cast<unsigned char>(bytes[i]),
               b1 = static_cast<unsigned char>(bytes[i + 1]);
    return little_endian ? (b1 << 8 | b0) : (b0 << 8 | b1);
  };
  for (std::size_t i = 0; i + 1 < bytes.size(); i += 2) {
    char32_t cp = unit(i);
    if (cp >= 0xD800 && cp <= 0xDBFF && i + 3 < bytes.size()) {
      const char32_t low = unit(i + 2);
      if (low >= 0xDC00 && low <= 0xDFFF) {
        cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
        i += 2;
      }
    }
    if (cp >= 0xD800 && cp <= 0xDFFF) cp = 0xFFFD;  // half a character
    AppendUtf8(cp, &out);
  }
  if (bytes.size() % 2 != 0) AppendUtf8(0xFFFD, &out);  // a cut-off last unit
  return out;
}

std::string FromWindows1252(std::string_view bytes) {
  std::string out;
  out.reserve(bytes.size() + bytes.size() / 8);
  for (const char c : bytes) {
    const auto b = static_cast<unsigned char>(c);
    if (b < 0x80) {
      out += c;
    } else {
      AppendUtf8(b < 0xA0 ? kWindows1252High[b - 0x80] : b, &out);
    }
  }
  return out;
}

// Mostly ASCII text in UTF-16 without a mark: in the first 4 KB, NUL at nine in ten odd (LE) or
// even (BE) bytes, and seldom at the others (U+0100, U+2600 and a few like them).
enum class Utf16Guess { kNo, kLittle, kBig };
Utf16Guess GuessUtf16(std::string_view bytes) {
  const std::string_view head = bytes.substr(0, 4096);
  if (head.size() < 4 || bytes.size() % 2 != 0) return Utf16Guess::kNo;
  std::size_t nul_even = 0, nul_odd = 0;
  for (std::size_t i = 0; i < head.size(); ++i) {
    if (head[i] == '\0') ++(i % 2 == 0 ? nul_even : nul_odd);
  }
  const std::size_t pairs = head.size() / 2;
  if (nul_odd * 10 >= pairs * 9 && nul_even * 8 <= nul_odd) return Utf16Guess::kLittle;
  if (nul_even * 10 >= pairs * 9 && nul_odd * 8 <= nul_even) return Utf16Guess::kBig;
  return Utf16Guess::kNo;
}

// Western text is mostly ASCII, with an accented letter or a curly quote here and there; text in
// a multi-byte encoding (Shift_JIS, GBK, EUC-KR) has a high byte in most characters, and
// Windows-1252 would turn it into nonsense.
bool LooksWestern(std::string_view bytes) {
  std::size_t high = 0;
  for (const char c : bytes) high += static_cast<unsigned char>(c) >= 0x80;
  return high * 4 <= bytes.size();
}

}  // namespace

DecodedText DecodeText(std::string_view bytes) {
  DecodedText out;
  if (bytes.substr(0, 2) == "\xFF\xFE") {
    out.encoding = "UTF-16LE";
    out.text = FromUtf16(bytes.substr(2), true);
    return out;
  }
  if (bytes.substr(0, 2) == "\xFE\xFF") {
    out.encoding = "UTF-16BE";
    out.text = FromUtf16(bytes.substr(2), false);
    return out;
  }
  if (const Utf16Guess guess = GuessUtf16(bytes); guess != Utf16Guess::kNo) {
    const bool little = guess == Utf16Guess::kLittle;
    out.encoding = little ? "UTF-16LE" : "UTF-16BE";
    out.text = FromUtf16(bytes, little);
    return out;
  }
  const std::size_t bad = FindInvalidUtf8(bytes);
  if (bad == std::string_view::npos) return out;
  if (LooksWestern(bytes)) {
    out.encoding = "windows-1252";
    out.text = FromWindows1252(bytes);
    return out;
  }
  char buf[160];
  std::snprintf(buf, sizeof buf,
                "is not valid UTF-8 text (byte 0x%02X at offset %zu), nor Western text in "
                "Windows-1252: save it as UTF-8",
                static_cast<unsigned char>(bytes[bad]), bad);
  out.problem = buf;
  return out;
}

}  // namespace lectern
