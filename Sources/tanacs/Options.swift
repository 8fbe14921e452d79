import ArgumentParser
import TanacsModel

extension Day: ExpressibleByArgument {
    /// YYYY-MM-DD, or any form the explorer's go-to line takes ("4 nov 1956", "14.11.1956").
    public init?(argument: String) {
        guard let day = Day.parse(argument) ?? (try? DayInput.parse(argument).get()) else { return nil }
        self = day
    }
}

extension EventKind: ExpressibleByArgument {}
extension PlaceKind: ExpressibleByArgument {}
extension CouncilLevel: ExpressibleByArgument {}
extension ExportFormat: ExpressibleByArgument {}
extension CSVExport.Table: ExpressibleByArgument {}

/// `--json` for the commands that print records.
struct JSONOption: ParsableArguments {
    @Flag(name: .long, help: "Print JSON (citations carry the excerpt's text and source) instead of a table.")
    var json = false
}

/// The event filters `events` and `export` share.
struct EventFilterOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Only events that can fall on or after this day.", valueName: "YYYY-MM-DD"))
    var from: Day?

    @Option(help: ArgumentHelp("Only events that can fall on or before this day.", valueName: "YYYY-MM-DD"))
    var to: Day?

    @Option(help: ArgumentHelp("Only events at this place or inside it: an id (place:csepel), csepel, or a name.", valueName: "place"),
            completion: RecordCompletion.kind("place:"))
    var place: String?

    @Option(help: ArgumentHelp("Only events involving this council: an id or a name.", valueName: "council"),
            completion: RecordCompletion.kind("council:"))
    var council: String?

    @Option(help: ArgumentHelp("Only events of this kind.", valueName: "kind"))
    var kind: EventKind?

    func validate() throws {
        if let from, let to, to < from { throw ValidationError("--to \(to) is before --from \(from)") }
    }

    func filter(_ m: Model) throws -> EventFilter {
        EventFilter(from: from, to: to, place: try place.map { try resolve($0, in: m, prefix: "place:", option: "--place") },
                    council: try council.map { try resolve($0, in: m, prefix: "council:", option: "--council") }, kind: kind)
    }
}

/// Resolves a record argument, or fails as a usage error (exit 64) naming the candidates.
func resolve(_ argument: String, in m: Model, prefix: String? = nil, option: String) throws -> String {
    switch RecordLookup.resolve(argument, in: m, prefix: prefix) {
    case .found(let id): return id
    case .ambiguous(let ids):
        throw usageError("\(option) \(VisibleText.text(argument)) could mean any of: \(ids.joined(separator: ", "))")
    case .notFound:
        let hint = SearchIndex(model: m).suggestions(for: argument, limit: 3) { prefix == nil || $0.hasPrefix(prefix!) }
            .map { "\($0.id) (\(clean($0.label)))" }
        throw usageError("\(option): no record \"\(VisibleText.text(argument))\""
            + (hint.isEmpty ? " (try: tanacs search WORDS)" : "; did you mean " + hint.joined(separator: ", ") + "?"))
    }
}

/// Prints a usage problem found after parsing (an unknown id, say) and returns the exit status 64.
func usageError(_ message: String) -> ExitCode {
    printError("tanacs: " + message)
    return .usage
}

/// Prints an Encodable value as JSON.
func printJSON<T: Encodable>(_ value: T) throws {
    Console.write(try RecordJSON.encode(value))
}
