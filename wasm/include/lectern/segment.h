// Lectern segmentation (lectern_segment): paragraphs, sentences and words of a text.
//
// Depends only on the C++17 standard library and lectern/text.h; ICU's break iterators stay behind
// it. Text is UTF-8; spans are byte offsets into it. Each function costs time linear in the text.
#ifndef LECTERN_SEGMENT_H_
#define LECTERN_SEGMENT_H_

#include <cstddef>
#include <string_view>
#include <vector>

#include "lectern/text.h"

namespace lectern {

/// Splits text into sentences (ICU's rules with English abbreviation suppressions, plus the rules
/// news needs: "Sept. 10", "U.S.", initials, numbered lists, quotations, ellipses, decimals, URLs).
/// Spans exclude surrounding whitespace and never cross a blank line.
std::vector<Span> SplitSentences(std::string_view text);

/// Counts the words in text with ICU's word break rules: letters, numbers, kana and ideographs
/// count, spaces and punctuation do not. Each ideograph and kana counts as one, as Chinese and
/// Japanese newsrooms count length in characters (and as the diff and the shingles split them), so
/// the count needs no dictionary: the page ships without ICU's 2 MB CJK one. Cost: linear.
std::size_t CountWords(std::string_view text);

/// Splits text into paragraphs at blank lines; spans exclude surrounding whitespace.
std::vector<Span> SplitParagraphs(std::string_view text);

}  // namespace lectern

#endif  // LECTERN_SEGMENT_H_
