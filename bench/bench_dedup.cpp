// Near-duplicate story clustering on a JSONL corpus: speed, memory and LSH recall against exact.
// usage: bench_dedup [corpus.jsonl] [--show N] [--seeds K] [--bands B --rows R]   (default
// ../shared/data/bench/reuters21578.jsonl)
//        bench_dedup --near-copies N
// --near-copies N clusters N copies of one 300-word story, each with its own dateline and byline
// and one word changed (nearly but not exactly identical, like a syndicated story), plus N/3
// unrelated texts, and prints the time, the candidates and the peak RSS.
// --show N prints N sample pairs from each similarity band, titles and sizes, to judge the keep
// rule by eye. --seeds K repeats the LSH with K other seeds and prints the recall over all runs,
// which measures the per-pair detection chance far better than one run's few misses.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iterator>
#include <random>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "lectern/dedup.h"
#include "lectern/reading.h"

namespace {

using Clock = std::chrono::steady_clock;

double Seconds(Clock::time_point since) {
  return std::chrono::duration<double>(Clock::now() - since).count();
}

// A field of /proc/self/status in bytes (0 where there is no /proc): VmRSS: resident set size,
// VmHWM: its peak.
std::size_t StatusBytes(const char* field = "VmRSS:") {
  std::ifstream in("/proc/self/status");
  const std::size_t length = std::strlen(field);
  for (std::string line; std::getline(in, line);) {
    if (line.rfind(field, 0) == 0) return std::stoul(line.substr(length)) * 1024;
  }
  return 0;
}

std::size_t RssBytes() { return StatusBytes(); }

int NearCopies(std::size_t copies) {
  std::mt19937 rng(42);
  std::uniform_int_distribution<int> word(0, 4999);
  std::vector<std::string> story;
  for (int i = 0; i < 300; ++i) story.push_back("w" + std::to_string(word(rng)));
  lectern::StoryIndex index;
  std::vector<std::size_t> copy_ids;
  for (std::size_t c = 0; c < copies; ++c) {
    std::string text = "CITY" + std::to_string(c) + ", March " + std::to_string(c % 28 + 1) +
                       " (Agency) - By Reporter" + std::to_string(c) + "\n";
    const std::size_t changed = rng() % story.size();
    for (std::size_t i = 0; i < story.size(); ++i) {
      text += (i == changed ? "changed" + std::to_string(c) : story[i]) + " ";
    }
    copy_ids.push_back(index.Add(text));
    if (c % 3 == 0) {
      std::string unrelated;
      for (int i = 0; i < 200; ++i) unrelated += "u" + std::to_string(word(rng)) + " ";
      index.Add(unrelated);
    }
  }
  const auto start = Clock::now();
  const lectern::StoryClusters r = index.Cluster();
  const double seconds = Seconds(start);
  const bool one = r.clusters.size() == 1 && r.clusters[0] == copy_ids;
  std::printf(
      "near copies %zu (+%zu unrelated): Cluster %.3f s, peak RSS %.0f MB, candidates %zu, "
      "kept pairs %llu, listed %zu, %s\n",
      copies, index.size() - copies, seconds, StatusBytes("VmHWM:") / 1e6, r.candidates,
      static_cast<unsigned long long>(r.kept_pairs), r.pairs.size(),
      one ? "one cluster of all copies" : "NOT one cluster of all copies");
  return one ? 0 : 1;
}

using PairSet = std::set<std::pair<std::size_t, std::size_t>>;

PairSet Pairs(const lectern::StoryClusters& r, double min_jaccard) {
  PairSet out;
  for (const lectern::SimilarPair& p : r.pairs) {
    if (p.jaccard >= min_jaccard) out.insert({p.a, p.b});
  }
  return out;
}

double Recall(const PairSet& found, const PairSet& truth, std::size_t* missed) {
  std::size_t hit = 0;
  for (const auto& p : truth) hit += found.count(p);
  *missed = truth.size() - hit;
  return truth.empty() ? 1.0 : static_cast<double>(hit) / static_cast<double>(truth.size());
}

// Best of `runs` timings of f().
template <typename F>
double Best(int runs, F&& f) {
  double best = 1e9;
  for (int i = 0; i < runs; ++i) {
    const auto start = Clock::now();
    f();
    best = std::min(best, Seconds(start));
  }
  return best;
}

void Show(const std::vector<lectern::Article>& articles, std::size_t per_band) {
  // A looser rule than the default, so that pairs the keep rule rejects can be looked at too.
  lectern::DedupOptions loose;
  loose.min_containment = 0.45;
  loose.containment_min_jaccard = 0.1;
  loose.containment_min_shingles = 1;
  lectern::StoryIndex index(loose);
  for (const lectern::Article& a : articles) index.Add(a.body);
  const lectern::StoryClusters exact = index.ClusterExact();
  struct Band {
    const char* name;
    double jmin, jmax, cmin, cmax;
    std::size_t small_min, small_max;
  };
  const Band bands[] = {
      {"J>=0.5", 0.5, 1.01, 0, 1.01, 0, 1u << 30},
      {"J>=0.5, smaller set < 25", 0.5, 1.01, 0, 1.01, 0, 24},
      {"0.3<=J<0.5, C>=0.6, smaller set >= 25", 0.3, 0.5, 0.6, 1.01, 25, 1u << 30},
      {"0.2<=J<0.3, C>=0.6, smaller set >= 25", 0.2, 0.3, 0.6, 1.01, 25, 1u << 30},
      {"0.1<=J<0.2, C>=0.6, smaller set >= 25", 0.1, 0.2, 0.6, 1.01, 25, 1u << 30},
      {"0.2<=J<0.5, 0.45<=C<0.6, smaller set >= 25", 0.2, 0.5, 0.45, 0.6, 25, 1u << 30},
      {"0.2<=J<0.5, C>=0.6, smaller set < 25", 0.2, 0.5, 0.6, 1.01, 0, 24},
      {"0.2<=J<0.5, C>=0.6, 25 <= smaller set < 50", 0.2, 0.5, 0.6, 1.01, 25, 49},
  };
  for (const Band& b : bands) {
    std::vector<const lectern::SimilarPair*> in;
    for (const lectern::SimilarPair& p : exact.pairs) {
      const std::size_t small = std::min(index.ShingleCount(p.a), index.ShingleCount(p.b));
      if (p.jaccard >= b.jmin && p.jaccard < b.jmax && p.containment >= b.cmin &&
          p.containment < b.cmax && small >= b.small_min && small <= b.small_max) {
        in.push_back(&p);
      }
    }
    std::printf("\n== %s: %zu pairs\n", b.name, in.size());
    // Spread the samples over the band rather than taking the first few ids.
    for (std::size_t k = 0; k < per_band && k < in.size(); ++k) {
      const lectern::SimilarPair& p = *in[k * in.size() / std::min(per_band, in.size())];
      std::printf("J %.3f C %.3f  %zu/%zu shingles\n  %s: %s\n  %s: %s\n", p.jaccard, p.containment,
                  index.ShingleCount(p.a), index.ShingleCount(p.b), articles[p.a].id.c_str(),
                  articles[p.a].title.c_str(), articles[p.b].id.c_str(),
                  articles[p.b].title.c_str());
    }
  }
}

}  // namespace

int main(int argc, char** argv) {
  std::string path = "../shared/data/bench/reuters21578.jsonl";
  std::size_t show = 0, seeds = 0;
  lectern::DedupOptions options;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--show") == 0 && i + 1 < argc) {
      show = std::stoul(argv[++i]);
    } else if (std::strcmp(argv[i], "--seeds") == 0 && i + 1 < argc) {
      seeds = std::stoul(argv[++i]);
    } else if (std::strcmp(argv[i], "--bands") == 0 && i + 1 < argc) {
      options.bands = std::stoul(argv[++i]);
    } else if (std::strcmp(argv[i], "--rows") == 0 && i + 1 < argc) {
      options.rows = std::stoul(argv[++i]);
    } else if (std::strcmp(argv[i], "--near-copies") == 0 && i + 1 < argc) {
      return NearCopies(std::stoul(argv[++i]));
    } else {
      path = argv[i];
    }
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::printf("bench_dedup: skipped: %s not found (it lives in ../shared/data)\n", path.c_str());
    return 0;
  }
  const std::string bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  auto start = Clock::now();
  std::vector<lectern::Article> articles = lectern::ReadFile(bytes, path).articles;
  const double read_s = Seconds(start);
  std::size_t with_text = 0;
  for (const lectern::Article& a : articles) with_text += a.body.empty() ? 0 : 1;

  const std::size_t rss_before = RssBytes();
  lectern::StoryIndex index(options);
  start = Clock::now();
  // Memory at each quarter of the corpus, to see that it grows linearly.
  std::vector<std::pair<std::size_t, std::size_t>> quarters;  // (MemoryBytes, RSS growth)
  for (std::size_t i = 0; i < articles.size(); ++i) {
    index.Add(articles[i].body);
    if ((i + 1) * 4 % articles.size() < 4 && quarters.size() < 4) {
      quarters.push_back({index.MemoryBytes(), RssBytes() - rss_before});
    }
  }
  const double add_s = Seconds(start);
  const std::size_t rss_growth = RssBytes() - rss_before;

  lectern::StoryClusters lsh, exact;
  const double cluster_s = Best(3, [&] { lsh = index.Cluster(); });
  const double exact_s = Best(1, [&] { exact = index.ClusterExact(); });

  // The README's figure: every pair with word-5-gram Jaccard >= 0.3, exactly.
  lectern::DedupOptions j03;
  j03.min_jaccard = 0.3;
  j03.min_containment = 1;
  j03.containment_min_jaccard = 1;
  lectern::StoryIndex index03(j03);
  for (const lectern::Article& a : articles) index03.Add(a.body);
  const lectern::StoryClusters exact03 = index03.ClusterExact();

  std::size_t identical = 0;
  for (const lectern::SimilarPair& p : exact.pairs) {
    identical += p.overlap == index.ShingleCount(p.a) && p.overlap == index.ShingleCount(p.b);
  }
  std::size_t missed_j = 0, missed_all = 0;
  const double recall_j = Recall(Pairs(lsh, 0.5), Pairs(exact, 0.5), &missed_j);
  const double recall_all = Recall(Pairs(lsh, 0), Pairs(exact, 0), &missed_all);
  std::size_t in_clusters = 0;
  for (const auto& c : lsh.clusters) in_clusters += c.size();

  const double n = static_cast<double>(index.size());
  std::printf("corpus                      %s\n", path.c_str());
  std::printf("sketch                      %zu bands x %zu rows\n", options.bands, options.rows);
  std::printf("articles                    %zu (%zu with text), read+clean %.2f s (not counted)\n",
              articles.size(), with_text, read_s);
  std::printf("Add all (shingle+sketch)    %.3f s\n", add_s);
  std::printf("Cluster (LSH+verify)        %.3f s   -> Add+Cluster %.3f s\n", cluster_s,
              add_s + cluster_s);
  std::printf("ClusterExact (prefix filt.) %.3f s\n", exact_s);
  std::printf("candidates LSH / exact      %zu / %zu\n", lsh.candidates, exact.candidates);
  std::printf("pairs J>=0.5 exact          %zu (%zu identical shingle sets)\n",
              Pairs(exact, 0.5).size(), identical);
  std::printf("pairs J>=0.3 exact          %llu\n",
              static_cast<unsigned long long>(exact03.kept_pairs));
  std::printf("pairs keep rule exact / LSH %llu / %llu\n",
              static_cast<unsigned long long>(exact.kept_pairs),
              static_cast<unsigned long long>(lsh.kept_pairs));
  std::printf("recall J>=0.5               %.4f (%zu missed)\n", recall_j, missed_j);
  std::printf("recall keep rule            %.4f (%zu missed)\n", recall_all, missed_all);
  std::printf("clusters                    %zu (%zu articles)\n", lsh.clusters.size(), in_clusters);
  std::printf("MemoryBytes                 %zu (%.0f bytes per 1,000 articles)\n",
              index.MemoryBytes(), static_cast<double>(index.MemoryBytes()) / n * 1000);
  std::printf("RSS growth during Add       %zu (%.0f bytes per 1,000 articles)\n", rss_growth,
              static_cast<double>(rss_growth) / n * 1000);
  std::printf("memory at 1/4..4/4 of corpus ");
  for (const auto& q : quarters) std::printf(" %.1f/%.1f", q.first / 1e6, q.second / 1e6);
  std::printf(" MB (MemoryBytes/RSS growth)\n");
  if (seeds > 0) {
    // Recall pooled over seeds, per Jaccard stratum of the exact keep-rule pairs.
    const double edges[] = {0.2, 0.3, 0.4, 0.5, 0.7, 1.01};
    std::size_t truth[5] = {}, found[5] = {};
    for (std::size_t s = 1; s <= seeds; ++s) {
      lectern::DedupOptions o = options;
      o.seed = s * 0x9e3779b97f4a7c15ULL;
      lectern::StoryIndex other(o);
      for (const lectern::Article& a : articles) other.Add(a.body);
      const PairSet got = Pairs(other.Cluster(), 0);
      for (const lectern::SimilarPair& p : exact.pairs) {
        for (int k = 0; k < 5; ++k) {
          if (p.jaccard >= edges[k] && p.jaccard < edges[k + 1]) {
            ++truth[k];
            found[k] += got.count({p.a, p.b});
          }
        }
      }
    }
    std::printf("recall over %zu seeds by Jaccard of kept pairs:\n", seeds);
    for (int k = 0; k < 5; ++k) {
      std::printf("  J [%.1f, %.1f)  %zu/%zu = %.4f\n", edges[k], std::min(edges[k + 1], 1.0),
                  found[k], truth[k],
                  truth[k] ? static_cast<double>(found[k]) / static_cast<double>(truth[k]) : 1.0);
    }
  }
  if (show > 0) Show(articles, show);
  return 0;
}
