#ifndef CTANACS_DATA_H
#define CTANACS_DATA_H

#include <stddef.h>

/// One file of the bundled dataset, compiled into the binary.
typedef struct {
    const char *name;            // relative to the dataset folder: "events.json", "geo/border.json"
    const unsigned char *bytes;
    size_t length;
} tanacs_bundled_file;

/// The bundled files, and how many there are.
const tanacs_bundled_file *tanacs_bundled_files(size_t *count);

#endif
