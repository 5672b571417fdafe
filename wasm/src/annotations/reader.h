// Reads one W3C annotation object into the model, checking the W3C MUSTs and what Lectern needs,
// and saying where each problem is with a JSON path. Internal to the core.
#ifndef LECTERN_ANNOTATIONS_READER_H_
#define LECTERN_ANNOTATIONS_READER_H_

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "lectern/annotations.h"

namespace lectern {

/// "a.b", "a[3]": JSON paths as the problems show them.
std::string JoinPath(const std::string& path, const std::string& key);
/// `path` followed by "[index]".
std::string IndexPath(const std::string& path, std::size_t index);

/// Reads annotations, collecting errors (the annotation is left out) and warnings (something in it
/// was dropped or repaired). One reader serves a whole file.
class AnnotationReader {
 public:
  AnnotationReader(std::vector<AnnotationProblem>& errors, std::vector<AnnotationProblem>& warnings)
      : errors_(errors), warnings_(warnings) {}

  /// Reads the annotation `j` found at `path`. `context_given`: a container around it has the
  /// W3C @context, so the annotation may omit its own. Returns nullopt (after adding errors) when
  /// it cannot be kept.
  std::optional<Annotation> Read(const nlohmann::json& j, const std::string& path,
                                 bool context_given);

 private:
  // A conflicting version inside an annotation: no @context or id of its own (it takes `id`).
  std::optional<Annotation> ReadVersion(const nlohmann::json& j, const std::string& path,
                                        const std::string& id);
  // The parts every annotation and version has: times, creator, bodies, target, other
  // properties. Returns false when an error made the annotation unusable.
  bool ReadParts(const nlohmann::json& j, const std::string& path, Annotation& a);
  bool ReadTarget(const nlohmann::json& j, const std::string& path, AnnotationTarget& t);
  bool ReadSource(const nlohmann::json& j, const std::string& path, AnnotationTarget& t);
  bool ReadSelectors(const nlohmann::json& j, const std::string& path, AnnotationTarget& t);
  bool ReadPosition(const nlohmann::json& j, const std::string& path, AnnotationTarget& t);
  bool ReadBodies(const nlohmann::json& j, const std::string& path, Annotation& a,
                  nlohmann::json& others);
  bool ReadTextualBody(const nlohmann::json& j, const std::string& path, Annotation& a,
                       nlohmann::json& others);
  // Whether `j` is a body or target resource the W3C model recognises (an IRI, an External Web
  // Resource, a Textual Body, a Specific Resource, a Choice or Set).
  bool CheckResource(const nlohmann::json& j, const std::string& path, int depth);
  void ReadCreator(const nlohmann::json& j, const std::string& path, AnnotationAgent& agent);
  // A created/modified/generated value; `out` gets it normalised to UTC.
  bool ReadTime(const nlohmann::json& j, const std::string& path, std::string& out);
  // rights/via: IRIs; canonical: one IRI.
  // Percent-encodes them in place (see ToUri).
  bool CheckIris(nlohmann::json& j, const std::string& path, bool single);

  bool Error(const std::string& path, const std::string& message) {
    errors_.push_back({path, message});
    return false;
  }
  void Warn(const std::string& path, const std::string& message) {
    warnings_.push_back({path, message});
  }

  std::vector<AnnotationProblem>& errors_;
  std::vector<AnnotationProblem>& warnings_;
};

}  // namespace lectern

#endif  // LECTERN_ANNOTATIONS_READER_H_
