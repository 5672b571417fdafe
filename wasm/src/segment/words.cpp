// Word counts with ICU's word break rules, so Chinese and Japanese text (no spaces) is counted by
// ICU's dictionary segmentation rather than as one "word" per run of characters.
#include <unicode/brkiter.h>
#include <unicode/utext.h>

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

}  // namespace

std::size_t CountWords(std::string_view text) {
  if (text.empty()) return 0;
  UErrorCode status = U_ZERO_ERROR;
  UText ut = UTEXT_INITIALIZER;
  utext_openUTF8(&ut, text.data(), static_cast<int64_t>(text.size()), &status);
  icu::BreakIterator& iter = WordIterator();
  iter.setText(&ut, status);
  std::size_t words = 0;
  iter.first();
  // Segments whose rule status is past UBRK_WORD_NONE_LIMIT are words: letters, numbers, kana,
  // ideographs. Spaces and punctuation are not.
  while (iter.next() != icu::BreakIterator::DONE) {
    if (iter.getRuleStatus() >= UBRK_WORD_NONE_LIMIT) ++words;
  }
  // Leave the iterator pointing at nothing: `ut` is about to go.
  iter.setText(icu::UnicodeString());
  utext_close(&ut);
  return words;
}

}  // namespace lectern
