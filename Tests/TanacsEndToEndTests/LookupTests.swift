import Foundation
import XCTest

/// A RECORD argument is an id, an id without its kind, or a name (README, "Command line").
final class LookupTests: XCTestCase {
    private func shownID(_ argument: String, file: StaticString = #filePath, line: UInt = #line) throws -> String? {
        let result = try CLI.run(["show", argument, "--json"])
        XCTAssertEqual(result.status, 0, "\(argument): \(result.stderr)", file: file, line: line)
        return (try? JSONSerialization.jsonObject(with: result.data) as? [String: Any])?["id"] as? String
    }

    func testIdsBareIdsAndNamesFindTheirRecord() throws {
        // Bare ids here differ from every name, so only the bare-id rule finds them.
        XCTAssertEqual(try shownID("council:gyor-national-council"), "council:gyor-national-council")
        XCTAssertEqual(try shownID("gyor-national-council"), "council:gyor-national-council")
        XCTAssertEqual(try shownID("1956-10-25-miskolc-broadcast"), "event:1956-10-25-miskolc-broadcast")
        XCTAssertEqual(try shownID("haynes-p32-2"), "excerpt:haynes-p32-2")
        // A name, with or without its accents.
        XCTAssertEqual(try shownID("Győr National Revolutionary Committee"), "council:gyor-national-council")
        XCTAssertEqual(try shownID("sandor racz"), "person:sandor-racz")
        // A word that is part of two records' ids and names is neither: the command says which it could be.
        let ambiguous = try CLI.run(["show", "sandor"])
        XCTAssertEqual(ambiguous.status, 64)
        XCTAssertTrue(ambiguous.stderr.contains("person:sandor-bali") && ambiguous.stderr.contains("person:sandor-racz"), ambiguous.stderr)
    }
}
