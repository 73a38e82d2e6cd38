import SlantText

/// Everything the store refuses, as one line for the person at the terminal (exit 2).
/// Database problems name the file and say that it was left untouched, because the
/// reviewer's notes in it matter more than the command that failed.
public enum StoreError: ReportableError, Equatable, Sendable {
    case notADatabase(path: String)
    case corrupt(path: String, detail: String)
    case locked(path: String, seconds: Double)
    case newerSchema(path: String, unknown: [String])
    case missing(path: String)
    case sqlite(path: String, detail: String)
    case unknownDocument(key: String)
    case notScored(key: String)
    case unknownFinding(id: Int64, key: String)
    case paragraphOutOfRange(index: Int, count: Int, key: String)
    case quoteNotFound(quote: String, key: String)
    case emptyNote
    case invalidArchive(line: Int, reason: String)

    public var description: String {
        switch self {
        case .notADatabase(let path):
            return "\(path): not a SQLite database (left untouched); pass --db or set SLANT_DB to use another file"
        case .corrupt(let path, let detail):
            return "\(path): the database is corrupt (\(detail)); the file was left untouched"
        case .locked(let path, let seconds):
            return "\(path): the database is locked by another program (waited \(Int(seconds)) s); nothing was written, try again"
        case .newerSchema(let path, let unknown):
            return "\(path): written by a newer Slant (schema \(unknown.joined(separator: ", "))); upgrade Slant to use it (left untouched)"
        case .missing(let path):
            return "\(path): no annotation store yet; run 'slant score --save FILE' or 'slant import FILE' first (or pass --db)"
        case .sqlite(let path, let detail):
            return "\(path): database error: \(detail)"
        case .unknownDocument(let key):
            return "\(key): no such document in the store; save it first with 'slant score --save \(key)'"
        case .notScored(let key):
            return "\(key): the current revision has no scoring run; run 'slant score --save \(key)'"
        case .unknownFinding(let id, let key):
            return "\(key): no finding \(id) in the current revision (see 'slant findings \(key)')"
        case .paragraphOutOfRange(let index, let count, let key):
            return "\(key): no paragraph \(index) (the article has \(count), numbered from 0)"
        case .quoteNotFound(let quote, let key):
            return "\(key): the quote \"\(quote.prefix(60))\" does not occur in the current revision"
        case .emptyNote:
            return "a note needs a --verdict or a --note text"
        case .invalidArchive(let line, let reason):
            return line > 0 ? "line \(line): \(reason)" : reason
        }
    }
}
