// Feeds arbitrary bytes to ReadFile under every format (chosen by the first byte: text, HTML,
// JSON, JSONL; bit 2 reads them plain) and checks the invariants the page relies on: spans inside
// the body, sorted, JSON that serialises, and a dateline no longer than the text.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_input.h"
#include "lectern/api.h"
#include "lectern/reading.h"

using lectern_fuzz::Check;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  static constexpr std::string_view kNames[] = {"a.txt", "a.html", "a.json", "a.jsonl"};
  const std::string_view name = kNames[data[0] % 4];
  lectern::ReadOptions options;
  options.plain = (data[0] & 4) != 0;
  const std::string_view bytes = lectern_fuzz::AsText(data + 1, size - 1);
  const lectern::ReadResult result = lectern::ReadFile(bytes, name, options);
  const auto span = [](lectern::Span s) { return s; };
  for (const lectern::Article& a : result.articles) {
    Check(lectern_fuzz::AscendingWithin(a.sentences, a.body.size(), span));
    Check(lectern_fuzz::AscendingWithin(a.paragraphs, a.body.size(), span));
    lectern::ArticleToJson(a, lectern::OffsetUnit::kUtf16);
  }
  Check(lectern::DatelineLength(bytes) <= bytes.size());
  lectern::ReadResultToJson(result, lectern::OffsetUnit::kCodePoint);
  return 0;
}
