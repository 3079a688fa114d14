#!/usr/bin/env bash
# Runs every test of the repository: the one command that developers and CI (.ci/run) use.
#
#   1. installs the Debian packages listed in scripts/test-packages.txt whose commands are missing;
#   2. builds Codecs.sln in Release once (warnings are errors, see Directory.Build.props);
#   3. runs every test project of the solution, one after another, writing TestResults/<project>.trx;
#   4. runs the benchmark suite in dry mode (benchmarks/run.sh --dry: one cold invocation of every benchmark, no
#      timing judged), so that every benchmark keeps building, passing its [GlobalSetup] cross-checks and running;
#   5. sums the TRX counters and prints one closing line: `N passed, N failed`.
#
# Exits non-zero if the build or a test run fails, if any test failed, if no test ran, or if a benchmark threw.
# Environment: CI=true makes package installation failures fatal and sets SNAPSHOOTER_STRICT_MODE=true
# (snapshot tests fail instead of writing new snapshots). CODECS_ARTIFACTS_PATH, if set, is passed to
# dotnet as --artifacts-path, so that a local run does not share bin/obj with builds already under way.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
readonly SOLUTION=Codecs.sln
readonly CONFIGURATION=Release
readonly RESULTS_DIR="$PWD/TestResults"
readonly PACKAGE_LIST=scripts/test-packages.txt

log() { printf '==> %s\n' "$*"; }

# Installs the packages of $PACKAGE_LIST ("package [command]" per line) whose command is not on PATH.
install_packages() {
    [[ -f $PACKAGE_LIST ]] || return 0
    local line package cmd missing=()
    while IFS= read -r line || [[ -n $line ]]; do
        line=${line%%#*}
        package='' cmd=''
        read -r package cmd _ <<<"$line" || true
        [[ -n $package ]] || continue
        if ! command -v "${cmd:-$package}" >/dev/null 2>&1; then
            missing+=("$package")
        fi
    done <"$PACKAGE_LIST"
    ((${#missing[@]} > 0)) || return 0

    log "installing Debian packages: ${missing[*]}"
    local sudo=()
    if [[ $(id -u) -ne 0 ]]; then
        sudo=(sudo)
    fi
    if "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update \
        && "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"; then
        return 0
    fi
    if [[ ${CI:-} == true ]]; then
        echo "error: could not install ${missing[*]}" >&2
        exit 1
    fi
    echo "warning: could not install ${missing[*]}; tests that need them may fail" >&2
}

# Prints "passed failed" summed over every TRX file under $1. Errors, timeouts and aborts count as failures.
sum_trx_counters() {
    local files=()
    mapfile -t files < <(find "$1" -type f -name '*.trx' 2>/dev/null | sort)
    if ((${#files[@]} == 0)); then
        echo "0 0"
        return
    fi
    cat "${files[@]}" | tr '\r\n' '  ' | { grep -o '<Counters [^>]*>' || true; } | awk '
        {
            for (i = 1; i <= NF; i++) {
                split($i, kv, "=")
                name = kv[1]
                value = kv[2]
                gsub(/[^0-9]/, "", value)
                if (name ~ /^(passed|failed|error|timeout|aborted)$/ && value != "") {
                    count[name] += value
                }
            }
        }
        END { printf "%d %d\n", count["passed"], count["failed"] + count["error"] + count["timeout"] + count["aborted"] }'
}

# The solution's test projects: those that declare IsTestProject or reference the test SDK.
find_test_projects() {
    local project
    while IFS= read -r project; do
        project=${project//\\//}
        if [[ $project == *.csproj && -f $project ]] \
            && grep -qE '<IsTestProject>[[:space:]]*true[[:space:]]*</IsTestProject>|Include="Microsoft\.NET\.Test\.Sdk"' "$project"; then
            printf '%s\n' "$project"
        fi
    done < <(dotnet sln "$SOLUTION" list | sort)
}

install_packages

if [[ ${CI:-} == true ]]; then
    export SNAPSHOOTER_STRICT_MODE=true
fi
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

artifacts=()
if [[ -n ${CODECS_ARTIFACTS_PATH:-} ]]; then
    artifacts=(--artifacts-path "$CODECS_ARTIFACTS_PATH")
fi

rm -rf "$RESULTS_DIR"
mkdir -p "$RESULTS_DIR"

log "dotnet build $SOLUTION -c $CONFIGURATION"
dotnet build "$SOLUTION" -c "$CONFIGURATION" -nologo "${artifacts[@]}"

mapfile -t test_projects < <(find_test_projects)

# One `dotnet test` per project rather than one over the solution: with LogFileName every project of a solution
# writes the same TRX file (only the last survives), and LogFilePrefix names files to the second, so two projects
# that finish together overwrite each other. Per project, each TRX file has a fixed, unique name.
test_status=0
for project in "${test_projects[@]}"; do
    name=$(basename "$project" .csproj)
    log "dotnet test $project -c $CONFIGURATION"
    dotnet test "$project" -c "$CONFIGURATION" --no-build -nologo "${artifacts[@]}" \
        --results-directory "$RESULTS_DIR" \
        --logger "trx;LogFileName=$name.trx" \
        --logger "console;verbosity=minimal" || test_status=$?
done

# The dry run reuses the Release build above; its BenchmarkDotNet reports go to a scratch directory (never RESULTS.md).
bench_status=0
bench_reports=$(mktemp -d)
log "benchmarks/run.sh --dry"
ARTIFACTS_PATH=${CODECS_ARTIFACTS_PATH:-} BDN_ARTIFACTS="$bench_reports" \
    bash benchmarks/run.sh --dry --no-build >"$bench_reports/run.log" 2>&1 || bench_status=$?
if ((bench_status != 0)); then
    tail -n 60 "$bench_reports/run.log" >&2
fi
rm -rf "$bench_reports"

read -r passed failed < <(sum_trx_counters "$RESULTS_DIR")
trx_count=$(find "$RESULTS_DIR" -type f -name '*.trx' | wc -l)

status=0
if ((${#test_projects[@]} == 0)); then
    echo "error: no test project found in $SOLUTION" >&2
    status=1
fi
if ((test_status != 0)); then
    echo "error: dotnet test exited with $test_status" >&2
    status=1
fi
if ((trx_count != ${#test_projects[@]})); then
    echo "error: ${#test_projects[@]} test projects but $trx_count TRX files in $RESULTS_DIR" >&2
    status=1
fi
if ((bench_status != 0)); then
    echo "error: benchmarks/run.sh --dry exited with $bench_status (a benchmark failed to build, set up or run)" >&2
    status=1
fi
if ((passed == 0)); then
    echo "error: no test passed (did any run?)" >&2
    status=1
fi
if ((failed > 0)); then
    status=1
fi

echo "$passed passed, $failed failed"
exit "$status"
