import ArgumentParser
import TanacsModel

struct CouncilsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "councils",
        abstract: "List workers', district, town and national councils.",
        discussion: "Example: tanacs councils --place budapest --on 1956-11-14")

    @Option(help: ArgumentHelp("Only councils of this level.", valueName: "level"))
    var level: CouncilLevel?

    @Option(help: ArgumentHelp("Only councils seated at this place or inside it: an id, csepel, or a name.", valueName: "place"),
            completion: RecordCompletion.kind("place:"))
    var place: String?

    @Option(help: ArgumentHelp("Only councils at work on this day, as far as the sources date them.", valueName: "YYYY-MM-DD"))
    var on: Day?

    @OptionGroup var output: JSONOption
    @OptionGroup var dataOptions: DataOptions

    func run() throws {
        let m = try dataOptions.load()
        let filter = CouncilFilter(level: level, place: try place.map { try resolve($0, in: m, prefix: "place:", option: "--place") }, on: on)
        let councils = filter.apply(to: m)
        if output.json {
            let b = RecordJSONBuilder(model: m, clean: clean)
            return try printJSON(councils.map(b.council))
        }
        var table = Table([.init(header: "ID"), .init(header: "NAME", flexible: true, order: 1, floor: 24), .init(header: "LEVEL"),
                           .optional("PLACE"), .init(header: "FORMED", keep: true)])
        for c in councils {
            let formed = Set(c.formed.map(\.date.text)).count > 1 ? "disputed" : c.formed.first?.date.text ?? ""
            table.add([c.id, c.name, c.level.rawValue, c.place.flatMap { m.name(of: $0) } ?? "", formed])
        }
        table.print(empty: "No councils match.")
    }
}
