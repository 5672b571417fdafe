// The one piece of glue every binding shares: no exception may reach JavaScript. The module is
// built with -fwasm-exceptions, so one escaping arrives as an opaque WebAssembly.Exception whose
// message the page cannot read. Internal to the bindings.
#ifndef LECTERN_BINDING_GUARD_H_
#define LECTERN_BINDING_GUARD_H_

#include <exception>
#include <string>

#include "lectern/api.h"

namespace lectern::binding {

/// Returns `call()`, or `on_error(message)` when it throws.
template <class Call, class OnError>
auto Guard(Call call, OnError on_error) -> decltype(call()) {
  try {
    return call();
  } catch (const std::exception& e) {
    return on_error(std::string(e.what()));
  } catch (...) {
    return on_error(std::string("unknown error"));
  }
}

/// What a function answering JSON says when it threw after all (the api's functions catch their
/// own errors, so this is out of memory or a bug): {"error": "internal error: …"}.
inline std::string InternalError(const std::string& what) {
  return lectern::ErrorJson("internal error: " + what);
}

}  // namespace lectern::binding

#endif  // LECTERN_BINDING_GUARD_H_
