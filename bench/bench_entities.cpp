// Native sentences + entities throughput over real newswire text: the same work per article as
// the WASM row of bench/entities.mjs (split the sentences, then find the entities).
// usage: bench_entities [reuters21578.jsonl]   (default ../shared/data/bench/reuters21578.jsonl)
// Prints one JSON line: {"articles", "megabytes", "seconds", "mbPerSecond", "sentences",
// "entities", "peakRssKb"}.
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "corpus_texts.h"
#include "lectern/entities.h"
#include "lectern/segment.h"

int main(int argc, char** argv) {
  const std::string path = argc > 1 ? argv[1] : "../shared/data/bench/reuters21578.jsonl";
  std::vector<std::string> texts;
  std::size_t bytes = 0;
  if (!lectern_bench::ReadCorpusTexts(path, texts, bytes)) return 0;
  std::size_t sentences = 0, entities = 0;
  lectern::FindEntities("Warm up. Angela Merkel visited Paris.", {});
  // Best of three passes, as bench_segment does.
  double best = 1e9;
  for (int pass = 0; pass < 3; ++pass) {
    sentences = entities = 0;
    const auto start = std::chrono::steady_clock::now();
    for (const std::string& t : texts) {
      sentences += lectern::SplitSentences(t).size();
      entities += lectern::FindEntities(t, {}).size();
    }
    const double s =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (s < best) best = s;
  }
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  const double mb = static_cast<double>(bytes) / 1e6;
  std::printf(
      "{\"articles\": %zu, \"megabytes\": %.2f, \"seconds\": %.3f, \"mbPerSecond\": %.2f, "
      "\"sentences\": %zu, \"entities\": %zu, \"peakRssKb\": %ld}\n",
      texts.size(), mb, best, mb / best, sentences, entities, usage.ru_maxrss);
  return 0;
}
