import XCTest
@testable import TanacsBench
@testable import TanacsModel
@testable import TanacsUI

/// The work a key costs must not grow with the dataset: the same walk over the bundled data and over
/// a generated dataset four times its size visits no more places per frame than the frame draws.
/// These count work, never time.
final class WorkPerKeyTests: XCTestCase {
    func testTheMapVisitsOnlyWhatItDrawsWhateverTheDatasetsSize() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("tanacs-work-test-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: out) }
        try Generator.generate(from: BenchTests.data, scale: 4, to: out)
        let small = try DataLoader.load(from: BenchTests.data), large = try DataLoader.load(from: out)
        XCTAssertEqual(large.places.count, 4 * small.places.count)

        // Per frame of a walk down the timeline: places visited, markers drawn, places inside the pane.
        func walk(_ model: Model) -> [(visited: Int, drawn: Int, inside: Int, cells: Int, linked: Int)] {
            var state = AppState(model: model, width: 120, height: 40)
            _ = Screen.render(state)
            var frames: [(Int, Int, Int, Int, Int)] = []
            for key in Array(repeating: Key.char("j"), count: 30) + [.char("2"), .char("l"), .char("l"), .char("j")] {
                Reducer.reduce(&state, .key(key))
                _ = Screen.render(state)
                let scene = MapReducer.scene(state)
                frames.append((scene.placesVisited, scene.drawn.count, scene.markers.count,
                               scene.projection.width * scene.projection.height, scene.linkedIDs.count))
            }
            return frames
        }
        let before = walk(small), after = walk(large)
        XCTAssertEqual(before.count, after.count)
        for frame in before + after {
            // One place per drawn cell, plus the selection and linked places drawn over by a better one.
            XCTAssertLessThanOrEqual(frame.visited, frame.drawn + frame.linked + 1)
            XCTAssertLessThanOrEqual(frame.drawn, frame.cells)
        }
        // The larger dataset has places under other places' marks, which the frame no longer visits.
        XCTAssertTrue(after.contains { $0.inside > $0.visited }, "some places are drawn over at 4×")
        XCTAssertGreaterThan(after.map(\.inside).max()!, before.map(\.inside).max()!)
    }
}
