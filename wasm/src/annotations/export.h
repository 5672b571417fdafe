// What exports and reports share. Internal to the core.
#ifndef LECTERN_ANNOTATIONS_EXPORT_H_
#define LECTERN_ANNOTATIONS_EXPORT_H_

#include <string>
#include <vector>

#include "lectern/annotations.h"

namespace lectern {

/// The label of an export: `options.label`, else one made from its filters ("Lectern annotations
/// on “Title” tagged “economy”"). `selected` are the annotations that passed the filters.
std::string ExportLabel(const std::vector<Annotation>& selected,
                        const AnnotationExportOptions& options);

}  // namespace lectern

#endif  // LECTERN_ANNOTATIONS_EXPORT_H_
