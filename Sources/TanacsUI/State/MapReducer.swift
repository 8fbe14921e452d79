import TanacsModel

/// Keys, clicks and date steps for the map pane. `Reducer` hands it keys while the map has focus;
/// whatever it does not handle (Tab, Enter, q, ?) goes on to `Reducer`.
public enum MapReducer {
    public enum Direction: Sendable { case left, right, up, down }

    /// Handles a key when the map is focused; false leaves it to the main reducer.
    static func key(_ state: inout AppState, _ key: Key) -> Bool {
        switch key {
        case .left, .char("h"): go(&state, .left)
        case .right, .char("l"): go(&state, .right)
        case .up, .char("k"): go(&state, .up)
        case .down, .char("j"): go(&state, .down)
        case .char("+"), .char("="): zoom(&state, by: 1)
        case .char("-"), .char("_"): zoom(&state, by: -1)
        case .char("0"): zoom(&state, by: -MapState.maxZoom)
        case .char("b"): budapest(&state)
        case .char("m"): cycleDrawing(&state)
        // List keys mean nothing on a map; swallow them rather than move through names unseen.
        case .pageUp, .pageDown, .home, .end, .char("g"), .char("G"), .char(" "), .ctrl("d"), .ctrl("u"), .ctrl("f"), .ctrl("b"):
            break
        default: return false
        }
        return true
    }

    /// The map's area for the current layout, as the view computes it.
    static func area(_ state: AppState) -> Rect {
        let pane = state.layout.rect(of: .map) ?? Rect(x: 0, y: 1, width: state.width, height: max(0, state.height - 2))
        let inner = pane.inset(1)
        return MapScene.areas(inner: inner, legendLines: MapView.legendLines(state, width: inner.width).count).map
    }

    static func scene(_ state: AppState) -> MapScene {
        let area = area(state)
        return MapScene(state: state, width: area.width, height: area.height)
    }

    /// Moves the selection to the nearest shown place in a direction, never sideways or behind.
    public static func go(_ state: inout AppState, _ direction: Direction) {
        let scene = scene(state)
        guard let from = (scene.selectedID ?? state.selectedTown?.id).flatMap({ state.model.placeByID[$0] }),
              let target = nearest(from: from, direction, among: scene.visible, in: state.model) else { return }
        select(&state, target)
    }

    /// The place in `ids` nearest `from` in a direction: strictly ahead, preferring places within
    /// about 60° of straight ahead, scored by distance ahead plus twice the distance sideways.
    public static func nearest(from: Place, _ direction: Direction, among ids: [String], in model: Model) -> String? {
        var best: (score: Double, cone: Bool, id: String)?
        for id in ids where id != from.id {
            guard let p = model.placeByID[id] else { continue }
            let dx = (p.lon - from.lon) * MapProjection.lonScale, dy = p.lat - from.lat
            let (ahead, side): (Double, Double) = switch direction {
            case .right: (dx, abs(dy))
            case .left: (-dx, abs(dy))
            case .up: (dy, abs(dx))
            case .down: (-dy, abs(dx))
            }
            guard ahead > 0 else { continue }
            let candidate = (score: ahead + 2 * side, cone: side <= ahead * 1.8, id: id)
            // A place within the cone beats any outside it; then the lower score wins.
            if let b = best, b.cone && !candidate.cone || (b.cone == candidate.cone && b.score <= candidate.score) { continue }
            best = candidate
        }
        return best?.id
    }

    /// Selects a place, keeps it in view, and (with `follow`) lets the detail pane follow.
    static func select(_ state: inout AppState, _ id: String, follow: Bool = true) {
        guard let index = state.townIndex[id] else { return }
        state.towns.selected = index
        if state.map.zoom > 0, let place = state.model.placeByID[id] {
            let area = area(state)
            let (x, y) = MapScene.projection(for: state, width: area.width, height: area.height).cell(GeoPoint(lat: place.lat, lon: place.lon))
            if x < 1 || y < 1 || x >= area.width - 1 || y >= area.height - 1 { state.map.center = GeoPoint(lat: place.lat, lon: place.lon) }
        }
        if follow { Reducer.followSelection(&state, of: .map) }
    }

    /// Zooms about the selected place; zooming out past a district or site selects the town it is in.
    public static func zoom(_ state: inout AppState, by steps: Int) {
        let zoom = min(max(0, state.map.zoom + steps), MapState.maxZoom)
        guard zoom != state.map.zoom else { return }
        state.map.zoom = zoom
        state.map.center = state.selectedTown.map { GeoPoint(lat: $0.lat, lon: $0.lon) }
        let scene = scene(state)
        if let shown = scene.selectedID, shown != state.selectedTown?.id { select(&state, shown) }
    }

    /// Toggles a view of Budapest that holds its districts, zoomed as far as the pane allows.
    public static func budapest(_ state: inout AppState) {
        let model = state.model
        guard let city = model.placeByID["place:budapest"] else { return }
        if state.map.zoom > 0 && isBudapestView(state) {
            state.map.zoom = 0
            state.map.center = nil
            return
        }
        let districts = (model.placeChildren[city.id] ?? []).compactMap { model.placeByID[$0] }.filter { $0.kind == .district }
        let box = (GeoBounds(districts.map { GeoPoint(lat: $0.lat, lon: $0.lon) }) ?? GeoBounds([GeoPoint(lat: city.lat, lon: city.lon)])!).padded(0.004)
        let area = area(state)
        let country = MapProjection(fitting: MapScene.bounds(of: model), width: area.width, height: area.height)
        let cityFit = MapProjection(fitting: box, width: area.width, height: area.height)
        var zoom = 1
        while zoom < MapState.maxZoom && country.scale * Double(1 << (zoom + 1)) <= cityFit.scale { zoom += 1 }
        state.map.zoom = zoom
        if let selected = state.selectedTown, !isInside(selected.id, city.id, model) { select(&state, city.id) }
        state.map.center = box.center
    }

    private static func isBudapestView(_ state: AppState) -> Bool {
        guard let center = state.map.center, let city = state.model.placeByID["place:budapest"] else { return false }
        return abs(center.lat - city.lat) < 0.1 && abs(center.lon - city.lon) < 0.15
    }

    private static func isInside(_ id: String, _ ancestor: String, _ model: Model) -> Bool {
        var current: String? = id, steps = 0
        while let c = current, steps < 16 {
            if c == ancestor { return true }
            current = model.placeByID[c]?.parent
            steps += 1
        }
        return false
    }

    static func cycleDrawing(_ state: inout AppState) {
        guard state.glyphs != .ascii else { return }
        let all = MapDrawing.allCases
        let next = all[(all.firstIndex(of: state.mapDrawing)! + 1) % all.count]
        state.map.drawing = next
    }

    /// What a click on a cell of the map's area means: the town whose mark is drawn there, else the
    /// town whose name is written there, else the nearest mark within two columns and a row.
    public static func hit(_ scene: MapScene, x cx: Int, y cy: Int) -> String? {
        // Only the mark drawn in a cell can be clicked; among marks as near, the least important wins, as before.
        if let drawn = scene.drawn.first(where: { $0.x == cx && $0.y == cy }) { return drawn.id }
        if let label = scene.labels.first(where: { $0.y == cy && cx >= $0.x && cx < $0.x + $0.width }) { return label.id }
        return scene.drawn.reversed().filter { abs($0.x - cx) <= 2 && abs($0.y - cy) <= 1 }
            .min { abs($0.x - cx) + 2 * abs($0.y - cy) < abs($1.x - cx) + 2 * abs($1.y - cy) }?.id
    }

    /// A click selects the town under the pointer; true when it was a second click on the selection,
    /// which opens it.
    static func click(_ state: inout AppState, x: Int, y: Int, wasFocused: Bool) -> Bool {
        let area = area(state)
        let scene = MapScene(state: state, width: area.width, height: area.height)
        guard let id = hit(scene, x: x - area.x, y: y - area.y) else { return false }
        if wasFocused && id == scene.selectedID { return true }
        select(&state, id)
        return false
    }
}
