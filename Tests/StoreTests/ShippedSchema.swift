import Foundation

/// The sqlite_master dump of migration v1 as shipped, our tables and indexes only (see
/// MigrationPinTests). Never edit it to make the test pass: a schema change is a new migration.
enum ShippedSchema {
    static let v1 = """
    index card_state_due ON card_state
    CREATE INDEX card_state_due ON card_state(due)

    index quiz_answer_card ON quiz_answer
    CREATE INDEX quiz_answer_card ON quiz_answer(card_id, answered_at)

    index review_log_card ON review_log
    CREATE INDEX review_log_card ON review_log(card_id, reviewed_at)

    index review_log_reviewed_at ON review_log
    CREATE INDEX review_log_reviewed_at ON review_log(reviewed_at)

    table card_state ON card_state
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
    )

    table quiz_answer ON quiz_answer
    CREATE TABLE quiz_answer (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        card_id TEXT NOT NULL,
        mode TEXT NOT NULL,
        correct INTEGER NOT NULL,
        self_graded INTEGER NOT NULL DEFAULT 0,
        answered_at REAL NOT NULL,
        quiz_seed INTEGER
    )

    table review_log ON review_log
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
    )

    table settings ON settings
    CREATE TABLE settings (
        key TEXT PRIMARY KEY NOT NULL,
        value TEXT NOT NULL
    )
    """
}
