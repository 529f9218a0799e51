#!/usr/bin/env bash
# The side-by-side benchmark of the local gateway (issue 6): direct connection, HAProxy
# (TCP mode, threads = cores, splice-auto) and `meshroute proxy` on an equivalent
# configuration, measured in one run on this machine, on 127.0.0.1 only.
#
#   tests/perf/run-benchmark.sh [--runs N] [--seconds S] [--report FILE] [--skip-build] [--quick] [--keep]
#
#   --runs N       measurements per figure; the table shows medians (default 5)
#   --seconds S    length of each iperf3/rate/latency measurement (default 2)
#   --report FILE  also write the machine line and the table (Markdown) to FILE
#   --skip-build   use the binaries already built
#   --quick        1 run of 1 s and 10 applies: a smoke test of the harness, not figures
#   --keep         keep the generated configurations and logs (the folder is printed)
#
# Installs haproxy and iperf3 with apt-get when missing, builds meshroute_loadgen and
# meshroute (CMake preset "default", or MESHROUTE_BUILD_DIR), starts the backends, runs
# every measurement RUNS times (proxies interleaved, so drift hits all alike), and prints
# a table of medians with each proxy's ratio to HAProxy and to direct. `meshroute proxy`
# rows are skipped, with a message, while the binary has no working `proxy` command.
# About 7 minutes with the defaults on an idle 2-core machine.
#
# Environment: MESHROUTE_BUILD_DIR (default build/default), PORT_BASE (21000; uses
# PORT_BASE..+30 and ROUTE_BASE..+999), ROUTE_BASE (22000), IDLE_CONNECTIONS (10000,
# capped by the descriptor limit), JOBS (nproc).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
HERE="$ROOT/tests/perf"
RUNS=5
SECONDS_PER=2
REPORT=""
SKIP_BUILD=0
KEEP=0
ROUTES=1000
APPLIES=100
while [[ $# -gt 0 ]]; do
    case "$1" in
    --runs) RUNS=$2; shift 2 ;;
    --seconds) SECONDS_PER=$2; shift 2 ;;
    --report) REPORT=$2; shift 2 ;;
    --skip-build) SKIP_BUILD=1; shift ;;
    --keep) KEEP=1; shift ;;
    --quick) RUNS=1; SECONDS_PER=1; APPLIES=10; shift ;;
    -h | --help) sed -n '2,24p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "run-benchmark: unknown argument $1" >&2; exit 2 ;;
    esac
done

PORT_BASE=${PORT_BASE:-21000}
ROUTE_BASE=${ROUTE_BASE:-22000}
ECHO_PORT=$((PORT_BASE + 1))
IPERF_PORT=$((PORT_BASE + 2))
HAPROXY_ECHO=$((PORT_BASE + 11))
HAPROXY_IPERF=$((PORT_BASE + 12))
MESH_ECHO=$((PORT_BASE + 21))
MESH_IPERF=$((PORT_BASE + 22))
JOBS=${JOBS:-$(nproc)}
BUILD=${MESHROUTE_BUILD_DIR:-$ROOT/build/default}

say() { printf '\n== %s\n' "$*" >&2; }
note() { printf '   %s\n' "$*" >&2; }

# ---- 1. what it needs ---------------------------------------------------------------------
missing=()
command -v haproxy >/dev/null || missing+=(haproxy)
command -v iperf3 >/dev/null || missing+=(iperf3)
for tool in python3 cmake ninja; do
    command -v "$tool" >/dev/null || { echo "run-benchmark: $tool is required (./dev.sh installs it)" >&2; exit 2; }
done
if ((${#missing[@]})); then
    say "installing ${missing[*]}"
    SUDO=""
    [[ $(id -u) -ne 0 ]] && SUDO=sudo
    $SUDO apt-get install -y "${missing[@]}" >/dev/null || { $SUDO apt-get update >/dev/null && $SUDO apt-get install -y "${missing[@]}" >/dev/null; }
fi

# ---- 2. build -----------------------------------------------------------------------------
if ((!SKIP_BUILD)); then
    say "building meshroute_loadgen and meshroute in $BUILD"
    if [[ -z ${MESHROUTE_BUILD_DIR:-} ]]; then
        (cd "$ROOT" && cmake --preset default >/dev/null)
    else
        cmake -S "$ROOT" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
    fi
    cmake --build "$BUILD" --target meshroute_loadgen -j "$JOBS" >/dev/null
    cmake --build "$BUILD" --target meshroute meshroute_applybench -j "$JOBS" >/dev/null ||
        note "meshroute did not build: its rows will be skipped"
fi
LOADGEN="$BUILD/tests/perf/meshroute_loadgen"
MESHROUTE="$BUILD/app/cli/meshroute"
[[ -x $LOADGEN ]] || { echo "run-benchmark: $LOADGEN is missing (build it, or drop --skip-build)" >&2; exit 2; }

# ---- 3. a scratch folder, and everything we start is stopped on exit -------------------------
WORK=$(mktemp -d "${TMPDIR:-/tmp}/meshroute-bench.XXXXXX")
RESULTS="$WORK/results.jsonl"
: >"$RESULTS"
PIDS=()
cleanup() {
    local pid
    for pid in "${PIDS[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
    for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
    if ((KEEP)); then
        echo "run-benchmark: configurations and logs kept in $WORK" >&2
    else
        rm -rf "$WORK"
    fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# Every proxy and backend may hold tens of thousands of sockets.
HARD_LIMIT=$(ulimit -Hn)
[[ $HARD_LIMIT == unlimited ]] && HARD_LIMIT=$(cat /proc/sys/fs/nr_open)
ulimit -n "$HARD_LIMIT" 2>/dev/null || true
FD_LIMIT=$(ulimit -n)
IDLE=${IDLE_CONNECTIONS:-10000}
# A proxied connection costs the proxy two descriptors (HAProxy also keeps 2 per splice pipe).
IDLE_MAX=$(((FD_LIMIT - 1000) / 2))
if ((IDLE > IDLE_MAX)); then
    note "idle connections: $IDLE would not fit the descriptor limit $FD_LIMIT (ulimit -Hn); using $IDLE_MAX"
    IDLE=$IDLE_MAX
fi
MAXCONN=$((IDLE + 200))

record() { # metric target value [run]
    printf '{"metric":"%s","target":"%s","value":%s,"run":%s}\n' "$1" "$2" "$3" "${4:-1}" >>"$RESULTS"
}
record_note() {
    python3 -c 'import json,sys; print(json.dumps({"note": sys.argv[1]}))' "$1" >>"$RESULTS"
}

port_free() {
    python3 - "$1" <<'EOF'
import socket, sys
s = socket.socket()
try:
    s.bind(("127.0.0.1", int(sys.argv[1])))
except OSError:
    sys.exit(1)
EOF
}
wait_port() { # port [seconds]
    local deadline=$((SECONDS + ${2:-10}))
    while ((SECONDS < deadline)); do
        (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0
        sleep 0.05
    done
    return 1
}
rss_kib() { awk '/^VmRSS:/ {print $2}' "/proc/$1/status"; }

for port in $ECHO_PORT $IPERF_PORT $HAPROXY_ECHO $HAPROXY_IPERF $MESH_ECHO $MESH_IPERF $((PORT_BASE + 30)) $ROUTE_BASE $((ROUTE_BASE + ROUTES - 1)); do
    port_free "$port" || { echo "run-benchmark: port $port on 127.0.0.1 is busy (set PORT_BASE/ROUTE_BASE)" >&2; exit 2; }
done

# ---- 4. backends and proxies --------------------------------------------------------------
say "backends: echo on 127.0.0.1:$ECHO_PORT, iperf3 -s on 127.0.0.1:$IPERF_PORT"
"$LOADGEN" echo --listen "127.0.0.1:$ECHO_PORT" --duration 3600 >"$WORK/echo.log" 2>&1 &
PIDS+=($!)
iperf3 -s -B 127.0.0.1 -p "$IPERF_PORT" >"$WORK/iperf3.log" 2>&1 &
PIDS+=($!)
wait_port "$ECHO_PORT" && wait_port "$IPERF_PORT" || { echo "run-benchmark: backends did not start" >&2; exit 1; }

say "HAProxy $(haproxy -v | head -1 | awk '{print $3}'): nbthread $(nproc), splice-auto, maxconn $MAXCONN"
python3 "$HERE/bench.py" haproxy-config --threads "$(nproc)" --maxconn "$MAXCONN" \
    --route "echo:$HAPROXY_ECHO:$ECHO_PORT" --route "iperf:$HAPROXY_IPERF:$IPERF_PORT" >"$WORK/haproxy.cfg"
haproxy -c -q -f "$WORK/haproxy.cfg"
haproxy -db -f "$WORK/haproxy.cfg" >"$WORK/haproxy.log" 2>&1 &
HAPROXY_PID=$!
PIDS+=($HAPROXY_PID)
wait_port "$HAPROXY_ECHO" || { cat "$WORK/haproxy.log" >&2; exit 1; }

declare -A FRONT_ECHO=([direct]=$ECHO_PORT [haproxy]=$HAPROXY_ECHO)
declare -A FRONT_IPERF=([direct]=$IPERF_PORT [haproxy]=$HAPROXY_IPERF)
TARGETS=(direct haproxy)

MESH_OK=0
if [[ -x $MESHROUTE ]] && "$MESHROUTE" proxy --help >/dev/null 2>&1; then
    python3 "$HERE/bench.py" meshroute-config \
        --route "echo:$MESH_ECHO:$ECHO_PORT" --route "iperf:$MESH_IPERF:$IPERF_PORT" >"$WORK/meshroute.yaml"
    "$MESHROUTE" proxy "$WORK/meshroute.yaml" >"$WORK/meshroute.log" 2>&1 &
    MESH_PID=$!
    PIDS+=($MESH_PID)
    if wait_port "$MESH_ECHO" 15 && wait_port "$MESH_IPERF" 5; then
        say "meshroute proxy: $(grep -c '^listening' "$WORK/meshroute.log" || true) listeners"
        poll_us=$("$MESHROUTE" proxy --help | sed -n 's/.*--busy-poll UINT=\([0-9]*\).*/\1/p')
        record_note "meshroute proxy runs with its defaults: one engine thread per core, each pinned to its own CPU, busy polling ${poll_us:-?} µs after work (HAProxy's always-on busy-polling is not enabled)."
        FRONT_ECHO[meshroute]=$MESH_ECHO
        FRONT_IPERF[meshroute]=$MESH_IPERF
        TARGETS+=(meshroute)
        MESH_OK=1
    else
        say "meshroute proxy did not start listening; its rows are skipped. Its output:"
        sed 's/^/   /' "$WORK/meshroute.log" >&2
        record_note "meshroute proxy did not start on the benchmark configuration; its rows are missing."
    fi
else
    say "$MESHROUTE has no working 'proxy' command yet: meshroute rows are skipped"
    record_note "meshroute proxy is not available in this build yet; its rows are missing."
fi

# ---- 5. measurements ----------------------------------------------------------------------
loadgen_json() { { "$LOADGEN" "$@" 2>>"$WORK/loadgen.err" || true; } | tail -1; } # failures are in the JSON
check_errors() { # json target what
    local errors
    errors=$(python3 "$HERE/bench.py" extract loadgen errors <<<"$1")
    if ((errors > 0)); then
        note "$2 $3: $errors failed connections ($(python3 -c 'import json,sys; d=json.loads(sys.argv[1]); print(d["error_kinds"], d["first_errno"])' "$1"))"
        record_note "$2, $3: $errors failed connections in one run ($(python3 -c 'import json,sys; d=json.loads(sys.argv[1]); print(", ".join(f"{k} {v}" for k, v in d["error_kinds"].items() if v), d["first_errno"])' "$1"))."
    fi
}

say "bulk throughput (iperf3 -t $SECONDS_PER, 1 and 4 streams), $RUNS runs"
for ((run = 1; run <= RUNS; run++)); do
    for target in "${TARGETS[@]}"; do
        for streams in 1 4; do
            out=$(iperf3 -c 127.0.0.1 -p "${FRONT_IPERF[$target]}" -t "$SECONDS_PER" -O 1 -P "$streams" -J 2>&1) || true
            if gbps=$(python3 "$HERE/bench.py" extract iperf <<<"$out"); then
                record "tput$streams" "$target" "$gbps" "$run"
                note "run $run $target $streams stream(s): $(printf '%.2f' "$gbps") Gbit/s"
            else
                note "run $run $target $streams stream(s): iperf3 failed"
            fi
        done
    done
done

say "connection rate (connect, 64 bytes, echo, close; ${SECONDS_PER} s), $RUNS runs"
for ((run = 1; run <= RUNS; run++)); do
    for target in "${TARGETS[@]}"; do
        for clients in 32 64; do
            json=$(loadgen_json rate --target "127.0.0.1:${FRONT_ECHO[$target]}" --clients "$clients" --duration "$SECONDS_PER")
            if ! value=$(python3 "$HERE/bench.py" extract loadgen per_second <<<"$json" 2>/dev/null); then
                note "run $run $target $clients clients: the load generator failed (see --keep logs)"
                continue
            fi
            record "rate$clients" "$target" "$value" "$run"
            check_errors "$json" "$target" "rate$clients"
            note "run $run $target $clients clients: $value conn/s"
        done
    done
done

say "round-trip latency (64-byte ping-pong; ${SECONDS_PER} s), $RUNS runs"
for ((run = 1; run <= RUNS; run++)); do
    for target in "${TARGETS[@]}"; do
        for connections in 1 64; do
            json=$(loadgen_json latency --target "127.0.0.1:${FRONT_ECHO[$target]}" --connections "$connections" --duration "$SECONDS_PER")
            if ! p50=$(python3 "$HERE/bench.py" extract loadgen p50_us <<<"$json" 2>/dev/null) ||
                ! p99=$(python3 "$HERE/bench.py" extract loadgen p99_us <<<"$json" 2>/dev/null); then
                note "run $run $target $connections connection(s): the load generator failed (see --keep logs)"
                continue
            fi
            record "lat${connections}_p50" "$target" "$p50" "$run"
            record "lat${connections}_p99" "$target" "$p99" "$run"
            check_errors "$json" "$target" "lat$connections"
            note "run $run $target $connections connection(s): p50 $p50 µs, p99 $p99 µs"
        done
    done
done

# Each run measures a freshly started proxy (memory an allocator keeps from an earlier run
# would hide the cost), warmed up by a short connection-rate burst first.
IDLE_PORT=$((PORT_BASE + 30))
start_fresh_proxy() { # target → FRESH_PID, listening on IDLE_PORT
    case "$1" in
    haproxy)
        python3 "$HERE/bench.py" haproxy-config --threads "$(nproc)" --maxconn "$MAXCONN" \
            --route "idle:$IDLE_PORT:$ECHO_PORT" >"$WORK/haproxy-idle.cfg"
        haproxy -db -f "$WORK/haproxy-idle.cfg" >"$WORK/haproxy-idle.log" 2>&1 &
        ;;
    meshroute)
        python3 "$HERE/bench.py" meshroute-config --route "idle:$IDLE_PORT:$ECHO_PORT" >"$WORK/meshroute-idle.yaml"
        "$MESHROUTE" proxy "$WORK/meshroute-idle.yaml" >"$WORK/meshroute-idle.log" 2>&1 &
        ;;
    esac
    FRESH_PID=$!
    PIDS+=($FRESH_PID)
    wait_port "$IDLE_PORT" 15 || return 1
    "$LOADGEN" rate --target "127.0.0.1:$IDLE_PORT" --clients 32 --warmup 0 --duration 0.5 >/dev/null 2>&1 || true
    sleep 0.5
}
stop_fresh_proxy() {
    kill -TERM "$FRESH_PID" 2>/dev/null || true
    wait "$FRESH_PID" 2>/dev/null || true
}

say "memory per idle proxied connection ($IDLE connections, a fresh proxy each run), $RUNS runs"
for ((run = 1; run <= RUNS; run++)); do
    for target in "${TARGETS[@]}"; do
        [[ $target == direct ]] && continue
        if ! start_fresh_proxy "$target"; then
            note "run $run $target: the proxy did not start"
            stop_fresh_proxy
            continue
        fi
        pid=$FRESH_PID
        before=$(rss_kib "$pid")
        cp "/proc/$pid/status" "$WORK/idle-$target-$run.status-before"
        "$LOADGEN" idle --target "127.0.0.1:$IDLE_PORT" --connections "$IDLE" --hold 60 >"$WORK/idle-$target-$run.log" 2>>"$WORK/loadgen.err" &
        idle_pid=$!
        deadline=$((SECONDS + 70))
        until grep -q '"phase":"ready"' "$WORK/idle-$target-$run.log" 2>/dev/null || ((SECONDS > deadline)); do sleep 0.1; done
        sleep 1 # let the proxy settle (lazy frees, deferred work)
        after=$(rss_kib "$pid")
        kill -TERM "$idle_pid" 2>/dev/null || true
        wait "$idle_pid" || true
        ready=$(grep '"phase":"ready"' "$WORK/idle-$target-$run.log" || echo '{}')
        done_line=$(grep '"phase":"done"' "$WORK/idle-$target-$run.log" || echo '{}')
        open=$(python3 -c 'import json,sys; print(json.loads(sys.argv[1]).get("open", 0))' "$ready")
        alive=$(python3 -c 'import json,sys; print(json.loads(sys.argv[1]).get("alive", 0))' "$done_line")
        if ((open == IDLE && alive == IDLE)); then
            kib=$(python3 -c "print(($after - $before) / $IDLE)")
            record idle_kib "$target" "$kib" "$run"
            note "run $run $target: RSS $before → $after KiB: $(printf '%.2f' "$kib") KiB per connection"
        else
            note "run $run $target: only $open of $IDLE opened, $alive alive after the hold: not recorded"
            record_note "$target: an idle-connection run opened $open and checked $alive alive of $IDLE connections (not counted): $(python3 -c 'import json,sys; d=json.loads(sys.argv[1]); print(", ".join(f"{k} {v}" for k, v in d.get("error_kinds", {}).items() if v), d.get("first_errno", ""))' "$ready")."
        fi
        stop_fresh_proxy
        sleep 1 # let the closes drain before the next run
    done
done
[[ $IDLE -ne 10000 ]] && record_note "Idle connections: $IDLE (the descriptor hard limit $FD_LIMIT of this machine leaves no room for 10,000 through a proxy)."

# ---- 6. configuration apply under load -----------------------------------------------------
# Load during the applies: 32 clients opening connections on route 0 and 8 persistent
# ping-pong connections; every failed connection of either counts as dropped.
start_apply_load() { # port
    "$LOADGEN" rate --target "127.0.0.1:$1" --clients 32 --warmup 0 --duration 300 >"$WORK/apply-rate.log" 2>>"$WORK/loadgen.err" &
    APPLY_RATE_PID=$!
    PIDS+=($APPLY_RATE_PID)
    "$LOADGEN" latency --target "127.0.0.1:$1" --connections 8 --warmup 0 --duration 300 >"$WORK/apply-lat.log" 2>>"$WORK/loadgen.err" &
    APPLY_LAT_PID=$!
    PIDS+=($APPLY_LAT_PID)
    sleep 1
}
stop_apply_load() { # target → sets DROPPED and SERVED
    kill -TERM "$APPLY_RATE_PID" "$APPLY_LAT_PID" 2>/dev/null || true
    wait "$APPLY_RATE_PID" "$APPLY_LAT_PID" 2>/dev/null || true
    local rate lat
    rate=$(tail -1 "$WORK/apply-rate.log")
    lat=$(tail -1 "$WORK/apply-lat.log")
    check_errors "$rate" "$1" "apply-rate"
    check_errors "$lat" "$1" "apply-latency"
    read -r DROPPED SERVED < <(python3 - "$rate" "$lat" <<'EOF'
import json, sys
rate, lat = (json.loads(a) for a in sys.argv[1:3])
print(rate["errors"] + lat["errors"] + (8 - lat["connected"]), rate["connections"])
EOF
)
}

say "HAProxy: apply $ROUTES routes $APPLIES times under load (master-worker reload, SIGUSR2)"
for variant in a b; do
    python3 "$HERE/bench.py" haproxy-config --threads "$(nproc)" --maxconn 4096 --routes "$ROUTES" \
        --route-base "$ROUTE_BASE" --echo-port "$ECHO_PORT" --variant "$variant" \
        --admin-socket "$WORK/haproxy-admin.sock" >"$WORK/haproxy-routes-$variant.cfg"
done
cp "$WORK/haproxy-routes-a.cfg" "$WORK/haproxy-routes.cfg"
haproxy -W -db -S "$WORK/haproxy-master.sock" -f "$WORK/haproxy-routes.cfg" >"$WORK/haproxy-routes.log" 2>&1 &
MASTER_PID=$!
PIDS+=($MASTER_PID)
if wait_port "$ROUTE_BASE" 20 && wait_port $((ROUTE_BASE + ROUTES - 1)) 5; then
    start_apply_load "$ROUTE_BASE"
    reload=$(python3 "$HERE/bench.py" haproxy-reloads --socket "$WORK/haproxy-master.sock" --master "$MASTER_PID" \
        --active "$WORK/haproxy-routes.cfg" --configs "$WORK/haproxy-routes-b.cfg" "$WORK/haproxy-routes-a.cfg" \
        --count "$APPLIES") || true
    stop_apply_load haproxy
    dropped=$DROPPED served=$SERVED
    if ms=$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["median_ms"])' "$reload" 2>/dev/null); then
        record apply_ms haproxy "$ms"
        record apply_dropped haproxy "$dropped"
        note "median reload $ms ms; $dropped connections dropped of $served served"
    else
        note "HAProxy reloads failed: $reload"
    fi
else
    note "HAProxy did not start with $ROUTES routes:"
    sed 's/^/   /' "$WORK/haproxy-routes.log" >&2
fi
kill -TERM "$MASTER_PID" 2>/dev/null || true
wait "$MASTER_PID" 2>/dev/null || true

if ((MESH_OK)); then
    say "meshroute proxy: apply $ROUTES routes $APPLIES times under load (file replaced, then SIGHUP)"
    for variant in a b; do
        python3 "$HERE/bench.py" meshroute-config --routes "$ROUTES" --route-base "$ROUTE_BASE" \
            --echo-port "$ECHO_PORT" --variant "$variant" >"$WORK/meshroute-routes-$variant.yaml"
    done
    mkdir -p "$WORK/routes"
    cp "$WORK/meshroute-routes-a.yaml" "$WORK/routes/routes.yaml"
    "$MESHROUTE" proxy "$WORK/routes/routes.yaml" >"$WORK/meshroute-routes.log" 2>&1 &
    MESH_ROUTES_PID=$!
    PIDS+=($MESH_ROUTES_PID)
    if wait_port "$ROUTE_BASE" 30 && wait_port $((ROUTE_BASE + ROUTES - 1)) 5; then
        start_apply_load "$ROUTE_BASE"
        applied=0
        for ((i = 0; i < APPLIES; i++)); do
            variant=$([[ $((i % 2)) -eq 0 ]] && echo b || echo a)
            cp "$WORK/meshroute-routes-$variant.yaml" "$WORK/routes/.routes.tmp"
            mv "$WORK/routes/.routes.tmp" "$WORK/routes/routes.yaml"
            kill -HUP "$MESH_ROUTES_PID"
            # One apply at a time: wait for the proxy to say it applied this one.
            deadline=$((SECONDS + 20))
            until (($(grep -c '^applied configuration (SIGHUP' "$WORK/meshroute-routes.log" || true) > applied)) || ((SECONDS > deadline)); do
                sleep 0.005
            done
            applied=$(grep -c '^applied configuration (SIGHUP' "$WORK/meshroute-routes.log" || true)
            sleep 0.02
        done
        sleep 1
        stop_apply_load meshroute
        dropped=$DROPPED served=$SERVED
        record apply_dropped meshroute "$dropped"
        note "$applied applies confirmed by the proxy; $dropped connections dropped of $served served"
        ((applied >= APPLIES)) || record_note "meshroute proxy confirmed only $applied of $APPLIES applies."
    else
        note "meshroute proxy did not start with $ROUTES routes:"
        tail -20 "$WORK/meshroute-routes.log" | sed 's/^/   /' >&2
    fi
    kill -TERM "$MESH_ROUTES_PID" 2>/dev/null || true
    wait "$MESH_ROUTES_PID" 2>/dev/null || true
    # `meshroute proxy` does not print how long an apply took: time the same steps in-process.
    APPLYBENCH="$BUILD/tests/perf/meshroute_applybench"
    if [[ -x $APPLYBENCH ]]; then
        json=$("$APPLYBENCH" "$WORK/meshroute-routes-a.yaml" "$WORK/meshroute-routes-b.yaml" --applies "$APPLIES" 2>>"$WORK/loadgen.err" | tail -1) || true
        if read -r engine_ms reload_ms stages < <(python3 -c 'import json,sys; d=json.loads(sys.argv[1]); print(d["median_ms"], d["reload_ms"], "read %.1f ms, analyse %.1f ms, compile %.1f ms" % (d["load_ms"], d["analyze_ms"], d["compile_ms"]))' "$json" 2>/dev/null); then
            record apply_ms meshroute "$reload_ms"
            record engine_apply_ms meshroute "$engine_ms"
            note "Engine::apply of $ROUTES compiled routes: median $engine_ms ms; whole reload $reload_ms ms ($stages)"
            record_note "meshroute's whole reload = read + analyse + compile + Engine::apply of the YAML (what SIGHUP does), timed in-process by meshroute_applybench: $stages."
        else
            note "meshroute_applybench failed: $json"
        fi
    fi
fi

# ---- 7. the table -------------------------------------------------------------------------
cpu=$(awk -F': ' '/^model name/ {print $2; exit}' /proc/cpuinfo)
machine="Machine: $(nproc) cores, ${cpu:-unknown CPU}, Linux $(uname -r), $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo) RAM; $(haproxy -v | head -1 | awk '{print "HAProxy", $3}'), $(iperf3 --version | head -1 | awk '{print "iperf3", $2}'); $(date -u '+%Y-%m-%d %H:%M UTC')."
say "results"
{
    echo "$machine"
    echo
    python3 "$HERE/bench.py" summarize "$RESULTS" --routes "$ROUTES" --applies "$APPLIES" --spread
} | tee "${REPORT:-/dev/null}"
