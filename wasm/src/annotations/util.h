// Small value checks of the annotation model that only lectern_annotations needs (the others are
// in lectern/annotations.h). Internal to lectern_annotations.
#ifndef LECTERN_ANNOTATIONS_UTIL_H_
#define LECTERN_ANNOTATIONS_UTIL_H_

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

#include "lectern/annotations.h"

namespace lectern {

/// Whether `text` is 64 lowercase hexadecimal digits (a ContentHash).
bool IsContentHash(std::string_view text);

/// "urn:uuid:…" from a SHA-256 digest (RFC 9562 version 8): what NameBasedUrnUuid gives for the
/// name whose digest it is.
std::string UrnUuidFromDigest(std::array<std::uint8_t, 32> digest);

}  // namespace lectern

#endif  // LECTERN_ANNOTATIONS_UTIL_H_
