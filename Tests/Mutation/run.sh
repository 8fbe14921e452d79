#!/usr/bin/env bash
# Mutation testing: puts one small bug at a time into the sources and checks that a test notices.
#
#   Tests/Mutation/run.sh [--only REGEX] [--time-limit SECONDS] [--no-baseline] [--list] [MUTANTS_FILE]
#
# Reads the mutants in Tests/Mutation/mutants.txt (or MUTANTS_FILE). For each: finds the line in its
# file by an exact snippet of source (never by line number, so the list survives edits elsewhere in the
# file), replaces the snippet, builds, runs the tests named for it, and puts the file back. A mutant is
#   killed    a test failed (or the tests ran past the time limit, as a mutant that loops would);
#   survived  every test passed: a bug no test notices;
#   stale     its snippet is no longer in the file, or is there more than once (not counted);
#   broken    the mutated code does not compile (not counted; rewrite the mutant).
# The score is killed / (killed + survived).
#
# It builds in its own scratch folder (.build-mutation), so the usual .build is never touched, and is
# not part of `swift test`. The file is restored on every way out (a trap on EXIT, INT, TERM and HUP);
# should the script be killed outright, the next run restores it from .build-mutation/original first.
#   --only REGEX        only the mutants whose name matches (grep -E)
#   --time-limit N      seconds each mutant's tests may run (default 300)
#   --no-baseline       skip checking first that the named tests pass on unmutated code
#   --list              print the mutants and whether each snippet is found, then stop
set -uo pipefail
shopt -u patsub_replacement 2>/dev/null || true   # "&" in a mutant is a character, not the match
cd "$(dirname "$0")/../.."

mutants_file=Tests/Mutation/mutants.txt
only=""
limit=300
baseline=1
list=0
while [ $# -gt 0 ]; do
    case "$1" in
        --only) only="$2"; shift 2 ;;
        --time-limit) limit="$2"; shift 2 ;;
        --no-baseline) baseline=0; shift ;;
        --list) list=1; shift ;;
        -h|--help) sed -n '2,22p' "$0"; exit 0 ;;
        -*) echo "run.sh: unknown option $1" >&2; exit 64 ;;
        *) mutants_file="$1"; shift ;;
    esac
done

scratch=.build-mutation
mkdir -p "$scratch"
saved="$scratch/original"     # the file being mutated, as it was
saved_path="$scratch/original.path"
log="$scratch/mutant.log"
results="$scratch/results.txt"

testing=""   # the process group of the tests running now
stop_tests() { [ -n "$testing" ] && kill -KILL -- "-$testing" 2>/dev/null; testing=""; }
restore() {
    stop_tests
    if [ -f "$saved_path" ]; then
        local path
        path=$(cat "$saved_path")
        cp "$saved" "$path" && rm -f "$saved" "$saved_path"
    fi
}
trap restore EXIT
trap 'restore; echo; echo "interrupted: restored the sources" >&2; exit 130' INT TERM HUP
if [ -f "$saved_path" ]; then
    echo "a previous run was killed while $(cat "$saved_path") was mutated: restoring it" >&2
    restore
fi

# The mutants: blocks of "mutant NAME", "file PATH", "tests FILTER", "- OLD", "+ NEW"; "#" starts a comment.
names=() files=() filters=() olds=() news=()
name="" file="" filter="" old="" new="" have_old=0 have_new=0
flush() {
    [ -z "$name" ] && return
    if [ -z "$file" ] || [ -z "$filter" ] || [ "$have_old" = 0 ] || [ "$have_new" = 0 ]; then
        echo "$mutants_file: mutant $name lacks file, tests, - or + line" >&2; exit 65
    fi
    if [ -z "$only" ] || printf '%s\n' "$name" | grep -Eq -- "$only"; then
        names+=("$name"); files+=("$file"); filters+=("$filter"); olds+=("$old"); news+=("$new")
    fi
    name="" file="" filter="" old="" new="" have_old=0 have_new=0
}
while IFS= read -r line || [ -n "$line" ]; do
    case "$line" in
        "#"*|"") ;;
        "mutant "*) flush; name="${line#mutant }" ;;
        "file "*) file="${line#file }" ;;
        "tests "*) filter="${line#tests }" ;;
        "- "*) old="${line#- }"; have_old=1 ;;
        "-") old=""; have_old=1 ;;
        "+ "*) new="${line#+ }"; have_new=1 ;;
        "+") new=""; have_new=1 ;;
        *) echo "$mutants_file: cannot read: $line" >&2; exit 65 ;;
    esac
done < "$mutants_file"
flush
total=${#names[@]}
[ "$total" -gt 0 ] || { echo "no mutants${only:+ match $only}" >&2; exit 65; }

# How often the snippet occurs in the file: the mutant applies only when it is exactly once.
occurrences() {
    local content rest count=0
    [ -f "$1" ] || { echo 0; return; }
    content=$(cat "$1"; printf x)
    rest="${content%x}"
    while [[ "$rest" == *"$2"* ]]; do
        count=$((count + 1))
        rest="${rest#*"$2"}"
    done
    echo "$count"
}

if [ "$list" = 1 ]; then
    for i in "${!names[@]}"; do
        n=$(occurrences "${files[$i]}" "${olds[$i]}")
        state=found; [ "$n" = 1 ] || state="stale ($n matches)"
        printf '%-48s %-16s %s  [%s]\n' "${names[$i]}" "$state" "${files[$i]}" "${filters[$i]}"
    done
    exit 0
fi

# The test bundle, and the explorer's binary too when the tests drive it (the end-to-end classes):
# building just these products skips linking the benchmark, which no mutant's tests run.
end_to_end=$(grep -ho "^final class [A-Za-z]*" Tests/TanacsEndToEndTests/*.swift | sed 's/final class //' | paste -sd '|' -)
build() {
    local products=(tanacsPackageTests)
    if [ -z "${1:-}" ] || printf '%s\n' "$1" | grep -Eq "$end_to_end"; then products+=(tanacs); fi
    : > "$log"
    for product in "${products[@]}"; do
        timeout 1800 swift build --product "$product" --scratch-path "$scratch" >>"$log" 2>&1 || return 1
    done
}
# The tests run in their own process group, so a mutant that loops is stopped with every process
# it started (swift test runs the test bundle as a child); 124 means the time limit ended them.
run_tests() {
    setsid swift test --skip-build --scratch-path "$scratch" --filter "$1" >>"$log" 2>&1 &
    testing=$!
    local waited=0
    while kill -0 "$testing" 2>/dev/null; do
        if [ "$waited" -ge "$limit" ]; then
            kill -TERM -- "-$testing" 2>/dev/null; sleep 2; stop_tests; wait 2>/dev/null; return 124
        fi
        sleep 1; waited=$((waited + 1))
    done
    wait "$testing"
    local status=$?
    testing=""
    return "$status"
}

echo "building in $scratch ..."
if ! build; then
    echo "the unmutated sources do not build; see $log" >&2; exit 1
fi
if [ "$baseline" = 1 ]; then
    all=$(printf '%s\n' "${filters[@]}" | sort -u | paste -sd '|' -)
    echo "checking that the named tests pass on unmutated code ..."
    limit_per_mutant=$limit
    limit=$((limit * 20))   # every mutant's tests at once
    run_tests "$all"
    baseline_status=$?
    limit=$limit_per_mutant
    if [ "$baseline_status" != 0 ]; then
        echo "the tests fail without any mutant; see $log (fix them first, or --no-baseline)" >&2; exit 1
    fi
fi

killed=0 survived=0 stale=0 broken=0
: > "$results"
report() { printf '%-9s %-48s %4ss  %s\n' "$1" "$2" "$3" "$4" | tee -a "$results"; }
for i in "${!names[@]}"; do
    name="${names[$i]}" file="${files[$i]}" filter="${filters[$i]}"
    n=$(occurrences "$file" "${olds[$i]}")
    if [ "$n" != 1 ]; then
        stale=$((stale + 1)); report stale "$name" 0 "snippet found $n times in $file"; continue
    fi
    start=$(date +%s)
    cp "$file" "$saved" && printf '%s\n' "$file" > "$saved_path"
    content=$(cat "$file"; printf x)
    content="${content%x}"
    printf '%s' "${content/"${olds[$i]}"/"${news[$i]}"}" > "$file"
    if ! build "$filter"; then
        restore; broken=$((broken + 1)); report broken "$name" $(( $(date +%s) - start )) "does not compile; see $log"
        cp "$log" "$scratch/broken-$name.log"; continue
    fi
    : > "$log"
    run_tests "$filter"
    status=$?
    restore
    seconds=$(( $(date +%s) - start ))
    if grep -q "Executed 0 tests" "$log" && ! grep -Eq "(✔|✘) Test [^ ]+\(" "$log"; then
        survived=$((survived + 1)); report survived "$name" "$seconds" "no test matches $filter"
    elif [ "$status" = 124 ]; then
        killed=$((killed + 1)); report killed "$name" "$seconds" "$filter (time limit: the mutant loops)"
    elif [ "$status" != 0 ]; then
        killed=$((killed + 1)); report killed "$name" "$seconds" "$filter"
    else
        survived=$((survived + 1)); report survived "$name" "$seconds" "$filter"
        cp "$log" "$scratch/survived-$name.log"
    fi
done

counted=$((killed + survived))
score=0; [ "$counted" -gt 0 ] && score=$((100 * killed / counted))
echo
echo "mutation score: $killed killed of $counted ($score%); $survived survived, $stale stale, $broken broken, of $total mutants" | tee -a "$results"
