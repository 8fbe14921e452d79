import TanacsModel

/// What a line on the map is; decides its colour and, in ASCII, its character.
public enum MapLayer: Int, Sendable, Comparable {
    case border, river, lake

    public static func < (a: MapLayer, b: MapLayer) -> Bool { a.rawValue < b.rawValue }

    public var style: Style {
        switch self {
        case .border: return Theme.mapBorder
        case .river, .lake: return Theme.mapWater
        }
    }
}

/// Outlines rasterised onto a grid of dots, then turned into one character per cell:
/// braille packs 2×4 dots into a cell, half blocks 1×2, ASCII one character per cell.
public struct MapRaster: Sendable {
    public let width: Int
    public let height: Int
    public let drawing: MapDrawing
    /// Dots per cell across and down.
    public let dotsX: Int
    public let dotsY: Int
    private var dots: [Bool]
    /// The most important layer touching each cell, for its style.
    private var layers: [MapLayer?]
    /// ASCII only: the character each cell shows.
    private var asciiChars: [Character?]

    public init(width: Int, height: Int, drawing: MapDrawing) {
        self.width = max(0, width)
        self.height = max(0, height)
        self.drawing = drawing
        (dotsX, dotsY) = switch drawing {
        case .braille: (2, 4)
        case .halfBlocks: (1, 2)
        case .ascii: (1, 1)
        }
        dots = Array(repeating: false, count: self.width * dotsX * self.height * dotsY)
        layers = Array(repeating: nil, count: self.width * self.height)
        asciiChars = Array(repeating: nil, count: self.width * self.height)
    }

    private var dotWidth: Int { width * dotsX }
    private var dotHeight: Int { height * dotsY }

    /// Draws a feature's lines as they fall under the projection.
    public mutating func stroke(_ feature: GeoFeature, layer: MapLayer, projection: MapProjection) {
        for line in feature.lines {
            let points = line.map { dotPoint(projection.point($0)) }
            for (a, b) in zip(points, points.dropFirst()) { segment(a, b, layer: layer) }
        }
    }

    /// Fills the inside of closed rings (a lake), by scanning dot rows.
    public mutating func fill(_ feature: GeoFeature, layer: MapLayer, projection: MapProjection) {
        let rings = feature.lines.map { $0.map { dotPoint(projection.point($0)) } }
        guard dotHeight > 0 else { return }
        for row in 0..<dotHeight {
            let y = Double(row) + 0.5
            var crossings: [Double] = []
            for ring in rings {
                for (a, b) in zip(ring, ring.dropFirst()) where (a.y <= y) != (b.y <= y) {
                    crossings.append(a.x + (y - a.y) / (b.y - a.y) * (b.x - a.x))
                }
            }
            crossings.sort()
            var i = 0
            while i + 1 < crossings.count {
                let from = max(0, Int((crossings[i] - 0.5).rounded(.up)))
                let to = min(dotWidth - 1, Int((crossings[i + 1] - 0.5).rounded(.down)))
                if from <= to { for x in from...to { set(x, row, layer: layer, ascii: "~") } }
                i += 2
            }
        }
    }

    private func dotPoint(_ p: (x: Double, y: Double)) -> (x: Double, y: Double) {
        (p.x * Double(dotsX), p.y * Double(dotsY))
    }

    /// A straight segment in dot space, clipped to the grid first so far-off points cost nothing.
    private mutating func segment(_ a: (x: Double, y: Double), _ b: (x: Double, y: Double), layer: MapLayer) {
        guard let (p, q) = MapRaster.clip(a, b, width: Double(dotWidth), height: Double(dotHeight)) else { return }
        let ascii = layer == .border ? MapRaster.slopeCharacter(dx: q.x - p.x, dy: (q.y - p.y) * 2) : "~"
        var x0 = Int(p.x.rounded(.down)), y0 = Int(p.y.rounded(.down))
        let x1 = Int(q.x.rounded(.down)), y1 = Int(q.y.rounded(.down))
        let dx = abs(x1 - x0), dy = -abs(y1 - y0)
        let sx = x0 < x1 ? 1 : -1, sy = y0 < y1 ? 1 : -1
        var err = dx + dy
        while true {
            set(x0, y0, layer: layer, ascii: ascii)
            if x0 == x1 && y0 == y1 { break }
            let e2 = 2 * err
            if e2 >= dy { err += dy; x0 += sx }
            if e2 <= dx { err += dx; y0 += sy }
        }
    }

    /// Liang–Barsky: the part of a segment inside [0, width) × [0, height), or nil.
    static func clip(_ a: (x: Double, y: Double), _ b: (x: Double, y: Double), width: Double, height: Double)
        -> ((x: Double, y: Double), (x: Double, y: Double))? {
        let maxX = width - 1e-9, maxY = height - 1e-9
        guard maxX > 0, maxY > 0 else { return nil }
        var t0 = 0.0, t1 = 1.0
        let dx = b.x - a.x, dy = b.y - a.y
        for (p, q) in [(-dx, a.x), (dx, maxX - a.x), (-dy, a.y), (dy, maxY - a.y)] {
            if p == 0 {
                if q < 0 { return nil }
            } else {
                let r = q / p
                if p < 0 { if r > t1 { return nil }; t0 = max(t0, r) } else { if r < t0 { return nil }; t1 = min(t1, r) }
            }
        }
        return ((a.x + t0 * dx, a.y + t0 * dy), (a.x + t1 * dx, a.y + t1 * dy))
    }

    /// ASCII border characters follow the line's direction (dy already in column units).
    static func slopeCharacter(dx: Double, dy: Double) -> Character {
        let ax = abs(dx), ay = abs(dy)
        if ay < ax * 0.4 { return "-" }
        if ax < ay * 0.4 { return "|" }
        return (dx > 0) == (dy > 0) ? "\\" : "/"
    }

    private mutating func set(_ x: Int, _ y: Int, layer: MapLayer, ascii: Character) {
        guard x >= 0, y >= 0, x < dotWidth, y < dotHeight else { return }
        dots[y * dotWidth + x] = true
        let cell = (y / dotsY) * width + x / dotsX
        // Water shows over the border in colour; in ASCII the border keeps its shape.
        if let old = layers[cell], old >= layer {
            if drawing == .ascii && layer == .border && old != .border { asciiChars[cell] = ascii; layers[cell] = .border }
            return
        }
        if drawing == .ascii, layers[cell] == .border { return }
        layers[cell] = layer
        asciiChars[cell] = ascii
    }

    /// The character and style of a cell, or nil where nothing is drawn.
    public func cell(x: Int, y: Int) -> (String, Style)? {
        guard x >= 0, y >= 0, x < width, y < height, let layer = layers[y * width + x] else { return nil }
        func dot(_ dx: Int, _ dy: Int) -> Bool { dots[(y * dotsY + dy) * dotWidth + x * dotsX + dx] }
        switch drawing {
        case .braille:
            // Braille dot numbering: 1-2-3 down the left, 4-5-6 down the right, 7 and 8 at the bottom.
            let bits: [(Int, Int, UInt32)] = [(0, 0, 0x01), (0, 1, 0x02), (0, 2, 0x04), (1, 0, 0x08),
                                              (1, 1, 0x10), (1, 2, 0x20), (0, 3, 0x40), (1, 3, 0x80)]
            let value = bits.reduce(UInt32(0)) { dot($1.0, $1.1) ? $0 | $1.2 : $0 }
            return (String(Character(Unicode.Scalar(0x2800 + value)!)), layer.style)
        case .halfBlocks:
            switch (dot(0, 0), dot(0, 1)) {
            case (true, true): return ("█", layer.style)
            case (true, false): return ("▀", layer.style)
            case (false, true): return ("▄", layer.style)
            default: return nil
            }
        case .ascii:
            return asciiChars[y * width + x].map { (String($0), layer.style) }
        }
    }
}
