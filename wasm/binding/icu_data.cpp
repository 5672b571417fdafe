// ICU's data in the module: the items the core uses are compiled in (icu-data-items.txt, through
// lectern_icu_data), and the module has no file system (FILESYSTEM=0). So ICU must never look for
// data in files: for an item the compiled-in data lacks (a locale's resource bundle, say) it would
// stat() a file, which the debug build's system call stubs abort on (the release build's fail
// quietly, and ICU falls back as it does here). Runs when the module is instantiated, before any
// function of it is called.
#include <emscripten/bind.h>
#include <unicode/udata.h>

EMSCRIPTEN_BINDINGS(lectern_icu_data) {
  UErrorCode status = U_ZERO_ERROR;
  udata_setFileAccess(UDATA_NO_FILES, &status);
}
