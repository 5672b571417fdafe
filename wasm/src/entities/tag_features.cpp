#include "tag_features.h"

#include <array>
#include <initializer_list>

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

std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

SentenceView MakeSentenceView(std::vector<std::string> words,
                              const std::function<WordClass(std::string_view)>& lookup) {
  SentenceView s;
  s.words = std::move(words);
  bool any_letter = false, any_lower = false;
  for (const std::string& w : s.words) {
    s.lower.push_back(AsciiLower(w));
    s.shapes.push_back(Shape(w));
    const WordClass c = lookup(s.lower.back());
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
  const auto at = [&](std::ptrdiff_t k) -> std::string_view {
    if (k < 0) return "<s>";
    if (k >= n) return "</s>";
    return s.lower[static_cast<std::size_t>(k)];
  };
  const auto shape_at = [&](std::ptrdiff_t k) -> std::string_view {
    if (k < 0 || k >= n) return "#";
    return s.shapes[static_cast<std::size_t>(k)];
  };
  const auto flags_at = [&](std::ptrdiff_t k) -> std::uint8_t {
    if (k < 0 || k >= n) return 0;
    return s.flags[static_cast<std::size_t>(k)];
  };
  const auto j = static_cast<std::ptrdiff_t>(i);
  // Each feature is the hash of "c" (or "C" in an all-caps sentence, so that headlines learn
  // nothing false about capitals), the template id and the value's pieces, one after the other.
  // FNV-1a runs over the pieces in turn, so nothing is concatenated (this is the hot loop).
  const std::uint32_t caps = Fnv1a(s.all_caps ? "C" : "c");
  const auto add = [&](std::string_view id, std::initializer_list<std::string_view> pieces) {
    std::uint32_t h = Fnv1a(id, caps);
    for (std::string_view p : pieces) h = Fnv1a(p, h);
    out->push_back(h);
  };
  const std::string_view w = s.words[i];
  const std::string_view lw = s.lower[i];
  const std::string_view shape = s.shapes[i];
  add("b", {});
  add("w", {w});
  add("lw", {lw});
  for (std::size_t k = 1; k <= 3; ++k) add("p", {lw.substr(0, k)});
  for (std::size_t k = 1; k <= 4; ++k) add("s", {lw.size() > k ? lw.substr(lw.size() - k) : lw});
  add("w-1", {at(j - 1)});
  add("w-2", {at(j - 2)});
  add("w+1", {at(j + 1)});
  add("w+2", {at(j + 2)});
  // The token's own shape comes only with its lexicon classes and sentence position ("f0.sh",
  // "first.sh"): alone, and as a trigram, it cost 0.5 F1 on EWT dev and 6 points on the seeds.
  add("sh-1", {shape_at(j - 1)});
  add("sh+1", {shape_at(j + 1)});
  add("w-1.0", {at(j - 1), "|", lw});
  add("w0.+1", {lw, "|", at(j + 1)});
  add("first", {j == 0 ? "1" : "0"});
  add("first.sh", {j == 0 ? "1|" : "0|", shape});
  const std::uint8_t f0 = flags_at(j);
  static constexpr char kBits[] = "01234567";
  for (std::size_t bit = 0; bit < 8; ++bit) {
    const std::string_view b(kBits + bit, 1);
    if (f0 & (1u << bit)) add("f0", {b});
    if (f0 & (1u << bit)) add("f0.sh", {b, shape});
    if (flags_at(j - 1) & (1u << bit)) add("f-1", {b});
    if (flags_at(j + 1) & (1u << bit)) add("f+1", {b});
  }
  if (f0 == 0) add("f0", {"none"});
  // Word clusters, fine and coarse: they carry what the vectors know of words the training data
  // never capitalised ("bundesbank" sits with the banks).
  const auto cluster_at = [&](std::ptrdiff_t k) -> std::uint8_t {
    if (k < 0 || k >= n) return 0;
    return s.clusters[static_cast<std::size_t>(k)];
  };
  const char c0 = static_cast<char>(cluster_at(j));
  const char k0 = static_cast<char>(cluster_at(j) / kFineClusters);
  add("c0", {std::string_view(&c0, 1)});
  add("k0", {std::string_view(&k0, 1)});
  if (c0 != 0) add("c0.sh", {std::string_view(&c0, 1), shape});
  for (const std::ptrdiff_t d : {-1, 1}) {
    const char c = static_cast<char>(cluster_at(j + d));
    const char k = static_cast<char>(cluster_at(j + d) / kFineClusters);
    add(d < 0 ? "c-1" : "c+1", {std::string_view(&c, 1)});
    add(d < 0 ? "k-1" : "k+1", {std::string_view(&k, 1)});
  }
  add("f0.first", {std::to_string(f0), j == 0 ? "1" : "0"});
}

}  // namespace lectern::entities
