import Foundation
import ArgumentParser
import TanacsModel

struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Find places, councils, people, events, figures and quotations by name or text.",
        discussion: """
            Matching is the explorer's: accent- and case-insensitive (gyor finds Győr), over every name a \
            record goes by, then summaries and the text of quotations. Best matches first. \
            Example: tanacs search csepel, then tanacs show place:csepel
            """)

    @Argument(help: "Words to look for.")
    var query: [String]

    @Option(help: "Show at most this many results.")
    var limit = 100

    @Option(help: ArgumentHelp("Mark the matched words: auto (when printing to a terminal), always or never.", valueName: "when"))
    var color: ColorChoice = .auto

    @OptionGroup var output: JSONOption
    @OptionGroup var dataOptions: DataOptions

    func validate() throws {
        if query.joined().trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("give something to search for") }
        if limit < 1 { throw ValidationError("--limit must be 1 or more") }
    }

    func run() throws {
        let m = try dataOptions.load()
        let index = SearchIndex(model: m)
        let hits = index.search(query.joined(separator: " "), limit: limit)
        if output.json {
            let b = RecordJSONBuilder(model: m, clean: clean)
            return try printJSON(hits.map(b.hit))
        }
        // The id's prefix names the kind of record.
        var table = Table([.init(header: "ID"), .init(header: "NAME", flexible: true, order: 1, floor: 24), .optional("MATCH")])
        for h in hits { table.add([h.id, h.label, h.context]) }
        let marker = color.resolved().map { MatchMarker(query: index.parse(query.joined(separator: " ")), style: $0) }
        table.print(empty: "Nothing matches \"\(VisibleText.text(query.joined(separator: " ")))\".", decorate: marker?.mark)
    }
}

/// `--color`: whether matches are marked with terminal escapes.
enum ColorChoice: String, ExpressibleByArgument, CaseIterable {
    case auto, always, never

    /// The escapes to mark with, or nil for none. `auto` marks only on a terminal that is not "dumb";
    /// NO_COLOR (any non-empty value) keeps the mark bold but drops its colour, as in the explorer.
    func resolved(environment: [String: String] = ProcessInfo.processInfo.environment,
                  terminal: Bool = Console.isTerminal) -> MatchMarker.Style? {
        switch self {
        case .never: return nil
        case .auto where !terminal || environment["TERM"] == "dumb": return nil
        default: return (environment["NO_COLOR"].map { !$0.isEmpty } ?? false) ? .bold : .boldRed
        }
    }
}

/// Wraps each place a query's words occur in a line with escapes, the way grep --color marks them.
struct MatchMarker {
    enum Style {
        case boldRed, bold
        var on: String { self == .boldRed ? "\u{1B}[1;31m" : "\u{1B}[1m" }
        var off: String { self == .boldRed ? "\u{1B}[0m" : "\u{1B}[22m" }
    }

    let query: SearchQuery
    let style: Style

    func mark(_ line: String) -> String {
        let ranges = query.ranges(in: line)
        guard !ranges.isEmpty else { return line }
        var out = "", next = 0, index = 0
        for c in line {
            if next < ranges.count, index == ranges[next].lowerBound { out += style.on }
            out.append(c)
            index += 1
            if next < ranges.count, index == ranges[next].upperBound { out += style.off; next += 1 }
        }
        return out
    }
}
