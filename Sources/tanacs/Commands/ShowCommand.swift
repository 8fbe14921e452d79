import ArgumentParser
import TanacsModel
import TanacsUI

struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show one record with its links and the quotations behind it.",
        discussion: """
            RECORD is an id (place:csepel), an id without its kind (csepel) when only one record has it, \
            or a name. Links are followed by the id to show next. Example: tanacs show place:csepel
            """)

    @Argument(help: ArgumentHelp("The record to show.", valueName: "record"), completion: RecordCompletion.kind(nil))
    var record: String

    @OptionGroup var output: JSONOption
    @OptionGroup var dataOptions: DataOptions

    func run() throws {
        let m = try dataOptions.load()
        let id = try resolve(record, in: m, option: "show")
        if output.json {
            guard let value = RecordJSONBuilder(model: m, clean: clean).record(id) else { throw usageError("no record \(id)") }
            return try printJSON(value)
        }
        let glyphs = Console.glyphs
        let width = min(Console.width ?? 80, 100)
        guard let route = Route(id: id) else {
            // Sources have no detail page in the explorer; print their fields.
            guard let s = m.sourceByID[id] else { throw usageError("no record \(id)") }
            let cited = m.excerpts.filter { $0.source == id }.count
            for line in [s.title, "\(s.author), \(s.publication)", "Date: \(s.date)", "File: \(s.file)",
                         "Excerpts: \(cited)", "", s.notes] {
                Console.write(Text.wrap(line, width: width).joined(separator: "\n") + "\n")
            }
            return
        }
        // Links name the id to show next.
        var state = AppState(model: m, width: width, height: 24, glyphs: glyphs)
        state.detail = DetailState(route: route)
        let items = state.detailItems.map { item -> DetailItem in
            guard case .link(let label, let note, let target) = item, let targetID = target.recordID else { return item }
            return .link(label: label, note: note.isEmpty ? targetID : "\(note); \(targetID)", target: target)
        }
        var out = "\(id)\n"
        for line in DetailDocument.lines(items, width: width, in: m, glyphs: glyphs) {
            out += String(repeating: " ", count: line.indent) + line.text + "\n"
        }
        Console.write(out)
    }
}
