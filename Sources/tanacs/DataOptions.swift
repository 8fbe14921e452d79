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
            return try DataLoader.load(from: folder)
        } catch let errors as LoadErrors {
            for error in errors.errors { printError("tanacs: \(folder.path)/\(error)") }
            throw ExitCode.badData
        }
    }
}

func printError(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}
