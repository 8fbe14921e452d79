import XCTest
@testable import TanacsUI

final class CanvasTests: XCTestCase {
    func testColumnWidths() {
        for narrow in ["ő", "Ő", "á", "–", "⣿", "─", "“", "a", "e\u{301}"] {
            XCTAssertEqual(TextWidth.of(Character(narrow)), 1, narrow)
        }
        XCTAssertEqual(TextWidth.of(Character("漢")), 2)
        XCTAssertEqual(TextWidth.of(Character("😀")), 2)
        XCTAssertEqual(TextWidth.of(Character("\u{200B}")), 0, "zero-width space")
        XCTAssertEqual(TextWidth.of("Győr – Sztálinváros"), 19)
    }

    func testWritesAccentsBrailleAndWideCharacters() {
        var c = Canvas(width: 10, height: 2)
        let end = c.write("Győr ⣿漢x", x: 0, y: 0)
        XCTAssertEqual(end, 9)
        XCTAssertEqual(c.lines[0], "Győr ⣿漢x ")
        XCTAssertTrue(c[7, 0].isContinuation)
        XCTAssertEqual(c.lines.map(TextWidth.of), [10, 10])
    }

    func testClipsAtEdgesAndLimits() {
        var c = Canvas(width: 6, height: 2)
        c.write("abcdefgh", x: 2, y: 0)
        XCTAssertEqual(c.lines[0], "  abcd")
        c.write("xyz", x: -2, y: 1)
        XCTAssertEqual(c.lines[1], "z     ")
        // Over a row already full of letters, so the blank left at the limit is the write's own.
        c.write("xxxxxx", x: 0, y: 1)
        XCTAssertEqual(c.write("漢漢漢", x: 0, y: 1, limit: 5), 5)
        XCTAssertEqual(c.lines[1], "漢漢 x", "a wide character that would straddle the limit becomes a space; past the limit stays")
        XCTAssertFalse(c[4, 1].isContinuation)
        // Rows outside the canvas change nothing.
        let before = c.lines
        XCTAssertEqual(c.write("nothing", x: 0, y: 5), 0)
        XCTAssertEqual(c.write("nothing", x: 0, y: -1), 0)
        XCTAssertEqual(c.lines, before)
    }

    func testOverwritingHalfAWideCharacterRepairsIt() {
        var c = Canvas(width: 4, height: 1)
        c.write("漢漢", x: 0, y: 0)
        c.write("a", x: 1, y: 0)
        XCTAssertEqual(c.lines[0], " a漢")
        XCTAssertFalse(c[1, 0].isContinuation)
    }

    func testSanitizersMarkTableAgreesWithUnicode() {
        for value in UInt32(0)..<0x3100 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            XCTAssertEqual(Sanitizer.isMark(scalar), Sanitizer.isMarkByProperty(scalar), String(value, radix: 16))
        }
        XCTAssertTrue(Sanitizer.isMark("\u{301}"))
        XCTAssertFalse(Sanitizer.isMark("─"))
    }

    func testSanitizerStripsSequencesAndControls() {
        XCTAssertEqual(Sanitizer.clean("a\u{1B}[31mred\u{1B}[0m b"), "ared b")
        XCTAssertEqual(Sanitizer.clean("x\u{1B}]0;title\u{07}y"), "xy")
        XCTAssertEqual(Sanitizer.clean("x\u{1B}]8;;http://e\u{1B}\\y"), "xy")
        XCTAssertEqual(Sanitizer.clean("a\u{9B}2Jb\u{85}c\u{0}d"), "abcd")
        XCTAssertEqual(Sanitizer.clean("l\u{202E}rtl\u{200B}z"), "lrtlz")
        XCTAssertEqual(Sanitizer.clean("two\nlines\ttab"), "two lines tab")
        var c = Canvas(width: 8, height: 1)
        c.write("\u{1B}[2Jok", x: 0, y: 0)
        XCTAssertEqual(c.lines[0], "ok      ")
    }

    /// Found by the text fuzz target: "..." is three ASCII columns, so a cut to fewer leaves it out
    /// rather than overflowing; where the ellipsis fits it is always there.
    func testTruncateNarrowerThanItsEllipsisStillFits() {
        XCTAssertEqual(Text.truncate("abcdef", to: 2, glyphs: .ascii), "ab")
        XCTAssertEqual(Text.truncate("abcdef", to: 1, glyphs: .ascii), "a")
        XCTAssertEqual(Text.truncate("abcdef", to: 3, glyphs: .ascii), "...")
        XCTAssertEqual(Text.truncate("abcdef", to: 4, glyphs: .ascii), "a...")
        XCTAssertEqual(Text.truncate("abcdef", to: 1, glyphs: .unicode), "…")
        XCTAssertEqual(Text.truncate("漢字漢字", to: 2, glyphs: .ascii), "漢")
        XCTAssertEqual(Text.tail("abcdef", to: 2, glyphs: .ascii), "ef", "the end of a line being typed, likewise")
        XCTAssertEqual(Text.tail("abcdef", to: 4, glyphs: .ascii), "...f")
        for width in 0...4 {
            for glyphs in [Glyphs.ascii, .unicode] {
                XCTAssertLessThanOrEqual(TextWidth.of(Text.truncate("a\u{1B}[33m漢字wide", to: width, glyphs: glyphs)), width)
                XCTAssertLessThanOrEqual(TextWidth.of(Text.tail("a\u{1B}[33m漢字wide", to: width, glyphs: glyphs)), width)
            }
        }
    }

    func testWrapAndTruncate() {
        XCTAssertEqual(Text.wrap("the quick brown fox", width: 9), ["the quick", "brown fox"])
        XCTAssertEqual(Text.wrap("Mosonmagyaróvár!", width: 6), ["Mosonm", "agyaró", "vár!"])
        XCTAssertEqual(Text.truncate("Sztálinváros", to: 6), "Sztál…")
        XCTAssertEqual(Text.truncate("Győr", to: 6), "Győr")
        XCTAssertEqual(TextWidth.of(Text.pad("漢字", to: 5)), 5)
    }

    func testRectSplits() {
        let r = Rect(x: 0, y: 0, width: 100, height: 10)
        XCTAssertEqual(r.columns([38, 24, 38]).map(\.width), [38, 24, 38])
        XCTAssertEqual(Rect(x: 0, y: 0, width: 101, height: 1).columns([1, 1]).map(\.width), [50, 51])
        XCTAssertEqual(r.splitBottom(1).1, Rect(x: 0, y: 9, width: 100, height: 1))
        XCTAssertEqual(r.inset(1), Rect(x: 1, y: 1, width: 98, height: 8))
    }

    /// Printable ASCII is written byte by byte; it must land exactly as the grapheme walk puts it
    /// (forced here by a zero-width space, which cleaning removes), clipping and return value included,
    /// over a wide character it half covers too.
    func testASCIIIsWrittenAsTheGraphemeWalkWritesIt() {
        let texts = ["", "a", "Budapest", "Timeline 30/213", String(repeating: "x", count: 40), " ~!@#$%^&*()_+{}|:\"<>?`-=[];',./"]
        for text in texts {
            for x in [-3, 0, 5, 18] {
                for limit in [nil, 0, 4, 12, 30] as [Int?] {
                    var fast = Canvas(width: 20, height: 2), walked = Canvas(width: 20, height: 2)
                    fast.write("日本語の町", x: 3, y: 1)
                    walked.write("日本語の町", x: 3, y: 1)
                    let a = fast.write(text, x: x, y: 1, style: Theme.link, limit: limit)
                    let b = walked.write(text + "\u{200B}", x: x, y: 1, style: Theme.link, limit: limit)
                    XCTAssertEqual(a, b, "\(text) at \(x), limit \(String(describing: limit))")
                    XCTAssertEqual(fast, walked, "\(text) at \(x), limit \(String(describing: limit))")
                }
            }
        }
    }

    /// Every scalar `standsAlone` names is a grapheme by itself beside letters on either side and
    /// beside itself, and has the width its one-scalar grapheme has.
    func testScalarsThatStandAloneAreGraphemesOfTheirOwn() {
        var checked = 0
        for value in UInt32(0)..<0x3000 {
            guard let s = Unicode.Scalar(value), TextWidth.standsAlone(s) else { continue }
            let one = String(Character(s))
            XCTAssertEqual(("a" + one + "a").count, 3, String(format: "U+%04X beside letters", value))
            XCTAssertEqual((one + one).count, 2, String(format: "U+%04X twice", value))
            XCTAssertEqual(TextWidth.of(s), TextWidth.of(Character(s)), String(format: "U+%04X width", value))
            checked += 1
        }
        XCTAssertGreaterThan(checked, 3_000)
        XCTAssertFalse(TextWidth.standsAlone("\u{0301}"))
        XCTAssertFalse(TextWidth.standsAlone("\u{FE0F}"))
        XCTAssertFalse(TextWidth.standsAlone("\u{1F1ED}"))
    }

    /// Whatever way `write` takes (bytes, scalars or graphemes), the cells and the column it returns
    /// are those of the grapheme walk: every name and title of the dataset, and hostile text.
    func testEveryWayOfWritingLandsAsTheGraphemeWalk() {
        let m = Fixture.bundled
        var texts = m.events.map(\.title) + m.places.map(\.name) + m.people.map(\.name) + m.councils.map(\.name)
        texts += ["e\u{0301}gy", "🇭🇺 zászló", "日本語", "a\u{200D}b", "x\u{FE0F}", "Győr – “Szeged” ⠁⠂ ¹²", "\u{1B}[31mred", "tab\there", "한국어"]
        for text in texts {
            for (x, limit) in [(0, nil), (3, 25), (-2, 10), (10, 11)] as [(Int, Int?)] {
                var written = Canvas(width: 30, height: 1), walked = Canvas(width: 30, height: 1)
                written.write("日本語の町", x: 5, y: 0)
                walked.write("日本語の町", x: 5, y: 0)
                let a = written.write(text, x: x, y: 0, style: Theme.quote, limit: limit)
                let b = walked.writeGraphemes(Sanitizer.clean(text), x: x, y: 0, end: min(limit ?? 30, 30), style: Theme.quote)
                XCTAssertEqual(a, b, "\(text) at \(x)")
                XCTAssertEqual(written, walked, "\(text) at \(x)")
            }
        }
    }
}
