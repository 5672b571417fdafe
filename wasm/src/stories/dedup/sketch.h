// One-permutation MinHash sketches and their LSH band keys. Internal to the core.
#ifndef LECTERN_DEDUP_SKETCH_H_
#define LECTERN_DEDUP_SKETCH_H_

#include <cstddef>
#include <cstdint>

namespace lectern::dedup {

/// Writes `bands` LSH keys for the shingle set `shingles[0, count)` (count > 0) to `keys`. Two
/// sets agree on a key with probability about J^rows (J their Jaccard similarity), independently
/// enough across bands that a pair is a candidate with probability about 1 - (1 - J^rows)^bands.
void SketchBandKeys(const std::uint64_t* shingles, std::size_t count, std::size_t bands,
                    std::size_t rows, std::uint64_t seed, std::uint32_t* keys);

/// SketchBandKeys in two steps, for callers that want the MinHash values too (SketchStory):
/// the densified one-permutation MinHash of the set: `k` values written to `dense` (count > 0).
void SketchMinHash(const std::uint64_t* shingles, std::size_t count, std::size_t k,
                   std::uint64_t seed, std::uint64_t* dense);

/// The `bands` LSH keys of a MinHash sketch of bands * rows values.
void BandKeys(const std::uint64_t* dense, std::size_t bands, std::size_t rows, std::uint64_t seed,
              std::uint32_t* keys);

}  // namespace lectern::dedup

#endif  // LECTERN_DEDUP_SKETCH_H_
