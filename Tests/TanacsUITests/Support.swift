import Foundation
import TanacsModel
@testable import TanacsUI

enum Fixture {
    static let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let model: Model = try! DataLoader.load(from: repo.appendingPathComponent("Tests/Fixtures/sample"))

    static func state(_ width: Int, _ height: Int, keys: [Key] = []) -> AppState {
        var state = AppState(model: model, width: width, height: height)
        for key in keys { Reducer.reduce(&state, .key(key)) }
        return state
    }

    /// Keys typed as a string: each character a key.
    static func keys(_ s: String) -> [Key] { s.map { .char($0) } }
}
