# Shared by scripts/demo, scripts/test and scripts/bench: install what is
# missing (Debian packages), then build. Sourced, not run.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

need_pkgs() {
  local missing=()
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "==> installing ${missing[*]}" >&2
    local sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    $sudo apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >&2
  fi
}

install_deps() {
  need_pkgs liblua5.4-dev libxml2-dev zlib1g-dev pkg-config
  if ! command -v swift >/dev/null 2>&1; then
    echo "error: swift is not on PATH (Swift 6 is needed: https://swift.org/install)" >&2
    exit 1
  fi
}

build() {
  echo "==> swift build $*" >&2
  swift build "$@" >&2
}

# The release binary, built the same way by demo, bench and the eval scripts'
# hints: the Swift runtime and Foundation linked in (--static-swift-stdlib) start
# ~8 ms faster per process than the shared libraries (docs/PERFORMANCE.md). One
# set of flags everywhere, or each switch rebuilds .build/release from scratch.
RELEASE_FLAGS=(-c release --static-swift-stdlib)
build_release() { build "${RELEASE_FLAGS[@]}"; }
