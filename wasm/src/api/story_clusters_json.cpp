// StoryClusters as JSON for the page and the command line.
#include <cmath>
#include <nlohmann/json.hpp>

#include "lectern/api.h"
#include "lectern/dedup.h"

namespace lectern {
namespace {

double Round3(double x) { return std::round(x * 1000.0) / 1000.0; }

}  // namespace

std::string StoryClustersToJson(const StoryClusters& result, const std::vector<std::string>& ids) {
  const auto id = [&](std::size_t i) { return i < ids.size() ? ids[i] : std::to_string(i); };
  nlohmann::ordered_json clusters = nlohmann::ordered_json::array();
  for (const std::vector<std::size_t>& c : result.clusters) {
    nlohmann::ordered_json members = nlohmann::ordered_json::array();
    for (const std::size_t i : c) members.push_back(id(i));
    clusters.push_back({{"members", std::move(members)}});
  }
  nlohmann::ordered_json pairs = nlohmann::ordered_json::array();
  for (const SimilarPair& p : result.pairs) {
    pairs.push_back({{"a", id(p.a)},
                     {"b", id(p.b)},
                     {"jaccard", Round3(p.jaccard)},
                     {"containment", Round3(p.containment)}});
  }
  const nlohmann::ordered_json out = {{"clusters", std::move(clusters)},
                                      {"pairs", std::move(pairs)},
                                      {"candidates", result.candidates},
                                      {"keptPairs", result.kept_pairs}};
  // Ids come from input files and may hold invalid UTF-8; replace rather than throw.
  return out.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

}  // namespace lectern
