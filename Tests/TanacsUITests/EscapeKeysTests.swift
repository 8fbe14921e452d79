import XCTest
@testable import TanacsUI

/// Keys in the escape sequences of terminals other than the one TERM names.
final class EscapeKeysTests: XCTestCase {
    func testHomeEndPagesAndArrowsInEveryCommonEncoding() {
        XCTAssertEqual(EscapeKeys.csi(parameters: "1", final: "~"), .home)
        XCTAssertEqual(EscapeKeys.csi(parameters: "7", final: "~"), .home)
        XCTAssertEqual(EscapeKeys.csi(parameters: "4", final: "~"), .end)
        XCTAssertEqual(EscapeKeys.csi(parameters: "8", final: "~"), .end)
        XCTAssertEqual(EscapeKeys.csi(parameters: "5", final: "~"), .pageUp)
        XCTAssertEqual(EscapeKeys.csi(parameters: "6", final: "~"), .pageDown)
        XCTAssertEqual(EscapeKeys.csi(parameters: "", final: "H"), .home)
        XCTAssertEqual(EscapeKeys.csi(parameters: "", final: "F"), .end)
        XCTAssertEqual(EscapeKeys.csi(parameters: "1;5", final: "H"), .home, "with a modifier, still Home")
        XCTAssertEqual(EscapeKeys.csi(parameters: "", final: "A"), .up)
        XCTAssertEqual(EscapeKeys.csi(parameters: "", final: "Z"), .backTab)
        XCTAssertEqual(EscapeKeys.ss3("F"), .end)
        XCTAssertEqual(EscapeKeys.ss3("D"), .left)
    }

    func testSequencesThatAreNoKeyStayNone() {
        // Function keys, focus reports, device attributes, kitty's keyboard protocol: ignored.
        for (parameters, final) in [("99", "~"), ("3", "~"), ("15", "~"), ("", "I"), ("", "O"), ("?1;2", "c"), ("57;5", "u"), ("1;2", "Q"), ("2", "H")] as [(String, Character)] {
            XCTAssertNil(EscapeKeys.csi(parameters: parameters, final: final), "ESC[\(parameters)\(final)")
        }
        XCTAssertNil(EscapeKeys.ss3("z"))
        XCTAssertNil(EscapeKeys.ss3("P"), "F1 is no key here")
    }
}
