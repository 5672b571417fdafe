#include "tokens.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include "lectern/text.h"

namespace lectern::diff {

std::int32_t DecodeAt(std::string_view text, std::size_t pos, std::size_t& length) {
  return DecodeUtf8(text, pos, &length);  // the core's one decoder (lectern/text.h)
}

namespace {

enum class CharClass { kWord, kSolo, kSpace, kOther };

// Scripts without spaces between words: one token per character.
bool IsSoloScript(std::int32_t cp) {
  UErrorCode status = U_ZERO_ERROR;
  const UScriptCode script = uscript_getScript(cp, &status);
  if (U_FAILURE(status)) return false;
  switch (script) {
    case USCRIPT_HAN:
    case USCRIPT_HIRAGANA:
    case USCRIPT_KATAKANA:
    case USCRIPT_THAI:
    case USCRIPT_LAO:
    case USCRIPT_KHMER:
    case USCRIPT_MYANMAR:
      return true;
    default:
      return false;
  }
}

CharClass Classify(std::int32_t cp) {
  if (cp < 0) return CharClass::kOther;
  if (cp < 0x80) {
    if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9')) {
      return CharClass::kWord;
    }
    if (cp == ' ' || (cp >= '\t' && cp <= '\r')) return CharClass::kSpace;
    return CharClass::kOther;
  }
  if (u_isUWhiteSpace(cp)) return CharClass::kSpace;
  const std::int8_t type = u_charType(cp);
  // Combining marks stay with their letter, so a decomposed accent never starts a token.
  if (u_isalnum(cp) || type == U_NON_SPACING_MARK || type == U_COMBINING_SPACING_MARK ||
      type == U_ENCLOSING_MARK || u_hasBinaryProperty(cp, UCHAR_ALPHABETIC)) {
    return IsSoloScript(cp) ? CharClass::kSolo : CharClass::kWord;
  }
  return CharClass::kOther;
}

bool IsLetter(std::int32_t cp) { return cp >= 0 && u_isalpha(cp); }
bool IsDigit(std::int32_t cp) { return cp >= 0 && u_isdigit(cp); }

struct Cursor {
  std::string_view text;
  // The code point at `pos` and its length; -2 past the end.
  std::int32_t At(std::size_t pos, std::size_t& len) const {
    if (pos >= text.size()) {
      len = 0;
      return -2;
    }
    return DecodeAt(text, pos, len);
  }
};

// Scans a word starting at `pos` (a kWord character) and returns its end.
std::size_t ScanWord(const Cursor& cur, std::size_t pos) {
  std::size_t len = 0;
  std::int32_t prev = -2;
  std::size_t segment_chars = 0;  // characters since the last joining mark
  bool abbreviation = false;      // inside "U.S."-style initials
  for (;;) {
    const std::int32_t cp = cur.At(pos, len);
    if (cp != -2 && Classify(cp) == CharClass::kWord) {
      prev = cp;
      pos += len;
      ++segment_chars;
      continue;
    }
    if (cp == -2) return pos;
    std::size_t next_len = 0;
    const std::int32_t next = cur.At(pos + len, next_len);
    const bool next_is_word = next >= 0 && Classify(next) == CharClass::kWord;
    if ((cp == '\'' || cp == 0x2019) && IsLetter(prev) && IsLetter(next)) {
      // "don't", "China's"
    } else if ((cp == '.' || cp == ',') && IsDigit(prev) && IsDigit(next)) {
      // "1,000.5"
    } else if (cp == '.' && segment_chars == 1 && IsLetter(prev)) {
      // Initials: "U.S.", "e.g."; a lone initial before a space ("A. Smith") stays a word.
      std::size_t after_len = 0;
      const std::int32_t after = cur.At(pos + len + next_len, after_len);
      if (IsLetter(next) && next_is_word && after == '.') {
        abbreviation = true;
      } else if (abbreviation) {
        return pos + len;
      } else {
        return pos;
      }
    } else {
      return pos;
    }
    pos += len;
    segment_chars = 0;
  }
}

}  // namespace

std::vector<Token> Tokenize(std::string_view text) {
  std::vector<Token> tokens;
  tokens.reserve(text.size() / 3 + 1);
  const Cursor cur{text};
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t len = 0;
    const std::int32_t cp = DecodeAt(text, pos, len);
    const CharClass cls = Classify(cp);
    Token t;
    t.start = static_cast<std::uint32_t>(pos);
    if (cls == CharClass::kWord) {
      t.kind = TokenKind::kWord;
      pos = ScanWord(cur, pos);
    } else if (cls == CharClass::kSolo) {
      t.kind = TokenKind::kWord;
      pos += len;
    } else if (cls == CharClass::kSpace) {
      t.kind = TokenKind::kSpace;
      pos += len;
      while (pos < text.size()) {
        const std::int32_t c = DecodeAt(text, pos, len);
        if (Classify(c) != CharClass::kSpace) break;
        pos += len;
      }
    } else {
      t.kind = TokenKind::kMark;
      pos += len;
    }
    t.end = static_cast<std::uint32_t>(pos);
    tokens.push_back(t);
  }
  return tokens;
}

std::string FoldWord(std::string_view word) {
  std::string out;
  out.reserve(word.size());
  std::size_t pos = 0;
  while (pos < word.size()) {
    const auto c = static_cast<unsigned char>(word[pos]);
    if (c < 0x80) {
      out.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c));
      ++pos;
      continue;
    }
    std::size_t len = 0;
    const std::int32_t cp = DecodeAt(word, pos, len);
    if (cp < 0) {
      out.push_back(static_cast<char>(c));
    } else if (cp == 0x2019) {
      out.push_back('\'');  // "don’t" and "don't" are the same word
    } else {
      AppendUtf8(static_cast<char32_t>(u_foldCase(cp, U_FOLD_CASE_DEFAULT)), &out);
    }
    pos += len;
  }
  return out;
}

}  // namespace lectern::diff
