#!/bin/sh
# Builds the loader fuzz target with libFuzzer and AddressSanitizer, then runs it for a bounded time.
#   Tests/Fuzz/run.sh [SECONDS] [extra libFuzzer flags...]     (default 60 seconds)
# Seeds come from the sample dataset (Tests/Fixtures/sample); new inputs are kept in
# .build/fuzz/corpus, and any crash is written to .build/fuzz/crash-* with the input that caused it.
# Replay one: .build/fuzz/loader-fuzz .build/fuzz/crash-<hash>
set -eu
cd "$(dirname "$0")/../.."
seconds="${1:-60}"
[ $# -gt 0 ] && shift
out=.build/fuzz
mkdir -p "$out/corpus" "$out/seeds"

echo "building $out/loader-fuzz ..."
swiftc -swift-version 6 -parse-as-library -module-name TanacsFuzz -O -g \
    -sanitize=fuzzer,address \
    Tests/Fuzz/LoaderFuzz.swift \
    $(find Sources/TanacsModel -name '*.swift' | sort) \
    Sources/TanacsUI/Canvas/Sanitizer.swift Sources/TanacsUI/Canvas/TextWidth.swift \
    -o "$out/loader-fuzz"

# One seed per file: a byte choosing the file (its index in LoaderFuzz.swift's fuzzFiles), then its text.
i=0
for name in sources.json excerpts.json places.json councils.json events.json people.json figures.json \
            geo/border.json geo/rivers.json geo/lakes.json; do
    { printf "\\$(printf %03o $i)"; cat "Tests/Fixtures/sample/$name"; } > "$out/seeds/$i-$(basename "$name")"
    i=$((i + 1))
done
for text in 1956-10-23 1956-10/1956-11-04 1956-13-40 1956-02-30 "$(printf 'a\033[31mb\033]0;x\007c\302\233d')"; do
    { printf "\\$(printf %03o $i)"; printf %s "$text"; } > "$out/seeds/text-$(printf %s "$text" | cksum | cut -d' ' -f1)"
done

export TANACS_FUZZ_SAMPLE="$PWD/Tests/Fixtures/sample"
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=0}"
echo "fuzzing for $seconds seconds ..."
exec "$out/loader-fuzz" -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=4096 \
    -artifact_prefix="$out/" -print_final_stats=1 "$@" "$out/corpus" "$out/seeds"
