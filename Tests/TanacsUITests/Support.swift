import Foundation
import TanacsModel
@testable import TanacsUI

enum Fixture {
    static let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let model: Model = try! DataLoader.load(from: repo.appendingPathComponent("Tests/Fixtures/sample"))

    /// The bundled dataset in data/, for tests of what it holds.
    static let bundled: Model = try! DataLoader.load(from: repo.appendingPathComponent("data"))

    static func state(_ width: Int, _ height: Int, keys: [Key] = []) -> AppState {
        var state = AppState(model: model, width: width, height: height)
        for key in keys { Reducer.reduce(&state, .key(key)) }
        return state
    }

    /// Keys typed as a string: each character a key.
    static func keys(_ s: String) -> [Key] { s.map { .char($0) } }

    /// Each event of the timeline with the phase heading it sits under (nil under "across phases").
    static func eventsByPhase(_ s: AppState) -> [(id: String, phase: Phase?)] {
        var phase: Phase?, out: [(id: String, phase: Phase?)] = []
        for row in s.timelineRows {
            switch row {
            case .phase(let p, _): phase = p
            case .acrossPhases: phase = nil
            case .day: break
            case .event(let id): out.append((id, phase))
            }
        }
        return out
    }

    static func press(_ state: inout AppState, _ keys: Key...) {
        for key in keys { Reducer.reduce(&state, .key(key)) }
    }

    static func type(_ state: inout AppState, _ text: String) {
        for c in text { Reducer.reduce(&state, .key(.char(c))) }
    }

    /// Moves the detail selection onto the link or citation that leads to `target` (not a sentence
    /// whose first quotation it is: `selectStatement` goes there).
    static func select(_ state: inout AppState, _ target: Route) -> Bool {
        let items = state.detailItems
        guard let n = DetailDocument.selectable(items).firstIndex(where: {
            if case .statement = items[$0] { return false }
            return items[$0].target == target
        }) else { return false }
        return moveTo(&state, n)
    }

    /// Moves the detail selection onto the statement whose text starts with `prefix`.
    static func selectStatement(_ state: inout AppState, startingWith prefix: String) -> Bool {
        let items = state.detailItems
        guard let n = DetailDocument.selectable(items).firstIndex(where: {
            if case .statement(let text, _, _, _) = items[$0] { return text.hasPrefix(prefix) }
            return false
        }) else { return false }
        return moveTo(&state, n)
    }

    private static func moveTo(_ state: inout AppState, _ n: Int) -> Bool {
        Reducer.reduce(&state, .key(.char("3")))
        Reducer.reduce(&state, .key(.home))
        for _ in 0..<n { Reducer.reduce(&state, .key(.char("j"))) }
        return true
    }
}

/// Where two texts differ, line by line: a failing snapshot names the lines and columns that changed
/// instead of printing two whole screens to compare by eye. Screens have fixed rows, so lines are
/// compared by position.
enum LineDiff {
    /// nil when the texts are equal; otherwise each differing line (up to `limit`), snapshot then now.
    static func describe(expected: String, actual: String, limit: Int = 12) -> String? {
        let old = expected.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let new = actual.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var shown: [String] = [], count = 0
        for i in 0..<max(old.count, new.count) {
            let before = i < old.count ? old[i] : nil, after = i < new.count ? new[i] : nil
            guard before != after else { continue }
            count += 1
            guard count <= limit else { continue }
            let column = zip(before ?? "", after ?? "").prefix { $0 == $1 }.count + 1
            shown.append("line \(i + 1), column \(column):\n  - \(before ?? "(no line)")\n  + \(after ?? "(no line)")")
        }
        guard count > 0 else { return nil }
        if count > limit { shown.append("… and \(count - limit) more lines") }
        return "\(count) of \(max(old.count, new.count)) lines differ (- snapshot, + now):\n" + shown.joined(separator: "\n")
    }
}
