// DiffTexts: sentences aligned by similarity, then word edits inside each aligned group.
#include "lectern/diff.h"

#include <algorithm>
#include <cstdint>
#include <stdexcept>
#include <string>

#include "align.h"
#include "callouts.h"
#include "lectern/segment.h"
#include "similarity.h"
#include "words.h"

namespace lectern {
namespace {

void CheckSpans(std::string_view text, const std::vector<Span>& spans, const char* which) {
  // Token offsets are 32-bit. Compared in 64 bits: size_t is 32 bits on wasm32.
  if (static_cast<std::uint64_t>(text.size()) >= (std::uint64_t{1} << 32)) {
    throw std::invalid_argument("DiffSentences: a text of 4 GiB or more is too large");
  }
  std::size_t at = 0;
  for (const Span& s : spans) {
    if (s.start < at || s.end < s.start || s.end > text.size()) {
      throw std::invalid_argument(std::string("DiffSentences: ") + which +
                                  " must be ascending, non-overlapping and within the text");
    }
    at = s.end;
  }
}

void CheckMentions(std::string_view text, const std::vector<NotableSpan>& mentions,
                   const char* which) {
  std::vector<Span> spans;
  spans.reserve(mentions.size());
  for (const NotableSpan& m : mentions) spans.push_back(m.span);
  CheckSpans(text, spans, which);
}

std::string_view Slice(std::string_view text, const std::vector<Span>& spans, std::size_t first,
                       std::size_t last) {
  return text.substr(spans[first].start, spans[last].end - spans[first].start);
}

// Changed stretches closer than this are one call of DiffOptions::find_mentions: a name stays in
// the entity finder's view for the sentences that follow it ("Wang" after "Wang Yi"), while
// stretches far apart cost only themselves.
constexpr std::size_t kMentionGap = 2048;

// The mentions of one side's changed stretches (`ranges`, in any order), ascending.
std::vector<NotableSpan> FindMentions(const DiffOptions& options, bool b_side,
                                      std::vector<Span> ranges) {
  std::sort(ranges.begin(), ranges.end(),
            [](const Span& x, const Span& y) { return x.start < y.start; });
  std::vector<Span> merged;
  for (const Span& r : ranges) {
    if (!merged.empty() && r.start <= merged.back().end + kMentionGap) {
      merged.back().end = std::max(merged.back().end, r.end);
    } else {
      merged.push_back(r);
    }
  }
  std::vector<NotableSpan> out;
  for (const Span& r : merged) {
    for (NotableSpan& m : options.find_mentions(b_side, r)) out.push_back(std::move(m));
  }
  return out;
}

std::vector<std::size_t> Range(std::size_t lo, std::size_t hi) {
  std::vector<std::size_t> out;
  for (std::size_t k = lo; k < hi; ++k) out.push_back(k);
  return out;
}

}  // namespace

const char* DiffKindName(DiffKind kind) {
  switch (kind) {
    case DiffKind::kSame:
      return "same";
    case DiffKind::kChanged:
      return "changed";
    case DiffKind::kMerged:
      return "merged";
    case DiffKind::kSplit:
      return "split";
    case DiffKind::kMoved:
      return "moved";
    case DiffKind::kOnlyA:
      return "onlyA";
    case DiffKind::kOnlyB:
      return "onlyB";
  }
  return "changed";
}

const char* NotableTypeName(NotableType type) {
  switch (type) {
    case NotableType::kPerson:
      return "PER";
    case NotableType::kOrganisation:
      return "ORG";
    case NotableType::kPlace:
      return "LOC";
    case NotableType::kDate:
      return "DATE";
  }
  return "PER";
}

const char* WordOpName(WordOp op) {
  switch (op) {
    case WordOp::kEqual:
      return "equal";
    case WordOp::kInsert:
      return "insert";
    case WordOp::kDelete:
      return "delete";
  }
  return "equal";
}

std::size_t DiffSummary::count(DiffKind kind) const {
  switch (kind) {
    case DiffKind::kSame:
      return same;
    case DiffKind::kChanged:
      return changed;
    case DiffKind::kMerged:
      return merged;
    case DiffKind::kSplit:
      return split;
    case DiffKind::kMoved:
      return moved;
    case DiffKind::kOnlyA:
      return only_a;
    case DiffKind::kOnlyB:
      return only_b;
  }
  return 0;
}

DiffSummary Summarize(const TextDiff& diff) {
  DiffSummary s;
  for (const DiffGroup& g : diff.groups) {
    switch (g.kind) {
      case DiffKind::kSame:
        ++s.same;
        break;
      case DiffKind::kChanged:
        ++s.changed;
        break;
      case DiffKind::kMerged:
        ++s.merged;
        break;
      case DiffKind::kSplit:
        ++s.split;
        break;
      case DiffKind::kMoved:
        ++s.moved;
        break;
      case DiffKind::kOnlyA:
        ++s.only_a;
        s.words_only_a += g.words_deleted;
        break;
      case DiffKind::kOnlyB:
        ++s.only_b;
        s.words_only_b += g.words_inserted;
        break;
    }
    s.words_equal += g.words_equal;
    s.words_deleted += g.words_deleted;
    s.words_inserted += g.words_inserted;
    s.changes += g.changes.size() + g.changes_omitted;
  }
  return s;
}

TextDiff DiffTexts(std::string_view a, std::string_view b, const DiffOptions& options) {
  std::vector<Span> a_sentences = SplitSentences(a);
  std::vector<Span> b_sentences = a == b ? a_sentences : SplitSentences(b);
  return DiffSentences(a, std::move(a_sentences), b, std::move(b_sentences), options);
}

TextDiff DiffSentences(std::string_view a, std::vector<Span> a_sentences, std::string_view b,
                       std::vector<Span> b_sentences, const DiffOptions& options) {
  CheckSpans(a, a_sentences, "sentences of A");
  CheckSpans(b, b_sentences, "sentences of B");
  CheckSpans(a, options.a_quiet, "quiet stretches of A");
  CheckSpans(b, options.b_quiet, "quiet stretches of B");
  const bool mentions = options.callouts == CalloutSource::kMentions;
  const bool lazy_mentions = mentions && options.find_mentions;
  if (mentions && !lazy_mentions) {
    CheckMentions(a, options.a_mentions, "mentions of A");
    CheckMentions(b, options.b_mentions, "mentions of B");
  }
  TextDiff out;
  out.a_sentences = std::move(a_sentences);
  out.b_sentences = std::move(b_sentences);
  const std::vector<Span>& as = out.a_sentences;
  const std::vector<Span>& bs = out.b_sentences;

  const diff::SentenceBags bags(a, as, b, bs);
  const std::vector<diff::Alignment> alignments = diff::AlignSentences(bags, options);

  diff::WorkBudget budget(diff::WordBudgetSteps(options.word_steps_per_byte, a.size() + b.size()));
  // Words of the sentences already tokenized for the similarity: a hash lookup per word.
  const diff::SeenLowercase seen = [&bags](std::string_view folded) {
    return bags.SeenInLowercase(folded);
  };

  // The mentions the callouts look at: the options', or found now in the stretch of each text
  // whose aligned sentences differ (none for texts that only lost or gained sentences).
  std::vector<NotableSpan> found_a, found_b;
  const std::vector<NotableSpan>* a_mentions = mentions ? &options.a_mentions : nullptr;
  const std::vector<NotableSpan>* b_mentions = mentions ? &options.b_mentions : nullptr;
  if (lazy_mentions) {
    std::vector<Span> ra, rb;
    for (const diff::Alignment& al : alignments) {
      if (Slice(a, as, al.a_lo, al.a_hi - 1) == Slice(b, bs, al.b_lo, al.b_hi - 1)) continue;
      ra.push_back({as[al.a_lo].start, as[al.a_hi - 1].end});
      rb.push_back({bs[al.b_lo].start, bs[al.b_hi - 1].end});
    }
    found_a = FindMentions(options, false, std::move(ra));
    found_b = FindMentions(options, true, std::move(rb));
    CheckMentions(a, found_a, "mentions of A");
    CheckMentions(b, found_b, "mentions of B");
    a_mentions = &found_a;
    b_mentions = &found_b;
  }

  // Groups with A sentences (aligned or only in A), in A's order.
  std::vector<DiffGroup> by_a;
  std::vector<char> a_used(as.size(), 0), b_used(bs.size(), 0);
  for (const diff::Alignment& al : alignments) {
    DiffGroup g;
    g.a = Range(al.a_lo, al.a_hi);
    g.b = Range(al.b_lo, al.b_hi);
    const std::string_view ta = Slice(a, as, al.a_lo, al.a_hi - 1);
    const std::string_view tb = Slice(b, bs, al.b_lo, al.b_hi - 1);
    g.similarity = al.similarity;
    if (al.moved) {
      g.kind = DiffKind::kMoved;
    } else if (g.a.size() > 1) {
      g.kind = DiffKind::kMerged;
    } else if (g.b.size() > 1) {
      g.kind = DiffKind::kSplit;
    } else {
      g.kind = ta == tb ? DiffKind::kSame : DiffKind::kChanged;
    }
    if (ta == tb) {
      g.similarity = 1;
      if (!ta.empty()) g.words.push_back({WordOp::kEqual, std::string(ta)});
      g.words_equal = bags.AWords(al.a_lo, al.a_hi);
    } else {
      diff::WordCounts counts;
      g.words = diff::DiffWords(ta, tb, budget, counts);
      g.words_equal = counts.equal;
      g.words_deleted = counts.deleted;
      g.words_inserted = counts.inserted;
      const diff::CalloutSide side_a{a, as[al.a_lo].start, a_mentions, &options.a_quiet};
      const diff::CalloutSide side_b{b, bs[al.b_lo].start, b_mentions, &options.b_quiet};
      g.changes = diff::FindNotableChanges(g.words, side_a, side_b, seen);
      if (g.changes.size() > kMaxChangesPerGroup) {
        g.changes_omitted = g.changes.size() - kMaxChangesPerGroup;
        g.changes.resize(kMaxChangesPerGroup);
      }
    }
    for (const std::size_t i : g.a) a_used[i] = 1;
    for (const std::size_t j : g.b) b_used[j] = 1;
    by_a.push_back(std::move(g));
  }
  for (std::size_t i = 0; i < as.size(); ++i) {
    if (a_used[i]) continue;
    DiffGroup g;
    g.a = {i};
    g.kind = DiffKind::kOnlyA;
    const std::string_view t = Slice(a, as, i, i);
    if (!t.empty()) g.words.push_back({WordOp::kDelete, std::string(t)});
    g.words_deleted = bags.AWords(i, i + 1);
    by_a.push_back(std::move(g));
  }
  std::stable_sort(by_a.begin(), by_a.end(), [](const DiffGroup& x, const DiffGroup& y) {
    return x.a.front() < y.a.front();
  });

  // B's sentences only in B follow the group holding the B sentence before them.
  auto emit_only_b_after = [&](std::size_t j) {
    for (; j < bs.size() && !b_used[j]; ++j) {
      DiffGroup g;
      g.b = {j};
      g.kind = DiffKind::kOnlyB;
      const std::string_view t = Slice(b, bs, j, j);
      if (!t.empty()) g.words.push_back({WordOp::kInsert, std::string(t)});
      g.words_inserted = bags.BWords(j, j + 1);
      out.groups.push_back(std::move(g));
    }
  };
  emit_only_b_after(0);
  for (DiffGroup& g : by_a) {
    const bool has_b = !g.b.empty();
    const std::size_t next_b = has_b ? g.b.back() + 1 : 0;
    out.groups.push_back(std::move(g));
    if (has_b) emit_only_b_after(next_b);
  }
  return out;
}

}  // namespace lectern
