// A libFuzzer target for the canvas's text operations, built by `Tests/Fuzz/run.sh SECONDS text` with
// `swiftc -sanitize=fuzzer` from the TanacsUI canvas and map-label sources. Not part of `swift test`.
//
// Input: the first byte picks a width (0–79), the second how many labels to place; the rest is text.
// Each run wraps, truncates, pads and tails the text, and places labels cut from it on a small map,
// checking what every caller relies on: nothing wider than asked, no control character left, no word
// lost, labels inside the map, off the markers and apart. libFuzzer's -timeout catches any slow path.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    guard count > 2 else { return 0 }
    let width = Int(bytes[0]) % 80
    let labelCount = Int(bytes[1]) % 12
    let text = String(decoding: UnsafeBufferPointer(start: bytes + 2, count: count - 2), as: UTF8.self)
    checkWrap(text, width: width)
    checkTruncation(text, width: width)
    checkLabels(text, count: labelCount, width: max(1, width), seed: Int(bytes[1]))
    return 0
}

func noControls(_ s: String, _ what: String) {
    for scalar in s.unicodeScalars {
        precondition(!(scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)), "\(what): control U+\(String(scalar.value, radix: 16)) in \(s.debugDescription)")
    }
}

func checkWrap(_ text: String, width: Int) {
    let lines = Text.wrap(text, width: width)
    if width == 0 { precondition(lines.isEmpty, "wrap to 0 columns gives no lines"); return }
    precondition(!lines.isEmpty, "wrap gives at least one line")
    for line in lines {
        precondition(TextWidth.of(line) <= width, "wrapped line wider than \(width): \(line.debugDescription)")
        noControls(line, "wrap")
    }
    // Every character that can be shown at this width is kept, in order (spaces aside).
    let kept = lines.joined().filter { $0 != " " }
    let expected = Sanitizer.clean(text).filter { $0 != " " && TextWidth.of($0) <= width }
    precondition(kept == expected, "wrap lost or reordered characters of \(text.debugDescription)")
}

func checkTruncation(_ text: String, width: Int) {
    let clean = Sanitizer.clean(text)
    for glyphs in [Glyphs.unicode, Glyphs.ascii] {
        let cut = Text.truncate(text, to: width, glyphs: glyphs)
        precondition(TextWidth.of(cut) <= width, "truncate wider than \(width): \(cut.debugDescription)")
        noControls(cut, "truncate")
        // truncate folds what the glyph set cannot show ("…" to "..." in ASCII) before cutting.
        precondition(cut == Text.truncate(clean: glyphs.fold(clean), to: width, glyphs: glyphs), "truncate(clean:) differs from truncate")
        if width == 0 { precondition(cut.isEmpty, "nothing fits in no columns") }
        else if TextWidth.of(glyphs.fold(clean)) <= width { precondition(cut == glyphs.fold(clean), "a text that fits is kept whole") }
        else if TextWidth.of(glyphs.ellipsis) <= width { precondition(cut.hasSuffix(glyphs.ellipsis), "a cut text ends in an ellipsis") }
        let tail = Text.tail(text, to: width, glyphs: glyphs)
        precondition(TextWidth.of(tail) <= width, "tail wider than \(width): \(tail.debugDescription)")
        noControls(tail, "tail")
        if width > 0 {
            let padded = Text.pad(text, to: width, glyphs: glyphs)
            precondition(TextWidth.of(padded) == width, "pad is exactly \(width) wide: \(padded.debugDescription)")
        }
    }
}

func checkLabels(_ text: String, count: Int, width: Int, seed: Int) {
    let height = 1 + seed % 9
    let words = Sanitizer.clean(text).split(separator: " ").map(String.init)
    var requests: [MapLabels.Request] = []
    var markers: [(Int, Int)] = []
    for n in 0..<count {
        let x = (seed * 7 + n * 13) % width, y = (seed + n * 5) % height
        markers.append((x, y))
        let word = words.isEmpty ? text : words[n % words.count]
        requests.append(MapLabels.Request(id: "l\(n)", text: word, x: x, y: y, required: n == 0))
    }
    let labels = MapLabels.place(requests, markers: markers, width: width, height: height)
    var taken = Array(repeating: false, count: width * height)
    for label in labels {
        let w = label.width
        precondition(w > 0 && label.x >= 0 && label.y >= 0 && label.y < height && label.x + w <= width, "label outside the map: \(label)")
        noControls(label.text, "label")
        for (mx, my) in markers where my == label.y {
            precondition(!(label.x..<(label.x + w)).contains(mx), "label covers a marker: \(label)")
        }
        for cx in label.x..<(label.x + w) {
            precondition(!taken[label.y * width + cx], "two labels overlap: \(label)")
            taken[label.y * width + cx] = true
        }
    }
}
