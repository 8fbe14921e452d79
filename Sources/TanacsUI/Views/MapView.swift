import TanacsModel

/// Hungary as text: the border, rivers and Lake Balaton, with a marker for every town saying what
/// happened there on the current date, names placed where they fit, and a legend when there is room.
public enum MapView {
    public static func render(_ state: AppState, in rect: Rect, focused: Bool, canvas: inout Canvas) {
        canvas.box(rect, title: title(state), focused: focused, glyphs: state.glyphs)
        let inner = rect.inset(1)
        guard !inner.isEmpty else { return }
        let legend = legendLines(state, width: inner.width)
        let (area, legendRect) = MapScene.areas(inner: inner, legendLines: legend.count)
        let scene = MapScene(state: state, width: area.width, height: area.height)

        var raster = MapRaster(width: area.width, height: area.height, drawing: state.mapDrawing)
        let geography = state.model.geography
        for lake in geography.lakes { raster.fill(lake, layer: .lake, projection: scene.projection) }
        for lake in geography.lakes { raster.stroke(lake, layer: .lake, projection: scene.projection) }
        for river in geography.rivers { raster.stroke(river, layer: .river, projection: scene.projection) }
        for border in geography.border { raster.stroke(border, layer: .border, projection: scene.projection) }
        for y in 0..<area.height {
            for x in 0..<area.width {
                if let (text, style) = raster.cell(x: x, y: y) { canvas.write(text, x: area.x + x, y: area.y + y, style: style) }
            }
        }

        let markerByID = Dictionary(scene.markers.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        for marker in scene.markers {
            var style = marker.mark.style
            if marker.linked { style = Theme.mapLinked }
            if marker.selected { style = focused ? Theme.selected : Theme.mapLinked }
            canvas.write(marker.mark.symbol(state.glyphs), x: area.x + marker.x, y: area.y + marker.y, style: style)
        }
        for label in scene.labels {
            let marker = markerByID[label.id]
            let style = marker?.selected == true ? (focused ? Theme.selected : Theme.selectedUnfocused)
                : marker?.linked == true ? Theme.mapLinked : Theme.text
            canvas.write(label.text, x: area.x + label.x, y: area.y + label.y, style: style, limit: area.maxX)
        }
        if let legendRect {
            for (i, line) in legend.enumerated() {
                canvas.write(line, x: legendRect.x, y: legendRect.y + i, style: Theme.label, limit: legendRect.maxX)
            }
        }
    }

    static func title(_ state: AppState) -> String {
        var title = "Map \(state.currentDate.display)"
        if state.map.zoom > 0 { title += " ×\(1 << min(state.map.zoom, MapState.maxZoom))" }
        return title
    }

    /// The marks and what they mean, wrapped to the width; nothing when even one entry does not fit.
    public static func legendLines(_ state: AppState, width: Int) -> [String] {
        let entries = MapMark.allCases.map { "\($0.symbol(state.glyphs)) \($0.meaning)" }
        guard let widest = entries.map(TextWidth.of).max(), widest <= width else { return [] }
        var lines: [String] = [], line = ""
        for entry in entries {
            if line.isEmpty {
                line = entry
            } else if TextWidth.of(line) + 2 + TextWidth.of(entry) <= width {
                line += "  " + entry
            } else {
                lines.append(line)
                line = entry
            }
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }
}
