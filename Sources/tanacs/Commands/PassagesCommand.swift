import ArgumentParser
import Foundation
import TanacsModel

/// Makes data/passages.json: each excerpt with the sentences around it, from the source articles.
struct PassagesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "passages",
        abstract: "Print each excerpt's passage (a sentence before and after it) from the source articles, as JSON.",
        discussion: """
            The explorer's reader shows these around a quotation. data/make-passages.sh runs \
            tanacs passages --sources ../shared/seeds > data/passages.json; a test fails when the \
            committed file no longer matches the excerpts.
            """)

    @OptionGroup var sourcesOption: SourcesOption
    @OptionGroup var dataOptions: DataOptions

    func run() throws {
        let m = try dataOptions.load()
        guard let texts = try sourcesOption.load(m) else {
            throw usageError("passages needs the source articles: pass --sources DIR or set TANACS_SOURCES")
        }
        let (passages, missing) = Passages.build(excerpts: m.excerpts, texts: texts)
        for id in missing { printError("tanacs: warning: \(clean(id)): not found verbatim in its source's paragraph; no passage") }
        Console.write(try Passages.encode(passages))
    }
}

/// `--sources DIR` (or `TANACS_SOURCES`): the folder holding the five source articles by file name.
struct SourcesOption: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Folder of the source articles, for the whole article in the reader (default: $TANACS_SOURCES).", valueName: "dir"))
    var sources: String?

    /// The articles' texts by source id, or nil when no folder was given.
    func load(_ m: Model) throws -> [String: SourceText]? {
        let env = ProcessInfo.processInfo.environment["TANACS_SOURCES"].flatMap { $0.isEmpty ? nil : $0 }
        guard let path = sources ?? env else { return nil }
        do {
            return try SourceText.load(from: URL(fileURLWithPath: path), sources: m.sources)
        } catch let error as LoadError {
            throw usageError("\(sources != nil ? "--sources" : "TANACS_SOURCES"): \(clean(error.description))")
        }
    }
}
