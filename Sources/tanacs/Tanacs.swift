import ArgumentParser
import Foundation
import TanacsModel
import TanacsTerminal
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
            Exit status: 0 ok, 64 usage, 65 bad data, 69 terminal unusable, 71 out of memory, \
            73 cannot write an export, 74 cannot write standard output.
            """,
        subcommands: [Explore.self, EventsCommand.self, PlacesCommand.self, CouncilsCommand.self, PeopleCommand.self,
                      FiguresCommand.self, ShowCommand.self, SearchCommand.self, ExportCommand.self,
                      ValidateCommand.self, RenderCommand.self, PassagesCommand.self, CiteCommand.self],
        defaultSubcommand: Explore.self
    )

    static func main() {
        // A parent's blocked signals are inherited across exec; unblock them so SIGHUP, SIGTERM and
        // the rest reach the explorer's handlers (and their default actions reach the commands).
        var none = sigset_t()
        sigemptyset(&none)
        sigprocmask(SIG_SETMASK, &none, nil)
        // A closed pipe ends the process quietly (`tanacs events | head -1`), even when the parent
        // process ignored SIGPIPE and its children inherited that.
        signal(SIGPIPE, SIG_DFL)
        if ProcessInfo.processInfo.environment["TANACS_BACKTRACE"] != "1" { CrashReport.installOneLineReport() }
        do {
            var command = try parseAsRoot(nil)
            try command.run()
        } catch {
            exitEscaped(error)
        }
    }

    /// The argument parser's own report (usage errors, help, completions), with any control
    /// character it would echo from an argument written visibly (`\u{1B}`) instead of sent raw.
    static func exitEscaped(_ error: Error) -> Never {
        let code = exitCode(for: error)
        let message = VisibleText.message(fullMessage(for: error))
        if !message.isEmpty {
            let text = message.hasSuffix("\n") ? message : message + "\n"
            Console.writeAll(Data(text.utf8), to: code == .success ? STDOUT_FILENO : STDERR_FILENO)
        }
        Foundation.exit(code.rawValue)
    }
}
