/// A problem in the data, located as precisely as the loader can: file, record, field, line and column.
public struct LoadError: Error, Sendable, Equatable, CustomStringConvertible {
    public let file: String
    public let record: String?
    public let field: String?
    public let line: Int?
    public let column: Int?
    public let message: String

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
        if let record { parts.append("record \(record)") }
        if let field { parts.append("field \(field)") }
        return parts.joined(separator: ", ") + ": " + message
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
