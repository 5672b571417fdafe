// Measures re-anchoring (lectern/anchoring.h) against Hypothesis's method on the same cases.
//
//   anchor_eval [REUTERS_JSONL] [SEEDS_DIR]
//
// defaults ../shared/data/bench/reuters21578.jsonl and shared/seeds (run from the repository root).
// Without the Reuters file it prints "skipped" and exits 0.
//
// Annotations are random sentence parts of 5-40 words of real articles (Reuters-21578 bodies and
// the seed story). Each article is perturbed; every code point of the perturbed text remembers
// where it came from, so the ground truth is where the annotated span went (or that it was
// destroyed). Perturbations: typos, replaced words, inserted sentences, deleted sentences,
// shuffled paragraphs, whitespace reflow, an exact copy of the passage elsewhere with a
// one-letter change at the right place (Hypothesis's failure), all of them at once, and other
// versions of the same story (the seeds 000 → 001 and 001 → 000, and near-duplicate Reuters
// stories), mapped by greedy string tiling of their words.
//
// Outcomes: right (anchored, overlap / union >= 0.5 with the truth), near (anchored, overlapping
// less), orphaned, wrong (anchored where the passage is not, or anchored although it was
// destroyed). Hypothesis: the position if it still holds the exact quote, else its matchQuote
// (approx-string-match with min(256, length/2) errors, keeping only the fewest-error matches;
// score (50 quote + 20 prefix + 20 suffix + 2 position) / 92; no minimum), on code points.
// A passage whose exact text occurs more than once in its article counts as right at any of its
// surviving copies (no selector can tell identical copies apart); the run says how many did.
// Deterministic: a fixed seed and a splitmix64 generator.
//
// Environment: ANCHOR_EVAL_SEED=N draws other articles, annotations and edits (a held-out check
// of the calibration); ANCHOR_EVAL_VERBOSE=1 prints every wrong anchor; ANCHOR_EVAL_DUMP=FILE
// writes one line per case (scores, outcome); ANCHOR_EVAL_CASES=DIR writes each wrong case as
//
// The cases: cases.cpp; the ground truth and Hypothesis's method: judge.cpp.
#include <unicode/uchar.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <utility>
#include <vector>

#include "anchor_eval.h"
#include "lectern/anchoring.h"
#include "lectern/reading.h"

namespace anchor_eval {
namespace {

// --- Counting --------------------------------------------------------------------------------

struct Counts {
  std::size_t cases = 0, lost = 0, partial = 0;
  std::size_t outcome[2][4] = {};  // [Lectern, Hypothesis][Outcome]
  std::size_t lost_orphaned[2] = {};
  double seconds[2] = {0, 0};
};

// One case as run: for calibrating the minimum afterwards.
struct Record {
  std::string perturbation;
  Truth truth;
  AnchorResult lectern;  // anchored with min_score 0
};

struct Evaluation {
  std::vector<std::string> order;
  std::map<std::string, Counts> counts;
  std::vector<Record> records;
  double min_score = lectern::AnchorOptions().min_score;

  // Anchors `selector` (made on the original) into `doc` with both methods and counts the outcome
  // against the truth for `span`.
  void Run(const std::string& perturbation, std::u32string_view original,
           const lectern::AnchorText& prepared, const Doc& doc, Range span,
           const QuoteSelector& selector) {
    if (!counts.count(perturbation)) order.push_back(perturbation);
    Counts& c = counts[perturbation];
    const Truth truth = TruthOf(doc, original, span);
    if (truth.duplicated) ++duplicated;
    ++c.cases;
    if (truth.kind == Kind::kDestroyed) ++c.lost;
    if (truth.kind == Kind::kPartial) ++c.partial;
    lectern::AnchorOptions options;
    options.min_score = 0;
    auto t0 = std::chrono::steady_clock::now();
    const AnchorResult ours = lectern::Anchor(prepared, selector, options);
    auto t1 = std::chrono::steady_clock::now();
    const AnchorResult theirs = HypothesisAnchor(doc.text, ToSelector32(selector));
    auto t2 = std::chrono::steady_clock::now();
    c.seconds[0] += std::chrono::duration<double>(t1 - t0).count();
    c.seconds[1] += std::chrono::duration<double>(t2 - t1).count();
    const bool anchored = ours.anchored && ours.score >= min_score;
    ++c.outcome[0][static_cast<int>(Judge(truth, anchored, {ours.start, ours.end}))];
    ++c.outcome[1][static_cast<int>(Judge(truth, theirs.anchored, {theirs.start, theirs.end}))];
    if (truth.kind == Kind::kDestroyed) {
      c.lost_orphaned[0] += anchored ? 0 : 1;
      c.lost_orphaned[1] += theirs.anchored ? 0 : 1;
    }
    records.push_back({perturbation, truth, ours});
    if (dump != nullptr) {
      const Outcome o = Judge(truth, ours.anchored, {ours.start, ours.end});
      std::fprintf(dump, "%s\t%d\t%d\t%zu\t%.4f\t%.4f\t%.4f\t%.4f\t%s\t%s\n", perturbation.c_str(),
                   static_cast<int>(truth.kind), static_cast<int>(o), ToU32(selector.exact).size(),
                   ours.score, ours.quote_score, ours.prefix_score, ours.suffix_score,
                   ours.reason.c_str(), selector.exact.c_str());
    }
    if (anchored && Judge(truth, true, {ours.start, ours.end}) == Outcome::kWrong && verbose) {
      std::printf(
          "WRONG %s score %.3f (%s) q %.2f p %.2f s %.2f\n  quote: %s\n  got:   %s\n",
          perturbation.c_str(), ours.score, ours.reason.c_str(), ours.quote_score,
          ours.prefix_score, ours.suffix_score, selector.exact.c_str(),
          ToUtf8(std::u32string_view(doc.text).substr(ours.start, ours.end - ours.start)).c_str());
      if (const char* dir = std::getenv("ANCHOR_EVAL_CASES")) {
        nlohmann::json j = {{"text", ToUtf8(doc.text)},
                            {"exact", selector.exact},
                            {"prefix", selector.prefix},
                            {"suffix", selector.suffix},
                            {"start", selector.start},
                            {"end", selector.end},
                            {"truth_start", truth.where.empty() ? 0 : truth.where[0].start},
                            {"truth_end", truth.where.empty() ? 0 : truth.where[0].end},
                            {"truth_kind", static_cast<int>(truth.kind)}};
        std::ofstream(std::string(dir) + "/wrong_" + std::to_string(wrong_cases++) + ".json")
            << j.dump(1);
      }
    }
  }
  bool verbose = false;
  std::FILE* dump = nullptr;  // one line per case, for studying the scores
  int wrong_cases = 0;
  std::size_t duplicated = 0;
};

// Whether `sentence` shares a run of four words with `body`: such a sentence is not foreign.
bool SharesWords(std::u32string_view sentence, std::u32string_view body) {
  const std::vector<Range> words = Words(sentence, 0, sentence.size());
  for (std::size_t i = 0; i + 4 <= words.size(); ++i) {
    const std::u32string_view run =
        sentence.substr(words[i].start, words[i + 3].end - words[i].start);
    if (body.find(run) != std::u32string_view::npos) return true;
  }
  return false;
}

// A sentence of another story (Reuters repeats stories: skip any that this one quotes).
const std::u32string& ForeignSentence(const std::vector<std::u32string>& pool, const Text& t,
                                      Rng* rng) {
  for (int tries = 0;; ++tries) {
    const std::u32string& s = pool[rng->Below(pool.size())];
    if (tries >= 100 || !SharesWords(s, t.body)) return s;
  }
}

// Runs every synthetic perturbation on one article.
void EvaluateArticle(const Text& t, Rng* rng, std::size_t spans_per_article,
                     const std::vector<std::u32string>& foreign_sentences,
                     const std::vector<std::u32string>& foreign_words, Evaluation* eval) {
  const std::string body = ToUtf8(t.body);
  const std::vector<Range> spans = PickSpans(t, rng, spans_per_article);
  std::vector<QuoteSelector> selectors;
  for (const Range& s : spans) selectors.push_back(lectern::DescribeRange(body, s.start, s.end));
  auto run_all = [&](const std::string& name, const Doc& doc) {
    const lectern::AnchorText prepared(ToUtf8(doc.text));
    for (std::size_t k = 0; k < spans.size(); ++k)
      eval->Run(name, t.body, prepared, doc, spans[k], selectors[k]);
  };
  const Doc identity = Identity(t.body);
  run_all("unchanged", identity);
  run_all("typos (2% of letters)", Typos(identity, rng, 0.02));
  run_all("words replaced (7%)", ReplaceWords(identity, rng, 0.07, foreign_words));
  {
    Plan plan = IdentityPlan(t);
    for (int n = 0; n < 3; ++n) {
      plan.insert_before[rng->Below(t.sentences.size())] =
          ForeignSentence(foreign_sentences, t, rng);
    }
    run_all("3 sentences inserted", Build(t, plan));
  }
  {
    Plan plan = IdentityPlan(t);
    for (std::size_t s = 0; s < t.sentences.size(); ++s) {
      if (rng->Chance(0.3)) plan.deleted.insert(s);
    }
    run_all("sentences deleted (30%)", Build(t, plan));
  }
  {
    Plan plan = IdentityPlan(t);
    for (std::size_t i = plan.order.size(); i > 1; --i)
      std::swap(plan.order[i - 1], plan.order[rng->Below(i)]);
    run_all("paragraphs shuffled", Build(t, plan));
  }
  run_all("whitespace reflowed", Reflow(identity, rng));
  for (std::size_t k = 0; k < spans.size(); ++k) {
    const Doc doc = CopyElsewhere(t, spans[k], rng);
    const lectern::AnchorText prepared(ToUtf8(doc.text));
    eval->Run("exact copy elsewhere, 1 letter changed here", t.body, prepared, doc, spans[k],
              selectors[k]);
  }
  {
    Plan plan = IdentityPlan(t);
    for (std::size_t s = 0; s < t.sentences.size(); ++s) {
      if (rng->Chance(0.15)) plan.deleted.insert(s);
    }
    for (int n = 0; n < 2; ++n) {
      plan.insert_before[rng->Below(t.sentences.size())] =
          ForeignSentence(foreign_sentences, t, rng);
    }
    for (std::size_t i = plan.order.size(); i > 1; --i)
      std::swap(plan.order[i - 1], plan.order[rng->Below(i)]);
    const Doc doc =
        Reflow(Typos(ReplaceWords(Build(t, plan), rng, 0.03, foreign_words), rng, 0.01), rng);
    run_all("all of the above at once", doc);
  }
}

// Annotates `from` and anchors into `to` (another version of the story).
void EvaluateVersion(const std::string& name, const Text& from, const Text& to, Rng* rng,
                     std::size_t random_spans, bool whole_sentences, Evaluation* eval) {
  const std::string body = ToUtf8(from.body);
  std::vector<Range> spans = PickSpans(from, rng, random_spans);
  if (whole_sentences) spans.insert(spans.end(), from.sentences.begin(), from.sentences.end());
  const Doc doc = MapVersion(from.body, to.body);
  const lectern::AnchorText prepared(ToUtf8(doc.text));
  for (const Range& s : spans) {
    eval->Run(name, from.body, prepared, doc, s, lectern::DescribeRange(body, s.start, s.end));
  }
}

// --- Near-duplicate Reuters stories
// ---------------------------------------------------------------

// Hashes of the word 5-grams of `text` (lower-cased letters and digits), sorted and unique.
std::vector<std::uint64_t> Shingles(std::string_view text) {
  std::vector<std::uint64_t> words;
  std::uint64_t h = 1469598103934665603ULL;
  bool in_word = false;
  for (char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    if (std::isalnum(c)) {
      h = (h ^ static_cast<unsigned char>(std::tolower(c))) * 1099511628211ULL;
      in_word = true;
    } else if (in_word) {
      words.push_back(h);
      h = 1469598103934665603ULL;
      in_word = false;
    }
  }
  if (in_word) words.push_back(h);
  std::vector<std::uint64_t> out;
  for (std::size_t i = 0; i + 5 <= words.size(); ++i) {
    std::uint64_t s = 0;
    for (std::size_t k = 0; k < 5; ++k) s = s * 0x100000001B3ULL + words[i + k];
    out.push_back(s);
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

// Pairs of records whose 5-gram Jaccard similarity is in [0.3, 0.95): rewrites and updates of
// one story, not copies. Each record in at most one pair.
std::vector<std::pair<std::size_t, std::size_t>> NearDuplicates(
    const std::vector<std::string>& texts) {
  std::vector<std::vector<std::uint64_t>> shingles;
  std::vector<std::pair<std::uint64_t, std::uint32_t>> all;
  for (std::size_t d = 0; d < texts.size(); ++d) {
    shingles.push_back(Shingles(texts[d]));
    for (std::uint64_t s : shingles.back()) all.emplace_back(s, static_cast<std::uint32_t>(d));
  }
  std::sort(all.begin(), all.end());
  std::unordered_map<std::uint64_t, std::uint32_t> shared;
  for (std::size_t i = 0; i < all.size();) {
    std::size_t j = i;
    while (j < all.size() && all[j].first == all[i].first) ++j;
    if (j - i <= 20) {  // boilerplate shared by many stories says nothing
      for (std::size_t x = i; x < j; ++x) {
        for (std::size_t y = x + 1; y < j; ++y) {
          ++shared[(std::uint64_t{all[x].second} << 32) | all[y].second];
        }
      }
    }
    i = j;
  }
  std::vector<std::pair<std::size_t, std::size_t>> pairs;
  for (const auto& [key, n] : shared) {
    const std::size_t a = key >> 32, b = key & 0xFFFFFFFF;
    const double jaccard =
        static_cast<double>(n) / static_cast<double>(shingles[a].size() + shingles[b].size() - n);
    if (jaccard >= 0.3 && jaccard < 0.95 && shingles[a].size() >= 20) pairs.emplace_back(a, b);
  }
  std::sort(pairs.begin(), pairs.end());
  std::vector<std::pair<std::size_t, std::size_t>> out;
  std::set<std::size_t> used;
  for (const auto& p : pairs) {
    if (used.count(p.first) || used.count(p.second)) continue;
    used.insert(p.first);
    used.insert(p.second);
    out.push_back(p);
  }
  return out;
}

// --- A long text --------------------------------------------------------------------------------

// Time and outcomes on one text of ~200,000 words (Reuters records glued together) with 1% typos
// and a paragraph added at the top: short quotes (5-40 words) and long ones (300-500 words).
void EvaluateLongText(const std::vector<std::string>& texts, Rng* rng) {
  std::u32string big;
  std::size_t words = 0;
  for (std::size_t i = 0; i < texts.size() && words < 200000; ++i) {
    const std::u32string t = ToU32(texts[i]);
    words += Words(t, 0, t.size()).size();
    if (!big.empty()) big += U"\n\n";
    big += t;
  }
  const std::vector<Range> all_words = Words(big, 0, big.size());
  const std::string body = ToUtf8(big);
  Doc doc;
  doc.PushNew(U"An editor's note was added at the top of this very long text.\n\n");
  const Doc typos = Typos(Identity(big), rng, 0.01);
  doc.text += typos.text;
  doc.orig.insert(doc.orig.end(), typos.orig.begin(), typos.orig.end());
  const std::string edited = ToUtf8(doc.text);
  auto t0 = std::chrono::steady_clock::now();
  const lectern::AnchorText prepared(edited);
  auto t1 = std::chrono::steady_clock::now();
  std::printf(
      "\nOne long text: %zu words, %zu code points; preparing it for anchoring: %.0f ms.\n\n",
      all_words.size(), big.size(), std::chrono::duration<double, std::milli>(t1 - t0).count());
  std::printf(
      "| quotes | cases | Lectern right | orphaned | wrong | ms mean | ms max | Hypothesis right | "
      "orphaned | wrong | ms mean | ms max "
      "|\n|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
  for (const auto& [label, lo, hi, count] :
       {std::make_tuple("5-40 words", 5, 40, 40), std::make_tuple("300-500 words", 300, 500, 6)}) {
    std::size_t n[2][4] = {};
    double mean[2] = {0, 0}, worst[2] = {0, 0};
    for (int k = 0; k < count; ++k) {
      const std::size_t length = lo + rng->Below(hi - lo + 1);
      const std::size_t first = rng->Below(all_words.size() - length);
      const Range span{all_words[first].start, all_words[first + length - 1].end};
      const QuoteSelector selector = lectern::DescribeRange(body, span.start, span.end);
      const Truth truth = TruthOf(doc, big, span);
      auto a = std::chrono::steady_clock::now();
      const AnchorResult ours = lectern::Anchor(prepared, selector);
      auto b = std::chrono::steady_clock::now();
      const AnchorResult theirs = HypothesisAnchor(doc.text, ToSelector32(selector));
      auto c = std::chrono::steady_clock::now();
      const double ms[2] = {std::chrono::duration<double, std::milli>(b - a).count(),
                            std::chrono::duration<double, std::milli>(c - b).count()};
      ++n[0][static_cast<int>(Judge(truth, ours.anchored, {ours.start, ours.end}))];
      ++n[1][static_cast<int>(Judge(truth, theirs.anchored, {theirs.start, theirs.end}))];
      for (int m = 0; m < 2; ++m) {
        mean[m] += ms[m] / count;
        worst[m] = std::max(worst[m], ms[m]);
      }
    }
    std::printf(
        "| %s | %d | %zu | %zu | **%zu** | %.1f | %.1f | %zu | %zu | **%zu** | %.1f | %.1f |\n",
        label, count, n[0][0] + n[0][1], n[0][2], n[0][3], mean[0], worst[0], n[1][0] + n[1][1],
        n[1][2], n[1][3], mean[1], worst[1]);
  }
}

// --- Report ----------------------------------------------------------------------------------

void PrintTable(const Evaluation& eval) {
  std::printf(
      "\n| perturbation | cases | lost | Lectern right | near | orphaned | **wrong** | Hypothesis "
      "right | near | orphaned | **wrong** |\n");
  std::printf("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
  Counts total;
  for (const std::string& name : eval.order) {
    const Counts& c = eval.counts.at(name);
    std::printf("| %s | %zu | %zu | %zu | %zu | %zu | **%zu** | %zu | %zu | %zu | **%zu** |\n",
                name.c_str(), c.cases, c.lost, c.outcome[0][0], c.outcome[0][1], c.outcome[0][2],
                c.outcome[0][3], c.outcome[1][0], c.outcome[1][1], c.outcome[1][2],
                c.outcome[1][3]);
    total.cases += c.cases;
    total.lost += c.lost;
    for (int m = 0; m < 2; ++m) {
      for (int o = 0; o < 4; ++o) total.outcome[m][o] += c.outcome[m][o];
      total.lost_orphaned[m] += c.lost_orphaned[m];
      total.seconds[m] += c.seconds[m];
    }
  }
  std::printf("| **all** | %zu | %zu | %zu | %zu | %zu | **%zu** | %zu | %zu | %zu | **%zu** |\n",
              total.cases, total.lost, total.outcome[0][0], total.outcome[0][1],
              total.outcome[0][2], total.outcome[0][3], total.outcome[1][0], total.outcome[1][1],
              total.outcome[1][2], total.outcome[1][3]);
  const double surviving = static_cast<double>(total.cases - total.lost);
  const double lost = static_cast<double>(std::max<std::size_t>(1, total.lost));
  std::printf(
      "\nOf the %zu passages that survive (wholly or partly): Lectern anchors %.1f%% right, "
      "Hypothesis %.1f%%. Of the %zu destroyed: Lectern orphans %.1f%%, Hypothesis %.1f%%.\n",
      total.cases - total.lost, 100.0 * total.outcome[0][0] / surviving,
      100.0 * total.outcome[1][0] / surviving, total.lost, 100.0 * total.lost_orphaned[0] / lost,
      100.0 * total.lost_orphaned[1] / lost);
  std::printf("Time per anchor: Lectern %.3f ms, Hypothesis %.3f ms (mean over all cases).\n",
              1000 * total.seconds[0] / total.cases, 1000 * total.seconds[1] / total.cases);
}

// Right and wrong at each candidate minimum score: the calibration.
void PrintCalibration(const Evaluation& eval) {
  std::printf(
      "\nCalibration (all cases, Lectern; wrong includes anchoring destroyed passages):\n\n");
  std::printf(
      "| min_score | right | near | orphaned | wrong | max wrong score "
      "|\n|---:|---:|---:|---:|---:|---:|\n");
  for (double theta = 0.0; theta <= 0.801; theta += 0.05) {
    std::size_t n[4] = {};
    double max_wrong = 0;
    for (const Record& r : eval.records) {
      const bool anchored = r.lectern.anchored && r.lectern.score >= theta;
      const Outcome o = Judge(r.truth, anchored, {r.lectern.start, r.lectern.end});
      ++n[static_cast<int>(o)];
      if (o == Outcome::kWrong) max_wrong = std::max(max_wrong, r.lectern.score);
    }
    std::printf("| %.2f | %zu | %zu | %zu | %zu | %.3f |\n", theta, n[0], n[1], n[2], n[3],
                max_wrong);
  }
}

}  // namespace
}  // namespace anchor_eval

int main(int argc, char** argv) {
  using namespace anchor_eval;  // NOLINT(build/namespaces): the tool's own parts
  const std::string reuters_path = argc > 1 ? argv[1] : "../shared/data/bench/reuters21578.jsonl";
  const std::string seeds_dir = argc > 2 ? argv[2] : "shared/seeds";
  std::string reuters;
  if (!ReadWholeFile(reuters_path, &reuters)) {
    std::printf("skipped: no %s\n", reuters_path.c_str());
    return 0;
  }
  // Another seed draws other articles, annotations and edits: a held-out check of the calibration.
  const char* seed_env = std::getenv("ANCHOR_EVAL_SEED");
  const std::uint64_t seed = seed_env ? std::strtoull(seed_env, nullptr, 10) : 20240913;
  Rng rng{seed};
  Evaluation eval;
  eval.verbose = std::getenv("ANCHOR_EVAL_VERBOSE") != nullptr;
  if (const char* path = std::getenv("ANCHOR_EVAL_DUMP")) eval.dump = std::fopen(path, "w");

  // Records with text; their bodies as Lectern reads them.
  std::vector<std::string> lines, texts;
  for (std::size_t i = 0; i < reuters.size();) {
    std::size_t j = reuters.find('\n', i);
    if (j == std::string::npos) j = reuters.size();
    const std::string line = reuters.substr(i, j - i);
    i = j + 1;
    const nlohmann::json record = nlohmann::json::parse(line, nullptr, false);
    if (!record.is_object() || !record.contains("text") || !record["text"].is_string()) continue;
    lines.push_back(line);
    texts.push_back(record["text"].get<std::string>());
  }
  const std::size_t kArticles = 300, kSpans = 6;
  std::vector<Text> articles;
  for (std::size_t i = seed % 17; i < lines.size() && articles.size() < kArticles; i += 17) {
    Text t;
    if (!ReadText(lines[i], "reuters21578.jsonl", &t)) continue;
    const std::size_t words = Words(t.body, 0, t.body.size()).size();
    if (words >= 120 && words <= 3000 && t.paragraphs.size() >= 3) articles.push_back(std::move(t));
  }
  // Foreign material: sentences and words from articles not in the sample.
  std::vector<std::u32string> foreign_sentences, foreign_words;
  for (std::size_t i = 5; i < lines.size() && foreign_sentences.size() < 2000; i += 101) {
    Text t;
    if (!ReadText(lines[i], "reuters21578.jsonl", &t)) continue;
    for (const Range& s : t.sentences) {
      foreign_sentences.push_back(t.body.substr(s.start, s.end - s.start));
      for (const Range& w : Words(t.body, s.start, s.end)) {
        foreign_words.push_back(t.body.substr(w.start, w.end - w.start));
      }
    }
  }
  std::printf("$");
  for (int i = 0; i < argc; ++i) std::printf(" %s", argv[i]);
  std::printf("\n");
  std::printf(
      "Re-anchoring evaluation: %zu Reuters-21578 articles, %zu annotations each, seed %llu\n",
      articles.size(), kSpans, static_cast<unsigned long long>(seed));
  for (const Text& t : articles) {
    EvaluateArticle(t, &rng, kSpans, foreign_sentences, foreign_words, &eval);
  }

  // The seed story: Xinhua (China Daily) and KUNA's rewrite.
  Text xinhua, kuna;
  std::string a, b;
  if (ReadWholeFile(seeds_dir + "/000_c1e1a87b767bdb0e.txt", &a) &&
      ReadWholeFile(seeds_dir + "/001_cac242e89444e96e.txt", &b) &&
      ReadText(a, "000_c1e1a87b767bdb0e.txt", &xinhua) &&
      ReadText(b, "001_cac242e89444e96e.txt", &kuna)) {
    EvaluateVersion("seed story, Xinhua → KUNA", xinhua, kuna, &rng, 60, true, &eval);
    EvaluateVersion("seed story, KUNA → Xinhua", kuna, xinhua, &rng, 40, true, &eval);
    EvaluateArticle(xinhua, &rng, 20, foreign_sentences, foreign_words, &eval);
  } else {
    std::printf("(seed story skipped: no %s)\n", seeds_dir.c_str());
  }

  // Near-duplicate Reuters stories: each annotated in one and anchored in the other.
  const auto pairs = NearDuplicates(texts);
  std::size_t used = 0;
  for (const auto& [x, y] : pairs) {
    if (used >= 200) break;
    Text tx, ty;
    if (!ReadText(lines[x], "reuters21578.jsonl", &tx) ||
        !ReadText(lines[y], "reuters21578.jsonl", &ty)) {
      continue;
    }
    if (tx.body == ty.body) continue;
    ++used;
    EvaluateVersion("other version (Reuters near-duplicates)", tx, ty, &rng, 4, false, &eval);
    EvaluateVersion("other version (Reuters near-duplicates)", ty, tx, &rng, 4, false, &eval);
  }
  std::printf("%zu near-duplicate pairs (5-gram Jaccard 0.3-0.95), %zu used\n", pairs.size(), used);

  std::printf("\nLectern with min_score %.2f; Hypothesis with no minimum.\n", eval.min_score);
  PrintTable(eval);
  std::printf(
      "%zu cases annotate a passage whose exact text occurs more than once in its article; any "
      "surviving copy counts as right for them.\n",
      eval.duplicated);
  PrintCalibration(eval);
  EvaluateLongText(texts, &rng);
  return 0;
}
