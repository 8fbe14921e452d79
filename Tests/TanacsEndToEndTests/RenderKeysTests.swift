import Foundation
import XCTest

/// `tanacs render --keys`: each written key has the effect of pressing it, checked by where the
/// timeline's selection ends up (its title counts "N/13").
final class RenderKeysTests: XCTestCase {
    private func timeline(_ keys: String, size: String = "120x40", file: StaticString = #filePath, line: UInt = #line) throws -> String? {
        let result = try CLI.run(["render", "--size", size, "--keys", keys])
        XCTAssertEqual(result.status, 0, result.stderr, file: file, line: line)
        guard let range = result.stdout.range(of: #"Timeline \d+/13"#, options: .regularExpression) else { return nil }
        return String(result.stdout[range])
    }

    func testWrittenKeysMoveAsPressedOnes() throws {
        // The explorer opens on the second event (23 October 1956).
        let cases: [(String, String)] = [
            ("", "Timeline 2/13"),
            ("<Down*3>", "Timeline 5/13"),
            ("jjjj<Up*2>", "Timeline 4/13"),
            ("<down><DOWN>", "Timeline 4/13"),
            ("<End><Home>", "Timeline 1/13"),
            ("G<Down*0>", "Timeline 13/13"),
            ("<C-n><ctrl-n>", "Timeline 4/13"),
            ("<C-d>", "Timeline 10/13"),      // a page of the 120×12 timeline is 8 rows
            ("G<C-u>", "Timeline 5/13"),
        ]
        for (keys, expected) in cases {
            XCTAssertEqual(try timeline(keys, size: "120x12"), expected, keys)
        }
    }
}
