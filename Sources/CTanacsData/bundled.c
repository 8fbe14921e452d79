// The bundled dataset, compiled into the binary with C23 #embed so a copied `tanacs` needs nothing
// beside it. clang records embedded files as dependencies, so editing data/*.json rebuilds this file.
#include "CTanacsData.h"


static const unsigned char sources[] = {
#embed "../../data/sources.json"
};
static const unsigned char excerpts[] = {
#embed "../../data/excerpts.json"
};
static const unsigned char places[] = {
#embed "../../data/places.json"
};
static const unsigned char councils[] = {
#embed "../../data/councils.json"
};
static const unsigned char events[] = {
#embed "../../data/events.json"
};
static const unsigned char people[] = {
#embed "../../data/people.json"
};
static const unsigned char figures[] = {
#embed "../../data/figures.json"
};
static const unsigned char outside_knowledge[] = {
#embed "../../data/outside-knowledge.json"
};
static const unsigned char passages[] = {
#embed "../../data/passages.json"
};
static const unsigned char border[] = {
#embed "../../data/geo/border.json"
};
static const unsigned char rivers[] = {
#embed "../../data/geo/rivers.json"
};
static const unsigned char lakes[] = {
#embed "../../data/geo/lakes.json"
};

#define ENTRY(name, array) { name, array, sizeof(array) }

static const tanacs_bundled_file files[] = {
    ENTRY("sources.json", sources),
    ENTRY("excerpts.json", excerpts),
    ENTRY("places.json", places),
    ENTRY("councils.json", councils),
    ENTRY("events.json", events),
    ENTRY("people.json", people),
    ENTRY("figures.json", figures),
    ENTRY("outside-knowledge.json", outside_knowledge),
    ENTRY("passages.json", passages),
    ENTRY("geo/border.json", border),
    ENTRY("geo/rivers.json", rivers),
    ENTRY("geo/lakes.json", lakes),
};

const tanacs_bundled_file *tanacs_bundled_files(size_t *count) {
    *count = sizeof(files) / sizeof(files[0]);
    return files;
}
