#!/usr/bin/env bash
# Meshroute's one setup script: install what is missing, build, then run or test.
#
#   ./dev.sh run     install, build, and open meshroute-studio on the bundled tutorial demo
#   ./dev.sh test    install, build, run every test headless: all suites under ASan+UBSan, the engine's
#                    under TSan (both relay paths), the engine, perf and soak suites in the plain build
#   ./dev.sh test --full   the same, and every suite in the plain build too
#   ./dev.sh build   install and build the default preset only
#
# Needs Debian 12 and root (or sudo) for apt-get. Safe to run again: it skips what is there.
set -euo pipefail
cd "$(dirname "$0")"

PACKAGES=(
  g++ cmake ninja-build pkg-config python3
  qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-svg-dev
  libgl-dev libqcustomplot-dev libyaml-cpp-dev libboost-dev libcli11-dev libgraphviz-dev
  python3-yaml python3-jsonschema fonts-noto-cjk xvfb xauth netcat-openbsd
  prometheus # tst_prometheus: a real Prometheus (and promtool) reads `meshroute proxy --admin`
)
# npm fetches the published SARIF 2.1.0 schema that tst_cli checks `validate -o sarif` against.
# Any npm will do (NodeSource's nodejs ships its own, and conflicts with Debian's npm package).
command -v npm >/dev/null 2>&1 || PACKAGES+=(npm)

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }

install_missing() {
  local missing=()
  for p in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  say "installing ${missing[*]}"
  local sudo=()
  [ "$(id -u)" -eq 0 ] || sudo=(sudo)
  export DEBIAN_FRONTEND=noninteractive
  "${sudo[@]}" apt-get update -qq
  "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

build() { # preset [target...]
  local preset=$1
  shift
  say "building ($preset)"
  cmake --preset "$preset" >/dev/null
  if [ $# -gt 0 ]; then
    cmake --build --preset "$preset" -j "$(nproc)" --target "$@"
  else
    cmake --build --preset "$preset" -j "$(nproc)"
  fi
}

case "${1:-}" in
  run)
    install_missing
    build default
    demo=resources/samples/tcp-echo
    studio=build/default/app/studio/meshroute-studio
    if [ -x "$studio" ]; then
      # No path: the studio opens (a copy of) the bundled demo on first start, then the last document.
      if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
        exec "$studio"
      fi
      say "no display: starting the studio under Xvfb (set DISPLAY to use your own)"
      exec xvfb-run -a "$studio"
    fi
    exec build/default/app/cli/meshroute validate "$demo"
    ;;
  test)
    case "${2:-}" in "" | --full) ;; *) sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//' && exit 2 ;; esac
    install_missing
    status=0
    # The engine's suites under ThreadSanitizer (no studio in this build), each also as
    # <suite>_portable: the relay on public Asio API only (relay/relaysocket.h).
    build tsan meshroute_engine_suites
    ctest --preset tsan -L engine -j 2 || status=1
    # Everything under AddressSanitizer + UndefinedBehaviorSanitizer.
    build asan
    ctest --preset asan -j 2 || status=1
    # The normal optimised build, last, so its summary closes the run: the programs and benchmarks,
    # and the suites whose figures mean something only without sanitizers (all of them with --full).
    if [ "${2:-}" = "--full" ]; then
      build default
      ctest --preset default -j 2 || status=1
    else
      build default meshroute_plain_checks
      ctest --preset default -L 'engine|perf|soak' -j 2 || status=1
    fi
    exit $status
    ;;
  build)
    install_missing
    build default
    ;;
  *)
    sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'
    exit 2
    ;;
esac
