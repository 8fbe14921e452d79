import ArgumentParser
import Foundation
import TanacsModel

/// The `--data` option every command shares, and loading with errors printed one per line.
struct DataOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Dataset folder (default: $TANACS_DATA, then the bundled data/).", valueName: "dir"))
    var data: String?

    func load() throws -> Model {
        guard let folder = DataLocation.resolve(option: data) else {
            printError("tanacs: cannot find the dataset: pass --data DIR or set TANACS_DATA")
            throw ExitCode.badData
        }
        do {
            let loaded = try DataLoader.loadReportingWarnings(from: folder)
            for warning in loaded.warnings { printError("tanacs: warning: " + located(warning, in: folder)) }
            return loaded.model
        } catch let errors as LoadErrors {
            for error in errors.errors { printError("tanacs: " + located(error, in: folder)) }
            throw ExitCode.badData
        } catch let shortage as NotEnoughMemory {
            printError("tanacs: \(shortage)")
            throw ExitCode.outOfMemory
        }
    }
}

/// A problem as one clean line, its file named with the dataset folder in front (unless it already is
/// a path, like "no such folder"). Record ids and field names come from the data, so escape sequences
/// and control characters are stripped before anything reaches the terminal.
func located(_ problem: LoadError, in folder: URL) -> String {
    let text = problem.file.hasPrefix("/") ? "\(problem)"
        : folder.appendingPathComponent(problem.file).path + "\(problem)".dropFirst(problem.file.count)
    // Anything left that could reach the terminal raw (a control character in a path) is made visible.
    return VisibleText.message(text, keepLineBreaks: false)
}

func printError(_ line: String) {
    Console.writeAll(Data((line + "\n").utf8), to: STDERR_FILENO)
}
