import Foundation

/// One pass over a JSON file's bytes that finds what Foundation's parser accepts or reports without a
/// place: trailing commas, duplicate keys, lone surrogates, numbers out of range (1e400, integers past
/// 64 bits, 100,000 digits), control characters in strings, UTF-16 and UTF-32 text, nesting too deep.
/// Each problem comes with line, column, record and field. Linear in the file; keeps only the keys of
/// the objects it is inside and the current record's id.
public enum JSONCheck {
    public struct Problem: Error, Equatable, Sendable {
        public let line: Int
        public let column: Int
        /// The top-level record's id (or `#n`) when the problem is inside one.
        public let record: String?
        /// The path inside the record: `claims[0].unit`.
        public let field: String?
        public let message: String
    }

    /// Nesting deeper than this is refused (the scanner and the decoders recurse).
    public static let maxDepth = 256
    /// Numbers longer than this are refused without being echoed.
    public static let maxNumberLength = 64

    /// The first problem in `data`, or nil when the file is plain RFC 8259 JSON without duplicate keys.
    public static func firstProblem(in data: Data) -> Problem? {
        if case .failure(let problem) = check(data, known: nil) { return problem }
        return nil
    }

    /// A field of a record that the schema does not list: its record (id or `#n`) and path.
    struct UnknownField: Equatable {
        let record: String
        let field: String
    }

    /// Checks `data` as `firstProblem` does; with `known`, the top level must be an array of records and
    /// every field `known` does not list is returned, in file order within each record.
    static func check(_ data: Data, known: KnownFields?, requireArray: Bool = false) -> Result<[UnknownField], Problem> {
        if let problem = encodingProblem(data) { return .failure(problem) }
        return data.withUnsafeBytes { raw in
            var scanner = Scanner(bytes: raw.bindMemory(to: UInt8.self))
            scanner.known = known
            scanner.requireArray = requireArray
            do {
                try scanner.document()
                return .success(scanner.unknown)
            } catch {
                return .failure(scanner.problem(error))
            }
        }
    }

    /// The id of the record at `index` of a top-level array (or nil), for errors the decoder reports by index.
    static func recordID(at index: Int, in data: Data) -> String? {
        data.withUnsafeBytes { raw in
            var scanner = Scanner(bytes: raw.bindMemory(to: UInt8.self))
            scanner.target = [.index(index + 1)]
            do { try scanner.document() } catch Failure.found {} catch { return nil }
            return scanner.lastRecord == index ? scanner.previousRecordID : nil
        }
    }

    /// Line and column of the value at `path` (a record index first, then keys and indices below it,
    /// as a decoder's coding path names them), with the id of its record: for the errors the decoder
    /// reports by path (a wrong type, a missing field). One pass, stopping after that record.
    static func locate(_ path: [PathComponent], in data: Data) -> (line: Int, column: Int, record: String?)? {
        guard case .index(let n)? = path.first else { return nil }
        return data.withUnsafeBytes { raw in
            var scanner = Scanner(bytes: raw.bindMemory(to: UInt8.self))
            scanner.mark = path
            scanner.target = [.index(n + 1)]
            do { try scanner.document() } catch Failure.found {} catch {}
            guard let offset = scanner.markOffset else { return nil }
            let (line, column) = scanner.position(of: offset)
            return (line, column, scanner.lastRecord == n ? scanner.previousRecordID : nil)
        }
    }

    public enum PathComponent: Equatable, Sendable {
        case index(Int)
        case key(String)
    }

    /// A file in UTF-16 or UTF-32: named, at line 1, column 1 (all of it is in the wrong encoding), or
    /// where it is not even valid in that encoding (a lone surrogate, bytes left over at the end), in
    /// characters as an editor that reads the encoding shows them.
    static func encodingProblem(_ data: Data) -> Problem? {
        guard let encoding = otherEncoding(data) else { return nil }
        guard let (line, column, why) = brokenUnit(data, encoding) else {
            return Problem(line: 1, column: 1, record: nil, field: nil, message: "the file is \(encoding), not UTF-8: save it as UTF-8")
        }
        let name = encoding.prefix { $0 != " " }
        return Problem(line: line, column: column, record: nil, field: nil,
                       message: "the file is \(encoding), not UTF-8, and not even valid \(name) here (\(why)): save it as UTF-8")
    }

    /// The line and column of the first code unit that is not valid in `encoding` (as `otherEncoding`
    /// names it), or nil when the whole file decodes.
    static func brokenUnit(_ data: Data, _ encoding: String) -> (Int, Int, String)? {
        let width = encoding.hasPrefix("UTF-32") ? 4 : 2
        let big = encoding.contains("big-endian")
        return data.withUnsafeBytes { raw -> (Int, Int, String)? in
            let b = raw.bindMemory(to: UInt8.self)
            func unit(_ at: Int) -> UInt32 {
                var value: UInt32 = 0
                for n in 0..<width { value |= UInt32(b[at + n]) << (8 * UInt32(big ? width - 1 - n : n)) }
                return value
            }
            var k = encoding.contains("with a byte order mark") ? width : 0
            var line = 1, column = 1
            while k < b.count {
                guard k + width <= b.count else { return (line, column, "\(b.count - k) byte\(b.count - k == 1 ? "" : "s") left over at the end") }
                let value = unit(k)
                var size = width
                if width == 2, (0xD800...0xDBFF).contains(value) {
                    guard k + 4 <= b.count, (0xDC00...0xDFFF).contains(unit(k + 2)) else { return (line, column, "a lone surrogate") }
                    size = 4
                } else if (0xD800...0xDFFF).contains(value) {
                    return (line, column, "a lone surrogate")
                } else if value > 0x10FFFF {
                    return (line, column, "0x\(String(value, radix: 16, uppercase: true)) is past the last code point")
                }
                if value == 0x0A { line += 1; column = 1 } else { column += 1 }
                k += size
            }
            return nil
        }
    }

    /// UTF-16 or UTF-32, told by a byte order mark or by the zero bytes ASCII has in them.
    static func otherEncoding(_ data: Data) -> String? {
        let b = Array(data.prefix(4))
        if b.count >= 4 && b[0] == 0 && b[1] == 0 && b[2] == 0xFE && b[3] == 0xFF { return "UTF-32 (big-endian, with a byte order mark)" }
        if b.count >= 4 && b[0] == 0xFF && b[1] == 0xFE && b[2] == 0 && b[3] == 0 { return "UTF-32 (little-endian, with a byte order mark)" }
        if b.count >= 2 && b[0] == 0xFE && b[1] == 0xFF { return "UTF-16 (big-endian, with a byte order mark)" }
        if b.count >= 2 && b[0] == 0xFF && b[1] == 0xFE { return "UTF-16 (little-endian, with a byte order mark)" }
        if b.count >= 4 && b[0] == 0 && b[1] == 0 && b[2] == 0 && b[3] != 0 { return "UTF-32 (big-endian)" }
        if b.count >= 4 && b[0] != 0 && b[1] == 0 && b[2] == 0 && b[3] == 0 { return "UTF-32 (little-endian)" }
        if b.count >= 2 && b[0] == 0 && b[1] != 0 { return "UTF-16 (big-endian, without a byte order mark)" }
        if b.count >= 2 && b[0] != 0 && b[1] == 0 { return "UTF-16 (little-endian, without a byte order mark)" }
        return nil
    }

    enum Failure: Error {
        case at(offset: Int, String)
        case found
    }

    struct Scanner {
        let bytes: UnsafeBufferPointer<UInt8>
        var i = 0
        var path: [PathComponent] = []
        var recordID: String?
        /// Where `recordID(at:)` stops.
        var target: [PathComponent]?
        /// The schema of the records, for unknown-field warnings; nil checks syntax only.
        var known: KnownFields?
        var requireArray = false
        var unknown: [UnknownField] = []
        /// The record just finished (index and id), for `recordID(at:)`.
        var lastRecord = -1
        var previousRecordID: String?
        /// Where `locate` wants the offset of, and that offset once passed.
        var mark: [PathComponent]?
        var markOffset: Int?

        init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

        mutating func document() throws {
            // A UTF-8 byte order mark is allowed and skipped, as jq and Python's utf-8-sig do.
            if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF { i = 3 }
            skipSpace()
            if requireArray && i < bytes.count && bytes[i] != UInt8(ascii: "[") {
                throw fail("expected a JSON array of records at the top level, found \(describe(bytes[i]))")
            }
            try value(depth: 0, schema: nil)
            skipSpace()
            if i < bytes.count { throw fail("unexpected \(describe(bytes[i])) after the end of the JSON value") }
        }

        func fail(_ message: String, at offset: Int? = nil) -> Failure { .at(offset: offset ?? i, message) }

        mutating func skipSpace() {
            while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x0A || bytes[i] == 0x0D || bytes[i] == 0x09 { i += 1 }
        }

        /// `schema`: the fields the object here (or the objects of the array here) may have.
        mutating func value(depth: Int, schema: KnownFields?) throws {
            if let target, path == target { throw Failure.found }
            if markOffset == nil, let mark, path == mark { markOffset = i }
            guard i < bytes.count else { throw fail("unexpected end of file (the JSON stops in the middle)") }
            switch bytes[i] {
            case UInt8(ascii: "{"): try object(depth: depth + 1, schema: schema)
            case UInt8(ascii: "["): try array(depth: depth + 1, schema: schema)
            case UInt8(ascii: "\""):
                let isID = path.count == 2 && path[1] == .key("id")
                let text = try string(decode: isID)
                if isID { recordID = text }
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): try number()
            case UInt8(ascii: "t"): try literal("true")
            case UInt8(ascii: "f"): try literal("false")
            case UInt8(ascii: "n"): try literal("null")
            default: throw fail("unexpected \(describe(bytes[i])) where a value should be")
            }
        }

        mutating func object(depth: Int, schema: KnownFields?) throws {
            guard depth <= maxDepth else { throw fail("nested more than \(maxDepth) levels deep") }
            i += 1
            var keys: [String: Int] = [:]
            skipSpace()
            if i < bytes.count && bytes[i] == UInt8(ascii: "}") { i += 1; return }
            while true {
                guard i < bytes.count else { throw fail("unexpected end of file inside an object (missing })") }
                guard bytes[i] == UInt8(ascii: "\"") else {
                    throw fail("expected a field name in double quotes, found \(describe(bytes[i]))")
                }
                let keyOffset = i
                let key = try string(decode: true) ?? ""
                if let first = keys[key] {
                    let (line, column) = position(of: first)
                    throw fail("duplicate key \"\(VisibleText.text(key))\" (first at line \(line), column \(column))", at: keyOffset)
                }
                keys[key] = keyOffset
                skipSpace()
                guard i < bytes.count, bytes[i] == UInt8(ascii: ":") else {
                    throw fail(i < bytes.count ? "expected : after a field name, found \(describe(bytes[i]))" : "unexpected end of file after a field name")
                }
                i += 1
                skipSpace()
                path.append(.key(key))
                var inner: KnownFields?
                if let schema {
                    if schema.names.contains(key) { inner = schema.nested[key] } else { noteUnknown() }
                }
                try value(depth: depth, schema: inner)
                path.removeLast()
                skipSpace()
                guard i < bytes.count else { throw fail("unexpected end of file inside an object (missing })") }
                if bytes[i] == UInt8(ascii: "}") { i += 1; return }
                guard bytes[i] == UInt8(ascii: ",") else { throw fail("expected , or } after a value, found \(describe(bytes[i]))") }
                let comma = i
                i += 1
                skipSpace()
                if i < bytes.count && bytes[i] == UInt8(ascii: "}") { throw fail("trailing comma before }", at: comma) }
            }
        }

        mutating func noteUnknown() {
            guard case .index(let n)? = path.first else { return }
            unknown.append(UnknownField(record: "#\(n + 1)", field: JSONCheck.field(path) ?? ""))
        }

        mutating func array(depth: Int, schema: KnownFields?) throws {
            guard depth <= maxDepth else { throw fail("nested more than \(maxDepth) levels deep") }
            i += 1
            skipSpace()
            if i < bytes.count && bytes[i] == UInt8(ascii: "]") { i += 1; return }
            var index = 0
            while true {
                let firstUnknown = unknown.count
                if depth == 1 { recordID = nil }
                path.append(.index(index))
                // The top-level array's elements are records: `known` describes them.
                try value(depth: depth, schema: depth == 1 ? known : schema)
                path.removeLast()
                if depth == 1 {
                    lastRecord = index
                    previousRecordID = recordID
                    if let recordID, firstUnknown < unknown.count {
                        for k in firstUnknown..<unknown.count { unknown[k] = UnknownField(record: recordID, field: unknown[k].field) }
                    }
                }
                skipSpace()
                guard i < bytes.count else { throw fail("unexpected end of file inside an array (missing ])") }
                if bytes[i] == UInt8(ascii: "]") { i += 1; return }
                guard bytes[i] == UInt8(ascii: ",") else { throw fail("expected , or ] after a value, found \(describe(bytes[i]))") }
                let comma = i
                i += 1
                skipSpace()
                if i < bytes.count && bytes[i] == UInt8(ascii: "]") { throw fail("trailing comma before ]", at: comma) }
                index += 1
            }
        }

        /// A string from its opening quote; its text only when `decode` is set.
        mutating func string(decode: Bool) throws -> String? {
            let start = i
            i += 1
            var text: [UInt8] = []
            while i < bytes.count {
                let b = bytes[i]
                switch b {
                case UInt8(ascii: "\""):
                    i += 1
                    return decode ? String(decoding: text, as: UTF8.self) : nil
                case UInt8(ascii: "\\"):
                    guard i + 1 < bytes.count else { break }
                    let e = bytes[i + 1]
                    switch e {
                    case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"):
                        if decode { text.append(e) }
                        i += 2
                    case UInt8(ascii: "b"), UInt8(ascii: "f"), UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
                        if decode { text.append([UInt8(ascii: "b"): 8, UInt8(ascii: "f"): 12, UInt8(ascii: "n"): 10, UInt8(ascii: "r"): 13, UInt8(ascii: "t"): 9][e]!) }
                        i += 2
                    case UInt8(ascii: "u"):
                        let escape = i
                        guard let unit = hex4(at: i + 2) else { throw fail("\\u must be followed by four hexadecimal digits") }
                        i += 6
                        var scalar = unit
                        if (0xD800...0xDBFF).contains(unit) {
                            guard i + 1 < bytes.count, bytes[i] == UInt8(ascii: "\\"), bytes[i + 1] == UInt8(ascii: "u"),
                                  let low = hex4(at: i + 2), (0xDC00...0xDFFF).contains(low) else {
                                throw fail("lone surrogate \\u\(String(unit, radix: 16, uppercase: true)) (a high surrogate must be followed by a low one)", at: escape)
                            }
                            i += 6
                            scalar = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
                        } else if (0xDC00...0xDFFF).contains(unit) {
                            throw fail("lone surrogate \\u\(String(unit, radix: 16, uppercase: true)) (a low surrogate without a high one before it)", at: escape)
                        }
                        if decode, let s = Unicode.Scalar(scalar) { text.append(contentsOf: Array(String(s).utf8)) }
                    default:
                        throw fail("unknown escape \\\(describeBare(e)) in a string (JSON has \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)")
                    }
                    continue
                case 0x00...0x1F:
                    throw fail("control character U+\(String(format: "%04X", Int(b))) inside a string (write it as \\u\(String(format: "%04X", Int(b))))")
                default:
                    if decode { text.append(b) }
                    i += 1
                    continue
                }
                break
            }
            throw fail("unexpected end of file inside a string (the string opened here never closes)", at: start)
        }

        func hex4(at offset: Int) -> UInt32? {
            guard offset + 4 <= bytes.count else { return nil }
            var value: UInt32 = 0
            for k in offset..<(offset + 4) {
                let b = bytes[k]
                let digit: UInt32
                switch b {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(b - UInt8(ascii: "0"))
                case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(b - UInt8(ascii: "a") + 10)
                case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(b - UInt8(ascii: "A") + 10)
                default: return nil
                }
                value = value * 16 + digit
            }
            return value
        }

        mutating func number() throws {
            let start = i
            var isInteger = true
            if bytes[i] == UInt8(ascii: "-") { i += 1 }
            func digits() -> Int {
                let from = i
                while i < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[i]) { i += 1 }
                return i - from
            }
            guard i < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[i]) else {
                throw fail("a number needs a digit after -")
            }
            let leadingZero = bytes[i] == UInt8(ascii: "0")
            let whole = digits()
            if leadingZero && whole > 1 { throw fail("a number may not start with 0 (leading zeros)", at: start) }
            if i < bytes.count && bytes[i] == UInt8(ascii: ".") {
                isInteger = false
                i += 1
                guard digits() > 0 else { throw fail("a number needs digits after the decimal point") }
            }
            if i < bytes.count && (bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E")) {
                isInteger = false
                i += 1
                if i < bytes.count && (bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-")) { i += 1 }
                guard digits() > 0 else { throw fail("a number needs digits after its exponent") }
            }
            let length = i - start
            if length > maxNumberLength {
                throw fail("a number \(length) characters long (at most \(maxNumberLength))", at: start)
            }
            let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self)
            if isInteger {
                if Int64(text) == nil {
                    throw fail("integer \(text) is out of range (at most 64 bits: ±9223372036854775807)", at: start)
                }
            } else if let value = Double(text), !value.isFinite {
                throw fail("number \(text) is out of range (too large for a 64-bit floating-point number)", at: start)
            }
        }

        mutating func literal(_ word: String) throws {
            for b in word.utf8 {
                guard i < bytes.count, bytes[i] == b else {
                    throw fail(i < bytes.count ? "unexpected \(describe(bytes[i])) (expected \(word))" : "unexpected end of file (expected \(word))")
                }
                i += 1
            }
        }

        func describe(_ b: UInt8) -> String {
            (0x21...0x7E).contains(b) ? "'\(Character(Unicode.Scalar(b)))'" : "byte 0x" + String(format: "%02X", Int(b))
        }

        func describeBare(_ b: UInt8) -> String {
            (0x21...0x7E).contains(b) ? String(Character(Unicode.Scalar(b))) : "(byte 0x" + String(format: "%02X", Int(b)) + ")"
        }

        /// Line and column, in characters from 1, of a byte offset.
        func position(of offset: Int) -> (Int, Int) {
            var line = 1, lineStart = 0
            var k = 0
            let end = min(offset, bytes.count)
            while k < end {
                if bytes[k] == 0x0A { line += 1; lineStart = k + 1 }
                k += 1
            }
            var column = 1
            for k in lineStart..<end where bytes[k] & 0xC0 != 0x80 { column += 1 }
            return (line, column)
        }

        func problem(_ error: Error) -> Problem {
            guard case Failure.at(let offset, let message) = error else {
                return Problem(line: 1, column: 1, record: nil, field: nil, message: "\(error)")
            }
            let (line, column) = position(of: offset)
            var record: String?
            if case .index(let n)? = path.first { record = recordID ?? "#\(n + 1)" }
            let field = JSONCheck.field(path)
            // A zero byte in text is, nearly always, UTF-16 or UTF-32 pasted into a UTF-8 file.
            let hint = offset < bytes.count && bytes[offset] == 0 ? " (a zero byte: is this part UTF-16 or UTF-32? save the file as UTF-8)" : ""
            return Problem(line: line, column: column, record: record, field: field, message: message + hint)
        }
    }

    /// `claims[0].unit` for a path below the record.
    static func field(_ path: [PathComponent]) -> String? {
        var text = ""
        for component in path.dropFirst() {
            switch component {
            case .index(let n): text += "[\(n)]"
            case .key(let k): text += (text.isEmpty ? "" : ".") + k
            }
        }
        return text.isEmpty ? nil : text
    }
}
