import XCTest
import TanacsModel
@testable import TanacsUI

final class MapTests: XCTestCase {
    /// The bundled dataset: far more towns than the sample, so label crowding is real.
    static let bundled: Model = try! DataLoader.load(from: Fixture.repo.appendingPathComponent("data"))

    private func state(_ model: Model, _ width: Int, _ height: Int, keys: [Key] = [.char("2")]) -> AppState {
        var s = AppState(model: model, width: width, height: height)
        for key in keys { Reducer.reduce(&s, .key(key)) }
        return s
    }

    func testProjectionPutsKnownTownsInExpectedCells() {
        // Budapest, Győr, Debrecen, Szeged in a box fitted to Hungary; expected cells worked out
        // separately from x = w/2 + Δlon·cos 47°·scale, y = h/2 − Δlat·scale/2.
        let towns = [(47.49835, 19.04045), (47.68333, 17.63512), (47.53167, 21.62444), (46.253, 20.14824)]
        let expected: [(Int, Int, [(Int, Int)])] = [
            (60, 20, [(26, 7), (13, 6), (48, 7), (35, 15)]),
            (73, 18, [(32, 6), (20, 5), (55, 6), (42, 14)]),
            (28, 8, [(12, 3), (6, 2), (22, 2), (16, 6)]),
            (120, 30, [(53, 11), (33, 9), (91, 10), (69, 24)]),
        ]
        for (width, height, cells) in expected {
            let projection = MapProjection(fitting: .hungary, width: width, height: height)
            for ((lat, lon), cell) in zip(towns, cells) {
                let got = projection.cell(GeoPoint(lat: lat, lon: lon))
                XCTAssertEqual(got.x, cell.0, "x of (\(lat), \(lon)) at \(width)×\(height)")
                XCTAssertEqual(got.y, cell.1, "y of (\(lat), \(lon)) at \(width)×\(height)")
            }
        }
    }

    func testProportionsAndFit() {
        let projection = MapProjection(fitting: .hungary, width: 100, height: 100)
        // A degree of latitude is a degree of longitude over cos 47°, and a row is two columns tall.
        let origin = projection.point(GeoPoint(lat: 47, lon: 19))
        let east = projection.point(GeoPoint(lat: 47, lon: 20)), north = projection.point(GeoPoint(lat: 48, lon: 19))
        XCTAssertEqual((east.x - origin.x) / ((origin.y - north.y) * 2), MapProjection.lonScale, accuracy: 1e-9)
        // Hungary fitted to a wide pane spans its width; it is about three times as many columns as rows.
        let wide = MapProjection(fitting: .hungary, width: 90, height: 40)
        let west = wide.point(GeoPoint(lat: 47, lon: GeoBounds.hungary.west)).x, eastEdge = wide.point(GeoPoint(lat: 47, lon: GeoBounds.hungary.east)).x
        XCTAssertEqual(west, 0, accuracy: 1e-9)
        XCTAssertEqual(eastEdge, 90, accuracy: 1e-9)
        let rows = wide.point(GeoPoint(lat: GeoBounds.hungary.south, lon: 19)).y - wide.point(GeoPoint(lat: GeoBounds.hungary.north, lon: 19)).y
        XCTAssertEqual(90 / rows, 3.25, accuracy: 0.1)
    }

    func testLabelsNeverOverlapOrCoverMarkersAtAnySize() {
        var checked = 0
        for width in stride(from: 30, through: 200, by: 17) {
            for height in stride(from: 10, through: 60, by: 7) {
                for keys in [[Key]]([[], [.char("l")], [.char("+"), .char("+")], [.char("b")], [.char("b"), .char("+")]]) {
                    let s = state(Self.bundled, width, height, keys: [.char("2")] + keys)
                    let scene = MapScene(state: s, width: width, height: height)
                    assertLabelsSound(scene, width: width, height: height, "\(width)×\(height) \(keys)")
                    checked += 1
                }
            }
        }
        XCTAssertGreaterThan(checked, 100)
    }

    private func assertLabelsSound(_ scene: MapScene, width: Int, height: Int, _ context: String) {
        let markerCells = Set(scene.markers.map { $0.y * width + $0.x })
        var labelCells: Set<Int> = []
        for label in scene.labels {
            XCTAssertTrue(label.x >= 0 && label.y >= 0 && label.x + label.width <= width && label.y < height, "\(label) inside, \(context)")
            for x in label.x..<(label.x + label.width) {
                let cell = label.y * width + x
                XCTAssertFalse(markerCells.contains(cell), "\(label.text) covers a marker, \(context)")
                XCTAssertTrue(labelCells.insert(cell).inserted, "\(label.text) overlaps another label, \(context)")
            }
        }
        Self.assertGaps(scene.labels, context)
        
        if let selected = scene.selectedID, scene.markers.contains(where: { $0.id == selected }) {
            XCTAssertTrue(scene.labels.contains { $0.id == selected }, "the selection is labelled, \(context)")
        }
    }

    /// Two names on one row keep a blank column between them, so they read as two names.
    static func assertGaps(_ labels: [MapLabel], _ context: String, file: StaticString = #filePath, line: UInt = #line) {
        for (i, a) in labels.enumerated() {
            for b in labels[(i + 1)...] where a.y == b.y {
                let apart = a.x + a.width < b.x || b.x + b.width < a.x
                XCTAssertTrue(apart, "\(a.text) at \(a.x) and \(b.text) at \(b.x) touch on row \(a.y), \(context)", file: file, line: line)
            }
        }
    }

    func testLabelsKeepAGapOnTheirRow() {
        // Győr's name fills columns 2–5 right of its marker; Pécs's marker at 9 cannot take its first
        // spot (past the edge) nor its second (6–7, touching Győr's name), so it goes right of its marker.
        let requests = [MapLabels.Request(id: "a", text: "Győr", x: 0, y: 1, required: true),
                        MapLabels.Request(id: "b", text: "Pé", x: 9, y: 1, required: false)]
        let labels = MapLabels.place(requests, markers: [(0, 1), (9, 1)], width: 12, height: 3)
        XCTAssertEqual(labels.map(\.id), ["a", "b"])
        XCTAssertEqual(labels.first { $0.id == "a" }.map { [$0.x, $0.y] }, [2, 1])
        XCTAssertEqual(labels.first { $0.id == "b" }.map { [$0.x, $0.y] }, [10, 1])
        Self.assertGaps(labels, "12×3")
        // A crowd of names: none touches another on its row, none covers a marker.
        var rng = RandomizedTests.SplitMix(state: 47)
        let markers = (0..<120).map { _ in (Int.random(in: 0..<60, using: &rng), Int.random(in: 0..<20, using: &rng)) }
        let crowd = markers.enumerated().map { i, m in
            MapLabels.Request(id: "\(i)", text: String(repeating: "x", count: 1 + i % 9), x: m.0, y: m.1, required: i == 0)
        }
        let placed = MapLabels.place(crowd, markers: markers, width: 60, height: 20)
        XCTAssertGreaterThan(placed.count, 20)
        Self.assertGaps(placed, "crowd")
        let markerCells = Set(markers.map { $0.1 * 60 + $0.0 })
        for label in placed {
            XCTAssertTrue(label.x >= 0 && label.x + label.width <= 60 && (0..<20).contains(label.y), "\(label) inside")
            for x in label.x..<(label.x + label.width) { XCTAssertFalse(markerCells.contains(label.y * 60 + x), "\(label) covers a marker") }
        }
        XCTAssertTrue(placed.contains { $0.id == "0" }, "the required label is placed")
    }

    func testMajorTownsLabelledAt120x40() {
        let s = state(Self.bundled, 120, 40)
        let text = Screen.render(s).text
        for town in ["Budapest", "Győr", "Miskolc", "Debrecen", "Szeged", "Pécs", "Salgótarján", "Dunaújváros"] {
            XCTAssertTrue(text.contains(town), "\(town) is labelled:\n\(text)")
        }
    }

    func testMovingNeverGoesBehind() throws {
        let model = Self.bundled
        var s = state(model, 120, 40)
        let gyor = try XCTUnwrap(s.townIDs.firstIndex(of: "place:gyor"))
        s.towns.selected = gyor
        Reducer.reduce(&s, .key(.right))
        let east = try XCTUnwrap(s.selectedTown)
        XCTAssertGreaterThan(east.lon, model.placeByID["place:gyor"]!.lon, "moving right from Győr lands east of it (\(east.name))")
        XCTAssertEqual(s.detail.route, .place(east.id), "the detail pane follows the map")
        // Every shown place, every direction: the target is strictly that way.
        let visible = MapReducer.scene(s).visible
        for id in visible {
            let from = model.placeByID[id]!
            for direction in [MapReducer.Direction.left, .right, .up, .down] {
                guard let to = MapReducer.nearest(from: from, direction, among: visible, in: model).flatMap({ model.placeByID[$0] }) else { continue }
                switch direction {
                case .right: XCTAssertGreaterThan(to.lon, from.lon, "\(from.name) → \(to.name)")
                case .left: XCTAssertLessThan(to.lon, from.lon, "\(from.name) ← \(to.name)")
                case .up: XCTAssertGreaterThan(to.lat, from.lat, "\(from.name) ↑ \(to.name)")
                case .down: XCTAssertLessThan(to.lat, from.lat, "\(from.name) ↓ \(to.name)")
                }
            }
        }
    }

    func testEnterOpensTheTownAndBudapestViewShowsDistrictsAndSites() {
        var s = state(Self.bundled, 120, 40, keys: [.char("2"), .char("b")])
        let scene = MapReducer.scene(s)
        for id in ["place:csepel", "place:ujpest", "place:obuda", "place:angyalfold", "place:kobanya", "place:ferencvaros",
                   "place:jozsefvaros", "place:buda", "place:radio-building", "place:kilian-barracks",
                   "place:corvin-passage", "place:parliament-square"] {
            XCTAssertTrue(scene.markers.contains { $0.id == id }, "\(id) has a marker in the Budapest view")
        }
        // From Csepel (the first event's place) north, to a place inside the Budapest view.
        Reducer.reduce(&s, .key(.char("k")))
        let town = s.selectedTown?.id
        Reducer.reduce(&s, .key(.enter))
        XCTAssertEqual(s.focus, .detail)
        XCTAssertEqual(s.detail.route, town.map { .place($0) })
        Reducer.reduce(&s, .key(.char("2")))
        Reducer.reduce(&s, .key(.char("b")))
        XCTAssertEqual(s.map.zoom, 0, "b again returns to the whole country")
    }

    func testSteppingTheDateChangesTheMarks() {
        var s = Fixture.state(120, 40, keys: [.char("2")])
        s.currentDate = Day(year: 1956, month: 10, day: 25)!
        s.currentPeriod = nil
        func mark(_ id: String) -> MapMark? { MapReducer.scene(s).markers.first { $0.id == id }?.mark }
        XCTAssertEqual(mark("place:miskolc"), .eventToday)
        XCTAssertEqual(mark("place:gyor"), .events)
        Reducer.reduce(&s, .key(.char("]")))
        XCTAssertEqual(s.currentDate, Day(year: 1956, month: 10, day: 26))
        XCTAssertEqual(mark("place:gyor"), .eventAndCouncil, "an event and the council formed that day: both marks")
        Reducer.reduce(&s, .key(.char("]")))
        XCTAssertEqual(mark("place:gyor"), .councilToday, "Győr's national council formed on the 26th is at work on the 27th")
        Reducer.reduce(&s, .key(.char("[")))
        Reducer.reduce(&s, .key(.char("[")))
        Reducer.reduce(&s, .key(.char("[")))
        XCTAssertEqual(s.currentDate, Day(year: 1956, month: 10, day: 24))
        XCTAssertTrue(Screen.render(s).text.contains("Map Wed 24 Oct 1956"))
        // The date follows the timeline.
        Reducer.reduce(&s, .key(.char("1")))
        Reducer.reduce(&s, .key(.char("j")))
        XCTAssertEqual(s.currentDate, s.selectedEvent?.date.start)
    }

    func testDetailLinksLightUpTheirTowns() {
        var s = Fixture.state(120, 40)
        s.detail = DetailState(route: .council("council:central-workers-council-of-greater-budapest"))
        XCTAssertEqual(Set(MapReducer.scene(s).markers.filter(\.linked).map(\.id)), ["place:budapest"],
                       "the council and its Újpest member both sit in Budapest at the country scale")
        s.detail = DetailState(route: .council("council:transdanubian-national-council"))
        XCTAssertEqual(Set(MapReducer.scene(s).markers.filter(\.linked).map(\.id)), ["place:gyor"])
        s.detail = DetailState(route: .event("event:1956-10-25-miskolc-broadcast"))
        let linked = Set(MapReducer.scene(s).markers.filter(\.linked).map(\.id))
        XCTAssertTrue(linked.isSubset(of: ["place:miskolc"]))
        // A council's member councils: Borsod county lights up Miskolc and Diósgyőr's town in the bundled data.
        var b = state(Self.bundled, 120, 40)
        b.detail = DetailState(route: .council("council:borsod-county-workers-council"))
        XCTAssertTrue(MapReducer.scene(b).markers.filter(\.linked).map(\.id).contains("place:miskolc"))
    }

    func testEveryDrawingModeFillsEveryPaneSizeCleanly() {
        for drawing in MapDrawing.allCases {
            for (width, height) in [(30, 10), (40, 10), (45, 12), (79, 24), (80, 24), (120, 40), (200, 60)] {
                var s = state(Fixture.model, width, height)
                s.map.drawing = drawing
                let canvas = Screen.render(s)
                for line in canvas.lines { XCTAssertEqual(TextWidth.of(line), width, "\(drawing) \(width)×\(height)") }
                // The map pane alone at the smallest size the brief allows.
                var pane = Canvas(width: 30, height: 10)
                MapView.render(s, in: pane.bounds, focused: true, canvas: &pane)
                XCTAssertTrue(pane.text.contains("Budapest"), "\(drawing) 30×10:\n\(pane.text)")
                for line in pane.lines { XCTAssertEqual(TextWidth.of(line), 30) }
            }
        }
    }

    func testDrawingModes() {
        var s = Fixture.state(120, 40, keys: [.char("2")])
        let braille = Screen.render(s).text
        XCTAssertTrue(braille.unicodeScalars.contains { (0x2801...0x28FF).contains($0.value) }, "braille by default")
        Reducer.reduce(&s, .key(.char("m")))
        XCTAssertEqual(s.mapDrawing, .halfBlocks)
        XCTAssertTrue(Screen.render(s).text.contains { "▀▄█".contains($0) })
        Reducer.reduce(&s, .key(.char("m")))
        XCTAssertEqual(s.mapDrawing, .ascii)
        Reducer.reduce(&s, .key(.char("m")))
        XCTAssertEqual(s.mapDrawing, .braille)
        let ascii = AppState(model: Fixture.model, width: 120, height: 40, glyphs: .ascii)
        XCTAssertEqual(ascii.mapDrawing, .ascii, "no Unicode where the terminal has none")
        var pane = Canvas(width: 60, height: 20)
        MapView.render(ascii, in: pane.bounds, focused: true, canvas: &pane)
        let text = pane.text
        XCTAssertFalse(text.unicodeScalars.contains { (0x2500...0x28FF).contains($0.value) }, "no lines, blocks or braille")
        XCTAssertFalse(text.contains { "●✱■·".contains($0) }, "ASCII marks")
    }
}

/// Clicks and labels on the bundled data at every size from 40×10 to 200×60.
final class MapClickAndLabelTests: XCTestCase {
    private static let sizes: [(Int, Int)] = stride(from: 40, through: 200, by: 16).flatMap { w in
        stride(from: 10, through: 60, by: 10).map { (w, $0) }
    } + [(200, 60), (80, 24), (120, 40)]

    private func mapState(_ w: Int, _ h: Int, keys: [Key] = []) -> AppState {
        var s = AppState(model: MapTests.bundled, width: w, height: h)
        Reducer.start(&s)
        Fixture.press(&s, .char("2"))
        for key in keys { Fixture.press(&s, key) }
        return s
    }

    func testEveryLabelledTownsClickCellSelectsItAndNoLabelAbutsAnotherMark() {
        var checked = 0
        for (w, h) in Self.sizes {
            for keys in [[], [Key.char("b")], [.char("+"), .char("+")]] {
                let s = mapState(w, h, keys: keys)
                let scene = MapReducer.scene(s)
                let area = MapReducer.area(s)
                for label in scene.labels {
                    guard let marker = scene.markers.first(where: { $0.id == label.id }) else { continue }
                    XCTAssertEqual(MapReducer.hit(scene, x: marker.x, y: marker.y), label.id, "\(label.text)'s mark, \(w)×\(h) \(keys)")
                    XCTAssertEqual(MapReducer.hit(scene, x: label.x, y: label.y), label.id, "\(label.text)'s name, \(w)×\(h) \(keys)")
                    // Marks in the name's own mark's cell are drawn under it, so they do not count.
                    let others = Set(scene.markers.filter { $0.id != label.id && ($0.x, $0.y) != (marker.x, marker.y) }
                        .map { $0.y * (area.width + 4) + $0.x + 2 })
                    // The selection may, as a last resort, sit beside another mark; no other name may.
                    if label.id != scene.selectedID {
                        // Within two columns, "Eger● Debrecen" reads as Debrecen's mark.
                        for x in [label.x - 2, label.x - 1, label.x + label.width, label.x + label.width + 1] {
                            XCTAssertFalse(others.contains(label.y * (area.width + 4) + x + 2), "\(label.text) against another mark, \(w)×\(h) \(keys)")
                        }
                    }
                    checked += 1
                }
            }
        }
        XCTAssertGreaterThan(checked, 500)
    }

    func testAClickSelectsTheTownUnderThePointerAndASecondClickOpensIt() throws {
        var s = mapState(120, 40)
        let area = MapReducer.area(s)
        let scene = MapReducer.scene(s)
        let gyor = try XCTUnwrap(scene.markers.first { $0.id == "place:gyor" })
        Reducer.reduce(&s, .click(x: area.x + gyor.x, y: area.y + gyor.y))
        XCTAssertEqual(s.selectedTown?.id, "place:gyor")
        XCTAssertEqual(s.focus, .map)
        Reducer.reduce(&s, .click(x: area.x + gyor.x, y: area.y + gyor.y))
        XCTAssertEqual(s.focus, .detail, "a second click opens it")
        XCTAssertEqual(s.detail.route, .place("place:gyor"))
        // Within a cell of a mark (no other mark nearer) still counts.
        var t = mapState(120, 40)
        let debrecen = try XCTUnwrap(MapReducer.scene(t).markers.first { $0.id == "place:debrecen" })
        Reducer.reduce(&t, .click(x: area.x + debrecen.x + 1, y: area.y + debrecen.y + 1))
        XCTAssertEqual(t.selectedTown?.id, "place:debrecen")
    }

    /// The Parliament and the party and police headquarters stand on the Pest bank: east of the river
    /// as drawn, at every zoom that shows them.
    func testPestBankSitesAreDrawnEastOfTheDanube() throws {
        for (w, h) in [(120, 40), (200, 60), (80, 24), (60, 20)] {
            for zoomIns in 0...4 {
                let s = mapState(w, h, keys: [.char("b")] + Array(repeating: Key.char("+"), count: zoomIns))
                let scene = MapReducer.scene(s)
                let area = MapReducer.area(s)
                let river = MapView.outline(s, scene: scene, width: area.width, height: area.height)
                    .filter { $0.style == Theme.mapWater }
                for id in ["place:parliament-square", "place:party-central-committee-hq", "place:city-police-hq"] {
                    guard let m = scene.markers.first(where: { $0.id == id }) else { continue }
                    let water = river.filter { $0.y == m.y }.map(\.x)
                    // The Danube's cells on this row near the mark (the Soroksári branch is further east).
                    let near = water.filter { abs($0 - m.x) <= 6 }
                    if let westOfMark = near.max() {
                        XCTAssertGreaterThan(m.x, westOfMark, "\(id) east of the river at \(w)×\(h), zoom +\(zoomIns)")
                    }
                }
            }
        }
    }
}
