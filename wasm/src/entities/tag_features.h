// The tagger's tags and features, shared by the library and the trainer (bench/train_entities),
// so that what is learnt is what is looked up.
#ifndef LECTERN_ENTITIES_TAG_FEATURES_H_
#define LECTERN_ENTITIES_TAG_FEATURES_H_

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace lectern::entities {

/// BIO over PER, ORG, LOC: O, B-PER, I-PER, B-ORG, I-ORG, B-LOC, I-LOC.
constexpr int kTagCount = 7;
/// "O", "B-PER", ...
const char* TagName(int tag);
/// The type of a tag ("PER"), "" for O.
const char* TagType(int tag);
/// Whether `tag` may follow `prev` (-1: the start of a sentence): I-X only after B-X or I-X.
bool Allowed(int prev, int tag);

/// Lexicon classes of a lower-cased word (or two-word phrase), one bit each.
enum LexiconFlag : std::uint8_t {
  kFirstName = 1,
  kPersonName = 2,  // last names and whole names
  kHonorific = 4,
  kPlace = 8,  // countries, regions, cities
  kOrganisation = 16,
  kDemonym = 32,
  kDictionary = 64,  // a lower-case dictionary word
  kDateWord = 128,   // months and weekdays
};

/// What the model's word table knows of a lower-cased word.
struct WordClass {
  std::uint8_t flags = 0;    // LexiconFlag bits
  std::uint8_t cluster = 0;  // word-vector cluster, 0 for none; cluster / kFineClusters is coarse
};
/// Fine clusters per coarse cluster (the trainer's two-level k-means).
constexpr int kFineClusters = 8;

/// 32-bit FNV-1a of `s`, continuing from `seed` (the hash of nothing is 2166136261).
std::uint32_t Fnv1a(std::string_view s, std::uint32_t seed = 2166136261u);

/// Mixes `b` into the hash `a` (a murmur3 finaliser: every input bit reaches the low bits).
std::uint32_t Mix(std::uint32_t a, std::uint32_t b);

/// Lower case for ASCII letters; other bytes as they are.
std::string AsciiLower(std::string_view s);

/// One sentence as the features see it.
struct SentenceView {
  std::vector<std::string> words, lower, shapes;
  std::vector<std::uint8_t> flags, clusters;
  std::vector<std::uint32_t> word_hash, lower_hash, shape_hash;  // Fnv1a of words, lower, shapes
  bool all_caps = false;  // a headline or a shouted sentence: capitals say nothing there
};

/// Builds the view of `words`, looking words up with `lookup(lower-cased text, its Fnv1a)`.
SentenceView MakeSentenceView(
    std::vector<std::string> words,
    const std::function<WordClass(std::string_view, std::uint32_t)>& lookup);

/// The hashed features of token `i` (full 32-bit hashes; the model keeps the low bits).
void ExtractFeatures(const SentenceView& s, std::size_t i, std::vector<std::uint32_t>* out);

}  // namespace lectern::entities

#endif  // LECTERN_ENTITIES_TAG_FEATURES_H_
