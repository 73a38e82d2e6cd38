import Foundation
import GRDB
import SlantRules

/// Recording scored articles. Re-scoring the same text with the same rubric adds no
/// rows; new text becomes a new revision and the document's notes are re-anchored to it.
extension SQLiteStore {
    public func save(_ articles: [(key: String, scored: ScoredArticle)], rubric: RubricIdentity, slantVersion: String) throws -> [SaveOutcome] {
        let now = Timestamp.now()
        return try write { db in
            try articles.map { try Self.save($0.scored, key: $0.key, rubric: rubric, slantVersion: slantVersion, now: now, db) }
        }
    }

    static func save(_ scored: ScoredArticle, key: String, rubric: RubricIdentity, slantVersion: String, now: String, _ db: Database) throws -> SaveOutcome {
        let text = scored.article.text
        let (document, revision, newRevision) = try upsertRevision(key: key, text: text, sha256: Digest.sha256(text), created: now, db)
        let reanchored = try makeCurrent(document, revision, db)
        let revisionId = revision.id!
        if let run = try ScoringRun.filter(Column("revision_id") == revisionId && Column("rubric_sha256") == rubric.sha256).fetchOne(db) {
            let count = try StoredFinding.filter(Column("run_id") == run.id!).fetchCount(db)
            return SaveOutcome(key: key, revisionId: revisionId, newRevision: newRevision, runId: run.id!, newRun: false, findings: count, reanchored: reanchored)
        }
        var run = ScoringRun(id: nil, revisionId: revisionId, rubricName: rubric.name, rubricVersion: rubric.version,
                             rubricSha256: rubric.sha256, slantVersion: slantVersion,
                             editorializing: scored.score.editorializing, words: scored.score.words, created: now)
        try run.insert(db)
        let runId = run.id!
        var count = 0
        for p in scored.paragraphs {
            var row = ParagraphScoreRow(id: nil, runId: runId, paragraph: p.paragraph.index, start: p.paragraph.span.start,
                                        end: p.paragraph.span.end, kind: p.paragraph.kind.rawValue, words: p.paragraph.wordCount,
                                        editorializing: p.score.editorializing, flagged: p.score.flagged, families: familiesJSON(p.score))
            try row.insert(db)
            for f in p.findings {
                var finding = StoredFinding(id: nil, runId: runId, rule: f.rule, family: f.family.rawValue, start: f.span.start,
                                            end: f.span.end, text: f.text, message: f.message, weight: f.weight,
                                            voice: f.voice.rawValue, sourceType: f.sourceType?.rawValue, paragraph: f.paragraph)
                try finding.insert(db)
                count += 1
            }
        }
        return SaveOutcome(key: key, revisionId: revisionId, newRevision: newRevision, runId: runId, newRun: true, findings: count, reanchored: reanchored)
    }

    /// The document (created if new) and its revision with this text (created if new).
    static func upsertRevision(key: String, text: String, sha256: String, created: String, _ db: Database) throws -> (StoredDocument, Revision, Bool) {
        var document: StoredDocument
        if let d = try StoredDocument.filter(Column("key") == key).fetchOne(db) {
            document = d
        } else {
            document = StoredDocument(key: key, created: created)
            try document.insert(db)
        }
        if let r = try Revision.filter(Column("document_id") == document.id! && Column("sha256") == sha256).fetchOne(db) {
            return (document, r, false)
        }
        var revision = Revision(documentId: document.id!, text: text, sha256: sha256, created: created)
        try revision.insert(db)
        return (document, revision, true)
    }

    /// Makes `revision` the document's current one and anchors every note of the
    /// document that has no anchor there yet. Returns the anchoring outcomes.
    @discardableResult
    static func makeCurrent(_ document: StoredDocument, _ revision: Revision, _ db: Database) throws -> [AnchorStatus: Int] {
        if document.currentRevisionId != revision.id {
            try db.execute(sql: "UPDATE documents SET current_revision_id = ? WHERE id = ?", arguments: [revision.id, document.id])
        }
        var outcomes: [AnchorStatus: Int] = [:]
        let notes = try Note.fetchAll(db, sql: """
            SELECT * FROM notes WHERE document_id = ? AND id NOT IN (SELECT note_id FROM note_anchors WHERE revision_id = ?) ORDER BY id
            """, arguments: [document.id, revision.id])
        guard !notes.isEmpty else { return outcomes }
        let text = Array(revision.text.unicodeScalars)
        for note in notes {
            // Start from the latest place the note was found; its selector keeps the text it was written on.
            let last = try NoteAnchor.fetchOne(db, sql: """
                SELECT * FROM note_anchors WHERE note_id = ? AND start IS NOT NULL ORDER BY id DESC LIMIT 1
                """, arguments: [note.id])
            let result = Anchoring.reanchor(note.selector, from: last?.start ?? note.start, last?.end ?? note.end, in: text)
            var anchor = NoteAnchor(id: nil, noteId: note.id!, revisionId: revision.id!, status: result.status, start: result.start, end: result.end)
            try anchor.insert(db)
            outcomes[result.status, default: 0] += 1
        }
        return outcomes
    }

    /// Per-family counts and weights of a paragraph, as compact JSON with sorted keys.
    static func familiesJSON(_ score: Score) -> String {
        var counts: [String: Int] = [:], weighted: [String: Double] = [:]
        for f in Family.allCases {
            counts[f.rawValue] = score.counts[f] ?? 0
            weighted[f.rawValue] = ((score.weighted[f] ?? 0) * 100).rounded() / 100
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        struct Families: Encodable { var counts: [String: Int]; var weighted: [String: Double] }
        return String(decoding: (try? encoder.encode(Families(counts: counts, weighted: weighted))) ?? Data("{}".utf8), as: UTF8.self)
    }
}
