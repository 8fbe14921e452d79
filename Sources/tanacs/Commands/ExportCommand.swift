import ArgumentParser
import Foundation
import TanacsModel

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the data for other tools: JSON, CSV, GeoJSON, TimelineJS, a Markdown handout or SQLite.",
        discussion: """
            json: every record with citations expanded (jq, Python, R). \
            csv: one table per kind of record (spreadsheets): --table KIND for one, or --out DIR for all. \
            geojson: places as Point features, [lon, lat] (QGIS, geojson.io, Leaflet). \
            timelinejs: TimelineJS 3 JSON (the TimelineJS viewer). \
            markdown: a handout with footnoted quotations (pandoc, GitHub). \
            sqlite: one database, every table with foreign keys and an FTS5 index "search" (sqlite3, Datasette). \
            The event filters narrow every format to those events and what they involve. \
            Example: tanacs export --format geojson > places.geojson
            """)

    @Option(help: ArgumentHelp("The format to write.", valueName: "format"))
    var format: ExportFormat

    @OptionGroup var filters: EventFilterOptions

    @Option(help: ArgumentHelp("CSV: the one table to write.", valueName: "table"))
    var table: CSVExport.Table?

    @Option(help: ArgumentHelp("Write to this file instead of standard output, as the shell's > would (- is standard output). Ending in /, or for CSV without --table, a folder (created when missing).", valueName: "path"),
            completion: .file())
    var out: String?

    @Flag(help: "With --out: write a temporary file beside the target and rename it over, so a failed export leaves the old file whole (mode and owner kept; other hard links keep the old content).")
    var atomic = false

    @Flag(help: "CSV: leave cells that start with = + - @ as they are. By default such a cell (other than a plain number) gets a leading ' so a spreadsheet shows it as text instead of running it as a formula.")
    var keepFormulas = false

    @Flag(help: "CSV: begin each file with a UTF-8 byte order mark, for spreadsheet programs that need one.")
    var bom = false

    @OptionGroup var dataOptions: DataOptions

    func validate() throws {
        if format == .csv && table == nil && (out == nil || out == "-") {
            throw ValidationError("CSV has one table per kind of record: choose one with --table, or write them all with --out DIR")
        }
        if format != .csv && table != nil { throw ValidationError("--table only applies to --format csv") }
        if format != .csv && keepFormulas { throw ValidationError("--keep-formulas only applies to --format csv") }
        if atomic && (out == nil || out == "-") { throw ValidationError("--atomic needs --out FILE") }
        if format != .csv && bom { throw ValidationError("--bom only applies to --format csv") }
        if format == .sqlite && (out == nil || out == "-") && Console.isTerminal {
            throw ValidationError("a SQLite database is binary: write it with --out FILE (or redirect standard output)")
        }
    }

    func run() throws {
        let m = try dataOptions.load()
        let selection = ExportSelection(model: m, filter: try filters.filter(m))
        let data: Data
        switch format {
        case .json: data = try JSONExport.render(selection, clean: clean)
        case .geojson: data = try GeoJSONExport.render(selection, clean: clean)
        case .timelinejs: data = try TimelineJSExport.render(selection, clean: clean)
        case .markdown: data = Data(MarkdownExport.render(selection, clean: clean).utf8)
        case .sqlite:
            do {
                data = try SQLiteExport.render(selection, clean: clean)
            } catch {
                printError("tanacs: \(error)")
                throw ExitCode.cannotCreate
            }
        case .csv:
            if let table {
                data = Data(((bom ? CSVExport.byteOrderMark : "") + CSVExport.render(table, selection, clean: clean, guardFormulas: !keepFormulas)).utf8)
            } else {
                let folder = try writable(folder: out!)
                for table in CSVExport.Table.allCases {
                    let text = (bom ? CSVExport.byteOrderMark : "") + CSVExport.render(table, selection, clean: clean, guardFormulas: !keepFormulas)
                    try save(Data(text.utf8), to: folder.appendingPathComponent("\(table.rawValue).csv").path)
                }
                printError("tanacs: wrote \(CSVExport.Table.allCases.count) tables to \(VisibleText.text(folder.path))")
                return
            }
        }
        try emit(data)
    }

    /// Every export's bytes leave through here: standard output, or `--out` written as `>` would.
    /// A path ending in / is a folder (created when missing) holding a file named after the format.
    func emit(_ data: Data) throws {
        guard let out, out != "-" else { Console.write(data); return }
        if out.hasSuffix("/") {
            let folder = try writable(folder: out)
            try save(data, to: folder.appendingPathComponent(defaultFileName).path)
        } else {
            try save(data, to: out)
        }
    }

    /// The file an export gets in a folder given as `--out DIR/`.
    var defaultFileName: String {
        if format == .csv, let table { return "\(table.rawValue).csv" }
        let names = ["json": "tanacs.json", "geojson": "places.geojson", "timelinejs": "timeline.json", "markdown": "handout.md"]
        return names[format.rawValue] ?? "tanacs.\(format.rawValue)"
    }

    private func writable(folder path: String) throws -> URL {
        do {
            return try OutputFile.folder(path)
        } catch let failure as OutputFile.Failure {
            printError("tanacs: \(failure)")
            throw ExitCode.cannotCreate
        }
    }

    private func save(_ data: Data, to path: String) throws {
        do {
            try OutputFile.write(data, to: path, atomic: atomic)
        } catch let failure as OutputFile.Failure {
            printError("tanacs: \(failure)")
            throw ExitCode.cannotCreate
        }
    }
}
