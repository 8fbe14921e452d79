/// The fields each kind of record has, as in data/schema/*.schema.json, so the loader can warn about
/// a field it would otherwise ignore in silence (a typo such as "sumary", or a newer dataset).
struct KnownFields: Sendable {
    let names: Set<String>
    /// Fields holding an object, or an array of objects, with fields of their own.
    let nested: [String: KnownFields]

    init(_ names: [String], nested: [String: KnownFields] = [:]) {
        self.names = Set(names).union(nested.keys)
        self.nested = nested
    }

    static let anchor = KnownFields(["citation", "reckoning"])
    static let claim = KnownFields(["date", "basis", "attested", "citation"], nested: ["anchor": anchor])
    static let statement = KnownFields(["text", "citations"])

    /// By file name, as the loader reads them.
    static let table: [String: KnownFields] = [
        "sources.json": KnownFields(["id", "file", "author", "title", "publication", "date", "notes"]),
        "excerpts.json": KnownFields(["id", "source", "text", "paragraph", "note"]),
        "places.json": KnownFields(["id", "name", "names", "kind", "parent", "lat", "lon", "placement", "abroad",
                                    "citations"],
                                   nested: ["population1956": KnownFields(["value", "as_stated", "citation"]),
                                            "statements": statement]),
        "councils.json": KnownFields(["id", "name", "names", "level", "installed_by", "place", "parent", "citations"],
                                     nested: ["formed": claim, "ended": claim,
                                              "people": KnownFields(["person", "role", "citations"]),
                                              "demands": statement, "statements": statement]),
        "events.json": KnownFields(["id", "date", "date_basis", "time", "time_basis", "title", "kind", "places",
                                    "councils", "people", "figures", "citations"],
                                   nested: ["date_claims": claim, "statements": statement, "date_anchor": anchor,
                                            "time_anchor": anchor, "day_part": KnownFields(["part", "citation"])]),
        "people.json": KnownFields(["id", "name", "names", "citations"],
                                   nested: ["roles": statement, "statements": statement]),
        "figures.json": KnownFields(["id", "topic"],
                                    nested: ["statements": statement, "claims": KnownFields(["value", "high", "unit", "as_stated", "citation"])]),
        "outside-knowledge.json": KnownFields(["id", "term", "records", "reason"]),
        "geo/border.json": KnownFields(["name", "lines"]),
        "geo/rivers.json": KnownFields(["name", "lines"]),
        "geo/lakes.json": KnownFields(["name", "lines"]),
    ]

    /// At most this many warnings per file; the rest are counted in one last line.
    static let maxWarningsPerFile = 20

    /// A warning per unknown field found by `JSONCheck`, at most `maxWarningsPerFile`, in field order
    /// within each record; the rest are counted in one last line.
    static func warnings(for fields: [JSONCheck.UnknownField], file: String) -> [LoadError] {
        var found: [LoadError] = []
        var start = 0
        // Sorted within a record, so the order does not depend on how the file orders its keys.
        while start < fields.count && found.count < maxWarningsPerFile {
            var end = start
            while end < fields.count && fields[end].record == fields[start].record { end += 1 }
            for field in fields[start..<end].map(\.field).sorted() where found.count < maxWarningsPerFile {
                found.append(LoadError(file: file, record: fields[start].record, field: field, message: "unknown field (ignored)"))
            }
            start = end
        }
        if fields.count > found.count {
            found.append(LoadError(file: file, message: "\(fields.count - found.count) more unknown fields (ignored)"))
        }
        return found
    }
}
