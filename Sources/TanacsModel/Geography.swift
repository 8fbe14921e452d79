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
        var ignored: [LoadError] = []
        return try load(reading: { name in
            let url = folder.appendingPathComponent(name)
            guard FileManager.default.fileExists(atPath: url.path) else { return nil }
            do { return try Data(contentsOf: url) } catch { throw LoadError(file: "geo/" + name, message: "cannot read the file (unreadable)") }
        }, warnings: &ignored)
    }

    /// Reads the three files through `read` (nil for a missing file), adding unknown fields to `warnings`.
    /// `fastPath` as in `DataLoader.load(fastPath:reading:)`.
    static func load(reading read: (String) throws -> Data?, fastPath: Bool = true, warnings: inout [LoadError]) throws -> Geography {
        func features(_ name: String) throws -> [GeoFeature] {
            guard let data = try read(name) else { return [] }
            if fastPath, let features = RecordReader.records(data, { try $0.feature() }) { return features }
            return try DataLoader.decodeArray(FeatureFile.self, data: data, displayName: "geo/" + name,
                                              known: KnownFields.table["geo/" + name], warnings: &warnings).map(\.feature)
        }
        return Geography(border: try features("border.json"), rivers: try features("rivers.json"), lakes: try features("lakes.json"))
    }

    /// The on-disk shape: `{"name": "Danube", "lines": [[[lon, lat], ...], ...]}`, as GeoJSON orders coordinates.
    struct FeatureFile: Decodable {
        let name: String
        let lines: [[[Double]]]

        var feature: GeoFeature {
            GeoFeature(name: name, lines: lines.map { line in
                line.compactMap { $0.count >= 2 ? GeoPoint(lat: $0[1], lon: $0[0]) : nil }
            })
        }
    }
}
