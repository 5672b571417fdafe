#include "tag_features.h"

#include <array>

namespace lectern::entities {
namespace {

constexpr std::array<const char*, kTagCount> kNames = {"O",     "B-PER", "I-PER", "B-ORG",
                                                       "I-ORG", "B-LOC", "I-LOC"};
constexpr std::array<const char*, kTagCount> kTypes = {"",    "PER", "PER", "ORG",
                                                       "ORG", "LOC", "LOC"};

// "Xxxx", "XX", "X.X.", "dd", "Xx-Xx": character classes with runs collapsed; bytes outside ASCII
// count as lower-case letters, so non-Latin words look uncapitalised.
std::string Shape(std::string_view w) {
  std::string out;
  for (unsigned char c : w) {
    char k;
    if (c >= 'A' && c <= 'Z') {
      k = 'X';
    } else if (c >= 'a' && c <= 'z') {
      k = 'x';
    } else if (c >= '0' && c <= '9') {
      k = 'd';
    } else if (c >= 0x80) {
      if ((c & 0xC0) == 0x80) continue;
      k = 'x';
    } else {
      k = static_cast<char>(c);
    }
    if (out.size() >= 2 && out.back() == k && out[out.size() - 2] == k) continue;
    out.push_back(k);
  }
  return out;
}

bool HasLowerAscii(std::string_view w) {
  for (char c : w) {
    if (c >= 'a' && c <= 'z') return true;
  }
  return false;
}

}  // namespace

const char* TagName(int tag) { return kNames[static_cast<std::size_t>(tag)]; }
const char* TagType(int tag) { return kTypes[static_cast<std::size_t>(tag)]; }

bool Allowed(int prev, int tag) {
  if (tag == 0 || tag % 2 == 1) return true;  // O and B-X go anywhere
  return prev == tag || prev == tag - 1;
}

std::uint32_t Fnv1a(std::string_view s, std::uint32_t seed) {
  std::uint32_t h = seed;
  for (unsigned char c : s) {
    h ^= c;
    h *= 16777619u;
  }
  return h;
}

std::uint32_t Mix(std::uint32_t a, std::uint32_t b) {
  std::uint32_t h = a ^ (b * 0x9E3779B1u + 0x7F4A7C15u + (a << 6) + (a >> 2));
  h ^= h >> 16;
  h *= 0x85EBCA6Bu;
  h ^= h >> 13;
  h *= 0xC2B2AE35u;
  h ^= h >> 16;
  return h;
}

std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

SentenceView MakeSentenceView(
    std::vector<std::string> words,
    const std::function<WordClass(std::string_view, std::uint32_t)>& lookup) {
  SentenceView s;
  s.words = std::move(words);
  bool any_letter = false, any_lower = false;
  const std::size_t n = s.words.size();
  s.lower.reserve(n);
  s.shapes.reserve(n);
  s.flags.reserve(n);
  s.clusters.reserve(n);
  s.word_hash.reserve(n);
  s.lower_hash.reserve(n);
  s.shape_hash.reserve(n);
  for (const std::string& w : s.words) {
    s.lower.push_back(AsciiLower(w));
    s.shapes.push_back(Shape(w));
    s.word_hash.push_back(Fnv1a(w));
    s.lower_hash.push_back(Fnv1a(s.lower.back()));
    s.shape_hash.push_back(Fnv1a(s.shapes.back()));
    const WordClass c = lookup(s.lower.back(), s.lower_hash.back());
    s.flags.push_back(c.flags);
    s.clusters.push_back(c.cluster);
    if (s.lower.back() != w || HasLowerAscii(w)) any_letter = true;
    if (HasLowerAscii(w)) any_lower = true;
  }
  s.all_caps = any_letter && !any_lower && s.words.size() > 2;
  return s;
}

void ExtractFeatures(const SentenceView& s, std::size_t i, std::vector<std::uint32_t>* out) {
  const auto n = static_cast<std::ptrdiff_t>(s.words.size());
  const auto j = static_cast<std::ptrdiff_t>(i);
  // Hashes of the neighbours' lower-cased words and shapes, with fixed values past the edges.
  static const std::uint32_t kStart = Fnv1a("<s>"), kEnd = Fnv1a("</s>"), kEdge = Fnv1a("#");
  const auto word_at = [&](std::ptrdiff_t k) {
    if (k < 0) return kStart;
    if (k >= n) return kEnd;
    return s.lower_hash[static_cast<std::size_t>(k)];
  };
  const auto shape_at = [&](std::ptrdiff_t k) {
    return k < 0 || k >= n ? kEdge : s.shape_hash[static_cast<std::size_t>(k)];
  };
  const auto flags_at = [&](std::ptrdiff_t k) -> std::uint32_t {
    return k < 0 || k >= n ? 0 : s.flags[static_cast<std::size_t>(k)];
  };
  const auto cluster_at = [&](std::ptrdiff_t k) -> std::uint32_t {
    return k < 0 || k >= n ? 0 : s.clusters[static_cast<std::size_t>(k)];
  };
  // Each feature mixes its template's number (another set in an all-caps sentence, so that
  // headlines learn nothing false about capitals) with the hashes of its values, computed once
  // per token: no string is hashed twice (this is the hot loop).
  static const std::array<std::array<std::uint32_t, 32>, 2> kSeeds = [] {
    std::array<std::array<std::uint32_t, 32>, 2> seeds{};
    for (std::uint32_t id = 0; id < 32; ++id) {
      seeds[0][id] = Mix(0, id);
      seeds[1][id] = Mix(0x51ED270Bu, id);
    }
    return seeds;
  }();
  const std::array<std::uint32_t, 32>& seed = kSeeds[s.all_caps ? 1 : 0];
  const auto add = [&](std::uint32_t id, std::uint32_t a = 0) { out->push_back(Mix(seed[id], a)); };
  const auto add2 = [&](std::uint32_t id, std::uint32_t a, std::uint32_t b) {
    out->push_back(Mix(Mix(seed[id], a), b));
  };
  out->reserve(out->size() + 48);
  const std::string_view lw = s.lower[i];
  const std::uint32_t shape = s.shape_hash[i];
  const std::uint32_t first = j == 0 ? 1 : 0;
  add(1);                   // bias
  add(2, s.word_hash[i]);   // the word as written
  add(3, s.lower_hash[i]);  // lower case
  std::uint32_t h = Fnv1a("");
  for (std::size_t k = 0; k < 3; ++k) {  // prefixes of 1-3 bytes
    if (k < lw.size()) h = (h ^ static_cast<unsigned char>(lw[k])) * 16777619u;
    add(4, h);
  }
  for (std::size_t k = 1; k <= 4; ++k) {  // suffixes of 1-4 bytes
    add(5, Fnv1a(lw.size() > k ? lw.substr(lw.size() - k) : lw));
  }
  add(6, word_at(j - 1));
  add(7, word_at(j - 2));
  add(8, word_at(j + 1));
  add(9, word_at(j + 2));
  // The token's own shape comes only with its lexicon classes and sentence position ("f0.sh",
  // "first.sh"): alone, and as a trigram, it cost 0.5 F1 on EWT dev and 6 points on the seeds.
  add(10, shape_at(j - 1));
  add(11, shape_at(j + 1));
  add2(12, word_at(j - 1), s.lower_hash[i]);
  add2(13, s.lower_hash[i], word_at(j + 1));
  // Acronyms ("BRICS", "NATO") in ordinary sentences: mostly organisations in news.
  static const std::uint32_t kAcronym = Fnv1a("XX");
  if (shape == kAcronym && !s.all_caps) add(28, s.words[i].size() > 4 ? 5 : s.words[i].size());
  add(14, first);
  add2(15, first, shape);
  const std::uint32_t f0 = flags_at(j), fp = flags_at(j - 1), fn = flags_at(j + 1);
  for (std::uint32_t bit = 0; bit < 8; ++bit) {
    const std::uint32_t m = 1u << bit;
    if (f0 & m) add(16, bit);
    if (f0 & m) add2(17, bit, shape);
    if (fp & m) add(18, bit);
    if (fn & m) add(19, bit);
  }
  if (f0 == 0) add(16, 8);
  add2(20, f0, first);
  // Word clusters, fine and coarse: they carry what the vectors know of words the training data
  // never capitalised ("bundesbank" sits with the banks).
  const std::uint32_t c0 = cluster_at(j);
  add(21, c0);
  add(22, c0 / kFineClusters);
  if (c0 != 0) add2(23, c0, shape);
  add(24, cluster_at(j - 1));
  add(25, cluster_at(j - 1) / kFineClusters);
  add(26, cluster_at(j + 1));
  add(27, cluster_at(j + 1) / kFineClusters);
  // Context × form: "at Xxxx" and "Xxxx said" say more than either part.
  add2(29, word_at(j - 1), shape);
  add2(30, shape, word_at(j + 1));
  add2(31, cluster_at(j - 1), c0);
}

}  // namespace lectern::entities
