import Foundation
import XCTest
import TanacsModel
@testable import TanacsUI

/// Every size from 1×1 to 400×120, and hostile text from the data: frames always fill the size
/// exactly, and no cell holds a control character, an escape or a bidi override.
final class RobustnessTests: XCTestCase {
    static let hostile: Model = try! DataLoader.load(from: Fixture.repo.appendingPathComponent("Tests/Fixtures/hostile"))
    static let hostileIndex = SearchIndex(model: hostile)
    static let sampleIndex = SearchIndex(model: Fixture.model)

    /// Screens worth sweeping: the first frame, an event's detail, a town, help, the map, the reader, search.
    static let keyRuns: [[Key]] = [
        [],
        [.char("j"), .char("j"), .enter],
        [.char("t"), .enter],
        [.char("?")],
        [.char("2")],
        [.char("j"), .char("j"), .enter, .char("j"), .enter],
        [.char("/"), .char("b"), .char("u")],
    ]

    private func assertSane(_ canvas: Canvas, _ what: @autoclosure () -> String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(canvas.lines.count, canvas.height, what(), file: file, line: line)
        for (y, text) in canvas.lines.enumerated() where TextWidth.of(text) != canvas.width {
            XCTFail("\(what()): row \(y) is \(TextWidth.of(text)) columns wide, not \(canvas.width): \(text)", file: file, line: line)
            return
        }
        for cell in canvas.cells where !cell.isContinuation {
            let scalars = cell.grapheme.unicodeScalars
            if scalars.count > 1 + Sanitizer.maxCombiningMarks {
                XCTFail("\(what()): a cell holds \(scalars.count) characters", file: file, line: line)
                return
            }
            if let bad = scalars.first(where: { Self.isUnsafe($0) }) {
                XCTFail("\(what()): U+\(String(bad.value, radix: 16)) reached a cell", file: file, line: line)
                return
            }
        }
    }

    static func isUnsafe(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x200B...0x200F, 0x202A...0x202E, 0x2060...0x206F, 0xFEFF: return true
        default: return false
        }
    }

    private func states(_ model: Model, keys: [Key], width: Int, height: Int) -> AppState {
        let index = model.events.first?.title == Fixture.model.events.first?.title ? Self.sampleIndex : Self.hostileIndex
        var state = AppState(model: model, width: width, height: height, searchIndex: index)
        for key in keys { Reducer.reduce(&state, .key(key)) }
        return state
    }

    /// Every width from 1 to 400 and every height from 1 to 120 (each swept with the other small, to
    /// keep the test quick), then a grid across the whole range for every screen.
    func testEveryWidthAndEveryHeight() {
        var sweep: [(Int, Int)] = []
        for w in 1...400 { sweep += [(w, 1), (w, 12)] }
        for h in 1...120 { sweep += [(1, h), (45, h)] }
        var grid: [(Int, Int)] = []
        for w in Array(stride(from: 1, through: 400, by: 37)) + [80, 120, 400] {
            for h in Array(stride(from: 1, through: 120, by: 17)) + [24, 40, 120] { grid.append((w, h)) }
        }
        for (n, keys) in Self.keyRuns.enumerated() {
            // One state per screen, resized through every size, as when a window is dragged.
            var state = states(Fixture.model, keys: keys, width: 120, height: 40)
            for (w, h) in (n < 2 ? sweep : []) + grid {
                Reducer.reduce(&state, .resize(width: w, height: h))
                let canvas = Screen.render(state)
                XCTAssertEqual(canvas.width, w)
                XCTAssertEqual(canvas.height, h)
                assertSane(canvas, "\(w)x\(h) after \(keys)")
            }
        }
    }

    func testHostileTextNeverReachesACell() {
        for keys in Self.keyRuns + [
            [.char("p"), .enter], [.char("c"), .enter], [.char("F"), .enter], [.char("e")],
            [.char("/"), .char("p"), .char("w"), .char("n")], [.char("f")],
            [.char("j"), .char("j"), .enter, .char("3"), .pageDown, .pageDown, .end],
        ] {
            var state = states(Self.hostile, keys: keys, width: 120, height: 40)
            for (w, h) in [(1, 1), (20, 5), (40, 10), (60, 20), (80, 24), (120, 40), (400, 120)] {
                Reducer.reduce(&state, .resize(width: w, height: h))
                assertSane(Screen.render(state), "hostile \(w)x\(h) after \(keys)")
            }
        }
    }

    func testSanitizerRemovesEverySequenceAndCapsCombiningMarks() {
        let cases: [(String, String)] = [
            ("a\u{1B}[2J\u{1B}[1337;4242Hb", "ab"),
            ("a\u{1B}]0;PWNED\u{07}b", "ab"),
            ("a\u{1B}]52;c;eA==\u{1B}\\b", "ab"),
            ("a\u{1B}P+q544e\u{1B}\\b", "ab"),
            ("a\u{9B}31;4242mb", "ab"),
            ("a\u{9D}0;PWNED\u{9C}b", "ab"),
            ("a\u{85}\u{07}\u{08}\u{00}\u{7F}b", "ab"),
            ("\u{202E}evil\u{202C} \u{2066}x\u{2069}", "evil x"),
            ("zero\u{200B}width\u{200D}\u{FEFF}", "zerowidth"),
            ("one\ntwo\tthree\r", "one two three "),
            ("a\u{1B}", "a"),
            // One control alone in otherwise printable ASCII: the fast path must not let it through.
            ("a\u{7F}b", "ab"), ("a\u{1F}b", "ab"), ("a\u{0}b", "ab"), ("a\tb", "a b"), ("\u{7F}", ""),
            ("a\u{1B}[", "a"),
            ("a\u{1B}]unterminated", "a"),
        ]
        for (input, expected) in cases { XCTAssertEqual(Sanitizer.clean(input), expected, input.debugDescription) }
        let zalgo = Sanitizer.clean("Z" + String(repeating: "\u{301}\u{308}\u{327}", count: 30) + "x")
        // Z, four marks (ncurses keeps five characters a cell), x: a fixed number, not the constant under test.
        XCTAssertEqual(Array(zalgo.unicodeScalars), Array(("Z\u{301}\u{308}\u{327}\u{301}x").unicodeScalars))
        XCTAssertEqual(Sanitizer.clean("Győr Rákosi é\u{301}"), "Győr Rákosi é\u{301}", "ordinary accents stay")
    }

    func testVeryLongWordsWrapAndTruncate() {
        let word = String(repeating: "Munkástanácsok", count: 300)
        let lines = Text.wrap("before " + word + " after", width: 37)
        XCTAssertTrue(lines.allSatisfy { TextWidth.of($0) <= 37 })
        XCTAssertEqual(lines.joined().replacingOccurrences(of: " ", with: "").count, ("before" + word + "after").count)
        XCTAssertEqual(TextWidth.of(Text.truncate(word, to: 10)), 10)
    }
}
