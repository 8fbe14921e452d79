import ArgumentParser
import Foundation
import TanacsUI

/// `tanacs manual`: the man page, in roff, from the commands' own help and the explorer's keys, with
/// ENVIRONMENT and EXIT STATUS. UTF-8 throughout (man-db reads it through preconv), so names keep
/// their accents.
struct ManualCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "manual",
        abstract: "Print the man page (roff): tanacs manual > tanacs.1; man -l tanacs.1",
        shouldDisplay: false)

    func run() throws {
        Console.write(Self.page())
    }

    /// Escapes text for roff: backslashes, and a line that would start with a control character.
    static func roff(_ s: String) -> String {
        s.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            let escaped = line.replacingOccurrences(of: "\\", with: "\\e").replacingOccurrences(of: "-", with: "\\-")
            return escaped.hasPrefix(".") || escaped.hasPrefix("'") ? "\\&" + escaped : escaped
        }.joined(separator: "\n")
    }

    static func page() -> String {
        var out = ".TH TANACS 1 \"\" \"tanacs \(Tanacs.version)\" \"User Commands\"\n"
        out += ".SH NAME\ntanacs \\- \(roff(Tanacs.configuration.abstract))\n"
        out += ".SH SYNOPSIS\n.B tanacs\n[\\fB\\-\\-at\\fR \\fIid\\fR | \\fB\\-\\-date\\fR \\fIYYYY\\-MM\\-DD\\fR] [\\fB\\-\\-data\\fR \\fIdir\\fR]\n.br\n"
        out += ".B tanacs\n\\fIcommand\\fR [\\fIoptions\\fR]\n"
        out += ".SH DESCRIPTION\n" + roff("""
            Tanács ("council" in Hungarian) is a keyboard-driven terminal explorer of the Hungarian Revolution \
            of 1956: a timeline of events, a map of the towns and Budapest's districts, and pages for every \
            event, town, council, person and figure, each fact with the verbatim quotation behind it. Without \
            a command it opens the explorer; the commands answer from the shell, for scripts and teaching.
            """) + "\n"
        out += ".SH COMMANDS\n"
        for command in Tanacs.configuration.subcommands where command.configuration.shouldDisplay {
            out += ".SS \(roff(command._commandName))\n"
            out += ".nf\n" + roff(command.helpMessage(columns: 78).trimmingCharacters(in: .whitespacesAndNewlines)) + "\n.fi\n"
        }
        out += ".SH KEYS\nIn the explorer, \\fB?\\fR shows the keys of the view you are in. All of them:\n"
        for section in HelpView.allSections {
            out += ".SS \(roff(section.title))\n"
            for (key, action) in section.keys {
                out += ".TP\n.B \(roff(key))\n\(roff(action))\n"
            }
        }
        out += ".SH ENVIRONMENT\n"
        let environment: [(String, String)] = [
            ("TANACS_DATA", "The dataset folder when --data is not given. Without either, a data/ folder beside or above the executable, then the dataset built into it."),
            ("TANACS_SOURCES", "The folder of the source articles when --sources is not given: the reader then scrolls the whole article a quotation comes from."),
            ("COLUMNS", "The width tables are fitted to when standard output is not a terminal."),
            ("NO_COLOR", "Any non-empty value turns colours off; bold, underline and reverse video stay."),
            ("TERM", "The terminal type; unset, dumb or unknown, the explorer exits with status 69."),
            ("LANG, LC_ALL, LC_CTYPE", "Where the locale is not UTF-8, borders, marks and the map are drawn in ASCII."),
        ]
        for (name, text) in environment { out += ".TP\n.B \(roff(name))\n\(roff(text))\n" }
        out += ".SH EXIT STATUS\n"
        let statuses: [(String, String)] = [
            ("0", "Success (also when the data loaded with warnings)."),
            ("64", "Bad command line: an unknown option or command, a malformed date, a record that does not exist."),
            ("65", "Bad data: every problem is printed, one per line, naming the file, record and field."),
            ("66", "No dataset: the folder named by --data or TANACS_DATA does not exist, is a file, or holds no dataset."),
            ("69", "The terminal cannot be used (standard input or output is not a terminal, TERM unset, dumb or unknown)."),
            ("73", "An export could not be written."),
        ]
        for (code, text) in statuses { out += ".TP\n.B \(code)\n\(roff(text))\n" }
        out += ".SH EXAMPLES\n.nf\n" + roff("""
            tanacs --at place:gyor
            tanacs search council csepel
            tanacs show "Győr"
            tanacs events --place csepel --from 1956-11-01
            tanacs export --format markdown --place gyor | pandoc -s -o gyor.html
            tanacs export --format sqlite --out tanacs.db
            tanacs cite excerpt:blog-p3-1 --style bibtex
            """) + "\n.fi\n"
        return out
    }
}
