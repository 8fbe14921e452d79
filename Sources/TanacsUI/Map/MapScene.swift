import TanacsModel

/// What a town's marker says about the current date, most important first.
public enum MapMark: Int, Sendable, CaseIterable, Comparable {
    static func of(event: Bool, council: Bool, anyEvents: Bool) -> MapMark {
        if event && council { return .eventAndCouncil }
        if event { return .eventToday }
        if council { return .councilToday }
        return anyEvents ? .events : .quiet
    }

    case eventAndCouncil, eventToday, councilToday, events, quiet

    public static func < (a: MapMark, b: MapMark) -> Bool { a.rawValue < b.rawValue }

    public func symbol(_ glyphs: Glyphs) -> String {
        let unicode = glyphs != .ascii
        switch self {
        case .eventAndCouncil: return unicode ? "✱■" : "*#"
        case .eventToday: return unicode ? "✱" : "*"
        case .councilToday: return unicode ? "■" : "#"
        case .events: return unicode ? "●" : "o"
        case .quiet: return unicode ? "·" : "+"
        }
    }

    public var meaning: String {
        switch self {
        case .eventAndCouncil: return "event + council at work"
        case .eventToday: return "event this day"
        case .councilToday: return "council at work"
        case .events: return "events other days"
        case .quiet: return "no events"
        }
    }

    public var style: Style {
        switch self {
        case .eventAndCouncil, .eventToday: return Theme.mapEventToday
        case .councilToday: return Theme.mapCouncil
        case .events: return Theme.text
        case .quiet: return Theme.dim
        }
    }
}

/// A place as the map shows it.
public struct MapMarker: Sendable, Equatable {
    public let id: String
    public let name: String
    public let x: Int
    public let y: Int
    public let mark: MapMark
    public let eventCount: Int
    public let selected: Bool
    public let linked: Bool
}

/// Everything the map pane draws for a state at a size, computed without a canvas so the reducer
/// (for navigation and clicks) and the tests see exactly what the view sees.
public struct MapScene: Sendable {
    public static let pointKinds: Set<PlaceKind> = [.town, .village, .district, .site]
    public static let defaultDate = Day(year: 1956, month: 10, day: 23)!
    /// Districts appear once a column covers at most this much ground, sites below the second figure,
    /// so the country view is not a smudge of Budapest's districts.
    public static let districtKm = 1.6
    public static let siteKm = 1.0

    public let projection: MapProjection
    /// Places shown at this scale, whether or not they fall inside the pane (listed once per projection).
    public var visible: [String] { layout.visible }
    /// The marker drawn in each cell of the pane that has one, in the order they are drawn and labelled:
    /// the selection, then places linked to the detail page, then the busiest (see `MapTowns.priority`).
    /// A cell holds many places when they lie close together; only the first in that order is drawn.
    public let drawn: [MapMarker]
    public let selectedID: String?
    public let labels: [MapLabel]
    /// Places this frame looked at to choose its markers: the selection, the linked places and one
    /// place per occupied cell, however many places the dataset holds (tests bound it).
    let placesVisited: Int
    /// Where each shown place falls, worked out once per projection.
    private let layout: MapLayout
    private let towns: MapTowns
    private let span: (Int, Int)

    /// The part of the pane's inside that the map uses, and the legend's rows below it when they fit.
    public static func areas(inner: Rect, legendLines: Int) -> (map: Rect, legend: Rect?) {
        guard inner.height >= 8 + legendLines, legendLines > 0 else { return (inner, nil) }
        let (map, legend) = inner.splitBottom(legendLines)
        return (map, legend)
    }

    public static func bounds(of model: Model) -> GeoBounds {
        GeoBounds(model.geography.border.flatMap { $0.lines.joined() }) ?? .hungary
    }

    /// The border's bounds, worked out once per state.
    static func bounds(of state: AppState) -> GeoBounds {
        state.cache.value("mapBounds", key: 0) { bounds(of: state.model) }
    }

    public static func projection(for state: AppState, width: Int, height: Int) -> MapProjection {
        let country = MapProjection(fitting: bounds(of: state), width: width, height: height)
        guard state.map.zoom > 0 else { return country }
        let center = state.map.center ?? state.selectedTown.map { GeoPoint(lat: $0.lat, lon: $0.lon) } ?? country.center
        let factor = Double(1 << min(state.map.zoom, MapState.maxZoom))
        return MapProjection(center: center, scale: country.scale * factor, width: width, height: height)
    }

    /// Whether a place has a marker at a scale.
    public static func shows(_ place: Place, in model: Model, projection: MapProjection) -> Bool {
        guard !place.isAbroad, pointKinds.contains(place.kind) else { return false }
        switch place.kind {
        case .district: return projection.kmPerColumn <= districtKm
        case .site:
            // Only sites something happened at; the rest would bury the ones that matter.
            let busy = model.eventsByPlace[place.id] != nil || model.councilsByPlace[place.id] != nil
            return busy && projection.kmPerColumn <= siteKm
        default: return true
        }
    }

    /// The place itself when shown, else its nearest shown ancestor.
    public static func shownPlace(_ id: String, in model: Model, projection: MapProjection) -> String? {
        var current: String? = id, seen: Set<String> = []
        while let c = current, seen.insert(c).inserted, let place = model.placeByID[c] {
            if shows(place, in: model, projection: projection) { return c }
            current = place.parent
        }
        return nil
    }

    /// A town's mark for the days from...to: an event dated inside them, a council at work on one of
    /// them, or both. A month or a year would light a town up for weeks, so on a single day only events
    /// dated to that day count.
    public static func mark(_ id: String, in model: Model, from: Day, to: Day) -> MapMark {
        let events = model.eventsByPlace[id] ?? []
        let event = events.contains { model.eventByID[$0].map { from <= $0.date.start && $0.date.end <= to } ?? false }
        let council = (model.councilsByPlace[id] ?? []).contains { id in
            model.councilByID[id].map { c in
                guard c.installedBy == nil, let life = model.councilLifetime(c) else { return false }
                return life.from <= to && from <= life.to
            } ?? false
        }
        return MapMark.of(event: event, council: council, anyEvents: !events.isEmpty)
    }

    /// Places tied to what the detail pane shows: an event's places, a council's seat and the seats
    /// of the councils that joined it, a person's towns.
    public static func linkedPlaces(_ route: Route?, in model: Model) -> [String] {
        switch route {
        case .event(let id): return model.eventByID[id]?.places ?? []
        case .place(let id): return [id]
        case .council(let id):
            var places: [String] = [], queue = [id], seen: Set<String> = []
            while let c = queue.popLast() {
                guard seen.insert(c).inserted, let council = model.councilByID[c] else { continue }
                if let place = council.place { places.append(place) }
                queue += model.councilChildren[c] ?? []
            }
            return places
        case .person(let id):
            let events = (model.eventsByPerson[id] ?? []).flatMap { model.eventByID[$0]?.places ?? [] }
            let councils = (model.councilsByPerson[id] ?? []).compactMap { model.councilByID[$0]?.place }
            return events + councils
        default: return []
        }
    }

    /// Places tied to the detail page, as the view styles them.
    let linkedIDs: Set<String>

    /// The scene for a state at a size; built once and remembered while nothing it shows changes.
    public init(state: AppState, width: Int, height: Int) {
        let key = SceneKey(width: width, height: height, zoom: state.map.zoom, center: state.map.center,
                           selected: state.towns.selected, route: state.detail.route, from: state.currentSpan.from, to: state.currentSpan.to)
        self = state.cache.value("mapScene", key: key) { MapScene(building: state, width: width, height: height) }
    }

    private struct SceneKey: Hashable {
        let width: Int, height: Int, zoom: Int
        let center: GeoPoint?
        let selected: Int
        let route: Route?
        let from: Day, to: Day
    }

    /// Per frame the work is bounded by the pane's cells and the detail page, not by the dataset:
    /// each cell's places are ordered once per projection (`MapLayout`), so only the selection and
    /// the linked places can change which place a cell draws.
    private init(building state: AppState, width: Int, height: Int) {
        let model = state.model
        let towns = MapTowns.of(state)
        self.towns = towns
        projection = MapScene.projection(for: state, width: width, height: height)
        let projection = self.projection
        let layout = MapLayout.of(state, towns: towns, projection: projection)
        self.layout = layout
        let selectedID = state.selectedTown.flatMap { MapScene.shownPlace($0.id, in: model, projection: projection) }
        self.selectedID = selectedID
        let linked = Set(MapScene.linkedPlaces(state.detail.route, in: model).compactMap {
            MapScene.shownPlace($0, in: model, projection: projection)
        })
        linkedIDs = linked
        let span = (state.currentSpan.from.ordinal, state.currentSpan.to.ordinal)
        self.span = span
        let selectedIndex = selectedID.flatMap { state.townIndex[$0] }
        // Each cell's mark: the selection's, else its best linked place's, else its own first place's.
        var claimed = [Bool](repeating: false, count: max(0, width * height))
        var ranked: [MapMarker] = [], visited = 0
        func draw(_ i: Int) {
            visited += 1
            let cell = layout.cellOf[i]
            guard cell >= 0, !claimed[Int(cell)] else { return }
            claimed[Int(cell)] = true
            ranked.append(MapScene.marker(i, cell: Int(cell), width: width, towns: towns, span: span, selectedID: selectedID, linked: linked))
        }
        if let selectedIndex { draw(selectedIndex) }
        for i in linked.compactMap({ state.townIndex[$0] }).sorted(by: { towns.rank[$0] < towns.rank[$1] }) { draw(i) }
        for cell in layout.heads where !claimed[cell] { draw(layout.cellTowns[cell][0]) }
        drawn = ranked
        placesVisited = visited
        labels = MapLabels.place(ranked.map { MapLabels.Request(id: $0.id, text: towns.label[$0.id]!.text, x: $0.x, y: $0.y, required: $0.selected,
                                                                knownWidth: towns.label[$0.id]!.width) },
                                 markers: ranked.flatMap { m in m.mark == .eventAndCouncil ? [(m.x, m.y), (m.x + 1, m.y)] : [(m.x, m.y)] },
                                 width: width, height: height)
    }

    private static func marker(_ i: Int, cell: Int, width: Int, towns: MapTowns, span: (Int, Int), selectedID: String?,
                               linked: Set<String>) -> MapMarker {
        let town = towns.all[i]
        return MapMarker(id: town.id, name: town.name, x: cell % width, y: cell / width, mark: town.mark(from: span.0, to: span.1),
                         eventCount: town.eventCount, selected: town.id == selectedID, linked: linked.contains(town.id))
    }

    /// Every marker inside the pane, those drawn over included, the most important last. This visits
    /// every place shown, so it is for tests and tools; a frame needs only `drawn`.
    public var markers: [MapMarker] {
        let width = projection.width
        var first: [MapMarker] = [], linkedMarkers: [MapMarker] = [], rest: [MapMarker] = []
        for i in towns.priority where layout.cellOf[i] >= 0 {
            let marker = MapScene.marker(i, cell: Int(layout.cellOf[i]), width: width, towns: towns, span: span, selectedID: selectedID, linked: linkedIDs)
            if marker.selected { first.append(marker) } else if marker.linked { linkedMarkers.append(marker) } else { rest.append(marker) }
        }
        return (first + linkedMarkers + rest).reversed()
    }

    /// Keeps a mark on its own bank of the Danube: the outline is coarser than a city block, and would
    /// otherwise put the Parliament and the Pest-side headquarters in the river or on the Buda side.
    static func onItsBank(x: Int, y: Int, town: MapTowns.Town, danube: [[GeoPoint]], projection: MapProjection) -> Int {
        // The river's columns across this row: where it crosses the row's top, middle and bottom.
        let rowLats = [0.0, 0.5, 1.0].map { projection.center.lat - (Double(y) + $0 - Double(projection.height) / 2) * 2 / projection.scale }
        let columns = rowLats.compactMap { lat in
            MapTowns.crossing(danube, lat: lat, near: town.point.lon).map { projection.cell(GeoPoint(lat: lat, lon: $0)).x }
        }
        guard let low = columns.min(), let high = columns.max() else { return x }
        if town.bank > 0 && x <= high { return high + 1 }
        if town.bank < 0 && x >= low { return low - 1 }
        return x
    }

    /// Index in `ids` of the top-level place with most events, or 0.
    static func busiestIndex(_ ids: [String], in model: Model) -> Int {
        var best = 0, most = -1
        for (i, id) in ids.enumerated() where model.placeByID[id]?.parent == nil {
            let n = model.eventsByPlace[id]?.count ?? 0
            if n > most { (best, most) = (i, n) }
        }
        return best
    }
}

/// What the map needs to know about each place it can show, worked out once per state: where it is,
/// its label, what makes its mark, and the order labels are placed in.
struct MapTowns {
    struct Town {
        let id: String
        let name: String
        let kind: PlaceKind
        let point: GeoPoint
        let eventCount: Int
        /// Sites are shown only where something happened.
        let busy: Bool
        /// First and last day (as ordinals) of each event there.
        let eventDays: [(Int, Int)]
        /// First and last day at work (as ordinals) of each council there (see `Model.councilLifetime`).
        let councils: [(Int, Int)]
        /// 1 on the Pest (east) bank of the Danube, -1 on the Buda (west) bank, 0 elsewhere.
        var bank = 0

        /// As `MapScene.mark`, for days given as ordinals.
        func mark(from: Int, to: Int) -> MapMark {
            MapMark.of(event: eventDays.contains { from <= $0.0 && $0.1 <= to },
                       council: councils.contains { $0.0 <= to && from <= $0.1 }, anyEvents: eventCount > 0)
        }
    }

    /// In `townIDs` order.
    let all: [Town]
    /// Town indices by label priority after the selection and linked places: most events first,
    /// towns before other kinds, then by name (ties keep `townIDs` order).
    let priority: [Int]
    /// Each town's position in `priority`.
    let rank: [Int]
    /// Each place's name as the map writes it, with its width in columns.
    let label: [String: (text: String, width: Int)]
    /// The Danube's lines, to keep Budapest's places on their banks.
    let danube: [[GeoPoint]]
    /// Town indices shown at each scale: [districts shown][sites shown].
    private let shownLists: [[[Int]]]

    func shown(districts: Bool, sites: Bool) -> [Int] { shownLists[districts ? 1 : 0][sites ? 1 : 0] }

    /// The longitude where a line crosses a latitude, the crossing nearest `lon` within 0.2°.
    static func crossing(_ lines: [[GeoPoint]], lat: Double, near lon: Double) -> Double? {
        var best: Double?
        for line in lines {
            for (a, b) in zip(line, line.dropFirst()) where (a.lat - lat) * (b.lat - lat) <= 0 && a.lat != b.lat {
                let x = a.lon + (lat - a.lat) / (b.lat - a.lat) * (b.lon - a.lon)
                if abs(x - lon) < 0.2 && (best.map { abs(x - lon) < abs($0 - lon) } ?? true) { best = x }
            }
        }
        return best
    }

    static func of(_ state: AppState) -> MapTowns {
        state.cache.value("mapTowns", key: 0) { MapTowns(state) }
    }

    private init(_ state: AppState) {
        let model = state.model
        var all: [Town] = [], label: [String: (String, Int)] = [:]
        for id in state.townIDs {
            guard let place = model.placeByID[id] else {
                all.append(Town(id: id, name: id, kind: .site, point: GeoPoint(lat: 0, lon: 0), eventCount: 0, busy: false, eventDays: [], councils: []))
                continue
            }
            let events = model.eventsByPlace[id] ?? []
            let days = events.compactMap { model.eventByID[$0] }.map { ($0.date.start.ordinal, $0.date.end.ordinal) }
            let councils = (model.councilsByPlace[id] ?? []).compactMap { model.councilByID[$0] }.compactMap { c -> (Int, Int)? in
                guard c.installedBy == nil, let life = model.councilLifetime(c) else { return nil }
                return (life.from.ordinal, life.to.ordinal)
            }
            all.append(Town(id: id, name: place.name, kind: place.kind, point: GeoPoint(lat: place.lat, lon: place.lon),
                            eventCount: events.count, busy: model.eventsByPlace[id] != nil || model.councilsByPlace[id] != nil,
                            eventDays: days, councils: councils))
            let clean = Sanitizer.clean(place.name)
            label[id] = (clean, TextWidth.of(clean))
        }
        // The data puts each Budapest place inside Pest or Buda (or a district of either, or a site in
        // one); the side of the river follows from that, not from the coarse outline.
        danube = model.geography.rivers.filter { $0.name == "Danube" }.flatMap(\.lines)
        for i in all.indices {
            var current: String? = all[i].id, steps = 0
            while let c = current, steps < 16, let place = model.placeByID[c] {
                if place.name == "Pest" { all[i].bank = 1; break }
                if place.name == "Buda" || place.name == "Óbuda" { all[i].bank = -1; break }
                current = place.parent
                steps += 1
            }
        }
        self.all = all
        self.label = label
        priority = all.indices.sorted { a, b in
            let ta = all[a], tb = all[b]
            if ta.eventCount != tb.eventCount { return ta.eventCount > tb.eventCount }
            if (ta.kind == .town) != (tb.kind == .town) { return ta.kind == .town }
            if ta.name != tb.name { return ta.name < tb.name }
            return a < b
        }
        var rank = [Int](repeating: 0, count: all.count)
        for (position, i) in priority.enumerated() { rank[i] = position }
        self.rank = rank
        var lists: [[[Int]]] = []
        for districts in [false, true] {
            var row: [[Int]] = []
            for sites in [false, true] {
                row.append(all.indices.filter { i in
                    let t = all[i]
                    switch t.kind {
                    case .district: return districts
                    case .site: return t.busy && sites
                    case .town, .village: return true
                    default: return false
                    }
                })
            }
            lists.append(row)
        }
        shownLists = lists
    }
}

/// Where each place shown at one projection falls on the pane, and the places of each cell in label
/// priority: worked out once per projection (the whole country's is kept while zoomed in), so a
/// frame never visits every place.
final class MapLayout: Sendable {
    /// Ids of the places shown at this scale, inside the pane or not.
    let visible: [String]
    /// The cell (y × width + x) of each town, by index in `AppState.townIDs`; -1 when not shown or outside the pane.
    let cellOf: [Int32]
    /// The towns in each cell, in `MapTowns.priority` order.
    let cellTowns: [[Int]]
    /// The cells that hold a town, by the priority of their first.
    let heads: [Int]

    static func of(_ state: AppState, towns: MapTowns, projection: MapProjection) -> MapLayout {
        state.cache.value(state.map.zoom == 0 ? "mapLayout" : "mapLayoutZoomed", key: projection) {
            MapLayout(state, towns: towns, projection: projection)
        }
    }

    private init(_ state: AppState, towns: MapTowns, projection: MapProjection) {
        let (width, height) = (projection.width, projection.height)
        let shown = towns.shown(districts: projection.kmPerColumn <= MapScene.districtKm, sites: projection.kmPerColumn <= MapScene.siteKm)
        visible = shown.map { state.townIDs[$0] }
        var isShown = [Bool](repeating: false, count: towns.all.count)
        for i in shown { isShown[i] = true }
        var cellOf = [Int32](repeating: -1, count: towns.all.count)
        var cellTowns = [[Int]](repeating: [], count: max(0, width * height))
        var heads: [Int] = []
        for i in towns.priority where isShown[i] {
            let town = towns.all[i]
            var (x, y) = projection.cell(town.point)
            if town.bank != 0 { x = MapScene.onItsBank(x: x, y: y, town: town, danube: towns.danube, projection: projection) }
            guard x >= 0, y >= 0, x < width, y < height else { continue }
            let cell = y * width + x
            cellOf[i] = Int32(cell)
            if cellTowns[cell].isEmpty { heads.append(cell) }
            cellTowns[cell].append(i)
        }
        self.cellOf = cellOf
        self.cellTowns = cellTowns
        self.heads = heads
    }
}
