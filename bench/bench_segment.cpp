// Native sentence-splitting throughput over real newswire text.
// usage: bench_segment [reuters21578.jsonl]   (default ../shared/data/bench/reuters21578.jsonl)
// Prints one JSON line: {"articles", "megabytes", "seconds", "mbPerSecond", "sentences"}.
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "corpus_texts.h"
#include "lectern/segment.h"

int main(int argc, char** argv) {
  const std::string path = argc > 1 ? argv[1] : "../shared/data/bench/reuters21578.jsonl";
  std::vector<std::string> texts;
  std::size_t bytes = 0;
  if (!lectern_bench::ReadCorpusTexts(path, texts, bytes)) return 0;
  std::size_t sentences = 0;
  lectern::SplitSentences("Warm up. Once.");
  // Best of three passes, as the JS benchmark does.
  double best = 1e9;
  for (int pass = 0; pass < 3; ++pass) {
    sentences = 0;
    const auto start = std::chrono::steady_clock::now();
    for (const std::string& t : texts) sentences += lectern::SplitSentences(t).size();
    const double s =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (s < best) best = s;
  }
  const double mb = static_cast<double>(bytes) / 1e6;
  std::printf(
      "{\"articles\": %zu, \"megabytes\": %.2f, \"seconds\": %.3f, \"mbPerSecond\": %.1f, "
      "\"sentences\": %zu}\n",
      texts.size(), mb, best, mb / best, sentences);
  return 0;
}
