import GRDB

/// GRDB conformances for the store's rows. Columns are the snake_case forms of the
/// property names (`document_id`, `source_type`), so the schema reads as documented.
protocol SnakeCaseRecord: Codable, FetchableRecord, MutablePersistableRecord {}

extension SnakeCaseRecord {
    public static var databaseColumnDecodingStrategy: DatabaseColumnDecodingStrategy { .convertFromSnakeCase }
    public static var databaseColumnEncodingStrategy: DatabaseColumnEncodingStrategy { .convertToSnakeCase }
}

extension StoredDocument: SnakeCaseRecord {
    public static let databaseTableName = "documents"
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension Revision: SnakeCaseRecord {
    public static let databaseTableName = "revisions"
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension ScoringRun: SnakeCaseRecord {
    public static let databaseTableName = "runs"
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension StoredFinding: SnakeCaseRecord {
    public static let databaseTableName = "findings"
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension ParagraphScoreRow: SnakeCaseRecord {
    public static let databaseTableName = "paragraph_scores"
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension Reviewer: SnakeCaseRecord {
    public static let databaseTableName = "reviewers"
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension Note: SnakeCaseRecord {
    public static let databaseTableName = "notes"
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension NoteAnchor: SnakeCaseRecord {
    public static let databaseTableName = "note_anchors"
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension TargetKind: DatabaseValueConvertible {}
extension Verdict: DatabaseValueConvertible {}
extension AnchorStatus: DatabaseValueConvertible {}
