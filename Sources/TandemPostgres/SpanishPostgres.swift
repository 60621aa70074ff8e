/// The Spanish of this module's texts, keyed by their English. One entry a line,
/// `"English": "Spanish",`; a plural's key and value are its two forms joined by `|`.
enum SpanishPostgres {
    static let table: [String: String] = [
        "{0} Nothing was imported.": "{0} No se importó nada.",
        "\"{0}\" is not a PostgreSQL address; write postgres://user@host:port/database.": "\"{0}\" no es una dirección de PostgreSQL; escriba postgres://usuario@servidor:puerto/base.",
        "The PostgreSQL server of {0} cannot be reached: {1}.": "No se puede contactar con el servidor PostgreSQL de {0}: {1}.",
        "The PostgreSQL server refused the login to {0}: {1}": "El servidor PostgreSQL rechazó el inicio de sesión en {0}: {1}",
        "The database of {0} does not exist; create it first (createdb).": "La base de datos de {0} no existe; créela antes (createdb).",
        "{0} holds tables that are not a Tandem workspace; nothing was written.": "{0} contiene tablas que no son un espacio de trabajo de Tandem; no se escribió nada.",
        "{0} was made by a newer Tandem (schema {1}; this one knows up to {2}); nothing was written.": "{0} lo creó un Tandem más reciente (esquema {1}; este conoce hasta el {2}); no se escribió nada.",
        "PostgreSQL at {0}: {1}": "PostgreSQL en {0}: {1}",
        "The {0} column of {1} holds a value Tandem cannot read: {2}": "La columna {0} de {1} contiene un valor que Tandem no puede leer: {2}",
    ]
}
