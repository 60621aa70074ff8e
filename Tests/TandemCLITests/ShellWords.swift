/// Splits a command line as a POSIX shell would for the README's simple quoting ("…" and plain words).
enum ShellWords {
    static func split(_ line: String) -> [String]? {
        var words: [String] = [], current = "", quoted = false, inWord = false
        for character in line {
            switch character {
            case "\"": quoted.toggle(); inWord = true
            case " " where !quoted:
                if inWord { words.append(current); current = ""; inWord = false }
            default: current.append(character); inWord = true
            }
        }
        if quoted { return nil }
        if inWord { words.append(current) }
        return words
    }
}
