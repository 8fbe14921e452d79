import ArgumentParser
import TanacsModel

struct PlacesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "places",
        abstract: "List towns, districts and sites with their councils and events.",
        discussion: "Example: tanacs places --json | jq '.[] | {name, lat, lon}'")

    @Option(help: ArgumentHelp("Only places of this kind.", valueName: "kind"))
    var kind: PlaceKind?

    @OptionGroup var output: JSONOption
    @OptionGroup var dataOptions: DataOptions

    func run() throws {
        let m = try dataOptions.load()
        let places = m.places.filter { kind == nil || $0.kind == kind }
        if output.json {
            let b = RecordJSONBuilder(model: m, clean: clean)
            return try printJSON(places.map(b.place))
        }
        var table = Table([.init(header: "ID"), .init(header: "NAME", flexible: true, order: 1, floor: 20), .init(header: "KIND"),
                           .optional("IN"), .init(header: "COUNCILS"), .init(header: "EVENTS")])
        for p in places {
            table.add([p.id, p.name, p.kind.rawValue + (p.isAbroad ? " (abroad)" : ""), p.parent.flatMap { m.name(of: $0) } ?? "",
                       "\(m.councilsByPlace[p.id]?.count ?? 0)", "\(m.eventsByPlace[p.id]?.count ?? 0)"])
        }
        table.print(empty: "No places match.")
    }
}
