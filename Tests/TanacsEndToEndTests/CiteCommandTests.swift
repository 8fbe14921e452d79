import Foundation
import XCTest

/// `tanacs cite ID --style S`: every style checked field by field against sources.json, CSL-JSON parsed.
final class CiteCommandTests: XCTestCase {
    private let data = Tmux.repo.appendingPathComponent("data")

    private func records(_ file: String) throws -> [[String: Any]] {
        try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: data.appendingPathComponent(file))) as? [[String: Any]])
    }

    private func excerpt(from source: String) throws -> (id: String, paragraph: Int, text: String) {
        let x = try XCTUnwrap(try records("excerpts.json").first { $0["source"] as? String == source })
        return (x["id"] as! String, x["paragraph"] as! Int, x["text"] as! String)
    }

    private func cite(_ id: String, _ style: String) throws -> String {
        let result = try CLI.run(["cite", id, "--style", style], data: data)
        XCTAssertEqual(result.status, 0, result.stderr)
        return result.stdout
    }

    func testChicagoMLAAndAPA() throws {
        let x = try excerpt(from: "source:kosuth")
        let title = "Hungary 1956: Revolution in a “workers’ state”"
        let inner = "Hungary 1956: Revolution in a ‘workers’ state’"  // double marks inside double marks become single
        XCTAssertEqual(try cite(x.id, "chicago"),
                       "Kosuth, Dennis. “\(inner).” International Socialist Review, no. 51 (January–February 2007), par. \(x.paragraph).\n")
        XCTAssertEqual(try cite(x.id, "mla"),
                       "Kosuth, Dennis. “\(inner).” International Socialist Review, no. 51, Jan.–Feb. 2007, par. \(x.paragraph).\n")
        XCTAssertEqual(try cite(x.id, "apa"),
                       "Kosuth, D. (2007). \(title). International Socialist Review, 51. (para. \(x.paragraph))\n")
        // An unknown author and date are left out, never guessed.
        let blog = try excerpt(from: "source:blog")
        let apa = try cite(blog.id, "apa")
        XCTAssertTrue(apa.hasPrefix("23rd October 1956 – the Hungarian Revolution"), apa)
        XCTAssertTrue(apa.contains("(n.d.)"))
        XCTAssertFalse(try cite(blog.id, "chicago").contains("unknown"))
    }

    func testBibTeXFields() throws {
        let x = try excerpt(from: "source:kosuth")
        let bib = try cite(x.id, "bibtex")
        XCTAssertTrue(bib.hasPrefix("@article{kosuth2007,\n"), bib)
        let fields = Dictionary(uniqueKeysWithValues: bib.split(separator: "\n").dropFirst().dropLast().map { line -> (String, String) in
            let parts = line.trimmingCharacters(in: .whitespaces).split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            return (parts[0], parts[1].trimmingCharacters(in: CharacterSet(charactersIn: ",")))
        })
        XCTAssertEqual(fields["author"], "{Kosuth, Dennis}")
        XCTAssertEqual(fields["title"], "{Hungary 1956: Revolution in a “workers’ state”}")
        XCTAssertEqual(fields["journal"], "{International Socialist Review}")
        XCTAssertEqual(fields["number"], "{51}")
        XCTAssertEqual(fields["year"], "{2007}")
        XCTAssertEqual(fields["month"], "jan")
        XCTAssertTrue(fields["note"]?.hasPrefix("{par. \(x.paragraph): “") ?? false, fields["note"] ?? "")
        XCTAssertTrue(bib.hasSuffix("}\n"))
        // A quotation holding the source's own double marks is marked once, in single ones.
        let own = try cite("excerpt:kosuth-p40-3", "bibtex")
        XCTAssertTrue(own.contains("note = {par. 40: ‘“In solidarity with our Polish brothers,”"), own)
        XCTAssertFalse(own.contains("““"), own)
        // A source that is no journal issue is @misc with howpublished.
        XCTAssertTrue(try cite(try excerpt(from: "source:marakis").id, "bibtex").hasPrefix("@misc{marakisnd,"))
    }

    func testCSLJSONParsesWithEveryField() throws {
        let x = try excerpt(from: "source:kosuth")
        let out = try cite(x.id, "csl-json")
        let items = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(out.utf8)) as? [[String: Any]])
        XCTAssertEqual(items.count, 1)
        let item = items[0]
        XCTAssertEqual(item["id"] as? String, "kosuth2007")
        XCTAssertEqual(item["type"] as? String, "article-journal")
        XCTAssertEqual(item["title"] as? String, "Hungary 1956: Revolution in a “workers’ state”")
        XCTAssertEqual(item["container-title"] as? String, "International Socialist Review")
        XCTAssertEqual(item["issue"] as? String, "51")
        let author = try XCTUnwrap((item["author"] as? [[String: String]])?.first)
        XCTAssertEqual(author, ["family": "Kosuth", "given": "Dennis"])
        XCTAssertEqual((item["issued"] as? [String: [[Int]]])?["date-parts"], [[2007, 1]])
        XCTAssertEqual(item["label"] as? String, "paragraph")
        XCTAssertEqual(item["locator"] as? String, "\(x.paragraph)")
        XCTAssertEqual(item["note"] as? String, "“\(x.text)”")
    }

    /// The PDF-derived account is cited by page and printed line, from data/passages.json.
    func testPagedSourceIsCitedByPageAndLine() throws {
        let x = try excerpt(from: "source:prole")
        let passage = try XCTUnwrap(try records("passages.json").first { $0["excerpt"] as? String == x.id })
        let page = passage["page"] as! Int, line = passage["line"] as! Int, last = passage["last_line"] as! Int
        let where_ = line == last ? "p. \(page), line \(line)" : "p. \(page), lines \(line)–\(last)"
        let chicago = try cite(x.id, "chicago")
        XCTAssertTrue(chicago.hasSuffix(", \(where_).\n"), chicago)
        XCTAssertFalse(chicago.contains("par."))
        let item = try XCTUnwrap((JSONSerialization.jsonObject(with: Data(try cite(x.id, "csl-json").utf8)) as? [[String: Any]])?.first)
        XCTAssertEqual(item["label"] as? String, "page")
        XCTAssertEqual(item["locator"] as? String, String(where_.dropFirst(3)))
        XCTAssertNil(item["author"], "anonymous: no author invented")
    }

    /// A record is cited by every source it quotes, each with all the places cited.
    func testARecordCitesEachSourceItQuotes() throws {
        let event = try XCTUnwrap(try records("events.json").first { ($0["citations"] as? [String] ?? []).count >= 2 })
        let id = event["id"] as! String
        let out = try cite(id, "chicago")
        let sources = Set(try records("excerpts.json").filter { (event["citations"] as! [String]).contains($0["id"] as! String) }.map { $0["source"] as! String })
        XCTAssertGreaterThanOrEqual(out.split(separator: "\n").count, sources.count, out)
        let items = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(try cite(id, "csl-json").utf8)) as? [[String: Any]])
        XCTAssertGreaterThanOrEqual(items.count, sources.count)
        let bad = try CLI.run(["cite", "no-such-record"], data: data)
        XCTAssertEqual(bad.status, 64)
        XCTAssertTrue(bad.stderr.contains("no record"), bad.stderr)
        let style = try CLI.run(["cite", id, "--style", "harvard"], data: data)
        XCTAssertEqual(style.status, 64)
    }
}
