// Anchors (confident mutual best matches) whose longest in-order chain is the backbone of the
// story; merges and splits grown around them; the stretches between them aligned by a small
// dynamic programme; what is left matched anywhere as moved.
#include "align.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <functional>
#include <unordered_map>

namespace lectern::diff {
namespace {

struct Pair {
  std::uint32_t i = 0, j = 0;
  double sim = 0;
};

constexpr std::size_t kCandidatesPerSentence = 6;
constexpr int kFree = -1;

// Indices of the heaviest chain of `items` strictly increasing in both `key_a` and `key_b`.
// `items` must be sorted by key_a. O(k log k) with a Fenwick tree of prefix maxima over key_b.
template <typename T, typename KeyA, typename KeyB, typename Weight>
std::vector<std::size_t> HeaviestChain(const std::vector<T>& items, KeyA key_a, KeyB key_b,
                                       Weight weight) {
  std::vector<std::size_t> bs;
  for (const T& t : items) bs.push_back(key_b(t));
  std::sort(bs.begin(), bs.end());
  bs.erase(std::unique(bs.begin(), bs.end()), bs.end());
  const std::size_t size = bs.size();
  // tree[k] holds (best chain weight, item index) over a range of ranks ending at k (1-based).
  std::vector<std::pair<double, std::ptrdiff_t>> tree(size + 1, {0.0, -1});
  std::vector<double> best(items.size());
  std::vector<std::ptrdiff_t> prev(items.size(), -1);
  auto rank = [&](const T& t) {
    return static_cast<std::size_t>(std::lower_bound(bs.begin(), bs.end(), key_b(t)) - bs.begin());
  };
  std::size_t start = 0;
  while (start < items.size()) {
    // Items with the same key_a may not chain to each other: query them all, then insert.
    std::size_t end = start;
    while (end < items.size() && key_a(items[end]) == key_a(items[start])) ++end;
    for (std::size_t k = start; k < end; ++k) {
      std::pair<double, std::ptrdiff_t> q{0.0, -1};
      for (std::size_t r = rank(items[k]); r > 0; r -= r & (~r + 1)) q = std::max(q, tree[r]);
      best[k] = q.first + weight(items[k]);
      prev[k] = q.second;
    }
    for (std::size_t k = start; k < end; ++k) {
      const std::pair<double, std::ptrdiff_t> v{best[k], static_cast<std::ptrdiff_t>(k)};
      for (std::size_t r = rank(items[k]) + 1; r <= size; r += r & (~r + 1)) {
        tree[r] = std::max(tree[r], v);
      }
    }
    start = end;
  }
  std::vector<std::size_t> chain;
  std::ptrdiff_t at = -1;
  double top = 0;
  for (std::size_t k = 0; k < items.size(); ++k) {
    if (best[k] > top) top = best[k], at = static_cast<std::ptrdiff_t>(k);
  }
  for (; at >= 0; at = prev[static_cast<std::size_t>(at)]) {
    chain.push_back(static_cast<std::size_t>(at));
  }
  std::reverse(chain.begin(), chain.end());
  return chain;
}

class Aligner {
 public:
  Aligner(const SentenceBags& bags, const DiffOptions& options)
      : bags_(bags),
        opt_(options),
        n_(bags.a_size()),
        m_(bags.b_size()),
        a_group_(n_, kFree),
        b_group_(m_, kFree) {
    opt_.max_group_sentences =
        std::clamp<std::size_t>(opt_.max_group_sentences, 1, kMaxGroupSentences);
  }

  std::vector<Alignment> Run() {
    if (n_ == 0 || m_ == 0) return {};
    FindCandidates();
    const std::vector<Pair> backbone = Backbone();
    // All anchors first: a group may only grow into sentences that no anchor holds.
    for (const Pair& p : backbone) Add(p.i, p.i + 1, p.j, p.j + 1, p.sim);
    for (std::size_t g = 0; g < backbone.size(); ++g) Extend(g);
    // The stretches between consecutive backbone groups, and before the first and after the last.
    std::size_t a = 0, b = 0;
    std::vector<Alignment> bounds = groups_;
    for (const Alignment& g : bounds) {
      AlignGap(a, g.a_lo, b, g.b_lo, 0);
      a = g.a_hi;
      b = g.b_hi;
    }
    AlignGap(a, n_, b, m_, 0);
    MatchLeftovers();
    MarkMoved();
    std::sort(groups_.begin(), groups_.end(),
              [](const Alignment& x, const Alignment& y) { return x.a_lo < y.a_lo; });
    return groups_;
  }

 private:
  // Pairs of sentences that share rare words, through an inverted index over B. Words are indexed
  // rarest first until the postings they would walk exceed a budget linear in the number of
  // sentences, so unrelated or huge texts cost little; identical sentences always pair up.
  void FindCandidates() {
    const std::size_t vocabulary = bags_.vocabulary();
    std::vector<std::uint32_t> words;
    for (std::uint32_t w = 0; w < vocabulary; ++w) {
      if (bags_.a_df(w) > 0 && bags_.b_df(w) > 0) words.push_back(w);
    }
    auto cost = [this](std::uint32_t w) {
      return static_cast<std::uint64_t>(bags_.a_df(w)) * bags_.b_df(w);
    };
    std::sort(words.begin(), words.end(),
              [&](std::uint32_t x, std::uint32_t y) { return cost(x) < cost(y); });
    const std::uint64_t budget = 32 * static_cast<std::uint64_t>(n_ + m_) + 4096;
    std::vector<char> indexed(vocabulary, 0);
    std::uint64_t spent = 0;
    for (const std::uint32_t w : words) {
      if (spent + cost(w) > budget) break;
      spent += cost(w);
      indexed[w] = 1;
    }
    // Postings of the indexed words in B, as one array with offsets.
    std::vector<std::uint32_t> offset(vocabulary + 1, 0);
    for (std::size_t j = 0; j < m_; ++j) {
      for (const BagEntry& e : bags_.b(j)) {
        if (indexed[e.word]) ++offset[e.word + 1];
      }
    }
    for (std::size_t w = 0; w < vocabulary; ++w) offset[w + 1] += offset[w];
    std::vector<BagEntry> postings(offset[vocabulary]);  // word = B sentence, count
    {
      std::vector<std::uint32_t> fill(offset.begin(), offset.end() - 1);
      for (std::size_t j = 0; j < m_; ++j) {
        for (const BagEntry& e : bags_.b(j)) {
          if (indexed[e.word]) postings[fill[e.word]++] = {static_cast<std::uint32_t>(j), e.count};
        }
      }
    }
    std::vector<Pair> pairs;
    std::vector<double> acc(m_, 0);
    std::vector<std::uint32_t> touched;
    // The best few A sentences of each B sentence, so that the B side gets candidates too.
    std::vector<std::vector<std::pair<double, std::uint32_t>>> best_of_b(m_);
    for (std::size_t i = 0; i < n_; ++i) {
      touched.clear();
      for (const BagEntry& e : bags_.a(i)) {
        if (!indexed[e.word]) continue;
        const double w = bags_.weight(e.word);
        for (std::uint32_t k = offset[e.word]; k < offset[e.word + 1]; ++k) {
          const BagEntry& p = postings[k];
          if (acc[p.word] == 0) touched.push_back(p.word);
          acc[p.word] += std::min(e.count, p.count) * w;
        }
      }
      const std::size_t keep = std::min(kCandidatesPerSentence, touched.size());
      std::partial_sort(touched.begin(), touched.begin() + keep, touched.end(),
                        [&](std::uint32_t x, std::uint32_t y) { return acc[x] > acc[y]; });
      for (std::size_t k = 0; k < touched.size(); ++k) {
        const std::uint32_t j = touched[k];
        if (k < keep) pairs.push_back({static_cast<std::uint32_t>(i), j, 0});
        auto& list = best_of_b[j];
        const std::pair<double, std::uint32_t> entry{acc[j], static_cast<std::uint32_t>(i)};
        if (list.size() < kCandidatesPerSentence) {
          list.push_back(entry);
        } else {
          auto worst = std::min_element(list.begin(), list.end());
          if (*worst < entry) *worst = entry;
        }
        acc[j] = 0;
      }
    }
    for (std::size_t j = 0; j < m_; ++j) {
      for (const auto& [score, i] : best_of_b[j]) {
        pairs.push_back({i, static_cast<std::uint32_t>(j), 0});
      }
    }
    std::unordered_map<std::uint64_t, std::vector<std::uint32_t>> same_text;
    for (std::size_t j = 0; j < m_; ++j) {
      auto& list = same_text[bags_.b_hash(j)];
      if (list.size() < kCandidatesPerSentence) list.push_back(static_cast<std::uint32_t>(j));
    }
    for (std::size_t i = 0; i < n_; ++i) {
      const auto it = same_text.find(bags_.a_hash(i));
      if (it == same_text.end()) continue;
      for (const std::uint32_t j : it->second)
        pairs.push_back({static_cast<std::uint32_t>(i), j, 0});
    }
    std::sort(pairs.begin(), pairs.end(),
              [](const Pair& x, const Pair& y) { return x.i != y.i ? x.i < y.i : x.j < y.j; });
    pairs.erase(std::unique(pairs.begin(), pairs.end(),
                            [](const Pair& x, const Pair& y) { return x.i == y.i && x.j == y.j; }),
                pairs.end());
    for (Pair& p : pairs) p.sim = bags_.Similarity(p.i, p.i + 1, p.j, p.j + 1);
    candidates_ = std::move(pairs);
  }

  // How far apart two sentences are in their texts, relatively: breaks ties between equally good
  // matches (repeated sentences) in favour of the one in the same place.
  double Distance(const Pair& p) const {
    return std::fabs((p.i + 0.5) / static_cast<double>(n_) - (p.j + 0.5) / static_cast<double>(m_));
  }
  bool Better(const Pair& x, const Pair& y) const {
    if (x.sim != y.sim) return x.sim > y.sim;
    return Distance(x) < Distance(y);
  }

  // Mutual best matches similar enough, and of those the heaviest in-order chain.
  std::vector<Pair> Backbone() const {
    std::vector<std::ptrdiff_t> best_a(n_, -1), best_b(m_, -1);
    for (std::size_t k = 0; k < candidates_.size(); ++k) {
      const Pair& p = candidates_[k];
      if (best_a[p.i] < 0 || Better(p, candidates_[static_cast<std::size_t>(best_a[p.i])])) {
        best_a[p.i] = static_cast<std::ptrdiff_t>(k);
      }
      if (best_b[p.j] < 0 || Better(p, candidates_[static_cast<std::size_t>(best_b[p.j])])) {
        best_b[p.j] = static_cast<std::ptrdiff_t>(k);
      }
    }
    std::vector<Pair> anchors;
    for (std::size_t k = 0; k < candidates_.size(); ++k) {
      const Pair& p = candidates_[k];
      if (p.sim >= opt_.anchor_similarity && best_a[p.i] == static_cast<std::ptrdiff_t>(k) &&
          best_b[p.j] == static_cast<std::ptrdiff_t>(k)) {
        anchors.push_back(p);
      }
    }
    std::vector<Pair> chain;
    for (const std::size_t k : HeaviestChain(
             anchors, [](const Pair& p) { return p.i; }, [](const Pair& p) { return p.j; },
             [](const Pair& p) { return p.sim; })) {
      chain.push_back(anchors[k]);
    }
    return chain;
  }

  std::size_t Add(std::size_t a_lo, std::size_t a_hi, std::size_t b_lo, std::size_t b_hi,
                  double sim) {
    const std::size_t g = groups_.size();
    groups_.push_back({a_lo, a_hi, b_lo, b_hi, sim, false});
    for (std::size_t i = a_lo; i < a_hi; ++i) a_group_[i] = static_cast<int>(g);
    for (std::size_t j = b_lo; j < b_hi; ++j) b_group_[j] = static_cast<int>(g);
    return g;
  }

  // Whether every sentence on the many side of a merge or split went into the other side.
  bool Covered(std::size_t a_lo, std::size_t a_hi, std::size_t b_lo, std::size_t b_hi) const {
    if (a_hi - a_lo > 1) {
      for (std::size_t i = a_lo; i < a_hi; ++i) {
        if (bags_.ACovered(i, b_lo, b_hi) < opt_.merge_coverage) return false;
      }
    }
    if (b_hi - b_lo > 1) {
      for (std::size_t j = b_lo; j < b_hi; ++j) {
        if (bags_.BCovered(j, a_lo, a_hi) < opt_.merge_coverage) return false;
      }
    }
    return true;
  }

  // Grows a group by free neighbouring sentences on one side while that makes it clearly more
  // similar: a merge (several A sentences) or a split (several B sentences).
  void Extend(std::size_t g) {
    for (;;) {
      const Alignment cur = groups_[g];
      Alignment best = cur;
      double best_sim = cur.similarity + opt_.merge_margin;
      auto consider = [&](Alignment cand) {
        const double sim = bags_.Similarity(cand.a_lo, cand.a_hi, cand.b_lo, cand.b_hi);
        if (sim >= best_sim && Covered(cand.a_lo, cand.a_hi, cand.b_lo, cand.b_hi)) {
          best_sim = sim, best = cand, best.similarity = sim;
        }
      };
      const bool one_b = cur.b_hi - cur.b_lo == 1, one_a = cur.a_hi - cur.a_lo == 1;
      if (one_b && cur.a_hi - cur.a_lo < opt_.max_group_sentences) {
        if (cur.a_lo > 0 && a_group_[cur.a_lo - 1] == kFree) {
          Alignment c = cur;
          --c.a_lo;
          consider(c);
        }
        if (cur.a_hi < n_ && a_group_[cur.a_hi] == kFree) {
          Alignment c = cur;
          ++c.a_hi;
          consider(c);
        }
      }
      if (one_a && cur.b_hi - cur.b_lo < opt_.max_group_sentences) {
        if (cur.b_lo > 0 && b_group_[cur.b_lo - 1] == kFree) {
          Alignment c = cur;
          --c.b_lo;
          consider(c);
        }
        if (cur.b_hi < m_ && b_group_[cur.b_hi] == kFree) {
          Alignment c = cur;
          ++c.b_hi;
          consider(c);
        }
      }
      if (best.a_lo == cur.a_lo && best.a_hi == cur.a_hi && best.b_lo == cur.b_lo &&
          best.b_hi == cur.b_hi) {
        return;
      }
      groups_[g] = best;
      for (std::size_t i = best.a_lo; i < best.a_hi; ++i) a_group_[i] = static_cast<int>(g);
      for (std::size_t j = best.b_lo; j < best.b_hi; ++j) b_group_[j] = static_cast<int>(g);
    }
  }

  // Aligns the free sentences A[a_lo, a_hi) with B[b_lo, b_hi), in order.
  void AlignGap(std::size_t a_lo, std::size_t a_hi, std::size_t b_lo, std::size_t b_hi, int depth) {
    if (a_lo >= a_hi || b_lo >= b_hi) return;
    const std::size_t ga = a_hi - a_lo, gb = b_hi - b_lo;
    // In 64 bits: on wasm32 the product of two sentence counts can wrap a size_t.
    if (static_cast<std::uint64_t>(ga) * gb <= opt_.max_gap_cells) {
      AlignGapExactly(a_lo, a_hi, b_lo, b_hi);
      return;
    }
    if (depth >= 2) return;
    // Too big to align exactly: the heaviest in-order chain of candidate pairs cuts it up.
    std::vector<Pair> inside;
    const auto first = std::lower_bound(candidates_.begin(), candidates_.end(), a_lo,
                                        [](const Pair& p, std::size_t i) { return p.i < i; });
    for (auto it = first; it != candidates_.end() && it->i < a_hi; ++it) {
      if (it->j >= b_lo && it->j < b_hi && it->sim >= opt_.match_similarity) inside.push_back(*it);
    }
    const std::vector<std::size_t> chain = HeaviestChain(
        inside, [](const Pair& p) { return p.i; }, [](const Pair& p) { return p.j; },
        [](const Pair& p) { return p.sim; });
    std::vector<std::size_t> added;
    for (const std::size_t k : chain) {
      const Pair& p = inside[k];
      added.push_back(Add(p.i, p.i + 1, p.j, p.j + 1, p.sim));
    }
    for (const std::size_t g : added) Extend(g);
    std::size_t a = a_lo, b = b_lo;
    for (const std::size_t g : added) {
      const Alignment bound = groups_[g];
      AlignGap(a, bound.a_lo, b, bound.b_lo, depth + 1);
      a = bound.a_hi;
      b = bound.b_hi;
    }
    AlignGap(a, a_hi, b, b_hi, depth + 1);
  }

  // Dynamic programme over the stretch: each step leaves an A or a B sentence out (scoring 0) or
  // aligns 1:1, k:1 or 1:k sentences, scoring (similarity - threshold) per sentence. A merge or
  // split must be clearly more similar than its best single pair, and each of its parts must have
  // gone into the other side. In a stretch with as many sentences on both sides, the sentences in
  // the same place get a little credit: that is where an editor's rewording would stand.
  void AlignGapExactly(std::size_t a_lo, std::size_t a_hi, std::size_t b_lo, std::size_t b_hi) {
    const std::size_t ga = a_hi - a_lo, gb = b_hi - b_lo, w = gb + 1;
    const double tau = opt_.match_similarity;
    std::vector<double> single(ga * gb);
    for (std::size_t x = 0; x < ga; ++x) {
      for (std::size_t y = 0; y < gb; ++y) {
        single[x * gb + y] = bags_.Similarity(a_lo + x, a_lo + x + 1, b_lo + y, b_lo + y + 1);
      }
    }
    struct Cell {
      double score = 0;
      std::uint8_t p = 0, q = 0;  // the step into this cell: p A and q B sentences
      double sim = 0;
    };
    static_assert(kMaxGroupSentences <= 255, "Cell::p and Cell::q hold a group's sentence count");
    std::vector<Cell> dp((ga + 1) * w);
    const std::size_t most = opt_.max_group_sentences;
    for (std::size_t x = 0; x <= ga; ++x) {
      for (std::size_t y = 0; y <= gb; ++y) {
        if (x == 0 && y == 0) continue;
        Cell best;
        best.score = -1;
        if (x > 0 && dp[(x - 1) * w + y].score > best.score) {
          best = {dp[(x - 1) * w + y].score, 1, 0, 0};
        }
        if (y > 0 && dp[x * w + y - 1].score > best.score) {
          best = {dp[x * w + y - 1].score, 0, 1, 0};
        }
        for (std::size_t p = 1; p <= std::min(x, most); ++p) {
          for (std::size_t q = 1; q <= std::min(y, most); ++q) {
            if (p > 1 && q > 1) break;
            double sim, credit;
            if (p == 1 && q == 1) {
              sim = credit = single[(x - 1) * gb + (y - 1)];
              if (ga == gb && x == y && sim > 0) credit += opt_.slot_bonus;
            } else {
              double top = 0;
              for (std::size_t k = 0; k < p; ++k) {
                for (std::size_t l = 0; l < q; ++l) {
                  top = std::max(top, single[(x - 1 - k) * gb + (y - 1 - l)]);
                }
              }
              if (top < tau / 2) continue;
              sim = credit = bags_.Similarity(a_lo + x - p, a_lo + x, b_lo + y - q, b_lo + y);
              if (sim < top + opt_.merge_margin ||
                  !Covered(a_lo + x - p, a_lo + x, b_lo + y - q, b_lo + y)) {
                continue;
              }
            }
            if (credit < tau) continue;
            const double score = dp[(x - p) * w + (y - q)].score + (credit - tau) * double(p + q);
            if (score > best.score) {
              best = {score, static_cast<std::uint8_t>(p), static_cast<std::uint8_t>(q), sim};
            }
          }
        }
        dp[x * w + y] = best;
      }
    }
    std::size_t x = ga, y = gb;
    while (x > 0 || y > 0) {
      const Cell& c = dp[x * w + y];
      if (c.p > 0 && c.q > 0) {
        Add(a_lo + x - c.p, a_lo + x, b_lo + y - c.q, b_lo + y, c.sim);
      }
      x -= c.p;
      y -= c.q;
    }
  }

  // Sentences still free on both sides that match well are moved.
  void MatchLeftovers() {
    std::vector<Pair> pairs;
    for (const Pair& p : candidates_) {
      if (p.sim >= opt_.moved_similarity && a_group_[p.i] == kFree && b_group_[p.j] == kFree) {
        pairs.push_back(p);
      }
    }
    std::sort(pairs.begin(), pairs.end(),
              [this](const Pair& x, const Pair& y) { return Better(x, y); });
    std::vector<std::size_t> added;
    for (const Pair& p : pairs) {
      if (a_group_[p.i] != kFree || b_group_[p.j] != kFree) continue;
      added.push_back(Add(p.i, p.i + 1, p.j, p.j + 1, p.sim));
    }
    for (const std::size_t g : added) Extend(g);
  }

  // Groups off the heaviest in-order chain of all groups are moved.
  void MarkMoved() {
    std::sort(groups_.begin(), groups_.end(),
              [](const Alignment& x, const Alignment& y) { return x.a_lo < y.a_lo; });
    const std::vector<std::size_t> chain = HeaviestChain(
        groups_, [](const Alignment& g) { return g.a_lo; },
        [](const Alignment& g) { return g.b_lo; },
        [](const Alignment& g) {
          return g.similarity * static_cast<double>(g.a_hi - g.a_lo + g.b_hi - g.b_lo);
        });
    for (Alignment& g : groups_) g.moved = true;
    for (const std::size_t k : chain) groups_[k].moved = false;
  }

  const SentenceBags& bags_;
  DiffOptions opt_;
  std::size_t n_, m_;
  std::vector<Pair> candidates_;  // sorted by i, then j
  std::vector<int> a_group_, b_group_;
  std::vector<Alignment> groups_;
};

}  // namespace

std::vector<Alignment> AlignSentences(const SentenceBags& bags, const DiffOptions& options) {
  return Aligner(bags, options).Run();
}

}  // namespace lectern::diff
