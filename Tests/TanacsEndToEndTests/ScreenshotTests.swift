import Foundation
import XCTest

/// The screenshots in screenshots/ show what the current build draws: each committed text capture
/// equals a headless render of the same keys on the bundled data. When this fails, run
/// `bash screenshots/generate.sh` and commit the new PNGs and captures.
final class ScreenshotTests: XCTestCase {
    struct Shot {
        let name: String, width: Int, height: Int, arguments: [String], keys: String
    }

    static let folder = Tmux.repo.appendingPathComponent("screenshots")

    static func shots() throws -> [Shot] {
        let table = try String(contentsOf: folder.appendingPathComponent("shots.txt"), encoding: .utf8)
        return table.split(separator: "\n").filter { !$0.hasPrefix("#") && !$0.isEmpty }.map { line in
            let f = line.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
            let size = f[1].split(separator: "x").map { Int($0)! }
            return Shot(name: f[0], width: size[0], height: size[1],
                        arguments: f[2].split(separator: " ").map(String.init), keys: renderKeys(f[3]))
        }
    }

    /// tmux send-keys words to the `render --keys` syntax.
    static func renderKeys(_ words: String) -> String {
        words.split(separator: " ").map { word -> String in
            switch word {
            case "Enter": return "<Enter>"
            case "Escape": return "<Esc>"
            case "Tab": return "<Tab>"
            case "BSpace": return "<BS>"
            case "Space": return "<Space>"
            case "<": return "<lt>"
            default: return String(word)
            }
        }.joined()
    }

    func testEveryScreenshotMatchesTheBuild() throws {
        let shots = try Self.shots()
        XCTAssertGreaterThanOrEqual(shots.count, 8)
        for shot in shots {
            let png = Self.folder.appendingPathComponent("\(shot.name).png")
            XCTAssertTrue(FileManager.default.fileExists(atPath: png.path), "missing \(png.lastPathComponent)")
            let attributes = try FileManager.default.attributesOfItem(atPath: png.path)
            XCTAssertGreaterThan((attributes[.size] as? Int) ?? 0, 10_000, "\(shot.name).png looks empty")
            let expected = try String(contentsOf: Self.folder.appendingPathComponent("\(shot.name).txt"), encoding: .utf8)
            var arguments = ["render", "--size", "\(shot.width)x\(shot.height)"] + shot.arguments
            if !shot.keys.isEmpty { arguments += ["--keys", shot.keys] }
            let result = try CLI.run(arguments, data: Tmux.repo.appendingPathComponent("data"))
            XCTAssertEqual(result.status, 0, result.stderr)
            let trim = { (s: String) in s.split(separator: "\n", omittingEmptySubsequences: false)
                .map { String($0.reversed().drop(while: { $0 == " " }).reversed()) }
                .reversed().drop(while: \.isEmpty).reversed() }
            let now = Array(trim(result.stdout)), then = Array(trim(expected))
            // Name the lines that changed rather than printing both screens whole.
            let changed = (0..<max(now.count, then.count)).filter { i in (i < now.count ? now[i] : nil) != (i < then.count ? then[i] : nil) }
            if let first = changed.first {
                XCTFail("screenshots/\(shot.name).txt is out of date (run bash screenshots/generate.sh): line" + (changed.count == 1 ? " " : "s ")
                        + changed.prefix(12).map { "\($0 + 1)" }.joined(separator: ", ") + (changed.count > 12 ? "…" : "")
                        + (changed.count == 1 ? " differs" : " differ") + "; line \(first + 1) was\n  \(first < then.count ? then[first] : "(no line)")\nand is now\n  \(first < now.count ? now[first] : "(no line)")")
            }
        }
    }
}
