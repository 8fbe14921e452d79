import TanacsModel

/// What a town's marker says about the current date, most important first.
public enum MapMark: Int, Sendable, CaseIterable, Comparable {
    case eventToday, councilToday, events, quiet

    public static func < (a: MapMark, b: MapMark) -> Bool { a.rawValue < b.rawValue }

    public func symbol(_ glyphs: Glyphs) -> String {
        let unicode = glyphs != .ascii
        switch self {
        case .eventToday: return unicode ? "✱" : "*"
        case .councilToday: return unicode ? "■" : "#"
        case .events: return unicode ? "●" : "o"
        case .quiet: return unicode ? "·" : "+"
        }
    }

    public var meaning: String {
        switch self {
        case .eventToday: return "event this day"
        case .councilToday: return "council at work"
        case .events: return "events other days"
        case .quiet: return "no events"
        }
    }

    public var style: Style {
        switch self {
        case .eventToday: return Theme.mapEventToday
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
    /// Places shown at this scale, whether or not they fall inside the pane.
    public let visible: [String]
    /// Markers inside the pane, most important last so it is drawn on top.
    public let markers: [MapMarker]
    public let selectedID: String?
    public let labels: [MapLabel]

    /// The part of the pane's inside that the map uses, and the legend's rows below it when they fit.
    public static func areas(inner: Rect, legendLines: Int) -> (map: Rect, legend: Rect?) {
        guard inner.height >= 8 + legendLines, legendLines > 0 else { return (inner, nil) }
        let (map, legend) = inner.splitBottom(legendLines)
        return (map, legend)
    }

    public static func bounds(of model: Model) -> GeoBounds {
        GeoBounds(model.geography.border.flatMap { $0.lines.joined() }) ?? .hungary
    }

    public static func projection(for state: AppState, width: Int, height: Int) -> MapProjection {
        let country = MapProjection(fitting: bounds(of: state.model), width: width, height: height)
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

    public static func mark(_ id: String, in model: Model, on day: Day) -> MapMark {
        let events = model.eventsByPlace[id] ?? []
        // A month or a year would light a town up for weeks: only day-precise dates count as "this day".
        if events.contains(where: { model.eventByID[$0].map { $0.date.precision == .day && $0.date.contains(day) } ?? false }) {
            return .eventToday
        }
        if (model.councilsByPlace[id] ?? []).contains(where: { model.councilByID[$0].map { model.councilExists($0, on: day) } ?? false }) {
            return .councilToday
        }
        return events.isEmpty ? .quiet : .events
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

    public init(state: AppState, width: Int, height: Int) {
        let model = state.model
        projection = MapScene.projection(for: state, width: width, height: height)
        let projection = self.projection
        visible = state.townIDs.filter { model.placeByID[$0].map { MapScene.shows($0, in: model, projection: projection) } ?? false }
        selectedID = state.selectedTown.flatMap { MapScene.shownPlace($0.id, in: model, projection: projection) }
        let linked = Set(MapScene.linkedPlaces(state.detail.route, in: model).compactMap {
            MapScene.shownPlace($0, in: model, projection: projection)
        })
        var markers: [MapMarker] = []
        for id in visible {
            guard let place = model.placeByID[id] else { continue }
            let (x, y) = projection.cell(GeoPoint(lat: place.lat, lon: place.lon))
            guard x >= 0, y >= 0, x < width, y < height else { continue }
            markers.append(MapMarker(id: id, name: place.name, x: x, y: y,
                                     mark: MapScene.mark(id, in: model, on: state.currentDate),
                                     eventCount: model.eventsByPlace[id]?.count ?? 0,
                                     selected: id == selectedID, linked: linked.contains(id)))
        }
        // Label priority: the selection, then places linked to the detail page, then the busiest.
        let ranked = markers.sorted { a, b in
            if a.selected != b.selected { return a.selected }
            if a.linked != b.linked { return a.linked }
            if a.eventCount != b.eventCount { return a.eventCount > b.eventCount }
            let ka = model.placeByID[a.id]?.kind == .town, kb = model.placeByID[b.id]?.kind == .town
            if ka != kb { return ka }
            return a.name < b.name
        }
        self.markers = ranked.reversed()
        labels = MapLabels.place(ranked.map { MapLabels.Request(id: $0.id, text: $0.name, x: $0.x, y: $0.y, required: $0.selected) },
                                 markers: ranked.map { ($0.x, $0.y) }, width: width, height: height)
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
