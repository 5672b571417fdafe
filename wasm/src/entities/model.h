// The tagger's model: a compact little-endian binary, read in place.
//
//   "LNER" u32 version(2) u32 desc_len  desc (recipe, data, date: one line of text)
//   u32 tags u32 log2_rows  f32 scale[tags]  f32 trans[(tags+1) * tags] (row 0: sentence start)
//   i8 weights[rows * tags] (weight = w * scale[tag])
//   u32 n_words  n_words × {u24 low bits of the FNV-1a of the lower-cased word, u8 lexicon flags,
//                           u8 word cluster (0: none)}, by hash
// 24 bits of hash keep the word table at 5 bytes a word; about one unknown word in 160 borrows
// some known word's classes, which the weights learn to discount.
#ifndef LECTERN_ENTITIES_MODEL_H_
#define LECTERN_ENTITIES_MODEL_H_

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "tag_features.h"

namespace lectern::entities {

class Model {
 public:
  /// Reads `size` bytes at `data` (kept, not copied). False, with `error`, when they are not a
  /// model of this version with kTagCount tags.
  bool Parse(const unsigned char* data, std::size_t size, std::string* error);

  /// The model compiled into the library (an empty model, which finds nothing, if it is broken).
  static const Model& Builtin();

  bool empty() const { return weights_ == nullptr; }
  const std::string& description() const { return description_; }
  /// The lexicon classes and cluster of a lower-cased word ({} for words the model lacks).
  WordClass Lookup(std::string_view lower) const { return Lookup(Fnv1a(lower)); }
  /// The same, by the word's Fnv1a (the tagger has it already).
  WordClass Lookup(std::uint32_t hash) const;
  std::uint8_t Flags(std::string_view lower) const { return Lookup(lower).flags; }
  /// Adds the weights of `features` to `scores`.
  void Score(const std::vector<std::uint32_t>& features,
             std::array<float, kTagCount>* scores) const;
  /// The score of `tag` after `prev` (-1: the start of a sentence).
  /// All transition scores: row 0 is the start of a sentence, row p + 1 follows tag p.
  const std::array<float, (kTagCount + 1) * kTagCount>& Transitions() const { return trans_; }
  float Transition(int prev, int tag) const {
    return trans_[static_cast<std::size_t>((prev + 1) * kTagCount + tag)];
  }

 private:
  std::string description_;
  std::array<float, kTagCount> scale_{};
  std::array<float, (kTagCount + 1) * kTagCount> trans_{};
  std::uint32_t row_mask_ = 0;
  const signed char* weights_ = nullptr;
  const unsigned char* words_ = nullptr;
  std::size_t word_count_ = 0;
  // Where the words whose hash starts with each kBucketBits-bit prefix begin (+1 for the end): a
  // lookup scans a handful of entries instead of a binary search over 100k.
  static constexpr int kBucketBits = 14;
  std::vector<std::uint32_t> buckets_;
};

/// A word of the model's table, as the trainer gives it.
struct WordEntry {
  std::uint32_t hash = 0;  // Fnv1a of the lower-cased word
  WordClass word;
};

/// Writes a model file (used by the trainer): float weights rows × kTagCount, quantised here.
/// Words whose hashes agree in the stored bits share one entry (flags or-ed, the first cluster).
std::vector<unsigned char> WriteModel(const std::string& description, int log2_rows,
                                      const std::vector<float>& weights,
                                      const std::vector<float>& transitions,
                                      std::vector<WordEntry> words);

}  // namespace lectern::entities

#endif  // LECTERN_ENTITIES_MODEL_H_
