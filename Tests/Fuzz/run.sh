#!/bin/sh
# Builds a fuzz target with libFuzzer and AddressSanitizer, then runs it for a bounded time.
#   Tests/Fuzz/run.sh [SECONDS] [loader|text] [extra libFuzzer flags...]   (default 60 seconds, loader)
# loader: LoaderFuzz.swift, the dataset loader. text: TextFuzz.swift, wrapping, truncation, padding,
# tails and map-label fitting (corpus in .build/fuzz/text-corpus, crashes .build/fuzz/text-crash-*).
# Seeds come from the sample dataset (Tests/Fixtures/sample); new inputs are kept in
# .build/fuzz/corpus, and any crash is written to .build/fuzz/crash-* with the input that caused it.
# Replay one: .build/fuzz/loader-fuzz .build/fuzz/crash-<hash>
set -eu
cd "$(dirname "$0")/../.."
seconds="${1:-60}"
[ $# -gt 0 ] && shift
target=loader
if [ "${1:-}" = loader ] || [ "${1:-}" = text ]; then target="$1"; shift; fi
out=.build/fuzz
mkdir -p "$out/corpus" "$out/seeds"

if [ "$target" = text ]; then
    echo "building $out/text-fuzz ..."
    swiftc -swift-version 6 -parse-as-library -module-name TanacsTextFuzz -O -g \
        -sanitize=fuzzer,address \
        Tests/Fuzz/TextFuzz.swift \
        Sources/TanacsUI/Canvas/Sanitizer.swift Sources/TanacsUI/Canvas/TextWidth.swift \
        Sources/TanacsUI/Canvas/Text.swift Sources/TanacsUI/Canvas/Glyphs.swift Sources/TanacsUI/Map/MapLabels.swift \
        Sources/TanacsUI/Canvas/Canvas.swift Sources/TanacsUI/Canvas/Style.swift Sources/TanacsUI/Canvas/Layout.swift \
        -o "$out/text-fuzz"
    mkdir -p "$out/text-corpus" "$out/text-seeds"
    n=0
    for text in "Győr Budapest Csepel" "$(printf 'a\033[31mb\033]0;x\007c\302\233d')" "漢字 wide ｗｏｒｄｓ" \
                "$(printf 'e\314\201\314\202\314\203\314\204\314\205 zalgo')" "averyveryverylongwordthatnevertendstoend" "a  b\tc\nd"; do
        { printf "\\$(printf %03o $((n * 11 % 80)))\\$(printf %03o $n)"; printf %s "$text"; } > "$out/text-seeds/$n"
        n=$((n + 1))
    done
    export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=0}"
    echo "fuzzing for $seconds seconds ..."
    exec "$out/text-fuzz" -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=4096 \
        -artifact_prefix="$out/text-" -print_final_stats=1 "$@" "$out/text-corpus" "$out/text-seeds"
fi

echo "building $out/loader-fuzz ..."
swiftc -swift-version 6 -parse-as-library -module-name TanacsFuzz -O -g \
    -sanitize=fuzzer,address -I Sources/CSQLite \
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
