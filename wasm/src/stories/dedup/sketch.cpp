// One-permutation hashing: each shingle hash picks one of K = bands * rows bins and competes for
// that bin's minimum, so a sketch costs one comparison per shingle instead of K hash functions.
// Bins a set leaves empty are densified in the manner of Shrivastava's "optimal densification"
// (ICML 2017): empty bin i copies the first non-empty bin on a probe sequence fixed by i, which
// keeps the chance that two sets agree in bin i at their Jaccard similarity. Plain optimal
// densification costs about K/filled probes per empty bin, K^2 for a one-shingle text; after
// kProbes misses we instead take an independent MinHash for that bin (min over the set of a hash
// salted by i), which costs |set| and is only reached when the set is small. Both sets of a pair
// follow the same probe sequence for bin i, and they agree there with probability J when both find
// a filled bin on it or both fall back. They need not fall back together, though: one set may hit
// a filled bin where the other misses all kProbes, and then bin i almost never agrees. That takes
// a set leaving most bins empty (a miss on all 16 probes has chance f^16 for an empty fraction f:
// about 0.2% per empty bin at 100 shingles in 256 bins, 20% at 25 shingles), so it only lowers
// the detection chance of small sets, a little.
#include "sketch.h"

#include <limits>
#include <vector>

#include "shingles.h"

namespace lectern::dedup {
namespace {

constexpr std::uint64_t kEmpty = std::numeric_limits<std::uint64_t>::max();
constexpr std::size_t kProbes = 16;

// Maps a 64-bit hash to [0, k) by its top 32 bits (Lemire's multiply-shift; k < 2^32).
inline std::size_t Bin(std::uint64_t h, std::size_t k) {
  return static_cast<std::size_t>(((h >> 32) * static_cast<std::uint64_t>(k)) >> 32);
}

}  // namespace

void SketchMinHash(const std::uint64_t* shingles, std::size_t count, std::size_t k,
                   std::uint64_t seed, std::uint64_t* dense) {
  thread_local std::vector<std::uint64_t> bins;
  bins.assign(k, kEmpty);
  // Shingle hashes are already seeded and mixed; remixing with the seed decouples bin choice from
  // anything else derived from the raw hash (such as the set fingerprint).
  const std::uint64_t bin_salt = Mix64(seed ^ 0x6f70680000000001ULL);
  for (std::size_t s = 0; s < count; ++s) {
    const std::uint64_t h = Mix64(shingles[s] ^ bin_salt);
    std::uint64_t& slot = bins[Bin(h, k)];
    if (h < slot) slot = h;
  }
  const std::uint64_t probe_salt = Mix64(seed ^ 0x70726f6265000002ULL);
  for (std::size_t i = 0; i < k; ++i) {
    if (bins[i] != kEmpty) {
      dense[i] = bins[i];
      continue;
    }
    std::uint64_t value = kEmpty;
    for (std::size_t a = 0; a < kProbes && value == kEmpty; ++a) {
      value = bins[Bin(Mix64(probe_salt ^ (static_cast<std::uint64_t>(i) << 8 | a)), k)];
    }
    if (value == kEmpty) {
      const std::uint64_t salt = Mix64(probe_salt + i + 1);
      for (std::size_t s = 0; s < count; ++s) {
        const std::uint64_t h = Mix64(shingles[s] ^ salt);
        if (h < value) value = h;
      }
    }
    dense[i] = value;
  }
}

void BandKeys(const std::uint64_t* dense, std::size_t bands, std::size_t rows, std::uint64_t seed,
              std::uint32_t* keys) {
  for (std::size_t b = 0; b < bands; ++b) {
    std::uint64_t h = Mix64(seed + b);
    for (std::size_t r = 0; r < rows; ++r) h = Mix64(h ^ dense[b * rows + r]);
    keys[b] = static_cast<std::uint32_t>(h >> 32);
  }
}

void SketchBandKeys(const std::uint64_t* shingles, std::size_t count, std::size_t bands,
                    std::size_t rows, std::uint64_t seed, std::uint32_t* keys) {
  thread_local std::vector<std::uint64_t> dense;
  dense.resize(bands * rows);
  SketchMinHash(shingles, count, bands * rows, seed, dense.data());
  BandKeys(dense.data(), bands, rows, seed, keys);
}

}  // namespace lectern::dedup
