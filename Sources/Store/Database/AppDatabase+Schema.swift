import GRDB

extension AppDatabase {
    /// The identifiers of every migration this version knows, oldest first.
    public static let knownMigrations: [String] = ["v1-study-records"]

    /// All schema changes, in order. A migration never changes once shipped: fix mistakes
    /// with a new one. Times are REAL seconds since 2001-01-01 UTC (Foundation's reference
    /// date): the one encoding that gives back the exact `Date`, which exact undo relies on.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-study-records") { db in
            try db.execute(sql: """
                CREATE TABLE card_state (
                    card_id TEXT PRIMARY KEY NOT NULL,
                    phase TEXT CHECK (phase IN ('learning', 'review', 'relearning')),
                    step INTEGER,
                    stability REAL,
                    difficulty REAL,
                    due REAL,
                    last_review REAL,
                    reps INTEGER NOT NULL DEFAULT 0,
                    lapses INTEGER NOT NULL DEFAULT 0,
                    suspended INTEGER NOT NULL DEFAULT 0,
                    buried_until REAL,
                    leech INTEGER NOT NULL DEFAULT 0
                );
                CREATE INDEX card_state_due ON card_state(due);

                CREATE TABLE review_log (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    card_id TEXT NOT NULL,
                    kind TEXT NOT NULL CHECK (kind IN ('review', 'cram', 'quiz')),
                    rating INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 4),
                    reviewed_at REAL NOT NULL,
                    phase_before TEXT,
                    scheduled_days_before REAL,
                    elapsed_days REAL,
                    phase_after TEXT,
                    stability_after REAL,
                    difficulty_after REAL,
                    due_after REAL,
                    duration_ms INTEGER
                );
                CREATE INDEX review_log_reviewed_at ON review_log(reviewed_at);
                CREATE INDEX review_log_card ON review_log(card_id, reviewed_at);

                CREATE TABLE quiz_answer (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    card_id TEXT NOT NULL,
                    mode TEXT NOT NULL,
                    correct INTEGER NOT NULL,
                    self_graded INTEGER NOT NULL DEFAULT 0,
                    answered_at REAL NOT NULL,
                    quiz_seed INTEGER
                );
                CREATE INDEX quiz_answer_card ON quiz_answer(card_id, answered_at);

                CREATE TABLE settings (
                    key TEXT PRIMARY KEY NOT NULL,
                    value TEXT NOT NULL
                );
                """)
        }
        return migrator
    }
}

/// Which migrations a database has, for `dojo doctor`.
public struct SchemaVersion: Equatable, Sendable, CustomStringConvertible {
    /// Applied migration identifiers, oldest first.
    public var applied: [String]

    /// The number of applied migrations: 1 after "v1-study-records".
    public var number: Int { applied.count }

    /// Whether every migration this version knows is applied.
    public var isCurrent: Bool { applied == AppDatabase.knownMigrations }

    public var description: String { "\(number) (\(applied.last ?? "empty"))" }
}
