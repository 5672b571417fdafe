// Feeds arbitrary bytes to ReadFile under every format (chosen by the first byte) and checks the
// invariants the page relies on: spans inside the body, sorted, and JSON that serialises.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "lectern/api.h"
#include "lectern/reading.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  static constexpr std::string_view kNames[] = {"a.txt", "a.html", "a.json", "a.jsonl"};
  const std::string_view name = kNames[data[0] % 4];
  lectern::ReadOptions options;
  options.plain = (data[0] & 4) != 0;
  const std::string_view bytes(reinterpret_cast<const char*>(data + 1), size - 1);
  const lectern::ReadResult result = lectern::ReadFile(bytes, name, options);
  for (const lectern::Article& a : result.articles) {
    std::size_t last = 0;
    for (const lectern::Span& s : a.sentences) {
      if (s.start < last || s.start > s.end || s.end > a.body.size()) std::abort();
      last = s.end;
    }
    for (const lectern::Span& p : a.paragraphs) {
      if (p.start > p.end || p.end > a.body.size()) std::abort();
    }
    lectern::ArticleToJson(a, lectern::OffsetUnit::kUtf16);
  }
  lectern::ReadResultToJson(result, lectern::OffsetUnit::kCodePoint);
  return 0;
}
