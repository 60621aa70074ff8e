/// A key press, decoded by the terminal layer (or written by a test).
public enum Key: Hashable, Sendable, CustomStringConvertible {
    case up, down, left, right
    case shiftUp, shiftDown
    case pageUp, pageDown, home, end
    case enter, escape, tab, backTab, backspace, delete
    case function(Int)
    case character(Character)
    case control(Character)

    public static let space = Key.character(" ")

    /// How help and the key hints name the key, as the keyboards of the current language label it
    /// (Spanish: "Intro", "Espacio", "Mayús-Tab").
    public var description: String {
        switch self {
        case .up: "↑"
        case .down: "↓"
        case .left: "←"
        case .right: "→"
        case .shiftUp: tr("Shift-↑")
        case .shiftDown: tr("Shift-↓")
        case .pageUp: tr("PgUp")
        case .pageDown: tr("PgDn")
        case .home: tr("Home")
        case .end: tr("End")
        case .enter: tr("Enter")
        case .escape: "Esc"
        case .tab: tr("Tab")
        case .backTab: tr("Shift-Tab")
        case .backspace: tr("Backspace")
        case .delete: tr("Del")
        case .function(let number): "F\(number)"
        case .character(" "): tr("Space")
        case .character(let character): String(character)
        case .control(let character): "Ctrl-\(character.uppercased())"
        }
    }
}
