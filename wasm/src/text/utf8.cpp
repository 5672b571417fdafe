#include <stdexcept>

#include "lectern/text.h"

namespace lectern {

void AppendUtf8(char32_t cp, std::string* out) {
  if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

std::size_t FindInvalidUtf8(std::string_view text) {
  std::size_t i = 0, length = 0;
  while (i < text.size()) {
    if (DecodeUtf8(text, i, &length) == kInvalidUtf8) return i;
    i += length;
  }
  return std::string_view::npos;
}

std::vector<std::size_t> ConvertOffsets(std::string_view text,
                                        const std::vector<std::size_t>& byte_offsets,
                                        OffsetUnit unit) {
  if (unit == OffsetUnit::kUtf8) return byte_offsets;
  std::vector<std::size_t> out;
  out.reserve(byte_offsets.size());
  std::size_t pos = 0, units = 0;
  for (std::size_t target : byte_offsets) {
    if (target < pos || target > text.size()) {
      throw std::logic_error("ConvertOffsets: offsets must be ascending and within the text");
    }
    while (pos < target) {
      const auto c = static_cast<unsigned char>(text[pos]);
      // Count one unit at each lead byte; a 4-byte sequence is two UTF-16 units.
      if ((c & 0xC0) != 0x80) units += (unit == OffsetUnit::kUtf16 && c >= 0xF0) ? 2 : 1;
      ++pos;
    }
    out.push_back(units);
  }
  return out;
}

OffsetUnit ParseOffsetUnit(std::string_view name) {
  if (name == "codepoint") return OffsetUnit::kCodePoint;
  if (name == "utf16") return OffsetUnit::kUtf16;
  if (name == "utf8") return OffsetUnit::kUtf8;
  throw std::invalid_argument("unknown offset unit '" + std::string(name) +
                              "' (expected codepoint, utf16 or utf8)");
}

const char* OffsetUnitName(OffsetUnit unit) {
  switch (unit) {
    case OffsetUnit::kCodePoint:
      return "codepoint";
    case OffsetUnit::kUtf16:
      return "utf16";
    case OffsetUnit::kUtf8:
      return "utf8";
  }
  return "codepoint";
}

std::size_t CodePointCount(std::string_view text) {
  std::size_t n = 0;
  for (char c : text) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

std::size_t CodePointToByte(std::string_view text, std::size_t cp) {
  std::size_t seen = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      if (seen == cp) return i;
      ++seen;
    }
  }
  return text.size();
}

std::size_t Utf16Count(std::string_view text) {
  std::size_t n = 0;
  for (char c : text) {
    const auto b = static_cast<unsigned char>(c);
    if ((b & 0xC0) != 0x80) n += b >= 0xF0 ? 2 : 1;
  }
  return n;
}

std::size_t Utf16ToCodePoint(std::string_view text, std::size_t u16) {
  std::size_t units = 0, cps = 0;
  for (char c : text) {
    const auto b = static_cast<unsigned char>(c);
    if ((b & 0xC0) == 0x80) continue;
    const std::size_t width = b >= 0xF0 ? 2 : 1;
    if (units + width > u16) return cps;
    units += width;
    ++cps;
  }
  return cps;
}

}  // namespace lectern
