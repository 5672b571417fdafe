// ICU's data in the module: the items the core uses are compiled in (icu-data-items.txt, through
// lectern_icu_data), and the module has no file system (FILESYSTEM=0). So ICU must not look for
// data in files: for an item the compiled-in data lacks (a locale's resource bundle, say) it would
// stat() a file. UDATA_NO_FILES stops that, except for ICU's one attempt to open a whole .dat
// package when a break iterator asks for a dictionary (Han text; the CJK dictionary is left out):
// the release build's stub fails it quietly and ICU goes on without the dictionary; the debug
// build, whose stubs abort, has a memory file system for it (wasm/binding/CMakeLists.txt). Runs
// when the module is instantiated, before any function of it is called.
#include <emscripten/bind.h>
#include <unicode/udata.h>

EMSCRIPTEN_BINDINGS(lectern_icu_data) {
  UErrorCode status = U_ZERO_ERROR;
  udata_setFileAccess(UDATA_NO_FILES, &status);
}
