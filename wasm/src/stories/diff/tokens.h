// Tokens of the diff: words, whitespace runs and single marks. Internal to the core.
#ifndef LECTERN_DIFF_TOKENS_H_
#define LECTERN_DIFF_TOKENS_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace lectern::diff {

enum class TokenKind : std::uint8_t {
  kWord,   ///< letters and digits, with "1,000.5", "U.S." and "don't" kept whole
  kSpace,  ///< a run of whitespace
  kMark,   ///< one punctuation mark or symbol, or one byte that is not valid UTF-8
};

/// A token: a byte range of the tokenised text.
struct Token {
  std::uint32_t start = 0;
  std::uint32_t end = 0;
  TokenKind kind = TokenKind::kMark;
};

/// Splits `text` into tokens that cover it exactly, in order. Never fails: a byte that does not
/// start a valid UTF-8 sequence is a kMark token of its own. Han, kana and scripts written without
/// spaces (Thai, Lao, Khmer, Myanmar) give one word token per character, so a change there does
/// not replace a whole run of text.
std::vector<Token> Tokenize(std::string_view text);

/// The lower-cased (case-folded) form of a word, for comparing sentences.
std::string FoldWord(std::string_view word);

/// Decodes the code point at `pos`, setting `length` to its byte count; returns -1 (length 1) for
/// a byte that does not start a valid sequence.
std::int32_t DecodeAt(std::string_view text, std::size_t pos, std::size_t& length);

}  // namespace lectern::diff

#endif  // LECTERN_DIFF_TOKENS_H_
