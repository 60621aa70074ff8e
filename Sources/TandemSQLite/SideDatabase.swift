import GRDB
import TandemCore

/// The database of one side (the ERP's or the CRM's): one SQL table per standard table, a column per
/// field, indexed by name (for lists) and by number (ERP).
enum SideDatabase {
    static let schemaVersion = 2

    static func kind(_ side: Side) -> DatabaseKind { side == .erp ? .erp : .crm }

    static func migrator(for side: Side) -> DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: \(side.rawValue) tables") { db in
            for schema in StandardTables.tables(on: side) { try createTable(schema, in: db) }
        }
        // "Synchronize modified records" finds the records changed since a mark by version.
        migrator.registerMigration("v2: \(side.rawValue) records by version") { db in
            for schema in StandardTables.tables(on: side) {
                try db.execute(sql: "CREATE INDEX \(versionIndex(schema).quotedIdentifier) ON \(schema.name.quotedIdentifier) (modifiedAt)")
            }
        }
        return migrator
    }

    /// The index on `modifiedAt` (with the id, as every index of a WITHOUT ROWID table).
    static func versionIndex(_ schema: TableSchema) -> String { "\(schema.name)_by_version" }

    static func createTable(_ schema: TableSchema, in db: Database) throws {
        let table = schema.name.quotedIdentifier
        let columns = schema.fieldNames.map { "\($0.quotedIdentifier) TEXT NOT NULL DEFAULT ''" }
        // sort_key is the name folded for case and accents (TableSchema.sortKey), kept by every write:
        // lists page on (sort_key, id) and name lookups use it too.
        try db.execute(sql: """
            CREATE TABLE \(table) (
                id TEXT PRIMARY KEY NOT NULL,
                modifiedAt INTEGER NOT NULL,
                sort_key TEXT NOT NULL DEFAULT '',
                \(columns.joined(separator: ",\n    "))
            ) WITHOUT ROWID
            """)
        try db.execute(sql: "CREATE INDEX \("\(schema.name)_by_name".quotedIdentifier) ON \(table) (sort_key, id)")
        if let number = schema.numberField {
            try db.execute(sql: "CREATE UNIQUE INDEX \("\(schema.name)_by_number".quotedIdentifier) ON \(table) (\(number.quotedIdentifier))")
        }
    }
}
