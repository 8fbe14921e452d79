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

        for cell in outline(state, scene: scene, width: area.width, height: area.height) {
            canvas.write(cell.text, x: area.x + cell.x, y: area.y + cell.y, style: cell.style)
        }

        // One marker per cell, the most important first; a two-column mark's second half may be
        // covered by the next cell's.
        for marker in scene.drawn {
            var style = marker.mark.style
            if marker.linked { style = Theme.mapLinked }
            if marker.selected { style = focused ? Theme.selected : Theme.mapLinked }
            canvas.write(marker.mark.symbol(state.glyphs), x: area.x + marker.x, y: area.y + marker.y, style: style)
        }
        for label in scene.labels {
            let style = label.id == scene.selectedID ? (focused ? Theme.selected : Theme.selectedUnfocused)
                : scene.linkedIDs.contains(label.id) ? Theme.mapLinked : Theme.text
            canvas.write(label.text, x: area.x + label.x, y: area.y + label.y, style: style, limit: area.maxX)
        }
        if let legendRect {
            for (i, line) in legend.enumerated() {
                canvas.write(line, x: legendRect.x, y: legendRect.y + i, style: Theme.label, limit: legendRect.maxX)
            }
        }
    }

    struct OutlineCell {
        let x: Int, y: Int
        let text: String
        let style: Style
    }

    private struct OutlineKey: Hashable {
        let projection: MapProjection
        let drawing: MapDrawing
    }

    /// The border, rivers and lakes rasterised for a projection and drawing mode, once for each.
    static func outline(_ state: AppState, scene: MapScene, width: Int, height: Int) -> [OutlineCell] {
        state.cache.value("mapOutline", key: OutlineKey(projection: scene.projection, drawing: state.mapDrawing)) {
            var raster = MapRaster(width: width, height: height, drawing: state.mapDrawing)
            let geography = state.model.geography
            for lake in geography.lakes { raster.fill(lake, layer: .lake, projection: scene.projection) }
            for lake in geography.lakes { raster.stroke(lake, layer: .lake, projection: scene.projection) }
            for river in geography.rivers { raster.stroke(river, layer: .river, projection: scene.projection) }
            for border in geography.border { raster.stroke(border, layer: .border, projection: scene.projection) }
            var cells: [OutlineCell] = []
            for y in 0..<height {
                for x in 0..<width {
                    if let (text, style) = raster.cell(x: x, y: y) { cells.append(OutlineCell(x: x, y: y, text: text, style: style)) }
                }
            }
            return cells
        }
    }

    static func title(_ state: AppState) -> String {
        var title = "Map " + (state.currentPeriod == nil ? state.currentDate.display : state.currentDateLabel)
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
