// Lectern reading (lectern_reading): news articles from the bytes of a file, cleaned, with their
// metadata, paragraphs and sentences.
//
// Depends only on the C++17 standard library and lectern/text.h; ICU and nlohmann/json stay
// behind it. All text is UTF-8 and every Span is a half-open range of byte offsets into the string
// it describes; conversion to UTF-16 code units (JavaScript) or Unicode code points (W3C Web
// Annotation) happens only when an article is written out as JSON (lectern/api.h).
#ifndef LECTERN_READING_H_
#define LECTERN_READING_H_

#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "lectern/text.h"

namespace lectern {

/// A news article: metadata, the cleaned body text, and its paragraphs and sentences.
struct Article {
  std::string id;        ///< the record's id in a collection, else the file name
  std::string title;     ///< headline, empty when none was found
  std::string date;      ///< ISO 8601 (YYYY-MM-DD) when known, else empty
  std::string source;    ///< the outlet ("Xinhua", "KUNA", "China Daily"), empty when unknown
  std::string dateline;  ///< e.g. "ST. PETERSBURG, Sept. 10 (Xinhua) --", empty when none
  std::string url;       ///< where the article came from, when the input says so
  std::string body;      ///< cleaned text; paragraphs are separated by "\n\n"
  std::string original;  ///< the article's text as read, before any cleaning
  std::vector<Span> paragraphs;  ///< into `body`
  std::vector<Span> sentences;   ///< into `body`; never cross a paragraph boundary
  std::size_t word_count = 0;    ///< words in `body`, counted by CountWords
  /// What the file was decoded from when it was not UTF-8: "UTF-16LE", "UTF-16BE" or
  /// "windows-1252"; empty for UTF-8 (see ReadFile).
  std::string encoding;
};

/// How input is read.
struct ReadOptions {
  /// Treat every input as body text as it is: no metadata, no boilerplate removal, no HTML.
  bool plain = false;
  /// Number of lines that precede these bytes in the file (for JSONL read in chunks), so that
  /// error messages give the right line numbers.
  std::size_t first_line = 1;
};

/// A problem with one input (or one record of a collection), said in one line for a user.
struct InputProblem {
  std::string file;     ///< the file name as given
  std::string where;    ///< "line 7" or "record 3" within a collection; empty for the whole file
  std::string message;  ///< what is wrong, e.g. "not valid UTF-8 (byte 0xff at offset 12)"
  /// "FILE: WHERE: MESSAGE" (WHERE omitted when empty).
  std::string ToString() const;
};

/// What reading one file produced: the articles that could be read and the problems with the rest.
struct ReadResult {
  std::vector<Article> articles;
  std::vector<InputProblem> problems;
};

/// The largest article body (in bytes) Lectern reads; larger inputs are refused with a message.
constexpr std::size_t kMaxArticleBytes = 8u << 20;

/// Reads the bytes of one file. The format follows the extension of `file_name`: .json and .jsonl
/// are collections of {id?, title?, date?, source?, url?, text | html}; .html and .htm are web
/// pages (their text only: nothing in them is run); anything else is text, where a first line
/// beginning with " date YYYY-MM-DD" (the seed format) gives the date. Never throws for bad input:
/// empty, binary, undecodable, oversized or malformed files come back as problems, and the
/// readable records of a partly broken collection still come back as articles.
///
/// Encodings (whole files only; a chunk with first_line > 1 must be UTF-8): a UTF-16 byte-order
/// mark, LE or BE, means UTF-16; ASCII text with every other byte NUL is UTF-16 without a mark;
/// valid UTF-8 is UTF-8; anything else that is mostly ASCII is Windows-1252 (which reads ISO
/// 8859-1 too); the rest is refused. Article::encoding says what was decoded.
///
/// NUL: text never holds one, so one NUL character anywhere in the decoded text of a file (or of
/// a chunk), at its first byte or its last, makes the whole file "a binary file" and nothing of it
/// is read; in a collection record's text (a "\u0000" escape) it makes that record a problem.
/// kMaxArticleBytes applies to the decoded text.
ReadResult ReadFile(std::string_view bytes, std::string_view file_name,
                    const ReadOptions& options = {});

/// The bytes of the wire dateline that opens `text` ("BEIJING, Sept 13 (KUNA) --",
/// "ST. PETERSBURG -": through its dash), or 0 when the text opens with none. It recognises what
/// ReadFile keeps as Article::dateline at the start of a body. Looks only at the first line's
/// first 240 bytes, so the cost is constant. Never throws (std::bad_alloc aside).
std::size_t DatelineLength(std::string_view text);

/// Builds an article from body text as it is (no cleaning): paragraphs and sentences only.
Article ArticleFromPlainText(std::string_view text, std::string_view id);

}  // namespace lectern

#endif  // LECTERN_READING_H_
