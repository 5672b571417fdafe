// DatelineLength (lectern/reading.h): the wire dateline at the start of a text.
#include <cstddef>
#include <string_view>

#include "clean_meta.h"
#include "lectern/reading.h"

namespace lectern {

std::size_t DatelineLength(std::string_view text) {
  const std::string_view line = text.substr(0, text.find('\n'));
  clean_internal::Dateline dateline;
  return clean_internal::ParseDateline(line, &dateline) ? dateline.length : 0;
}

}  // namespace lectern
