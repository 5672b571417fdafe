// `lectern dedup …`: see kDedupUsage.
#include "lectern/dedup.h"

#include <cstdio>
#include <stdexcept>
#include <string>

#include "commands.h"
#include "files.h"
#include "lectern/api.h"
#include "lectern/reading.h"

namespace lectern::cli {

constexpr const char* kDedupUsage =
    "usage: lectern dedup [--json] [--exact] FILE.jsonl|FILES...\n"
    "\n"
    "Finds the articles that carry the same story, reworded or cut down. Reads articles like\n"
    "`lectern segment` (.txt, .html, .json or .jsonl collections; - for standard input); an\n"
    "article is named by its record id in a collection, else by its file name as given.\n"
    "Articles are compared by the word 5-grams of their bodies: a pair is kept when Jaccard\n"
    ">= 0.5, or when containment >= 0.6 with Jaccard >= 0.2 and at least 25 shingles in the\n"
    "shorter one. Stories are the connected groups of kept pairs.\n"
    "  --json   {\"clusters\": [{\"members\": [id...]}], \"pairs\": [{\"a\", \"b\", \"jaccard\",\n"
    "           \"containment\"}], \"candidates\": N, \"keptPairs\": N}\n"
    "  --exact  compare every pair exactly instead of by MinHash LSH (slower; the same\n"
    "           stories unless LSH missed a pair; a story of hundreds of near-copies lists\n"
    "           more of its pairs)\n"
    "Exit status: 0 when every input was read, 1 when some could not be or the output could\n"
    "not be written (a full disk), 2 for usage errors.\n";

namespace {

int Usage(const std::string& error) { return UsageError(error, kDedupUsage); }

struct Named {
  std::vector<std::string> ids, titles;
};

void PrintReadable(const StoryClusters& r, const Named& names, std::size_t articles) {
  std::size_t clustered = 0;
  for (const auto& c : r.clusters) clustered += c.size();
  std::printf("%zu article%s, %zu stor%s told more than once (%zu articles), %zu pair%s kept\n",
              articles, articles == 1 ? "" : "s", r.clusters.size(),
              r.clusters.size() == 1 ? "y" : "ies", clustered, r.kept_pairs,
              r.kept_pairs == 1 ? "" : "s");
  // Pairs are sorted by their first article, and every pair lies within one cluster: index them by
  // cluster to print each cluster's pairs under it.
  std::vector<std::size_t> cluster_of(articles, 0);
  for (std::size_t c = 0; c < r.clusters.size(); ++c) {
    for (const std::size_t i : r.clusters[c]) cluster_of[i] = c;
  }
  std::vector<std::vector<const SimilarPair*>> pairs(r.clusters.size());
  for (const SimilarPair& p : r.pairs) pairs[cluster_of[p.a]].push_back(&p);
  for (std::size_t c = 0; c < r.clusters.size(); ++c) {
    std::printf("\nstory %zu: %zu articles\n", c + 1, r.clusters[c].size());
    for (const std::size_t i : r.clusters[c]) {
      std::printf("  %s  %s\n", names.ids[i].c_str(),
                  names.titles[i].empty() ? "(untitled)" : names.titles[i].c_str());
    }
    for (const SimilarPair* p : pairs[c]) {
      std::printf("    %s ~ %s  jaccard %.3f  containment %.3f\n", names.ids[p->a].c_str(),
                  names.ids[p->b].c_str(), p->jaccard, p->containment);
    }
  }
  if (r.pairs.size() < r.kept_pairs) {
    std::printf("\n(%zu of %zu pairs listed)\n", r.pairs.size(), r.kept_pairs);
  }
}

int Run(const std::vector<std::string>& args) {
  bool json = false, exact = false;
  std::vector<std::string> files;
  for (const std::string& a : args) {
    if (a == "--json") {
      json = true;
    } else if (a == "--exact") {
      exact = true;
    } else if (a == "-h" || a == "--help") {
      std::fputs(kDedupUsage, stdout);
      return 0;
    } else if (a.size() > 1 && a[0] == '-') {
      return Usage("unknown option '" + a + "'");
    } else {
      files.push_back(a);
    }
  }
  if (files.empty()) return Usage("dedup needs a FILE (a .jsonl collection or several files)");

  int status = 0;
  StoryIndex index;
  Named names;
  for (const std::string& path : files) {
    std::string bytes, error;
    if (!Slurp(path, bytes, error)) {
      std::fprintf(stderr, "lectern: %s: %s\n", path.c_str(), error.c_str());
      status = 1;
      continue;
    }
    ReadResult r = ReadFile(bytes, path == "-" ? "stdin" : path);
    std::string().swap(bytes);
    for (const InputProblem& p : r.problems) {
      std::fprintf(stderr, "lectern: %s\n", p.ToString().c_str());
      status = 1;
    }
    for (Article& a : r.articles) {
      index.Add(a.body);
      names.ids.push_back(std::move(a.id));
      names.titles.push_back(std::move(a.title));
    }
  }
  const StoryClusters result = exact ? index.ClusterExact() : index.Cluster();
  if (json) {
    std::puts(StoryClustersToJson(result, names.ids).c_str());
  } else {
    PrintReadable(result, names, index.size());
  }
  return status;
}

}  // namespace

int DedupCommand(const std::vector<std::string>& args) { return RunCommand(Run, args); }

}  // namespace lectern::cli
