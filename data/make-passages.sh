#!/bin/sh
# Makes data/passages.json (each excerpt with the sentence before and after it) from the source
# articles: ../shared/seeds beside the clone, or $TANACS_SOURCES. Run it after changing excerpts.json;
# PassagesTests fails while the committed file is stale.
set -e
cd "$(dirname "$0")/.."
swift build --product tanacs >/dev/null
.build/debug/tanacs passages --data data --sources "${TANACS_SOURCES:-../shared/seeds}" > data/passages.json.tmp
mv data/passages.json.tmp data/passages.json
