// Native sentences + entities throughput over real newswire text: the same work per article as
// the WASM row of bench/entities.mjs (split the sentences, then find the entities).
// usage: bench_entities [reuters21578.jsonl]   (default ../shared/data/bench/reuters21578.jsonl)
// Prints one JSON line: {"articles", "megabytes", "seconds", "mbPerSecond", "sentences",
// "entities", "peakRssKb"}.
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "lectern/entities.h"
#include "lectern/segment.h"

int main(int argc, char** argv) {
  const std::string path = argc > 1 ? argv[1] : "../shared/data/bench/reuters21578.jsonl";
  std::ifstream in(path);
  if (!in) {
    std::printf(
        "{\"skipped\": \"%s not found (it lives in ../shared/data, outside the project)\"}\n",
        path.c_str());
    return 0;
  }
  std::vector<std::string> texts;
  std::size_t bytes = 0;
  for (std::string line; std::getline(in, line);) {
    const auto record = nlohmann::json::parse(line, nullptr, false);
    if (record.is_object() && record.contains("text") && record["text"].is_string() &&
        !record["text"].get_ref<const std::string&>().empty()) {
      texts.push_back(record["text"].get<std::string>());
      bytes += texts.back().size();
    }
  }
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
