import Foundation

/// A point on the earth in degrees.
public struct GeoPoint: Sendable, Hashable {
    public let lat: Double
    public let lon: Double
    public init(lat: Double, lon: Double) {
        self.lat = lat
        self.lon = lon
    }
}

/// A named outline or line: a border, a river, a lake shore. Closed rings repeat their first point.
public struct GeoFeature: Sendable {
    public let name: String
    public let lines: [[GeoPoint]]
    public init(name: String, lines: [[GeoPoint]]) {
        self.name = name
        self.lines = lines
    }
}

/// Outlines for the map, read from `geo/` beside the dataset; the map draws towns alone without them.
public struct Geography: Sendable {
    public let border: [GeoFeature]
    public let rivers: [GeoFeature]
    public let lakes: [GeoFeature]

    public static let files = ["border.json", "rivers.json", "lakes.json"]
    public static let empty = Geography(border: [], rivers: [], lakes: [])

    public init(border: [GeoFeature], rivers: [GeoFeature], lakes: [GeoFeature]) {
        self.border = border
        self.rivers = rivers
        self.lakes = lakes
    }

    public var isEmpty: Bool { border.isEmpty && rivers.isEmpty && lakes.isEmpty }

    /// Every point of every feature, e.g. to fit the map to the country.
    public var allPoints: [GeoPoint] { (border + rivers + lakes).flatMap { $0.lines.joined() } }

    /// Reads `folder/border.json`, `rivers.json` and `lakes.json`. A missing file gives no features;
    /// a file that is there but malformed throws a located error, like the rest of the dataset.
    public static func load(from folder: URL) throws -> Geography {
        func read(_ name: String) throws -> [GeoFeature] {
            let url = folder.appendingPathComponent(name)
            guard FileManager.default.fileExists(atPath: url.path) else { return [] }
            return try DataLoader.decodeArray(FeatureFile.self, file: url, displayName: "geo/" + name).map(\.feature)
        }
        return Geography(border: try read("border.json"), rivers: try read("rivers.json"), lakes: try read("lakes.json"))
    }

    /// The on-disk shape: `{"name": "Danube", "lines": [[[lon, lat], ...], ...]}`, as GeoJSON orders coordinates.
    private struct FeatureFile: Decodable {
        let name: String
        let lines: [[[Double]]]

        var feature: GeoFeature {
            GeoFeature(name: name, lines: lines.map { line in
                line.compactMap { $0.count >= 2 ? GeoPoint(lat: $0[1], lon: $0[0]) : nil }
            })
        }
    }
}
