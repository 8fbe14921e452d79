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
            exits 0. Fields no record kind has are reported as warnings on standard error and do not \
            change the exit status. Example: tanacs validate --data ./data
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
        let warnings: [Problem]
    }

    func run() throws {
        let source = dataOptions.source
        let problems: [LoadError]
        var warnings: [LoadError] = []
        var counts: [String: Int] = [:]
        var missing = false
        do {
            let loaded = try source.load()
            let m = loaded.model
            warnings = loaded.warnings
            problems = []
            counts = ["sources": m.sources.count, "excerpts": m.excerpts.count, "places": m.places.count,
                      "councils": m.councils.count, "events": m.events.count, "people": m.people.count,
                      "figures": m.figures.count]
        } catch let errors as LoadErrors {
            problems = errors.errors
            missing = errors.datasetMissing
        } catch let shortage as NotEnoughMemory {
            printError("tanacs: \(shortage)")
            throw ExitCode.outOfMemory
        }
        let asJSON = { (p: LoadError) in
            // Ids and fields escaped as in the text report, so what is wrong with them shows.
            Report.Problem(file: clean(p.file), record: p.record.map(VisibleText.id), field: p.field.map(VisibleText.id),
                           line: p.line, column: p.column, message: clean(p.message))
        }
        for warning in warnings { printError("tanacs: warning: " + located(warning, in: source)) }
        if output.json {
            try printJSON(Report(data: clean(source.displayName), ok: problems.isEmpty, counts: counts,
                                 problems: problems.map(asJSON), warnings: warnings.map(asJSON)))
        } else if problems.isEmpty {
            let order = ["events", "places", "councils", "people", "figures", "excerpts", "sources"]
            Console.write("ok: \(clean(source.displayName)): " + order.map { "\(counts[$0] ?? 0) \($0)" }.joined(separator: ", ") + "\n")
        } else {
            // A relative file name gets the folder in front; "no such folder" already names it.
            let lines = problems.map { located($0, in: source) }
            Console.write(lines.joined(separator: "\n") + "\n")
            printError("tanacs: \(problems.count) problem\(problems.count == 1 ? "" : "s") in \(clean(source.displayName))")
        }
        if !problems.isEmpty { throw missing ? ExitCode.noInput : ExitCode.badData }
    }
}
