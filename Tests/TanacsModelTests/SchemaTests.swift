import Foundation
import XCTest
@testable import TanacsModel

/// data/schema/*.schema.json describe data/*.json: every required field is present, no field is unknown,
/// and enumerated fields hold listed values.
final class SchemaTests: XCTestCase {
    /// The loader's list of known fields (for unknown-field warnings) is the schemas' list.
    func testLoaderKnowsExactlyTheSchemaFields() throws {
        for kind in ["sources", "excerpts", "places", "councils", "events", "people", "figures", "outside-knowledge"] {
            let schemaURL = Paths.bundled.appendingPathComponent("schema/\(kind).schema.json")
            let schema = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: schemaURL)) as? [String: Any])
            let items = try XCTUnwrap(schema["items"] as? [String: Any])
            let properties = try XCTUnwrap(items["properties"] as? [String: [String: Any]])
            let known = try XCTUnwrap(KnownFields.table["\(kind).json"])
            XCTAssertEqual(known.names, Set(properties.keys), kind)
            for (field, nested) in known.nested {
                let property = try XCTUnwrap(properties[field], "\(kind).\(field)")
                // A nested object's fields, directly, in an array, or in either form (oneOf).
                let shapes = [property] + ((property["oneOf"] as? [[String: Any]]) ?? [])
                let objects = shapes.compactMap { shape -> [String: Any]? in
                    if shape["properties"] != nil { return shape }
                    return shape["items"] as? [String: Any]
                }
                let fields = objects.compactMap { $0["properties"] as? [String: Any] }.first.map { Set($0.keys) }
                XCTAssertEqual(nested.names, fields, "\(kind).\(field)")
            }
        }
    }

    func testEveryRecordMatchesItsSchemaFields() throws {
        // passages.json is generated (data/make-passages.sh) but checked like the rest.
        for kind in ["sources", "excerpts", "places", "councils", "events", "people", "figures", "outside-knowledge", "passages"] {
            let schemaURL = Paths.bundled.appendingPathComponent("schema/\(kind).schema.json")
            let schema = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: schemaURL)) as? [String: Any])
            let items = try XCTUnwrap(schema["items"] as? [String: Any], kind)
            let properties = try XCTUnwrap(items["properties"] as? [String: [String: Any]], kind)
            let required = try XCTUnwrap(items["required"] as? [String], kind)
            let records = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: Paths.bundled.appendingPathComponent("\(kind).json"))) as? [[String: Any]])
            for record in records {
                let id = record["id"] as? String ?? "?"
                for field in required { XCTAssertNotNil(record[field], "\(kind).json \(id): missing \(field)") }
                for (field, value) in record {
                    guard let property = properties[field] else { XCTFail("\(kind).json \(id): field \(field) is not in the schema"); continue }
                    if let allowed = property["enum"] as? [String] {
                        XCTAssertTrue(allowed.contains(value as? String ?? ""), "\(kind).json \(id): \(field) = \(value)")
                    }
                    if let pattern = property["pattern"] as? String, let text = value as? String {
                        XCTAssertNotNil(text.range(of: pattern, options: .regularExpression), "\(kind).json \(id): \(field) \"\(text)\" does not match \(pattern)")
                    }
                }
            }
        }
    }
}
