import TandemViewModel

/// Reads the escape sequences terminfo did not know. Under `TERM=screen`, `linux` or `vt100` a
/// Shift-↓ still arrives as xterm sends it, Esc `[` `1` `;` `2` `B`, and ncurses hands it over byte by
/// byte — where `1` and `2` would switch pages. As tcell-based tools do, a CSI sequence that arrives
/// in one read is decoded whatever terminfo says: arrows with or without modifiers, Home/End, PgUp/PgDn,
/// Delete; an unknown one does nothing. An Esc on its own (a person pressing it) stays Esc.
enum EscapeSequences {
    static func fold(_ keys: [Key]) -> [Key] {
        var result: [Key] = []
        var index = 0
        while index < keys.count {
            guard keys[index] == .escape, index + 1 < keys.count,
                  keys[index + 1] == .character("[") || keys[index + 1] == .character("O") else {
                result.append(keys[index])
                index += 1
                continue
            }
            // Parameters (digits and ;) up to a final character in @…~.
            var parameters = "", end = index + 2, final: Character?
            while end < keys.count, case .character(let character) = keys[end] {
                end += 1
                if character.isASCII, character.isNumber || character == ";" {
                    parameters.append(character)
                } else {
                    final = character
                    break
                }
            }
            guard let final else {
                result.append(keys[index])  // not a whole sequence: an Esc and the keys after it
                index += 1
                continue
            }
            if let key = key(parameters: parameters, final: final) { result.append(key) }
            index = end
        }
        return result
    }

    /// The key a CSI (or SS3) sequence stands for, or nil for one Tandem has no use for.
    static func key(parameters: String, final: Character) -> Key? {
        let fields = parameters.split(separator: ";", omittingEmptySubsequences: false).map { Int($0) ?? 1 }
        let modifier = fields.count > 1 ? fields[1] : 1
        let shifted = (modifier - 1) & 1 == 1
        switch (final, fields.first ?? 1) {
        case ("A", _): return shifted ? .shiftUp : .up
        case ("B", _): return shifted ? .shiftDown : .down
        case ("C", _): return .right
        case ("D", _): return .left
        case ("H", _): return .home
        case ("F", _): return .end
        case ("Z", _): return .backTab
        case ("~", 1), ("~", 7): return .home
        case ("~", 4), ("~", 8): return .end
        case ("~", 3): return .delete
        case ("~", 5): return .pageUp
        case ("~", 6): return .pageDown
        default: return nil
        }
    }
}
