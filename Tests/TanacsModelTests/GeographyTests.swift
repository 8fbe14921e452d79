import Foundation
import XCTest
@testable import TanacsModel

final class GeographyTests: XCTestCase {
    func testBundledOutlinesLoadBesideTheDataset() throws {
        let geography = try DataLoader.load(from: Paths.bundled).geography
        XCTAssertEqual(geography.border.map(\.name), ["Hungary"])
        XCTAssertEqual(Set(geography.rivers.map(\.name)).intersection(["Danube", "Tisza", "Soroksári-Duna"]).count, 3)
        XCTAssertEqual(geography.lakes.map(\.name), ["Lake Balaton"])
        // Points are (lon, lat) on disk; Hungary lies between 45.7–48.6 N and 16.1–22.9 E, give or take.
        for p in geography.border[0].lines.joined() {
            XCTAssertTrue((45.7...48.6).contains(p.lat) && (16.0...23.0).contains(p.lon), "\(p)")
        }
    }

    func testMissingOutlinesAreEmptyAndMalformedOnesAreReported() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tanacs-geo-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        XCTAssertTrue(try Geography.load(from: folder.appendingPathComponent("nowhere")).isEmpty)
        try "[{\"name\": \"Danube\"}]".write(to: folder.appendingPathComponent("rivers.json"), atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try Geography.load(from: folder)) { error in
            XCTAssertTrue("\(error)".contains("geo/rivers.json"), "\(error)")
        }
    }
}
