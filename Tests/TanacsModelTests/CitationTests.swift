import XCTest
@testable import TanacsModel

/// The parts of a citation that no source in the bundled data exercises: BibTeX's special characters,
/// and how locators are named.
final class CitationTests: XCTestCase {
    /// Every character BibTeX gives a meaning is written so that it prints as itself.
    func testBibTeXEscapesEachSpecialCharacter() {
        let cases: [(String, String)] = [
            ("50% of 100", #"50\% of 100"#), ("Marx & Engels", #"Marx \& Engels"#), ("$5", #"\$5"#),
            ("No #1", ##"No \#1"##), ("snake_case", #"snake\_case"#), ("{a}", #"\{a\}"#),
            ("a~b", #"a\textasciitilde{}b"#), ("a^b", #"a\textasciicircum{}b"#), (#"a\b"#, #"a\textbackslash{}b"#),
            ("Győr – „no”", "Győr – „no”"),
        ]
        for (text, expected) in cases {
            XCTAssertEqual(Citation.bibtexEscape(text), expected, text)
        }
    }

    /// One paragraph is "par.", several are "pars.", and page-and-line locators stand as they are.
    func testLocatorsAreNamedByHowManyAndWhatKind() {
        XCTAssertEqual(Citation.place(["12"], paragraph: "par. ", paragraphs: "pars. "), "par. 12")
        XCTAssertEqual(Citation.place(["12", "14"], paragraph: "par. ", paragraphs: "pars. "), "pars. 12, 14")
        XCTAssertEqual(Citation.place(["p. 2, lines 18–19", "p. 3, line 4"], paragraph: "par. ", paragraphs: "pars. "),
                       "p. 2, lines 18–19; p. 3, line 4")
        XCTAssertEqual(Citation.place([], paragraph: "par. ", paragraphs: "pars. "), "")
    }
}
