// What every fuzz target needs: a check that stops the run (so libFuzzer reports the input), and
// the input cut into the several strings a target takes.
#ifndef LECTERN_FUZZ_INPUT_H_
#define LECTERN_FUZZ_INPUT_H_

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>
#include <vector>

namespace lectern_fuzz {

/// Aborts when an invariant does not hold: libFuzzer reports a crash and saves the input.
inline void Check(bool ok) {
  if (!ok) std::abort();
}

/// The input as text.
inline std::string_view AsText(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

/// Cuts `input` at 0xFF bytes (never part of UTF-8, so a cut never falls inside a character the
/// parts are meant to hold) into at most `max_parts` parts; the last part keeps any further 0xFF.
/// Each part is cut to `max_part_bytes`, which keeps the slow targets at thousands of runs a second
/// whatever -max_len is.
inline std::vector<std::string_view> SplitInput(std::string_view input, std::size_t max_parts,
                                                std::size_t max_part_bytes) {
  std::vector<std::string_view> parts;
  while (parts.size() + 1 < max_parts) {
    const std::size_t cut = input.find('\xFF');
    if (cut == std::string_view::npos) break;
    parts.push_back(input.substr(0, cut));
    input.remove_prefix(cut + 1);
  }
  parts.push_back(input);
  for (std::string_view& part : parts) part = part.substr(0, max_part_bytes);
  return parts;
}

/// Spans (anything with start and end) that are ascending, non-overlapping and within `size`.
template <typename Spans, typename GetSpan>
bool AscendingWithin(const Spans& spans, std::size_t size, GetSpan get) {
  std::size_t last = 0;
  for (const auto& item : spans) {
    const auto span = get(item);
    if (span.start < last || span.start > span.end || span.end > size) return false;
    last = span.end;
  }
  return true;
}

}  // namespace lectern_fuzz

#endif  // LECTERN_FUZZ_INPUT_H_
