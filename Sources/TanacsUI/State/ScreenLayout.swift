/// Where each pane goes for a terminal size: from 120 the timeline beside the map over the detail,
/// from 80 a list beside the detail, tabs below.
public struct ScreenLayout: Sendable, Equatable {
    public static let minWidth = 40
    public static let minHeight = 10

    public var panes: [(pane: Pane, rect: Rect)]
    public var tabBar: Rect?
    public var status: Rect
    public var tooSmall: Bool

    public static func == (a: ScreenLayout, b: ScreenLayout) -> Bool {
        a.panes.map(\.pane) == b.panes.map(\.pane) && a.panes.map(\.rect) == b.panes.map(\.rect)
            && a.tabBar == b.tabBar && a.status == b.status && a.tooSmall == b.tooSmall
    }

    /// `reading` gives the detail pane the whole width, as the reader wants.
    /// `maximised` gives the focused pane the whole screen.
    public static func compute(width: Int, height: Int, focus: Pane, listPane: Pane, reading: Bool = false,
                               maximised: Bool = false) -> ScreenLayout {
        let screen = Rect(x: 0, y: 0, width: width, height: height)
        let (body, status) = screen.splitBottom(1)
        if width < minWidth || height < minHeight {
            return ScreenLayout(panes: [], tabBar: nil, status: status, tooSmall: true)
        }
        if reading && focus == .detail || maximised {
            return ScreenLayout(panes: [(focus, body)], tabBar: nil, status: status, tooSmall: false)
        }
        if width >= 120 {
            // The map is wide and short (Hungary is three times as many columns as rows), so it sits
            // above the detail pane, as tall as the country needs but never more than about half.
            let cols = body.columns([38, 62])
            let wanted = (cols[1].width - 2) * 10 / 32 + 4
            let (map, detail) = cols[1].splitTop(max(8, min(wanted, cols[1].height * 11 / 20)))
            return ScreenLayout(panes: [(.timeline, cols[0]), (.map, map), (.detail, detail)],
                                tabBar: nil, status: status, tooSmall: false)
        }
        if width >= 80 {
            let cols = body.columns([45, 55])
            return ScreenLayout(panes: [(listPane, cols[0]), (.detail, cols[1])], tabBar: nil, status: status, tooSmall: false)
        }
        let (tabs, rest) = body.splitTop(1)
        return ScreenLayout(panes: [(focus, rest)], tabBar: tabs, status: status, tooSmall: false)
    }

    public func rect(of pane: Pane) -> Rect? { panes.first { $0.pane == pane }?.rect }
}

extension AppState {
    public var layout: ScreenLayout {
        ScreenLayout.compute(width: width, height: height, focus: focus, listPane: listPane,
                             reading: Reducer.isReading(self), maximised: maximised)
    }

    /// Prose wraps at about 100 columns however wide the pane, so lines stay readable.
    public static let readableMeasure = 100

    /// The width detail pages wrap to: the pane's inside, at most the readable measure.
    public var detailTextWidth: Int { min(contentWidth(.detail), AppState.readableMeasure) }

    /// Rows of content a pane shows inside its border (at least one, so scrolling maths stays sane).
    func visibleRows(_ pane: Pane) -> Int {
        guard let rect = layout.rect(of: pane) else { return max(1, height - 4) }
        return max(1, rect.height - 2)
    }

    func contentWidth(_ pane: Pane) -> Int {
        guard let rect = layout.rect(of: pane) else { return max(1, width - 2) }
        return max(1, rect.width - 2)
    }
}
