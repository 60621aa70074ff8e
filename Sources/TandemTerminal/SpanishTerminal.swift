/// The Spanish of this module's texts, keyed by their English (Business Central's own Spanish UI
/// vocabulary: Clientes, Cuentas, Sincronizar ahora, Configurar emparejamiento…). One entry a line,
/// `"English": "Spanish",`; a plural's key and value are its two forms joined by `|`.
enum SpanishTerminal {
    static let table: [String: String] = [
        "The terminal UI needs a UTF-8 locale, and this one is {0}. Try LANG=C.UTF-8.": "La interfaz de terminal necesita una configuración regional UTF-8, y esta es {0}. Pruebe LANG=C.UTF-8.",
        "The terminal UI needs a terminal, and standard input or output is not one. Use the commands instead (tandem --help).": "La interfaz de terminal necesita un terminal, y la entrada o la salida estándar no lo es. Use los comandos en su lugar (tandem --help).",
        "ncurses could not start on this terminal (is TERM set?).": "ncurses no pudo iniciarse en este terminal (¿está definida TERM?).",
    ]
}
