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
            do {
                return try DatasetFiles.read(name, in: folder, limit: DataLoader.maxFileBytes)
            } catch let error as LoadError {
                throw LoadError(file: "geo/" + name, message: error.message)
            }
        }, warnings: &ignored)
    }

    /// Reads the three files through `read` (nil for a missing file), adding unknown fields to `warnings`.
    /// `fastPath` as in `DataLoader.load(fastPath:reading:)`.
    static func load(reading read: (String) throws -> Data?, fastPath: Bool = true, warnings: inout [LoadError]) throws -> Geography {
        func features(_ name: String) throws -> [GeoFeature] {
            guard let data = try read(name) else { return [] }
            // The fast path's outlines pass the same bounds check, or the file is read the checking way.
            if fastPath, let files = RecordReader.records(data, { try $0.featureFile() }),
               outOfBounds(files.map(\.lines), file: "geo/" + name) == nil {
                return files.map(\.feature)
            }
            let files = try DataLoader.decodeArray(FeatureFile.self, data: data, displayName: "geo/" + name,
                                                   known: KnownFields.table["geo/" + name], warnings: &warnings)
            if let problem = outOfBounds(files.map(\.lines), file: "geo/" + name) { throw problem }
            return files.map(\.feature)
        }
        return Geography(border: try features("border.json"), rivers: try features("rivers.json"), lakes: try features("lakes.json"))
    }

    /// Where outlines may lie: the map shows Hungary, so a point far outside (a typo, swapped
    /// coordinates, 1e300) would shrink the whole country to a dot. The bundled outlines stay within
    /// 45.5–48.6 N and 15.8–23.2 E.
    public static let saneLat = 44.0...50.0
    public static let saneLon = 14.0...25.0

    /// The first point that is not a `[lon, lat]` pair inside the sane bounds, located by feature and index.
    static func outOfBounds(_ features: [[[[Double]]]], file: String) -> LoadError? {
        for (f, lines) in features.enumerated() {
            for (l, line) in lines.enumerated() {
                for (p, point) in line.enumerated() {
                    let field = "lines[\(l)][\(p)]"
                    guard point.count == 2 else {
                        return LoadError(file: file, record: "#\(f + 1)", field: field, message: "a point is [lon, lat]: two numbers, not \(point.count)")
                    }
                    let (lon, lat) = (point[0], point[1])
                    guard saneLat.contains(lat), saneLon.contains(lon) else {
                        return LoadError(file: file, record: "#\(f + 1)", field: field,
                                         message: "point [\(short(lon)), \(short(lat))] is outside the map's bounds (longitude \(saneLon.lowerBound)–\(saneLon.upperBound), latitude \(saneLat.lowerBound)–\(saneLat.upperBound); points are [lon, lat])")
                    }
                }
            }
        }
        return nil
    }

    private static func short(_ value: Double) -> String {
        let text = "\(value)"
        return text.count > 24 ? String(text.prefix(24)) + "..." : text
    }

    /// The on-disk shape: `{"name": "Danube", "lines": [[[lon, lat], ...], ...]}`, as GeoJSON orders coordinates.
    struct FeatureFile: Decodable {
        let name: String
        let lines: [[[Double]]]

        var feature: GeoFeature {
            GeoFeature(name: name, lines: lines.map { line in
                line.map { GeoPoint(lat: $0[1], lon: $0[0]) } // outOfBounds has checked every point
            })
        }
    }
}
