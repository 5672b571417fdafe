// The model file, compiled in as bytes (generated at build time from model/entities.lnm by
// cmake/EmbedBinary.cmake), because the WebAssembly module loads no files.
#ifndef LECTERN_ENTITIES_MODEL_DATA_H_
#define LECTERN_ENTITIES_MODEL_DATA_H_

#include <cstddef>

extern "C" {
extern const unsigned char kLecternEntityModel[];
extern const std::size_t kLecternEntityModelSize;
}

#endif  // LECTERN_ENTITIES_MODEL_DATA_H_
