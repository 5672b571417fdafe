// StoryClusterer: the story index of lectern/dedup.h for the page. The page adds articles one by
// one (a progress bar moves between calls) and clusters once; the keys it gives come back in the
// result. An Embind object: JavaScript must call delete().
#include <emscripten/bind.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <memory>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>
#include <vector>

#include "error_json.h"
#include "lectern/dedup.h"

namespace {

using lectern::binding::ErrorJson;

// The page's default list limit: 20 pairs per article added, at least 10,000. Each listed pair is
// about 100 bytes of JSON (and more again once parsed in JavaScript), and every clustered article
// has its best pair listed first (StoryClusters::pairs), so this keeps the answer near 2 kB per
// article while still giving every member of every cluster its figure.
std::uint64_t DefaultMaxPairs(std::size_t articles) {
  return std::max<std::uint64_t>(10000, std::uint64_t{20} * articles);
}

class StoryClusterer {
 public:
  // options: {minJaccard, minContainment, maxPairs} (all optional; maxPairs: the most pairs
  // listed, a whole number >= 0, by default DefaultMaxPairs). Bad options are reported by
  // cluster(): an exception escaping a constructor reaches JavaScript as an opaque
  // WebAssembly.Exception (the module is built with -fwasm-exceptions), whose message the page
  // cannot read.
  explicit StoryClusterer(const std::string& options_json) {
    try {
      lectern::DedupOptions options;
      if (!options_json.empty()) {
        const nlohmann::json o = nlohmann::json::parse(options_json);
        options.min_jaccard = o.value("minJaccard", options.min_jaccard);
        options.min_containment = o.value("minContainment", options.min_containment);
        if (o.contains("maxPairs")) {
          const nlohmann::json& m = o.at("maxPairs");
          const double value = m.is_number() ? m.get<double>() : -1;
          // Whole numbers up to 2^53, the largest JavaScript counts exactly.
          if (!(value >= 0 && value <= 9007199254740992.0 && std::floor(value) == value)) {
            throw std::invalid_argument("maxPairs must be a whole number >= 0");
          }
          max_pairs_ = static_cast<std::uint64_t>(value);
          has_max_pairs_ = true;
        }
      }
      index_ = std::make_unique<lectern::StoryIndex>(options);
    } catch (const std::exception& e) {
      error_ = std::string("bad options: ") + e.what();
    }
  }

  // add(key, text) -> the article's index, or -1 when it could not be added.
  int Add(const std::string& key, const std::string& text) {
    if (!index_) return -1;
    try {
      index_->Add(text);
      keys_.push_back(key);
      return static_cast<int>(keys_.size() - 1);
    } catch (const std::exception& e) {
      error_ = e.what();
      return -1;
    }
  }

  // cluster() -> JSON {clusters: [{members: [key]}], pairs: [{a, b, jaccard, containment}],
  // candidates, keptPairs} (lectern::StoryClustersToJson; pairs: at most maxPairs, each clustered
  // article's best pair first, as lectern::StoryClusters::pairs says), or {error}.
  std::string Cluster() const { return Run(false); }
  // clusterExact() -> the same, from exact all-pairs comparison (for evaluation).
  std::string ClusterExact() const { return Run(true); }

  // memoryBytes() -> bytes the index holds.
  double MemoryBytes() const { return index_ ? static_cast<double>(index_->MemoryBytes()) : 0; }

 private:
  std::string Run(bool exact) const {
    if (!error_.empty()) return ErrorJson(error_);
    try {
      const std::uint64_t max_pairs = has_max_pairs_ ? max_pairs_ : DefaultMaxPairs(keys_.size());
      return lectern::StoryClustersToJson(
          exact ? index_->ClusterExact(max_pairs) : index_->Cluster(max_pairs), keys_);
    } catch (const std::exception& e) {
      return ErrorJson(e.what());
    }
  }

  std::unique_ptr<lectern::StoryIndex> index_;
  std::vector<std::string> keys_;
  std::string error_;
  std::uint64_t max_pairs_ = 0;
  bool has_max_pairs_ = false;
};

}  // namespace

EMSCRIPTEN_BINDINGS(lectern_dedup) {
  emscripten::class_<StoryClusterer>("StoryClusterer")
      .constructor<const std::string&>()
      .function("add", &StoryClusterer::Add)
      .function("cluster", &StoryClusterer::Cluster)
      .function("clusterExact", &StoryClusterer::ClusterExact)
      .function("memoryBytes", &StoryClusterer::MemoryBytes);
}
