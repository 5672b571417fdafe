// UTF-8 validation and offset conversion. Internal to the core.
#ifndef LECTERN_UTF8_H_
#define LECTERN_UTF8_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "lectern/lectern.h"

namespace lectern {

/// Appends code point `cp` to `out` as UTF-8; surrogates and values above U+10FFFF become U+FFFD.
void AppendUtf8(char32_t cp, std::string* out);

/// Returns the byte offset of the first invalid UTF-8 sequence in `text`, or npos if it is valid.
/// Overlong forms, surrogates and code points above U+10FFFF are invalid.
std::size_t FindInvalidUtf8(std::string_view text);

}  // namespace lectern

#endif  // LECTERN_UTF8_H_
