import TandemCore

/// The tables of a PostgreSQL workspace and their versioned migrations: the ERP's tables in schema
/// `tandem_erp`, the CRM's in `tandem_crm`, the integration state (mappings, couplings, jobs, errors,
/// undo log, intents, marks) in `tandem`, whose `schema_version` says which migrations ran.
///
/// Migrations are frozen: each one's SQL is written out as it shipped, never generated from the live
/// `TableSchema`s. A database that holds other tables and no `tandem` schema is not Tandem's and is
/// refused untouched; one from a newer Tandem is refused too.
public enum PostgresSchema {
    /// The newest schema this Tandem knows.
    public static let version = 5

    /// The PostgreSQL schema that holds a side's tables.
    public static func namespace(_ side: Side) -> String { side == .erp ? "tandem_erp" : "tandem_crm" }

    /// Brings the database to `version`, or refuses it. Two processes starting at once take turns on
    /// an advisory lock, so the tables are made once.
    public static func migrate(_ session: PostgresSession) throws {
        try session.transaction {
            try session.query("SELECT pg_advisory_xact_lock(7231000001)")
            let current = try installedVersion(session)
            if current > version {
                throw PostgresWorkspaceError.newerVersion(address: session.address.description, found: current, known: version)
            }
            if current < 1 {
                for statement in v1 { try session.query(statement) }
            }
            if current < 2 {
                for statement in v2 { try session.query(statement) }
            }
            if current < 3 {
                for statement in v3 { try session.query(statement) }
            }
            if current < 4 {
                for statement in v4 { try session.query(statement) }
            }
            if current < 5 {
                for statement in v5 { try session.query(statement) }
                try upgradeMappingsForSalespeople(session)
            }
            if current < version {
                try session.query("UPDATE tandem.schema_version SET version = ?", [.integer(Int64(version))])
            }
        }
    }

    /// 0 for an empty database; the version of a Tandem one; refuses any other.
    static func installedVersion(_ session: PostgresSession) throws -> Int {
        let hasTandem = try !session.query("SELECT 1 FROM pg_namespace WHERE nspname = 'tandem'").isEmpty
        if !hasTandem {
            let foreign = try session.query("""
                SELECT 1 FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE c.relkind IN ('r', 'v', 'm', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema')
                  AND n.nspname NOT LIKE 'pg_toast%' LIMIT 1
                """)
            guard foreign.isEmpty else { throw PostgresWorkspaceError.notTandem(address: session.address.description) }
            return 0
        }
        let rows = try session.query("""
            SELECT version FROM tandem.schema_version
            WHERE EXISTS (SELECT 1 FROM pg_tables WHERE schemaname = 'tandem' AND tablename = 'schema_version')
            """)
        guard let row = rows.first, let found = try? row.decode(Int64.self) else {
            throw PostgresWorkspaceError.notTandem(address: session.address.description)
        }
        return Int(found)
    }

    /// v2: the pairs claimed by the workers of a scheduled synchronization (`tandem watch`).
    private static let v2 = [
        """
        CREATE TABLE tandem.pair_claims (
            mapping TEXT NOT NULL,
            erp_id TEXT NOT NULL,
            holder TEXT NOT NULL,
            PRIMARY KEY (mapping, erp_id)
        )
        """,
        "CREATE INDEX pair_claims_by_holder ON tandem.pair_claims (holder)",
    ]

    /// v3: the number a creation is sent with (`CreationIntent.number`).
    private static let v3 = ["ALTER TABLE tandem.creation_intents ADD COLUMN number TEXT"]

    /// v4: each side's connection to a service and its replica state (`PostgresReplica`), as a
    /// folder's side database keeps them.
    private static let v4 = [Side.erp, .crm].flatMap { side -> [String] in
        let namespace = PostgresSchema.namespace(side)
        return [
            """
            CREATE TABLE \(namespace).remote_connection (
                singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
                kind TEXT NOT NULL,
                url TEXT NOT NULL,
                company TEXT NOT NULL DEFAULT '',
                connected_at BIGINT NOT NULL
            )
            """,
            """
            CREATE TABLE \(namespace).remote_rows (
                "table" TEXT NOT NULL,
                id TEXT COLLATE "C" NOT NULL,
                remote_id TEXT COLLATE "C" NOT NULL,
                etag TEXT NOT NULL,
                PRIMARY KEY ("table", id),
                UNIQUE ("table", remote_id)
            )
            """,
            """
            CREATE TABLE \(namespace).pull_state (
                "table" TEXT PRIMARY KEY,
                cursor TEXT,
                next_link TEXT,
                pull_started_full INTEGER NOT NULL DEFAULT 0,
                last_pull_at BIGINT,
                records_pulled BIGINT NOT NULL DEFAULT 0,
                requests BIGINT NOT NULL DEFAULT 0,
                seconds_waited DOUBLE PRECISION NOT NULL DEFAULT 0
            )
            """,
        ]
    }

    /// The mappings of an older workspace gain what a new one starts with (`SalespeopleUpgrade`). The
    /// definitions are JSON, so this step reads and writes them as the store does.
    private static func upgradeMappingsForSalespeople(_ session: PostgresSession) throws {
        let store = PostgresWorkspaceStore(session: session)
        for mapping in SalespeopleUpgrade.changes(to: try store.mappings()) { try store.save(mapping) }
    }

    /// v5: the SALESPEOPLE mapping's tables (BC's salespeople, Dataverse's users), a customer's
    /// salesperson and an account's owner.
    private static let v5 = [
        """
        CREATE TABLE tandem_erp."Salesperson" (
            id TEXT COLLATE "C" PRIMARY KEY,
            modified_at BIGINT NOT NULL,
            sort_key TEXT COLLATE "C" NOT NULL DEFAULT '',
            "Code" TEXT COLLATE "C" NOT NULL DEFAULT '',
            "Name" TEXT COLLATE "C" NOT NULL DEFAULT '',
            "Job Title" TEXT COLLATE "C" NOT NULL DEFAULT '',
            "E-Mail" TEXT COLLATE "C" NOT NULL DEFAULT '',
            "Phone No." TEXT COLLATE "C" NOT NULL DEFAULT '',
            "Blocked" TEXT COLLATE "C" NOT NULL DEFAULT 'No'
        )
        """,
        """
        CREATE INDEX "Salesperson_by_name" ON tandem_erp."Salesperson" (sort_key, id)
        """,
        """
        CREATE INDEX "Salesperson_by_version" ON tandem_erp."Salesperson" (modified_at, id)
        """,
        """
        CREATE UNIQUE INDEX "Salesperson_by_number" ON tandem_erp."Salesperson" ("Code")
        """,
        """
        ALTER TABLE tandem_erp."Customer" ADD COLUMN "Salesperson Code" TEXT COLLATE "C" NOT NULL DEFAULT ''
        """,
        """
        CREATE TABLE tandem_crm."systemuser" (
            id TEXT COLLATE "C" PRIMARY KEY,
            modified_at BIGINT NOT NULL,
            sort_key TEXT COLLATE "C" NOT NULL DEFAULT '',
            "fullname" TEXT COLLATE "C" NOT NULL DEFAULT '',
            "firstname" TEXT COLLATE "C" NOT NULL DEFAULT '',
            "lastname" TEXT COLLATE "C" NOT NULL DEFAULT '',
            "title" TEXT COLLATE "C" NOT NULL DEFAULT '',
            "internalemailaddress" TEXT COLLATE "C" NOT NULL DEFAULT '',
            "mobilephone" TEXT COLLATE "C" NOT NULL DEFAULT '',
            "isdisabled" TEXT COLLATE "C" NOT NULL DEFAULT 'No'
        )
        """,
        """
        CREATE INDEX "systemuser_by_name" ON tandem_crm."systemuser" (sort_key, id)
        """,
        """
        CREATE INDEX "systemuser_by_version" ON tandem_crm."systemuser" (modified_at, id)
        """,
        """
        ALTER TABLE tandem_crm."account" ADD COLUMN "ownerid" TEXT COLLATE "C" NOT NULL DEFAULT ''
        """,
        // A replica pulled before has the new columns blank: its next pull reads every record again.
        """
        UPDATE tandem_erp.pull_state SET cursor = NULL, next_link = NULL, pull_started_full = 0 WHERE "table" = 'Customer'
        """,
        """
        UPDATE tandem_crm.pull_state SET cursor = NULL, next_link = NULL, pull_started_full = 0 WHERE "table" = 'account'
        """,
    ]

    /// v1: both sides' tables and the integration state.
    private static let v1 = [
        "CREATE SCHEMA tandem",
        "CREATE SCHEMA tandem_erp",
        "CREATE SCHEMA tandem_crm",
        "CREATE TABLE tandem.schema_version (version INTEGER NOT NULL)",
        "INSERT INTO tandem.schema_version VALUES (1)",
        """
        CREATE TABLE tandem_erp."Customer" (
            id TEXT COLLATE "C" PRIMARY KEY,
            modified_at BIGINT NOT NULL,
            sort_key TEXT COLLATE "C" NOT NULL DEFAULT '',
            "No." TEXT COLLATE "C" NOT NULL DEFAULT '',
            "Name" TEXT COLLATE "C" NOT NULL DEFAULT '',
            "Address" TEXT COLLATE "C" NOT NULL DEFAULT '',
            "Address 2" TEXT COLLATE "C" NOT NULL DEFAULT '',
            "Post Code" TEXT COLLATE "C" NOT NULL DEFAULT '',
            "City" TEXT COLLATE "C" NOT NULL DEFAULT '',
            "Country/Region Code" TEXT COLLATE "C" NOT NULL DEFAULT '',
            "Phone No." TEXT COLLATE "C" NOT NULL DEFAULT '',
            "E-Mail" TEXT COLLATE "C" NOT NULL DEFAULT '',
            "Home Page" TEXT COLLATE "C" NOT NULL DEFAULT '',
            "Contact" TEXT COLLATE "C" NOT NULL DEFAULT '',
            "Currency Code" TEXT COLLATE "C" NOT NULL DEFAULT '',
            "Credit Limit" TEXT COLLATE "C" NOT NULL DEFAULT '',
            "Blocked" TEXT COLLATE "C" NOT NULL DEFAULT ''
        )
        """,
        """
        CREATE INDEX "Customer_by_name" ON tandem_erp."Customer" (sort_key, id)
        """,
        """
        CREATE INDEX "Customer_by_version" ON tandem_erp."Customer" (modified_at, id)
        """,
        """
        CREATE UNIQUE INDEX "Customer_by_number" ON tandem_erp."Customer" ("No.")
        """,
        """
        CREATE TABLE tandem_erp."Contact" (
            id TEXT COLLATE "C" PRIMARY KEY,
            modified_at BIGINT NOT NULL,
            sort_key TEXT COLLATE "C" NOT NULL DEFAULT '',
            "No." TEXT COLLATE "C" NOT NULL DEFAULT '',
            "Name" TEXT COLLATE "C" NOT NULL DEFAULT '',
            "First Name" TEXT COLLATE "C" NOT NULL DEFAULT '',
            "Surname" TEXT COLLATE "C" NOT NULL DEFAULT '',
            "Job Title" TEXT COLLATE "C" NOT NULL DEFAULT '',
            "Company No." TEXT COLLATE "C" NOT NULL DEFAULT '',
            "E-Mail" TEXT COLLATE "C" NOT NULL DEFAULT '',
            "Phone No." TEXT COLLATE "C" NOT NULL DEFAULT '',
            "Mobile Phone No." TEXT COLLATE "C" NOT NULL DEFAULT '',
            "Type" TEXT COLLATE "C" NOT NULL DEFAULT 'Person'
        )
        """,
        """
        CREATE INDEX "Contact_by_name" ON tandem_erp."Contact" (sort_key, id)
        """,
        """
        CREATE INDEX "Contact_by_version" ON tandem_erp."Contact" (modified_at, id)
        """,
        """
        CREATE UNIQUE INDEX "Contact_by_number" ON tandem_erp."Contact" ("No.")
        """,
        """
        CREATE TABLE tandem_crm."account" (
            id TEXT COLLATE "C" PRIMARY KEY,
            modified_at BIGINT NOT NULL,
            sort_key TEXT COLLATE "C" NOT NULL DEFAULT '',
            "name" TEXT COLLATE "C" NOT NULL DEFAULT '',
            "accountnumber" TEXT COLLATE "C" NOT NULL DEFAULT '',
            "address1_line1" TEXT COLLATE "C" NOT NULL DEFAULT '',
            "address1_line2" TEXT COLLATE "C" NOT NULL DEFAULT '',
            "address1_postalcode" TEXT COLLATE "C" NOT NULL DEFAULT '',
            "address1_city" TEXT COLLATE "C" NOT NULL DEFAULT '',
            "address1_country" TEXT COLLATE "C" NOT NULL DEFAULT '',
            "telephone1" TEXT COLLATE "C" NOT NULL DEFAULT '',
            "emailaddress1" TEXT COLLATE "C" NOT NULL DEFAULT '',
            "websiteurl" TEXT COLLATE "C" NOT NULL DEFAULT '',
            "address1_primarycontactname" TEXT COLLATE "C" NOT NULL DEFAULT '',
            "transactioncurrency" TEXT COLLATE "C" NOT NULL DEFAULT '',
            "creditlimit" TEXT COLLATE "C" NOT NULL DEFAULT '',
            "statecode" TEXT COLLATE "C" NOT NULL DEFAULT ''
        )
        """,
        """
        CREATE INDEX "account_by_name" ON tandem_crm."account" (sort_key, id)
        """,
        """
        CREATE INDEX "account_by_version" ON tandem_crm."account" (modified_at, id)
        """,
        """
        CREATE TABLE tandem_crm."contact" (
            id TEXT COLLATE "C" PRIMARY KEY,
            modified_at BIGINT NOT NULL,
            sort_key TEXT COLLATE "C" NOT NULL DEFAULT '',
            "fullname" TEXT COLLATE "C" NOT NULL DEFAULT '',
            "firstname" TEXT COLLATE "C" NOT NULL DEFAULT '',
            "lastname" TEXT COLLATE "C" NOT NULL DEFAULT '',
            "jobtitle" TEXT COLLATE "C" NOT NULL DEFAULT '',
            "parentcustomerid" TEXT COLLATE "C" NOT NULL DEFAULT '',
            "emailaddress1" TEXT COLLATE "C" NOT NULL DEFAULT '',
            "telephone1" TEXT COLLATE "C" NOT NULL DEFAULT '',
            "mobilephone" TEXT COLLATE "C" NOT NULL DEFAULT '',
            "statecode" TEXT COLLATE "C" NOT NULL DEFAULT ''
        )
        """,
        """
        CREATE INDEX "contact_by_name" ON tandem_crm."contact" (sort_key, id)
        """,
        """
        CREATE INDEX "contact_by_version" ON tandem_crm."contact" (modified_at, id)
        """,
        """
        CREATE TABLE tandem.mappings (
            name TEXT COLLATE "C" PRIMARY KEY,
            position INTEGER NOT NULL,
            definition TEXT NOT NULL
        )
        """,
        """
        CREATE TABLE tandem.couplings (
            mapping TEXT COLLATE "C" NOT NULL,
            erp_id TEXT COLLATE "C" NOT NULL,
            crm_id TEXT COLLATE "C" NOT NULL,
            erp_synced_at BIGINT,
            crm_synced_at BIGINT,
            to_crm_ok INTEGER,
            to_crm_job BIGINT,
            to_crm_at BIGINT,
            from_crm_ok INTEGER,
            from_crm_job BIGINT,
            from_crm_at BIGINT,
            skipped INTEGER NOT NULL DEFAULT 0,
            last_error TEXT,
            failures INTEGER NOT NULL DEFAULT 0,
            snapshot TEXT NOT NULL DEFAULT '',
            version BIGINT NOT NULL DEFAULT 1,
            PRIMARY KEY (mapping, erp_id),
            UNIQUE (mapping, crm_id)
        )
        """,
        """
        CREATE INDEX couplings_problems ON tandem.couplings (mapping) WHERE skipped = 1 OR to_crm_ok = 0 OR from_crm_ok = 0
        """,
        """
        CREATE INDEX couplings_unsynced ON tandem.couplings (mapping) WHERE erp_synced_at IS NULL OR crm_synced_at IS NULL
        """,
        """
        CREATE TABLE tandem.jobs (
            id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
            type TEXT NOT NULL,
            mapping TEXT NOT NULL,
            direction TEXT,
            started_at BIGINT NOT NULL,
            finished_at BIGINT,
            inserted BIGINT NOT NULL DEFAULT 0,
            modified BIGINT NOT NULL DEFAULT 0,
            unchanged BIGINT NOT NULL DEFAULT 0,
            skipped BIGINT NOT NULL DEFAULT 0,
            failed BIGINT NOT NULL DEFAULT 0,
            deleted BIGINT NOT NULL DEFAULT 0,
            coupled BIGINT NOT NULL DEFAULT 0,
            uncoupled BIGINT NOT NULL DEFAULT 0,
            message TEXT NOT NULL DEFAULT '',
            undone_by BIGINT,
            owner TEXT,
            interrupted INTEGER NOT NULL DEFAULT 0,
            changed_elsewhere BIGINT NOT NULL DEFAULT 0,
            overwritten BIGINT NOT NULL DEFAULT 0
        )
        """,
        """
        CREATE INDEX jobs_unfinished ON tandem.jobs (id) WHERE finished_at IS NULL
        """,
        """
        CREATE TABLE tandem.job_errors (
            id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
            job_id BIGINT NOT NULL REFERENCES tandem.jobs (id) ON DELETE CASCADE,
            at BIGINT NOT NULL,
            message TEXT NOT NULL,
            source_side TEXT NOT NULL,
            source_id TEXT,
            destination_id TEXT
        )
        """,
        """
        CREATE INDEX job_errors_by_job ON tandem.job_errors (job_id)
        """,
        """
        CREATE TABLE tandem.record_changes (
            id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
            job_id BIGINT NOT NULL REFERENCES tandem.jobs (id) ON DELETE CASCADE,
            side TEXT NOT NULL,
            table_name TEXT NOT NULL,
            record_id TEXT NOT NULL,
            modified_at_after BIGINT NOT NULL,
            created INTEGER NOT NULL,
            fields TEXT NOT NULL
        )
        """,
        """
        CREATE INDEX record_changes_by_job ON tandem.record_changes (job_id)
        """,
        """
        CREATE TABLE tandem.creation_intents (
            new_id TEXT COLLATE "C" PRIMARY KEY,
            mapping TEXT NOT NULL,
            side TEXT NOT NULL,
            source_id TEXT NOT NULL,
            job_id BIGINT NOT NULL,
            UNIQUE (mapping, side, source_id)
        )
        """,
        """
        CREATE TABLE tandem.sync_marks (
            mapping TEXT NOT NULL,
            side TEXT NOT NULL,
            modified_at BIGINT NOT NULL,
            PRIMARY KEY (mapping, side)
        )
        """,
        """
        CREATE TABLE tandem.coupling_changes (
            job_id BIGINT NOT NULL REFERENCES tandem.jobs (id) ON DELETE CASCADE,
            mapping TEXT NOT NULL,
            erp_id TEXT COLLATE "C" NOT NULL,
            crm_id TEXT COLLATE "C" NOT NULL,
            erp_synced_at BIGINT,
            crm_synced_at BIGINT,
            to_crm_ok INTEGER,
            to_crm_job BIGINT,
            to_crm_at BIGINT,
            from_crm_ok INTEGER,
            from_crm_job BIGINT,
            from_crm_at BIGINT,
            skipped INTEGER NOT NULL,
            last_error TEXT,
            failures INTEGER NOT NULL,
            snapshot TEXT NOT NULL,
            PRIMARY KEY (job_id, mapping, erp_id)
        )
        """,
    ]
}
