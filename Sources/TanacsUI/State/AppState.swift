import TanacsModel

/// The panes of the main screen, in Tab order.
public enum Pane: Int, Sendable, CaseIterable {
    case timeline, map, detail

    public var title: String {
        switch self {
        case .timeline: return "Timeline"
        case .map: return "Map"
        case .detail: return "Detail"
        }
    }
}

/// A selection in a list and the first row shown.
public struct ListCursor: Sendable, Equatable {
    public var selected = 0
    public var offset = 0
    public init(selected: Int = 0, offset: Int = 0) {
        self.selected = selected
        self.offset = offset
    }
}

/// The detail pane: the record shown, the selected link or citation, the scroll, and where it came from.
public struct DetailState: Sendable, Equatable {
    public var route: Route?
    public var cursor = ListCursor()
    public var back: [DetailPage] = []

    public init(route: Route? = nil) { self.route = route }
}

/// A detail page to return to.
public struct DetailPage: Sendable, Equatable {
    public var route: Route
    public var cursor: ListCursor
}

/// Everything the screen shows, as a value. Only the reducer changes it.
public struct AppState: Sendable {
    public let model: Model
    /// Rows of the timeline (day headings and events), derived once from the model.
    public let timelineRows: [TimelineRow]
    /// Places the map can show and select (towns, villages, districts, sites in Hungary), in name order.
    public let townIDs: [String]
    public var width: Int
    public var height: Int
    public var focus: Pane = .timeline
    /// The list pane shown when the layout has room for only one list.
    public var listPane: Pane = .timeline
    public var timeline = ListCursor()
    public var towns = ListCursor()
    public var detail = DetailState()
    public var showHelp = false
    public var helpScroll = 0
    public var running = true
    public var glyphs: Glyphs
    /// The day the map shows: which towns saw events and which councils were at work.
    /// Follows the timeline's selection; `[` and `]` step it.
    public var currentDate: Day
    public var map = MapState()

    public init(model: Model, width: Int, height: Int, glyphs: Glyphs = .unicode) {
        self.model = model
        self.timelineRows = TimelineRow.build(model)
        self.townIDs = model.places.filter { !$0.isAbroad && MapScene.pointKinds.contains($0.kind) }.map(\.id)
        self.width = width
        self.height = height
        self.glyphs = glyphs
        self.currentDate = model.events.first?.date.start ?? MapScene.defaultDate
        // The map starts on the busiest place, usually Budapest, rather than the first by name.
        towns.selected = MapScene.busiestIndex(townIDs, in: model)
        Reducer.followSelection(&self)
    }

    /// The event selected in the timeline.
    public var selectedEvent: Event? {
        let events = timelineRows.compactMap(\.eventID)
        guard events.indices.contains(timeline.selected) else { return nil }
        return model.eventByID[events[timeline.selected]]
    }

    public var selectedTown: Place? {
        townIDs.indices.contains(towns.selected) ? model.placeByID[townIDs[towns.selected]] : nil
    }

    public var eventCount: Int { model.events.count }
}
