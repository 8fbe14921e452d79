/// The pane names as tabs, for terminals too narrow to show panes side by side.
public enum TabBarView {
    public static func render(_ state: AppState, in rect: Rect, canvas: inout Canvas) {
        let slot = max(1, rect.width / Pane.allCases.count)
        for (i, pane) in Pane.allCases.enumerated() {
            let active = pane == state.focus
            let label = Text.pad(" \(i + 1) \(pane.title)" + (active ? " \(state.glyphs.pointer)" : ""), to: slot - 1, glyphs: state.glyphs)
            canvas.write(label, x: rect.x + i * slot, y: rect.y, style: active ? Theme.selected : Theme.dim, limit: rect.maxX)
        }
    }
}
