import ArgumentParser
import TanacsModel

struct PeopleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "people",
        abstract: "List the people the sources name, with their roles.",
        discussion: "Example: tanacs people --json | jq -r '.[].name'")

    @OptionGroup var output: JSONOption
    @OptionGroup var dataOptions: DataOptions

    func run() throws {
        let m = try dataOptions.load()
        if output.json {
            let b = RecordJSONBuilder(model: m, clean: clean)
            return try printJSON(m.people.map(b.person))
        }
        var table = Table([.init(header: "ID"), .init(header: "NAME"), .optional("ROLES"),
                           .init(header: "EVENTS")])
        for p in m.people {
            table.add([p.id, p.name, p.roleTexts.joined(separator: "; "), "\(m.eventsByPerson[p.id]?.count ?? 0)"])
        }
        table.print(empty: "No people in this dataset.")
    }
}
