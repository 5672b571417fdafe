// Sentence similarity for the diff: IDF-weighted Dice coefficient of lower-cased word multisets.
// Internal to the core.
#ifndef LECTERN_DIFF_SIMILARITY_H_
#define LECTERN_DIFF_SIMILARITY_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "lectern/text.h"

namespace lectern::diff {

/// One distinct word of a sentence and how often it occurs there.
struct BagEntry {
  std::uint32_t word = 0;
  std::uint32_t count = 0;
};
/// A sentence's words, sorted by word id.
using Bag = std::vector<BagEntry>;

/// The word multisets of both texts' sentences, with word weights shared by the two texts.
class SentenceBags {
 public:
  SentenceBags(std::string_view a, const std::vector<Span>& a_sentences, std::string_view b,
               const std::vector<Span>& b_sentences);

  std::size_t a_size() const { return a_.size(); }
  std::size_t b_size() const { return b_.size(); }
  const Bag& a(std::size_t i) const { return a_[i]; }
  const Bag& b(std::size_t j) const { return b_[j]; }
  std::size_t vocabulary() const { return idf_.size(); }
  /// Sentences of A (of B) that hold `word`.
  std::uint32_t a_df(std::uint32_t word) const { return a_df_[word]; }
  std::uint32_t b_df(std::uint32_t word) const { return b_df_[word]; }
  double weight(std::uint32_t word) const { return idf_[word]; }
  /// A hash of the sentence's exact text, to find identical sentences quickly.
  std::uint64_t a_hash(std::size_t i) const { return a_hash_[i]; }
  std::uint64_t b_hash(std::size_t j) const { return b_hash_[j]; }

  /// Words (tokens, not spaces or punctuation) in A's sentences [lo, hi), and in B's.
  std::size_t AWords(std::size_t lo, std::size_t hi) const;
  std::size_t BWords(std::size_t lo, std::size_t hi) const;

  /// Whether the lower-cased word `folded` occurs just so, in lower case, in a sentence of A or
  /// of B. A hash lookup.
  bool SeenInLowercase(std::string_view folded) const;

  /// Similarity of A's sentences [a_lo, a_hi) taken together with B's [b_lo, b_hi), in [0, 1].
  /// Identical single sentences are 1 even when they hold no words (e.g. "***").
  double Similarity(std::size_t a_lo, std::size_t a_hi, std::size_t b_lo, std::size_t b_hi) const;

  /// How much of A's sentence i (by weight) is found in B's sentences [b_lo, b_hi), in [0, 1]:
  /// whether it really went into a B sentence that merges it with others.
  double ACovered(std::size_t i, std::size_t b_lo, std::size_t b_hi) const;
  /// How much of B's sentence j is found in A's sentences [a_lo, a_hi).
  double BCovered(std::size_t j, std::size_t a_lo, std::size_t a_hi) const;

 private:
  std::vector<Bag> a_, b_;
  std::vector<double> a_weight_, b_weight_;  // sum of count * weight per sentence
  std::vector<std::uint64_t> a_hash_, b_hash_;
  std::vector<std::string_view> a_text_, b_text_;
  std::vector<std::uint32_t> a_df_, b_df_;
  std::vector<double> idf_;
  std::vector<std::uint32_t> a_words_, b_words_;        // word tokens per sentence
  std::unordered_map<std::string, std::uint32_t> ids_;  // folded word -> word id
  std::vector<char> lowercase_;  // per word id: seen in the texts exactly as folded
};

}  // namespace lectern::diff

#endif  // LECTERN_DIFF_SIMILARITY_H_
