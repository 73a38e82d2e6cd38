import Foundation
import GRDB

/// Writing and reading reviewer notes.
extension SQLiteStore {
    public func saveNote(_ draft: NoteDraft) throws -> NoteView {
        if draft.verdict == nil && (draft.text ?? "").isEmpty { throw StoreError.emptyNote }
        let now = Timestamp.now()
        return try write { db in
            guard let state = try Self.state(key: draft.documentKey, db) else { throw StoreError.unknownDocument(key: draft.documentKey) }
            let target = try NoteTargeting.resolve(draft.target, in: state)
            let reviewerId = try Self.reviewerId(draft.reviewer, db)
            let revisionId = state.revision.id!
            // One note per reviewer and target in a revision: judging again replaces the verdict.
            let existing = try Note
                .filter(Column("document_id") == state.document.id! && Column("revision_id") == revisionId)
                .filter(Column("reviewer_id") == reviewerId && Column("target_kind") == target.kind.rawValue)
                .filter(Column("start") == target.start && Column("end") == target.end)
                .filter(Column("target_rule") == target.rule)
                .fetchOne(db)
            if var note = existing {
                if let v = draft.verdict { note.verdict = v }
                if let l = draft.label { note.label = l }
                if let t = draft.text { note.text = t }
                note.updated = now
                try note.update(db)
                let anchor = try NoteAnchor.filter(Column("note_id") == note.id! && Column("revision_id") == revisionId).fetchOne(db)
                return NoteView(note: note, documentKey: draft.documentKey, reviewer: draft.reviewer,
                                revisionSha256: state.revision.sha256, anchor: anchor, updatedExisting: true)
            }
            var note = Note(id: nil, uid: UUID().uuidString.lowercased(), documentId: state.document.id!, revisionId: revisionId,
                            reviewerId: reviewerId, targetKind: target.kind, targetRule: target.rule,
                            targetStart: target.kind == .finding ? target.start : nil,
                            targetEnd: target.kind == .finding ? target.end : nil,
                            paragraph: target.paragraph, verdict: draft.verdict, label: draft.label, text: draft.text ?? "",
                            created: now, updated: now, quoteExact: target.selector.exact, quotePrefix: target.selector.prefix,
                            quoteSuffix: target.selector.suffix, start: target.start, end: target.end)
            try note.insert(db)
            var anchor = NoteAnchor(id: nil, noteId: note.id!, revisionId: revisionId, status: .exact, start: target.start, end: target.end)
            try anchor.insert(db)
            return NoteView(note: note, documentKey: draft.documentKey, reviewer: draft.reviewer,
                            revisionSha256: state.revision.sha256, anchor: anchor, occurrences: target.occurrences)
        }
    }

    public func notes(documentKey: String?, reviewer: String?) throws -> [NoteView] {
        try read { db in
            var sql = """
                SELECT notes.*, documents.key AS doc_key, reviewers.name AS reviewer_name, revisions.sha256 AS rev_sha,
                       documents.current_revision_id AS current_rev
                FROM notes
                JOIN documents ON documents.id = notes.document_id
                JOIN reviewers ON reviewers.id = notes.reviewer_id
                JOIN revisions ON revisions.id = notes.revision_id
                WHERE 1
                """
            var arguments: StatementArguments = []
            if let documentKey { sql += " AND documents.key = ?"; arguments += [documentKey] }
            if let reviewer { sql += " AND reviewers.name = ?"; arguments += [reviewer] }
            sql += " ORDER BY documents.key, notes.start, notes.created, notes.id"
            return try Row.fetchAll(db, sql: sql, arguments: arguments).map { row in
                let note = try Note(row: row)
                let current: Int64? = row["current_rev"]
                let anchor = try current.flatMap {
                    try NoteAnchor.filter(Column("note_id") == note.id! && Column("revision_id") == $0).fetchOne(db)
                }
                return NoteView(note: note, documentKey: row["doc_key"], reviewer: row["reviewer_name"],
                                revisionSha256: row["rev_sha"], anchor: anchor)
            }
        }
    }
}
