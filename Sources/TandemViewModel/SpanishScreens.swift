/// The Spanish of the view model's reducers, effects and state (Screens/, State/), keyed by
/// their English (Business Central's own Spanish UI vocabulary: Clientes, Cuentas, Sincronizar ahora,
/// Configurar emparejamiento…). One entry a line, `"English": "Spanish",`; a plural's key and value are
/// its two forms joined by `|`.
enum SpanishScreens {
    static let table: [String: String] = [:]
}
