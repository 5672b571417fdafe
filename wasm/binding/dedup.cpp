// StoryClusterer for the page (lectern/api.h): an Embind object, so JavaScript must call delete().
// Its methods catch their own errors (bad options are answered by cluster() as {error}).
#include <emscripten/bind.h>

#include "lectern/api.h"

EMSCRIPTEN_BINDINGS(lectern_dedup) {
  emscripten::class_<lectern::StoryClusterer>("StoryClusterer")
      .constructor<const std::string&>()
      .function("add", &lectern::StoryClusterer::Add)
      .function("cluster", &lectern::StoryClusterer::Cluster)
      .function("clusterExact", &lectern::StoryClusterer::ClusterExact)
      .function("memoryBytes", &lectern::StoryClusterer::MemoryBytes);
}
