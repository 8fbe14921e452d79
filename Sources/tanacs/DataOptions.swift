import ArgumentParser
import Foundation
import TanacsModel

/// The `--data` option every command shares, and loading with errors printed one per line.
struct DataOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Dataset folder (default: $TANACS_DATA, then a data/ folder beside the executable, then the data built into it).", valueName: "dir"),
            completion: .directory)
    var data: String?

    var source: DataSource { DataLocation.resolve(option: data) }

    /// The loaded model, held to the end of the process: globals are not freed at exit, and freeing a
    /// large dataset record by record when a command returns costs more than drawing it.
    nonisolated(unsafe) static var kept: Model?

    func load() throws -> Model {
        let source = self.source
        do {
            let loaded = try source.load()
            for warning in loaded.warnings { printError("tanacs: warning: " + located(warning, in: source)) }
            DataOptions.kept = loaded.model
            return loaded.model
        } catch let errors as LoadErrors {
            for error in errors.errors { printError("tanacs: " + located(error, in: source)) }
            throw errors.datasetMissing ? ExitCode.noInput : ExitCode.badData
        } catch let shortage as NotEnoughMemory {
            printError("tanacs: \(shortage)")
            throw ExitCode.outOfMemory
        }
    }
}

extension DataSource {
    func load() throws -> LoadedData {
        switch self {
        case .folder(let url): return try DataLoader.loadReportingWarnings(from: url)
        case .bundled: return try DataLoader.load(reading: { BundledData.files[$0] })
        }
    }
}

/// A problem as one clean line, its file named with the dataset folder in front (unless it already is
/// a path, like "no such folder"). Record ids and field names come from the data, so escape sequences
/// and control characters are stripped before anything reaches the terminal.
func located(_ problem: LoadError, in source: DataSource) -> String {
    let prefix: String
    switch source {
    case .folder(let folder): prefix = folder.path + "/"
    case .bundled: prefix = BundledData.displayName + " "
    }
    let text = problem.file.hasPrefix("/") ? "\(problem)" : prefix + "\(problem)"
    // Anything left that could reach the terminal raw (a control character in a path) is made visible.
    return VisibleText.message(text, keepLineBreaks: false)
}

func printError(_ line: String) {
    Console.writeAll(Data((line + "\n").utf8), to: STDERR_FILENO)
}
