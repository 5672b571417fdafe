#include "model.h"

#include <algorithm>
#include <cmath>
#include <cstring>

#include "model_data.h"

namespace lectern::entities {
namespace {

constexpr std::uint32_t kVersion = 2;
constexpr std::size_t kWordEntry = 5;
constexpr std::uint32_t kHashMask = 0xFFFFFF;

class Reader {
 public:
  Reader(const unsigned char* data, std::size_t size) : data_(data), size_(size) {}
  bool Take(void* out, std::size_t n) {
    if (size_ - pos_ < n) return false;
    std::memcpy(out, data_ + pos_, n);
    pos_ += n;
    return true;
  }
  const unsigned char* Skip(std::size_t n) {
    if (size_ - pos_ < n) return nullptr;
    const unsigned char* at = data_ + pos_;
    pos_ += n;
    return at;
  }
  bool AtEnd() const { return pos_ == size_; }

 private:
  const unsigned char* data_;
  std::size_t size_, pos_ = 0;
};

template <typename T>
void Put(std::vector<unsigned char>* out, T value) {
  unsigned char bytes[sizeof(T)];
  std::memcpy(bytes, &value, sizeof(T));
  out->insert(out->end(), bytes, bytes + sizeof(T));
}

std::uint32_t HashAt(const unsigned char* p) {
  return std::uint32_t{p[0]} | std::uint32_t{p[1]} << 8 | std::uint32_t{p[2]} << 16;
}

}  // namespace

bool Model::Parse(const unsigned char* data, std::size_t size, std::string* error) {
  Reader r(data, size);
  char magic[4];
  std::uint32_t version = 0, desc_len = 0, tags = 0, log2_rows = 0, n_words = 0;
  if (!r.Take(magic, 4) || std::memcmp(magic, "LNER", 4) != 0) {
    *error = "not an entity model (no LNER magic)";
    return false;
  }
  if (!r.Take(&version, 4) || version != kVersion) {
    *error = "entity model version " + std::to_string(version) + ", expected " +
             std::to_string(kVersion);
    return false;
  }
  const unsigned char* desc = nullptr;
  if (!r.Take(&desc_len, 4) || (desc = r.Skip(desc_len)) == nullptr || !r.Take(&tags, 4) ||
      tags != kTagCount || !r.Take(&log2_rows, 4) || log2_rows < 8 || log2_rows > 24 ||
      !r.Take(scale_.data(), sizeof(scale_)) || !r.Take(trans_.data(), sizeof(trans_))) {
    *error = "entity model header is truncated or has the wrong tag count";
    return false;
  }
  const std::size_t rows = std::size_t{1} << log2_rows;
  const unsigned char* weights = r.Skip(rows * kTagCount);
  const unsigned char* words = nullptr;
  if (weights == nullptr || !r.Take(&n_words, 4) ||
      (words = r.Skip(std::size_t{n_words} * kWordEntry)) == nullptr || !r.AtEnd()) {
    *error = "entity model body is truncated or too long";
    return false;
  }
  description_.assign(reinterpret_cast<const char*>(desc), desc_len);
  row_mask_ = static_cast<std::uint32_t>(rows - 1);
  weights_ = reinterpret_cast<const signed char*>(weights);
  words_ = words;
  word_count_ = n_words;
  buckets_.assign((std::size_t{1} << kBucketBits) + 1, 0);
  for (std::size_t i = 0; i < n_words; ++i) {
    ++buckets_[(HashAt(words + i * kWordEntry) >> (24 - kBucketBits)) + 1];
  }
  for (std::size_t b = 1; b < buckets_.size(); ++b) buckets_[b] += buckets_[b - 1];
  return true;
}

const Model& Model::Builtin() {
  static const Model model = [] {
    Model m;
    std::string error;
    if (!m.Parse(kLecternEntityModel, kLecternEntityModelSize, &error)) m = Model();
    return m;
  }();
  return model;
}

WordClass Model::Lookup(std::uint32_t hash) const {
  if (buckets_.empty()) return {};
  const std::uint32_t h = hash & kHashMask;
  const std::size_t b = h >> (24 - kBucketBits);
  for (std::size_t i = buckets_[b]; i < buckets_[b + 1]; ++i) {
    const std::uint32_t m = HashAt(words_ + i * kWordEntry);
    if (m == h) return {words_[i * kWordEntry + 3], words_[i * kWordEntry + 4]};
    if (m > h) break;
  }
  return {};
}

void Model::Score(const std::vector<std::uint32_t>& features,
                  std::array<float, kTagCount>* scores) const {
  if (weights_ == nullptr) return;
  std::array<int, kTagCount> sum{};
  for (std::uint32_t f : features) {
    const signed char* row = weights_ + std::size_t{f & row_mask_} * kTagCount;
    for (int t = 0; t < kTagCount; ++t) sum[static_cast<std::size_t>(t)] += row[t];
  }
  for (std::size_t t = 0; t < kTagCount; ++t)
    (*scores)[t] += static_cast<float>(sum[t]) * scale_[t];
}

std::vector<unsigned char> WriteModel(const std::string& description, int log2_rows,
                                      const std::vector<float>& weights,
                                      const std::vector<float>& transitions,
                                      std::vector<WordEntry> words) {
  std::vector<unsigned char> out = {'L', 'N', 'E', 'R'};
  Put(&out, kVersion);
  Put(&out, static_cast<std::uint32_t>(description.size()));
  out.insert(out.end(), description.begin(), description.end());
  Put(&out, static_cast<std::uint32_t>(kTagCount));
  Put(&out, static_cast<std::uint32_t>(log2_rows));
  const std::size_t rows = std::size_t{1} << log2_rows;
  // One scale per tag: the tag's largest weight becomes ±127.
  std::array<float, kTagCount> scale{};
  for (std::size_t t = 0; t < kTagCount; ++t) {
    float max = 0;
    for (std::size_t r = 0; r < rows; ++r)
      max = std::max(max, std::fabs(weights[r * kTagCount + t]));
    scale[t] = max > 0 ? max / 127.0f : 1.0f;
    Put(&out, scale[t]);
  }
  for (float v : transitions) Put(&out, v);
  for (std::size_t r = 0; r < rows; ++r) {
    for (std::size_t t = 0; t < kTagCount; ++t) {
      const long q = std::lround(weights[r * kTagCount + t] / scale[t]);
      out.push_back(
          static_cast<unsigned char>(static_cast<signed char>(std::clamp(q, -127L, 127L))));
    }
  }
  for (WordEntry& w : words) w.hash &= kHashMask;
  std::stable_sort(words.begin(), words.end(),
                   [](const WordEntry& a, const WordEntry& b) { return a.hash < b.hash; });
  std::vector<WordEntry> merged;
  for (const WordEntry& w : words) {
    if (merged.empty() || merged.back().hash != w.hash) {
      merged.push_back(w);
      continue;
    }
    merged.back().word.flags |= w.word.flags;
    if (merged.back().word.cluster == 0) merged.back().word.cluster = w.word.cluster;
  }
  Put(&out, static_cast<std::uint32_t>(merged.size()));
  for (const WordEntry& w : merged) {
    for (int b = 0; b < 3; ++b) out.push_back(static_cast<unsigned char>(w.hash >> (8 * b)));
    out.push_back(w.word.flags);
    out.push_back(w.word.cluster);
  }
  return out;
}

}  // namespace lectern::entities
