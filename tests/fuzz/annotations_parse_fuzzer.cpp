// Reads arbitrary bytes as an annotation file (what `lectern annotations check` and the page's
// import do) and checks that what was read writes out and reads back the same: each annotation's
// JSON is one valid annotation with the same JSON, the exported collection holds them all again,
// and the reports (whose text is escaped) are made without a fault.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_input.h"
#include "lectern/annotations.h"

using lectern_fuzz::Check;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const lectern::AnnotationParseResult parsed =
      lectern::ParseAnnotations(lectern_fuzz::AsText(data, size));
  if (parsed.annotations.empty()) return 0;
  Check(!parsed.container.empty());
  for (const lectern::Annotation& a : parsed.annotations) {
    Check(!a.target.exact.empty());
    const std::string json = lectern::AnnotationToJson(a);
    const lectern::AnnotationParseResult again = lectern::ParseAnnotations(json);
    Check(again.errors.empty() && again.annotations.size() == 1);
    Check(lectern::AnnotationToJson(again.annotations[0]) == json);
  }
  const lectern::AnnotationParseResult exported =
      lectern::ParseAnnotations(lectern::ExportAnnotationCollection(parsed.annotations));
  Check(exported.errors.empty() && exported.annotations.size() == parsed.annotations.size());
  lectern::AnnotationReportHtml(parsed.annotations);
  lectern::AnnotationReportMarkdown(parsed.annotations);
  return 0;
}
