// The article content hash: the same text, whatever its whitespace and Unicode normalisation,
// gives the same hash, in the page (which asks the core) and on the command line, so annotations
// stay tied to their article across re-imports.
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <stdexcept>
#include <string>

#include "lectern/hash.h"

namespace lectern {
namespace {

// JavaScript's \s (WhiteSpace and LineTerminator in ECMA-262): what the page's /\s+/gu collapses
// and String.prototype.trim removes. Not Unicode's White_Space: U+0085 and U+180E are not in it.
bool IsJsSpace(char32_t c) {
  return (c >= 0x09 && c <= 0x0D) || c == 0x20 || c == 0xA0 || c == 0x1680 ||
         (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F ||
         c == 0x3000 || c == 0xFEFF;
}

}  // namespace

std::string NormaliseForIdentity(std::string_view body) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) {
    throw std::runtime_error(std::string("ICU NFC normaliser unavailable: ") + u_errorName(status));
  }
  const icu::UnicodeString in = icu::UnicodeString::fromUTF8(
      icu::StringPiece(body.data(), static_cast<std::int32_t>(body.size())));
  const icu::UnicodeString normalised = nfc->normalize(in, status);
  if (U_FAILURE(status)) {
    throw std::runtime_error(std::string("NFC normalisation failed: ") + u_errorName(status));
  }
  // Collapse runs of whitespace to one space, dropping leading and trailing ones (trim).
  icu::UnicodeString collapsed;
  bool pending_space = false;
  for (std::int32_t i = 0; i < normalised.length();) {
    const UChar32 c = normalised.char32At(i);
    i += U16_LENGTH(c);
    if (IsJsSpace(static_cast<char32_t>(c))) {
      pending_space = !collapsed.isEmpty();
      continue;
    }
    if (pending_space) collapsed.append(static_cast<UChar>(0x20));
    pending_space = false;
    collapsed.append(c);
  }
  std::string out;
  collapsed.toUTF8String(out);
  return out;
}

std::string ContentHash(std::string_view body) { return Sha256Hex(NormaliseForIdentity(body)); }

}  // namespace lectern
