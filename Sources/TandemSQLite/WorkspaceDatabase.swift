import GRDB
import TandemCore

/// The workspace database's schema: mappings, couplings, jobs, job errors, record changes, intents.
enum WorkspaceDatabase {
    static let schemaVersion = 8

    /// The migrations of the workspace file at `path` (named in a message about a stored row).
    static func migrator(path: String) -> DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: workspace") { db in
            try db.execute(sql: """
                CREATE TABLE mappings (
                    name TEXT PRIMARY KEY NOT NULL,
                    position INTEGER NOT NULL,
                    definition TEXT NOT NULL
                );
                CREATE TABLE couplings (
                    mapping TEXT NOT NULL,
                    erp_id TEXT NOT NULL,
                    crm_id TEXT NOT NULL,
                    erp_synced_at INTEGER,
                    crm_synced_at INTEGER,
                    to_crm_ok INTEGER,
                    to_crm_job INTEGER,
                    to_crm_at INTEGER,
                    from_crm_ok INTEGER,
                    from_crm_job INTEGER,
                    from_crm_at INTEGER,
                    skipped INTEGER NOT NULL DEFAULT 0,
                    last_error TEXT,
                    failures INTEGER NOT NULL DEFAULT 0,
                    snapshot TEXT NOT NULL DEFAULT '',
                    PRIMARY KEY (mapping, erp_id),
                    UNIQUE (mapping, crm_id)
                ) WITHOUT ROWID;
                CREATE INDEX couplings_problems ON couplings (mapping)
                    WHERE skipped = 1 OR to_crm_ok = 0 OR from_crm_ok = 0;
                CREATE TABLE jobs (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    type TEXT NOT NULL,
                    mapping TEXT NOT NULL,
                    direction TEXT,
                    started_at INTEGER NOT NULL,
                    finished_at INTEGER,
                    inserted INTEGER NOT NULL DEFAULT 0,
                    modified INTEGER NOT NULL DEFAULT 0,
                    unchanged INTEGER NOT NULL DEFAULT 0,
                    skipped INTEGER NOT NULL DEFAULT 0,
                    failed INTEGER NOT NULL DEFAULT 0,
                    deleted INTEGER NOT NULL DEFAULT 0,
                    coupled INTEGER NOT NULL DEFAULT 0,
                    uncoupled INTEGER NOT NULL DEFAULT 0,
                    message TEXT NOT NULL DEFAULT '',
                    undone_by INTEGER
                );
                CREATE TABLE job_errors (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    job_id INTEGER NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
                    at INTEGER NOT NULL,
                    message TEXT NOT NULL,
                    source_side TEXT NOT NULL,
                    source_id TEXT,
                    destination_id TEXT
                );
                CREATE INDEX job_errors_by_job ON job_errors (job_id);
                CREATE TABLE record_changes (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    job_id INTEGER NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
                    side TEXT NOT NULL,
                    table_name TEXT NOT NULL,
                    record_id TEXT NOT NULL,
                    modified_at_after INTEGER NOT NULL,
                    created INTEGER NOT NULL,
                    fields TEXT NOT NULL
                );
                CREATE INDEX record_changes_by_job ON record_changes (job_id);
                CREATE TABLE creation_intents (
                    new_id TEXT PRIMARY KEY NOT NULL,
                    mapping TEXT NOT NULL,
                    side TEXT NOT NULL,
                    source_id TEXT NOT NULL,
                    job_id INTEGER NOT NULL
                );
                """)
        }
        migrator.registerMigration("v2: versions, claims, job leases") { db in
            // Older intents could name one source twice; keep the first, so the claim can be unique.
            try db.execute(sql: """
                ALTER TABLE couplings ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
                ALTER TABLE jobs ADD COLUMN owner TEXT;
                ALTER TABLE jobs ADD COLUMN interrupted INTEGER NOT NULL DEFAULT 0;
                ALTER TABLE jobs ADD COLUMN changed_elsewhere INTEGER NOT NULL DEFAULT 0;
                CREATE INDEX jobs_unfinished ON jobs (id) WHERE finished_at IS NULL;
                DELETE FROM creation_intents WHERE rowid NOT IN
                    (SELECT MIN(rowid) FROM creation_intents GROUP BY mapping, side, source_id);
                CREATE UNIQUE INDEX creation_intents_claim ON creation_intents (mapping, side, source_id);
                """)
        }
        migrator.registerMigration("v3: synchronize modified records") { db in
            try db.execute(sql: """
                CREATE TABLE sync_marks (
                    mapping TEXT NOT NULL,
                    side TEXT NOT NULL,
                    modified_at INTEGER NOT NULL,
                    PRIMARY KEY (mapping, side)
                ) WITHOUT ROWID;
                CREATE INDEX couplings_unsynced ON couplings (mapping)
                    WHERE erp_synced_at IS NULL OR crm_synced_at IS NULL;
                """)
        }
        migrator.registerMigration("v4: couplings as a job found them, for undo") { db in
            try db.execute(sql: """
                CREATE TABLE coupling_changes (
                    job_id INTEGER NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
                    mapping TEXT NOT NULL,
                    erp_id TEXT NOT NULL,
                    crm_id TEXT NOT NULL,
                    erp_synced_at INTEGER,
                    crm_synced_at INTEGER,
                    to_crm_ok INTEGER,
                    to_crm_job INTEGER,
                    to_crm_at INTEGER,
                    from_crm_ok INTEGER,
                    from_crm_job INTEGER,
                    from_crm_at INTEGER,
                    skipped INTEGER NOT NULL,
                    last_error TEXT,
                    failures INTEGER NOT NULL,
                    snapshot TEXT NOT NULL,
                    PRIMARY KEY (job_id, mapping, erp_id)
                ) WITHOUT ROWID;
                """)
        }
        migrator.registerMigration("v5: overwritten destination changes") { db in
            try db.execute(sql: "ALTER TABLE jobs ADD COLUMN overwritten INTEGER NOT NULL DEFAULT 0")
        }
        migrator.registerMigration("v6: pairs claimed by scheduled workers") { db in
            try db.execute(sql: """
                CREATE TABLE pair_claims (
                    mapping TEXT NOT NULL,
                    erp_id TEXT NOT NULL,
                    holder TEXT NOT NULL,
                    PRIMARY KEY (mapping, erp_id)
                ) WITHOUT ROWID;
                CREATE INDEX pair_claims_by_holder ON pair_claims (holder);
                """)
        }
        migrator.registerMigration("v7: the number a creation is sent with") { db in
            try db.execute(sql: "ALTER TABLE creation_intents ADD COLUMN number TEXT")
        }
        // No table changes: the mappings of an older workspace gain what a new one starts with. The
        // definitions are JSON, so this step reads and writes them as the store does.
        migrator.registerMigration("v8: the SALESPEOPLE mapping and the customer's owner") { db in
            let stored = try SQLiteWorkspaceStore.mappings(in: db, path: path)
            for mapping in SalespeopleUpgrade.changes(to: stored) { try SQLiteWorkspaceStore.save(mapping, in: db) }
        }
        return migrator
    }
}
