import Foundation

/// Places as an RFC 7946 GeoJSON FeatureCollection of Point features, coordinates [lon, lat] in WGS 84.
/// Properties are flat strings and numbers so QGIS and spreadsheets read them as columns.
public enum GeoJSONExport {
    public struct Collection: Encodable, Sendable {
        public let type = "FeatureCollection"
        public let features: [Feature]
    }

    public struct Feature: Encodable, Sendable {
        public let type = "Feature"
        public let id: String
        public let geometry: Point
        public let properties: Properties
    }

    public struct Point: Encodable, Sendable {
        public let type = "Point"
        /// [longitude, latitude].
        public let coordinates: [Double]
    }

    public struct Properties: Encodable, Sendable {
        public let id: String
        public let name: String
        /// Other spellings and historical names, joined with "; ".
        public let names: String
        public let kind: String
        public let parent: String?
        public let placement: String?
        public let abroad: Bool
        /// Names of the councils seated there or inside it, joined with "; ".
        public let councils: String
        public let councilCount: Int
        /// Events there or inside it (that the filter keeps).
        public let eventCount: Int
        public let population1956: Int?
        public let summary: String
    }

    /// Every place the selection covers; with a filter, only places where a kept event happened.
    public static func collection(_ s: ExportSelection, clean: @escaping TextFilter = { $0 }) -> Collection {
        let m = s.model
        let features = s.places.compactMap { p -> Feature? in
            let events = s.eventCount(at: p.id)
            if !s.filter.isEmpty && events == 0 { return nil }
            let councils = m.councilsByPlace[p.id] ?? []
            return Feature(id: p.id, geometry: Point(coordinates: [p.lon, p.lat]), properties: Properties(
                id: p.id, name: clean(p.name), names: p.names.map(clean).joined(separator: "; "), kind: p.kind.rawValue,
                parent: p.parent, placement: p.placement.map(clean), abroad: p.isAbroad,
                councils: councils.map { clean(m.name(of: $0) ?? $0) }.joined(separator: "; "),
                councilCount: councils.count, eventCount: events, population1956: p.population1956?.value,
                summary: clean(p.summary)))
        }
        return Collection(features: features)
    }

    public static func render(_ s: ExportSelection, clean: @escaping TextFilter = { $0 }) throws -> Data {
        try RecordJSON.encode(collection(s, clean: clean))
    }
}
