import Foundation
import XCTest
@testable import TanacsModel

/// The date lint: every event date and time and every council's formed and ended date names its basis,
/// and the basis holds. A `stated` date appears in a cited excerpt in one of the forms the sources use
/// ("23 October", "October 23rd", "the 23rd", "23-24 October", and the OCR'd account's "2Jrd" and
/// "4ths"); a `derived` date names its anchor excerpt and how it is reckoned; an `approximate` date is
/// never one exact day; and no title names a day, month or year its date does not cover.
final class DateLintTests: XCTestCase {
    var m: Model { BundledDatasetTests.model }
    static let months = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
                         "october", "november", "december"]

    func testEveryEventDateAndTimeHasABasisThatHolds() {
        var problems: [String] = []
        for e in m.events {
            let texts = e.citations.compactMap { m.excerptByID[$0]?.text }
            problems += check("events.json \(e.id) date", e.date, e.dateBasis, e.dateAnchor, texts)
            if let time = e.time {
                switch e.timeBasis {
                case .stated?:
                    if !texts.contains(where: { DateLintTests.statesTime(time, in: $0) }) { problems.append("events.json \(e.id) time \(time): stated, but no cited excerpt gives it") }
                case .derived?:
                    if e.timeAnchor.map({ m.excerptByID[$0.citation] == nil || $0.reckoning.isEmpty }) ?? true { problems.append("events.json \(e.id) time: derived without an anchor") }
                default: problems.append("events.json \(e.id) time: no basis (stated or derived)")
                }
            }
        }
        XCTAssertEqual(problems, [], problems.joined(separator: "\n"))
    }

    func testEveryCouncilDateHasABasisThatHolds() {
        var problems: [String] = []
        for c in m.councils {
            for (field, claims) in [("formed", c.formed), ("ended", c.ended)] {
                for claim in claims {
                    let text = m.excerptByID[claim.citation].map { [$0.text] } ?? []
                    problems += check("councils.json \(c.id) \(field)", claim.date, claim.basis, claim.anchor, text)
                }
            }
        }
        XCTAssertEqual(problems, [], problems.joined(separator: "\n"))
    }

    func testTitlesNameNoDayMonthOrYearTheirDateDoesNotCover() {
        var problems: [String] = []
        for e in m.events {
            let title = e.title.lowercased()
            // "march" and "may" are months only next to a number ("4 March", "May 1957").
            func names(_ month: String) -> Bool {
                let pattern = ["march", "may"].contains(month) ? "([0-9]\\s+\(month)\\b|\\b\(month)\\s+[0-9])" : "\\b\(month)\\b"
                return title.range(of: pattern, options: .regularExpression) != nil
            }
            for (i, month) in DateLintTests.months.enumerated() where names(month) {
                let covered = (e.date.start.year...e.date.end.year).contains { y in
                    guard let first = Day(year: y, month: i + 1, day: 1) else { return false }
                    return first <= e.date.end && first.adding(days: Day.daysIn(month: i + 1, year: y) - 1) >= e.date.start
                }
                if !covered { problems.append("\(e.id): title names \(month), date is \(e.date.text)") }
            }
            for year in matches("\\b(19[0-9]{2})\\b", in: title).compactMap(Int.init) where !(e.date.start.year...e.date.end.year).contains(year) {
                problems.append("\(e.id): title names \(year), date is \(e.date.text)")
            }
            // "8 November", "9–10 November": every day named must lie inside the date.
            for match in matchGroups("\\b([0-9]{1,2})(?:\\s*[–-]\\s*([0-9]{1,2}))?\\s+(\(DateLintTests.months.joined(separator: "|")))\\b", in: title) {
                let month = DateLintTests.months.firstIndex(of: match[2])! + 1
                for dayText in [match[0], match[1]] where !dayText.isEmpty {
                    guard let day = Day(year: e.date.start.year, month: month, day: Int(dayText)!), e.date.contains(day) else {
                        problems.append("\(e.id): title names \(dayText) \(match[2]), date is \(e.date.text)")
                        continue
                    }
                }
            }
        }
        XCTAssertEqual(problems, [], problems.joined(separator: "\n"))
    }

    func testTheLintCatchesWhatItShould() {
        XCTAssertTrue(DateLintTests.statesDay(Day(year: 1956, month: 10, day: 23)!, in: "resolved to march on the 2Jrd"))
        XCTAssertTrue(DateLintTests.statesDay(Day(year: 1956, month: 11, day: 4)!, in: "The Russian attack began on November 4ths"))
        XCTAssertTrue(DateLintTests.statesDay(Day(year: 1956, month: 10, day: 24)!, in: "On 23-24 October the panic"))
        XCTAssertFalse(DateLintTests.statesDay(Day(year: 1956, month: 10, day: 24)!, in: "The next day a new government"))
        XCTAssertTrue(DateLintTests.statesTime("16:00", in: "joined in after 4 o'clock"))
        XCTAssertTrue(DateLintTests.statesTime("04:30", in: "At 4.30 am an official announcement"))
        XCTAssertFalse(DateLintTests.statesTime("08:30", in: "Half an hour later Nagy"))
        let stated = check("x", HistoricalDate("1956-10-24")!, .stated, nil, ["The next day a new government"])
        XCTAssertEqual(stated.count, 1)
        XCTAssertEqual(check("x", HistoricalDate("1956-10-24")!, .approximate, nil, []).count, 1, "an approximate date is never one day")
        XCTAssertEqual(check("x", HistoricalDate("1956-10-24")!, .derived, nil, []).count, 1, "derived needs its anchor")
        XCTAssertEqual(check("x", HistoricalDate("1956-10-24")!, nil, nil, []).count, 1, "every date names its basis")
    }

    // MARK: The rules

    private func check(_ what: String, _ date: HistoricalDate, _ basis: DateBasis?, _ anchor: DateAnchor?, _ texts: [String]) -> [String] {
        switch basis {
        case nil: return ["\(what) \(date.text): no basis"]
        case .approximate?:
            return date.isSingleDay ? ["\(what) \(date.text): approximate, but one exact day (finer than its basis)"] : []
        case .derived?:
            guard let anchor, let excerpt = m.excerptByID[anchor.citation], !anchor.reckoning.isEmpty else {
                return ["\(what) \(date.text): derived, but names no anchor"]
            }
            // The anchor is a date: the reckoning or the anchor's text names a month or a day.
            let named = (anchor.reckoning + " " + excerpt.text).lowercased()
            if !DateLintTests.months.contains(where: { named.contains($0) }) && matches("\\b[0-9]{1,2}(st|nd|rd|th)\\b", in: named).isEmpty {
                return ["\(what) \(date.text): derived, but its anchor names no date"]
            }
            return []
        case .stated?:
            // An open end states only its start.
            let ends = date.isOpenEnded ? [date.startPart] : date.isInterval ? date.text.split(separator: "/").map { HistoricalDate(String($0))! } : [date]
            for end in ends where !texts.contains(where: { DateLintTests.states(end, in: $0) }) {
                return ["\(what) \(date.text): stated, but no cited excerpt gives \(end.text)"]
            }
            // 1956 is the year all five sources tell, so "23 October" states it; any other year is
            // stated only where a cited excerpt names it.
            for end in ends where end.start.year != 1956 && !texts.contains(where: { $0.contains(String(end.start.year)) }) {
                return ["\(what) \(date.text): stated, but no cited excerpt names the year \(end.start.year)"]
            }
            return []
        }
    }

    static func states(_ date: HistoricalDate, in text: String) -> Bool {
        switch date.precision {
        case .day: return statesDay(date.start, in: text)
        case .month: return text.lowercased().contains(months[date.start.month - 1])
        case .year: return text.contains(String(date.start.year))
        }
    }

    static func statesDay(_ day: Day, in text: String) -> Bool {
        let month = months[day.month - 1], short = String(month.prefix(3)), suffix = "(?:st|nd|rd|th)?s?"
        var numbers = ["\(day.day)"]
        if day.day == 23 { numbers.append("2jrd") } // the OCR'd account's "23rd"
        var patterns: [String] = []
        for n in numbers {
            patterns += ["\\b\(n)\(suffix)\\s+(?:of\\s+)?\(month)\\b", "\\b\(month)\\s+\(n)\(suffix)\\b", "\\b\(short)\\.?\\s+\(n)\(suffix)\\b",
                         "\\b\(n)\(suffix)\\s+\(short)\\b", "\\bthe\\s+\(n)\(suffix)\\b", "\\b\(n)(?:st|nd|rd|th)"]
        }
        patterns += ["\\b\(day.day)\\s*(?:-|–|and)\\s*[0-9]+\\s+\(month)\\b", "\\b[0-9]+\\s*(?:-|–|and)\\s*\(day.day)\\s+\(month)\\b"]
        let lower = text.lowercased()
        return patterns.contains { lower.range(of: $0, options: .regularExpression) != nil }
    }

    static func statesTime(_ time: String, in text: String) -> Bool {
        guard let minutes = Chronology.minute(of: time) else { return false }
        let h = minutes / 60, mm = minutes % 60, h12 = h % 12 == 0 ? 12 : h % 12
        let words = ["twelve", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven"]
        let lower = text.lowercased()
        var patterns = [String(format: "\\b%02d[:.]%02d\\b", h, mm), "\\b\(h12)[:.]\(String(format: "%02d", mm))\\s*(am|pm|a\\.m\\.|p\\.m\\.)"]
        if mm == 0 {
            patterns += ["\\b\(h12)\\s*o\\s*'\\s*clock", "\\b\(words[h12 % 12])\\s+o\\s*'\\s*clock", "\\b\(h12)\\s*(am|pm)\\b",
                         "\\b(\(h12)|\(words[h12 % 12])) in the (morning|afternoon|evening)"]
        }
        return patterns.contains { lower.range(of: $0, options: .regularExpression) != nil }
    }

    private func matches(_ pattern: String, in text: String) -> [String] {
        matchGroups(pattern, in: text).map { $0.first ?? "" }
    }

    /// The capture groups of each match (the whole match when the pattern has none); "" for a group that did not take part.
    private func matchGroups(_ pattern: String, in text: String) -> [[String]] {
        let regex = try! NSRegularExpression(pattern: pattern)
        let ns = text as NSString
        return regex.matches(in: text, range: NSRange(location: 0, length: ns.length)).map { match in
            let groups = match.numberOfRanges > 1 ? Array(1..<match.numberOfRanges) : [0]
            return groups.map { match.range(at: $0).location == NSNotFound ? "" : ns.substring(with: match.range(at: $0)) }
        }
    }
}
