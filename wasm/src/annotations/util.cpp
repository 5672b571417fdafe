#include "util.h"

#include <array>
#include <cstdio>

#include "lectern/dates.h"
#include "lectern/hash.h"

namespace lectern {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsHex(char c) { return IsDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }
bool IsAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// Reads exactly `n` digits at `pos`, advancing it.
bool Digits(std::string_view s, std::size_t& pos, int n, int& out) {
  if (pos + n > s.size()) return false;
  out = 0;
  for (int i = 0; i < n; ++i) {
    if (!IsDigit(s[pos + i])) return false;
    out = out * 10 + (s[pos + i] - '0');
  }
  pos += n;
  return true;
}

// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil).
std::int64_t DaysFromCivil(std::int64_t y, int m, int d) {
  y -= m <= 2;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const std::int64_t yoe = y - era * 400;
  const std::int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

void CivilFromDays(std::int64_t z, std::int64_t& y, int& m, int& d) {
  z += 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const std::int64_t doe = z - era * 146097;
  const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const std::int64_t mp = (5 * doy + 2) / 153;
  d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  y = yoe + era * 400 + (m <= 2);
}

// Characters RFC 3986 allows anywhere after the scheme (unreserved, sub-delims, ":@/?").
bool UriChar(char c) {
  if (IsAlpha(c) || IsDigit(c)) return true;
  switch (c) {
    case '-':
    case '.':
    case '_':
    case '~':
    case '!':
    case '$':
    case '&':
    case '\'':
    case '(':
    case ')':
    case '*':
    case '+':
    case ',':
    case ';':
    case '=':
    case ':':
    case '@':
    case '/':
    case '?':
      return true;
    default:
      return false;
  }
}

}  // namespace

std::optional<UtcTime> ParseUtcTime(std::string_view s, bool* date_only) {
  if (date_only) *date_only = false;
  std::size_t pos = 0;
  int year, month, day, hour = 0, minute = 0, second = 0, millis = 0;
  if (!Digits(s, pos, 4, year) || pos >= s.size() || s[pos++] != '-' || !Digits(s, pos, 2, month) ||
      pos >= s.size() || s[pos++] != '-' || !Digits(s, pos, 2, day)) {
    return std::nullopt;
  }
  if (month < 1 || month > 12 || day < 1 || day > DaysInMonth(year, month)) return std::nullopt;
  int offset_minutes = 0;
  if (pos == s.size()) {
    if (date_only) *date_only = true;
  } else {
    if (s[pos] != 'T' && s[pos] != 't') return std::nullopt;
    ++pos;
    if (!Digits(s, pos, 2, hour) || pos >= s.size() || s[pos++] != ':' ||
        !Digits(s, pos, 2, minute)) {
      return std::nullopt;
    }
    if (pos < s.size() && s[pos] == ':') {
      ++pos;
      if (!Digits(s, pos, 2, second)) return std::nullopt;
      if (pos < s.size() && s[pos] == '.') {
        ++pos;
        int digits = 0;
        for (; pos < s.size() && IsDigit(s[pos]); ++pos, ++digits) {
          if (digits < 3) millis = millis * 10 + (s[pos] - '0');
        }
        if (digits == 0) return std::nullopt;
        for (int i = digits; i < 3; ++i) millis *= 10;
      }
    }
    // 23:59:60 (a leap second) is allowed by RFC 3339; it is kept as :59.999 so it sorts right.
    if (hour > 23 || minute > 59 || second > 60) return std::nullopt;
    if (second == 60) second = 59, millis = 999;
    if (pos >= s.size()) return std::nullopt;  // a zone is required: local time is ambiguous
    if (s[pos] == 'Z' || s[pos] == 'z') {
      ++pos;
    } else if (s[pos] == '+' || s[pos] == '-') {
      const int sign = s[pos++] == '-' ? -1 : 1;
      int oh, om;
      if (!Digits(s, pos, 2, oh)) return std::nullopt;
      if (pos < s.size() && s[pos] == ':') ++pos;
      if (!Digits(s, pos, 2, om) || oh > 23 || om > 59) return std::nullopt;
      offset_minutes = sign * (oh * 60 + om);
    } else {
      return std::nullopt;
    }
    if (pos != s.size()) return std::nullopt;
  }
  const std::int64_t local =
      ((DaysFromCivil(year, month, day) * 24 + hour) * 60 + minute) * 60 + second;
  const std::int64_t utc = local - std::int64_t{offset_minutes} * 60;
  std::int64_t days = utc >= 0 ? utc / 86400 : -((-utc + 86399) / 86400);
  std::int64_t rest = utc - days * 86400;
  std::int64_t y;
  int m, d;
  CivilFromDays(days, y, m, d);
  if (y < 0 || y > 9999) return std::nullopt;
  char buf[64];
  const int h = static_cast<int>(rest / 3600), mi = static_cast<int>(rest / 60 % 60),
            se = static_cast<int>(rest % 60);
  if (millis > 0) {
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", static_cast<int>(y), m, d,
                  h, mi, se, millis);
  } else {
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02dZ", static_cast<int>(y), m, d, h,
                  mi, se);
  }
  return UtcTime{buf, utc * 1000 + millis};
}

std::optional<std::string> ToUri(std::string_view text) {
  // scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) ":", and something after it.
  std::size_t colon = 0;
  if (text.empty() || !IsAlpha(text[0])) return std::nullopt;
  while (colon < text.size() && (IsAlpha(text[colon]) || IsDigit(text[colon]) ||
                                 text[colon] == '+' || text[colon] == '-' || text[colon] == '.')) {
    ++colon;
  }
  if (colon >= text.size() || text[colon] != ':' || colon + 1 == text.size()) return std::nullopt;
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out(text.substr(0, colon + 1));
  bool fragment = false;
  for (std::size_t i = colon + 1; i < text.size(); ++i) {
    const char c = text[i];
    const bool escape = c == '%' && i + 2 < text.size() && IsHex(text[i + 1]) && IsHex(text[i + 2]);
    if (UriChar(c) || escape || (c == '#' && !fragment)) {
      if (c == '#') fragment = true;
      out.push_back(c);
    } else {
      const auto b = static_cast<unsigned char>(c);
      out.push_back('%');
      out.push_back(kHex[b >> 4]);
      out.push_back(kHex[b & 15]);
    }
  }
  return out;
}

std::optional<std::string> NormaliseColor(std::string_view text) {
  if ((text.size() != 4 && text.size() != 7) || text[0] != '#') return std::nullopt;
  std::string out = "#";
  for (std::size_t i = 1; i < text.size(); ++i) {
    if (!IsHex(text[i])) return std::nullopt;
    const char c = static_cast<char>(text[i] >= 'A' && text[i] <= 'F' ? text[i] + 32 : text[i]);
    out.push_back(c);
    if (text.size() == 4) out.push_back(c);  // #abc is #aabbcc
  }
  return out;
}

std::string NameBasedUrnUuid(std::string_view name) {
  return UrnUuidFromDigest(Sha256Digest(name));
}

std::string UrnUuidFromDigest(std::array<std::uint8_t, 32> h) {
  h[6] = static_cast<std::uint8_t>((h[6] & 0x0f) | 0x80);  // version 8
  h[8] = static_cast<std::uint8_t>((h[8] & 0x3f) | 0x80);  // RFC 9562 variant
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out = "urn:uuid:";
  for (int i = 0; i < 16; ++i) {
    if (i == 4 || i == 6 || i == 8 || i == 10) out.push_back('-');
    out.push_back(kHex[h[i] >> 4]);
    out.push_back(kHex[h[i] & 15]);
  }
  return out;
}

bool IsContentHash(std::string_view text) {
  if (text.size() != 64) return false;
  for (char c : text) {
    if (!IsDigit(c) && !(c >= 'a' && c <= 'f')) return false;
  }
  return true;
}

}  // namespace lectern
