/// A town's name placed on the map.
public struct MapLabel: Sendable, Equatable {
    public let id: String
    public let text: String
    public let x: Int
    public let y: Int
    public var width: Int { TextWidth.of(text) }
}

/// Greedy label placement: in priority order, each label takes the first free spot around its marker.
/// A label never covers a marker, touches another town's marker or another label on its row; one that finds no room is dropped,
/// except a required one (the selection), which is shortened until it fits.
public enum MapLabels {
    public struct Request: Sendable {
        public let id: String
        public let text: String
        public let x: Int
        public let y: Int
        public let required: Bool
        /// The width of `text` when the caller has already cleaned it and measured it.
        var knownWidth: Int? = nil
    }

    public static func place(_ requests: [Request], markers: [(Int, Int)], width: Int, height: Int) -> [MapLabel] {
        var occupied = Array(repeating: false, count: max(0, width * height))
        var labelled = Array(repeating: false, count: max(0, width * height))
        for (x, y) in markers where x >= 0 && y >= 0 && x < width && y < height { occupied[y * width + x] = true }

        func fits(_ x: Int, _ y: Int, _ w: Int, own: (Int, Int), strict: Bool) -> Bool {
            guard w > 0, y >= 0, y < height, x >= 0, x + w <= width else { return false }
            for cx in x..<(x + w) where occupied[y * width + cx] { return false }
            // No other town's mark within two columns on either side: "●Ózd■ Miskolc" or "Eger● Debrecen"
            // would read as the neighbour's.
            if strict {
                for cx in [x - 2, x - 1, x + w, x + w + 1] where cx >= 0 && cx < width && occupied[y * width + cx] && (cx, y) != own { return false }
            }
            // Keep a blank column between two labels so they read as two names.
            for cx in max(0, x - 1)..<min(width, x + w + 1) where labelled[y * width + cx] { return false }
            return true
        }

        var result: [MapLabel] = []
        for request in requests {
            let clean = request.knownWidth == nil ? Sanitizer.clean(request.text) : request.text
            let full = request.knownWidth ?? TextWidth.of(clean)
            let own = (request.x, request.y)
            var text = clean, textWidth = full
            var spot = candidates(request.x, request.y, textWidth).first { fits($0.0, $0.1, textWidth, own: own, strict: true) }
            // The selection must be named: shortened if need be (never wider than the map, each try
            // cutting the already-clean text, so a huge name costs the map's width), and as a last
            // resort beside another mark.
            for strict in [true, false] where spot == nil && request.required {
                var length = strict ? min(full - 1, width) : min(full, width)
                while spot == nil && length > 0 {
                    text = length >= full ? clean : Text.truncate(clean: clean, to: length)
                    textWidth = TextWidth.of(text)
                    spot = candidates(request.x, request.y, textWidth).first { fits($0.0, $0.1, textWidth, own: own, strict: strict) }
                    length -= 1
                }
            }
            guard let (x, y) = spot else { continue }
            for cx in x..<(x + textWidth) { labelled[y * width + cx] = true }
            result.append(MapLabel(id: request.id, text: text, x: x, y: y))
        }
        return result
    }

    /// Spots to try, best first: beside the marker with a gap, touching it, then above and below.
    static func candidates(_ x: Int, _ y: Int, _ w: Int) -> [(Int, Int)] {
        [(x + 2, y), (x - w - 1, y), (x + 1, y), (x - w, y),
         (x - w / 2, y - 1), (x - w / 2, y + 1), (x, y - 1), (x, y + 1), (x - w + 1, y - 1), (x - w + 1, y + 1)]
    }
}
