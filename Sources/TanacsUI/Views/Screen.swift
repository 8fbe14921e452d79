/// Draws the whole screen for a state: panes, tabs, status bar and help.
public enum Screen {
    public static func render(_ state: AppState) -> Canvas {
        var canvas = Canvas(width: state.width, height: state.height)
        let layout = state.layout
        if layout.tooSmall {
            TooSmallView.render(width: state.width, height: state.height, canvas: &canvas)
            return canvas
        }
        if let bar = layout.tabBar { TabBarView.render(state, in: bar, canvas: &canvas) }
        for (pane, rect) in layout.panes {
            let focused = pane == state.focus
            switch pane {
            case .timeline: TimelineView.render(state, in: rect, focused: focused, canvas: &canvas)
            case .map: MapView.render(state, in: rect, focused: focused, canvas: &canvas)
            case .detail: DetailView.render(state, in: rect, focused: focused, canvas: &canvas)
            }
        }
        StatusBarView.render(state, in: layout.status, canvas: &canvas)
        if state.filterMenu != nil { FilterMenuView.render(state, in: canvas.bounds, canvas: &canvas) }
        if state.showHelp { HelpView.render(state, in: canvas.bounds, canvas: &canvas) }
        return canvas
    }
}
