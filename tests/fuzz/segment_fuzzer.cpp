// Splits arbitrary bytes into paragraphs, sentences and words, and checks what the reader and the
// diff rely on: spans ascending, non-empty and inside the text, each sentence inside one paragraph
// (sentences never cross a blank line), and no word count above the text's size.
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "fuzz_input.h"
#include "lectern/segment.h"

using lectern_fuzz::Check;

namespace {

// Whitespace that SplitParagraphs and SplitSentences leave out of every span's ends.
bool IsAsciiSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

void CheckTrimmed(std::string_view text, const std::vector<lectern::Span>& spans) {
  Check(lectern_fuzz::AscendingWithin(spans, text.size(), [](lectern::Span s) { return s; }));
  for (const lectern::Span& s : spans) {
    Check(s.start < s.end);
    Check(!IsAsciiSpace(text[s.start]) && !IsAsciiSpace(text[s.end - 1]));
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text = lectern_fuzz::AsText(data, size);
  const std::vector<lectern::Span> paragraphs = lectern::SplitParagraphs(text);
  const std::vector<lectern::Span> sentences = lectern::SplitSentences(text);
  CheckTrimmed(text, paragraphs);
  CheckTrimmed(text, sentences);
  std::size_t p = 0;
  for (const lectern::Span& s : sentences) {
    while (p < paragraphs.size() && paragraphs[p].end < s.end) ++p;
    Check(p < paragraphs.size() && paragraphs[p].start <= s.start);
  }
  Check(lectern::CountWords(text) <= size);
  return 0;
}
