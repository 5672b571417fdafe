// StoryClusterer: the story index of lectern/dedup.h for the page. Every error is kept and
// answered as {error} by Cluster(), never thrown: an exception escaping to JavaScript arrives as
// an opaque WebAssembly.Exception whose message the page cannot read.
#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "lectern/api.h"
#include "lectern/dedup.h"

namespace lectern {

struct StoryClusterer::State {
  std::unique_ptr<StoryIndex> index;
  std::vector<std::string> keys;
  std::string error;
  std::uint64_t max_pairs = 0;
  bool has_max_pairs = false;

  std::string Run(bool exact) const {
    if (!error.empty()) return ErrorJson(error);
    try {
      const std::uint64_t limit = has_max_pairs ? max_pairs : DefaultMaxPairs(keys.size());
      return StoryClustersToJson(exact ? index->ClusterExact(limit) : index->Cluster(limit), keys);
    } catch (const std::exception& e) {
      return ErrorJson(e.what());
    }
  }
};

std::uint64_t StoryClusterer::DefaultMaxPairs(std::size_t articles) {
  return std::max<std::uint64_t>(10000, std::uint64_t{20} * articles);
}

StoryClusterer::StoryClusterer(const std::string& options_json)
    : state_(std::make_unique<State>()) {
  try {
    DedupOptions options;
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
        state_->max_pairs = static_cast<std::uint64_t>(value);
        state_->has_max_pairs = true;
      }
    }
    state_->index = std::make_unique<StoryIndex>(options);
  } catch (const std::exception& e) {
    state_->error = std::string("bad options: ") + e.what();
  }
}

StoryClusterer::~StoryClusterer() = default;

int StoryClusterer::Add(const std::string& key, const std::string& text) {
  if (!state_->index) return -1;
  try {
    state_->index->Add(text);
    state_->keys.push_back(key);
    return static_cast<int>(state_->keys.size() - 1);
  } catch (const std::exception& e) {
    state_->error = e.what();
    return -1;
  }
}

std::string StoryClusterer::Cluster() const { return state_->Run(false); }

std::string StoryClusterer::ClusterExact() const { return state_->Run(true); }

double StoryClusterer::MemoryBytes() const {
  return state_->index ? static_cast<double>(state_->index->MemoryBytes()) : 0;
}

}  // namespace lectern
