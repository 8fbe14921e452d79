import Foundation
import XCTest
@testable import TanacsUI
#if canImport(Glibc)
import Glibc
#endif

/// Column widths checked against something other than `TextWidth` itself: the C library's `wcwidth`,
/// which ncurses uses to place characters, and fixed expectations where a terminal draws a sequence
/// (an emoji with VS16, a letter with its accent) that `wcwidth` cannot see as one.
final class TextWidthTests: XCTestCase {
    /// Ranges where the explorer's data and chrome live, each scalar compared with `wcwidth`.
    static let ranges: [ClosedRange<UInt32>] = [
        0x20...0x7E,        // ASCII
        0xA0...0x17F,       // Latin-1 and Latin Extended-A (Hungarian ő ű)
        0x300...0x36F,      // combining diacritics
        0x370...0x3FF,      // Greek
        0x400...0x4FF,      // Cyrillic
        0x2010...0x2027,    // dashes, quotes, ellipsis
        0x2190...0x21FF,    // arrows
        0x2500...0x259F,    // box drawing and blocks
        0x25A0...0x25FF,    // shapes (● ■ ◆)
        0x2800...0x28FF,    // braille
        0x3041...0x3096,    // hiragana
        0x4E00...0x4EFF,    // CJK ideographs
        0xAC00...0xACFF,    // Hangul syllables
        0xFF01...0xFF5E,    // fullwidth forms
        0x1F600...0x1F64F,  // emoji faces
        0x1F680...0x1F6C5,  // transport and map symbols
    ]

    /// Scalars where the explorer deliberately differs from glibc: format characters it never draws.
    static let deliberate: Set<UInt32> = [0xAD] // soft hyphen: glibc gives 1, the sanitizer's rules give 0

    /// glibc's `wcwidth`; its header hides it behind _XOPEN_SOURCE, so it is looked up by name.
    static let wcwidth: (@convention(c) (Int32) -> Int32)? = {
        #if canImport(Glibc)
        guard let symbol = dlsym(dlopen(nil, RTLD_NOW), "wcwidth") else { return nil }
        return unsafeBitCast(symbol, to: (@convention(c) (Int32) -> Int32).self)
        #else
        return nil
        #endif
    }()

    func testSingleScalarsMatchTheCLibrary() throws {
        #if canImport(Glibc)
        guard let wcwidth = Self.wcwidth else { throw XCTSkip("no wcwidth in the C library") }
        let previous = String(cString: setlocale(LC_CTYPE, nil))
        guard setlocale(LC_CTYPE, "C.UTF-8") != nil else { throw XCTSkip("no C.UTF-8 locale") }
        defer { setlocale(LC_CTYPE, previous) }
        var compared = 0, differ: [String] = []
        for range in Self.ranges {
            for value in range where !Self.deliberate.contains(value) {
                // Unassigned code points have no width to agree on.
                guard let scalar = Unicode.Scalar(value), scalar.properties.generalCategory != .unassigned else { continue }
                let c = Int(wcwidth(Int32(value)))
                let expected = max(0, c) // -1 (not printable) is drawn as nothing
                let ours = TextWidth.of(Character(scalar))
                if ours != expected { differ.append("U+\(String(value, radix: 16, uppercase: true)) wcwidth \(c), TextWidth \(ours)") }
                compared += 1
            }
        }
        XCTAssertGreaterThan(compared, 2000)
        XCTAssertEqual(differ, [], "\(differ.count) of \(compared) differ")
        #else
        throw XCTSkip("wcwidth from Glibc")
        #endif
    }

    /// Whole strings, as the terminal draws them; the expectations are written out, not computed.
    func testSequencesTerminalsDrawAsOneCharacter() {
        let cases: [(String, Int, String)] = [
            ("\u{2764}\u{FE0F}", 2, "red heart with VS16 is emoji presentation"),
            ("\u{263A}\u{FE0F}", 2, "smiling face with VS16"),
            ("\u{2764}", 1, "the heart alone is text presentation"),
            ("\u{2708}\u{FE0F}", 2, "airplane with VS16"),
            ("\u{1F1ED}\u{1F1FA}", 2, "the flag of Hungary: two regional indicators"),
            ("e\u{301}", 1, "e with a combining acute"),
            ("o\u{30B}", 1, "o with a combining double acute, as in ő"),
            ("👩\u{200D}🔧", 2, "a ZWJ sequence"),
            ("😀", 2, "an emoji face"),
            ("漢", 2, "a CJK ideograph"),
            ("\u{FE0F}", 0, "a lone variation selector"),
            ("\u{7F}", 0, "DEL"),
        ]
        for (text, width, why) in cases {
            XCTAssertEqual(TextWidth.of(text), width, why)
            XCTAssertEqual(text.count, 1, "\(why) is one grapheme")
        }
        XCTAssertEqual(TextWidth.of("Győr ❤️ 漢字!"), 13)
        XCTAssertEqual(TextWidth.of("abc\u{7F}"), 3, "DEL takes no column, also beside plain ASCII")
        XCTAssertEqual(TextWidth.of("Munkástanács"), 12)
    }

    /// The canvas places what follows a wide sequence where the terminal will: two columns on.
    func testTheCanvasGivesAnEmojiWithVS16TwoCells() {
        var c = Canvas(width: 6, height: 1)
        XCTAssertEqual(c.write("a\u{2764}\u{FE0F}b", x: 0, y: 0), 4)
        XCTAssertEqual(c[1, 0].grapheme, "\u{2764}\u{FE0F}")
        XCTAssertTrue(c[2, 0].isContinuation)
        XCTAssertEqual(c[3, 0].grapheme, "b")
        XCTAssertEqual(Text.truncate("❤️❤️❤️", to: 5), "❤️❤️…")
        XCTAssertEqual(Text.wrap("❤️❤️❤️", width: 4), ["❤️❤️", "❤️"])
    }
}
