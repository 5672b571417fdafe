// Lectern text (lectern_text): SHA-256 (FIPS 180-4) and the content hash that ties an annotation
// to its article's text. SHA-256 is small and dependency-free here, because ICU has no hash and
// the WebAssembly build should not pull in a crypto library for one function. Each function costs
// one pass over its input.
#ifndef LECTERN_HASH_H_
#define LECTERN_HASH_H_

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace lectern {

/// An incremental SHA-256: Update() any number of times, then Digest() once.
class Sha256 {
 public:
  Sha256();
  /// Adds bytes to the message.
  void Update(std::string_view bytes);
  /// Finishes the message and returns its 32-byte digest. Call once; the object is spent after.
  std::array<std::uint8_t, 32> Digest();

 private:
  void Block(const std::uint8_t* block);

  std::array<std::uint32_t, 8> state_;
  std::array<std::uint8_t, 64> buffer_{};
  std::size_t buffered_ = 0;
  std::uint64_t length_ = 0;  // bytes so far
};

/// The SHA-256 digest of `bytes` as 64 lowercase hexadecimal digits.
std::string Sha256Hex(std::string_view bytes);

/// The 32-byte SHA-256 digest of `bytes`.
std::array<std::uint8_t, 32> Sha256Digest(std::string_view bytes);

/// The article text as compared for identity: NFC, every run of JavaScript `\s` whitespace
/// collapsed to one space, trimmed (the definition the page used before it asked the core).
std::string NormaliseForIdentity(std::string_view body);

/// SHA-256 of NormaliseForIdentity(body) as 64 hex digits; the page's article key is the first 16.
/// Both throw std::runtime_error when ICU's NFC normaliser is unavailable or fails (its data
/// missing), which valid UTF-8 text cannot cause.
std::string ContentHash(std::string_view body);

}  // namespace lectern

#endif  // LECTERN_HASH_H_
