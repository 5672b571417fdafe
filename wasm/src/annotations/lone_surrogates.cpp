#include "lone_surrogates.h"

#include <bitset>
#include <vector>

#include "lectern/text.h"
#include "reader.h"

namespace lectern {
namespace {

constexpr char32_t kFirstMarker = 0xFDD0;  // U+FDD0…U+FDEF: noncharacters, never in real text
constexpr std::size_t kMarkers = 32;

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// The code unit of the "\uXXXX" escape at `pos` (which points at the backslash), or -1.
long EscapeAt(std::string_view text, std::size_t pos) {
  if (pos + 6 > text.size() || text[pos] != '\\' || text[pos + 1] != 'u') return -1;
  long value = 0;
  for (std::size_t i = pos + 2; i < pos + 6; ++i) {
    const int h = HexValue(text[i]);
    if (h < 0) return -1;
    value = value * 16 + h;
  }
  return value;
}

bool IsHigh(long unit) { return unit >= 0xD800 && unit <= 0xDBFF; }
bool IsLow(long unit) { return unit >= 0xDC00 && unit <= 0xDFFF; }

}  // namespace

std::optional<MarkedSurrogates> MarkLoneSurrogates(std::string_view text) {
  std::vector<std::size_t> lone;  // where each lone escape starts
  std::bitset<kMarkers> used;     // markers the text holds already, raw or escaped
  bool in_string = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    // U+FDD0…U+FDEF in UTF-8: EF B7 90…AF.
    if (c == '\xEF' && i + 2 < text.size() && text[i + 1] == '\xB7') {
      const unsigned char last = static_cast<unsigned char>(text[i + 2]);
      if (last >= 0x90 && last <= 0xAF) used.set(last - 0x90);
    }
    if (!in_string) {
      in_string = c == '"';
      continue;
    }
    if (c == '"') {
      in_string = false;
    } else if (c == '\\') {
      const long unit = EscapeAt(text, i);
      if (unit >= static_cast<long>(kFirstMarker) &&
          unit < static_cast<long>(kFirstMarker + kMarkers)) {
        used.set(unit - kFirstMarker);
      }
      if (IsHigh(unit) && IsLow(EscapeAt(text, i + 6))) {
        i += 11;  // a whole pair
      } else if (IsHigh(unit) || IsLow(unit)) {
        lone.push_back(i);
        i += 5;
      } else {
        ++i;  // the escaped character, whatever it is
      }
    }
  }
  if (lone.empty() || used.all()) return std::nullopt;
  std::size_t free = 0;
  while (used.test(free)) ++free;
  MarkedSurrogates out{std::string(text), static_cast<char32_t>(kFirstMarker + free)};
  static constexpr char kHex[] = "0123456789abcdef";
  for (const std::size_t at : lone) {
    for (int k = 0; k < 4; ++k) out.text[at + 2 + k] = kHex[(out.marker >> (12 - 4 * k)) & 15];
  }
  return out;
}

std::optional<std::string> FindMarker(const nlohmann::json& value, const std::string& path,
                                      char32_t marker) {
  std::string encoded;
  AppendUtf8(marker, &encoded);
  const auto holds = [&](const std::string& s) { return s.find(encoded) != std::string::npos; };
  if (value.is_string()) {
    if (holds(value.get_ref<const std::string&>())) return path;
  } else if (value.is_object()) {
    for (const auto& [key, child] : value.items()) {
      if (holds(key)) return path;
      if (std::optional<std::string> found = FindMarker(child, JoinPath(path, key), marker)) {
        return found;
      }
    }
  } else if (value.is_array()) {
    for (std::size_t i = 0; i < value.size(); ++i) {
      if (std::optional<std::string> found = FindMarker(value[i], IndexPath(path, i), marker)) {
        return found;
      }
    }
  }
  return std::nullopt;
}

}  // namespace lectern
