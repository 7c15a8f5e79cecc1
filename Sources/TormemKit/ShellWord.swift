/// A word for a POSIX shell command shown to be pasted (`sh`, `bash`, `dash`): it reaches the
/// program exactly as given, whatever it holds (spaces, quotes, `$()`, backticks, newlines).
enum ShellWord {
    /// `s` unchanged when it holds only characters no shell treats specially, else in single quotes
    /// (a `'` inside written `'\''`). A word starting with `-` gets `./` before it, so it is never
    /// read as an option; the empty word is `''`.
    static func quote(_ s: String) -> String {
        let word = s.hasPrefix("-") ? "./" + s : s
        let plain = !word.isEmpty && word.utf8.allSatisfy { b in
            (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a) || "-_./+,:@%".utf8.contains(b)
        }
        if plain { return word }
        return "'" + word.map { $0 == "'" ? "'\\''" : String($0) }.joined() + "'"
    }
}
