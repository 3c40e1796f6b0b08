#!/usr/bin/env bash
# Start-up time of the built distribution: from process start to the "ready for connections"
# line on stdout, measured N times per mode on a copy of the install, whose data directory
# (keys, certificates, accounts, H2 database, Felix cache) is initialised by one first start
# that is reported separately and not counted.
#
#   distribution/startup-time.sh [-n RUNS] [-m "tls skip-ssl no-cds embedded"] [INSTALL...]
#
#   INSTALL  an unpacked distribution (default: distribution/target/porpoise, built by
#            `mvn -o -q package -DskipTests` at the root); it is copied, never written. With
#            several (say a baseline build and a changed one), each mode runs on each of them.
#   -n RUNS  timed starts per mode and install (default 15)
#   -m MODES what to start, interleaved round by round so machine load hits every mode alike:
#              tls       bin/porpoise --port 0
#              skip-ssl  bin/porpoise --port 0 --skip-ssl
#              no-cds    bin/porpoise --port 0 with PORPOISE_CDS=off (no class-data archive)
#              embedded  the same jars on the module path without OSGi (EmbeddedMain), as
#                        DistributionIT runs them, with its own data directory and bin/porpoise's
#                        JIT options (C1 only) but no class-data archive of its own
#   JAVA_HOME selects the JDK (as for bin/porpoise); JAVA_OPTS is passed to every start.
#
# Prints one line per start, then median/min/max per mode in milliseconds, the load average
# before and after, and the CPU count: on a shared machine, read the figures with the load.
set -euo pipefail

runs=15
modes="tls skip-ssl no-cds embedded"
while getopts "n:m:h" o; do
    case $o in
        n) runs=$OPTARG ;;
        m) modes=$OPTARG ;;
        *) sed -n '2,24p' "$0"; exit 2 ;;
    esac
done
shift $((OPTIND - 1))
here=$(cd "$(dirname "$0")" && pwd)
[ $# -gt 0 ] || set -- "$here/target/porpoise"
installs=("$@")
for install in "${installs[@]}"; do
    [ -x "$install/bin/porpoise" ] || { echo "startup-time: no distribution at $install (build it first)" >&2; exit 2; }
done
java=${JAVA_HOME:+$JAVA_HOME/bin/}java

work=$(mktemp -d "${TMPDIR:-/tmp}/porpoise-startup.XXXXXX")
pid=
cleanup() {
    if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
    rm -rf "$work"
}
trap cleanup EXIT
for i in "${!installs[@]}"; do
    cp -a "${installs[$i]}" "$work/install$i"
done
mkfifo "$work/out"
# The runs: "INDEX:MODE", INDEX the install's.
runs_of() {
    local i mode
    for mode in $modes; do
        for i in "${!installs[@]}"; do printf '%s\n' "$i:$mode"; done
    done
}
label() { # INDEX:MODE -> MODE, or INDEX:MODE with several installs
    if [ ${#installs[@]} -gt 1 ]; then printf '%s' "$1"; else printf '%s' "${1#*:}"; fi
}

# The module path of the embedded mode: the launcher and every bundle but OSGi's own.
embedded_path() {
    local p=$1/lib/porpoise-distribution.jar j
    for j in "$1"/bundles/*.jar; do
        case ${j##*/} in org.apache.felix*|org.osgi*|porpoise-osgi*) ;; *) p=$p:$j ;; esac
    done
    printf '%s' "$p"
}

# start INDEX:MODE: starts one server, waits for its ready line, stops it with SIGTERM; sets ms
# to the milliseconds from the fork to the ready line. The output goes to $work/INDEX:MODE.log.
start() {
    local run=$1 mode=${1#*:} home=$work/install${1%%:*} log=$work/$1.log t0 t1 line ready=
    : >"$log"
    t0=$EPOCHREALTIME
    case $mode in
        tls) "$home/bin/porpoise" --port 0 >"$work/out" 2>&1 & ;;
        skip-ssl) "$home/bin/porpoise" --port 0 --skip-ssl >"$work/out" 2>&1 & ;;
        no-cds) PORPOISE_CDS=off "$home/bin/porpoise" --port 0 >"$work/out" 2>&1 & ;;
        embedded) "$java" -XX:+IgnoreUnrecognizedVMOptions --enable-native-access=ALL-UNNAMED \
                    --sun-misc-unsafe-memory-access=allow -Xshare:auto ${JAVA_OPTS:-} --module-path "$(embedded_path "$home")" \
                    -m io.porpoise.launcher/io.porpoise.launcher.EmbeddedMain --port 0 --data-dir "$home/data-embedded" \
                    >"$work/out" 2>&1 & ;;
        *) echo "startup-time: unknown mode $mode" >&2; exit 2 ;;
    esac
    pid=$!
    exec 3<"$work/out"
    while IFS= read -r -t 120 -u 3 line; do
        printf '%s\n' "$line" >>"$log"
        case $line in *"ready for connections on"*) t1=$EPOCHREALTIME; ready=1; break ;; esac
    done
    kill -TERM "$pid" 2>/dev/null || true
    timeout 30 cat <&3 >>"$log" || true
    wait "$pid" 2>/dev/null || true
    pid=
    exec 3<&-
    if [ -z "$ready" ]; then
        echo "startup-time: $run: no ready line; its output:" >&2
        cat "$log" >&2
        exit 1
    fi
    # EPOCHREALTIME is seconds.microseconds; the difference in milliseconds.
    ms=$(( (10#${t1/./} - 10#${t0/./}) / 1000 ))
}

stats() { # numbers on stdin -> "median min max" (median of an even count: the mean of the middle two)
    sort -n | awk '{ v[NR] = $1 } END { m = NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2;
        printf "median %5d ms   min %5d ms   max %5d ms   (%d starts)\n", m, v[1], v[NR], NR }'
}

for i in "${!installs[@]}"; do echo "install $i: ${installs[$i]}"; done
"$java" -version 2>&1 | sed -n 1p | sed 's/^/java: /'
echo "cpus: $(nproc), load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
for run in $(runs_of); do
    start "$run"
    echo "warm-up start ($(label "$run"), the first initialises the data directory; not counted): $ms ms"
    : >"$work/$run.times"
done
for ((r = 1; r <= runs; r++)); do
    line="round $r:"
    for run in $(runs_of); do
        start "$run"
        echo "$ms" >>"$work/$run.times"
        line="$line $(label "$run") $ms"
    done
    echo "$line ms   (load $(cut -d' ' -f1 /proc/loadavg))"
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
for run in $(runs_of); do
    printf '%-12s %s\n' "$(label "$run")" "$(stats <"$work/$run.times")"
done
