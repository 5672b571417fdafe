// Word shingles of a text, hashed to 64 bits. Internal to the core.
#ifndef LECTERN_DEDUP_SHINGLES_H_
#define LECTERN_DEDUP_SHINGLES_H_

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace lectern::dedup {

/// A 64-bit finaliser (MurmurHash3's fmix64): every input bit affects every output bit.
inline std::uint64_t Mix64(std::uint64_t x) {
  x ^= x >> 33;
  x *= 0xff51afd7ed558ccdULL;
  x ^= x >> 33;
  x *= 0xc4ceb9fe1a85ec53ULL;
  x ^= x >> 33;
  return x;
}

/// Calls out(hash) for each word of `text` in order: maximal runs of Unicode letters, digits and
/// combining marks, case-folded; each ideograph or kana is a word of its own. Invalid UTF-8
/// separates words. Returns the number of words.
std::size_t HashWords(std::string_view text, std::uint64_t seed, std::vector<std::uint64_t>* out);

/// Appends the hashes of the `n`-word shingles of `text` to `out` (unsorted, with repeats). A text
/// of 1 to n-1 words gives one shingle of all its words; a text without words gives none.
void AppendShingles(std::string_view text, std::size_t n, std::uint64_t seed,
                    std::vector<std::uint64_t>* out);

}  // namespace lectern::dedup

#endif  // LECTERN_DEDUP_SHINGLES_H_
