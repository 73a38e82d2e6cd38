import GRDB

/// GRDB conformances for the store's rows. Columns are the snake_case forms of the
/// property names (`document_id`, `source_type`), so the schema reads as documented.
/// Every row has an autoincremented `id`, filled in on insert.
protocol SnakeCaseRecord: Codable, FetchableRecord, MutablePersistableRecord {
    var id: Int64? { get set }
}

extension SnakeCaseRecord {
    public static var databaseColumnDecodingStrategy: DatabaseColumnDecodingStrategy { .convertFromSnakeCase }
    public static var databaseColumnEncodingStrategy: DatabaseColumnEncodingStrategy { .convertToSnakeCase }
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension StoredDocument: SnakeCaseRecord {
    public static let databaseTableName = "documents"
}

extension Revision: SnakeCaseRecord {
    public static let databaseTableName = "revisions"
}

extension ScoringRun: SnakeCaseRecord {
    public static let databaseTableName = "runs"
}

extension StoredFinding: SnakeCaseRecord {
    public static let databaseTableName = "findings"
}

extension ParagraphScoreRow: SnakeCaseRecord {
    public static let databaseTableName = "paragraph_scores"
}

extension Reviewer: SnakeCaseRecord {
    public static let databaseTableName = "reviewers"
}

extension Note: SnakeCaseRecord {
    public static let databaseTableName = "notes"
}

extension NoteAnchor: SnakeCaseRecord {
    public static let databaseTableName = "note_anchors"
}

extension TargetKind: DatabaseValueConvertible {}
extension Verdict: DatabaseValueConvertible {}
extension AnchorStatus: DatabaseValueConvertible {}
