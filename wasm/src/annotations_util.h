// Small value checks and conversions for the annotation model: times, IRIs, colours, name-based
// UUIDs and code point offsets. Internal to the core.
#ifndef LECTERN_ANNOTATIONS_UTIL_H_
#define LECTERN_ANNOTATIONS_UTIL_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace lectern {

/// A date-time normalised to UTC: "YYYY-MM-DDThh:mm:ss[.sss]Z" and its milliseconds since 1970.
struct UtcTime {
  std::string text;
  std::int64_t millis = 0;
};

/// Parses an ISO 8601 / RFC 3339 date-time with a zone ("Z", "+02:00", "+0200"); seconds and the
/// fraction are optional; fractions beyond milliseconds are cut. A date alone ("2024-09-13") is
/// taken as midnight UTC and reported through `date_only`. Returns nullopt for anything else.
std::optional<UtcTime> ParseUtcTime(std::string_view text, bool* date_only = nullptr);

/// `text` as a URI: characters a URI may not hold (non-ASCII, spaces, quotes, braces, a second
/// '#', a '%' not starting an escape) are percent-encoded as UTF-8, the RFC 3987 mapping from IRI
/// to URI. Returns nullopt when `text` has no scheme ("example.com/a" is not an IRI).
std::optional<std::string> ToUri(std::string_view text);

/// "#rgb" or "#rrggbb" (any case) as "#rrggbb" in lower case; nullopt for anything else, so that a
/// colour from a file can go into a style attribute safely.
std::optional<std::string> NormaliseColor(std::string_view text);

/// A name-based UUID (RFC 9562 version 8, from SHA-256 of `name`) as "urn:uuid:…": the same name
/// always gives the same id.
std::string NameBasedUrnUuid(std::string_view name);

/// The number of code points in valid UTF-8 `text`.
std::size_t CodePointCount(std::string_view text);

/// The byte offset of code point `cp` in valid UTF-8 `text` (text.size() when past the end).
std::size_t CodePointToByte(std::string_view text, std::size_t cp);

/// The number of UTF-16 code units in valid UTF-8 `text`.
std::size_t Utf16Count(std::string_view text);

/// The code point offset of UTF-16 offset `u16` in valid UTF-8 `text` (an offset inside a
/// surrogate pair counts as the pair's start; past the end gives the code point count).
std::size_t Utf16ToCodePoint(std::string_view text, std::size_t u16);

/// Whether `text` is 64 lowercase hexadecimal digits (a ContentHash).
bool IsContentHash(std::string_view text);

}  // namespace lectern

#endif  // LECTERN_ANNOTATIONS_UTIL_H_
