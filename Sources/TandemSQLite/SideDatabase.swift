import GRDB
import TandemCore

/// The database of one side (the ERP's or the CRM's): one SQL table per standard table, a column per
/// field, indexed by name (for lists) and by number (ERP).
///
/// Migrations are frozen: each one's SQL is written out as it shipped, never generated from the live
/// `TableSchema`s, so a later change to a schema cannot change what an old migration did. A new field
/// or table is a new migration (`SideMigrationTests` fails until there is one).
enum SideDatabase {
    static let schemaVersion = 5

    static func kind(_ side: Side) -> DatabaseKind { side == .erp ? .erp : .crm }

    static func migrator(for side: Side) -> DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: \(side.rawValue) tables") { db in
            for statement in side == .erp ? erpV1 : crmV1 { try db.execute(sql: statement) }
        }
        // "Synchronize modified records" finds the records changed since a mark by version.
        migrator.registerMigration("v2: \(side.rawValue) records by version") { db in
            for statement in side == .erp ? erpV2 : crmV2 { try db.execute(sql: statement) }
        }
        // BC's Contact has a Type (Company, Person); only persons are synchronized. Contacts made before
        // it were all persons. The CRM side has nothing to add.
        if side == .erp {
            migrator.registerMigration("v3: erp contact type") { db in
                for statement in erpV3 { try db.execute(sql: statement) }
            }
        }
        // A side that lives in Business Central or Dataverse keeps its records here as a replica: the
        // connection, each record's remote id and ETag, and each table's pull cursor, all in the file
        // whose rows they describe, so a pull stores its rows and its cursor in one transaction.
        migrator.registerMigration("v4: \(side.rawValue) replica of a remote side") { db in
            for statement in replicaV4 { try db.execute(sql: statement) }
        }
        // The SALESPEOPLE mapping: BC's salespeople and Dataverse's users, and what points at them
        // (a customer's Salesperson Code, an account's owner).
        migrator.registerMigration("v5: \(side.rawValue) salespeople and owners") { db in
            for statement in side == .erp ? erpV5 : crmV5 { try db.execute(sql: statement) }
        }
        return migrator
    }

    // sort_key is the name folded for case and accents (TableSchema.sortKey), kept by every write:
    // lists page on (sort_key, id) and name lookups use it too.

    /// v1 of the ERP database: Customer and Contact.
    private static let erpV1 = [
        """
        CREATE TABLE "Customer" (
            id TEXT PRIMARY KEY NOT NULL,
            modifiedAt INTEGER NOT NULL,
            sort_key TEXT NOT NULL DEFAULT '',
            "No." TEXT NOT NULL DEFAULT '',
            "Name" TEXT NOT NULL DEFAULT '',
            "Address" TEXT NOT NULL DEFAULT '',
            "Address 2" TEXT NOT NULL DEFAULT '',
            "Post Code" TEXT NOT NULL DEFAULT '',
            "City" TEXT NOT NULL DEFAULT '',
            "Country/Region Code" TEXT NOT NULL DEFAULT '',
            "Phone No." TEXT NOT NULL DEFAULT '',
            "E-Mail" TEXT NOT NULL DEFAULT '',
            "Home Page" TEXT NOT NULL DEFAULT '',
            "Contact" TEXT NOT NULL DEFAULT '',
            "Currency Code" TEXT NOT NULL DEFAULT '',
            "Credit Limit" TEXT NOT NULL DEFAULT '',
            "Blocked" TEXT NOT NULL DEFAULT ''
        ) WITHOUT ROWID
        """,
        """
        CREATE INDEX "Customer_by_name" ON "Customer" (sort_key, id)
        """,
        """
        CREATE UNIQUE INDEX "Customer_by_number" ON "Customer" ("No.")
        """,
        """
        CREATE TABLE "Contact" (
            id TEXT PRIMARY KEY NOT NULL,
            modifiedAt INTEGER NOT NULL,
            sort_key TEXT NOT NULL DEFAULT '',
            "No." TEXT NOT NULL DEFAULT '',
            "Name" TEXT NOT NULL DEFAULT '',
            "First Name" TEXT NOT NULL DEFAULT '',
            "Surname" TEXT NOT NULL DEFAULT '',
            "Job Title" TEXT NOT NULL DEFAULT '',
            "Company No." TEXT NOT NULL DEFAULT '',
            "E-Mail" TEXT NOT NULL DEFAULT '',
            "Phone No." TEXT NOT NULL DEFAULT '',
            "Mobile Phone No." TEXT NOT NULL DEFAULT ''
        ) WITHOUT ROWID
        """,
        """
        CREATE INDEX "Contact_by_name" ON "Contact" (sort_key, id)
        """,
        """
        CREATE UNIQUE INDEX "Contact_by_number" ON "Contact" ("No.")
        """,
    ]

    /// v1 of the CRM database: account and contact.
    private static let crmV1 = [
        """
        CREATE TABLE "account" (
            id TEXT PRIMARY KEY NOT NULL,
            modifiedAt INTEGER NOT NULL,
            sort_key TEXT NOT NULL DEFAULT '',
            "name" TEXT NOT NULL DEFAULT '',
            "accountnumber" TEXT NOT NULL DEFAULT '',
            "address1_line1" TEXT NOT NULL DEFAULT '',
            "address1_line2" TEXT NOT NULL DEFAULT '',
            "address1_postalcode" TEXT NOT NULL DEFAULT '',
            "address1_city" TEXT NOT NULL DEFAULT '',
            "address1_country" TEXT NOT NULL DEFAULT '',
            "telephone1" TEXT NOT NULL DEFAULT '',
            "emailaddress1" TEXT NOT NULL DEFAULT '',
            "websiteurl" TEXT NOT NULL DEFAULT '',
            "address1_primarycontactname" TEXT NOT NULL DEFAULT '',
            "transactioncurrency" TEXT NOT NULL DEFAULT '',
            "creditlimit" TEXT NOT NULL DEFAULT '',
            "statecode" TEXT NOT NULL DEFAULT ''
        ) WITHOUT ROWID
        """,
        """
        CREATE INDEX "account_by_name" ON "account" (sort_key, id)
        """,
        """
        CREATE TABLE "contact" (
            id TEXT PRIMARY KEY NOT NULL,
            modifiedAt INTEGER NOT NULL,
            sort_key TEXT NOT NULL DEFAULT '',
            "fullname" TEXT NOT NULL DEFAULT '',
            "firstname" TEXT NOT NULL DEFAULT '',
            "lastname" TEXT NOT NULL DEFAULT '',
            "jobtitle" TEXT NOT NULL DEFAULT '',
            "parentcustomerid" TEXT NOT NULL DEFAULT '',
            "emailaddress1" TEXT NOT NULL DEFAULT '',
            "telephone1" TEXT NOT NULL DEFAULT '',
            "mobilephone" TEXT NOT NULL DEFAULT '',
            "statecode" TEXT NOT NULL DEFAULT ''
        ) WITHOUT ROWID
        """,
        """
        CREATE INDEX "contact_by_name" ON "contact" (sort_key, id)
        """,
    ]

    /// The index on `modifiedAt` (with the id, as every index of a WITHOUT ROWID table).
    static func versionIndex(_ schema: TableSchema) -> String { "\(schema.name)_by_version" }

    /// v2 of the ERP database: records by version.
    private static let erpV2 = [
        """
        CREATE INDEX "Customer_by_version" ON "Customer" (modifiedAt)
        """,
        """
        CREATE INDEX "Contact_by_version" ON "Contact" (modifiedAt)
        """,
    ]

    /// v2 of the CRM database: records by version.
    private static let crmV2 = [
        """
        CREATE INDEX "account_by_version" ON "account" (modifiedAt)
        """,
        """
        CREATE INDEX "contact_by_version" ON "contact" (modifiedAt)
        """,
    ]

    /// v3 of the ERP database: the contact's type.
    private static let erpV3 = [
        """
        ALTER TABLE "Contact" ADD COLUMN "Type" TEXT NOT NULL DEFAULT 'Person'
        """,
    ]

    /// v4 of both side databases: the replica of a remote side.
    private static let replicaV4 = [
        """
        CREATE TABLE remote_connection (
            singleton INTEGER PRIMARY KEY NOT NULL CHECK (singleton = 1),
            kind TEXT NOT NULL,
            url TEXT NOT NULL,
            company TEXT NOT NULL DEFAULT '',
            connectedAt INTEGER NOT NULL
        )
        """,
        """
        CREATE TABLE remote_rows (
            "table" TEXT NOT NULL,
            id TEXT NOT NULL,
            remote_id TEXT NOT NULL,
            etag TEXT NOT NULL,
            PRIMARY KEY ("table", id)
        ) WITHOUT ROWID
        """,
        """
        CREATE UNIQUE INDEX remote_rows_by_remote_id ON remote_rows ("table", remote_id)
        """,
        """
        CREATE TABLE pull_state (
            "table" TEXT PRIMARY KEY NOT NULL,
            cursor TEXT,
            next_link TEXT,
            pull_started_full INTEGER NOT NULL DEFAULT 0,
            last_pull_at INTEGER,
            records_pulled INTEGER NOT NULL DEFAULT 0,
            requests INTEGER NOT NULL DEFAULT 0,
            seconds_waited REAL NOT NULL DEFAULT 0
        ) WITHOUT ROWID
        """,
    ]

    /// v5 of the ERP database: salespeople, and the customer's salesperson.
    private static let erpV5 = [
        """
        CREATE TABLE "Salesperson" (
            id TEXT PRIMARY KEY NOT NULL,
            modifiedAt INTEGER NOT NULL,
            sort_key TEXT NOT NULL DEFAULT '',
            "Code" TEXT NOT NULL DEFAULT '',
            "Name" TEXT NOT NULL DEFAULT '',
            "Job Title" TEXT NOT NULL DEFAULT '',
            "E-Mail" TEXT NOT NULL DEFAULT '',
            "Phone No." TEXT NOT NULL DEFAULT '',
            "Blocked" TEXT NOT NULL DEFAULT 'No'
        ) WITHOUT ROWID
        """,
        """
        CREATE INDEX "Salesperson_by_name" ON "Salesperson" (sort_key, id)
        """,
        """
        CREATE UNIQUE INDEX "Salesperson_by_number" ON "Salesperson" ("Code")
        """,
        """
        CREATE INDEX "Salesperson_by_version" ON "Salesperson" (modifiedAt)
        """,
        """
        ALTER TABLE "Customer" ADD COLUMN "Salesperson Code" TEXT NOT NULL DEFAULT ''
        """,
        // A replica pulled before has the new column blank: its next pull reads every customer again.
        """
        UPDATE pull_state SET cursor = NULL, next_link = NULL, pull_started_full = 0 WHERE "table" = 'Customer'
        """,
    ]

    /// v5 of the CRM database: users, and the account's owner.
    private static let crmV5 = [
        """
        CREATE TABLE "systemuser" (
            id TEXT PRIMARY KEY NOT NULL,
            modifiedAt INTEGER NOT NULL,
            sort_key TEXT NOT NULL DEFAULT '',
            "fullname" TEXT NOT NULL DEFAULT '',
            "firstname" TEXT NOT NULL DEFAULT '',
            "lastname" TEXT NOT NULL DEFAULT '',
            "title" TEXT NOT NULL DEFAULT '',
            "internalemailaddress" TEXT NOT NULL DEFAULT '',
            "mobilephone" TEXT NOT NULL DEFAULT '',
            "isdisabled" TEXT NOT NULL DEFAULT 'No'
        ) WITHOUT ROWID
        """,
        """
        CREATE INDEX "systemuser_by_name" ON "systemuser" (sort_key, id)
        """,
        """
        CREATE INDEX "systemuser_by_version" ON "systemuser" (modifiedAt)
        """,
        """
        ALTER TABLE "account" ADD COLUMN "ownerid" TEXT NOT NULL DEFAULT ''
        """,
        // A replica pulled before has the new column blank: its next pull reads every account again.
        """
        UPDATE pull_state SET cursor = NULL, next_link = NULL, pull_started_full = 0 WHERE "table" = 'account'
        """,
    ]
}
