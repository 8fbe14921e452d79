import ArgumentParser
import Foundation
import TanacsModel
import TanacsTerminal
#if canImport(Glibc)
import Glibc
#endif

@main
struct Tanacs: ParsableCommand {
    static let version = "1.0.0"

    static let configuration = CommandConfiguration(
        commandName: "tanacs",
        abstract: "Explore the Hungarian Revolution of 1956: timeline, towns, councils and the sources behind them.",
        discussion: """
            Without a command, opens the explorer (tanacs --at ID, tanacs --date YYYY-MM-DD). The other \
            commands print tables (or JSON with --json) for scripts, citation and teaching. \
            Exit status: 0 ok, 64 usage, 65 bad data, 66 no dataset, 69 terminal unusable, 71 out of memory, \
            73 cannot write an export, 74 cannot write standard output.
            """,
        version: version,
        subcommands: [Explore.self, EventsCommand.self, PlacesCommand.self, CouncilsCommand.self, PeopleCommand.self,
                      FiguresCommand.self, ShowCommand.self, SearchCommand.self, ExportCommand.self,
                      ValidateCommand.self, RenderCommand.self, PassagesCommand.self, CiteCommand.self,
                      ManualCommand.self],
        defaultSubcommand: Explore.self
    )

    static func main() {
        MemoryTuning.apply()
        // A parent's blocked signals are inherited across exec; unblock them so SIGHUP, SIGTERM and
        // the rest reach the explorer's handlers (and their default actions reach the commands).
        var none = sigset_t()
        sigemptyset(&none)
        sigprocmask(SIG_SETMASK, &none, nil)
        // A closed pipe ends the process quietly (`tanacs events | head -1`), even when the parent
        // process ignored SIGPIPE and its children inherited that.
        signal(SIGPIPE, SIG_DFL)
        if ProcessInfo.processInfo.environment["TANACS_BACKTRACE"] != "1" { CrashReport.installOneLineReport() }
        let arguments = Array(CommandLine.arguments.dropFirst())
        if let word = arguments.first, let message = unknownCommand(word) {
            printError("tanacs: " + message)
            Foundation.exit(ExitCode.usage.rawValue)
        }
        if let shell = completionShell(arguments), let script = CompletionScript.script(for: shell) {
            Console.write(script.hasSuffix("\n") ? script : script + "\n")
            return
        }
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
        } catch {
            exitEscaped(error)
        }
    }

    /// The shell named by `--generate-completion-script SHELL` (or `=SHELL`), when that is the whole command line.
    static func completionShell(_ arguments: [String]) -> String? {
        let flag = "--generate-completion-script"
        if arguments.count == 2, arguments[0] == flag { return arguments[1] }
        if arguments.count == 1, arguments[0].hasPrefix(flag + "=") { return String(arguments[0].dropFirst(flag.count + 1)) }
        return nil
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

    /// The names a first word may be: the commands, and what the argument parser answers itself.
    static var commandNames: [String] {
        configuration.subcommands.map { $0._commandName } + ["help"]
    }

    /// A first word that is no command (the explorer takes only options) gets the nearest commands
    /// instead of the explorer's "unexpected argument".
    static func unknownCommand(_ word: String) -> String? {
        guard !word.hasPrefix("-"), !commandNames.contains(word) else { return nil }
        let typed = Array(word.lowercased().utf8.prefix(64))
        let near = commandNames.compactMap { name -> (Int, String)? in
            let limit = max(2, name.count / 3)
            if name.hasPrefix(word.lowercased()) && !word.isEmpty { return (0, name) }
            return SearchText.editDistance(typed, Array(name.utf8), limit: limit).map { ($0, name) }
        }.sorted { $0 < $1 }.prefix(3).map(\.1)
        let shown = VisibleText.text(word)
        if near.isEmpty { return "no command \"\(shown)\" (see tanacs --help)" }
        return "no command \"\(shown)\"; did you mean " + near.map { "tanacs \($0)" }.joined(separator: " or ") + "?"
    }
}
