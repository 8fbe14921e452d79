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

    @Option(help: ArgumentHelp("Write to this file instead of standard output; for CSV without --table, a folder for every table.", valueName: "path"),
            completion: .file())
    var out: String?

    @Flag(help: "CSV: begin each file with a UTF-8 byte order mark, for spreadsheet programs that need one.")
    var bom = false

    @OptionGroup var dataOptions: DataOptions

    func validate() throws {
        if format == .csv && table == nil && out == nil {
            throw ValidationError("CSV has one table per kind of record: choose one with --table, or write them all with --out DIR")
        }
        if format != .csv && table != nil { throw ValidationError("--table only applies to --format csv") }
        if format != .csv && bom { throw ValidationError("--bom only applies to --format csv") }
        if format == .sqlite && out == nil && Console.isTerminal {
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
                data = Data(((bom ? CSVExport.byteOrderMark : "") + CSVExport.render(table, selection, clean: clean)).utf8)
            } else {
                let folder = URL(fileURLWithPath: out!)
                try create(folder)
                for table in CSVExport.Table.allCases {
                    let text = (bom ? CSVExport.byteOrderMark : "") + CSVExport.render(table, selection, clean: clean)
                    try save(Data(text.utf8), to: folder.appendingPathComponent("\(table.rawValue).csv"))
                }
                printError("tanacs: wrote \(CSVExport.Table.allCases.count) tables to \(folder.path)")
                return
            }
        }
        if let out { try save(data, to: URL(fileURLWithPath: out)) } else { Console.write(data) }
    }

    private func create(_ folder: URL) throws {
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            printError("tanacs: cannot create \(folder.path): \(plainWords(error))")
            throw ExitCode.cannotCreate
        }
    }

    private func save(_ data: Data, to file: URL) throws {
        do {
            try data.write(to: file, options: .atomic)
        } catch {
            printError("tanacs: cannot write \(file.path): \(plainWords(error))")
            throw ExitCode.cannotCreate
        }
    }
}
