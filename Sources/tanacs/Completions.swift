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

/// The shell scripts swift-argument-parser generates, taught that `explore` is the default command:
/// its options (`tanacs --at …`, `tanacs --date …`) complete without naming it, as they run without it.
enum CompletionScript {
    /// The script for `shell`, or nil for a shell the argument parser does not know.
    static func script(for shellName: String) -> String? {
        guard let shell = CompletionShell(rawValue: shellName) else { return nil }
        let script = Tanacs.completionScript(for: shell)
        switch shell {
        case .bash: return bash(script)
        case .fish: return fish(script)
        case .zsh: return zsh(script)
        default: return script
        }
    }

    /// bash: a first word that is an option is handed to the explorer's function, which offers the
    /// explorer's options and completes their values.
    static func bash(_ script: String) -> String {
        let anchor = "    local -a unparsed_words=(\"${COMP_WORDS[@]:1:${COMP_CWORD}}\")\n"
        let explore = """

                # The explorer is the default command: a first word that is an option is the explorer's.
                if [[ "${unparsed_words[0]}" = -* ]]; then
                    local -a repeating_flags=() non_repeating_flags=() repeating_options=() non_repeating_options=()
                    _tanacs_explore
                    return
                fi

            """
        return replacingFirst(anchor, with: anchor + explore, in: script)
    }

    /// fish: every completion offered for `tanacs explore` is offered for a bare `tanacs` too, and
    /// parsing a bare `tanacs` knows the explorer's options.
    static func fish(_ script: String) -> String {
        var lines: [Substring] = []
        for line in script.split(separator: "\n", omittingEmptySubsequences: false) {
            lines.append(line)
            if line.hasPrefix("complete "), line.contains("_flags_or_options \"tanacs explore\"") {
                lines.append(Substring(line.replacingOccurrences(of: "_flags_or_options \"tanacs explore\"",
                                                                 with: "_flags_or_options \"tanacs\"")))
            }
        }
        let rootParse = "__tanacs_parse_subcommand 0 'version' 'h/help'"
        let exploreParse = lines.first { $0.contains("__tanacs_parse_subcommand 0 'data=' 'at='") }
        var out = lines.joined(separator: "\n")
        if let exploreParse {
            out = replacingFirst(rootParse, with: String(exploreParse.trimmingPrefix(while: { $0 == " " })), in: out)
        }
        return out
    }

    /// zsh: the root's argument specs gain the explorer's options.
    static func zsh(_ script: String) -> String {
        guard let start = script.range(of: "_tanacs_explore() {"),
              let end = script.range(of: "\n}\n", range: start.upperBound..<script.endIndex) else { return script }
        let options = script[start.upperBound..<end.lowerBound].split(separator: "\n")
            .filter { line in ["'--data", "'--at", "'--date", "'--no-mouse", "'--ascii"].contains { line.trimmingPrefix(while: { $0 == " " }).hasPrefix($0) } }
            .map { $0 + "\n" }.joined()
        let rootVersion = "        '--version[Show the version.]'\n"
        return replacingFirst(rootVersion, with: rootVersion + options, in: script)
    }

    private static func replacingFirst(_ target: String, with replacement: String, in text: String) -> String {
        guard let range = text.range(of: target) else { return text }
        return text.replacingCharacters(in: range, with: replacement)
    }
}
