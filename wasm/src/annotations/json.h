// Annotations to W3C Web Annotation JSON-LD (nlohmann::json values). Internal to the core: the
// public header speaks JSON text, the core's files share these values.
#ifndef LECTERN_ANNOTATIONS_JSON_H_
#define LECTERN_ANNOTATIONS_JSON_H_

#include <nlohmann/json.hpp>
#include <string>

#include "lectern/annotations.h"

namespace lectern {

/// The JSON-LD context of the W3C Web Annotation model.
inline constexpr char kAnnoContext[] = "http://www.w3.org/ns/anno.jsonld";
/// The same context by https, which files in the wild use; read as the above, never written.
inline constexpr char kAnnoContextHttps[] = "https://www.w3.org/ns/anno.jsonld";
/// The IRI prefix of Lectern's own terms ("lectern:conflicts").
inline constexpr char kLecternNamespace[] = "urn:lectern:";
/// The property holding conflicting versions of an annotation.
inline constexpr char kConflictsKey[] = "lectern:conflicts";
/// The source IRI prefix for an article known only by its content hash.
inline constexpr char kHashUrnPrefix[] = "urn:sha256:";

/// The annotation as a JSON-LD object. A `nested` one (a conflicting version inside another) has
/// no @context and no id: it is the same annotation, and a second node with the same id would
/// merge into the first in JSON-LD.
nlohmann::json AnnotationJsonValue(const Annotation& annotation, bool nested = false);

/// The annotation's content as canonical JSON text (sorted keys), without @context and conflicts:
/// equal content gives equal text. Used to tell duplicates from conflicts and to break ties.
std::string CanonicalContent(const Annotation& annotation);

/// Serialises JSON; bytes that are not UTF-8 (which only text from outside could bring) become
/// U+FFFD rather than an exception.
std::string DumpJson(const nlohmann::json& value, int indent = -1);

/// The source IRI to write for a target: its URL, else "urn:sha256:<hash>".
std::string SourceIri(const AnnotationTarget& target);

}  // namespace lectern

#endif  // LECTERN_ANNOTATIONS_JSON_H_
