import Testing
import TandemCore
@testable import TandemTerminal

/// Why the terminal UI cannot start, in the reader's language.
@Suite struct TerminalErrorTests {
    @Test func aLocaleThatIsNotUTF8IsNamedInSpanish() {
        let error = TerminalError.notUTF8(codeset: "ISO-8859-1")
        #expect(Language.$override.withValue(.spanish) { error.description }
                == "La interfaz de terminal necesita una configuración regional UTF-8, y esta es ISO-8859-1. Pruebe LANG=C.UTF-8.")
        #expect(error.description == "The terminal UI needs a UTF-8 locale, and this one is ISO-8859-1. Try LANG=C.UTF-8.")
    }
}
