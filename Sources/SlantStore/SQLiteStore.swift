import Foundation
import GRDB

/// The embedded store: one SQLite file in WAL mode, so reviewers' commands can read
/// while another writes, with a busy timeout so two writers wait for each other
/// instead of failing.
///
/// Opening never harms a file it cannot use: a file that is not SQLite is refused
/// before SQLite sees it, a database written by a newer Slant is refused before any
/// migration runs, and lock or corruption errors are reported as `StoreError`.
public final class SQLiteStore: AnnotationStore {
    public let path: String
    let pool: DatabasePool
    let busyTimeout: Double

    /// The 16-byte header every SQLite 3 database file starts with.
    static let header = Array("SQLite format 3\u{0}".utf8)

    /// Opens (and, with `create`, creates) the store at `path` and brings its schema up to date.
    public static func open(path: String, create: Bool, busyTimeout: Double = 10) throws -> SQLiteStore {
        let fm = FileManager.default
        var isDir: ObjCBool = false
        if fm.fileExists(atPath: path, isDirectory: &isDir) {
            if isDir.boolValue { throw StoreError.sqlite(path: path, detail: "is a directory") }
            try checkHeader(path)
        } else {
            guard create else { throw StoreError.missing(path: path) }
            let dir = (path as NSString).deletingLastPathComponent
            if !dir.isEmpty {
                do { try fm.createDirectory(atPath: dir, withIntermediateDirectories: true) } catch {
                    throw StoreError.sqlite(path: path, detail: "cannot create folder \(dir): \(error.localizedDescription)")
                }
            }
        }
        if let size = (try? fm.attributesOfItem(atPath: path))?[.size] as? Int, size > 0 {
            try preflight(path: path, busyTimeout: busyTimeout)
        }
        var config = Configuration()
        config.busyMode = .timeout(busyTimeout)
        config.foreignKeysEnabled = true
        config.label = "slant"
        return try map(path: path, busyTimeout: busyTimeout) {
            let pool = try DatabasePool(path: path, configuration: config)
            let migrator = Schema.migrator
            let superseded = try pool.read { db -> [String] in
                guard try migrator.hasBeenSuperseded(db) else { return [] }
                return try migrator.appliedIdentifiers(db).subtracting(migrator.migrations).sorted()
            }
            if !superseded.isEmpty { throw StoreError.newerSchema(path: path, unknown: superseded) }
            try migrator.migrate(pool)
            return SQLiteStore(path: path, pool: pool, busyTimeout: busyTimeout)
        }
    }

    init(path: String, pool: DatabasePool, busyTimeout: Double) {
        self.path = path
        self.pool = pool
        self.busyTimeout = busyTimeout
    }

    /// Reads an existing database through a read-only connection first, so a corrupt
    /// file or a schema from a newer Slant is refused before anything could write to it
    /// (opening the pool may switch the journal mode or checkpoint the WAL).
    static func preflight(path: String, busyTimeout: Double) throws {
        var config = Configuration()
        config.readonly = true
        config.busyMode = .timeout(busyTimeout)
        try map(path: path, busyTimeout: busyTimeout) {
            let queue = try DatabaseQueue(path: path, configuration: config)
            defer { try? queue.close() }
            let migrator = Schema.migrator
            let unknown = try queue.read { db -> [String] in
                _ = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM sqlite_master")
                // Damage anywhere in the file, found before the pool opens: opening it writes
                // (GRDB commits a schema change to set up WAL readers), and a write to a
                // damaged page could spread the damage. One read of every page.
                let problems = try String.fetchAll(db, sql: "PRAGMA quick_check(3)")
                if problems != ["ok"] {
                    throw StoreError.corrupt(path: path, detail: problems.joined(separator: "; ").replacingOccurrences(of: "\n", with: " "))
                }
                guard try db.tableExists("grdb_migrations") else { return [] }
                return try migrator.appliedIdentifiers(db).subtracting(migrator.migrations).sorted()
            }
            if !unknown.isEmpty { throw StoreError.newerSchema(path: path, unknown: unknown) }
        }
    }

    /// Refuses a non-empty file that does not start with the SQLite header, without opening it.
    static func checkHeader(_ path: String) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw StoreError.sqlite(path: path, detail: "cannot be read")
        }
        defer { try? handle.close() }
        let bytes = [UInt8]((try? handle.read(upToCount: header.count)) ?? Data())
        if !bytes.isEmpty && bytes != header { throw StoreError.notADatabase(path: path) }
    }

    /// Runs `body`, turning SQLite's errors into one-line `StoreError`s.
    static func map<T>(path: String, busyTimeout: Double, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as DatabaseError {
            switch error.resultCode {
            case .SQLITE_BUSY, .SQLITE_LOCKED: throw StoreError.locked(path: path, seconds: busyTimeout)
            case .SQLITE_NOTADB: throw StoreError.notADatabase(path: path)
            case .SQLITE_CORRUPT: throw StoreError.corrupt(path: path, detail: error.message ?? "\(error.resultCode)")
            case .SQLITE_READONLY:
                throw StoreError.sqlite(path: path, detail: "the file or its folder is read-only (Slant writes the database and its -wal and -shm files beside it); nothing was written")
            default: throw StoreError.sqlite(path: path, detail: error.message ?? "\(error)")
            }
        }
    }

    /// One transaction; every command's writes go through here exactly once.
    func write<T>(_ body: (Database) throws -> T) throws -> T {
        try Self.map(path: path, busyTimeout: busyTimeout) { try pool.write(body) }
    }

    func read<T>(_ body: (Database) throws -> T) throws -> T {
        try Self.map(path: path, busyTimeout: busyTimeout) { try pool.read(body) }
    }

    /// Closes every connection (checkpointing the WAL into the main file).
    public func close() throws {
        try Self.map(path: path, busyTimeout: busyTimeout) { try pool.close() }
    }

    /// Migration identifiers applied to this database.
    public func appliedMigrations() throws -> [String] {
        try read { try Schema.migrator.appliedIdentifiers($0).sorted() }
    }

    public func documents() throws -> [StoredDocument] {
        try read { try StoredDocument.order(Column("key")).fetchAll($0) }
    }

    public func state(key: String) throws -> DocumentState? {
        try read { try Self.state(key: key, $0) }
    }

    static func state(key: String, _ db: Database) throws -> DocumentState? {
        guard let document = try StoredDocument.filter(Column("key") == key).fetchOne(db),
              let revisionId = document.currentRevisionId,
              let revision = try Revision.fetchOne(db, key: revisionId) else { return nil }
        let run = try ScoringRun.filter(Column("revision_id") == revisionId).order(Column("id").desc).fetchOne(db)
        var findings: [StoredFinding] = [], paragraphs: [ParagraphScoreRow] = []
        if let runId = run?.id {
            findings = try StoredFinding.filter(Column("run_id") == runId).order(Column("id")).fetchAll(db)
            paragraphs = try ParagraphScoreRow.filter(Column("run_id") == runId).order(Column("paragraph")).fetchAll(db)
        }
        return DocumentState(document: document, revision: revision, run: run, findings: findings, paragraphs: paragraphs)
    }

    /// The reviewer's row, created on first use.
    static func reviewerId(_ name: String, _ db: Database) throws -> Int64 {
        if let r = try Reviewer.filter(Column("name") == name).fetchOne(db), let id = r.id { return id }
        var r = Reviewer(id: nil, name: name)
        try r.insert(db)
        return r.id!
    }
}
