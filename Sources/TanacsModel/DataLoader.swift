import Foundation

/// A dataset loaded and checked, with the problems that did not stop it loading (unknown fields).
public struct LoadedData: Sendable {
    public let model: Model
    /// Located like errors, but the data still loads: e.g. a field the explorer does not know.
    public let warnings: [LoadError]
}

/// Reads a dataset folder into a validated `Model`.
public enum DataLoader {
    public static let files = ["sources.json", "excerpts.json", "places.json", "councils.json",
                               "events.json", "people.json", "figures.json"]
    /// The outside-knowledge register; a dataset without one has nothing from outside its sources.
    public static let registerFile = "outside-knowledge.json"

    /// A kind's records may go on in parts beside its file, `events.2.json`, `events.3.json` and so on
    /// (read in that order, up to the first missing number), so a dataset larger than the file limit
    /// still loads: `tanacs-bench generate` splits at 1,000 copies.
    public static func partName(_ file: String, _ part: Int) -> String {
        part == 1 ? file : String(file.dropLast(5)) + ".\(part).json"
    }

    /// `events.json` for `events.2.json`: the file whose kind of record a part holds.
    static func kindFile(of name: String) -> String {
        let stem = name.dropLast(5)
        guard name.hasSuffix(".json"), let dot = stem.lastIndex(of: "."),
              !stem[stem.index(after: dot)...].isEmpty, stem[stem.index(after: dot)...].allSatisfy(\.isASCII), Int(stem[stem.index(after: dot)...]) != nil else { return name }
        return String(stem[..<dot]) + ".json"
    }

    /// The parts of `file` that `exists` finds, the file itself first (even when missing, so a missing
    /// file is reported as before).
    static func parts(of file: String, exists: (String) -> Bool) -> [String] {
        var names = [file], part = 2
        while exists(partName(file, part)) {
            names.append(partName(file, part))
            part += 1
        }
        return names
    }

    /// The kind of record each file holds, as the validator names it.
    static let kindOfFile = ["sources.json": "source", "excerpts.json": "excerpt", "places.json": "place",
                             "councils.json": "council", "events.json": "event", "people.json": "person",
                             "figures.json": "figure"]

    /// Files larger than this are refused before they are read, so a stray huge file cannot exhaust
    /// memory or time. The bundled dataset's largest file is about 200 KB.
    public static let maxFileBytes = 32 << 20
    /// Records per file whose decoding errors are each reported; the rest are counted.
    static let maxDecodeErrorsPerFile = 50

    /// Loads and checks every file; throws `LoadErrors` listing every problem found.
    public static func load(from folder: URL) throws -> Model {
        try loadReportingWarnings(from: folder).model
    }

    /// Like `load(from:)`, also returning warnings: fields no record kind knows, which are ignored.
    /// Throws `NotEnoughMemory` before reading when the files would not fit under the memory limits.
    public static func loadReportingWarnings(from folder: URL) throws -> LoadedData {
        try loadReportingWarnings(from: folder, fastPath: true)
    }

    /// `fastPath: false` reads every file the checking way; see `load(fastPath:reading:)`.
    static func loadReportingWarnings(from folder: URL, fastPath: Bool) throws -> LoadedData {
        switch PathStatus.of(folder.path) {
        case .missing: throw LoadErrors([LoadError(file: folder.path, message: "no such folder")], datasetMissing: true)
        case .file, .special: throw LoadErrors([LoadError(file: folder.path, message: "not a folder (--data wants the dataset's folder)")], datasetMissing: true)
        case .unreachable(let why): throw LoadErrors([LoadError(file: folder.path, message: "cannot open the folder (\(why))")])
        case .folder: break
        }
        if let problem = DatasetFiles.folderProblem(folder.path) {
            throw LoadErrors([LoadError(file: folder.path, message: problem)])
        }
        guard files.contains(where: { PathStatus.of(folder.appendingPathComponent($0).path) != .missing }) else {
            throw LoadErrors([LoadError(file: folder.path, message: "not a Tanács dataset (none of \(files.joined(separator: ", ")) is here)")], datasetMissing: true)
        }
        // geo/ is optional, but one that is there and cannot be read is an error, not an empty map.
        let geoProblem: String? = {
            let geo = folder.appendingPathComponent("geo").path
            return PathStatus.of(geo) == .missing ? nil : DatasetFiles.folderProblem(geo)
        }()
        var total = 0
        let exists = { (name: String) in PathStatus.of(folder.appendingPathComponent(name).path) != .missing }
        for name in files.flatMap({ parts(of: $0, exists: exists) }) + [registerFile, "passages.json"] + Geography.files.map({ "geo/" + $0 }) {
            if case .file(let size) = PathStatus.of(folder.appendingPathComponent(name).path) { total += min(size, maxFileBytes) }
        }
        try MemoryBudget.check(loading: total)
        return try load(fastPath: fastPath, exists: exists, readingConcurrently: { name in
            if name.hasPrefix("geo/"), let geoProblem { throw LoadError(file: "geo", message: geoProblem) }
            return try DatasetFiles.read(name, in: folder, limit: maxFileBytes)
        })
    }

    /// Loads from any store of files: `read` gets a name such as `events.json` or `geo/border.json`
    /// and returns its bytes, nil when there is no such file, or throws a `LoadError`.
    /// The fuzz target (Tests/Fuzz) calls this with bytes in memory.
    public static func load(reading read: (String) throws -> Data?) throws -> LoadedData {
        try load(fastPath: true, reading: read)
    }

    /// `fastPath: false` reads every file the checking way, as the loader did before `RecordReader`:
    /// the tests and the fuzz target compare the two.
    static func load(fastPath: Bool, reading read: (String) throws -> Data?) throws -> LoadedData {
        // Read here, decode in parallel: `read` need not be safe to call from several threads.
        var contents: [String: Result<Data?, any Error>] = [:]
        // passages.json too: the bundled dataset and the fuzz target read it from memory like the rest.
        for name in files + [registerFile, "passages.json"] + Geography.files.map({ "geo/" + $0 }) {
            contents[name] = Result { try read(name) }
            var part = 2
            while files.contains(name) {
                let next = partName(name, part)
                let result = Result { try read(next) }
                if case .success(nil) = result { break }
                contents[next] = result
                part += 1
            }
        }
        let store = contents
        return try load(fastPath: fastPath, exists: { store[$0] != nil }, readingConcurrently: { try store[$0]?.get() ?? nil })
    }

    /// What decoding one file gave: its records (an array of the file's record type), or the error.
    private struct FileOutcome: @unchecked Sendable {
        var records: Any = ()
        var warnings: [LoadError] = []
        /// Records that did not decode, each its own error, while the others load.
        var errors: [LoadError] = []
        /// Ids of records that exist but did not decode.
        var failedIDs: [String] = []
        /// True when nothing of the file could be read (missing, not an array, not UTF-8...).
        var wholeFileFailed = false

        init(records: Any = (), warnings: [LoadError] = [], errors: [LoadError] = [], failedIDs: [String] = []) {
            self.records = records
            self.warnings = warnings
            self.errors = errors
            self.failedIDs = failedIDs
        }
        /// A file that gave nothing: `records` is an empty array of its type, so the rest still checks.
        init(failed error: LoadError, empty: Any) {
            records = empty
            errors = [error]
            wholeFileFailed = true
        }
    }

    /// Decodes the files on every core (largest first, so two cores finish together), then checks
    /// the whole. Each file is read by the task that decodes it and dropped once its records are out.
    /// A record or file that cannot be read is reported and left out, and the checks still run on the
    /// rest (not reporting references to what could not be read): one run reports every problem.
    static func load(fastPath: Bool = true, exists: (String) -> Bool,
                     readingConcurrently read: @escaping @Sendable (String) throws -> Data?) throws -> LoadedData {
        @Sendable func decode<T: Decodable & Identifiable>(_ name: String, _ fast: (inout RecordReader) throws -> T) -> FileOutcome where T.ID == String {
            do {
                guard let data = try read(name) else {
                    throw LoadError(file: name, message: "cannot read the file (missing)")
                }
                if fastPath, let records = RecordReader.records(data, fast) { return FileOutcome(records: records) }
                var outcome = FileOutcome()
                outcome.records = try decodeArray(T.self, data: data, displayName: name, known: KnownFields.table[kindFile(of: name)],
                                                  warnings: &outcome.warnings, errors: &outcome.errors, failedIDs: &outcome.failedIDs)
                return outcome
            } catch let error as LoadError {
                return FileOutcome(failed: error, empty: [T]())
            } catch {
                return FileOutcome(failed: LoadError(file: name, message: "\(error)"), empty: [T]())
            }
        }
        @Sendable func geography() -> FileOutcome {
            do {
                var warnings: [LoadError] = []
                let geography = try Geography.load(reading: { try read("geo/" + $0) }, fastPath: fastPath, warnings: &warnings)
                return FileOutcome(records: geography, warnings: warnings)
            } catch let error as LoadError {
                return FileOutcome(failed: error, empty: Geography.empty)
            } catch {
                return FileOutcome(failed: LoadError(file: "geo", message: "\(error)"), empty: Geography.empty)
            }
        }
        @Sendable func register() -> FileOutcome {
            do {
                guard let data = try read(registerFile) else { return FileOutcome(records: [OutsideKnowledge]()) }
                var warnings: [LoadError] = []
                var errors: [LoadError] = [], failed: [String] = []
                let register = try decodeArray(OutsideKnowledge.self, data: data, displayName: registerFile,
                                               known: KnownFields.table[registerFile], warnings: &warnings,
                                               errors: &errors, failedIDs: &failed)
                return FileOutcome(records: register, warnings: warnings, errors: errors, failedIDs: failed)
            } catch let error as LoadError {
                return FileOutcome(failed: error, empty: [OutsideKnowledge]())
            } catch {
                return FileOutcome(failed: LoadError(file: registerFile, message: "\(error)"), empty: [OutsideKnowledge]())
            }
        }
        // Optional and generated (tanacs passages): one that does not read is a warning, so the
        // generator can always load the dataset it remakes the file from.
        @Sendable func passages() -> FileOutcome {
            do {
                guard let data = try read("passages.json") else { return FileOutcome(records: [Passage]()) }
                var warnings: [LoadError] = []
                let passages = try decodeArray(Passage.self, data: data, displayName: "passages.json", known: nil, warnings: &warnings)
                return FileOutcome(records: passages, warnings: warnings)
            } catch let error as LoadError {
                return FileOutcome(records: [Passage](), warnings: [LoadError(
                    file: error.file, record: error.record, field: error.field, line: error.line, column: error.column,
                    message: error.message + " (passages ignored; data/make-passages.sh remakes the file)")])
            } catch {
                return FileOutcome(records: [Passage](), warnings: [LoadError(file: "passages.json", message: "\(error) (passages ignored)")])
            }
        }
        // One task per file and part, then the register and the map; the largest kinds first.
        func tasks(_ file: String, _ decode: @escaping @Sendable (String) -> FileOutcome) -> [@Sendable () -> FileOutcome] {
            parts(of: file, exists: exists).map { name in { decode(name) } }
        }
        let kinds: [[@Sendable () -> FileOutcome]] = [
            tasks("sources.json", { decode($0) { try $0.source() } }),
            tasks("excerpts.json", { decode($0) { try $0.excerpt() } }),
            tasks("places.json", { decode($0) { try $0.place() } }),
            tasks("councils.json", { decode($0) { try $0.council() } }),
            tasks("events.json", { decode($0) { try $0.event() } }),
            tasks("people.json", { decode($0) { try $0.person() } }),
            tasks("figures.json", { decode($0) { try $0.figure() } }),
            [register],
            [geography],
            [passages],
        ]
        let all = kinds.flatMap { $0 }
        // Positions in `all`, largest kinds first, so the two cores finish together.
        var start = 0
        let firstOfKind = kinds.map { k -> Int in defer { start += k.count }; return start }
        let schedule = [9, 1, 4, 3, 2, 6, 5, 0, 7, 8].flatMap { kind in (0..<kinds[kind].count).map { firstOfKind[kind] + $0 } }
        let outcomes = Outcomes(count: all.count)
        DispatchQueue.concurrentPerform(iterations: all.count) { n in
            let task = schedule[n]
            outcomes.set(task, all[task]())
        }
        let results = outcomes.all
        // What could not be read, so the cross-record checks still run on the rest without
        // reporting every reference to it as unknown.
        func range(_ kind: Int) -> Range<Int> { firstOfKind[kind]..<(firstOfKind[kind] + kinds[kind].count) }
        var unreadable = Set(results.flatMap(\.failedIDs))
        for (kind, file) in files.enumerated() where range(kind).contains(where: { results[$0].wholeFileFailed }) {
            if let name = kindOfFile[file] { unreadable.insert(name) }
        }
        let errors = results.flatMap(\.errors)
        func records<T>(_ kind: Int, _: T.Type) -> [T] {
            let range = range(kind)
            return range.count == 1 ? results[range.lowerBound].records as! [T] : range.flatMap { results[$0].records as! [T] }
        }
        var model = Model(sources: records(0, Source.self), excerpts: records(1, Excerpt.self),
                          places: records(2, Place.self), councils: records(3, Council.self),
                          events: records(4, Event.self), people: records(5, Person.self),
                          figures: records(6, Figure.self))
        model.outsideKnowledge = results[all.count - 3].records as! [OutsideKnowledge]
        model.geography = results[all.count - 2].records as! Geography
        model.passages = Dictionary((results[all.count - 1].records as! [Passage]).map { ($0.excerpt, $0) },
                                    uniquingKeysWith: { first, _ in first })
        let problems = errors + Validator.check(model, unreadable: unreadable)
        if !problems.isEmpty { throw LoadErrors(problems) }
        return LoadedData(model: model, warnings: results.flatMap(\.warnings))
    }

    /// One slot per task, each written once by the thread that ran it.
    private final class Outcomes: @unchecked Sendable {
        private var slots: [FileOutcome]
        private let lock = NSLock()
        init(count: Int) { slots = Array(repeating: FileOutcome(), count: count) }
        func set(_ index: Int, _ outcome: FileOutcome) { lock.withLock { slots[index] = outcome } }
        var all: [FileOutcome] { lock.withLock { slots } }
    }

    /// Decodes bytes holding a JSON array. With `known`, each record's fields are compared with it and
    /// every unknown one becomes a warning naming the file, record and field.
    static func decodeArray<T: Decodable>(_ type: T.Type, data: Data, displayName: String, known: KnownFields?,
                                          warnings: inout [LoadError]) throws -> [T] {
        var errors: [LoadError] = [], failed: [String] = []
        let records = try decodeArray(type, data: data, displayName: displayName, known: known, warnings: &warnings,
                                      errors: &errors, failedIDs: &failed)
        if let first = errors.first { throw first }
        return records
    }

    /// Decodes each record on its own: a record that does not decode becomes an error (and its id, when
    /// it has one, goes to `failedIDs`) and the others still load. A file that is not a JSON array throws.
    static func decodeArray<T: Decodable>(_ type: T.Type, data: Data, displayName: String, known: KnownFields?,
                                          warnings: inout [LoadError], errors: inout [LoadError],
                                          failedIDs: inout [String]) throws -> [T] {
        guard !data.isEmpty else { throw LoadError(file: displayName, message: "the file is empty (expected a JSON array)") }
        if let encoding = JSONCheck.otherEncoding(data) {
            throw LoadError(file: displayName, line: 1, column: 1, message: "the file is \(encoding), not UTF-8: save it as UTF-8")
        }
        if let offset = firstInvalidUTF8(in: data) {
            let (line, column) = position(ofByte: offset, in: data)
            throw LoadError(file: displayName, line: line, column: column,
                            message: "the file is not valid UTF-8 (byte 0x\(String(data[data.startIndex + offset], radix: 16, uppercase: true)) at offset \(offset))")
        }
        // One pass finds what Foundation's parsers let through (trailing commas, duplicate keys, lone
        // surrogates, 1e400) or report without a place, and the fields no record kind knows; the
        // decoder then reads the bytes once. No tree of Foundation objects is built.
        if let first = data.first(where: { ![0x20, 0x0A, 0x0D, 0x09].contains($0) }), first != UInt8(ascii: "["),
           !(first == 0xEF && data.starts(with: [0xEF, 0xBB, 0xBF])) {
            throw LoadError(file: displayName, message: "expected a JSON array at the top level")
        }
        let unknownFields: [JSONCheck.UnknownField]
        switch JSONCheck.check(data, known: known) {
        case .failure(let problem):
            throw LoadError(file: displayName, record: problem.record, field: problem.field,
                            line: problem.line, column: problem.column, message: "invalid JSON: " + problem.message)
        case .success(let fields):
            unknownFields = fields
        }
        let decoded: [Each<T>]
        do {
            decoded = try JSONDecoder().decode([Each<T>].self, from: data)
        } catch let error as DecodingError {
            throw locate(error, file: displayName, data: data)
        } catch {
            throw LoadError(file: displayName, message: "cannot decode the file: \(error)")
        }
        // Each record that does not decode is reported on its own; past a bound the rest are counted,
        // since naming each one scans the file up to it.
        var records: [T] = []
        records.reserveCapacity(decoded.count)
        var failures = 0
        for each in decoded {
            switch each.result {
            case .success(let record): records.append(record)
            case .failure(let error):
                failures += 1
                guard failures <= maxDecodeErrorsPerFile else { continue }
                let located = locate(error, file: displayName, data: data)
                errors.append(located)
                if let id = located.record, !id.hasPrefix("#") { failedIDs.append(id) }
            }
        }
        if failures > maxDecodeErrorsPerFile {
            errors.append(LoadError(file: displayName, message: "\(failures - maxDecodeErrorsPerFile) more records do not decode"))
        }
        warnings += KnownFields.warnings(for: unknownFields, file: displayName)
        return records
    }

    /// The offset of the first byte that is not part of valid UTF-8, or nil when all of it is.
    static func firstInvalidUTF8(in data: Data) -> Int? {
        var iterator = data.makeIterator()
        var parser = Unicode.UTF8.ForwardParser()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded): offset += encoded.count
            case .error: return offset
            case .emptyInput: return nil
            }
        }
    }

    /// Line and column (in characters, from 1) of a byte offset.
    static func position(ofByte offset: Int, in data: Data) -> (Int, Int) {
        var line = 1, column = 1
        for byte in data.prefix(offset) {
            if byte == 0x0A { line += 1; column = 1 } else if byte & 0xC0 != 0x80 { column += 1 }
        }
        return (line, column)
    }

    private static func locate(_ error: DecodingError, file: String, data: Data) -> LoadError {
        let path: [any CodingKey]
        let message: String
        switch error {
        case .keyNotFound(let key, let context):
            path = context.codingPath + [key]
            message = "missing required field"
        case .typeMismatch(let type, let context):
            path = context.codingPath
            message = "wrong type (expected \(describe(type)))"
        case .valueNotFound(let type, let context):
            path = context.codingPath
            message = "null where \(describe(type)) is required"
        case .dataCorrupted(let context):
            path = context.codingPath
            message = context.debugDescription
        @unknown default:
            return LoadError(file: file, message: "\(error)")
        }
        var record: String?
        if let index = path.first?.intValue {
            record = JSONCheck.recordID(at: index, in: data) ?? "#\(index + 1)"
        }
        let field = path.dropFirst().map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }
            .joined().drop(while: { $0 == "." })
        return LoadError(file: file, record: record, field: field.isEmpty ? nil : String(field), message: message)
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: return "a string"
        case is Int.Type: return "an integer"
        case is Double.Type: return "a number"
        case is Bool.Type: return "true or false"
        default:
            let name = "\(type)"
            if name.hasPrefix("Array") { return "an array" }
            if name.hasPrefix("Dictionary") { return "an object" }
            return "an object"
        }
    }

}

/// One record of an array, decoded or not, so one bad record does not stop the rest.
private struct Each<T: Decodable>: Decodable {
    let result: Result<T, DecodingError>

    init(from decoder: Decoder) throws {
        do {
            result = .success(try T(from: decoder))
        } catch let error as DecodingError {
            result = .failure(error)
        }
    }
}
