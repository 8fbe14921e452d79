import ArgumentParser
import TanacsModel
import TanacsUI

struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Draw the explorer as text after some keys, without a terminal.",
        discussion: """
            For scripts, documentation and tests. No line is wider than the requested width and no \
            escape sequences are written. KEYS: every character is that key; names in angle brackets \
            are the others: <Enter> <Tab> <S-Tab> <Esc> <Up> <Down> <Left> <Right> <PgUp> <PgDn> \
            <Home> <End> <BS> <Space> <C-x> (Ctrl and a letter) and <lt> for a literal "<"; add *N to \
            repeat: <Down*3>. Example: tanacs render --size 100x30 --keys 'jj<Tab><Enter>'
            """)

    @Option(help: ArgumentHelp("Width and height in columns and rows.", valueName: "WxH"))
    var size = "100x30"

    @Option(help: ArgumentHelp("Open on this record, as tanacs --at does.", valueName: "id"), completion: RecordCompletion.kind(nil))
    var at: String?

    @Option(help: ArgumentHelp("Open on the first event on or after this day.", valueName: "YYYY-MM-DD"))
    var date: Day?

    @Option(help: ArgumentHelp("Keys to press before drawing.", valueName: "keys"))
    var keys = ""

    @Flag(help: "Draw borders and marks in plain ASCII.")
    var ascii = false

    @OptionGroup var sourcesOption: SourcesOption
    @OptionGroup var dataOptions: DataOptions

    var dimensions: (width: Int, height: Int)? {
        let parts = size.lowercased().split(separator: "x").map { Int($0) }
        guard parts.count == 2, let w = parts[0], let h = parts[1], (1...1000).contains(w), (1...1000).contains(h) else { return nil }
        return (w, h)
    }

    func validate() throws {
        if dimensions == nil { throw ValidationError("--size wants WIDTHxHEIGHT, each 1 to 1000, e.g. 100x30") }
        if at != nil && date != nil { throw ValidationError("give --at or --date, not both") }
        _ = try KeySyntax.parse(keys)
    }

    func run() throws {
        let m = try dataOptions.load()
        let (width, height) = dimensions!
        var state = AppState(model: m, width: width, height: height, glyphs: ascii ? .ascii : .unicode)
        state.sourceTexts = try sourcesOption.load(m) ?? [:]
        Reducer.start(&state, at: try at.map { try resolve($0, in: m, option: "--at") }, date: date)
        for key in try KeySyntax.parse(keys) where state.running {
            Reducer.reduce(&state, .key(key))
        }
        Console.write(Screen.render(state).text + "\n")
    }
}
