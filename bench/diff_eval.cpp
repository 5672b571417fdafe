// Evaluation and benchmark of the story diff (lectern/diff.h) on the Reuters-21578 near-duplicate
// pairs, and its time on adversarial inputs.
//
// usage: diff_eval [--min-jaccard J] [--list] [CORPUS.jsonl]
//   CORPUS   defaults to ../shared/data/bench/reuters21578.jsonl (run from the repository root);
//            when it is missing the evaluation says so and exits 0.
//   --min-jaccard  the pairs are those lectern::StoryIndex keeps with this Jaccard threshold
//            (default 0.3) in place of its 0.5, cut-down versions kept for containment included.
//   --list   one line per pair: ids, time, groups by kind, edit size.
// For every pair: both texts must be rebuilt exactly from the diff; prints time per pair, groups
// by kind and edit sizes, then timings of unrelated, huge, unpunctuated, identical and renamed
// texts.
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <functional>
#include <iterator>
#include <nlohmann/json.hpp>
#include <random>
#include <string>
#include <unordered_map>
#include <vector>

#include "lectern/dedup.h"
#include "lectern/diff.h"
#include "lectern/reading.h"
#include "lectern/segment.h"
#include "tokens.h"

namespace {

using lectern::Article;
using lectern::DiffGroup;
using lectern::DiffKind;
using lectern::Span;
using lectern::TextDiff;
using lectern::WordEdit;
using lectern::WordOp;

constexpr DiffKind kKinds[] = {DiffKind::kSame,  DiffKind::kChanged, DiffKind::kMerged,
                               DiffKind::kSplit, DiffKind::kMoved,   DiffKind::kOnlyA,
                               DiffKind::kOnlyB};

bool ReadWholeFile(const std::string& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  out->assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  return true;
}

double Ms(const std::function<void()>& f) {
  const auto start = std::chrono::steady_clock::now();
  f();
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
      .count();
}

// Whether the diff covers every sentence once and each group's edits rebuild both texts exactly.
bool Rebuilds(std::string_view a, std::string_view b, const TextDiff& d) {
  std::vector<int> sa(d.a_sentences.size()), sb(d.b_sentences.size());
  for (const DiffGroup& g : d.groups) {
    std::string ra, rb;
    for (const WordEdit& w : g.words) {
      if (w.op != WordOp::kInsert) ra += w.text;
      if (w.op != WordOp::kDelete) rb += w.text;
    }
    auto text = [](std::string_view t, const std::vector<Span>& s,
                   const std::vector<std::size_t>& idx) {
      if (idx.empty()) return std::string();
      return std::string(t.substr(s[idx.front()].start, s[idx.back()].end - s[idx.front()].start));
    };
    if (ra != text(a, d.a_sentences, g.a) || rb != text(b, d.b_sentences, g.b)) return false;
    for (const std::size_t i : g.a) ++sa[i];
    for (const std::size_t j : g.b) ++sb[j];
  }
  return std::all_of(sa.begin(), sa.end(), [](int c) { return c == 1; }) &&
         std::all_of(sb.begin(), sb.end(), [](int c) { return c == 1; });
}

std::size_t Words(std::string_view text) {
  std::size_t n = 0;
  for (const auto& t : lectern::diff::Tokenize(text))
    n += t.kind == lectern::diff::TokenKind::kWord;
  return n;
}

// The near-duplicate pairs as the core's story clustering keeps them, with Jaccard >= min_jaccard
// in place of its default 0.5 (cut-down versions kept for their containment come too).
std::vector<std::pair<std::size_t, std::size_t>> SimilarPairs(const std::vector<Article>& docs,
                                                              double min_jaccard) {
  lectern::DedupOptions options;
  options.min_jaccard = min_jaccard;
  lectern::StoryIndex index(options);
  for (const Article& d : docs) index.Add(d.body);
  std::vector<std::pair<std::size_t, std::size_t>> pairs;
  for (const lectern::SimilarPair& p : index.Cluster().pairs) pairs.emplace_back(p.a, p.b);
  return pairs;
}

double Percentile(std::vector<double> v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  return v[std::min(v.size() - 1, static_cast<std::size_t>(p * double(v.size())))];
}

// A text of about `words` words made of whole articles taken from `order`, starting at `from`.
std::string Concatenate(const std::vector<Article>& docs, const std::vector<std::size_t>& order,
                        std::size_t& from, std::size_t words) {
  std::string s;
  std::size_t n = 0;
  while (n < words && from < order.size()) {
    const Article& a = docs[order[from++]];
    s += a.body;
    s += "\n\n";
    n += a.word_count;
  }
  return s;
}

void Adversarial(const char* name, const std::string& a, const std::string& b, bool one_sentence) {
  std::vector<double> times;
  TextDiff d;
  for (int run = 0; run < 3; ++run) {
    times.push_back(Ms([&] {
      d = one_sentence ? lectern::DiffSentences(a, {{0, a.size()}}, b, {{0, b.size()}})
                       : lectern::DiffTexts(a, b);
    }));
  }
  const lectern::DiffSummary s = lectern::Summarize(d);
  std::printf("%-40s %8zu %8zu %9.1f %9.1f %6zu %6zu %6zu %6zu %8zu %s\n", name, Words(a), Words(b),
              *std::min_element(times.begin(), times.end()),
              *std::max_element(times.begin(), times.end()), d.groups.size(), s.same + s.changed,
              s.only_a + s.only_b, s.moved, s.words_deleted + s.words_inserted,
              Rebuilds(a, b, d) ? "rebuilt" : "NOT REBUILT");
}

}  // namespace

int main(int argc, char** argv) {
  std::string corpus_path = "../shared/data/bench/reuters21578.jsonl";
  double min_jaccard = 0.3;
  bool list = false;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--list") {
      list = true;
    } else if (arg == "--min-jaccard" && i + 1 < argc) {
      min_jaccard = std::stod(argv[++i]);
    } else {
      corpus_path = arg;
    }
  }
  std::string bytes;
  if (!ReadWholeFile(corpus_path, &bytes)) {
    std::printf("skipped: no %s\n", corpus_path.c_str());
    return 0;
  }
  const lectern::ReadResult corpus = lectern::ReadFile(bytes, "reuters21578.jsonl");
  const std::vector<Article>& docs = corpus.articles;
  std::unordered_map<std::string, std::size_t> by_id;
  for (std::size_t d = 0; d < docs.size(); ++d) by_id[docs[d].id] = d;
  std::printf("corpus: %s, %zu articles (%zu records with problems)\n", corpus_path.c_str(),
              docs.size(), corpus.problems.size());

  std::vector<std::pair<std::size_t, std::size_t>> pairs;
  {
    double ms = Ms([&] { pairs = SimilarPairs(docs, min_jaccard); });
    std::printf("pairs: %zu kept by the story clustering at Jaccard >= %.2f (found in %.0f ms)\n",
                pairs.size(), min_jaccard, ms);
  }

  // The near-duplicate pairs.
  std::vector<double> times, edit_sizes;
  std::size_t rebuilt = 0, kinds[7] = {}, identical = 0;
  std::size_t worst = 0;
  for (std::size_t p = 0; p < pairs.size(); ++p) {
    const Article& a = docs[pairs[p].first];
    const Article& b = docs[pairs[p].second];
    TextDiff d;
    times.push_back(
        Ms([&] { d = lectern::DiffSentences(a.body, a.sentences, b.body, b.sentences); }));
    if (times.back() >= times[worst]) worst = p;
    if (Rebuilds(a.body, b.body, d)) {
      ++rebuilt;
    } else {
      std::printf("NOT REBUILT: %s vs %s\n", a.id.c_str(), b.id.c_str());
    }
    const lectern::DiffSummary s = lectern::Summarize(d);
    const std::size_t edits = s.words_deleted + s.words_inserted;
    for (const DiffKind k : kKinds) kinds[static_cast<int>(k)] += s.count(k);
    if (list) {
      std::printf(
          "%s %s %.3f ms same %zu changed %zu merged %zu split %zu moved %zu onlyA %zu "
          "onlyB %zu edits %zu\n",
          a.id.c_str(), b.id.c_str(), times.back(), s.same, s.changed, s.merged, s.split, s.moved,
          s.only_a, s.only_b, edits);
    }
    identical += a.body == b.body;
    edit_sizes.push_back(static_cast<double>(edits));
  }
  double total = 0;
  for (const double t : times) total += t;
  std::printf("\nnear-duplicate pairs: %zu, rebuilt exactly %zu/%zu (%zu with identical bodies)\n",
              pairs.size(), rebuilt, pairs.size(), identical);
  if (!pairs.empty()) {
    std::printf("time per pair: mean %.3f ms, p50 %.3f, p99 %.3f, max %.3f ms (%s vs %s)\n",
                total / double(times.size()), Percentile(times, 0.5), Percentile(times, 0.99),
                times[worst], docs[pairs[worst].first].id.c_str(),
                docs[pairs[worst].second].id.c_str());
    double edits_total = 0;
    for (const double e : edit_sizes) edits_total += e;
    std::printf(
        "edit size (words inserted + deleted): mean %.1f, p50 %.0f, p90 %.0f, max %.0f; "
        "%zu pairs with no edits\n",
        edits_total / double(edit_sizes.size()), Percentile(edit_sizes, 0.5),
        Percentile(edit_sizes, 0.9), Percentile(edit_sizes, 1.0),
        static_cast<std::size_t>(std::count(edit_sizes.begin(), edit_sizes.end(), 0.0)));
    std::printf("groups:");
    for (const DiffKind k : kKinds) {
      std::printf(" %s %zu", lectern::DiffKindName(k), kinds[static_cast<int>(k)]);
    }
    std::printf("\n");
  }

  // Adversarial inputs, from Reuters articles in a fixed shuffled order.
  std::vector<std::size_t> order;
  for (std::size_t d = 0; d < docs.size(); ++d) {
    if (docs[d].word_count > 0) order.push_back(d);
  }
  std::shuffle(order.begin(), order.end(), std::mt19937(1987));
  std::size_t from = 0;
  const std::string u1 = Concatenate(docs, order, from, 20000);
  const std::string u2 = Concatenate(docs, order, from, 20000);
  const std::string h1 = Concatenate(docs, order, from, 200000);
  const std::string h2 = Concatenate(docs, order, from, 200000);
  // A lightly edited copy of h1: every 7th sentence reworded, every 50th dropped.
  std::string h1_edited;
  {
    const std::vector<Span> s = lectern::SplitSentences(h1);
    std::size_t at = 0;
    for (std::size_t k = 0; k < s.size(); ++k) {
      h1_edited.append(h1, at, s[k].start - at);
      std::string sentence = h1.substr(s[k].start, s[k].end - s[k].start);
      if (k % 50 == 49) sentence.clear();
      if (k % 7 == 3) sentence = "Officials said that " + sentence;
      h1_edited += sentence;
      at = s[k].end;
    }
    h1_edited.append(h1, at, std::string::npos);
  }
  // 50,000 words without punctuation, and the same words shuffled.
  std::vector<std::string> words;
  for (const char* t : {u1.c_str(), u2.c_str(), h1.c_str()}) {
    const std::string text = t;
    for (const auto& tok : lectern::diff::Tokenize(text)) {
      if (tok.kind == lectern::diff::TokenKind::kWord && words.size() < 50000) {
        words.push_back(text.substr(tok.start, tok.end - tok.start));
      }
    }
  }
  std::string flat, flat_shuffled;
  for (const std::string& w : words) flat += (flat.empty() ? "" : " ") + w;
  std::shuffle(words.begin(), words.end(), std::mt19937(5));
  for (const std::string& w : words) flat_shuffled += (flat_shuffled.empty() ? "" : " ") + w;

  // Every sentence's first word renamed ("Tab said ..." -> "Tob said ..."), 200,000 words: each
  // a name to call out.
  std::string renamed_a, renamed_b;
  for (std::size_t k = 0; k < 20000; ++k) {
    std::string w;
    for (std::size_t n = k; w.empty() || n > 0; n /= 26) w += static_cast<char>('a' + n % 26);
    const std::string tail = " said the trade talks went well on day " + std::to_string(k) + ". ";
    renamed_a += "Ta" + w + tail;
    renamed_b += "To" + w + tail;
  }

  std::printf("\n%-40s %8s %8s %9s %9s %6s %6s %6s %6s %8s\n", "adversarial (best/worst of 3)",
              "words A", "words B", "min ms", "max ms", "groups", "1:1", "only", "moved", "edits");
  Adversarial("unrelated 20k vs 20k", u1, u2, false);
  Adversarial("identical 20k", u1, u1, false);
  Adversarial("unrelated 200k vs 200k", h1, h2, false);
  Adversarial("200k vs edited copy", h1, h1_edited, false);
  Adversarial("50k one sentence vs shuffled", flat, flat_shuffled, true);
  Adversarial("50k one sentence vs itself", flat, flat, true);
  Adversarial("50k one sentence vs 20k text", flat, u1, true);
  Adversarial("200k first word of each sentence renamed", renamed_a, renamed_b, false);
  Adversarial("200k text vs 50k words without punctuation", h1, flat, false);
  return rebuilt == pairs.size() ? 0 : 1;
}
