import SlantRules

/// What the CLI needs from a store. The SQLite (GRDB) store is the embedded default;
/// the protocol keeps the door open for a PostgreSQL store serving many reviewers,
/// without touching the engine or the commands. Each method that writes does so in
/// one transaction.
public protocol AnnotationStore: Sendable {
    /// Records scored articles: document, revision (new text → notes re-anchored),
    /// run (once per revision and rubric), findings and paragraph scores.
    func save(_ articles: [(key: String, scored: ScoredArticle)], rubric: RubricIdentity, slantVersion: String) throws -> [SaveOutcome]
    func documents() throws -> [StoredDocument]
    /// The document's current revision and its most recent run, or nil for an unknown key.
    func state(key: String) throws -> DocumentState?
    /// Adds a note, or updates this reviewer's note on the same target in the same revision.
    func saveNote(_ draft: NoteDraft) throws -> NoteView
    /// Notes with their anchor in each document's current revision, oldest first.
    func notes(documentKey: String?, reviewer: String?) throws -> [NoteView]
    func exportArchive() throws -> AnnotationArchive
    func importArchive(_ archive: AnnotationArchive) throws -> ImportSummary
}

/// The rubric a run was scored with; the hash makes re-scoring idempotent.
public struct RubricIdentity: Sendable, Hashable {
    public var name: String
    public var version: String
    public var sha256: String
    public init(name: String, version: String, sha256: String) {
        self.name = name; self.version = version; self.sha256 = sha256
    }
    public init(_ rubric: Rubric) { self.init(name: rubric.name, version: rubric.version, sha256: rubric.sha256) }
}

/// What `save` did for one article.
public struct SaveOutcome: Sendable, Hashable {
    public var key: String
    public var revisionId: Int64
    public var newRevision: Bool
    public var runId: Int64
    public var newRun: Bool
    public var findings: Int
    /// Notes re-anchored to the new revision, by outcome.
    public var reanchored: [AnchorStatus: Int]
}

/// A document as it stands: its current revision and latest run.
public struct DocumentState: Sendable {
    public var document: StoredDocument
    public var revision: Revision
    public var run: ScoringRun?
    public var findings: [StoredFinding]
    public var paragraphs: [ParagraphScoreRow]

    /// The paragraph containing a code-point offset.
    public func paragraph(at offset: Int) -> ParagraphScoreRow? {
        paragraphs.first { offset >= $0.start && offset < $0.end } ?? paragraphs.last { $0.start <= offset }
    }
}

/// What a note is attached to, as the reviewer names it.
public enum NoteTarget: Sendable, Hashable {
    case paragraph(Int)
    case finding(Int64)
    case quote(String)
}

/// A note to record against a document's current revision.
public struct NoteDraft: Sendable {
    public var documentKey: String
    public var reviewer: String
    public var target: NoteTarget
    public var verdict: Verdict?
    public var label: String?
    public var text: String?

    public init(documentKey: String, reviewer: String, target: NoteTarget, verdict: Verdict?, label: String? = nil, text: String? = nil) {
        self.documentKey = documentKey; self.reviewer = reviewer; self.target = target
        self.verdict = verdict; self.label = label; self.text = text
    }
}

/// A note with what a reader needs to show it.
public struct NoteView: Sendable, Hashable {
    public var note: Note
    public var documentKey: String
    public var reviewer: String
    public var revisionSha256: String
    /// Where the note sits in the document's current revision (nil only if it was never anchored there).
    public var anchor: NoteAnchor?
    /// True when `saveNote` updated an existing note instead of adding one.
    public var updatedExisting: Bool = false
    /// For a new quote note: how often the quoted text occurs (the note is on the first).
    public var occurrences: Int = 1
}

public struct ImportSummary: Sendable, Hashable {
    public var documents = 0
    public var revisions = 0
    public var notesAdded = 0
    public var notesUpdated = 0
    public var notesUnchanged = 0
    public init() {}
}
