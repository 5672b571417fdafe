// Word counts with ICU's word break rules; Chinese and Japanese (written without spaces) count one
// per ideograph or kana. ICU would split them into words only with its CJK dictionary, 1.5 MB of
// the page even compressed; without it a run of ideographs is one segment, so the characters of
// those scripts are counted instead, which gives the same count with the dictionary or without.
#include <unicode/brkiter.h>
#include <unicode/uscript.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

#include <memory>
#include <stdexcept>
#include <string>

#include "lectern/segment.h"

namespace lectern {
namespace {

// One word iterator per thread: creating one parses rules and costs far more than using it.
icu::BreakIterator& WordIterator() {
  thread_local std::unique_ptr<icu::BreakIterator> iter = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> it(
        icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
    if (U_FAILURE(status) || !it) {
      throw std::runtime_error(std::string("ICU word break rules unavailable: ") +
                               u_errorName(status));
    }
    return it;
  }();
  return *iter;
}

// Ideographs and kana in text[begin, end): Han, Hiragana, Katakana, and marks used with them
// (script extensions: the prolonged sound mark ー is Common by script).
std::size_t CountIdeographsAndKana(std::string_view text, int32_t begin, int32_t end) {
  std::size_t n = 0;
  for (int32_t i = begin; i < end;) {
    UChar32 c;
    U8_NEXT(text.data(), i, end, c);
    if (c >= 0 && (uscript_hasScript(c, USCRIPT_HAN) || uscript_hasScript(c, USCRIPT_HIRAGANA) ||
                   uscript_hasScript(c, USCRIPT_KATAKANA))) {
      ++n;
    }
  }
  return n;
}

}  // namespace

std::size_t CountWords(std::string_view text) {
  if (text.empty()) return 0;
  UErrorCode status = U_ZERO_ERROR;
  UText ut = UTEXT_INITIALIZER;
  utext_openUTF8(&ut, text.data(), static_cast<int64_t>(text.size()), &status);
  icu::BreakIterator& iter = WordIterator();
  iter.setText(&ut, status);
  std::size_t words = 0;
  int32_t start = iter.first();
  // Segments whose rule status is past UBRK_WORD_NONE_LIMIT are words: letters, numbers, kana,
  // ideographs. Spaces and punctuation are not. (UText over UTF-8: boundaries are byte offsets.)
  for (int32_t end = iter.next(); end != icu::BreakIterator::DONE; start = end, end = iter.next()) {
    if (iter.getRuleStatus() < UBRK_WORD_NONE_LIMIT) continue;
    const std::size_t characters = CountIdeographsAndKana(text, start, end);
    words += characters > 0 ? characters : 1;
  }
  // Leave the iterator pointing at nothing: `ut` is about to go.
  iter.setText(icu::UnicodeString());
  utext_close(&ut);
  return words;
}

}  // namespace lectern
