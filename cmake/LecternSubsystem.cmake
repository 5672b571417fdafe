# One static library per subsystem of the core, and a build that refuses an include crossing the
# layering.
#
# Every public header lives in wasm/include/lectern/, so a shared include directory would let any
# file include any header. Instead no target gets that folder: each gets a folder of its own in the
# build tree, lectern-include/<target>/lectern/, holding links to just the public headers it may
# use (its own and, transitively, those of the libraries it declares), and its own source folder
# (internal headers) as a PRIVATE include directory. So `#include "lectern/diff.h"` in annotations
# code, or another subsystem's internal header, is "No such file or directory". The folders are
# real include directories, so compile_commands.json (clang-tidy, IDEs) sees what the compiler does.
#
# A quoted include is also looked up next to the including file, so a path that climbs out of the
# folder ("../reading/clean.h") would get around this: lectern_add_subsystem refuses those.
#
# Dependencies are PRIVATE: a target's include directories and compile options never leak to the
# targets that use it; static libraries still bring their dependencies to the final link.

set(LECTERN_PUBLIC_INCLUDE ${CMAKE_SOURCE_DIR}/wasm/include/lectern)
set(LECTERN_PRIVATE_INCLUDE_ROOT ${CMAKE_BINARY_DIR}/lectern-include)

# The public headers `target` may include: LECTERN_HEADERS of each library in DEPENDS.
function(_lectern_headers_of out)
  set(headers)
  foreach(dep IN LISTS ARGN)
    get_target_property(dep_headers ${dep} LECTERN_HEADERS)
    if(NOT dep_headers)
      message(FATAL_ERROR "${dep} is not a library made by lectern_add_subsystem")
    endif()
    list(APPEND headers ${dep_headers})
  endforeach()
  set(${out} ${headers} PARENT_SCOPE)
endfunction()

# Gives `target` an include folder with links to `headers` (names in wasm/include/lectern/) only.
function(_lectern_expose target)
  set(dir ${LECTERN_PRIVATE_INCLUDE_ROOT}/${target})
  file(REMOVE_RECURSE ${dir})
  file(MAKE_DIRECTORY ${dir}/lectern)
  set(headers ${ARGN})
  list(REMOVE_DUPLICATES headers)
  foreach(header IN LISTS headers)
    file(CREATE_LINK ${LECTERN_PUBLIC_INCLUDE}/${header} ${dir}/lectern/${header} SYMBOLIC)
  endforeach()
  target_include_directories(${target} PRIVATE ${dir})
endfunction()

# lectern_use(TARGET target [DEPENDS lib...] [INTERNAL src-folder...] [LIBRARIES other...])
#   Links a program (CLI, binding, test, benchmark, fuzzer) with the core libraries it uses and
#   lets it include their public headers only; INTERNAL folders (relative to wasm/src) also expose
#   those subsystems' internal headers, for tests and evaluations of internals. A library made by
#   lectern_add_subsystem also sees its own public headers.
function(lectern_use)
  cmake_parse_arguments(ARG "" "TARGET" "DEPENDS;INTERNAL;LIBRARIES" ${ARGN})
  get_target_property(own ${ARG_TARGET} LECTERN_HEADERS)
  if(NOT own)
    set(own)
  endif()
  _lectern_headers_of(headers ${ARG_DEPENDS})
  _lectern_expose(${ARG_TARGET} ${own} ${headers})
  foreach(folder IN LISTS ARG_INTERNAL)
    target_include_directories(${ARG_TARGET} PRIVATE ${CMAKE_SOURCE_DIR}/wasm/src/${folder})
  endforeach()
  target_link_libraries(${ARG_TARGET} PRIVATE ${ARG_DEPENDS} ${ARG_LIBRARIES})
endfunction()

# lectern_add_subsystem(NAME lib SOURCES file... PUBLIC_HEADERS name... [DEPENDS lib...]
#                       [LIBRARIES other...])
#   A static library from an explicit list of SOURCES in the current folder, whose public headers
#   are PUBLIC_HEADERS (names in wasm/include/lectern/), using the core libraries in DEPENDS and
#   the outside ones (icu, nlohmann_json) in LIBRARIES.
function(lectern_add_subsystem)
  cmake_parse_arguments(ARG "" "NAME" "SOURCES;PUBLIC_HEADERS;DEPENDS;LIBRARIES" ${ARGN})
  add_library(${ARG_NAME} STATIC ${ARG_SOURCES})
  # What a user of the library may include: its headers and, since they include theirs, those of
  # its dependencies.
  _lectern_headers_of(inherited ${ARG_DEPENDS})
  set_target_properties(${ARG_NAME} PROPERTIES LECTERN_HEADERS "${ARG_PUBLIC_HEADERS};${inherited}")
  lectern_use(TARGET ${ARG_NAME} DEPENDS ${ARG_DEPENDS} LIBRARIES ${ARG_LIBRARIES})
  target_include_directories(${ARG_NAME} PRIVATE ${CMAKE_CURRENT_SOURCE_DIR})
  file(GLOB internal_headers ${CMAKE_CURRENT_SOURCE_DIR}/*.h)
  foreach(file IN LISTS ARG_SOURCES internal_headers)
    file(STRINGS ${file} climbing REGEX "^#include \"[^\"]*\\.\\./")
    if(climbing)
      message(FATAL_ERROR "${file}: ${climbing}: include another library's headers as \"lectern/…\" "
        "and declare it in DEPENDS; its internal headers are its own")
    endif()
  endforeach()
  target_compile_options(${ARG_NAME} PRIVATE -Wall -Wextra -Wpedantic)
endfunction()
