// StoryClusterer: the story index of lectern/dedup.h for the page. The page adds articles one by
// one (a progress bar moves between calls) and clusters once; the keys it gives come back in the
// result. An Embind object: JavaScript must call delete().
#include <emscripten/bind.h>

#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "lectern/dedup.h"

namespace {

std::string ErrorJson(const std::string& message) {
  return nlohmann::json{{"error", message}}.dump(-1, ' ', false,
                                                 nlohmann::json::error_handler_t::replace);
}

class StoryClusterer {
 public:
  // options: {minJaccard, minContainment} (both optional). Bad options are reported by cluster(),
  // because an exception thrown by a constructor reaches JavaScript as a bare pointer.
  explicit StoryClusterer(const std::string& options_json) {
    try {
      lectern::DedupOptions options;
      if (!options_json.empty()) {
        const nlohmann::json o = nlohmann::json::parse(options_json);
        options.min_jaccard = o.value("minJaccard", options.min_jaccard);
        options.min_containment = o.value("minContainment", options.min_containment);
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
  // candidates, keptPairs} (lectern::StoryClustersToJson), or {error}.
  std::string Cluster() const { return Run(false); }
  // clusterExact() -> the same, from exact all-pairs comparison (for evaluation).
  std::string ClusterExact() const { return Run(true); }

  // memoryBytes() -> bytes the index holds.
  double MemoryBytes() const { return index_ ? static_cast<double>(index_->MemoryBytes()) : 0; }

 private:
  std::string Run(bool exact) const {
    if (!error_.empty()) return ErrorJson(error_);
    try {
      return lectern::StoryClustersToJson(exact ? index_->ClusterExact() : index_->Cluster(),
                                          keys_);
    } catch (const std::exception& e) {
      return ErrorJson(e.what());
    }
  }

  std::unique_ptr<lectern::StoryIndex> index_;
  std::vector<std::string> keys_;
  std::string error_;
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
