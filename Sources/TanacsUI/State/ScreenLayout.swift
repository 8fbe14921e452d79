/// Where each pane goes for a terminal size: three columns from 120, two from 80, tabs below.
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
    public static func compute(width: Int, height: Int, focus: Pane, listPane: Pane, reading: Bool = false) -> ScreenLayout {
        let screen = Rect(x: 0, y: 0, width: width, height: height)
        let (body, status) = screen.splitBottom(1)
        if width < minWidth || height < minHeight {
            return ScreenLayout(panes: [], tabBar: nil, status: status, tooSmall: true)
        }
        if reading && focus == .detail {
            return ScreenLayout(panes: [(.detail, body)], tabBar: nil, status: status, tooSmall: false)
        }
        if width >= 120 {
            let cols = body.columns([38, 24, 38])
            return ScreenLayout(panes: [(.timeline, cols[0]), (.map, cols[1]), (.detail, cols[2])],
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
        var reading = false
        if case .excerpt = detail.route { reading = true }
        return ScreenLayout.compute(width: width, height: height, focus: focus, listPane: listPane, reading: reading)
    }

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
