// Small value checks of the annotation model that only lectern_annotations needs (the others are
// in lectern/annotations.h). Internal to lectern_annotations.
#ifndef LECTERN_ANNOTATIONS_UTIL_H_
#define LECTERN_ANNOTATIONS_UTIL_H_

#include <string_view>

#include "lectern/annotations.h"

namespace lectern {

/// Whether `text` is 64 lowercase hexadecimal digits (a ContentHash).
bool IsContentHash(std::string_view text);

}  // namespace lectern

#endif  // LECTERN_ANNOTATIONS_UTIL_H_
