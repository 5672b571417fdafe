#include "words.h"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <unordered_map>
#include <utility>

#include "tokens.h"

namespace lectern::diff {
namespace {

// Myers keeps one row of furthest reaches per edit step for the way back: rows up to this many
// steps (about 4 MB) before the diff falls back to anchoring.
constexpr std::int64_t kMaxMyersSteps = 1000;
// Deeper than this the anchored recursion gives up and shows the rest as a block.
constexpr int kMaxDepth = 48;
// Ids of the token sequences: every whitespace run is the same token, so that line wrapping in
// one version does not hide the words around it; a differing space is shown at emission.
constexpr std::uint32_t kSpaceId = 0;

// A token-level edit script: ops with token counts (equal and delete advance in A, equal and
// insert in B).
class Script {
 public:
  void Add(WordOp op, std::size_t count) {
    if (count == 0) return;
    if (!ops_.empty() && ops_.back().first == op) {
      ops_.back().second += count;
    } else {
      ops_.emplace_back(op, count);
    }
  }
  const std::vector<std::pair<WordOp, std::size_t>>& ops() const { return ops_; }

 private:
  std::vector<std::pair<WordOp, std::size_t>> ops_;
};

class TokenDiff {
 public:
  TokenDiff(const std::vector<std::uint32_t>& a, const std::vector<std::uint32_t>& b,
            WorkBudget& budget)
      : a_(a), b_(b), budget_(budget) {}

  void Run(Script& out) { Diff(0, a_.size(), 0, b_.size(), 0, out); }

 private:
  void Diff(std::size_t alo, std::size_t ahi, std::size_t blo, std::size_t bhi, int depth,
            Script& out) {
    std::size_t prefix = 0;
    while (alo + prefix < ahi && blo + prefix < bhi && a_[alo + prefix] == b_[blo + prefix]) {
      ++prefix;
    }
    std::size_t suffix = 0;
    while (alo + prefix + suffix < ahi && blo + prefix + suffix < bhi &&
           a_[ahi - 1 - suffix] == b_[bhi - 1 - suffix]) {
      ++suffix;
    }
    budget_.Spend(prefix + suffix + 1);
    out.Add(WordOp::kEqual, prefix);
    alo += prefix;
    blo += prefix;
    ahi -= suffix;
    bhi -= suffix;
    if (alo == ahi || blo == bhi || budget_.left() == 0 ||
        !(Myers(alo, ahi, blo, bhi, out) || Anchored(alo, ahi, blo, bhi, depth, out))) {
      out.Add(WordOp::kDelete, ahi - alo);
      out.Add(WordOp::kInsert, bhi - blo);
    }
    out.Add(WordOp::kEqual, suffix);
  }

  // Myers' greedy O(ND) algorithm, giving up after as many edit steps as the budget allows.
  bool Myers(std::size_t alo, std::size_t ahi, std::size_t blo, std::size_t bhi, Script& out) {
    const auto n = static_cast<std::int64_t>(ahi - alo), m = static_cast<std::int64_t>(bhi - blo);
    const auto affordable =
        static_cast<std::int64_t>(std::sqrt(static_cast<double>(budget_.left())));
    const std::int64_t max_d = std::min({n + m, kMaxMyersSteps, affordable});
    const std::int64_t offset = max_d + 1;
    std::vector<std::int64_t> v(static_cast<std::size_t>(2 * max_d + 3), 0);
    auto at = [&v, offset](std::int64_t k) -> std::int64_t& {
      return v[static_cast<std::size_t>(offset + k)];
    };
    // rows[d] holds v[-d..d] after step d (32 bits: token counts are far below 2^31).
    std::vector<std::vector<std::int32_t>> rows;
    const std::uint32_t* a = a_.data() + alo;
    const std::uint32_t* b = b_.data() + blo;
    for (std::int64_t d = 0; d <= max_d; ++d) {
      std::uint64_t work = static_cast<std::uint64_t>(d) + 1;
      for (std::int64_t k = -d; k <= d; k += 2) {
        std::int64_t x;
        if (k == -d || (k != d && at(k - 1) < at(k + 1))) {
          x = at(k + 1);
        } else {
          x = at(k - 1) + 1;
        }
        std::int64_t y = x - k;
        const std::int64_t x0 = x;
        while (x < n && y < m && a[x] == b[y]) ++x, ++y;
        work += static_cast<std::uint64_t>(x - x0);
        at(k) = x;
        if (x >= n && y >= m) {
          rows.emplace_back(&at(-d), &at(d) + 1);
          Backtrack(rows, n, m, out);
          return true;
        }
      }
      rows.emplace_back(&at(-d), &at(d) + 1);
      if (!budget_.Spend(work)) return false;
    }
    return false;
  }

  static void Backtrack(const std::vector<std::vector<std::int32_t>>& rows, std::int64_t n,
                        std::int64_t m, Script& out) {
    std::vector<std::pair<WordOp, std::size_t>> reversed;
    std::int64_t x = n, y = m;
    for (auto d = static_cast<std::int64_t>(rows.size()) - 1; d > 0; --d) {
      const std::vector<std::int32_t>& prev = rows[static_cast<std::size_t>(d - 1)];
      auto at = [&](std::int64_t k) { return prev[static_cast<std::size_t>(k + d - 1)]; };
      const std::int64_t k = x - y;
      std::int64_t prev_k;
      if (k == -d || (k != d && at(k - 1) < at(k + 1))) {
        prev_k = k + 1;  // came down: an insertion
      } else {
        prev_k = k - 1;  // came right: a deletion
      }
      const std::int64_t prev_x = at(prev_k), prev_y = prev_x - prev_k;
      const std::int64_t mid_x = prev_k == k + 1 ? prev_x : prev_x + 1;
      reversed.emplace_back(WordOp::kEqual, static_cast<std::size_t>(x - mid_x));
      reversed.emplace_back(prev_k == k + 1 ? WordOp::kInsert : WordOp::kDelete, 1);
      x = prev_x;
      y = prev_y;
    }
    reversed.emplace_back(WordOp::kEqual, static_cast<std::size_t>(x));
    for (auto it = reversed.rbegin(); it != reversed.rend(); ++it) out.Add(it->first, it->second);
  }

  // Patience-style: words found exactly once in both ranges, in their longest common order, are
  // matched, and the stretches between them diffed again.
  bool Anchored(std::size_t alo, std::size_t ahi, std::size_t blo, std::size_t bhi, int depth,
                Script& out) {
    if (depth >= kMaxDepth || !budget_.Spend(2 * (ahi - alo + bhi - blo))) return false;
    struct Seen {
      std::uint32_t in_a = 0, in_b = 0;
      std::size_t pos_a = 0, pos_b = 0;
    };
    std::unordered_map<std::uint32_t, Seen> seen;
    for (std::size_t i = alo; i < ahi; ++i) {
      if (a_[i] == kSpaceId) continue;
      Seen& s = seen[a_[i]];
      ++s.in_a;
      s.pos_a = i;
    }
    for (std::size_t j = blo; j < bhi; ++j) {
      const auto it = seen.find(b_[j]);
      if (it == seen.end()) continue;
      ++it->second.in_b;
      it->second.pos_b = j;
    }
    std::vector<std::pair<std::size_t, std::size_t>> unique;
    for (const auto& [id, s] : seen) {
      if (s.in_a == 1 && s.in_b == 1) unique.emplace_back(s.pos_a, s.pos_b);
    }
    if (unique.empty()) return false;
    std::sort(unique.begin(), unique.end());
    // Longest increasing subsequence by B position (patience sorting).
    std::vector<std::size_t> tails, tail_index, prev(unique.size());
    for (std::size_t k = 0; k < unique.size(); ++k) {
      const std::size_t pb = unique[k].second;
      const auto pos = static_cast<std::size_t>(std::lower_bound(tails.begin(), tails.end(), pb) -
                                                tails.begin());
      prev[k] = pos > 0 ? tail_index[pos - 1] : static_cast<std::size_t>(-1);
      if (pos == tails.size()) {
        tails.push_back(pb);
        tail_index.push_back(k);
      } else {
        tails[pos] = pb;
        tail_index[pos] = k;
      }
    }
    std::vector<std::pair<std::size_t, std::size_t>> chain;
    for (std::size_t k = tail_index.back(); k != static_cast<std::size_t>(-1); k = prev[k]) {
      chain.push_back(unique[k]);
    }
    std::reverse(chain.begin(), chain.end());
    std::size_t a = alo, b = blo;
    for (const auto& [pa, pb] : chain) {
      Diff(a, pa, b, pb, depth + 1, out);
      out.Add(WordOp::kEqual, 1);
      a = pa + 1;
      b = pb + 1;
    }
    Diff(a, ahi, b, bhi, depth + 1, out);
    return true;
  }

  const std::vector<std::uint32_t>& a_;
  const std::vector<std::uint32_t>& b_;
  WorkBudget& budget_;
};

// Appends text to the last edit when it has the same op.
void Push(std::vector<WordEdit>& out, WordOp op, std::string_view text) {
  if (text.empty()) return;
  if (!out.empty() && out.back().op == op) {
    out.back().text.append(text);
  } else {
    out.push_back({op, std::string(text)});
  }
}

}  // namespace

std::uint64_t WordBudgetSteps(std::uint64_t steps_per_byte, std::uint64_t bytes) {
  constexpr std::uint64_t kAllowance = 1000000;
  constexpr std::uint64_t kMax = static_cast<std::uint64_t>(-1);
  if (bytes != 0 && steps_per_byte > (kMax - kAllowance) / bytes) return kMax;
  return steps_per_byte * bytes + kAllowance;
}

std::vector<WordEdit> DiffWords(std::string_view a, std::string_view b, WorkBudget& budget,
                                WordCounts& counts) {
  counts = {};
  const std::vector<Token> ta = Tokenize(a), tb = Tokenize(b);
  std::unordered_map<std::string_view, std::uint32_t> ids;
  auto id_of = [&ids](std::string_view text, const Token& t) {
    if (t.kind == TokenKind::kSpace) return kSpaceId;
    return ids
        .try_emplace(text.substr(t.start, t.end - t.start),
                     static_cast<std::uint32_t>(ids.size() + 1))
        .first->second;
  };
  std::vector<std::uint32_t> ia, ib;
  ia.reserve(ta.size());
  ib.reserve(tb.size());
  for (const Token& t : ta) ia.push_back(id_of(a, t));
  for (const Token& t : tb) ib.push_back(id_of(b, t));
  Script script;
  TokenDiff(ia, ib, budget).Run(script);

  // Token-level edits, a whitespace run that differs becoming a deletion and an insertion.
  struct Piece {
    WordOp op;
    std::string_view text;
    bool filler;  // whitespace or punctuation only
    bool word;    // a word token
  };
  std::vector<Piece> pieces;
  std::size_t i = 0, j = 0;
  auto text_a = [&](std::size_t k) { return a.substr(ta[k].start, ta[k].end - ta[k].start); };
  auto text_b = [&](std::size_t k) { return b.substr(tb[k].start, tb[k].end - tb[k].start); };
  for (const auto& [op, count] : script.ops()) {
    for (std::size_t c = 0; c < count; ++c) {
      if (op == WordOp::kDelete) {
        pieces.push_back({op, text_a(i), false, ta[i].kind == TokenKind::kWord});
        ++i;
      } else if (op == WordOp::kInsert) {
        pieces.push_back({op, text_b(j), false, tb[j].kind == TokenKind::kWord});
        ++j;
      } else if (text_a(i) == text_b(j)) {
        const bool word = ta[i].kind == TokenKind::kWord;
        pieces.push_back({op, text_a(i), !word, word});
        ++i, ++j;
      } else {
        pieces.push_back({WordOp::kDelete, text_a(i), false, ta[i].kind == TokenKind::kWord});
        pieces.push_back({WordOp::kInsert, text_b(j), false, tb[j].kind == TokenKind::kWord});
        ++i, ++j;
      }
    }
  }
  // Equal filler between two changes joins the change: "[-Putin on Thursday-]{+Friday+}" reads
  // better than "[-Putin-] [-on-] [-Thursday-]{+Friday+}".
  for (std::size_t k = 0; k < pieces.size();) {
    if (pieces[k].op != WordOp::kEqual) {
      ++k;
      continue;
    }
    std::size_t end = k;
    bool filler = true;
    while (end < pieces.size() && pieces[end].op == WordOp::kEqual) {
      filler = filler && pieces[end].filler;
      ++end;
    }
    if (filler && k > 0 && end < pieces.size()) {
      for (std::size_t x = k; x < end; ++x) pieces[x].op = WordOp::kDelete;  // marks "both"
      for (std::size_t x = k; x < end; ++x) pieces[x].filler = true;
    } else {
      for (std::size_t x = k; x < end; ++x) pieces[x].filler = false;
    }
    k = end;
  }
  // Each run of changes: all of A's text, then all of B's.
  std::vector<WordEdit> out;
  for (std::size_t k = 0; k < pieces.size();) {
    if (pieces[k].op == WordOp::kEqual) {
      Push(out, WordOp::kEqual, pieces[k].text);
      counts.equal += pieces[k].word;
      ++k;
      continue;
    }
    std::size_t end = k;
    while (end < pieces.size() && pieces[end].op != WordOp::kEqual) ++end;
    std::string deleted, inserted;
    for (std::size_t x = k; x < end; ++x) {
      const Piece& p = pieces[x];
      if (p.op == WordOp::kDelete || p.filler) deleted.append(p.text);
      if (p.op == WordOp::kInsert || p.filler) inserted.append(p.text);
      if (p.op == WordOp::kDelete && !p.filler) counts.deleted += p.word;
      if (p.op == WordOp::kInsert) counts.inserted += p.word;
    }
    Push(out, WordOp::kDelete, deleted);
    Push(out, WordOp::kInsert, inserted);
    k = end;
  }
  return out;
}

}  // namespace lectern::diff
