import ArgumentParser
#if canImport(Glibc)
import Glibc
#endif

@main
struct Tanacs: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tanacs",
        abstract: "Explore the Hungarian Revolution of 1956: timeline, towns, councils and the sources behind them.",
        discussion: """
            Without a command, opens the explorer (tanacs --at ID, tanacs --date YYYY-MM-DD). The other \
            commands print tables (or JSON with --json) for scripts, citation and teaching. \
            Exit status: 0 ok, 64 usage, 65 bad data, 69 terminal unusable, 73 cannot write an export.
            """,
        subcommands: [Explore.self, EventsCommand.self, PlacesCommand.self, CouncilsCommand.self, PeopleCommand.self,
                      FiguresCommand.self, ShowCommand.self, SearchCommand.self, ExportCommand.self,
                      ValidateCommand.self, RenderCommand.self, PassagesCommand.self, CiteCommand.self],
        defaultSubcommand: Explore.self
    )

    static func main() {
        // A closed pipe ends the process quietly (`tanacs events | head -1`), even when the parent
        // process ignored SIGPIPE and its children inherited that.
        signal(SIGPIPE, SIG_DFL)
        main(nil)
    }
}
