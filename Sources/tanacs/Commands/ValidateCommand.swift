import ArgumentParser
import Foundation
import TanacsModel

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check a dataset: JSON syntax, fields, ids, references and citations.",
        discussion: """
            Prints one line per problem, naming the file (with line and column for a JSON syntax error), \
            the record id and the field, and exits 65; or prints the number of records of each kind and \
            exits 0. Example: tanacs validate --data ./data
            """)

    @OptionGroup var output: JSONOption
    @OptionGroup var dataOptions: DataOptions

    struct Report: Encodable {
        struct Problem: Encodable {
            let file: String
            let record: String?
            let field: String?
            let line: Int?
            let column: Int?
            let message: String
        }
        let data: String
        let ok: Bool
        let counts: [String: Int]
        let problems: [Problem]
    }

    func run() throws {
        guard let folder = DataLocation.resolve(option: dataOptions.data) else {
            printError("tanacs: cannot find the dataset: pass --data DIR or set TANACS_DATA")
            throw ExitCode.badData
        }
        let problems: [LoadError]
        var counts: [String: Int] = [:]
        do {
            let m = try DataLoader.load(from: folder)
            problems = []
            counts = ["sources": m.sources.count, "excerpts": m.excerpts.count, "places": m.places.count,
                      "councils": m.councils.count, "events": m.events.count, "people": m.people.count,
                      "figures": m.figures.count]
        } catch let errors as LoadErrors {
            problems = errors.errors
        }
        if output.json {
            try printJSON(Report(data: folder.path, ok: problems.isEmpty, counts: counts, problems: problems.map {
                Report.Problem(file: clean($0.file), record: $0.record.map(clean), field: $0.field.map(clean),
                               line: $0.line, column: $0.column, message: clean($0.message))
            }))
        } else if problems.isEmpty {
            let order = ["events", "places", "councils", "people", "figures", "excerpts", "sources"]
            Console.write("ok: \(clean(folder.path)): " + order.map { "\(counts[$0] ?? 0) \($0)" }.joined(separator: ", ") + "\n")
        } else {
            // A relative file name gets the folder in front; "no such folder" already names it.
            let lines = problems.map { p in clean(p.file.hasPrefix("/") ? "\(p)" : folder.appendingPathComponent(p.file).path + "\(p)".dropFirst(p.file.count)) }
            Console.write(lines.joined(separator: "\n") + "\n")
            printError("tanacs: \(problems.count) problem\(problems.count == 1 ? "" : "s") in \(clean(folder.path))")
        }
        if !problems.isEmpty { throw ExitCode.badData }
    }
}
