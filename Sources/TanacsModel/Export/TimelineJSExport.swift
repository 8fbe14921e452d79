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
        let authors = s.sources.map { "\(h($0.author)), <i>\(h($0.title))</i>" }.joined(separator: "; ")
        let title = Slide(startDate: nil, endDate: nil, displayDate: nil,
                          text: SlideText(headline: "The Hungarian Revolution of 1956",
                                          text: "<p>\(s.events.count) events from Tanács. Summaries are the project's own words; "
                                              + "every one is backed by quotations from the sources: \(authors).</p>"),
                          group: nil, uniqueId: "title")
        var used: Set<String> = []
        let slides = s.events.map { e -> Slide in
            let parts = e.date.text.split(separator: "/").map(String.init)
            var start = dateParts(parts[0], end: false)
            if let time = e.time, parts.count == 1, start.day != nil {
                let hm = time.split(separator: ":").compactMap { Int($0) }
                if hm.count == 2 { start = DateParts(year: start.year, month: start.month, day: start.day, hour: hm[0], minute: hm[1]) }
            }
            let end = parts.count > 1 ? dateParts(parts[1], end: true) : nil
            var body = "<p>\(h(e.summary))</p>"
            let links = [("Places", e.places), ("Councils", e.councils), ("People", e.people)]
                .filter { !$0.1.isEmpty }
                .map { "\($0.0): " + $0.1.map { h(m.name(of: $0) ?? $0) }.joined(separator: ", ") }
            if !links.isEmpty { body += "<p>" + links.joined(separator: "<br>") + "</p>" }
            for id in e.citations + (e.dateClaims ?? []).map(\.citation) {
                guard let x = m.excerptByID[id] else { continue }
                let src = m.sourceByID[x.source]
                body += "<blockquote>“\(h(x.text))”</blockquote><p><small>— \(h(src?.author ?? x.source)), "
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
