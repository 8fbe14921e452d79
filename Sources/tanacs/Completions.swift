import ArgumentParser
import Foundation
import TanacsModel

/// Custom shell completions: record ids and names from the dataset the command line names (or the
/// default one), read quietly; nothing is offered when it does not load.
enum RecordCompletion {
    /// Ids and names of the records whose ids start with `prefix` ("place:"), or of every record.
    static func kind(_ prefix: String?) -> CompletionKind {
        .custom { words, _, typed in candidates(prefix: prefix, words: words, typed: typed) }
    }

    static func candidates(prefix: String?, words: [String], typed: String) -> [String] {
        var option: String?
        for (i, word) in words.enumerated() {
            if word == "--data", i + 1 < words.count { option = words[i + 1] }
            if word.hasPrefix("--data=") { option = String(word.dropFirst(7)) }
        }
        guard let model = try? DataLocation.resolve(option: option).load().model else { return [] }
        var out: [String] = []
        func add(_ id: String, _ names: [String]) {
            guard prefix == nil || id.hasPrefix(prefix!) else { return }
            out.append(id)
            out += names
        }
        for p in model.places { add(p.id, [p.name] + p.names) }
        for c in model.councils { add(c.id, [c.name] + c.names) }
        for p in model.people { add(p.id, [p.name] + p.names) }
        for e in model.events { add(e.id, []) }
        for f in model.figures { add(f.id, []) }
        for s in model.sources { add(s.id, []) }
        // Names go through the sanitizer: completion text reaches the terminal too.
        let folded = typed.folded
        var seen: Set<String> = []
        return out.map(clean).filter { $0.folded.hasPrefix(folded) && !$0.contains("\n") && seen.insert($0).inserted }
    }
}
