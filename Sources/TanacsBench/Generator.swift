import Foundation
import TanacsModel

/// Writes a synthetic dataset `scale` times the size of a real one: copy 1 is the dataset itself,
/// copy K (K ≥ 2) suffixes every id with `-copyK`, remaps every reference inside the copy, adds
/// " (copy K)" to names and titles, and shifts its places a little so the copies do not sit on top
/// of each other. Sources are shared; excerpt text is kept verbatim; `geo/` is copied as it is.
public enum Generator {
    public struct Counts: Sendable, Equatable {
        public var records: [String: Int] = [:]
        public var total: Int { records.values.reduce(0, +) }
    }

    /// Files whose records are copied (sources are the articles themselves and stay shared).
    static let copied = ["excerpts.json", "places.json", "councils.json", "events.json", "people.json", "figures.json"]
    /// The largest part file written; the loader's limit is 32 MB a file.
    static let partBytes = 24 << 20
    /// Fields that hold free text, never ids.
    static let textKeys: Set<String> = ["text", "summary", "title", "name", "names", "topic", "as_stated",
                                        "role", "roles", "unit", "notes", "author", "publication", "file"]
    /// Fields of names and titles that get " (copy K)" so copies can be told apart on screen.
    static let labelKeys: Set<String> = ["name", "title", "topic"]

    @discardableResult
    public static func generate(from source: URL, scale: Int, to out: URL) throws -> Counts {
        precondition(scale >= 1, "scale must be 1 or more")
        let fm = FileManager.default
        try fm.createDirectory(at: out, withIntermediateDirectories: true)
        func read(_ name: String) throws -> [[String: Any]] {
            let data = try Data(contentsOf: source.appendingPathComponent(name))
            guard let array = try JSONSerialization.jsonObject(with: data) as? [[String: Any]] else {
                throw GeneratorError(message: "\(name): expected an array of objects")
            }
            return array
        }
        var tables: [String: [[String: Any]]] = [:]
        for name in ["sources.json"] + copied { tables[name] = try read(name) }
        // Every id a copy renames: all records except the shared sources.
        var ids: Set<String> = []
        for name in copied { for record in tables[name]! { if let id = record["id"] as? String { ids.insert(id) } } }

        var counts = Counts()
        counts.records["sources.json"] = tables["sources.json"]!.count
        try write(tables["sources.json"]!, to: out.appendingPathComponent("sources.json"))
        for name in copied {
            let records = tables[name]!
            // Parts of at most `partBytes` (the loader refuses files over 32 MB): as many copies per
            // part as fit, judged by the size of copy 1.
            let perCopy = max(1, try JSONSerialization.data(withJSONObject: records, options: [.sortedKeys, .withoutEscapingSlashes]).count)
            let copiesPerPart = max(1, partBytes / perCopy)
            var total = 0, part = 1, k = 1
            while k <= scale {
                var result: [Any] = []
                let last = min(scale, k + copiesPerPart - 1)
                result.reserveCapacity(records.count * (last - k + 1))
                for copy in k...last {
                    let shift = offset(copy)
                    for record in records {
                        var item = copy == 1 ? record : (remap(record, copy: copy, ids: ids, key: nil) as! [String: Any])
                        if name == "places.json", copy > 1 { item = shifted(item, by: shift) }
                        result.append(item)
                    }
                }
                total += result.count
                try write(result, to: out.appendingPathComponent(DataLoader.partName(name, part)))
                part += 1
                k = last + 1
            }
            // No stale parts from an earlier, larger run.
            while fm.fileExists(atPath: out.appendingPathComponent(DataLoader.partName(name, part)).path) {
                try fm.removeItem(at: out.appendingPathComponent(DataLoader.partName(name, part)))
                part += 1
            }
            counts.records[name] = total
        }
        // The map's outlines, unchanged.
        let geo = source.appendingPathComponent("geo"), geoOut = out.appendingPathComponent("geo")
        if fm.fileExists(atPath: geo.path) {
            try fm.createDirectory(at: geoOut, withIntermediateDirectories: true)
            for file in try fm.contentsOfDirectory(atPath: geo.path) where file.hasSuffix(".json") {
                let target = geoOut.appendingPathComponent(file)
                if fm.fileExists(atPath: target.path) { try fm.removeItem(at: target) }
                try fm.copyItem(at: geo.appendingPathComponent(file), to: target)
            }
        }
        return counts
    }

    /// Copy K's version of a JSON value: ids renamed, labels marked, free text untouched.
    static func remap(_ value: Any, copy k: Int, ids: Set<String>, key: String?) -> Any {
        switch value {
        case let s as String:
            if let key, labelKeys.contains(key) { return "\(s) (copy \(k))" }
            if let key, textKeys.contains(key) { return s }
            return ids.contains(s) ? "\(s)-copy\(k)" : s
        case let array as [Any]:
            return array.map { remap($0, copy: k, ids: ids, key: key) }
        case let object as [String: Any]:
            var result: [String: Any] = [:]
            for (field, v) in object { result[field] = remap(v, copy: k, ids: ids, key: field) }
            return result
        default:
            return value
        }
    }

    /// A small, repeatable shift for copy K's places: up to about ±0.3° of latitude, ±0.5° of longitude.
    static func offset(_ k: Int) -> (lat: Double, lon: Double) {
        guard k > 1 else { return (0, 0) }
        var x = UInt64(truncatingIfNeeded: k) &* 0x9E37_79B9_7F4A_7C15
        x ^= x >> 29
        let a = Double(x & 0xFFFF) / 65535, b = Double((x >> 16) & 0xFFFF) / 65535
        return ((a - 0.5) * 0.6, (b - 0.5) * 1.0)
    }

    /// Moves a place by the copy's shift, staying inside Hungary's box when it was there.
    static func shifted(_ place: [String: Any], by shift: (lat: Double, lon: Double)) -> [String: Any] {
        guard let lat = (place["lat"] as? NSNumber)?.doubleValue, let lon = (place["lon"] as? NSNumber)?.doubleValue else { return place }
        var copy = place
        let abroad = (place["abroad"] as? Bool) ?? false
        var newLat = lat + shift.lat, newLon = lon + shift.lon
        if !abroad {
            newLat = min(max(newLat, 45.8), 48.5)
            newLon = min(max(newLon, 16.2), 22.8)
        }
        copy["lat"] = (newLat * 10_000).rounded() / 10_000
        copy["lon"] = (newLon * 10_000).rounded() / 10_000
        return copy
    }

    static func write(_ records: [Any], to url: URL) throws {
        let data = try JSONSerialization.data(withJSONObject: records, options: [.sortedKeys, .withoutEscapingSlashes])
        try data.write(to: url)
    }
}

public struct GeneratorError: Error, CustomStringConvertible {
    public let message: String
    public var description: String { message }
}
