import ArgumentParser
import TanacsModel

struct EventsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "events",
        abstract: "List events in date order, optionally filtered.",
        discussion: "Example: tanacs events --from 1956-10-23 --to 1956-10-31 --place csepel")

    @OptionGroup var filters: EventFilterOptions
    @OptionGroup var output: JSONOption
    @OptionGroup var dataOptions: DataOptions

    func run() throws {
        let m = try dataOptions.load()
        let events = try filters.filter(m).apply(to: m)
        if output.json {
            let b = RecordJSONBuilder(model: m, clean: clean)
            return try printJSON(events.map(b.event))
        }
        var table = Table([.init(header: "DATE", keep: true), .optional("KIND", order: 1), .init(header: "TITLE", flexible: true, order: 2, floor: 24),
                           .optional("PLACES"), .init(header: "ID")])
        for e in events {
            table.add([e.date.text + (e.time.map { " " + $0 } ?? ""), e.kind.rawValue, e.title,
                       e.places.map { m.name(of: $0) ?? $0 }.joined(separator: ", "), e.id])
        }
        table.print(empty: "No events match.")
    }
}
