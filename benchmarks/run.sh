#!/usr/bin/env bash
# Builds benchmarks/Codec.Benchmarks in Release, runs every benchmark in-process, and writes a summary of the
# BenchmarkDotNet reports (machine, date, and per benchmark: mean, ratio to the baseline, allocated bytes).
#
#   benchmarks/run.sh            6 warm-up and 20 measured iterations of 250 ms per benchmark (about 25 minutes for
#                                everything on a busy 2-core machine); writes benchmarks/RESULTS.md
#   benchmarks/run.sh --quick    BenchmarkDotNet's short job (3 iterations; rough numbers); writes benchmarks/RESULTS.md
#   benchmarks/run.sh --dry      the Dry job (one cold invocation each): checks that every benchmark builds, passes
#                                its GlobalSetup cross-checks and runs. For CI. Writes
#                                BenchmarkDotNet.Artifacts/RESULTS-dry.md, never RESULTS.md.
#
# Benchmarks in the category CpuBound (Categories.cs: pure computation, no waiting) are timed with the benchmark
# thread's CPU time (Codec.Benchmarks' --thread-cpu-clock), not wall time: the machines this project runs on are
# shared, and wall time then counts the waits for a core (seen: 3x the CPU time, with a standard deviation of 30%).
# All other benchmarks run in a second pass with wall time. --wall-clock after the mode uses wall time for all.
#
# Options after the mode: --wall-clock; --out FILE (summary elsewhere); --no-build (the project is already built in
# Release, e.g. by scripts/test.sh); --report-only (no build, no run: write the
# summary again from the reports of the last run, e.g. after a change to this script); anything else goes to BenchmarkDotNet
# (e.g. --filter '*Read*' instead of all, --join). Environment: ARTIFACTS_PATH=DIR builds with `--artifacts-path DIR` (keeps
# bin/obj out of the tree); BDN_ARTIFACTS=DIR puts BenchmarkDotNet's reports there (default
# benchmarks/BenchmarkDotNet.Artifacts, ignored by git).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
project="$here/Codec.Benchmarks"

mode=default
case "${1:-}" in
    --quick) mode=quick; shift ;;
    --dry) mode=dry; shift ;;
esac

bdn_artifacts="${BDN_ARTIFACTS:-$here/BenchmarkDotNet.Artifacts}"
if [[ $mode == dry ]]; then out="$bdn_artifacts/RESULTS-dry.md"; else out="$here/RESULTS.md"; fi

clock=cpu
report_only=0
no_build=0
bdn_args=()
while [[ $# -gt 0 ]]; do
    case "$1" in
        --out) out="$2"; shift 2 ;;
        --wall-clock) clock=wall; shift ;;
        --report-only) report_only=1; shift ;;
        --no-build) no_build=1; shift ;;
        *) bdn_args+=("$1"); shift ;;
    esac
done

job_args=()
case $mode in
    default) job_args=(--iterationTime 250 --warmupCount 6 --iterationCount 20); rounds=300 ;;
    quick) job_args=(--job short); rounds=100 ;;
    dry) job_args=(--job dry); rounds=3 ;;
esac
filter_args=(--filter '*')
for arg in "${bdn_args[@]}"; do
    if [[ $arg == --filter || $arg == -f ]]; then filter_args=(); fi
done

build_args=()
if [[ -n "${ARTIFACTS_PATH:-}" ]]; then build_args=(--artifacts-path "$ARTIFACTS_PATH"); fi

# The code measured: the commit, and whether the working tree differed from it.
describe_commit() {
    local commit dirty
    commit="$(git -C "$here" rev-parse --short HEAD 2>/dev/null || echo unknown)"
    # RESULTS.md itself is being rewritten: it does not make the measured code dirty.
    dirty="$(git -C "$here" status --porcelain 2>/dev/null | cut -c4- | { grep -v '^benchmarks/RESULTS[.]md$' || true; })"
    if [[ -n "$dirty" ]] && grep -qv '^benchmarks/' <<< "$dirty"; then
        commit="$commit with uncommitted changes outside benchmarks/"
    elif [[ -n "$dirty" ]]; then
        commit="$commit with uncommitted changes in benchmarks/ only"
    fi
    echo "$commit"
}

if [[ $report_only == 0 ]]; then
    # Reports of an earlier run must not end up in this run's summary.
    rm -rf "$bdn_artifacts/results"
    mkdir -p "$bdn_artifacts/results"
    describe_commit > "$bdn_artifacts/results/commit.txt"
    load_before="$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)"

    if [[ $no_build == 0 ]]; then
        dotnet build "$project" -c Release "${build_args[@]}" -nologo -v quiet
    fi
    # The in-process toolchain runs the benchmarks in this process: no per-benchmark project generation and build.
    run_benchmarks() {
        dotnet run -c Release --no-build --project "$project" "${build_args[@]}" -- \
            "${filter_args[@]}" --inProcess "${job_args[@]}" --artifacts "$bdn_artifacts" "${bdn_args[@]}" "$@"
    }
    if [[ $clock == cpu ]]; then
        # CPU time only where nothing waits (category CpuBound); the rest, e.g. socket round trips, in wall time.
        run_benchmarks --only-category CpuBound --thread-cpu-clock
        run_benchmarks --exclude-category CpuBound
    else
        run_benchmarks
    fi
    # The interleaved check of the same ratios (see PairedComparison.cs); always CPU time.
    dotnet run -c Release --no-build --project "$project" "${build_args[@]}" -- \
        --paired --rounds "$rounds" --paired-csv "$bdn_artifacts/results/paired.csv"
    load_after="$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)"
    printf '%s\n%s\n' "$load_before" "$load_after" > "$bdn_artifacts/results/loadavg.txt"
else
    load_before="$(sed -n 1p "$bdn_artifacts/results/loadavg.txt" 2>/dev/null || echo unknown)"
    load_after="$(sed -n 2p "$bdn_artifacts/results/loadavg.txt" 2>/dev/null || echo unknown)"
fi

shopt -s nullglob
csvs=("$bdn_artifacts"/results/*-report.csv)
if [[ ${#csvs[@]} -eq 0 ]]; then
    echo "run.sh: no BenchmarkDotNet CSV report in $bdn_artifacts/results" >&2
    exit 1
fi

# The environment block of the first markdown report: BenchmarkDotNet version and OS, CPU, SDK, runtime and JIT.
first_md="$(ls "$bdn_artifacts"/results/*-report-github.md | head -n 1)"
# The first block holds the environment lines, then a blank line, then the job's characteristics.
machine="$(awk '/^```/ { n++; next } n == 1 && !NF && seen { part++ } n == 1 && NF && !part { seen = 1; sub(/^ +/, ""); printf "%s%s", sep, $0; sep = "; " }' "$first_md")"
job_line="$(awk '/^```/ { n++; next } n == 1 && !NF && seen { part++ } n == 1 && NF { seen = 1 } n == 1 && NF && part == 1 { gsub(/  +/, " "); sub(/ +$/, ""); printf "%s%s", sep, $0; sep = " " }' "$first_md")"
# The commit measured, noted when the run starts (a later --report-only must not stamp the commit it is run at).
commit="$(cat "$bdn_artifacts/results/commit.txt" 2>/dev/null || describe_commit)"
measured="$(date -u -r "${csvs[0]}" '+%Y-%m-%d %H:%M UTC' 2>/dev/null || date -u '+%Y-%m-%d %H:%M UTC')"

mkdir -p "$(dirname "$out")"
{
    echo "# Benchmark results"
    echo
    if [[ $mode == default ]]; then invocation="benchmarks/run.sh"; else invocation="benchmarks/run.sh --$mode"; fi
    echo "Written by \`$invocation\` from the BenchmarkDotNet reports; do not edit by hand."
    echo
    echo "- Date: $measured"
    echo "- Commit: $commit"
    echo "- Machine: $machine"
    echo "- Job: ${job_line:-the default job}; Release build"
    if [[ $clock == cpu ]]; then
        echo "- Clock: CPU time of the benchmark thread (CLOCK_THREAD_CPUTIME_ID) for the CpuBound benchmarks, wall time for the others; each table says which"
    else
        echo "- Clock: wall time"
    fi
    echo "- Load average (1, 5, 15 min) before and after: $load_before / $load_after, on $(nproc 2>/dev/null || echo '?') cores"
    echo
    echo "Times are per operation, as each section says (every invocation handles a batch of distinct inputs and reports the"
    echo "time per item: \`OperationsPerInvoke\`). Ratio is to the benchmark marked baseline in the same class, the hand-written"
    echo "code (BenchmarkDotNet's mean of per-iteration ratios). Allocated is managed bytes per operation. Every contestant"
    echo "folds every field it parses into the value it returns, so no load can be dropped, and \`[GlobalSetup]\` checks that"
    echo "all contestants of a class arrive at the same value (for DNS: the value computed from the sample's constants)."
    echo "Peers are PacketDotNet 1.4.8, DnsClient 1.8.0, Makaretu.Dns 2.0.1 and ARSoft.Tools.Net 3.6.1; a method named"
    echo "PacketDotNetMakaretu uses PacketDotNet for IPv4/UDP and Makaretu for the DNS payload, and so on."
    for csv in "${csvs[@]}"; do
        name="$(basename "$csv" -report.csv)"
        name="${name##*.}"
        echo
        if grep -q 'ThreadCpuClock' "$csv"; then clock_used="thread CPU time"; else clock_used="wall time"; fi
        echo "## $name ($clock_used)"
        echo
        case $name in
            Ipv4HeaderRead) echo "The fixed 20-octet IPv4 header, all 14 fields consumed; per header." ;;
            Ipv4HeaderWrite) echo "The fixed IPv4 header written into a 20-octet buffer; per header." ;;
            InternetChecksumCompute) echo "Scenario 5: the RFC 1071 checksum of 1500 octets, a naive 16-bit loop (baseline) against InternetChecksum.Compute; per buffer." ;;
            ChecksumVectorBenchmarks) echo "The checksum by buffer length: scalar path (baseline) against each vector kernel; per buffer." ;;
            DnsMessageRead) echo "Scenario 1, DNS layer: the 94-octet response (compression, a CNAME, two A records, EDNS0) parsed and every field consumed; per message. DnsClient has no public API to parse bytes: its internal parser is called (see Dns/DnsClientPeer.cs)." ;;
            DnsResponseRead) echo "Scenario 1, whole packet: IPv4 (header checksum verified) + UDP + the DNS response, 122 octets; per packet. DnsClient gets the DNS payload as its own array (it misreads compression pointers in a segment at a non-zero offset)." ;;
            DnsMessageWrite) echo "Scenarios 1 and 4, DNS build: the same response written into a caller's buffer from the same inputs; per message. Baseline: a hand-written general builder (checks names, compresses by suffix lookup); HandWrittenTemplate is a template for this one response, the floor. ARSoft's encoder is internal and called directly; DnsClient builds only queries." ;;
            DnsResponseWrite) echo "Scenario 4, whole packet: the DNS response in UDP and IPv4 with both checksums, into a caller's buffer; per packet." ;;
            TcpSynRead) echo "Scenario 2: a 60-octet IPv4 + TCP SYN with MSS, SACK-permitted, timestamps, NOP and window scale, every field and option consumed; per packet. Ours is the generated TcpSegment with its TcpOptions (Tcp/GeneratedTcp.cs)." ;;
            TcpSynWrite) echo "Scenario 4: the same SYN written into a caller's buffer with both checksums, identical octets from every writer; per packet." ;;
            DhcpAckRead) echo "Scenario 3: a 331-octet IPv4 + UDP + DHCPACK with nine options, every exposed field and option consumed; per packet. Ours is the generated DhcpMessage with its DhcpOptions (Dhcp/GeneratedDhcp.cs)." ;;
            DhcpAckWrite) echo "Scenario 4: the same DHCPACK written into a caller's buffer with checksums; per packet. Ours writes with DhcpOptions.Writer and DhcpMessage (Dhcp/GeneratedDhcp.cs)." ;;
            Ipv4SequenceRead) echo "Scenario 6: Ipv4Header.TryRead from a span (baseline), a single-segment ReadOnlySequence and one split at octet 10; per header." ;;
            DnsNameDecompression) echo "Scenario 7: DnsName.TryRead against a hand-written pointer-following walk with the same checks, over the six names of the DNS sample; per name." ;;
            *) echo "See benchmarks/Codec.Benchmarks for what an operation is." ;;
        esac
        echo
        awk -v part=bdn -f "$here/report-table.awk" "$csv"
        awk -v part=peers -f "$here/report-table.awk" "$csv"
    done

    paired_csv="$bdn_artifacts/results/paired.csv"
    if [[ -f "$paired_csv" ]]; then
        echo
        echo "## Paired check"
        echo
        echo "\`Codec.Benchmarks --paired\`: the benchmarks of a class take turns for $(awk -F, 'NR == 2 { print $7 }' "$paired_csv") rounds of"
        echo "about 2 ms of CPU time each, and the ratio to the baseline is taken within each round, so that a neighbour"
        echo "getting busier or quieter during the run cannot skew it. Ratio is the median of the per-round ratios."
        echo
        echo "| Class | Method | Median per operation | Ratio | Quartiles of the ratio |"
        echo "|---|---|---:|---:|---:|"
        awk -v part=paired -f "$here/report-table.awk" "$paired_csv"
    fi

    # The project's goal for generated readers, checked on these numbers.
    read_csv="$(printf '%s\n' "${csvs[@]}" | grep '[.]Ipv4HeaderRead-report[.]csv$' || true)"
    if [[ -n "$read_csv" ]]; then
        echo
        echo "## Target: generated read ≤ 1.2× hand-written, 0 B allocated"
        echo
        if [[ -f "$paired_csv" ]]; then
            awk -v part=verdict -v mode="$mode" -f "$here/report-table.awk" "$paired_csv" "$read_csv"
        else
            awk -v part=verdict -v mode="$mode" -f "$here/report-table.awk" <(echo "Class,Method") "$read_csv"
        fi
    fi

    echo
    echo "## Targets of issue 6 (generated ≤ 1.2× hand-written with 0 B; ≥ 15× PacketDotNet, ≥ 10× DnsClient and Makaretu, ≥ 30× ARSoft)"
    echo
    targets_inputs=("${csvs[@]}")
    if [[ -f "$paired_csv" ]]; then targets_inputs=("$paired_csv" "${csvs[@]}"); fi
    awk -v part=targets -v mode="$mode" -f "$here/report-table.awk" "${targets_inputs[@]}"

    # Why targets are missed: maintained by hand next to this script, because the numbers above cannot say it.
    if [[ -f "$here/NOTES.md" && $mode != dry ]]; then
        echo
        cat "$here/NOTES.md"
    fi

    # Sections measured by separate runs (a filtered run of the transport classes, dnsperf against knotd): each
    # run writes its own file under separate/, and every full report carries them, so no run drops another's.
    if [[ $mode != dry ]]; then
        for section in "$here"/separate/*.md; do
            [[ -f "$section" ]] || continue
            echo
            cat "$section"
        done
    fi
} > "$out"

echo "run.sh: wrote $out"
