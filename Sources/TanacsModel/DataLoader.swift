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

    /// Files larger than this are refused before they are read, so a stray huge file cannot exhaust
    /// memory or time. The bundled dataset's largest file is about 200 KB.
    public static let maxFileBytes = 32 << 20

    /// Loads and checks every file; throws `LoadErrors` listing every problem found.
    public static func load(from folder: URL) throws -> Model {
        try loadReportingWarnings(from: folder).model
    }

    /// Like `load(from:)`, also returning warnings: fields no record kind knows, which are ignored.
    public static func loadReportingWarnings(from folder: URL) throws -> LoadedData {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDir) else {
            throw LoadErrors([LoadError(file: folder.path, message: "no such folder")])
        }
        guard isDir.boolValue else {
            throw LoadErrors([LoadError(file: folder.path, message: "not a folder (--data wants the dataset's folder)")])
        }
        guard files.contains(where: { FileManager.default.fileExists(atPath: folder.appendingPathComponent($0).path) }) else {
            throw LoadErrors([LoadError(file: folder.path, message: "not a Tanács dataset (none of \(files.joined(separator: ", ")) is here)")])
        }
        return try load { name in
            let url = folder.appendingPathComponent(name)
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDir) else { return nil }
            if isDir.boolValue { throw LoadError(file: name, message: "is a folder, not a file") }
            let size = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? NSNumber)?.intValue ?? 0
            if size > maxFileBytes {
                throw LoadError(file: name, message: "the file is too large (\(size >> 20) MB; the limit is \(maxFileBytes >> 20) MB)")
            }
            do {
                return try Data(contentsOf: url)
            } catch {
                throw LoadError(file: name, message: "cannot read the file (unreadable)")
            }
        }
    }

    /// Loads from any store of files: `read` gets a name such as `events.json` or `geo/border.json`
    /// and returns its bytes, nil when there is no such file, or throws a `LoadError`.
    /// The fuzz target (Tests/Fuzz) calls this with bytes in memory.
    public static func load(reading read: (String) throws -> Data?) throws -> LoadedData {
        var errors: [LoadError] = []
        var warnings: [LoadError] = []
        func decode<T: Decodable & Identifiable>(_ name: String, _ type: T.Type) -> [T] where T.ID == String {
            do {
                guard let data = try read(name) else {
                    throw LoadError(file: name, message: "cannot read the file (missing)")
                }
                return try decodeArray(T.self, data: data, displayName: name, known: KnownFields.table[name], warnings: &warnings)
            } catch let error as LoadError {
                errors.append(error)
            } catch {
                errors.append(LoadError(file: name, message: "\(error)"))
            }
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
        if !errors.isEmpty { throw LoadErrors(errors) }
        var model = Model(sources: sources, excerpts: excerpts, places: places, councils: councils,
                          events: events, people: people, figures: figures)
        model.geography = geography
        model.passages = Dictionary(passages.map { ($0.excerpt, $0) }, uniquingKeysWith: { first, _ in first })
        model.outsideKnowledge = register
        let problems = Validator.check(model)
        if !problems.isEmpty { throw LoadErrors(problems) }
        return LoadedData(model: model, warnings: warnings)
    }

    /// Decodes bytes holding a JSON array. With `known`, each record's fields are compared with it and
    /// every unknown one becomes a warning naming the file, record and field.
    static func decodeArray<T: Decodable>(_ type: T.Type, data: Data, displayName: String, known: KnownFields?,
                                          warnings: inout [LoadError]) throws -> [T] {
        guard !data.isEmpty else { throw LoadError(file: displayName, message: "the file is empty (expected a JSON array)") }
        if let offset = firstInvalidUTF8(in: data) {
            let (line, column) = position(ofByte: offset, in: data)
            throw LoadError(file: displayName, line: line, column: column,
                            message: "the file is not valid UTF-8 (byte 0x\(String(data[data.startIndex + offset], radix: 16, uppercase: true)) at offset \(offset))")
        }
        let raw: Any
        do {
            raw = try JSONSerialization.jsonObject(with: data)
        } catch {
            let (line, column) = syntaxPosition(error, in: data)
            throw LoadError(file: displayName, line: line, column: column, message: "invalid JSON: \(syntaxSummary(error))")
        }
        guard let array = raw as? [Any] else {
            throw LoadError(file: displayName, message: "expected a JSON array at the top level")
        }
        let records: [T]
        do {
            records = try JSONDecoder().decode([T].self, from: data)
        } catch let error as DecodingError {
            throw locate(error, in: array, file: displayName)
        }
        if let known { warnings += KnownFields.unknown(in: array, known: known, file: displayName) }
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

    private static func locate(_ error: DecodingError, in array: [Any], file: String) -> LoadError {
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
        if let index = path.first?.intValue, index < array.count {
            record = ((array[index] as? [String: Any])?["id"] as? String) ?? "#\(index + 1)"
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

    /// Foundation reports syntax errors with a character offset or a line and column in its message.
    private static func syntaxPosition(_ error: Error, in data: Data) -> (Int?, Int?) {
        let text = "\(error) \((error as NSError).userInfo)"
        if let line = firstNumber(after: "line ", in: text), let column = firstNumber(after: "column ", in: text) {
            return (line, column)
        }
        let endOfFile = text.contains("end of file") ? data.count : nil
        if let offset = firstNumber(after: "character ", in: text) ?? firstNumber(after: "offset ", in: text) ?? endOfFile {
            return position(ofByte: offset, in: data)
        }
        return (nil, nil)
    }

    private static func syntaxSummary(_ error: Error) -> String {
        let ns = error as NSError
        let detail = (ns.userInfo[NSDebugDescriptionErrorKey] as? String) ?? ns.localizedDescription
        return detail.split(separator: "\n").first.map(String.init) ?? "unreadable"
    }

    private static func firstNumber(after marker: String, in text: String) -> Int? {
        guard let range = text.range(of: marker) else { return nil }
        let digits = text[range.upperBound...].prefix(while: { $0.isNumber })
        return Int(digits)
    }
}
