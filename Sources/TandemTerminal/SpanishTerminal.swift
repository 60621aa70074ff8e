/// The Spanish of this module's texts, keyed by their English (Business Central's own Spanish UI
/// vocabulary: Clientes, Cuentas, Sincronizar ahora, Configurar emparejamiento…). One entry a line,
/// `"English": "Spanish",`; a plural's key and value are its two forms joined by `|`.
enum SpanishTerminal {
    static let table: [String: String] = [:]
}
