import ArgumentParser
import Foundation
import TanacsModel
import TanacsTerminal
import TanacsUI

@main
struct Tanacs: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tanacs",
        abstract: "Explore the Hungarian Revolution of 1956: timeline, towns, councils and the sources behind them.",
        discussion: "Without a command, opens the explorer. Exit status: 0 ok, 64 usage, 65 bad data, 69 terminal unusable.",
        subcommands: [Explore.self],
        defaultSubcommand: Explore.self
    )
}

struct Explore: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Open the keyboard-driven explorer (the default).")

    @OptionGroup var dataOptions: DataOptions

    @Flag(name: .long, help: "Ignore the mouse.")
    var noMouse = false

    @Flag(name: .long, help: "Draw borders and marks in plain ASCII.")
    var ascii = false

    func run() throws {
        let model = try dataOptions.load()
        let terminal: Terminal
        do {
            let environment = ProcessInfo.processInfo.environment
            terminal = try Terminal(mouse: !noMouse, color: environment["NO_COLOR"].map(\.isEmpty) ?? true)
        } catch let error as TerminalError {
            printError("tanacs: \(error)")
            throw ExitCode.unavailable
        }
        defer { terminal.shutdown() }
        let (width, height) = terminal.size
        var state = AppState(model: model, width: width, height: height,
                             glyphs: ascii || !terminal.isUTF8 ? .ascii : .unicode)
        terminal.paint(Screen.render(state))
        while state.running {
            guard let msg = terminal.nextMessage() else { continue }
            Reducer.reduce(&state, msg)
            if state.running { terminal.paint(Screen.render(state)) }
        }
    }
}
