// A libFuzzer target for the dataset loader, built by Tests/Fuzz/run.sh with `swiftc -sanitize=fuzzer`
// together with the TanacsModel sources (and the canvas sanitizer). Not part of the SwiftPM package:
// `swift test` never builds or runs it.
//
// Input: the first byte picks which file of the sample dataset to replace (or, past the last file, a
// date and text check); the other bytes are that file's new content. The whole loader then runs on the
// sample with that one file swapped: decoding, unknown-field warnings, validation and the indices; and
// the loader's fast path must give exactly what its checking path gives.
// Any crash, hang or sanitizer report is a finding; a thrown LoadErrors is the expected outcome.
import Foundation

let fuzzFiles = DataLoader.files + ["geo/border.json", "geo/rivers.json", "geo/lakes.json"]

/// The sample dataset in memory, from $TANACS_FUZZ_SAMPLE (run.sh sets it).
let fuzzSample: [String: Data] = {
    guard let folder = ProcessInfo.processInfo.environment["TANACS_FUZZ_SAMPLE"] else {
        fatalError("set TANACS_FUZZ_SAMPLE to the sample dataset folder (Tests/Fixtures/sample)")
    }
    var files: [String: Data] = [:]
    for name in fuzzFiles {
        files[name] = FileManager.default.contents(atPath: folder + "/" + name)
    }
    guard files["events.json"] != nil else { fatalError("no events.json in \(folder)") }
    return files
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    guard count > 0 else { return 0 }
    let choice = Int(bytes[0]) % (fuzzFiles.count + 1)
    let body = Data(bytes: bytes + 1, count: count - 1)
    if choice == fuzzFiles.count {
        checkTextAndDates(String(decoding: body, as: UTF8.self))
        return 0
    }
    var files = fuzzSample
    files[fuzzFiles[choice]] = body
    checkFastPathAgrees(files)
    do {
        let loaded = try DataLoader.load(reading: { files[$0] })
        // The loaded model must answer the queries the explorer and the CLI make.
        let index = SearchIndex(model: loaded.model)
        _ = index.search("budapest")
        for event in loaded.model.events { _ = event.date.display }
        for council in loaded.model.councils { _ = loaded.model.councilAtWork(council, on: Day(year: 1956, month: 11, day: 4)!) }
    } catch let errors as LoadErrors {
        precondition(!errors.errors.isEmpty, "LoadErrors without an error")
        for error in errors.errors { _ = error.description }
    } catch {
        fatalError("the loader threw something other than LoadErrors: \(error)")
    }
    return 0
}

/// The fast path (RecordReader) and the checking path (JSONDecoder and its checks) load the same
/// records, warnings and errors from the same bytes: anything else is a finding.
func checkFastPathAgrees(_ files: [String: Data]) {
    func outcome(_ fastPath: Bool) -> Result<LoadedData, LoadErrors> {
        do { return .success(try DataLoader.load(fastPath: fastPath, reading: { files[$0] })) } catch let e as LoadErrors {
            return .failure(e)
        } catch { fatalError("the loader threw something other than LoadErrors: \(error)") }
    }
    switch (outcome(true), outcome(false)) {
    case (.success(let a), .success(let b)):
        let m = a.model, n = b.model
        precondition(m.sources == n.sources && m.excerpts == n.excerpts && m.places == n.places && m.councils == n.councils
                     && m.events == n.events && m.people == n.people && m.figures == n.figures, "the two paths loaded different records")
        precondition("\(m.places.map { ($0.lat, $0.lon) })" == "\(n.places.map { ($0.lat, $0.lon) })", "coordinates differ (sign of zero?)")
        precondition(m.geography.border.map(\.lines) == n.geography.border.map(\.lines)
                     && m.geography.rivers.map(\.lines) == n.geography.rivers.map(\.lines)
                     && m.geography.lakes.map(\.lines) == n.geography.lakes.map(\.lines), "the two paths loaded different outlines")
        precondition(a.warnings == b.warnings, "warnings differ: \(a.warnings) against \(b.warnings)")
    case (.failure(let a), .failure(let b)):
        precondition(a.errors == b.errors, "errors differ: \(a) against \(b)")
    case (let a, let b):
        fatalError("the fast path gave \(a), the checking path \(b)")
    }
}

/// Dates parse or not, but never crash, and whatever parses can be displayed and stepped; the
/// sanitizer leaves no control character behind and is idempotent.
func checkTextAndDates(_ text: String) {
    if let date = HistoricalDate(text) {
        _ = date.display
        precondition(date.start <= date.end, "a date that ends before it starts: \(text)")
        _ = date.start.adding(days: 1).display
    }
    _ = Day.parse(text)
    let clean = Sanitizer.clean(text)
    for scalar in clean.unicodeScalars {
        precondition(!(scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)), "control U+\(String(scalar.value, radix: 16)) left in \(clean.debugDescription)")
        precondition(!(0x202A...0x202E).contains(scalar.value) && !(0x2066...0x2069).contains(scalar.value), "bidi control left")
    }
    precondition(Sanitizer.clean(clean) == clean, "the sanitizer is not idempotent on \(text.debugDescription)")
    _ = TextWidth.of(clean)
}
