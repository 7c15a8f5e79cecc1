/// "Did you mean …?" for a mistyped command: the closest known word by edit distance (a letter
/// added, left out, changed or two swapped), when it is close enough to be what was meant.
public enum Suggestion {
    /// The candidate closest to `word`, or nil when none is within reach: at most 1 edit for words
    /// up to 4 letters, 2 up to 8, 3 beyond; or `word` is a prefix of exactly one candidate (3+ letters).
    public static func closest(to word: String, among candidates: [String]) -> String? {
        let w = Array(word.lowercased())
        let prefixed = candidates.filter { w.count >= 3 && $0.lowercased().hasPrefix(word.lowercased()) }
        if prefixed.count == 1 { return prefixed[0] }
        let reach = w.count <= 4 ? 1 : (w.count <= 8 ? 2 : 3)
        var best: (String, Int)?
        for c in candidates {
            let d = distance(w, Array(c.lowercased()))
            if d <= reach, d < (best?.1 ?? .max) { best = (c, d) }
        }
        return best?.0
    }

    /// Optimal string alignment distance (Damerau–Levenshtein without repeated edits of a substring).
    static func distance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var d = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { d[i][0] = i }
        for j in 0...b.count { d[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1) }
            }
        }
        return d[a.count][b.count]
    }

    /// The message for a first argument that is no command: `unknown command 'regenrate'; did you
    /// mean 'regenerate'?`, else the word as an option (`colour` → `--color`), else the commands.
    public static func unknownCommand(_ word: String, commands: [String], options: [String]) -> String {
        let shown = MessageText.quoted(word)
        if let c = closest(to: word, among: commands) { return "unknown command \(shown); did you mean '\(c)'?" }
        if let o = closest(to: word, among: options) { return "unknown command \(shown); did you mean the option '--\(o)'?" }
        return "unknown command \(shown); expected one of: " + commands.joined(separator: ", ")
    }

    /// The message for the first `--name` in `arguments` (up to a `--`) that is none of `options`
    /// (long names without `--`) of `command`: `unknown option "--dat"; did you mean '--data'?`, else
    /// the other commands that have it (`elsewhere`, name → its options), else another command's
    /// option close to it, else the bare finding.
    /// Nil when every option is known.
    public static func unknownOption(in arguments: [String], command: String, options: [String],
                                     elsewhere: [(command: String, options: [String])] = []) -> String? {
        let known = options + ["help", "version"]
        for a in arguments {
            if a == "--" { break }
            guard a.hasPrefix("--"), a.count > 2 else { continue }
            let name = String(a.dropFirst(2).prefix { $0 != "=" })
            if known.contains(name) { continue }
            let shown = MessageText.quoted("--" + name)
            if let c = closest(to: name, among: options) { return "unknown option \(shown); did you mean '--\(c)'?" }
            let others = elsewhere.filter { $0.command != command }
            let having = others.filter { $0.options.contains(name) }.map { "'\($0.command)'" }
            if !having.isEmpty {
                return "unknown option \(shown) for '\(command)'; it is an option of "
                    + (having.count > 2 ? having.dropLast().joined(separator: ", ") + " and " + having.last! : having.joined(separator: " and "))
            }
            if let near = others.lazy.compactMap({ o in closest(to: name, among: o.options).map { (o.command, $0) } }).first {
                return "unknown option \(shown) for '\(command)'; did you mean '\(near.0) --\(near.1)'?"
            }
            return "unknown option \(shown) for '\(command)'"
        }
        return nil
    }

    /// The long option names (without `--`) a help text lists.
    public static func optionNames(inHelp help: String) -> [String] {
        var names: [String] = []
        let chars = Array(help)
        var i = 0
        while i + 2 < chars.count {
            guard chars[i] == "-", chars[i + 1] == "-", i == 0 || !(chars[i - 1].isLetter || chars[i - 1] == "-") else { i += 1; continue }
            var j = i + 2
            while j < chars.count, chars[j].isLetter || chars[j].isNumber || chars[j] == "-" { j += 1 }
            let name = String(chars[(i + 2)..<j])
            if !name.isEmpty, !names.contains(name) { names.append(name) }
            i = j
        }
        return names
    }

    /// The long option names (without `--`) of the options a help text lists: the names at the start
    /// of its option lines (`  -q, --quiet`, `  --check/--no-check`), not those its prose mentions.
    public static func listedOptionNames(inHelp help: String) -> [String] {
        var names: [String] = []
        for line in help.split(separator: "\n") where line.hasPrefix("  -") && !line.hasPrefix("   ") {
            // The synopsis ends where the column of help text begins (a run of spaces).
            let chars = Array(line)
            var end = 2
            while end + 1 < chars.count, !(chars[end] == " " && chars[end + 1] == " ") { end += 1 }
            if end + 1 == chars.count { end += 1 }
            for name in optionNames(inHelp: String(chars[..<end])) where !names.contains(name) { names.append(name) }
        }
        return names
    }
}
