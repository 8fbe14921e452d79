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

    @OptionGroup var output: JSONOption
    @OptionGroup var dataOptions: DataOptions

    func validate() throws {
        if query.joined().trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("give something to search for") }
        if limit < 1 { throw ValidationError("--limit must be 1 or more") }
    }

    func run() throws {
        let m = try dataOptions.load()
        let hits = SearchIndex(model: m).search(query.joined(separator: " "), limit: limit)
        if output.json {
            let b = RecordJSONBuilder(model: m, clean: clean)
            return try printJSON(hits.map(b.hit))
        }
        // The id's prefix names the kind of record.
        var table = Table([.init(header: "ID"), .init(header: "NAME", flexible: true, order: 1, floor: 24), .optional("MATCH")])
        for h in hits { table.add([h.id, h.label, h.context]) }
        table.print(empty: "Nothing matches \"\(VisibleText.text(query.joined(separator: " ")))\".")
    }
}
