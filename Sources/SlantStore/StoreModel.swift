/// The rows of the annotation store, as plain values.
///
/// They carry no database code so that another backend (PostgreSQL) can use them as
/// they are; the GRDB conformances live in `Records+GRDB.swift`. Times are ISO 8601
/// strings in UTC with milliseconds (`Timestamp.now()`), so an export and re-import
/// reproduces them exactly. Offsets are Unicode code-point offsets.

/// A thing reviewers annotate, identified by a stable key (a path, URL or slug).
public struct StoredDocument: Sendable, Hashable, Codable {
    public var id: Int64?
    public var key: String
    /// The revision the document was last scored or imported at; notes are anchored to it.
    public var currentRevisionId: Int64?
    public var created: String

    public init(id: Int64? = nil, key: String, currentRevisionId: Int64? = nil, created: String) {
        self.id = id; self.key = key; self.currentRevisionId = currentRevisionId; self.created = created
    }
}

/// One version of a document's plain text; identified within the document by its SHA-256.
public struct Revision: Sendable, Hashable, Codable {
    public var id: Int64?
    public var documentId: Int64
    public var text: String
    public var sha256: String
    public var created: String

    public init(id: Int64? = nil, documentId: Int64, text: String, sha256: String, created: String) {
        self.id = id; self.documentId = documentId; self.text = text; self.sha256 = sha256; self.created = created
    }
}

/// One scoring of a revision by one rubric (unique per revision and rubric hash).
public struct ScoringRun: Sendable, Hashable, Codable {
    public var id: Int64?
    public var revisionId: Int64
    public var rubricName: String
    public var rubricVersion: String
    public var rubricSha256: String
    public var slantVersion: String
    public var editorializing: Double
    public var words: Int
    public var created: String
}

/// A finding as recorded for a run. Its row id is the short, stable id shown to reviewers.
public struct StoredFinding: Sendable, Hashable, Codable {
    public var id: Int64?
    public var runId: Int64
    public var rule: String
    public var family: String
    public var start: Int
    public var end: Int
    public var text: String
    public var message: String
    public var weight: Double
    public var voice: String
    public var sourceType: String?
    public var paragraph: Int
}

/// A paragraph's figures for a run; every paragraph is stored, scored or not.
public struct ParagraphScoreRow: Sendable, Hashable, Codable {
    public var id: Int64?
    public var runId: Int64
    public var paragraph: Int
    public var start: Int
    public var end: Int
    public var kind: String
    public var words: Int
    public var editorializing: Double
    public var flagged: Bool
    /// `{"counts":{family:n},"weighted":{family:x}}`, keys sorted.
    public var families: String
}

public struct Reviewer: Sendable, Hashable, Codable {
    public var id: Int64?
    public var name: String
}

/// What a note is about.
public enum TargetKind: String, Sendable, Codable, CaseIterable {
    case finding, paragraph, quote
}

/// A reviewer's judgement of the target: agreeing or disagreeing with the engine.
public enum Verdict: String, Sendable, Codable, CaseIterable {
    case agree, disagree, unsure
}

/// How a note was found again in a newer revision.
public enum AnchorStatus: String, Sendable, Codable, CaseIterable {
    /// Same text at the same position.
    case exact
    /// Same text, somewhere else.
    case moved
    /// Similar text (similarity ≥ 0.8), the quote was edited.
    case fuzzy
    /// Not found; the note is kept and shown, with no position.
    case orphaned
}

/// The W3C TextQuoteSelector: the annotated text with some context either side.
public struct QuoteSelector: Sendable, Hashable, Codable {
    public var exact: String
    public var prefix: String
    public var suffix: String

    public init(exact: String, prefix: String, suffix: String) {
        self.exact = exact; self.prefix = prefix; self.suffix = suffix
    }
}

/// A reviewer's note. `revisionId` is the revision it was written on; `start`/`end`
/// and the selector describe the target there.
public struct Note: Sendable, Hashable, Codable {
    public var id: Int64?
    /// A UUID that survives export and import (row ids do not).
    public var uid: String
    public var documentId: Int64
    public var revisionId: Int64
    public var reviewerId: Int64
    public var targetKind: TargetKind
    /// For finding notes: the rule and the finding's span.
    public var targetRule: String?
    public var targetStart: Int?
    public var targetEnd: Int?
    public var paragraph: Int?
    public var verdict: Verdict?
    public var label: String?
    public var text: String
    public var created: String
    public var updated: String
    public var quoteExact: String
    public var quotePrefix: String
    public var quoteSuffix: String
    public var start: Int
    public var end: Int

    public var selector: QuoteSelector { QuoteSelector(exact: quoteExact, prefix: quotePrefix, suffix: quoteSuffix) }
}

/// Where a note sits in one revision (one row per note and revision).
public struct NoteAnchor: Sendable, Hashable, Codable {
    public var id: Int64?
    public var noteId: Int64
    public var revisionId: Int64
    public var status: AnchorStatus
    public var start: Int?
    public var end: Int?
}
