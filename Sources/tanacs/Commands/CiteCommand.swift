import ArgumentParser
import TanacsModel

extension CitationStyle: ExpressibleByArgument {}

struct CiteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cite",
        abstract: "Print a citation of the sources behind a quotation or a record.",
        discussion: """
            ID is an excerpt (excerpt:haynes-p12-1) or any record: a record is cited by every source it \
            quotes, with the paragraphs (or, for the PDF-derived account, pages and lines). CSL-JSON and \
            BibTeX import into Zotero. Example: tanacs cite excerpt:haynes-p12-1 --style bibtex
            """)

    @Argument(help: ArgumentHelp("The excerpt or record to cite.", valueName: "id"))
    var record: String

    @Option(help: ArgumentHelp("chicago, mla, apa, bibtex or csl-json.", valueName: "style"))
    var style: CitationStyle = .chicago

    @OptionGroup var dataOptions: DataOptions

    func run() throws {
        let m = try dataOptions.load()
        let id = m.excerptByID[record] != nil ? record : try resolve(record, in: m, option: "cite")
        let whole = m.sourceByID[id].map { Citation.format($0, style: style) }
        guard let text = whole ?? Citation.format(id, style: style, in: m) else { throw usageError("\(clean(id)) cites no source") }
        // Line by line: the cleaner would fold the line breaks of BibTeX and JSON into spaces.
        Console.write(text.split(separator: "\n", omittingEmptySubsequences: false).map { clean(String($0)) }.joined(separator: "\n") + "\n")
    }
}
