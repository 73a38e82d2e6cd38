import GRDB

/// The store's schema, one migration per release that changes it. A migration is
/// never edited once released: add "v2", "v3" … so every older database upgrades.
public enum Schema {
    /// Identifiers of every migration this Slant knows, oldest first.
    public static var versions: [String] { migrator.migrations }

    public static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1", migrate: v1)
        migrator.registerMigration("v2", migrate: v2)
        return migrator
    }

    static func v1(_ db: Database) throws {
        try db.create(table: "documents") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("key", .text).notNull().unique()
            // Set right after the first revision is inserted; no FK so the two can be created in either order.
            t.column("current_revision_id", .integer)
            t.column("created", .text).notNull()
        }
        try db.create(table: "revisions") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("document_id", .integer).notNull().indexed().references("documents", onDelete: .cascade)
            t.column("text", .text).notNull()
            t.column("sha256", .text).notNull()
            t.column("created", .text).notNull()
            t.uniqueKey(["document_id", "sha256"])
        }
        try db.create(table: "runs") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("revision_id", .integer).notNull().references("revisions", onDelete: .cascade)
            t.column("rubric_name", .text).notNull()
            t.column("rubric_version", .text).notNull()
            t.column("rubric_sha256", .text).notNull()
            t.column("slant_version", .text).notNull()
            t.column("editorializing", .double).notNull()
            t.column("words", .integer).notNull()
            t.column("created", .text).notNull()
            t.uniqueKey(["revision_id", "rubric_sha256"])
        }
        try db.create(table: "findings") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("run_id", .integer).notNull().indexed().references("runs", onDelete: .cascade)
            t.column("rule", .text).notNull()
            t.column("family", .text).notNull()
            t.column("start", .integer).notNull()
            t.column("end", .integer).notNull()
            t.column("text", .text).notNull()
            t.column("message", .text).notNull()
            t.column("weight", .double).notNull()
            t.column("voice", .text).notNull()
            t.column("source_type", .text)
            t.column("paragraph", .integer).notNull()
        }
        try db.create(table: "paragraph_scores") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("run_id", .integer).notNull().references("runs", onDelete: .cascade)
            t.column("paragraph", .integer).notNull()
            t.column("start", .integer).notNull()
            t.column("end", .integer).notNull()
            t.column("kind", .text).notNull()
            t.column("words", .integer).notNull()
            t.column("editorializing", .double).notNull()
            t.column("flagged", .boolean).notNull()
            t.column("families", .text).notNull()
            t.uniqueKey(["run_id", "paragraph"])
        }
        try db.create(table: "reviewers") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("name", .text).notNull().unique()
        }
        try db.create(table: "notes") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("uid", .text).notNull().unique()
            t.column("document_id", .integer).notNull().indexed().references("documents", onDelete: .cascade)
            t.column("revision_id", .integer).notNull().references("revisions", onDelete: .cascade)
            t.column("reviewer_id", .integer).notNull().references("reviewers")
            t.column("target_kind", .text).notNull().check { ["finding", "paragraph", "quote"].contains($0) }
            t.column("target_rule", .text)
            t.column("target_start", .integer)
            t.column("target_end", .integer)
            t.column("paragraph", .integer)
            t.column("verdict", .text).check { $0 == nil || ["agree", "disagree", "unsure"].contains($0) }
            t.column("label", .text)
            t.column("text", .text).notNull()
            t.column("created", .text).notNull()
            t.column("updated", .text).notNull()
            t.column("quote_exact", .text).notNull()
            t.column("quote_prefix", .text).notNull()
            t.column("quote_suffix", .text).notNull()
            t.column("start", .integer).notNull()
            t.column("end", .integer).notNull()
        }
        try db.create(table: "note_anchors") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("note_id", .integer).notNull().references("notes", onDelete: .cascade)
            t.column("revision_id", .integer).notNull().indexed().references("revisions", onDelete: .cascade)
            t.column("status", .text).notNull().check { ["exact", "moved", "fuzzy", "orphaned"].contains($0) }
            t.column("start", .integer)
            t.column("end", .integer)
            t.uniqueKey(["note_id", "revision_id"])
        }
    }

    /// v2: indexes for the lookups v1 left to table scans. `annotate` (and every verdict
    /// in `review`) looks for the reviewer's existing note on the same target in the
    /// current revision, which v1 answered by reading every note of the document; and
    /// `notes --reviewer`, `review` and `agreement` select a reviewer's notes, which v1
    /// answered by reading every note. Both grow with the notes a newsroom keeps.
    static func v2(_ db: Database) throws {
        try db.create(index: "notes_on_target", on: "notes",
                      columns: ["document_id", "revision_id", "reviewer_id", "target_kind", "start", "end"])
        try db.create(index: "notes_on_reviewer_id", on: "notes", columns: ["reviewer_id"])
    }
}
