import GRDB

/// Export and import of the human work in a store (see `AnnotationArchive`).
extension SQLiteStore {
    public func exportArchive() throws -> AnnotationArchive {
        try read { db in
            let documents = try StoredDocument.order(Column("key")).fetchAll(db)
            var shaById: [Int64: String] = [:]
            var keyById: [Int64: String] = [:]
            var archived: [ArchivedDocument] = []
            for d in documents {
                keyById[d.id!] = d.key
                let revisions = try Revision.filter(Column("document_id") == d.id!).order(Column("id")).fetchAll(db)
                for r in revisions { shaById[r.id!] = r.sha256 }
                archived.append(ArchivedDocument(key: d.key, created: d.created, current: d.currentRevisionId.flatMap { shaById[$0] },
                                                 revisions: revisions.map { ArchivedRevision(sha256: $0.sha256, created: $0.created, text: $0.text) }))
            }
            let reviewers = Dictionary(uniqueKeysWithValues: try Reviewer.fetchAll(db).map { ($0.id!, $0.name) })
            let anchors = Dictionary(grouping: try NoteAnchor.order(Column("revision_id"), Column("id")).fetchAll(db), by: \.noteId)
            let notes = try Note.fetchAll(db).map { n in
                ArchivedNote(uid: n.uid, document: keyById[n.documentId] ?? "", revision: shaById[n.revisionId] ?? "",
                             reviewer: reviewers[n.reviewerId] ?? "",
                             target: ArchivedTarget(kind: n.targetKind, rule: n.targetRule, start: n.targetStart, end: n.targetEnd, paragraph: n.paragraph),
                             verdict: n.verdict, label: n.label, text: n.text, created: n.created, updated: n.updated,
                             selector: n.selector, start: n.start, end: n.end,
                             anchors: (anchors[n.id!] ?? []).map {
                                 ArchivedAnchor(revision: shaById[$0.revisionId] ?? "", status: $0.status, start: $0.start, end: $0.end)
                             })
            }.sorted { ($0.document, $0.created, $0.uid) < ($1.document, $1.created, $1.uid) }
            return AnnotationArchive(documents: archived, notes: notes)
        }
    }

    /// Adds what the store lacks; a note already present (same uid) is updated only if
    /// the archive's copy is newer. All in one transaction: a bad archive changes nothing.
    public func importArchive(_ archive: AnnotationArchive) throws -> ImportSummary {
        try write { db in
            var summary = ImportSummary()
            var documents: [String: StoredDocument] = [:]
            var revisionIds: [String: [String: Int64]] = [:]   // key → sha → id
            var wanted: [String: String] = [:]                  // key → current sha, for new documents
            for d in archive.documents {
                var document: StoredDocument
                if let existing = try StoredDocument.filter(Column("key") == d.key).fetchOne(db) {
                    document = existing
                } else {
                    document = StoredDocument(key: d.key, created: d.created)
                    try document.insert(db)
                    summary.documents += 1
                    if let current = d.current { wanted[d.key] = current }
                }
                documents[d.key] = document
                for r in d.revisions {
                    let (_, revision, isNew) = try Self.upsertRevision(key: d.key, text: r.text, sha256: r.sha256, created: r.created, db)
                    if isNew { summary.revisions += 1 }
                    revisionIds[d.key, default: [:]][r.sha256] = revision.id!
                }
            }
            func revision(_ key: String, _ sha: String) throws -> Int64 {
                if let id = revisionIds[key]?[sha] { return id }
                guard let d = documents[key],
                      let r = try Revision.filter(Column("document_id") == d.id! && Column("sha256") == sha).fetchOne(db) else {
                    throw StoreError.invalidArchive(line: 0, reason: "note refers to revision \(sha.prefix(12)) of \(key), which is neither in the file nor in the store")
                }
                return r.id!
            }
            for a in archive.notes {
                if documents[a.document] == nil, let known = try StoredDocument.filter(Column("key") == a.document).fetchOne(db) {
                    documents[a.document] = known
                }
                guard let document = documents[a.document] else {
                    throw StoreError.invalidArchive(line: 0, reason: "note \(a.uid) refers to document \(a.document), which is neither in the file nor in the store")
                }
                var note: Note
                if var existing = try Note.filter(Column("uid") == a.uid).fetchOne(db) {
                    if existing.updated >= a.updated { summary.notesUnchanged += 1 } else {
                        existing.verdict = a.verdict; existing.label = a.label; existing.text = a.text; existing.updated = a.updated
                        try existing.update(db)
                        summary.notesUpdated += 1
                    }
                    note = existing
                } else {
                    note = Note(id: nil, uid: a.uid, documentId: document.id!, revisionId: try revision(a.document, a.revision),
                                reviewerId: try Self.reviewerId(a.reviewer, db), targetKind: a.target.kind, targetRule: a.target.rule,
                                targetStart: a.target.start, targetEnd: a.target.end, paragraph: a.target.paragraph,
                                verdict: a.verdict, label: a.label, text: a.text, created: a.created, updated: a.updated,
                                quoteExact: a.selector.exact, quotePrefix: a.selector.prefix, quoteSuffix: a.selector.suffix,
                                start: a.start, end: a.end)
                    try note.insert(db)
                    summary.notesAdded += 1
                }
                for anchor in a.anchors {
                    let revisionId = try revision(a.document, anchor.revision)
                    if try NoteAnchor.filter(Column("note_id") == note.id! && Column("revision_id") == revisionId).fetchCount(db) == 0 {
                        var row = NoteAnchor(id: nil, noteId: note.id!, revisionId: revisionId, status: anchor.status, start: anchor.start, end: anchor.end)
                        try row.insert(db)
                    }
                }
            }
            // Every imported note gets an anchor in its document's current revision.
            for (key, document) in documents.sorted(by: { $0.key < $1.key }) {
                let currentId = try wanted[key].map { try revision(key, $0) } ?? document.currentRevisionId
                guard let currentId, let current = try Revision.fetchOne(db, key: currentId) else { continue }
                let fresh = try StoredDocument.fetchOne(db, key: document.id!)!
                try Self.makeCurrent(fresh, current, db)
            }
            return summary
        }
    }
}
