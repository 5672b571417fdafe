// The article texts of a newswire JSONL corpus (one {"text": ...} object per line), for the
// throughput benchmarks. The corpus lives in ../shared/data, outside the project: when it is
// absent the benchmark prints a "skipped" line and exits 0 rather than fail a user's build.
#pragma once

#include <cstddef>
#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace lectern_bench {

/// Reads the non-empty "text" fields of `path` into `texts` and their byte total into `bytes`.
/// Returns false (after printing {"skipped": ...}) when the file cannot be opened.
inline bool ReadCorpusTexts(const std::string& path, std::vector<std::string>& texts,
                            std::size_t& bytes) {
  std::ifstream in(path);
  if (!in) {
    std::printf(
        "{\"skipped\": \"%s not found (it lives in ../shared/data, outside the project)\"}\n",
        path.c_str());
    return false;
  }
  bytes = 0;
  for (std::string line; std::getline(in, line);) {
    const auto record = nlohmann::json::parse(line, nullptr, false);
    if (record.is_object() && record.contains("text") && record["text"].is_string() &&
        !record["text"].get_ref<const std::string&>().empty()) {
      texts.push_back(record["text"].get<std::string>());
      bytes += texts.back().size();
    }
  }
  return true;
}

}  // namespace lectern_bench
