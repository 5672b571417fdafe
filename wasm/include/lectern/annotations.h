// Lectern annotations: highlighted passages with tags and notes, exchanged as W3C Web Annotations.
//
// The public header of lectern_annotations, the annotation model. It depends only on the C++17
// standard library and lectern/reading.h; nlohmann/json and ICU stay behind it. An annotation is
// read from and written to W3C Web Annotation JSON-LD (https://www.w3.org/TR/annotation-model/):
//
//   {"@context": "http://www.w3.org/ns/anno.jsonld", "id": "urn:uuid:…", "type": "Annotation",
//    "motivation": "highlighting", "created": "…Z", "modified": "…Z",
//    "creator": {"id": "…", "type": "Person", "name": "Ada"},
//    "body": [{"type": "TextualBody", "purpose": "tagging", "value": "economy",
//              "schema:color": "#ffcc00"},
//             {"type": "TextualBody", "purpose": "commenting", "value": "…",
//              "format": "text/markdown"}],
//    "target": {"source": {"id": "https://… or urn:sha256:<hash>", "type": "Text",
//                          "dc:title": "…", "schema:sha256": "<hash>"},
//               "selector": [{"type": "TextQuoteSelector", "exact": "…", "prefix": "…",
//                             "suffix": "…"},
//                            {"type": "TextPositionSelector", "start": 10, "end": 42}]}}
//
// "dc:" and "schema:" are prefixes the W3C context defines (Dublin Core, schema.org), so these
// extension properties stay meaningful JSON-LD without a context of Lectern's own. Only conflicting
// versions (see MergeAnnotations) need one: an annotation that carries them adds
// {"lectern": "urn:lectern:"} to its @context. Positions count Unicode code points of the article
// body (Article::body), as the W3C model requires; the content hash is ContentHash(body)
// (lectern/hash.h).
#ifndef LECTERN_ANNOTATIONS_H_
#define LECTERN_ANNOTATIONS_H_

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "lectern/reading.h"

namespace lectern {

/// The deepest JSON nesting an annotation file may have; deeper files are refused.
constexpr std::size_t kMaxAnnotationJsonDepth = 64;
/// The largest code point offset a TextPositionSelector may give (an 8 MB article has fewer).
constexpr std::size_t kMaxAnnotationOffset = kMaxArticleBytes;

/// A tag on an annotation, with the colour the user gave it.
struct AnnotationTag {
  std::string name;   ///< the tag as the user wrote it
  std::string color;  ///< "#rrggbb" (lower case), or empty for none
  bool operator==(const AnnotationTag& o) const { return name == o.name && color == o.color; }
};

/// Who made an annotation.
struct AnnotationAgent {
  std::string id;    ///< an IRI (e.g. "mailto:…", "urn:uuid:…"), or empty
  std::string name;  ///< a display name, or empty
  bool operator==(const AnnotationAgent& o) const { return id == o.id && name == o.name; }
};

/// The passage an annotation marks: which article, and where in it.
struct AnnotationTarget {
  std::string source;         ///< the article's URL, or "urn:sha256:<content hash>" when none
  std::string content_hash;   ///< ContentHash of the article body (64 hex digits), or empty
  std::string title;          ///< the article's title, or empty
  std::string exact;          ///< TextQuoteSelector: the passage itself (never empty)
  std::string prefix;         ///< TextQuoteSelector: text just before it
  std::string suffix;         ///< TextQuoteSelector: text just after it
  bool has_position = false;  ///< whether a TextPositionSelector is given
  std::size_t start = 0;      ///< TextPositionSelector: code points into the article body
  std::size_t end = 0;        ///< TextPositionSelector: end, exclusive
  /// Selectors Lectern does not use (e.g. an XPathSelector), as a JSON array, kept as they came;
  /// empty when none.
  std::string other_selectors_json;
};

/// One annotation: a passage with tags and a note.
struct Annotation {
  std::string id;  ///< an IRI: "urn:uuid:…" for Lectern's own, else the original one
  AnnotationTarget target;
  std::vector<AnnotationTag> tags;         ///< TextualBody purpose "tagging", in the given order
  std::string note;                        ///< TextualBody purpose "commenting"; empty for none
  std::string note_format = "text/plain";  ///< "text/plain" or "text/markdown"
  AnnotationAgent creator;
  std::string created;   ///< ISO 8601 UTC, "YYYY-MM-DDThh:mm:ss[.sss]Z", or empty
  std::string modified;  ///< same format, or empty
  /// Bodies Lectern does not use (links, replies, other purposes), as a JSON array kept as it
  /// came; empty when none.
  std::string other_bodies_json;
  /// Other top-level properties (motivation, rights, generator, …) as a JSON object kept as it
  /// came; empty when none.
  std::string other_properties_json;
  /// Conflicting versions of this same annotation (same id, other content), each without its own
  /// conflicts; written as "lectern:conflicts". See MergeAnnotations.
  std::vector<Annotation> conflicts;
};

/// Where an annotation file is wrong, said for a user.
struct AnnotationProblem {
  /// A JSON path into the file, e.g. "first.items[3].target.selector"; empty for the whole file.
  std::string path;
  std::string message;  ///< what is wrong, e.g. "no TextQuoteSelector"
  /// "PATH: MESSAGE", or MESSAGE alone when the path is empty.
  std::string ToString() const;
};

/// What reading an annotation file produced.
struct AnnotationParseResult {
  /// "AnnotationCollection", "AnnotationPage", "array" or "Annotation": what the file held;
  /// empty when it held no annotations at all.
  std::string container;
  std::vector<Annotation> annotations;  ///< the valid ones, in file order
  /// Annotations left out, and problems with the whole file: each one line.
  std::vector<AnnotationProblem> errors;
  /// Things dropped or repaired in annotations that were kept (e.g. an inconsistent position).
  std::vector<AnnotationProblem> warnings;
};

/// Reads a W3C annotation file: an AnnotationCollection (with its first page embedded), an
/// AnnotationPage, a JSON array of annotations, or one Annotation. Never throws for bad input:
/// text that is not JSON, JSON that is not annotations, or nested deeper than
/// kMaxAnnotationJsonDepth comes back as one error with an empty path; annotations that break a
/// W3C MUST, lack what Lectern needs (a TextQuoteSelector with an exact quote) or hold a string
/// that is not text (a lone UTF-16 surrogate escape such as "\ud800") are left out with an error
/// each; the rest are returned, normalised (times in UTC, IRIs percent-encoded, colours lower
/// case). Annotations of the file that share an id are merged into one by MergeAnnotations' rules
/// (a warning each). There is no size limit of its own, so whatever ExportAnnotationCollection
/// writes reads back: the parsed file takes about ten times its size in memory, and when that
/// memory is not there the result is one error saying so (std::bad_alloc is caught).
AnnotationParseResult ParseAnnotations(std::string_view text);

/// One annotation as W3C JSON-LD text (compact, with its own @context).
std::string AnnotationToJson(const Annotation& annotation);

/// Which annotations to export, and how to label them.
struct AnnotationExportOptions {
  std::string article;  ///< only those on this article (a content hash or a source URL); "" = all
  std::string tag;      ///< only those with this tag; "" = any
  std::string label;    ///< the collection's label; "" = a label made from the filters
};

/// The annotations that pass `options`' filters, in the order given.
std::vector<Annotation> FilterAnnotations(const std::vector<Annotation>& annotations,
                                          const AnnotationExportOptions& options);

/// A W3C AnnotationCollection (JSON-LD, indented) holding one embedded AnnotationPage with the
/// annotations that pass the filters. Its id is a name-based urn:uuid of the content, so the same
/// annotations always give the same text.
std::string ExportAnnotationCollection(const std::vector<Annotation>& annotations,
                                       const AnnotationExportOptions& options = {});

/// The same text, given to `write` piece by piece as it is made: a collection of any size costs
/// the memory of one annotation's JSON, not of the whole file. Reads `annotations` twice (the
/// collection's id, named by the content, comes before its items).
void WriteAnnotationCollection(const std::vector<Annotation>& annotations,
                               const AnnotationExportOptions& options,
                               const std::function<void(std::string_view)>& write);

/// A readable report in Markdown: grouped by article, with quotes, tags, notes and authors. Text
/// from annotations is escaped so that it renders as written (no HTML, no Markdown markup).
std::string AnnotationReportMarkdown(const std::vector<Annotation>& annotations,
                                     const AnnotationExportOptions& options = {});

/// The same report as a standalone HTML page. Every piece of text is HTML-escaped (notes are shown
/// as plain text, Markdown included); the page carries a Content-Security-Policy that allows no
/// script and no network request.
std::string AnnotationReportHtml(const std::vector<Annotation>& annotations,
                                 const AnnotationExportOptions& options = {});

/// What merging a colleague's annotations into mine did.
struct AnnotationMergeResult {
  /// Every annotation of both sides once, sorted by article (content hash, else source), then
  /// position, then id: the same inputs give the same output, whichever side they come from.
  std::vector<Annotation> annotations;
  std::vector<std::string> added;        ///< ids that only the incoming side had
  std::vector<std::string> duplicates;   ///< ids both sides had with the same content
  std::vector<std::string> conflicts;    ///< ids both sides had with different content
  std::vector<AnnotationAgent> authors;  ///< every creator seen (versions included), sorted
};

/// Merges `incoming` into `mine`. The same annotation is recognised by its id. Same id and same
/// content (ignoring conflicts and @context) is a duplicate, kept once. Same id and different
/// content is a conflict: every distinct version is kept, the most recently modified one (ties
/// broken by content, so the result does not depend on the order of the sides) as the annotation
/// itself and the others, each with its own creator and times, in its `conflicts`, newest first,
/// until someone picks one. Nothing is ever dropped.
AnnotationMergeResult MergeAnnotations(const std::vector<Annotation>& mine,
                                       const std::vector<Annotation>& incoming);

/// The target for [start, end) (code points) of an article body, as a new annotation records it:
/// the quote with 32 code points of context on each side, the position, the body's content hash,
/// and the article's URL (when it is an IRI) and title. Offsets past the end are clamped to it and
/// an end before the start is taken as the start; the quote may then be empty, which the caller
/// must refuse.
AnnotationTarget TargetForRange(std::string_view body, std::size_t start, std::size_t end,
                                std::string_view url = {}, std::string_view title = {});

/// How an annotation was placed in an article.
struct AnnotationAnchor {
  std::string id;         ///< the annotation's id
  bool anchored = false;  ///< false: an orphan, its passage found in no article given
  std::size_t start = 0;  ///< code points into the article body (0 for orphans)
  std::size_t end = 0;    ///< exclusive
  double score = 0;       ///< the match's score in [0, 1]; for orphans, the best one seen
  bool exact = false;     ///< the quote was found exactly, with its context
  /// The id of the article it was anchored in; for orphans, the article it belongs to when that
  /// is known (by hash, URL or title), else empty.
  std::string article;
  /// How that article was chosen: "hash" (same text), "url", "title", "search" (found by trying
  /// every article: e.g. another version of the story), or "" for orphans with no article.
  std::string match;
  /// article_index when there is no article.
  static constexpr std::size_t kNoArticle = static_cast<std::size_t>(-1);
  /// The index of that article in the list given, or kNoArticle.
  std::size_t article_index = kNoArticle;
};

/// Options for AnchorAnnotations.
struct AnchorAnnotationsOptions {
  /// The minimum score for a fuzzy match; below it, an annotation is an orphan. Negative: the
  /// anchoring engine's default.
  double min_score = -1;
};

/// Re-anchors each annotation: finds its article among `articles` by content hash, then by URL,
/// then by title, then by trying those that a word index of the articles says may hold the passage
/// (CollectionIndex in lectern/anchoring.h), and its passage in that article's body with the quote
/// and its context. One result per annotation, in order; orphans are reported, never dropped.
/// Cost: building the word index (linear in the bodies, once per call, only when some annotation
/// gets that far), then per annotation the proposed articles only; prepared articles are kept
/// for the call up to 256 MB.
std::vector<AnnotationAnchor> AnchorAnnotations(const std::vector<Annotation>& annotations,
                                                const std::vector<Article>& articles,
                                                const AnchorAnnotationsOptions& options = {});

// --- Values of the model ---------------------------------------------------------------------
// Checks and conversions for the values an annotation holds, for whoever builds one.

/// A date-time normalised to UTC: "YYYY-MM-DDThh:mm:ss[.sss]Z" and its milliseconds since 1970.
struct UtcTime {
  std::string text;
  std::int64_t millis = 0;
};

/// Parses an ISO 8601 / RFC 3339 date-time with a zone ("Z", "+02:00", "+0200"); seconds and the
/// fraction are optional; fractions beyond milliseconds are cut. A date alone ("2024-09-13") is
/// taken as midnight UTC and reported through `date_only`. Returns nullopt for anything else.
std::optional<UtcTime> ParseUtcTime(std::string_view text, bool* date_only = nullptr);

/// `text` as a URI: characters a URI may not hold (non-ASCII, spaces, quotes, braces, a second
/// '#', a '%' not starting an escape) are percent-encoded as UTF-8, the RFC 3987 mapping from IRI
/// to URI. Returns nullopt when `text` has no scheme ("example.com/a" is not an IRI).
std::optional<std::string> ToUri(std::string_view text);

/// "#rgb" or "#rrggbb" (any case) as "#rrggbb" in lower case; nullopt for anything else, so that a
/// colour from a file can go into a style attribute safely.
std::optional<std::string> NormaliseColor(std::string_view text);

/// A name-based UUID (RFC 9562 version 8, from SHA-256 of `name`) as "urn:uuid:…": the same name
/// always gives the same id.
std::string NameBasedUrnUuid(std::string_view name);

/// The name-based urn:uuid of an annotation's content (NameBasedUrnUuid of its canonical JSON, left
/// without @context and conflicts): what a new annotation without an id of its own is called, so
/// the same content always gets the same id. Give it an annotation whose id is still empty.
std::string ContentBasedId(const Annotation& annotation);

}  // namespace lectern

#endif  // LECTERN_ANNOTATIONS_H_
