import ArgumentParser
import TanacsModel
import TanacsUI

struct FiguresCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "figures",
        abstract: "List numbers the sources state (dead, tanks, strikers), each claim kept apart.",
        discussion: "Sources that disagree keep separate claims; nothing is averaged. Example: tanacs figures")

    @OptionGroup var output: JSONOption
    @OptionGroup var dataOptions: DataOptions

    func run() throws {
        let m = try dataOptions.load()
        if output.json {
            let b = RecordJSONBuilder(model: m, clean: clean)
            return try printJSON(m.figures.map(b.figure))
        }
        var table = Table([.init(header: "ID"), .init(header: "TOPIC", flexible: true, order: 1, floor: 24), .optional("CLAIMS")])
        for f in m.figures {
            let claims = f.claims.map { claim -> String in
                let source = m.excerptByID[claim.citation].flatMap { m.sourceByID[$0.source] }.map(DetailDocument.shortName)
                return claim.asStated + (source.map { " (\($0))" } ?? "")
            }
            table.add([f.id, f.topic, claims.joined(separator: " / ")])
        }
        table.print(empty: "No figures in this dataset.")
    }
}
