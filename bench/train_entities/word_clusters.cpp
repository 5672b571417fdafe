#include "word_clusters.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <stdexcept>

namespace lectern::entities {
namespace {

// A minimal scanner over the one big object: the file is 307 MB, too big for a DOM.
class Scanner {
 public:
  explicit Scanner(std::string text) : s_(std::move(text)) {}
  void Seek(const std::string& needle) {
    pos_ = s_.find(needle);
    if (pos_ == std::string::npos) throw std::runtime_error("no " + needle + " in the vectors");
    pos_ += needle.size();
  }
  char Peek() {
    while (pos_ < s_.size() && (s_[pos_] == ' ' || s_[pos_] == '\n' || s_[pos_] == '\r')) ++pos_;
    if (pos_ >= s_.size()) throw std::runtime_error("the vectors end early");
    return s_[pos_];
  }
  void Expect(char c) {
    if (Peek() != c) throw std::runtime_error(std::string("expected '") + c + "' in the vectors");
    ++pos_;
  }
  std::string String() {
    Expect('"');
    const std::size_t start = pos_;
    bool escaped = false;
    while (pos_ < s_.size() && s_[pos_] != '"') {
      if (s_[pos_] == '\\') {
        escaped = true;
        ++pos_;
      }
      ++pos_;
    }
    const std::size_t end = pos_++;
    if (!escaped) return s_.substr(start, end - start);
    return nlohmann::json::parse(s_.substr(start - 1, end - start + 2)).get<std::string>();
  }
  double Number() {
    Peek();
    char* end = nullptr;
    const double v = std::strtod(s_.c_str() + pos_, &end);
    if (end == s_.c_str() + pos_) throw std::runtime_error("expected a number in the vectors");
    pos_ = static_cast<std::size_t>(end - s_.c_str());
    return v;
  }

 private:
  std::string s_;
  std::size_t pos_ = 0;
};

void Normalise(float* v, int dims) {
  double norm = 0;
  for (int d = 0; d < dims; ++d) norm += static_cast<double>(v[d]) * v[d];
  const float inv = norm > 0 ? static_cast<float>(1 / std::sqrt(norm)) : 0.0f;
  for (int d = 0; d < dims; ++d) v[d] *= inv;
}

// Spherical k-means of the rows `members` of `data` into k centres; returns each member's centre.
std::vector<int> KMeans(const std::vector<float>& data, int dims, const std::vector<int>& members,
                        int k, int rounds) {
  const std::size_t n = members.size();
  std::vector<int> of(n, 0);
  if (n == 0) return of;
  k = static_cast<int>(std::min<std::size_t>(static_cast<std::size_t>(k), n));
  std::vector<float> centres(static_cast<std::size_t>(k) * dims);
  for (int c = 0; c < k; ++c) {  // evenly spaced frequency ranks
    const std::size_t m = static_cast<std::size_t>(members[n * static_cast<std::size_t>(c) / k]);
    std::copy(data.begin() + static_cast<std::ptrdiff_t>(m * dims),
              data.begin() + static_cast<std::ptrdiff_t>((m + 1) * dims),
              centres.begin() + static_cast<std::ptrdiff_t>(c) * dims);
  }
  for (int round = 0; round < rounds; ++round) {
    for (std::size_t i = 0; i < n; ++i) {
      const float* v = &data[static_cast<std::size_t>(members[i]) * dims];
      float best = -2;
      for (int c = 0; c < k; ++c) {
        const float* z = &centres[static_cast<std::size_t>(c) * dims];
        float dot = 0;
        for (int d = 0; d < dims; ++d) dot += v[d] * z[d];
        if (dot > best) {
          best = dot;
          of[i] = c;
        }
      }
    }
    std::vector<float> sum(centres.size(), 0.0f);
    std::vector<int> count(static_cast<std::size_t>(k), 0);
    for (std::size_t i = 0; i < n; ++i) {
      const float* v = &data[static_cast<std::size_t>(members[i]) * dims];
      float* z = &sum[static_cast<std::size_t>(of[i]) * dims];
      for (int d = 0; d < dims; ++d) z[d] += v[d];
      ++count[static_cast<std::size_t>(of[i])];
    }
    for (int c = 0; c < k; ++c) {
      if (count[static_cast<std::size_t>(c)] == 0) continue;  // an empty centre stays put
      float* z = &sum[static_cast<std::size_t>(c) * dims];
      Normalise(z, dims);
      std::copy(z, z + dims, centres.begin() + static_cast<std::ptrdiff_t>(c) * dims);
    }
  }
  return of;
}

}  // namespace

WordVectors ReadWinkVectors(const std::string& path, std::size_t limit) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path);
  Scanner s(std::string(std::istreambuf_iterator<char>(in), {}));
  s.Seek("\"dimensions\":");
  WordVectors out;
  out.dims = static_cast<int>(s.Number());
  if (out.dims <= 0 || out.dims > 1000) throw std::runtime_error("odd dimensions in " + path);
  s.Seek("\"vectors\":");
  s.Expect('{');
  std::vector<std::pair<std::size_t, std::size_t>> ranked;  // rank, index in out
  std::vector<float> v;
  while (s.Peek() != '}') {
    std::string word = s.String();
    s.Expect(':');
    s.Expect('[');
    v.clear();
    while (s.Peek() != ']') {
      v.push_back(static_cast<float>(s.Number()));
      if (s.Peek() == ',') s.Expect(',');
    }
    s.Expect(']');
    if (s.Peek() == ',') s.Expect(',');
    if (v.size() != static_cast<std::size_t>(out.dims) + 2) {
      throw std::runtime_error("a vector of " + std::to_string(v.size()) + " numbers in " + path);
    }
    const auto rank = static_cast<std::size_t>(v.back());
    if (rank >= limit) continue;
    ranked.emplace_back(rank, out.words.size());
    out.words.push_back(std::move(word));
    Normalise(v.data(), out.dims);
    out.data.insert(out.data.end(), v.begin(), v.begin() + out.dims);
  }
  // Frequency order, whatever order the object had.
  std::sort(ranked.begin(), ranked.end());
  WordVectors sorted;
  sorted.dims = out.dims;
  for (const auto& [rank, i] : ranked) {
    sorted.words.push_back(std::move(out.words[i]));
    sorted.data.insert(sorted.data.end(),
                       out.data.begin() + static_cast<std::ptrdiff_t>(i * out.dims),
                       out.data.begin() + static_cast<std::ptrdiff_t>((i + 1) * out.dims));
  }
  return sorted;
}

std::vector<std::uint8_t> ClusterWords(const WordVectors& vectors, int coarse, int fine,
                                       int rounds) {
  if (coarse * fine >= 256) throw std::runtime_error("too many clusters for a byte");
  std::vector<int> all(vectors.words.size());
  for (std::size_t i = 0; i < all.size(); ++i) all[i] = static_cast<int>(i);
  const std::vector<int> top = KMeans(vectors.data, vectors.dims, all, coarse, rounds);
  std::vector<std::uint8_t> id(all.size(), 0);
  for (int c = 0; c < coarse; ++c) {
    std::vector<int> members;
    for (std::size_t i = 0; i < all.size(); ++i) {
      if (top[i] == c) members.push_back(static_cast<int>(i));
    }
    const std::vector<int> sub = KMeans(vectors.data, vectors.dims, members, fine, rounds);
    for (std::size_t j = 0; j < members.size(); ++j) {
      id[static_cast<std::size_t>(members[j])] = static_cast<std::uint8_t>(1 + c * fine + sub[j]);
    }
  }
  return id;
}

}  // namespace lectern::entities
