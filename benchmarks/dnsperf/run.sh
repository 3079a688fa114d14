#!/usr/bin/env bash
# dnsperf on loopback against `codecs dns serve` and other authoritative servers serving the same zone (issue 7).
#
#   benchmarks/dnsperf/run.sh            5 rounds of 10 s per server, servers alternating within each round;
#                                        writes benchmarks/separate/dnsperf.md (appended to RESULTS.md)
#   benchmarks/dnsperf/run.sh --quick    2 rounds of 3 s (a check that everything runs; rough numbers);
#                                        writes benchmarks/dnsperf/RESULTS-quick.md
#
# Options: --rounds N, --duration SECONDS, --out FILE, --servers "codecs knotd ..." (default: codecs, knotd and
# whichever of nsd, unbound, dnsmasq are installed; knotd is the reference and must be installed; codecs-pool is codecs
# with the .NET default of socket completions through the thread pool, only when named), --install
# (apt-get install nsd, unbound, dnsmasq-base first). Environment: ARTIFACTS_PATH=DIR builds with
# `--artifacts-path DIR` (default /tmp/codecs-dnsperf-artifacts); CODECS_DNS_ENV="VAR=value ..." extra environment
# for the codecs server only (to try runtime knobs).
#
# Every server runs all the time on its own 127.0.0.1 port; each round runs dnsperf once against each server, in an
# order rotated every round, so that load from other processes on the machine hits all servers alike. For each run
# the server's CPU time (utime + stime of its process and its descendants, from /proc/PID/stat) is read before and
# after: dnsperf shares the cores and often limits the rate first, so CPU per answered query is the fairer figure.
# A run counts only if the answers look right: NOERROR and NXDOMAIN shares as the query mix expects (within
# 2 points), no other response code, at most 1% of queries lost. Medians over the rounds go to the results file.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
invocation="benchmarks/dnsperf/run.sh${*:+ $*}"
repo="$(cd "$here/../.." && pwd)"

rounds=5
duration=10
warmup=5
out="$(dirname "$here")/separate/dnsperf.md"
servers=""
install=0
quick=0
while [[ $# -gt 0 ]]; do
    case "$1" in
        --quick) quick=1; rounds=2; duration=3; warmup=2; out="$here/RESULTS-quick.md" ;;
        --rounds) rounds="$2"; shift ;;
        --duration) duration="$2"; shift ;;
        --out) out="$2"; shift ;;
        --servers) servers="$2"; shift ;;
        --install) install=1 ;;
        -h|--help) sed -n '2,20p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "run.sh: unknown option $1" >&2; exit 2 ;;
    esac
    shift
done

for tool in dnsperf knotd kdig; do
    command -v "$tool" >/dev/null || { echo "run.sh: $tool is not installed (apt-get install dnsperf knot knot-dnsutils)" >&2; exit 1; }
done

if [[ $install == 1 ]]; then
    sudo=(); [[ $(id -u) == 0 ]] || sudo=(sudo)
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends nsd unbound dnsmasq-base >/dev/null
fi

# Debian installs nsd, unbound and dnsmasq in /usr/sbin, which a user's PATH may lack.
export PATH="$PATH:/usr/sbin:/sbin"
if [[ -z $servers ]]; then
    servers="codecs knotd"
    for s in nsd unbound dnsmasq; do
        if command -v "$s" >/dev/null; then servers+=" $s"; fi
    done
fi
read -r -a server_list <<<"$servers"

work="$(mktemp -d /tmp/codecs-dnsperf.XXXXXX)"
declare -A pid port
cleanup() {
    local s
    for s in "${!pid[@]}"; do
        kill "${pid[$s]}" 2>/dev/null || true
    done
    for s in "${!pid[@]}"; do
        wait "${pid[$s]}" 2>/dev/null || true
    done
    rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# --- build ------------------------------------------------------------------------------------------------------
artifacts="${ARTIFACTS_PATH:-/tmp/codecs-dnsperf-artifacts}"
echo "# building src/Codec.Cli (Release) into $artifacts"
dotnet build "$repo/src/Codec.Cli/Codec.Cli.csproj" -c Release --artifacts-path "$artifacts" -nologo -v q >"$work/build.log" 2>&1 \
    || { cat "$work/build.log" >&2; exit 1; }
codecs="$artifacts/bin/Codec.Cli/release/codecs"
[[ -x $codecs ]] || { echo "run.sh: no $codecs after the build" >&2; exit 1; }

# --- zone and queries -------------------------------------------------------------------------------------------
zone="$work/example.com.zone"
hosts=200
aliases=20
{
    echo '$ORIGIN example.com.'
    echo '$TTL 3600'
    echo '@        IN SOA ns1.example.com. hostmaster.example.com. 2026112701 7200 3600 1209600 300'
    echo '@        IN NS  ns1'
    echo '@        IN NS  ns2'
    echo '@        IN MX  10 mail'
    echo '@        IN MX  20 mail2'
    echo '@        IN A   192.0.2.1'
    echo 'ns1      IN A   192.0.2.2'
    echo 'ns2      IN A   192.0.2.3'
    echo 'mail     IN A   192.0.2.4'
    echo 'mail2    IN A   192.0.2.5'
    echo 'www      IN A   192.0.2.10'
    echo 'www      IN AAAA 2001:db8::10'
    for ((i = 1; i <= hosts; i++)); do
        echo "host$i IN A 10.0.$((i / 256)).$((i % 256))"
        echo "host$i IN AAAA 2001:db8::1:$(printf '%x' "$i")"
    done
    for ((i = 1; i <= aliases; i++)); do
        echo "alias$i IN CNAME host$((i * 7))"
    done
} >"$zone"

# The mix, per 20 queries: 8 host A, 4 host AAAA, 2 MX (apex), 2 www A, 2 CNAME (alias A), 2 NXDOMAIN. Only the
# NXDOMAIN names give NXDOMAIN, so 10% NXDOMAIN and 90% NOERROR are expected.
queries="$work/queries.txt"
expected_nxdomain=10
{
    for ((n = 0; n < 1000; n++)); do
        h=$(((n * 37) % hosts + 1))
        case $((n % 20)) in
            0|1|2|3|4|5|6|7) echo "host$h.example.com A" ;;
            8|9|10|11) echo "host$h.example.com AAAA" ;;
            12|13) echo "example.com MX" ;;
            14|15) echo "www.example.com A" ;;
            16|17) echo "alias$((n % aliases + 1)).example.com A" ;;
            18|19) echo "nohost$n.example.com A" ;;
        esac
    done
} >"$queries"

# --- servers ----------------------------------------------------------------------------------------------------
next_port=$((20000 + RANDOM % 20000))

start_codecs() {
    # shellcheck disable=SC2086 # CODECS_DNS_ENV is a list of VAR=value words.
    env ${CODECS_DNS_ENV:-} "$codecs" dns serve --zone "$zone" --listen "127.0.0.1:$1" >"$work/codecs.log" 2>&1 &
    pid[codecs]=$!
}

# The same server with socket completions queued to the thread pool (the .NET default, which `codecs dns serve`
# overrides): shows what the override is worth. Not run unless named in --servers.
start_codecs-pool() {
    # shellcheck disable=SC2086
    env ${CODECS_DNS_ENV:-} DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS=0 "$codecs" dns serve --zone "$zone" --listen "127.0.0.1:$1" >"$work/codecs-pool.log" 2>&1 &
    pid[codecs-pool]=$!
}

start_knotd() {
    local dir="$work/knot"
    mkdir -p "$dir/run" "$dir/db"
    cat >"$dir/knot.conf" <<EOF
server:
    rundir: "$dir/run"
    listen: 127.0.0.1@$1
database:
    storage: "$dir/db"
log:
  - target: stderr
    any: warning
zone:
  - domain: example.com
    storage: "$work"
    file: example.com.zone
    journal-content: none
    zonefile-sync: -1
EOF
    knotd -c "$dir/knot.conf" >"$work/knotd.log" 2>&1 &
    pid[knotd]=$!
}

start_nsd() {
    local dir="$work/nsd"
    mkdir -p "$dir"
    cat >"$dir/nsd.conf" <<EOF
server:
    ip-address: 127.0.0.1
    port: $1
    username: ""
    chroot: ""
    zonesdir: "$work"
    database: ""
    zonelistfile: "$dir/zone.list"
    xfrdfile: "$dir/xfrd.state"
    xfrdir: "$dir"
    pidfile: "$dir/nsd.pid"
    logfile: "$dir/nsd.log"
    server-count: 1
    verbosity: 0
    # Debian builds nsd with response rate limiting, on by default (200 per second per /24): off for a benchmark.
    rrl-ratelimit: 0
    rrl-whitelist-ratelimit: 0
remote-control:
    control-enable: no
zone:
    name: example.com
    zonefile: example.com.zone
EOF
    nsd -d -c "$dir/nsd.conf" >"$work/nsd.log" 2>&1 &
    pid[nsd]=$!
}

start_unbound() {
    local dir="$work/unbound"
    mkdir -p "$dir"
    cat >"$dir/unbound.conf" <<EOF
server:
    interface: 127.0.0.1
    port: $1
    username: ""
    chroot: ""
    directory: "$dir"
    pidfile: "$dir/unbound.pid"
    do-daemonize: no
    use-syslog: no
    logfile: ""
    verbosity: 0
    num-threads: 1
    access-control: 127.0.0.0/8 allow
    do-ip6: no
auth-zone:
    name: example.com
    zonefile: "$zone"
    for-downstream: yes
    for-upstream: no
remote-control:
    control-enable: no
EOF
    unbound -d -c "$dir/unbound.conf" >"$work/unbound.log" 2>&1 &
    pid[unbound]=$!
}

start_dnsmasq() {
    # dnsmasq reads no master files: the same records as hosts, --mx-host and --cname; --local makes it answer
    # NXDOMAIN for other names in the zone instead of forwarding.
    local dir="$work/dnsmasq" i
    mkdir -p "$dir"
    {
        echo "192.0.2.1 example.com"
        echo "192.0.2.2 ns1.example.com"
        echo "192.0.2.3 ns2.example.com"
        echo "192.0.2.4 mail.example.com"
        echo "192.0.2.5 mail2.example.com"
        echo "192.0.2.10 www.example.com"
        echo "2001:db8::10 www.example.com"
        for ((i = 1; i <= hosts; i++)); do
            echo "10.0.$((i / 256)).$((i % 256)) host$i.example.com"
            echo "2001:db8::1:$(printf '%x' "$i") host$i.example.com"
        done
    } >"$dir/hosts"
    local args=(--keep-in-foreground --no-resolv --no-hosts --addn-hosts="$dir/hosts" --port="$1"
        --listen-address=127.0.0.1 --bind-interfaces --pid-file="$dir/dnsmasq.pid" --user=root --group=root
        --local=/example.com/ --mx-host=example.com,mail.example.com,10 --mx-host=example.com,mail2.example.com,20
        --local-ttl=3600 --log-facility=-)
    for ((i = 1; i <= aliases; i++)); do
        args+=(--cname="alias$i.example.com,host$((i * 7)).example.com")
    done
    dnsmasq "${args[@]}" >"$work/dnsmasq.log" 2>&1 &
    pid[dnsmasq]=$!
}

wait_ready() {
    local s="$1" i
    for ((i = 0; i < 100; i++)); do
        if ! kill -0 "${pid[$s]}" 2>/dev/null; then
            echo "run.sh: $s exited:" >&2; cat "$work/$s.log" >&2; exit 1
        fi
        if kdig @127.0.0.1 -p "${port[$s]}" www.example.com A +short +timeout=1 +retry=0 2>/dev/null | grep -q '^192\.0\.2\.10$'; then
            return 0
        fi
        sleep 0.2
    done
    echo "run.sh: $s does not answer on port ${port[$s]}:" >&2; cat "$work/$s.log" >&2; exit 1
}

# Spot checks of the answers themselves (dnsperf only counts response codes).
check_answers() {
    local s="$1" p="${port[$1]}" got
    got="$(kdig @127.0.0.1 -p "$p" alias1.example.com A +timeout=1 +retry=0 2>/dev/null | grep -E 'CNAME|^host7\.example\.com\..*A' | wc -l)"
    [[ $got -ge 2 ]] || { echo "run.sh: $s: alias1 A lacks the CNAME and its target" >&2; exit 1; }
    kdig @127.0.0.1 -p "$p" host42.example.com AAAA +short +timeout=1 +retry=0 | grep -q '^2001:db8::1:2a$' \
        || { echo "run.sh: $s: wrong AAAA for host42" >&2; exit 1; }
    kdig @127.0.0.1 -p "$p" example.com MX +short +timeout=1 +retry=0 | grep -q 'mail2.example.com.$' \
        || { echo "run.sh: $s: wrong MX" >&2; exit 1; }
    kdig @127.0.0.1 -p "$p" nohost1.example.com A +timeout=1 +retry=0 | grep -q 'status: NXDOMAIN' \
        || { echo "run.sh: $s: no NXDOMAIN" >&2; exit 1; }
}

# CPU ticks of a process and all its descendants (nsd forks its workers).
cpu_ticks() {
    local root="$1"
    awk -v root="$root" '
        FNR == 1 {
            line = $0; i = index(line, ")"); while ((j = index(substr(line, i + 1), ")")) > 0) i += j
            split(substr(line, i + 2), f, " ")
            # after "pid (comm) ": f[1] state, f[2] ppid, f[12] utime, f[13] stime
            ppid[FILENAME] = f[2]; ticks[FILENAME] = f[12] + f[13]
            p = FILENAME; sub(/^\/proc\//, "", p); sub(/\/stat$/, "", p); pidof[FILENAME] = p
        }
        END {
            inset[root] = 1; changed = 1
            while (changed) {
                changed = 0
                for (fn in ppid) if (!(pidof[fn] in inset) && (ppid[fn] in inset)) { inset[pidof[fn]] = 1; changed = 1 }
            }
            total = 0
            for (fn in ppid) if (pidof[fn] in inset) total += ticks[fn]
            print total
        }' /proc/[0-9]*/stat 2>/dev/null
}
hz="$(getconf CLK_TCK)"

for s in "${server_list[@]}"; do
    port[$s]=$next_port
    next_port=$((next_port + 1))
    "start_$s" "${port[$s]}"
done
for s in "${server_list[@]}"; do
    wait_ready "$s"
    check_answers "$s"
done

echo "# servers: ${server_list[*]} (ports: $(for s in "${server_list[@]}"; do printf '%s=%s ' "$s" "${port[$s]}"; done))"
echo "# warm-up: ${warmup} s each"
for s in "${server_list[@]}"; do
    dnsperf -s 127.0.0.1 -p "${port[$s]}" -d "$queries" -l "$warmup" -c 2 -q 200 -t 2 >/dev/null 2>&1 || true
done

results="$work/results.tsv"
: >"$results"
n=${#server_list[@]}
for ((r = 0; r < rounds; r++)); do
    for ((k = 0; k < n; k++)); do
        s="${server_list[$(((k + r) % n))]}"
        before="$(cpu_ticks "${pid[$s]}")"
        dnsperf -s 127.0.0.1 -p "${port[$s]}" -d "$queries" -l "$duration" -c 2 -q 200 -t 2 >"$work/dnsperf.out" 2>&1 || true
        after="$(cpu_ticks "${pid[$s]}")"
        kill -0 "${pid[$s]}" 2>/dev/null || { echo "run.sh: $s died during round $((r + 1))" >&2; cat "$work/$s.log" >&2; exit 1; }
        line="$(awk -v s="$s" -v r="$((r + 1))" -v ticks="$((after - before))" -v hz="$hz" -v nx="$expected_nxdomain" '
            /Queries sent:/ { sent = $3 }
            /Queries completed:/ { completed = $3 }
            /Queries lost:/ { lost = $3 }
            /Queries per second:/ { qps = $4 }
            /Response codes:/ {
                sub(/.*Response codes: */, "")
                n = split($0, parts, /, */)
                for (i = 1; i <= n; i++) { split(parts[i], w, " "); codes[w[1]] = w[2] }
            }
            END {
                noerror = codes["NOERROR"] + 0; nxdomain = codes["NXDOMAIN"] + 0
                other = completed - noerror - nxdomain
                nxpct = completed > 0 ? 100 * nxdomain / completed : 0
                lostpct = sent > 0 ? 100 * lost / sent : 100
                cpu_us = completed > 0 ? ticks / hz * 1e6 / completed : 0
                ok = (completed > 0 && other == 0 && nxpct >= nx - 2 && nxpct <= nx + 2 && lostpct <= 1) ? "ok" : "BAD"
                printf "%s\t%d\t%.0f\t%.2f\t%d\t%.2f\t%.2f\t%s\n", s, r, qps, cpu_us, completed, nxpct, lostpct, ok
            }' "$work/dnsperf.out")"
        printf '%s\n' "$line" >>"$results"
        IFS=$'\t' read -r _ _ q c done_ nxp lp ok <<<"$line"
        printf '# round %d %-8s %8s QPS %7s us CPU/query  (%s answered, %s%% NXDOMAIN, %s%% lost) %s\n' "$((r + 1))" "$s" "$q" "$c" "$done_" "$nxp" "$lp" "$ok"
        if [[ $ok != ok ]]; then
            sed -n '/^Statistics:/,$s/^/#   /p' "$work/dnsperf.out"
        fi
    done
done

# --- results ----------------------------------------------------------------------------------------------------
median() { sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) print "nan"; else if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
declare -A med_qps med_cpu bad
for s in "${server_list[@]}"; do
    med_qps[$s]="$(awk -F'\t' -v s="$s" '$1 == s && $8 == "ok" { print $3 }' "$results" | median)"
    med_cpu[$s]="$(awk -F'\t' -v s="$s" '$1 == s && $8 == "ok" { print $4 }' "$results" | median)"
    bad[$s]="$(awk -F'\t' -v s="$s" '$1 == s && $8 != "ok"' "$results" | wc -l)"
done

version_of() {
    case "$1" in
        codecs|codecs-pool) echo "codecs ($(git -C "$repo" rev-parse --short HEAD)$(git -C "$repo" diff --quiet HEAD -- src || echo '+changes'), .NET $(dotnet --version))" ;;
        knotd) knotd --version | head -1 ;;
        nsd) nsd -v 2>&1 | head -1 ;;
        unbound) unbound -V 2>&1 | head -1 ;;
        dnsmasq) dnsmasq --version | head -1 | sed 's/ Copyright.*//' ;;
    esac
}
threads_of() {
    case "$1" in
        codecs) echo "default: one receive loop per core (2), SO_REUSEPORT; socket completions inline" ;;
        codecs-pool) echo "as codecs, but DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS=0 (completions via the thread pool)" ;;
        knotd) echo "default: udp-workers = cores" ;;
        nsd) echo "server-count: 1" ;;
        unbound) echo "num-threads: 1, auth-zone" ;;
        dnsmasq) echo "single thread; records as hosts/--mx-host/--cname" ;;
    esac
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b + 0 == 0 || a == "nan" || b == "nan") print "n/a"; else printf "%.2f", a / b }'; }
cq="$(ratio "${med_qps[codecs]:-nan}" "${med_qps[knotd]}")"
cc="$(ratio "${med_cpu[codecs]:-nan}" "${med_cpu[knotd]}")"
verdict() { awk -v q="$cq" -v c="$cc" 'BEGIN {
    if (q == "n/a" || c == "n/a") { print "not measured"; exit }
    printf "QPS %.2f× knotd (required ≥ 0.8: %s); CPU per query %.2f× knotd (required ≤ 3: %s; aim ≤ 1.0: %s)", q, (q >= 0.8 ? "met" : "NOT met"), c, (c <= 3 ? "met" : "NOT met"), (c <= 1.0 ? "met" : "not yet") }'; }

{
    echo "## DNS server: dnsperf on loopback, codecs dns serve vs knotd, nsd, unbound, dnsmasq (a separate run)"
    echo
    echo "Written by \`$invocation\` (issue 7). $(date -u '+%Y-%m-%d %H:%M UTC')."
    echo
    echo "- Machine: $(lscpu | sed -n 's/^Model name: *//p' | head -1), $(nproc) cores, Linux $(uname -r); load average at the end $(cut -d' ' -f1-3 /proc/loadavg) (the machine is shared)."
    echo "- dnsperf $(dnsperf -h 2>&1 | sed -n 's/^Version //p'): \`-c 2 -q 200 -t 2\`, ${duration} s per run, ${rounds} rounds, servers alternating (order rotated each round), ${warmup} s warm-up each."
    echo "- Zone: example.com. with $((hosts * 2 + aliases + 12)) records ($hosts hosts with A and AAAA, $aliases CNAMEs, MX, NS, SOA)."
    echo "- Query mix (1000 lines, looped): 40% host A, 20% host AAAA, 10% apex MX, 10% www A, 10% CNAME (alias A), 10% NXDOMAIN."
    echo "- A run counts if NXDOMAIN is ${expected_nxdomain} ± 2% of the answers, every other answer is NOERROR, and ≤ 1% of queries are lost."
    echo "- CPU per query: the server's utime + stime (with its child processes) over the run, from /proc/PID/stat, divided by the answered queries; clock ticks are $((1000 / hz)) ms."
    echo
    echo "| server | version | threads | median QPS | QPS / knotd | median CPU µs/query | CPU / knotd | bad runs |"
    echo "|---|---|---|---:|---:|---:|---:|---:|"
    for s in "${server_list[@]}"; do
        printf '| %s | %s | %s | %.0f | %s | %.2f | %s | %s |\n' "$s" "$(version_of "$s")" "$(threads_of "$s")" \
            "${med_qps[$s]}" "$(ratio "${med_qps[$s]}" "${med_qps[knotd]}")" "${med_cpu[$s]}" "$(ratio "${med_cpu[$s]}" "${med_cpu[knotd]}")" "${bad[$s]}"
    done
    echo
    echo "**Issue 7 requirement:** $(verdict)."
    echo
    echo "Every run (server, round, QPS, CPU µs/query, answered, % NXDOMAIN, % lost, check):"
    echo
    echo '```'
    cat "$results"
    echo '```'
} >"$out"
echo "# wrote $out"
sed -n '/^| server/,/^\*\*Issue/p' "$out"
