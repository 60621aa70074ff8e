/// What a table, a field, a field group or a page is called in a language. English uses the names
/// Tandem stores (Business Central's English captions for the ERP, Dataverse's logical names for the
/// CRM); Spanish uses Business Central's Spanish captions for the ERP side (Nº, Nombre, Población, …)
/// and keeps the CRM's logical names, which Dataverse does not translate either. Import accepts these
/// captions as column headers. Stored names never change with the language.
public enum Captions {
    /// Business Central's Spanish captions of the ERP fields Tandem maps.
    static let spanishERPFields: [String: String] = [
        "No.": "Nº", "Name": "Nombre", "Address": "Dirección", "Address 2": "Dirección 2", "Post Code": "Cód. postal",
        "City": "Población", "Country/Region Code": "Cód. país/región", "Phone No.": "Nº teléfono",
        "E-Mail": "Correo electrónico", "Home Page": "Página Web", "Contact": "Contacto", "Currency Code": "Cód. divisa",
        "Credit Limit": "Crédito máximo (DL)", "Blocked": "Bloqueado", "First Name": "Nombre de pila",
        "Surname": "Apellidos", "Job Title": "Cargo", "Company No.": "Nº empresa", "Mobile Phone No.": "Nº teléfono móvil",
        "Type": "Tipo", "Salesperson Code": "Cód. vendedor", "Code": "Código",
    ]
    static let spanishGroups: [String: String] = [
        "General": "General", "Address": "Dirección", "Communication": "Comunicación", "Payments": "Pagos", "Status": "Estado",
    ]
    static let spanishTables: [String: String] = [
        "Customer": "Cliente", "Contact": "Contacto", "CRM account": "Cuenta CRM", "CRM contact": "Contacto CRM",
        "Salesperson": "Vendedor", "CRM user": "Usuario CRM",
    ]
    static let spanishPages: [String: String] = ["customers": "Clientes", "contacts": "Contactos", "salespeople": "Vendedores"]

    /// The caption of `field` on `side`; a field without a translation keeps its stored name.
    public static func field(_ field: String, on side: Side, in language: Language = .current) -> String {
        guard language == .spanish, side == .erp else { return field }
        return spanishERPFields[field] ?? field
    }

    /// A card's group heading ("Address" → "Dirección").
    public static func group(_ group: String, in language: Language = .current) -> String {
        language == .spanish ? spanishGroups[group] ?? group : group
    }

    /// A table's display name ("Customer" → "Cliente", "CRM account" → "Cuenta CRM").
    public static func table(_ schema: TableSchema, in language: Language = .current) -> String {
        language == .spanish ? spanishTables[schema.displayName] ?? schema.displayName : schema.displayName
    }

    /// A list page's title by its id ("customers" → "Clientes"); `english` when there is none.
    public static func page(id: String, english: String, in language: Language = .current) -> String {
        language == .spanish ? spanishPages[id] ?? english : english
    }

    /// The stored field a column header names: the field itself, or one of its captions in any
    /// language (import takes a Spanish Business Central export as readily as an English one).
    public static func storedField(forHeader header: String, in schema: TableSchema) -> String? {
        if schema.field(named: header) != nil { return header }
        guard schema.side == .erp else { return nil }
        let folded = header.trimmingCharacters(in: .whitespaces).lowercased()
        return schema.fields.first { spanishERPFields[$0.name]?.lowercased() == folded }?.name
    }
}
