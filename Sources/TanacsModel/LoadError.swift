/// A problem in the data, located as precisely as the loader can: file, record, field, line and column.
public struct LoadError: Error, Sendable, Equatable, CustomStringConvertible {
    public let file: String
    public let record: String?
    public let field: String?
    public let line: Int?
    public let column: Int?
    public let message: String
    /// Characters of a message printed; the rest of a huge quoted value is cut.
    public static let maxMessage = 400

    public init(file: String, record: String? = nil, field: String? = nil, line: Int? = nil, column: Int? = nil, message: String) {
        self.file = file
        self.record = record
        self.field = field
        self.line = line
        self.column = column
        self.message = message
    }

    /// One line: `data/events.json:12:5: record event:x, field date: invalid date "1956-13-40"`.
    public var description: String {
        var where_ = file
        if let line { where_ += ":\(line)" + (column.map { ":\($0)" } ?? "") }
        var parts = [where_]
        // Both come from the data: escaped, so an invisible or look-alike character shows.
        if let record { parts.append("record \(VisibleText.id(record))") }
        if let field { parts.append("field \(VisibleText.id(field))") }
        // A message may quote a value from the data; a huge one is cut so the line stays a line.
        let shown = message.count > LoadError.maxMessage ? message.prefix(LoadError.maxMessage) + "... (cut)" : Substring(message)
        return parts.joined(separator: ", ") + ": " + shown
    }
}

/// Every problem found, so one run reports them all.
public struct LoadErrors: Error, Sendable, CustomStringConvertible {
    public let errors: [LoadError]
    /// True when there is no dataset at all (no such folder, a file, a folder of something else):
    /// missing input (exit 66) rather than bad data (65).
    public let datasetMissing: Bool
    public init(_ errors: [LoadError], datasetMissing: Bool = false) {
        self.errors = errors
        self.datasetMissing = datasetMissing
    }
    public var description: String { errors.map(\.description).joined(separator: "\n") }
}
