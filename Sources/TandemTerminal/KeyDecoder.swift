import CNCursesW
import TandemViewModel

/// Turns what `get_wch` returns into the view model's keys.
enum KeyDecoder {
    /// Codes the terminal gives extended keys (xterm-like terminals send Shift-↑/↓ as kUP/kDN),
    /// looked up once ncurses has started.
    struct Extended: Equatable {
        var shiftUp: Int32 = 0
        var shiftDown: Int32 = 0

        static func lookUp() -> Extended {
            Extended(shiftUp: tandem_extended_key("kUP"), shiftDown: tandem_extended_key("kDN"))
        }
    }

    static func decode(_ value: wint_t, isKeyCode: Bool, extended: Extended = Extended()) -> Key? {
        let code = Int32(bitPattern: UInt32(value))
        if isKeyCode {
            if extended.shiftUp != 0 && code == extended.shiftUp { return .shiftUp }
            if extended.shiftDown != 0 && code == extended.shiftDown { return .shiftDown }
            switch code {
            case KEY_UP: return .up
            case KEY_DOWN: return .down
            case KEY_LEFT: return .left
            case KEY_RIGHT: return .right
            case KEY_SR: return .shiftUp
            case KEY_SF: return .shiftDown
            case KEY_PPAGE: return .pageUp
            case KEY_NPAGE: return .pageDown
            case KEY_HOME: return .home
            case KEY_END: return .end
            case KEY_ENTER: return .enter
            case KEY_BACKSPACE: return .backspace
            case KEY_DC: return .delete
            case KEY_BTAB: return .backTab
            default:
                for number in 1...12 where code == tandem_key_f(Int32(number)) { return .function(number) }
                return nil
            }
        }
        switch code {
        case 9: return .tab
        case 10, 13: return .enter
        case 27: return .escape
        case 8, 127: return .backspace
        case 1...26: return .control(Character(Unicode.Scalar(UInt8(code) + 96)))
        default:
            guard let scalar = Unicode.Scalar(UInt32(value)), code >= 32 else { return nil }
            return .character(Character(scalar))
        }
    }
}
