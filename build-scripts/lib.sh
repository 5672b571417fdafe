# Shared helpers for the build scripts. Sourced, not run.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# Built third-party pieces (ICU for wasm32) live outside the checkout, so a fresh clone on the same
# machine (as CI makes) reuses them.
CACHE="${LECTERN_CACHE:-$HOME/.cache/lectern}"
EMSCRIPTEN_VERSION="$(tr -d '[:space:]' < "$ROOT/emscripten-version")"
# emcc 3.1.6 from Debian finds its Node modules only through NODE_PATH.
export NODE_PATH="${NODE_PATH:-/usr/share/nodejs}"
JOBS="$(nproc)"

log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

# Debian packages the build and tests need; installs only what is missing. Node.js and npm are
# installed separately (build-scripts/build), and only when absent: a machine may have them from
# elsewhere, and Debian's npm conflicts with those.
APT_PACKAGES=(cmake ninja-build g++ clang libclang-rt-14-dev libicu-dev icu-devtools nlohmann-json3-dev
  googletest libgtest-dev libbenchmark-dev emscripten chromium firefox-esr dpkg-dev
  clang-format
  pybind11-dev python3-dev python3-numpy python3-pytest python3-dask python3-distributed  # wasm/python
  webkit2gtk-driver libwebkit2gtk-4.1-0 xvfb xauth libgl1-mesa-dri)  # WebKit for the e2e tests

install_packages() {
  local missing=()
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  log "installing ${missing[*]}"
  as_root apt-get update -q
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
}

check_emscripten() {
  local have
  have="$(emcc --version 2>/dev/null | sed -n 's/^emcc .* \([0-9][0-9.]*\).*/\1/p' | head -1)"
  if [ "$have" != "$EMSCRIPTEN_VERSION" ]; then
    echo "error: Lectern is built with Emscripten $EMSCRIPTEN_VERSION (see emscripten-version);" \
         "found '${have:-none}'. Install Debian 12's 'emscripten' package." >&2
    exit 1
  fi
}

install_node_modules() {
  if [ ! -d "$ROOT/node_modules" ] || [ "$ROOT/package-lock.json" -nt "$ROOT/node_modules/.package-lock.json" ]; then
    log "npm ci"
    (cd "$ROOT" && npm ci --no-audit --no-fund)
  fi
}
