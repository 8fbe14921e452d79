import XCTest
import TanacsModel
@testable import TanacsUI

/// Drives the reducer and renderer with random keys, clicks and resizes, checking invariants throughout.
final class RandomizedTests: XCTestCase {
    /// A small deterministic generator, so a failure can be replayed from its seed.
    struct SplitMix: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let keys: [Key] = [
        .up, .down, .left, .right, .pageUp, .pageDown, .home, .end, .enter, .tab, .backTab, .escape, .backspace,
        .ctrl("o"), .ctrl("n"), .ctrl("p"), .ctrl("d"), .ctrl("u"),
    ] + "jkhlgGHLtcpeFfXnN[]<>/?123 aéőx".map { .char($0) }

    func testHundredThousandRandomMessagesKeepInvariants() {
        var rng = SplitMix(state: 1956)
        var s = Fixture.state(120, 40)
        for step in 0..<100_000 {
            let roll = Int.random(in: 0..<100, using: &rng)
            let msg: Msg
            switch roll {
            case 0..<2: msg = .resize(width: Int.random(in: 1...220, using: &rng), height: Int.random(in: 1...70, using: &rng))
            case 2..<4: msg = .click(x: Int.random(in: 0..<max(1, s.width), using: &rng), y: Int.random(in: 0..<max(1, s.height), using: &rng))
            case 4..<5: msg = .scroll(x: Int.random(in: 0..<max(1, s.width), using: &rng), y: Int.random(in: 0..<max(1, s.height), using: &rng), lines: Bool.random(using: &rng) ? 3 : -3)
            default: msg = .key(Self.keys.randomElement(using: &rng)!)
            }
            if case .key(.char("q")) = msg { continue }
            let before = s
            Reducer.reduce(&s, msg)
            // The effect of list keys on the timeline, when nothing is open over it.
            if case .key(let key) = msg, before.focus == .timeline, !before.showHelp, before.search == nil, before.filterMenu == nil {
                let last = max(0, before.eventCount - 1), was = before.timeline.selected
                switch key {
                case .char("j"), .down: XCTAssertEqual(s.timeline.selected, min(was + 1, last), "step \(step): \(key)")
                case .char("k"), .up: XCTAssertEqual(s.timeline.selected, max(was - 1, 0), "step \(step): \(key)")
                case .char("g"), .home: XCTAssertEqual(s.timeline.selected, 0, "step \(step): \(key)")
                case .char("G"), .end: XCTAssertEqual(s.timeline.selected, last, "step \(step): \(key)")
                case .char("?"): XCTAssertTrue(s.showHelp, "step \(step)")
                case .char("/"): XCTAssertEqual(s.search?.query, "", "step \(step)")
                case .char("f"): XCTAssertNotNil(s.filterMenu, "step \(step)")
                case .char("X"): XCTAssertTrue(s.filter.isEmpty, "step \(step)")
                default: break
                }
            }
            if !s.running { s.running = true }
            // Invariants: selections in range, history bounded by what was done, every frame renders at size.
            XCTAssertTrue(s.eventCount == 0 || (0..<s.eventCount).contains(s.timeline.selected), "step \(step)")
            XCTAssertTrue((0..<max(1, s.townIDs.count)).contains(s.towns.selected), "step \(step)")
            let selectable = DetailDocument.selectable(s.detailItems).count
            XCTAssertTrue(selectable == 0 ? s.detail.cursor.selected == 0 : (0..<selectable).contains(s.detail.cursor.selected), "step \(step)")
            XCTAssertLessThanOrEqual(s.back.count + s.forward.count, step + 1)
            if step % 50 == 0 || s.width < 45 {
                let canvas = Screen.render(s)
                XCTAssertEqual(canvas.lines.count, s.height)
                XCTAssertTrue(canvas.lines.allSatisfy { TextWidth.of($0) == s.width }, "step \(step): a line overflows")
            }
            if s.back.count > 200 { s.back.removeFirst(100) } // keep the test's own memory small
        }
    }
}
