import Foundation
import GRDB
import SlantRules
import Testing
@testable import SlantStore

/// The SQLite store: migrations, idempotent saving, notes surviving re-scoring and
/// edits, export/import, awkward text, and refusing damaged or locked files.
@Suite struct StoreTests {
    func tables(_ store: SQLiteStore) throws -> Set<String> {
        try store.pool.read { try Set(String.fetchAll($0, sql: "SELECT name FROM sqlite_master WHERE type = 'table'")) }
    }

    func count(_ store: SQLiteStore, _ table: String) throws -> Int {
        try store.pool.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM \(table)")! }
    }

    // MARK: Migrations

    @Test func migratesAnEmptyFile() throws {
        let path = try Fixtures.tempDB()
        FileManager.default.createFile(atPath: path, contents: Data())
        let store = try SQLiteStore.open(path: path, create: false)
        #expect(try store.appliedMigrations() == Schema.versions)
        let expected: Set<String> = ["documents", "revisions", "runs", "findings", "paragraph_scores", "reviewers", "notes", "note_anchors"]
        let found = try tables(store)
        #expect(expected.isSubset(of: found), "\(found)")
        let mode = try store.pool.read { try String.fetchOne($0, sql: "PRAGMA journal_mode") }
        #expect(mode == "wal")
    }

    @Test func createsTheFolderAndRefusesAMissingFileWithoutCreate() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("slant-store-\(UUID().uuidString)")
        let path = dir.appendingPathComponent("nested/.slant/slant.sqlite").path
        #expect(throws: StoreError.missing(path: path)) { try SQLiteStore.open(path: path, create: false) }
        #expect(!FileManager.default.fileExists(atPath: path))
        _ = try SQLiteStore.open(path: path, create: true)
        #expect(FileManager.default.fileExists(atPath: path))
    }

    @Test func refusesASchemaFromANewerSlant() throws {
        let path = try Fixtures.tempDB()
        do {
            let store = try SQLiteStore.open(path: path, create: true)
            try store.pool.write { try $0.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99-from-the-future')") }
            try store.close()
        }
        let before = Fixtures.bytes(path)
        #expect(throws: StoreError.newerSchema(path: path, unknown: ["v99-from-the-future"])) {
            try SQLiteStore.open(path: path, create: true)
        }
        #expect(Fixtures.bytes(path) == before)
    }

    // MARK: Saving runs

    @Test func rescoringTheSameRevisionAddsNoRows() throws {
        let store = try SQLiteStore.open(path: try Fixtures.tempDB(), create: true)
        let first = try Fixtures.save(store, Fixtures.article)
        #expect(first.newRevision && first.newRun && first.findings > 0)
        let counts = try ["documents", "revisions", "runs", "findings", "paragraph_scores"].map { try count(store, $0) }
        let second = try Fixtures.save(store, Fixtures.article)
        #expect(!second.newRevision && !second.newRun)
        #expect(second.runId == first.runId && second.findings == first.findings)
        #expect(try ["documents", "revisions", "runs", "findings", "paragraph_scores"].map { try count(store, $0) } == counts)
        let state = try #require(try store.state(key: "article.txt"))
        #expect(state.findings.count == first.findings)
        #expect(state.paragraphs.count == Fixtures.score(Fixtures.article).paragraphs.count)
        // Stored spans point at the text they claim to.
        let scalars = Array(state.revision.text.unicodeScalars)
        for f in state.findings { #expect(QuoteSelectors.string(scalars[f.start..<f.end]) == f.text) }
    }

    // MARK: Notes across re-scoring and edits

    @Test func notesSurviveAChangedRubricAndAnEditedArticle() throws {
        let store = try SQLiteStore.open(path: try Fixtures.tempDB(), create: true)
        try Fixtures.save(store, Fixtures.article)
        let state = try #require(try store.state(key: "article.txt"))
        let disastrous = try #require(state.findings.first { $0.text == "disastrous" })
        let council = "The council approved the Harlow bridge plan on Tuesday."
        let sources = "Sources say the cost has doubled since 2019."
        let residents = "Residents 👍🏽 welcomed the 「new」 crossing, officials said."
        let p = try store.saveNote(NoteDraft(documentKey: "article.txt", reviewer: "alice", target: .paragraph(1), verdict: .agree))
        let f = try store.saveNote(NoteDraft(documentKey: "article.txt", reviewer: "bob", target: .finding(disastrous.id!), verdict: .disagree, label: "opinion"))
        let moved = try store.saveNote(NoteDraft(documentKey: "article.txt", reviewer: "alice", target: .quote(council), verdict: nil, text: "neutral"))
        let orphan = try store.saveNote(NoteDraft(documentKey: "article.txt", reviewer: "alice", target: .quote(sources), verdict: .agree))
        let fuzzy = try store.saveNote(NoteDraft(documentKey: "article.txt", reviewer: "bob", target: .quote(residents), verdict: .unsure))
        #expect(f.note.targetRule == disastrous.rule && f.note.targetStart == disastrous.start)

        // A changed rubric: a new run on the same revision; notes untouched, still exact.
        var changed = Fixtures.rubric
        changed.rules.removeFirst()
        changed.sha256 = String(repeating: "0", count: 64)
        let rescored = try Fixtures.save(store, Fixtures.article, rubric: changed)
        #expect(rescored.newRun && !rescored.newRevision)
        #expect(try count(store, "runs") == 2)
        #expect(try store.notes(documentKey: "article.txt", reviewer: nil).allSatisfy { $0.anchor?.status == .exact })

        // An edited article: a paragraph added on top, one sentence rewritten, one deleted.
        let edited = Fixtures.article
            .replacingOccurrences(of: "Council approves bridge plan\n", with: "Council approves bridge plan\n\nThis story was updated on Wednesday.\n")
            .replacingOccurrences(of: "welcomed the", with: "warmly welcomed the")
            .replacingOccurrences(of: " " + sources, with: "")
        let outcome = try Fixtures.save(store, edited)
        #expect(outcome.newRevision)
        #expect(outcome.reanchored[.moved] == 3 && outcome.reanchored[.fuzzy] == 1 && outcome.reanchored[.orphaned] == 1, "\(outcome.reanchored)")

        let views = try store.notes(documentKey: "article.txt", reviewer: nil)
        #expect(views.count == 5, "no note is dropped")
        let byUid = Dictionary(uniqueKeysWithValues: views.map { ($0.note.uid, $0) })
        let text = Array(try #require(try store.state(key: "article.txt")).revision.text.unicodeScalars)
        func anchored(_ v: NoteView) -> String? {
            guard let a = byUid[v.note.uid]?.anchor, let s = a.start, let e = a.end else { return nil }
            return QuoteSelectors.string(text[s..<e])
        }
        #expect(byUid[p.note.uid]?.anchor?.status == .moved)
        #expect(byUid[f.note.uid]?.anchor?.status == .moved)
        #expect(anchored(f) == "disastrous")
        #expect(byUid[moved.note.uid]?.anchor?.status == .moved)
        #expect(anchored(moved) == council)
        #expect(byUid[fuzzy.note.uid]?.anchor?.status == .fuzzy)
        #expect(anchored(fuzzy)?.contains("warmly welcomed") == true, "\(anchored(fuzzy) ?? "nil")")
        #expect(byUid[orphan.note.uid]?.anchor?.status == .orphaned)
        #expect(byUid[orphan.note.uid]?.note.quoteExact == sources, "the orphan keeps what it was about")
    }

    @Test func judgingTheSameTargetAgainUpdatesTheNote() throws {
        let store = try SQLiteStore.open(path: try Fixtures.tempDB(), create: true)
        try Fixtures.save(store, Fixtures.article)
        let first = try store.saveNote(NoteDraft(documentKey: "article.txt", reviewer: "alice", target: .paragraph(1), verdict: .agree))
        let second = try store.saveNote(NoteDraft(documentKey: "article.txt", reviewer: "alice", target: .paragraph(1), verdict: .disagree, text: "on reflection"))
        #expect(second.updatedExisting && second.note.id == first.note.id)
        let other = try store.saveNote(NoteDraft(documentKey: "article.txt", reviewer: "bob", target: .paragraph(1), verdict: .agree))
        #expect(!other.updatedExisting)
        let notes = try store.notes(documentKey: "article.txt", reviewer: "alice")
        #expect(notes.count == 1 && notes[0].note.verdict == .disagree && notes[0].note.text == "on reflection")
    }

    @Test func targetsThatDoNotExistAreRefused() throws {
        let store = try SQLiteStore.open(path: try Fixtures.tempDB(), create: true)
        try Fixtures.save(store, Fixtures.article)
        #expect(throws: StoreError.unknownDocument(key: "nope")) {
            try store.saveNote(NoteDraft(documentKey: "nope", reviewer: "a", target: .paragraph(0), verdict: .agree))
        }
        #expect(throws: StoreError.self) { try store.saveNote(NoteDraft(documentKey: "article.txt", reviewer: "a", target: .paragraph(99), verdict: .agree)) }
        #expect(throws: StoreError.self) { try store.saveNote(NoteDraft(documentKey: "article.txt", reviewer: "a", target: .finding(999_999), verdict: .agree)) }
        #expect(throws: StoreError.self) { try store.saveNote(NoteDraft(documentKey: "article.txt", reviewer: "a", target: .quote("not in it"), verdict: .agree)) }
        #expect(try count(store, "notes") == 0)
    }

    // MARK: Text as written

    @Test func awkwardNoteTextIsStoredAsWritten() throws {
        let store = try SQLiteStore.open(path: try Fixtures.tempDB(), create: true)
        try Fixtures.save(store, Fixtures.article)
        let text = "He said \"it's 'fine'\" — really?\nSecond line\r\n\n'); DROP TABLE notes; --\n🤬👍🏽 東京 \\back\\slash\ttab %s ?1 :name"
        try store.saveNote(NoteDraft(documentKey: "article.txt", reviewer: "O'Brien \"Bob\" 🧐", target: .quote("「new」"), verdict: .agree, text: text))
        let notes = try store.notes(documentKey: nil, reviewer: "O'Brien \"Bob\" 🧐")
        #expect(notes.count == 1)
        #expect(notes.first?.note.text == text)
        #expect(notes.first?.note.quoteExact == "「new」")
        #expect(try count(store, "notes") == 1)
    }

    // MARK: Export and import

    func populated() throws -> SQLiteStore {
        let store = try SQLiteStore.open(path: try Fixtures.tempDB(), create: true)
        try Fixtures.save(store, Fixtures.article)
        try Fixtures.save(store, "Another piece.\n\nThe plan is a \"triumph\", officials said.", key: "other.md")
        let state = try #require(try store.state(key: "article.txt"))
        try store.saveNote(NoteDraft(documentKey: "article.txt", reviewer: "alice", target: .paragraph(1), verdict: .agree, text: "Loaded: \"slammed\"\nand 🤬"))
        try store.saveNote(NoteDraft(documentKey: "article.txt", reviewer: "bob", target: .finding(state.findings[0].id!), verdict: .disagree, label: "attribution"))
        try store.saveNote(NoteDraft(documentKey: "article.txt", reviewer: "bob", target: .quote("Sources say"), verdict: nil, text: "who?"))
        try store.saveNote(NoteDraft(documentKey: "other.md", reviewer: "alice", target: .quote("\"triumph\""), verdict: .unsure))
        // A second revision, so notes carry several anchors.
        try Fixtures.save(store, Fixtures.article.replacingOccurrences(of: "Sources say", with: "Two sources say"))
        return store
    }

    @Test(arguments: ["jsonl", "w3c"])
    func importOfAnExportIsTheSame(format: String) throws {
        let original = try populated()
        let archive = try original.exportArchive()
        #expect(archive.notes.count == 4 && archive.documents.count == 2)
        #expect(archive.notes.contains { $0.anchors.count == 2 })
        let encoded = format == "w3c" ? ArchiveW3C.encode(archive, generator: "Slant engine test") : ArchiveJSONL.encode(archive, generator: "Slant engine test")
        let decoded = try format == "w3c" ? ArchiveW3C.decode(encoded) : ArchiveJSONL.decode(encoded)
        #expect(decoded == archive)

        let copy = try SQLiteStore.open(path: try Fixtures.tempDB(), create: true)
        let summary = try copy.importArchive(decoded)
        #expect(summary.notesAdded == 4 && summary.documents == 2 && summary.revisions == 3)
        let again = try copy.exportArchive()
        #expect(again == archive)
        let reencoded = format == "w3c" ? ArchiveW3C.encode(again, generator: "Slant engine test") : ArchiveJSONL.encode(again, generator: "Slant engine test")
        #expect(reencoded == encoded)

        // Importing twice adds nothing.
        let twice = try copy.importArchive(decoded)
        #expect(twice.notesAdded == 0 && twice.notesUnchanged == 4)
        let anchorsCopied = try count(copy, "note_anchors"), anchorsOriginal = try count(original, "note_anchors")
        #expect(try count(copy, "notes") == 4)
        #expect(anchorsCopied == anchorsOriginal)
    }

    @Test func w3cExportUsesTheWebAnnotationModel() throws {
        let json = ArchiveW3C.encode(try populated().exportArchive(), generator: "Slant engine 9.9")
        let root = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect((root["@context"] as? [Any])?.first as? String == "http://www.w3.org/ns/anno.jsonld")
        #expect(root["type"] as? String == "AnnotationCollection")
        let items = try #require((root["first"] as? [String: Any])?["items"] as? [[String: Any]])
        #expect(items.count == 4)
        for item in items {
            #expect(item["type"] as? String == "Annotation")
            #expect((item["id"] as? String)?.hasPrefix("urn:uuid:") == true)
            #expect((item["generator"] as? [String: Any])?["name"] as? String == "Slant engine 9.9")
            #expect((item["creator"] as? [String: Any])?["type"] as? String == "Person")
            let selectors = try #require((item["target"] as? [String: Any])?["selector"] as? [[String: Any]])
            #expect(Set(selectors.compactMap { $0["type"] as? String }) == ["TextQuoteSelector", "TextPositionSelector"])
        }
        let motivations = items.compactMap { $0["motivation"] as? String }
        #expect(motivations.filter { $0 == "assessing" }.count == 3)
        #expect(motivations.filter { $0 == "commenting" }.count == 1, "the note without a verdict")
    }

    @Test func aBadArchiveImportsNothing() throws {
        let archive = try populated().exportArchive()
        var lines = ArchiveJSONL.encode(archive, generator: "x").split(separator: "\n").map(String.init)
        lines[lines.count - 1] = "{\"type\":\"note\",\"uid\":\"broken\"}"
        #expect(throws: StoreError.self) { try ArchiveJSONL.decode(lines.joined(separator: "\n")) }
        // Decodes, but a note points at a revision nobody has: the whole import is rolled back.
        var bad = archive
        bad.notes[bad.notes.count - 1].revision = String(repeating: "f", count: 64)
        let copy = try SQLiteStore.open(path: try Fixtures.tempDB(), create: true)
        #expect(throws: StoreError.self) { try copy.importArchive(bad) }
        #expect(try count(copy, "notes") == 0)
        #expect(try count(copy, "documents") == 0)
    }

    // MARK: Damaged and locked files

    @Test func garbageIsRefusedAndLeftUntouched() throws {
        let path = try Fixtures.tempDB()
        let garbage = Data((0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 7919 &+ 13) })
        try garbage.write(to: URL(fileURLWithPath: path))
        #expect(throws: StoreError.notADatabase(path: path)) { try SQLiteStore.open(path: path, create: true) }
        #expect(Fixtures.bytes(path) == garbage)
        #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
    }

    @Test func aCorruptDatabaseIsReportedAndLeftUntouched() throws {
        let path = try Fixtures.tempDB()
        // The SQLite header, then nonsense: passes the header check, fails in SQLite.
        var bytes = Data("SQLite format 3\u{0}".utf8)
        bytes.append(Data(repeating: 0xAB, count: 8192))
        try bytes.write(to: URL(fileURLWithPath: path))
        #expect(throws: StoreError.self) { try SQLiteStore.open(path: path, create: true) }
        #expect(Fixtures.bytes(path) == bytes)
    }

    @Test func aLockedDatabaseIsReportedAndNothingIsWritten() throws {
        let path = try Fixtures.tempDB()
        do {
            let store = try SQLiteStore.open(path: path, create: true)
            try Fixtures.save(store, Fixtures.article)
            try store.close()
        }
        let before = Fixtures.bytes(path)
        let holder = try DatabaseQueue(path: path)
        try holder.writeWithoutTransaction { db in
            try db.execute(sql: "BEGIN EXCLUSIVE")
            defer { try? db.execute(sql: "ROLLBACK") }
            try db.execute(sql: "INSERT INTO reviewers (name) VALUES ('holder')")
            #expect(throws: StoreError.locked(path: path, seconds: 0.3)) {
                let store = try SQLiteStore.open(path: path, create: false, busyTimeout: 0.3)
                try store.saveNote(NoteDraft(documentKey: "article.txt", reviewer: "alice", target: .paragraph(1), verdict: .agree))
            }
        }
        #expect(Fixtures.bytes(path) == before)
    }

    @Test func twoWritersAtOnceLoseNothing() async throws {
        let path = try Fixtures.tempDB()
        try Fixtures.save(try SQLiteStore.open(path: path, create: true), Fixtures.article)
        await withTaskGroup(of: Void.self) { group in
            for writer in ["alice", "bob"] {
                group.addTask {
                    let store = try! SQLiteStore.open(path: path, create: false)
                    for i in 0..<100 {
                        _ = try! store.saveNote(NoteDraft(documentKey: "article.txt", reviewer: "\(writer)-\(i)", target: .paragraph(1), verdict: .agree))
                    }
                }
            }
        }
        #expect(try count(try SQLiteStore.open(path: path, create: false), "notes") == 200)
    }
}
