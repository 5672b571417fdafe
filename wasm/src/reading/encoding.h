// Which encoding a file's bytes are in, and its text as UTF-8. Internal to lectern_reading.
#ifndef LECTERN_READING_ENCODING_H_
#define LECTERN_READING_ENCODING_H_

#include <string>
#include <string_view>

namespace lectern {

/// A file's text as UTF-8.
struct DecodedText {
  /// "" when the bytes were UTF-8 already (then `text` is empty and the bytes are the text);
  /// else what they were read as: "UTF-16LE", "UTF-16BE" or "windows-1252".
  std::string encoding;
  std::string text;     ///< the text in UTF-8 when `encoding` is not ""
  std::string problem;  ///< why the bytes are no text Lectern can read, else ""
};

/// Decides by the bytes alone, in this order: a UTF-16 byte-order mark (LE or BE) → UTF-16;
/// UTF-16 without a mark (ASCII text with every other byte NUL) → UTF-16; valid UTF-8 (a UTF-8
/// mark or none) → UTF-8; text whose bytes are mostly ASCII → Windows-1252, the Western encoding
/// that ISO 8859-1 files are also read as; anything else → a problem naming the first byte that is
/// not UTF-8. Lone surrogates in UTF-16 become U+FFFD. One pass; copies only what it converts.
DecodedText DecodeText(std::string_view bytes);

}  // namespace lectern

#endif  // LECTERN_READING_ENCODING_H_
