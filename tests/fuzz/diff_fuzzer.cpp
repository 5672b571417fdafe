// Diffs two texts made of arbitrary bytes (after a first byte that picks the direction and the
// options: callouts from capitalised words or from entities, or tiny work limits; the rest split
// at its first 0xFF byte, without one in halves, each text cut to kMaxSide bytes) and checks what
// the page relies on: every sentence in one group, each group's equal + delete texts rebuilding A's
// sentences and equal + insert texts B's, the caps on notable changes, and JSON that serialises.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz_input.h"
#include "lectern/api.h"
#include "lectern/diff.h"

using lectern_fuzz::Check;

namespace {

// Each text's cap. Under ASan and UBSan 3 KB pairs ran 25 times a second; texts of half a
// kilobyte (five or six sentences) still reach every kind of group, and the tiny work limits the
// fallbacks.
constexpr std::size_t kMaxSide = 512;

std::string_view Slice(std::string_view text, const std::vector<lectern::Span>& spans,
                       const std::vector<std::size_t>& indices) {
  if (indices.empty()) return {};
  const lectern::Span first = spans[indices.front()], last = spans[indices.back()];
  return text.substr(first.start, last.end - first.start);
}

void CheckDiff(std::string_view a, std::string_view b, const lectern::DiffOptions& options) {
  const lectern::TextDiff d = lectern::DiffTexts(a, b, options);
  std::vector<int> a_seen(d.a_sentences.size(), 0), b_seen(d.b_sentences.size(), 0);
  for (const lectern::DiffGroup& g : d.groups) {
    Check(!g.a.empty() || !g.b.empty());
    for (std::size_t k = 0; k < g.a.size(); ++k) {
      Check(g.a[k] < a_seen.size() && (k == 0 || g.a[k] == g.a[k - 1] + 1));
      ++a_seen[g.a[k]];
    }
    for (std::size_t k = 0; k < g.b.size(); ++k) {
      Check(g.b[k] < b_seen.size() && (k == 0 || g.b[k] == g.b[k - 1] + 1));
      ++b_seen[g.b[k]];
    }
    std::string ra, rb;
    for (std::size_t k = 0; k < g.words.size(); ++k) {
      const lectern::WordEdit& w = g.words[k];
      Check(!w.text.empty() && (k == 0 || w.op != g.words[k - 1].op));
      if (w.op != lectern::WordOp::kInsert) ra += w.text;
      if (w.op != lectern::WordOp::kDelete) rb += w.text;
    }
    Check(ra == Slice(a, d.a_sentences, g.a));
    Check(rb == Slice(b, d.b_sentences, g.b));
    Check(g.similarity >= 0 && g.similarity <= 1);
    Check(g.changes.size() <= lectern::kMaxChangesPerGroup);
    Check(g.changes_omitted == 0 || g.changes.size() == lectern::kMaxChangesPerGroup);
  }
  for (const int n : a_seen) Check(n == 1);
  for (const int n : b_seen) Check(n == 1);
  lectern::TextDiffToJson(a, b, d, lectern::OffsetUnit::kUtf16);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::string_view input = lectern_fuzz::AsText(data + 1, size - 1);
  std::vector<std::string_view> parts = lectern_fuzz::SplitInput(input, 2, kMaxSide);
  if (parts.size() == 1) {
    const std::size_t half = input.size() / 2;
    parts = {input.substr(0, std::min(half, kMaxSide)), input.substr(half, kMaxSide)};
  }
  const std::string_view a = parts[0], b = parts[1];
  // One diff per run, the first byte says which: a run costs a third of all three.
  lectern::DiffOptions options;
  switch (data[0] % 4) {
    case 0:
      CheckDiff(a, b, options);
      break;
    case 1:
      CheckDiff(b, a, options);
      break;
    case 2:
      CheckDiff(a, b, lectern::EntityCalloutOptions(a, b, "2024-09-12", ""));
      break;
    default:
      // Small limits reach the fallbacks (blocks, sparse chains) with small inputs.
      options.word_steps_per_byte = 0;
      options.max_gap_cells = 4;
      options.max_group_sentences = data[0] / 4 % 5;
      CheckDiff(a, b, options);
  }
  return 0;
}
