import ArgumentParser
import Foundation
import TanacsModel
import TanacsTerminal
import TanacsUI

struct Explore: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Open the keyboard-driven explorer (the default).",
        discussion: "Examples: tanacs; tanacs --at place:csepel; tanacs --date 1956-11-04")

    @OptionGroup var dataOptions: DataOptions
    @OptionGroup var sourcesOption: SourcesOption

    @Option(help: ArgumentHelp("Open on this record: an id (council:…), csepel, or a name.", valueName: "id"),
            completion: RecordCompletion.kind(nil))
    var at: String?

    @Option(help: ArgumentHelp("Open on this day: its first event, or the vague event that covers it.", valueName: "YYYY-MM-DD"))
    var date: Day?

    @Flag(name: .long, help: "Ignore the mouse.")
    var noMouse = false

    @Flag(name: .long, help: "Draw borders and marks in plain ASCII.")
    var ascii = false

    func validate() throws {
        if at != nil && date != nil { throw ValidationError("give --at or --date, not both") }
    }

    func run() throws {
        let model = try dataOptions.load()
        // Resolve the deep link before touching the terminal, so a bad id is a plain usage error.
        let target = try at.map { try resolve($0, in: model, option: "--at") }
        let sourceTexts = try sourcesOption.load(model) ?? [:]
        let terminal: Terminal
        let environment = ProcessInfo.processInfo.environment
        do {
            terminal = try Terminal(mouse: !noMouse, color: environment["NO_COLOR"].map(\.isEmpty) ?? true)
        } catch let error as TerminalError {
            printError("tanacs: \(error)")
            throw ExitCode.unavailable
        }
        defer { terminal.shutdown() }
        let (width, height) = terminal.size
        var state = AppState(model: model, width: width, height: height,
                             glyphs: ascii || !terminal.isUTF8 ? .ascii : .unicode)
        state.sourceTexts = sourceTexts
        Reducer.start(&state, at: target, date: date)
        terminal.paint(Screen.render(state))
        state.prepareSearch()
        if environment["TANACS_CRASH_TEST"] == "1" {
            // For the tests: a crash after the first frame must still give the terminal back.
            fatalError("TANACS_CRASH_TEST: crashing on purpose after the first frame")
        }
        while state.running {
            // Only while playing does input time out (into a tick); otherwise the loop sleeps in the read.
            // The end of input (a closed pty, a killed pane) ends the explorer like `q`.
            guard let msg = terminal.nextMessage(tickAfter: state.playing ? Reducer.playInterval : nil) else { break }
            Reducer.reduce(&state, msg)
            let effects = state.effects
            state.effects = []
            for effect in effects {
                switch effect {
                case .redrawAll: terminal.invalidate()
                case .copy(let text): terminal.copyToClipboard(text)
                }
            }
            if state.running { terminal.paint(Screen.render(state)) }
        }
    }
}
