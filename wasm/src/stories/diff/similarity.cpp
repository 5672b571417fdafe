#include "similarity.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <unordered_map>

#include "tokens.h"

namespace lectern::diff {
namespace {

std::uint64_t HashBytes(std::string_view s) {
  std::uint64_t h = 1469598103934665603ull;  // FNV-1a
  for (const char c : s) {
    h ^= static_cast<unsigned char>(c);
    h *= 1099511628211ull;
  }
  return h;
}

// Word ids of folded words, and which of them occur in the text as they are (in lower case).
class Vocabulary {
 public:
  Vocabulary(std::unordered_map<std::string, std::uint32_t>& ids, std::vector<char>& lowercase)
      : ids_(ids), lowercase_(lowercase) {}

  Bag BagOf(std::string_view sentence, std::uint32_t& words) {
    std::vector<std::uint32_t> ids;
    for (const Token& t : Tokenize(sentence)) {
      if (t.kind != TokenKind::kWord) continue;
      const std::string_view word = sentence.substr(t.start, t.end - t.start);
      std::string folded = FoldWord(word);
      const bool lower = folded == word;
      const auto [it, added] =
          ids_.try_emplace(std::move(folded), static_cast<std::uint32_t>(ids_.size()));
      if (added) lowercase_.push_back(0);
      if (lower) lowercase_[it->second] = 1;
      ids.push_back(it->second);
    }
    words = static_cast<std::uint32_t>(ids.size());
    std::sort(ids.begin(), ids.end());
    Bag bag;
    for (const std::uint32_t id : ids) {
      if (!bag.empty() && bag.back().word == id) {
        ++bag.back().count;
      } else {
        bag.push_back({id, 1});
      }
    }
    return bag;
  }
  std::size_t size() const { return ids_.size(); }

 private:
  std::unordered_map<std::string, std::uint32_t>& ids_;
  std::vector<char>& lowercase_;
};

// Adds the bags of `bags[lo, hi)` into one (counts summed), in `out`.
const Bag& Union(const std::vector<Bag>& bags, std::size_t lo, std::size_t hi, Bag& out) {
  if (hi - lo == 1) return bags[lo];
  out.clear();
  for (std::size_t k = lo; k < hi; ++k) out.insert(out.end(), bags[k].begin(), bags[k].end());
  std::sort(out.begin(), out.end(),
            [](const BagEntry& x, const BagEntry& y) { return x.word < y.word; });
  std::size_t w = 0;
  for (std::size_t r = 0; r < out.size(); ++r) {
    if (w > 0 && out[w - 1].word == out[r].word) {
      out[w - 1].count += out[r].count;
    } else {
      out[w++] = out[r];
    }
  }
  out.resize(w);
  return out;
}

// The weight of the words x and y share (counted as often as both have them). A short bag is
// looked up in a much longer one (a sentence against a text without punctuation) rather than
// walked along it: O(short * log long), not O(long), for each of the long one's many pairs.
double SharedWeight(const Bag& x, const Bag& y, const std::vector<double>& idf) {
  const Bag& shorter = x.size() <= y.size() ? x : y;
  const Bag& longer = x.size() <= y.size() ? y : x;
  if (shorter.size() * 16 < longer.size()) {
    double shared = 0;
    auto from = longer.begin();
    for (const BagEntry& e : shorter) {
      from = std::lower_bound(from, longer.end(), e.word,
                              [](const BagEntry& b, std::uint32_t w) { return b.word < w; });
      if (from == longer.end()) break;
      if (from->word == e.word) shared += std::min(e.count, from->count) * idf[e.word];
    }
    return shared;
  }
  double shared = 0;
  std::size_t p = 0, q = 0;
  while (p < x.size() && q < y.size()) {
    if (x[p].word < y[q].word) {
      ++p;
    } else if (y[q].word < x[p].word) {
      ++q;
    } else {
      shared += std::min(x[p].count, y[q].count) * idf[x[p].word];
      ++p;
      ++q;
    }
  }
  return shared;
}

}  // namespace

SentenceBags::SentenceBags(std::string_view a, const std::vector<Span>& a_sentences,
                           std::string_view b, const std::vector<Span>& b_sentences) {
  Vocabulary vocabulary(ids_, lowercase_);
  std::uint32_t words = 0;
  for (const Span& s : a_sentences) {
    const std::string_view text = a.substr(s.start, s.end - s.start);
    a_.push_back(vocabulary.BagOf(text, words));
    a_words_.push_back(words);
    a_text_.push_back(text);
    a_hash_.push_back(HashBytes(text));
  }
  for (const Span& s : b_sentences) {
    const std::string_view text = b.substr(s.start, s.end - s.start);
    b_.push_back(vocabulary.BagOf(text, words));
    b_words_.push_back(words);
    b_text_.push_back(text);
    b_hash_.push_back(HashBytes(text));
  }
  a_df_.assign(vocabulary.size(), 0);
  b_df_.assign(vocabulary.size(), 0);
  for (const Bag& bag : a_)
    for (const BagEntry& e : bag) ++a_df_[e.word];
  for (const Bag& bag : b_)
    for (const BagEntry& e : bag) ++b_df_[e.word];
  // Words in many sentences (of both texts together) say little about which sentences match.
  const double sentences = static_cast<double>(a_.size() + b_.size());
  idf_.resize(vocabulary.size());
  for (std::size_t w = 0; w < idf_.size(); ++w) {
    idf_[w] = std::log(1.0 + sentences / static_cast<double>(a_df_[w] + b_df_[w]));
  }
  auto total = [this](const Bag& bag) {
    double sum = 0;
    for (const BagEntry& e : bag) sum += e.count * idf_[e.word];
    return sum;
  };
  for (const Bag& bag : a_) a_weight_.push_back(total(bag));
  for (const Bag& bag : b_) b_weight_.push_back(total(bag));
}

std::size_t SentenceBags::AWords(std::size_t lo, std::size_t hi) const {
  std::size_t n = 0;
  for (std::size_t i = lo; i < hi; ++i) n += a_words_[i];
  return n;
}

std::size_t SentenceBags::BWords(std::size_t lo, std::size_t hi) const {
  std::size_t n = 0;
  for (std::size_t j = lo; j < hi; ++j) n += b_words_[j];
  return n;
}

bool SentenceBags::SeenInLowercase(std::string_view folded) const {
  const auto it = ids_.find(std::string(folded));
  return it != ids_.end() && lowercase_[it->second];
}

double SentenceBags::Similarity(std::size_t a_lo, std::size_t a_hi, std::size_t b_lo,
                                std::size_t b_hi) const {
  if (a_lo >= a_hi || b_lo >= b_hi) return 0;
  if (a_hi - a_lo == 1 && b_hi - b_lo == 1 && a_hash_[a_lo] == b_hash_[b_lo] &&
      a_text_[a_lo] == b_text_[b_lo]) {
    return 1;
  }
  double wa = 0, wb = 0;
  for (std::size_t i = a_lo; i < a_hi; ++i) wa += a_weight_[i];
  for (std::size_t j = b_lo; j < b_hi; ++j) wb += b_weight_[j];
  if (wa + wb <= 0) return 0;
  Bag scratch_a, scratch_b;
  const Bag& x = Union(a_, a_lo, a_hi, scratch_a);
  const Bag& y = Union(b_, b_lo, b_hi, scratch_b);
  return std::min(1.0, 2 * SharedWeight(x, y, idf_) / (wa + wb));
}

double SentenceBags::ACovered(std::size_t i, std::size_t b_lo, std::size_t b_hi) const {
  if (a_weight_[i] <= 0) return 0;
  Bag scratch;
  return SharedWeight(a_[i], Union(b_, b_lo, b_hi, scratch), idf_) / a_weight_[i];
}

double SentenceBags::BCovered(std::size_t j, std::size_t a_lo, std::size_t a_hi) const {
  if (b_weight_[j] <= 0) return 0;
  Bag scratch;
  return SharedWeight(b_[j], Union(a_, a_lo, a_hi, scratch), idf_) / b_weight_[j];
}

}  // namespace lectern::diff
