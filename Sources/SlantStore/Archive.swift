/// The portable form of a store's human work: documents with the texts reviewers saw,
/// and notes with every anchor. Runs and findings are not exported: they are
/// reproduced by scoring, while notes are not reproducible. Row ids are not exported
/// either; notes are identified by `uid`, revisions by SHA-256, documents by key.
public struct AnnotationArchive: Sendable, Hashable, Codable {
    public var documents: [ArchivedDocument]
    public var notes: [ArchivedNote]
    public init(documents: [ArchivedDocument] = [], notes: [ArchivedNote] = []) {
        self.documents = documents; self.notes = notes
    }
}

public struct ArchivedDocument: Sendable, Hashable, Codable {
    public var key: String
    public var created: String
    /// SHA-256 of the current revision.
    public var current: String?
    public var revisions: [ArchivedRevision]
}

public struct ArchivedRevision: Sendable, Hashable, Codable {
    public var sha256: String
    public var created: String
    public var text: String
}

public struct ArchivedNote: Sendable, Hashable, Codable {
    public var uid: String
    public var document: String
    /// SHA-256 of the revision the note was written on.
    public var revision: String
    public var reviewer: String
    public var target: ArchivedTarget
    public var verdict: Verdict?
    public var label: String?
    public var text: String
    public var created: String
    public var updated: String
    public var selector: QuoteSelector
    public var start: Int
    public var end: Int
    public var anchors: [ArchivedAnchor]
}

public struct ArchivedTarget: Sendable, Hashable, Codable {
    public var kind: TargetKind
    public var rule: String?
    public var start: Int?
    public var end: Int?
    public var paragraph: Int?

    public init(kind: TargetKind, rule: String?, start: Int?, end: Int?, paragraph: Int?) {
        self.kind = kind; self.rule = rule; self.start = start; self.end = end; self.paragraph = paragraph
    }
}

public struct ArchivedAnchor: Sendable, Hashable, Codable {
    public var revision: String
    public var status: AnchorStatus
    public var start: Int?
    public var end: Int?
}
