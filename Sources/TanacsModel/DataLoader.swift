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
        for name in files + Geography.files.map({ "geo/" + $0 }) {
            if case .file(let size) = PathStatus.of(folder.appendingPathComponent(name).path) { total += min(size, maxFileBytes) }
        }
        try MemoryBudget.check(loading: total)
        return try load { name in
            if name.hasPrefix("geo/"), let geoProblem { throw LoadError(file: "geo", message: geoProblem) }
            return try DatasetFiles.read(name, in: folder, limit: maxFileBytes)
        }
    }

    /// Loads from any store of files: `read` gets a name such as `events.json` or `geo/border.json`
    /// and returns its bytes, nil when there is no such file, or throws a `LoadError`.
    /// The fuzz target (Tests/Fuzz) calls this with bytes in memory.
    public static func load(reading read: (String) throws -> Data?) throws -> LoadedData {
        var errors: [LoadError] = []
        var warnings: [LoadError] = []
        // What could not be read, so the cross-record checks still run on the rest without
        // reporting every reference to it as unknown: one run reports every problem.
        var unreadable: Set<String> = []
        func decode<T: Decodable & Identifiable>(_ name: String, _ type: T.Type) -> [T] where T.ID == String {
            do {
                guard let data = try read(name) else {
                    throw LoadError(file: name, message: "cannot read the file (missing)")
                }
                var failed: [String] = []
                let records = try decodeArray(T.self, data: data, displayName: name, known: KnownFields.table[name],
                                              warnings: &warnings, errors: &errors, failedIDs: &failed)
                unreadable.formUnion(failed)
                return records
            } catch let error as LoadError {
                errors.append(error)
            } catch {
                errors.append(LoadError(file: name, message: "\(error)"))
            }
            if let kind = kindOfFile[name] { unreadable.insert(kind) }
            return []
        }
        let sources = decode("sources.json", Source.self)
        let excerpts = decode("excerpts.json", Excerpt.self)
        let places = decode("places.json", Place.self)
        let councils = decode("councils.json", Council.self)
        let events = decode("events.json", Event.self)
        let people = decode("people.json", Person.self)
        let figures = decode("figures.json", Figure.self)
        var register: [OutsideKnowledge] = []
        do {
            if let data = try read(registerFile) {
                register = try decodeArray(OutsideKnowledge.self, data: data, displayName: registerFile,
                                           known: KnownFields.table[registerFile], warnings: &warnings)
            }
        } catch let error as LoadError {
            errors.append(error)
        } catch {
            errors.append(LoadError(file: registerFile, message: "\(error)"))
        }
        var geography = Geography.empty
        do {
            geography = try Geography.load(reading: { try read("geo/" + $0) }, warnings: &warnings)
        } catch let error as LoadError {
            errors.append(error)
        } catch {
            errors.append(LoadError(file: "geo", message: "\(error)"))
        }
        var passages: [Passage] = []
        do {
            // Optional and generated (tanacs passages): one that does not read is a warning, so the
            // generator can always load the dataset it remakes the file from.
            if let data = try read("passages.json") {
                passages = try decodeArray(Passage.self, data: data, displayName: "passages.json", known: nil, warnings: &warnings)
            }
        } catch let error as LoadError {
            warnings.append(LoadError(file: error.file, record: error.record, field: error.field, line: error.line, column: error.column,
                                      message: error.message + " (passages ignored; data/make-passages.sh remakes the file)"))
        } catch {
            warnings.append(LoadError(file: "passages.json", message: "\(error) (passages ignored)"))
        }
        var model = Model(sources: sources, excerpts: excerpts, places: places, councils: councils,
                          events: events, people: people, figures: figures)
        model.geography = geography
        model.passages = Dictionary(passages.map { ($0.excerpt, $0) }, uniquingKeysWith: { first, _ in first })
        model.outsideKnowledge = register
        let problems = errors + Validator.check(model, unreadable: unreadable)
        if !problems.isEmpty { throw LoadErrors(problems) }
        return LoadedData(model: model, warnings: warnings)
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
        for (index, each) in decoded.enumerated() {
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
