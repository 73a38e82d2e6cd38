import Foundation
import GRDB
import SlantRules
import Testing
@testable import SlantStore

/// Issue #7, store: an older schema is migrated with its data intact, the v2 indexes
/// serve the lookups they were added for, and a damaged file is refused before anything
/// could write to it.
@Suite struct HardeningStoreTests {
    /// A v1 database (StoreV1Fixture), as a file.
    func v1Database() throws -> String {
        let path = try Fixtures.tempDB()
        let queue = try DatabaseQueue(path: path)
        try queue.writeWithoutTransaction { try $0.execute(sql: StoreV1Fixture.sql) }
        try queue.close()
        return path
    }

    func count(_ store: SQLiteStore, _ table: String) throws -> Int {
        try store.pool.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM \(table)") ?? -1 }
    }

    @Test func theFixtureIsAV1Database() throws {
        let path = try v1Database()
        let queue = try DatabaseQueue(path: path)
        let applied = try queue.read { try String.fetchAll($0, sql: "SELECT identifier FROM grdb_migrations") }
        #expect(applied == ["v1"])
        let indexes = try queue.read { try String.fetchAll($0, sql: "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'notes'") }
        #expect(!indexes.contains("notes_on_target"))
        #expect(Schema.versions == ["v1", "v2"])
    }

    @Test func aV1DatabaseIsMigratedWithItsDataIntact() throws {
        let path = try v1Database()
        let store = try SQLiteStore.open(path: path, create: false)
        #expect(try store.appliedMigrations() == ["v1", "v2"])
        let f = StoreV1Fixture.self
        for (table, expected) in [("documents", f.documents), ("revisions", f.revisions), ("runs", f.runs), ("findings", f.findings),
                                  ("paragraph_scores", f.paragraphScores), ("reviewers", f.reviewers), ("notes", f.notes), ("note_anchors", f.anchors)] {
            #expect(try count(store, table) == expected, "\(table)")
        }
        let integrity = try store.pool.read { try String.fetchAll($0, sql: "PRAGMA integrity_check") }
        #expect(integrity == ["ok"])
        let notes = try store.notes(documentKey: "wire-report.txt", reviewer: nil)
        #expect(notes.count == 3)
        #expect(notes.contains { $0.note.text == #"Straight report; "quotes" & <tags> kept."# && $0.reviewer == "Mara Lind" && $0.note.verdict == .agree })
        #expect(notes.contains { $0.reviewer == "Tomás Reyes" && $0.note.verdict == .disagree && $0.note.targetRule == "attribution" })
        #expect(notes.allSatisfy { $0.anchor?.status == .exact })
        // The migrated store works as a new one: judging the same target again updates
        // the note (the lookup v2 indexes), and the article re-scored keeps its notes.
        let again = try store.saveNote(NoteDraft(documentKey: "wire-report.txt", reviewer: "Mara Lind", target: .paragraph(2), verdict: .unsure))
        #expect(again.updatedExisting)
        #expect(try count(store, "notes") == 3)
        let text = try String(contentsOf: Fixtures.root.appendingPathComponent("Examples/wire-report.txt"), encoding: .utf8)
        let outcome = try Fixtures.save(store, text, key: "wire-report.txt")
        #expect(!outcome.newRevision, "the fixture holds this very text")
        try store.close()
        // Opening again applies nothing more.
        #expect(try SQLiteStore.open(path: path, create: false).appliedMigrations() == ["v1", "v2"])
    }

    @Test func v2IndexesServeTheNoteLookups() throws {
        let store = try SQLiteStore.open(path: try Fixtures.tempDB(), create: true)
        func plan(_ sql: String) throws -> String {
            try store.pool.read { db in try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + sql).map { $0["detail"] as String? ?? "" }.joined(separator: " | ") }
        }
        // The query `annotate` runs for the reviewer's existing note on a target (SQLiteStore+Notes).
        let target = try plan("""
            SELECT * FROM notes WHERE document_id = 1 AND revision_id = 1 AND reviewer_id = 1 AND target_kind = 'paragraph'
            AND start = 0 AND "end" = 10 AND target_rule IS NULL
            """)
        #expect(target.contains("notes_on_target"), "\(target)")
        let byReviewer = try plan("""
            SELECT notes.* FROM notes JOIN reviewers ON reviewers.id = notes.reviewer_id WHERE reviewers.name = 'Mara Lind'
            """)
        #expect(byReviewer.contains("notes_on_reviewer_id") || byReviewer.contains("notes_on_target"), "\(byReviewer)")
        #expect(!byReviewer.contains("SCAN notes"), "\(byReviewer)")
    }

    /// Damage in a data page (not the header, not the schema) is found by the read-only
    /// check before the pool opens, so the file keeps every byte.
    @Test func damageInADataPageIsRefusedBeforeAnyWrite() throws {
        let path = try Fixtures.tempDB()
        do {
            let store = try SQLiteStore.open(path: path, create: true)
            for i in 0..<20 { try Fixtures.save(store, Fixtures.article + "\n\nEdition \(i).", key: "article-\(i).txt") }
            try store.close()
        }
        let root = try DatabaseQueue(path: path).read { try Int.fetchOne($0, sql: "SELECT rootpage FROM sqlite_master WHERE name = 'findings'") } ?? 0
        try #require(root > 1)
        var bytes = Fixtures.bytes(path)
        let pageSize = 4096
        let start = (root - 1) * pageSize
        try #require(bytes.count >= start + pageSize)
        bytes.replaceSubrange(start..<(start + pageSize), with: Data(repeating: 0xAB, count: pageSize))
        try bytes.write(to: URL(fileURLWithPath: path))
        do {
            _ = try SQLiteStore.open(path: path, create: false)
            Issue.record("a damaged database was opened")
        } catch let error as StoreError {
            guard case .corrupt = error else { Issue.record("expected .corrupt, got \(error)"); return }
            #expect(!error.description.contains("\n"))
            #expect(error.description.contains(path))
        }
        #expect(Fixtures.bytes(path) == bytes)
    }
}
