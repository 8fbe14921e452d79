import Foundation
import TanacsModel

/// A latitude and longitude box.
public struct GeoBounds: Sendable, Equatable {
    public var south: Double, north: Double, west: Double, east: Double

    public init(south: Double, north: Double, west: Double, east: Double) {
        self.south = south
        self.north = north
        self.west = west
        self.east = east
    }

    /// The smallest box holding every point, or nil for none.
    public init?(_ points: [GeoPoint]) {
        guard let first = points.first else { return nil }
        self.init(south: first.lat, north: first.lat, west: first.lon, east: first.lon)
        for p in points.dropFirst() {
            south = min(south, p.lat)
            north = max(north, p.lat)
            west = min(west, p.lon)
            east = max(east, p.lon)
        }
    }

    public var center: GeoPoint { GeoPoint(lat: (south + north) / 2, lon: (west + east) / 2) }

    public func padded(_ degrees: Double) -> GeoBounds {
        GeoBounds(south: south - degrees, north: north + degrees, west: west - degrees, east: east + degrees)
    }

    /// Hungary, for a dataset without outlines.
    public static let hungary = GeoBounds(south: 45.75, north: 48.56, west: 16.09, east: 22.88)
}

/// Equirectangular projection onto terminal cells. A degree of longitude is shortened by cos(47°),
/// Hungary's middle latitude, and a cell is taken to be twice as tall as it is wide, so a square
/// kilometre looks square and Hungary comes out about three times as many columns wide as rows tall.
public struct MapProjection: Sendable, Hashable {
    public static let lonScale = cos(47.0 * Double.pi / 180)
    /// Kilometres in a degree of latitude (and of scaled longitude).
    public static let kmPerDegree = 111.32

    public let width: Int
    public let height: Int
    /// Columns per projected degree.
    public let scale: Double
    public let center: GeoPoint

    public init(center: GeoPoint, scale: Double, width: Int, height: Int) {
        self.center = center
        self.scale = scale
        self.width = max(0, width)
        self.height = max(0, height)
    }

    /// The largest scale at which `bounds` fits `width`×`height` cells, centred.
    public init(fitting bounds: GeoBounds, width: Int, height: Int) {
        let spanX = max(1e-6, (bounds.east - bounds.west) * MapProjection.lonScale)
        let spanY = max(1e-6, bounds.north - bounds.south)
        // A row is two columns tall, so `height` rows hold 2·height columns' worth of latitude.
        let scale = min(Double(max(1, width)) / spanX, 2 * Double(max(1, height)) / spanY)
        self.init(center: bounds.center, scale: scale, width: width, height: height)
    }

    /// Where a point falls, in fractional cells from the top-left corner.
    public func point(_ p: GeoPoint) -> (x: Double, y: Double) {
        let x = Double(width) / 2 + (p.lon - center.lon) * MapProjection.lonScale * scale
        let y = Double(height) / 2 - (p.lat - center.lat) * scale / 2
        return (x, y)
    }

    /// The cell a point falls in (possibly outside the map).
    public func cell(_ p: GeoPoint) -> (x: Int, y: Int) {
        let (x, y) = point(p)
        return (Int(x.rounded(.down)), Int(y.rounded(.down)))
    }

    public func contains(_ p: GeoPoint) -> Bool {
        let (x, y) = cell(p)
        return x >= 0 && y >= 0 && x < width && y < height
    }

    /// Ground distance one column covers.
    public var kmPerColumn: Double { MapProjection.kmPerDegree / scale }
}
