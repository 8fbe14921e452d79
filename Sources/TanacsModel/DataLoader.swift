import Foundation

/// Reads a dataset folder into a validated `Model`.
public enum DataLoader {
    public static let files = ["sources.json", "excerpts.json", "places.json", "councils.json",
                               "events.json", "people.json", "figures.json"]

    /// Loads and checks every file; throws `LoadErrors` listing every problem found.
    public static func load(from folder: URL) throws -> Model {
        var errors: [LoadError] = []
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDir), isDir.boolValue else {
            throw LoadErrors([LoadError(file: folder.path, message: "no such folder")])
        }
        func read<T: Decodable & Identifiable>(_ name: String, _ type: T.Type) -> [T] where T.ID == String {
            do {
                return try decodeArray(T.self, file: folder.appendingPathComponent(name), displayName: name)
            } catch let error as LoadError {
                errors.append(error)
            } catch {
                errors.append(LoadError(file: name, message: "\(error)"))
            }
            return []
        }
        let sources = read("sources.json", Source.self)
        let excerpts = read("excerpts.json", Excerpt.self)
        let places = read("places.json", Place.self)
        let councils = read("councils.json", Council.self)
        let events = read("events.json", Event.self)
        let people = read("people.json", Person.self)
        let figures = read("figures.json", Figure.self)
        var geography = Geography.empty
        do {
            geography = try Geography.load(from: folder.appendingPathComponent("geo"))
        } catch let error as LoadError {
            errors.append(error)
        } catch {
            errors.append(LoadError(file: "geo", message: "\(error)"))
        }
        if !errors.isEmpty { throw LoadErrors(errors) }
        var model = Model(sources: sources, excerpts: excerpts, places: places, councils: councils,
                          events: events, people: people, figures: figures)
        model.geography = geography
        let problems = Validator.check(model)
        if !problems.isEmpty { throw LoadErrors(problems) }
        return model
    }

    /// Decodes one file holding a JSON array, turning decoder errors into located `LoadError`s.
    static func decodeArray<T: Decodable>(_ type: T.Type, file: URL, displayName: String) throws -> [T] {
        let data: Data
        do {
            data = try Data(contentsOf: file)
        } catch {
            throw LoadError(file: displayName, message: "cannot read the file (\(FileManager.default.fileExists(atPath: file.path) ? "unreadable" : "missing"))")
        }
        guard !data.isEmpty else { throw LoadError(file: displayName, message: "the file is empty (expected a JSON array)") }
        guard String(data: data, encoding: .utf8) != nil else {
            throw LoadError(file: displayName, message: "the file is not valid UTF-8")
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
        do {
            return try JSONDecoder().decode([T].self, from: data)
        } catch let error as DecodingError {
            throw locate(error, in: array, file: displayName)
        }
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
            var line = 1, column = 1
            for byte in data.prefix(offset) {
                if byte == 0x0A { line += 1; column = 1 } else if byte & 0xC0 != 0x80 { column += 1 }
            }
            return (line, column)
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
