#!/usr/bin/env bash
# Decoding the whole corpus: `codecs decode` against tshark on the same frames (issue 4's benchmark line).
#
#   benchmarks/decode-corpus.sh [--repeat N]     writes benchmarks/separate/decode-corpus.md
#
# Every capture in ../shared/corpus/pcap that tshark reads is merged (mergecap, pcapng with one interface per link
# type) and concatenated N times (default 20), so both tools pay their start-up once and then decode many frames.
# Each tool runs three times per output form, alternating; the report takes the median of the process's CPU time
# (user + sys, from bash's `times` over the child) and of the wall time. Output goes to /dev/null.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
corpus="${CODECS_CORPUS:-$(dirname "$root")/shared/corpus}/pcap"
repeat=20
while [[ $# -gt 0 ]]; do
    case "$1" in
        --repeat) repeat="$2"; shift 2 ;;
        *) echo "decode-corpus.sh: unknown argument $1" >&2; exit 2 ;;
    esac
done

for tool in tshark mergecap capinfos; do
    command -v "$tool" >/dev/null || { echo "decode-corpus.sh: $tool is missing (apt-get install tshark)" >&2; exit 1; }
done

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
artifacts="${ARTIFACTS_PATH:-$work/artifacts}"
dotnet build "$root/src/Codec.Cli" -c Release --artifacts-path "$artifacts" -v q -nologo >/dev/null
codecs="$artifacts/bin/Codec.Cli/release/codecs.dll"

# The captures tshark itself reads to the end (a few corpus files are damaged on purpose).
readable=()
for f in "$corpus"/*.pcap "$corpus"/*.pcapng; do
    [[ -f "$f" ]] || continue
    if tshark -r "$f" -c 1 >/dev/null 2>&1 && capinfos "$f" >/dev/null 2>&1; then readable+=("$f"); fi
done
mergecap -F pcapng -a -w "$work/once.pcapng" "${readable[@]}"
copies=()
for ((i = 0; i < repeat; i++)); do copies+=("$work/once.pcapng"); done
mergecap -F pcapng -a -w "$work/corpus.pcapng" "${copies[@]}"
frames="$(capinfos -c -M "$work/corpus.pcapng" | awk -F: '/Number of packets/ { gsub(/ /, "", $2); print $2 }')"
bytes="$(stat -c %s "$work/corpus.pcapng")"

# CPU seconds (user+sys of children) and wall seconds of one command.
measure() {
    local start end t0 t1 self=$BASHPID
    t0="$(awk '{ print $14 + $15 + $16 + $17 }' /proc/$self/stat)"
    start="$(date +%s.%N)"
    "$@" >/dev/null 2>&1 || true
    end="$(date +%s.%N)"
    t1="$(awk '{ print $14 + $15 + $16 + $17 }' /proc/$self/stat)"
    echo "$(echo "($t1 - $t0) / $(getconf CLK_TCK)" | bc -l) $(echo "$end - $start" | bc -l)"
}

declare -A cpu wall
forms=(json text)
for round in 1 2 3; do
    for form in "${forms[@]}"; do
        if [[ $form == json ]]; then
            read -r c w < <(measure dotnet "$codecs" decode "$work/corpus.pcapng" --format json)
            cpu[codecs-$form]+="$c "; wall[codecs-$form]+="$w "
            read -r c w < <(measure tshark -n -r "$work/corpus.pcapng" -T json)
            cpu[tshark-$form]+="$c "; wall[tshark-$form]+="$w "
        else
            read -r c w < <(measure dotnet "$codecs" decode "$work/corpus.pcapng" --format text)
            cpu[codecs-$form]+="$c "; wall[codecs-$form]+="$w "
            read -r c w < <(measure tshark -n -r "$work/corpus.pcapng" -V)
            cpu[tshark-$form]+="$c "; wall[tshark-$form]+="$w "
        fi
    done
done

median() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

out="$here/separate/decode-corpus.md"
mkdir -p "$here/separate"
{
    echo "## Decoding the whole corpus: codecs decode vs tshark (a separate run)"
    echo
    echo "\`benchmarks/decode-corpus.sh --repeat $repeat\`, $(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git -C "$root" rev-parse --short HEAD),"
    echo "$(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) at the end; $(tshark --version | head -1)."
    echo "Input: ${#readable[@]} corpus captures merged into one pcapng and concatenated $repeat times: $frames frames,"
    echo "$bytes bytes. Output to /dev/null. Medians of 3 alternating runs; CPU = user + sys of the process;"
    echo "both include start-up (dotnet: JIT of the decoder; tshark: loading its dissectors)."
    echo
    echo "| output | tool | CPU s | wall s | frames/s (CPU) | codecs speed-up (CPU) |"
    echo "|---|---|---:|---:|---:|---:|"
    for form in "${forms[@]}"; do
        cc="$(echo "${cpu[codecs-$form]}" | median)"; cw="$(echo "${wall[codecs-$form]}" | median)"
        tc="$(echo "${cpu[tshark-$form]}" | median)"; tw="$(echo "${wall[tshark-$form]}" | median)"
        label="$([[ $form == json ]] && echo 'JSON (`--format json` / `-T json`)' || echo 'text tree (`--format text` / `-V`)')"
        printf '| %s | codecs | %.2f | %.2f | %.0f | %.1f× |\n' "$label" "$cc" "$cw" "$(echo "$frames / $cc" | bc -l)" "$(echo "$tc / $cc" | bc -l)"
        printf '| %s | tshark | %.2f | %.2f | %.0f | 1.0× |\n' "$label" "$tc" "$tw" "$(echo "$frames / $tc" | bc -l)"
    done
    echo
    echo "tshark dissects far more protocols and fields per frame than codecs does; the comparison is of the same frames"
    echo "decoded to each tool's full output, not of equal work."
} > "$out"
cat "$out"
