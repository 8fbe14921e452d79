import TanacsModel

/// How the map draws its lines: braille dots (2×4 per cell), half blocks (1×2), or ASCII characters.
public enum MapDrawing: String, Sendable, CaseIterable {
    case braille, halfBlocks, ascii

    public var title: String {
        switch self {
        case .braille: return "braille"
        case .halfBlocks: return "half blocks"
        case .ascii: return "ASCII"
        }
    }
}

/// The map pane's own state: drawing mode, zoom and where a zoomed view is centred.
/// The selected place is `AppState.towns`, shared with the detail pane's follow logic.
public struct MapState: Sendable, Equatable {
    /// Chosen with `m`; nil means the default for the terminal (braille, or ASCII without Unicode).
    public var drawing: MapDrawing?
    /// 0 fits the whole country; each step doubles the scale.
    public var zoom = 0
    /// Centre of a zoomed view; nil centres on the selected place.
    public var center: GeoPoint?

    public static let maxZoom = 7

    public init() {}
}

extension AppState {
    /// The drawing mode in effect: never Unicode when the terminal cannot show it.
    public var mapDrawing: MapDrawing {
        if glyphs == .ascii { return .ascii }
        return map.drawing ?? .braille
    }
}
