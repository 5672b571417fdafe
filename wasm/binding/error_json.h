// {"error": message} for the bindings' functions that answer JSON. Internal to the bindings.
#ifndef LECTERN_BINDING_ERROR_JSON_H_
#define LECTERN_BINDING_ERROR_JSON_H_

#include <nlohmann/json.hpp>
#include <string>

namespace lectern::binding {

/// {"error": message} as a JSON string. Safe on any message, since it runs inside catch blocks:
/// bytes that are not UTF-8 become U+FFFD instead of making the dump throw.
inline std::string ErrorJson(const std::string& message) {
  return nlohmann::json{{"error", message}}.dump(-1, ' ', false,
                                                 nlohmann::json::error_handler_t::replace);
}

}  // namespace lectern::binding

#endif  // LECTERN_BINDING_ERROR_JSON_H_
