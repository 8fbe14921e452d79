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

/// The excerpts of one record, so the reader can step through them; opened from a sentence, the
/// quotations behind that sentence only.
public struct ReaderContext: Sendable, Hashable {
    public var record: String
    public var excerpts: [String]
    /// The sentence whose quotations these are, when the reader was opened from one.
    public var statement: String?

    public init(record: String, excerpts: [String], statement: String? = nil) {
        self.record = record
        self.excerpts = excerpts
        self.statement = statement
    }
}

/// The detail pane: the page shown, its selected link or quotation and scroll.
public struct DetailState: Sendable, Equatable {
    public var route: Route?
    public var cursor = ListCursor()
    /// Set while reading an excerpt reached from a record's page.
    public var reader: ReaderContext?
    /// True when the page follows a list's selection (moving in the timeline or on the map put it
    /// there), so the next move may replace it without a history entry; a page opened on purpose
    /// (a link, a search result, an index) goes into history before anything replaces it.
    public var followsSelection = false

    public init(route: Route? = nil, reader: ReaderContext? = nil, followsSelection: Bool = false) {
        self.route = route
        self.reader = reader
        self.followsSelection = followsSelection
    }
}

/// What the reducer asks of the terminal besides painting the next frame.
public enum Effect: Sendable, Equatable {
    /// Clear and repaint every cell (Ctrl-L), for a screen garbled by another program's output.
    case redrawAll
    /// Put text on the system clipboard (OSC 52).
    case copy(String)
}

/// Everything history restores: which pane has focus and what each pane shows.
public struct Location: Sendable, Equatable {
    public var date: Day
    public var period: HistoricalDate?
    public var focus: Pane
    public var listPane: Pane
    public var timeline: ListCursor
    public var towns: ListCursor
    public var detail: DetailState
}

/// The go-to line while it is open: a day or a record to go to.
public struct GoToState: Sendable, Equatable {
    public var query: String
    public init(query: String = "") { self.query = query }
}

/// The search line while it is open.
public struct SearchState: Sendable, Equatable {
    /// Characters a query may hold: each key searches and redraws, so the work per key stays bounded
    /// however much is typed or pasted.
    public static let maxQuery = 200
    public var query: String
    /// Where Esc returns to.
    public var origin: Location
    /// The entry of `AppState.searchHistory` on the line, while ↑ and ↓ step through it; typing ends that.
    public var recalled: Int?

    public init(query: String, origin: Location, recalled: Int? = nil) {
        self.query = query
        self.origin = origin
        self.recalled = recalled
    }
}

/// Everything the screen shows, as a value. Only the reducer changes it.
public struct AppState: Sendable {
    public let model: Model
    /// Built after the first frame (`prepareSearch`) or on the first search, not before drawing.
    let lazySearchIndex: LazySearchIndex
    public var searchIndex: SearchIndex { lazySearchIndex.index }
    /// Places the map can show and select (towns, villages, districts, sites in Hungary), in name order.
    public let townIDs: [String]
    /// The index of each place in `townIDs`.
    public let townIndex: [String: Int]
    public var width: Int
    public var height: Int
    public var focus: Pane = .timeline
    /// The list pane shown when the layout has room for only one list.
    public var listPane: Pane = .timeline
    public var timeline = ListCursor()
    public var towns = ListCursor()
    public var detail = DetailState()
    /// The first and last day of what is current: one day, or the current period.
    public var currentSpan: (from: Day, to: Day) {
        currentPeriod.map { ($0.start, $0.statedEnd) } ?? (currentDate, currentDate)
    }

    /// "23 Oct 1956", or "Oct 1956 (day not stated)" while a vague event is selected.
    public var currentDateLabel: String {
        guard let period = currentPeriod else { return currentDate.shortDisplay }
        return period.display + (period.isInterval ? "" : period.precision == .month ? " (day not stated)" : " (month not stated)")
    }

    /// Browser-like history of locations.
    public var back: [Location] = []
    public var forward: [Location] = []
    /// The events the timeline shows, after filtering, and its rows.
    public private(set) var filter = TimelineFilter()
    public private(set) var timelineEvents: [String]
    public private(set) var timelineRows: [TimelineRow]
    /// The row of each event in `timelineRows`.
    public private(set) var timelineEventRows: [Int]
    /// The index in `timelineEvents` of the first event dated exactly each day.
    private(set) var firstEventOnDay: [Day: Int]
    /// The app's current day: the selected event's, or wherever `[`, `]` or a go-to moved it. For an
    /// event whose day is not known, the last day it can mean (where the timeline places it).
    public var currentDate: Day
    /// Set while the selected event's date is a month, a year or a span: the map, the status bar and
    /// the pages then show that period as the sources give it rather than invent a day.
    public var currentPeriod: HistoricalDate?
    /// The go-to line while it is open.
    public var goTo: GoToState?
    /// True while `P` plays the days forward; the terminal sends `.tick` while it is.
    public var playing = false
    public var search: SearchState?
    /// The last query searched, for `n` and `N`.
    public var lastQuery = ""
    /// Queries searched this session, oldest first, each once; ↑ and ↓ on the search line recall them.
    public var searchHistory: [String] = []
    /// The filter menu's cursor while it is open.
    public var filterMenu: ListCursor?
    public var showHelp = false
    /// The focused pane fills the screen (`z`), until `z` or Esc restores the layout.
    public var maximised = false
    /// Work for the terminal, taken and cleared by the run loop after each message.
    public var effects: [Effect] = []
    /// Full texts of the source articles by source id, when `--sources` gave them: the reader then
    /// shows a quotation's whole article.
    public var sourceTexts: [String: SourceText] = [:]
    public var helpScroll = 0
    public var running = true
    public var glyphs: Glyphs
    /// A one-line notice shown in the status bar until the next key.
    public var notice: String?
    public var map = MapState()
    /// Pages, lines and map scenes already built; see `RenderCache`.
    let cache = RenderCache()

    public init(model: Model, width: Int, height: Int, glyphs: Glyphs = .unicode, searchIndex: SearchIndex? = nil) {
        self.model = model
        self.lazySearchIndex = searchIndex.map(LazySearchIndex.init) ?? LazySearchIndex(model: model)
        self.townIDs = model.places.filter { !$0.isAbroad && MapScene.pointKinds.contains($0.kind) }.map(\.id)
        self.townIndex = Dictionary(townIDs.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        self.timelineEvents = model.events.map(\.id)
        self.timelineRows = TimelineRow.build(model.events)
        self.timelineEventRows = TimelineRow.eventRows(timelineRows)
        self.firstEventOnDay = TimelineRow.firstEventOnDay(model.events)
        self.width = width
        self.height = height
        self.glyphs = glyphs
        self.currentDate = model.events.first?.date.start ?? MapScene.defaultDate
        // The map starts on the busiest place, usually Budapest, rather than the first by name.
        towns.selected = MapScene.busiestIndex(townIDs, in: model)
        Reducer.followSelection(&self, of: .timeline)
    }

    /// Starts building the search index in the background; call once the first frame is painted.
    public func prepareSearch() { lazySearchIndex.buildInBackground() }

    /// Applies a filter, keeping the selected event when it still shows.
    mutating func setFilter(_ newFilter: TimelineFilter) {
        let selected = selectedEvent?.id
        filter = newFilter
        let events = newFilter.events(in: model)
        timelineEvents = events.map(\.id)
        timelineRows = TimelineRow.build(events)
        timelineEventRows = TimelineRow.eventRows(timelineRows)
        firstEventOnDay = TimelineRow.firstEventOnDay(events)
        if let selected, let index = timelineEvents.firstIndex(of: selected) {
            timeline.selected = index
        } else {
            timeline.selected = events.firstIndex { $0.date.start >= currentDate } ?? max(0, events.count - 1)
        }
    }

    /// The index of each event in `timelineEvents`, built the first time a jump needs it after the filter changes.
    var timelineIndex: [String: Int] {
        cache.value("timelineIndex", key: filter) {
            Dictionary(timelineEvents.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        }
    }

    /// The event selected in the timeline.
    public var selectedEvent: Event? {
        timelineEvents.indices.contains(timeline.selected) ? model.eventByID[timelineEvents[timeline.selected]] : nil
    }

    public var selectedTown: Place? {
        townIDs.indices.contains(towns.selected) ? model.placeByID[townIDs[towns.selected]] : nil
    }

    public var eventCount: Int { timelineEvents.count }

    public var location: Location {
        Location(date: currentDate, period: currentPeriod, focus: focus, listPane: listPane, timeline: timeline, towns: towns, detail: detail)
    }

    mutating func restore(_ l: Location) {
        currentDate = l.date
        currentPeriod = l.period
        focus = l.focus
        listPane = l.listPane
        // The filter may have changed since: keep the restored selection inside the list.
        timeline = l.timeline
        timeline.selected = Reducer.clamp(timeline.selected, count: eventCount)
        towns = l.towns
        detail = l.detail
    }
}
