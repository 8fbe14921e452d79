import Foundation

/// Events as a TimelineJS 3 JSON file: a title slide and one slide per event, each with
/// `start_date` (and `end_date` for a span) as {year, month, day}, `text.headline` and `text.text`
/// (HTML), the event kind as `group`, and the quotations behind it in the text with their sources.
public enum TimelineJSExport {
    public struct Timeline: Encodable, Sendable {
        public let title: Slide
        public let events: [Slide]
    }

    public struct Slide: Encodable, Sendable {
        public let startDate: DateParts?
        public let endDate: DateParts?
        public let displayDate: String?
        public let text: SlideText
        public let group: String?
        public let uniqueId: String
    }

    public struct DateParts: Encodable, Sendable, Equatable {
        public let year: Int
        public let month: Int?
        public let day: Int?
        public let hour: Int?
        public let minute: Int?
    }

    public struct SlideText: Encodable, Sendable {
        public let headline: String
        public let text: String
    }

    public static func timeline(_ s: ExportSelection, clean: @escaping TextFilter = { $0 }) -> Timeline {
        let m = s.model
        let h: (String) -> String = { html(clean($0)) }
        let events = s.events.filter { clipped($0.date, from: s.filter.from, to: s.filter.to) != nil }
        let authors = s.sources.map { "\(h($0.author)), <i>\(h($0.title))</i>" }.joined(separator: "; ")
        let title = Slide(startDate: nil, endDate: nil, displayDate: nil,
                          text: SlideText(headline: "The Hungarian Revolution of 1956",
                                          text: "<p>\(events.count) events from Tanács. Summaries are the project's own words; "
                                              + "every one is backed by quotations from the sources: \(authors).</p>"),
                          group: nil, uniqueId: "title")
        var used: Set<String> = []
        let slides = events.compactMap { e -> Slide? in
            guard let (startDay, endDay) = clipped(e.date, from: s.filter.from, to: s.filter.to) else { return nil }
            let parts = e.date.text.split(separator: "/").map(String.init)
            var start = dateParts(parts[0], end: false)
            if startDay != e.date.start { start = DateParts(year: startDay.year, month: startDay.month, day: startDay.day, hour: nil, minute: nil) }
            if let time = e.time, parts.count == 1, start.day != nil {
                let hm = time.split(separator: ":").compactMap { Int($0) }
                if hm.count == 2 { start = DateParts(year: start.year, month: start.month, day: start.day, hour: hm[0], minute: hm[1]) }
            }
            // A span ends on its last day: "1956-11" as an end means 30 November, not the 1st. A date
            // whose end the sources do not state gets no end.
            let end = e.date.isOpenEnded ? nil : parts.count > 1 || endDay != e.date.end
                ? DateParts(year: endDay.year, month: endDay.month, day: endDay.day, hour: nil, minute: nil) : nil
            var body = "<p>\(h(e.summary))</p>"
            if let claims = e.dateClaims, Set(claims.map(\.date.text)).count > 1 {
                let each = claims.map { claim -> String in
                    let source = m.excerptByID[claim.citation].flatMap { m.sourceByID[$0.source] }
                    return "\(h(claim.date.display)) (\(h(source?.author ?? "?")))"
                }
                body += "<p><b>The sources disagree on the date:</b> " + each.joined(separator: "; ") + ".</p>"
            }
            let links = [("Places", e.places), ("Councils", e.councils), ("People", e.people)]
                .filter { !$0.1.isEmpty }
                .map { "\($0.0): " + $0.1.map { h(m.name(of: $0) ?? $0) }.joined(separator: ", ") }
            if !links.isEmpty { body += "<p>" + links.joined(separator: "<br>") + "</p>" }
            for id in e.citations + (e.dateClaims ?? []).map(\.citation) {
                guard let x = m.excerptByID[id] else { continue }
                let src = m.sourceByID[x.source]
                body += "<blockquote>\(h(QuoteMarks.wrap(x.text)))</blockquote><p><small>— \(h(src?.author ?? x.source)), "
                    + "<i>\(h(src?.title ?? ""))</i>, paragraph \(x.paragraph)</small></p>"
            }
            var uid = e.id.replacingOccurrences(of: ":", with: "-")
            while !used.insert(uid).inserted { uid += "-" }
            return Slide(startDate: start, endDate: end, displayDate: e.date.display + (e.time.map { ", \($0)" } ?? ""),
                         text: SlideText(headline: h(e.title), text: body), group: e.kind.rawValue.capitalized, uniqueId: uid)
        }
        return Timeline(title: title, events: slides)
    }

    public static func render(_ s: ExportSelection, clean: @escaping TextFilter = { $0 }) throws -> Data {
        try RecordJSON.encode(timeline(s, clean: clean))
    }

    /// The days of an event's date inside `from`...`to`, or nil when it is not in the range. A date
    /// known only to the month or year names one unknown day in it, so it is kept only when all of
    /// that period is in the range; a span of days is cut to the range.
    /// A date with no stated end starts where it starts, and is kept when that is not after the range.
    static func clipped(_ date: HistoricalDate, from: Day?, to: Day?) -> (Day, Day)? {
        if date.isOpenEnded { return to.map { date.start <= $0 } ?? true ? (date.start, date.statedEnd) : nil }
        let low = from ?? date.start, high = to ?? date.end
        if date.isInterval {
            let start = max(date.start, low), end = min(date.end, high)
            return start <= end ? (start, end) : nil
        }
        return date.start >= low && date.end <= high ? (date.start, date.end) : nil
    }

    /// YYYY, YYYY-MM or YYYY-MM-DD as TimelineJS date parts; only the parts the date states.
    static func dateParts(_ text: String, end: Bool) -> DateParts {
        let d = HistoricalDate(text)!
        let day = end ? d.end : d.start
        switch d.precision {
        case .year: return DateParts(year: day.year, month: nil, day: nil, hour: nil, minute: nil)
        case .month: return DateParts(year: day.year, month: day.month, day: nil, hour: nil, minute: nil)
        case .day: return DateParts(year: day.year, month: day.month, day: day.day, hour: nil, minute: nil)
        }
    }

    /// Escapes text for HTML.
    public static func html(_ s: String) -> String {
        var out = ""
        for c in s {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(c)
            }
        }
        return out
    }
}
