import TanacsModel
import XCTest
@testable import TanacsUI

/// How the detail pane marks its selection: a bar across the pane when it has the focus, the words
/// alone underlined when it does not.
final class DetailSelectionStyleTests: XCTestCase {
    func testTheUnfocusedSelectionUnderlinesItsWordsAndTheFocusedOneFillsTheRow() throws {
        var state = AppState(model: Fixture.bundled, width: 120, height: 40)
        Reducer.start(&state, at: nil, date: nil)
        let rect = try XCTUnwrap(state.layout.rect(of: .detail)).inset(1)
        let width = state.detailTextWidth
        let item = try XCTUnwrap(state.detailSelectable.first)
        let lines = state.detailLines(width: width)
        let rows = lines.indices.filter { lines[$0].item == item }
        XCTAssertFalse(rows.isEmpty)

        var canvas = Screen.render(state)
        XCTAssertNotEqual(state.focus, .detail)
        for n in rows {
            let line = lines[n], y = rect.y + n - state.detail.cursor.offset
            let start = rect.x + line.indent, end = start + TextWidth.of(line.text)
            XCTAssertTrue((start..<end).allSatisfy { canvas[$0, y].style.underline }, "the words of row \(n)")
            XCTAssertTrue((end..<rect.maxX).allSatisfy { !canvas[$0, y].style.underline }, "the blanks after row \(n)")
        }

        Fixture.press(&state, .char("3"))
        XCTAssertEqual(state.focus, .detail)
        canvas = Screen.render(state)
        for n in rows {
            let y = rect.y + n - state.detail.cursor.offset
            XCTAssertTrue((rect.x..<rect.maxX).allSatisfy { canvas[$0, y].style == Theme.selected }, "the bar across row \(n)")
        }
    }
}
