// Merges two annotation files of arbitrary bytes (the input cut at its first 0xFF byte) and checks
// MergeAnnotations' promises: every id of both sides once, nothing dropped, the same result
// whichever side is mine, and merging the incoming side again changes nothing.
#include <cstddef>
#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz_input.h"
#include "lectern/annotations.h"

using lectern_fuzz::Check;

namespace {

std::vector<std::string> Json(const std::vector<lectern::Annotation>& annotations) {
  std::vector<std::string> out;
  for (const lectern::Annotation& a : annotations) out.push_back(lectern::AnnotationToJson(a));
  return out;
}

std::set<std::string> Ids(const std::vector<lectern::Annotation>& annotations) {
  std::set<std::string> ids;
  for (const lectern::Annotation& a : annotations) ids.insert(a.id);
  return ids;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::vector<std::string_view> parts =
      lectern_fuzz::SplitInput(lectern_fuzz::AsText(data, size), 2, 4096);
  const std::vector<lectern::Annotation> mine = lectern::ParseAnnotations(parts[0]).annotations;
  const std::vector<lectern::Annotation> theirs =
      parts.size() > 1 ? lectern::ParseAnnotations(parts[1]).annotations
                       : std::vector<lectern::Annotation>{};

  const lectern::AnnotationMergeResult merged = lectern::MergeAnnotations(mine, theirs);
  std::set<std::string> ids = Ids(mine);
  const std::set<std::string> their_ids = Ids(theirs);
  ids.insert(their_ids.begin(), their_ids.end());
  Check(Ids(merged.annotations) == ids && merged.annotations.size() == ids.size());
  Check(merged.added.size() + merged.duplicates.size() + merged.conflicts.size() ==
        their_ids.size());

  const std::vector<std::string> json = Json(merged.annotations);
  Check(Json(lectern::MergeAnnotations(theirs, mine).annotations) == json);
  Check(Json(lectern::MergeAnnotations(merged.annotations, theirs).annotations) == json);
  return 0;
}
