// The word tokens the tagger reads: byte spans of words, abbreviations and marks.
#ifndef LECTERN_ENTITIES_TOKENIZE_H_
#define LECTERN_ENTITIES_TOKENIZE_H_

#include <string_view>
#include <vector>

#include "lectern/text.h"

namespace lectern::entities {

/// Tokens of `text` from `begin` to `end` (bytes), appended to `out` as spans of the whole text.
/// A token is a run of letters and digits, held together by an inner - ' ’ . or & between word
/// characters ("U.S", "al-Ani", "AT&T"); a following "." joins initials, dotted abbreviations and
/// known short forms ("A.", "U.S.", "Inc.", "St."); a trailing possessive 's / ’s is its own
/// token; every other non-space character is a token of its own. Linear in the range.
void Tokenize(std::string_view text, std::size_t begin, std::size_t end, std::vector<Span>* out);

/// Tokens of the whole text.
std::vector<Span> Tokenize(std::string_view text);

}  // namespace lectern::entities

#endif  // LECTERN_ENTITIES_TOKENIZE_H_
