import Foundation
import GRDB
import Testing

/// Issue #7, store, with real processes: a second writer waits for the first and then
/// succeeds; `kill -9` in the middle of a large `score --save` or `import` leaves a
/// consistent database with the batch either all there or not there; a read-only or
/// corrupt database gives exit 2 and keeps every byte; an older schema is migrated and
/// a newer one refused.
@Suite struct HardeningStoreCLITests {
    static let article = "Examples/wire-report.txt"

    func tempDB() throws -> (dir: URL, db: String) {
        let dir = try Bounded.tempDir("store")
        return (dir, dir.appendingPathComponent("notes.sqlite").path)
    }

    func scored() throws -> String {
        let (_, db) = try tempDB()
        let r = try CLI.run(["score", "--save", "--db", db, Self.article, "--format", "jsonl"])
        try #require(r.status == 0, "\(r.stderr)")
        return db
    }

    func bytes(_ path: String) -> Data { FileManager.default.contents(atPath: path) ?? Data() }

    func fileSize(_ path: String) -> Int { ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int) ?? 0 }

    /// Starts `slant` without waiting for it; output goes to files.
    func start(_ arguments: [String], environment: [String: String] = [:]) throws -> (process: Process, stderr: String) {
        let dir = try Bounded.tempDir("proc")
        let err = dir.appendingPathComponent("stderr").path
        FileManager.default.createFile(atPath: err, contents: nil)
        let p = Process()
        p.executableURL = CLI.binary
        p.arguments = arguments
        p.currentDirectoryURL = CLI.root
        var env = ProcessInfo.processInfo.environment
        for (k, v) in environment { env[k] = v }
        p.environment = env
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle(forWritingAtPath: err)
        p.standardInput = FileHandle.nullDevice
        try p.run()
        return (p, err)
    }

    /// Waits for `p`, killing it after `seconds` (then the test fails on its status).
    func wait(_ p: Process, seconds: Double = 300) {
        let deadline = Date().addingTimeInterval(seconds)
        while p.isRunning && Date() < deadline { usleep(10_000) }
        if p.isRunning { kill(p.processIdentifier, SIGKILL) }
        p.waitUntilExit()
    }

    func integrity(_ db: String) throws -> [String] {
        let queue = try DatabaseQueue(path: db)
        defer { try? queue.close() }
        return try queue.read { try String.fetchAll($0, sql: "PRAGMA integrity_check") }
    }

    func count(_ db: String, _ sql: String) throws -> Int {
        let queue = try DatabaseQueue(path: db)
        defer { try? queue.close() }
        return try queue.read { try Int.fetchOne($0, sql: sql) ?? -1 }
    }

    // MARK: two writers

    @Test func aSecondWriterWaitsForTheFirstThenSucceeds() throws {
        let db = try scored()
        let holder = try DatabaseQueue(path: db)
        var waited = false
        var writer: (process: Process, stderr: String)?
        try holder.writeWithoutTransaction { conn in
            try conn.execute(sql: "BEGIN IMMEDIATE")
            try conn.execute(sql: "INSERT INTO reviewers (name) VALUES ('first writer')")
            writer = try start(["annotate", Self.article, "--paragraph", "2", "--verdict", "agree", "--note", "second", "--db", db, "--reviewer", "ana"])
            // While the first transaction is open the second command cannot write: it
            // must still be running (waiting on the lock), not failed.
            usleep(1_500_000)
            waited = writer!.process.isRunning
            try conn.execute(sql: "COMMIT")
        }
        try holder.close()
        let w = try #require(writer)
        wait(w.process)
        let stderr = (try? String(contentsOfFile: w.stderr, encoding: .utf8)) ?? ""
        #expect(waited, "the second writer gave up while the first held the lock: \(stderr)")
        #expect(w.process.terminationStatus == 0, "\(stderr)")
        #expect(try count(db, "SELECT COUNT(*) FROM notes") == 1)
        #expect(try count(db, "SELECT COUNT(*) FROM reviewers WHERE name IN ('first writer', 'ana')") == 2)
    }

    // MARK: kill -9

    /// Kills `slant` once its WAL has grown past `threshold` bytes (the batch transaction
    /// is being written: the migrations and GRDB's setup write far less), or gives up when
    /// it exits first. Returns whether the kill happened.
    func killWhileWriting(_ p: Process, db: String, threshold: Int = 1 << 20) -> Bool {
        let deadline = Date().addingTimeInterval(300)
        while p.isRunning && Date() < deadline {
            if fileSize(db + "-wal") > threshold {
                kill(p.processIdentifier, SIGKILL)
                p.waitUntilExit()
                return p.terminationReason == .uncaughtSignal
            }
            usleep(2_000)
        }
        if p.isRunning { kill(p.processIdentifier, SIGKILL) }
        p.waitUntilExit()
        return false
    }

    /// 300 articles of 20 KB: the save transaction writes about 6 MB.
    func batchFolder() throws -> (dir: URL, count: Int) {
        let dir = try Bounded.tempDir("batch")
        let body = String(repeating: "Rain fell on the town on Tuesday, and the river rose by the old mill. ", count: 280)
        for i in 0..<300 {
            try "Edition \(i)\n\n\(body)".write(to: dir.appendingPathComponent(String(format: "a%04d.txt", i)), atomically: false, encoding: .utf8)
        }
        return (dir, 300)
    }

    @Test func killDashNineDuringScoreSaveLeavesTheBatchAllOrNothing() throws {
        let (batch, n) = try batchFolder()
        let (dbDir, db) = try tempDB()
        defer { try? FileManager.default.removeItem(at: batch); try? FileManager.default.removeItem(at: dbDir) }
        // One article saved before: it must survive the crash whatever happens.
        let first = try CLI.run(["score", "--save", "--db", db, Self.article, "--format", "jsonl"])
        try #require(first.status == 0, "\(first.stderr)")
        let run = try start(["score", "--save", "--db", db, batch.path, "--format", "jsonl"])
        let killed = killWhileWriting(run.process, db: db)
        #expect(killed, "the batch finished before it could be killed; make it larger")
        #expect(try integrity(db) == ["ok"])
        let documents = try count(db, "SELECT COUNT(*) FROM documents")
        #expect(documents == 1 || documents == 1 + n, "\(documents) documents: a partial batch")
        if killed { #expect(documents == 1, "killed mid-transaction, yet the batch is there") }
        #expect(try count(db, "SELECT COUNT(*) FROM runs") == documents)
        #expect(try count(db, "SELECT COUNT(*) FROM revisions") == documents)
        // The store is usable after the crash: the same command now saves the whole batch.
        let again = try Bounded.run(["score", "--save", "--db", db, batch.path, "--format", "jsonl"], binary: CLI.binary, timeout: 600)
        #expect(again.status == 0, "\(again.stderr)")
        #expect(try count(db, "SELECT COUNT(*) FROM documents") == 1 + n)
        #expect(try integrity(db) == ["ok"])
    }

    @Test func killDashNineDuringImportLeavesTheArchiveAllOrNothing() throws {
        // One real document with a note, exported, then repeated under 600 keys: 12 MB of JSON Lines.
        let (dir, seedDB) = try tempDB()
        defer { try? FileManager.default.removeItem(at: dir) }
        let body = String(repeating: "Rain fell on the town on Tuesday, and the river rose by the old mill. ", count: 280)
        let articlePath = dir.appendingPathComponent("rain.txt").path
        try body.write(toFile: articlePath, atomically: false, encoding: .utf8)
        let saved = try CLI.run(["score", "--save", "--db", seedDB, "--key", "rain", articlePath, "--format", "jsonl"])
        try #require(saved.status == 0, "\(saved.stderr)")
        let noted = try CLI.run(["annotate", "rain", "--quote", "river rose", "--note", "Which river?", "--db", seedDB, "--reviewer", "ana"])
        try #require(noted.status == 0, "\(noted.stderr)")
        let exported = try CLI.run(["export", "--db", seedDB])
        try #require(exported.status == 0, "\(exported.stderr)")
        let lines = exported.stdout.split(separator: "\n").map(String.init)
        let header = try #require(lines.first)
        let document = try #require(lines.first { $0.contains("\"type\":\"document\"") })
        let note = try #require(lines.first { $0.contains("\"type\":\"note\"") })
        let n = 600
        var archive = header + "\n"
        for i in 0..<n {
            archive += document.replacingOccurrences(of: "\"key\":\"rain\"", with: "\"key\":\"doc-\(i)\"") + "\n"
        }
        for i in 0..<n {
            var object = try #require(try JSONSerialization.jsonObject(with: Data(note.utf8)) as? [String: Any])
            object["uid"] = UUID().uuidString.lowercased()
            object["document"] = "doc-\(i)"
            archive += String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self) + "\n"
        }
        let file = dir.appendingPathComponent("big.jsonl").path
        try archive.write(toFile: file, atomically: false, encoding: .utf8)

        let (dbDir, db) = try tempDB()
        defer { try? FileManager.default.removeItem(at: dbDir) }
        let first = try CLI.run(["score", "--save", "--db", db, Self.article, "--format", "jsonl"])
        try #require(first.status == 0, "\(first.stderr)")
        let run = try start(["import", file, "--db", db])
        let killed = killWhileWriting(run.process, db: db)
        #expect(killed, "the import finished before it could be killed; make it larger")
        #expect(try integrity(db) == ["ok"])
        let documents = try count(db, "SELECT COUNT(*) FROM documents")
        let notes = try count(db, "SELECT COUNT(*) FROM notes")
        #expect((documents == 1 && notes == 0) || (documents == 1 + n && notes == n), "\(documents) documents, \(notes) notes: a partial import")
        if killed { #expect(documents == 1 && notes == 0) }
        let again = try Bounded.run(["import", file, "--db", db], binary: CLI.binary, timeout: 600)
        #expect(again.status == 0, "\(again.stderr)")
        #expect(try count(db, "SELECT COUNT(*) FROM notes") == n)
    }

    // MARK: read-only, corrupt, older and newer

    /// As an ordinary user (root may write anything): a database file that user cannot
    /// write gives exit 2 for every command and keeps every byte.
    @Test(.enabled(if: Bounded.canRunAsNobody(), "needs root, setpriv and a checkout other users can read"))
    func aReadOnlyDatabaseExitsTwoAndIsLeftUntouched() throws {
        let db = try scored()
        let dir = (db as NSString).deletingLastPathComponent
        try FileManager.default.setAttributes([.posixPermissions: 0o777], ofItemAtPath: dir)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: db)
        let before = bytes(db)
        let export = dir + "/export.jsonl"
        try "{\"format\":\"slant-annotations\",\"generator\":\"t\",\"type\":\"header\",\"version\":1}\n".write(toFile: export, atomically: true, encoding: .utf8)
        for args in [["notes"], ["annotate", Self.article, "--paragraph", "2", "--verdict", "agree", "--reviewer", "x"],
                     ["score", "--save", Self.article, "--format", "jsonl"], ["import", export], ["export"]] {
            let r = try Bounded.run(args + ["--db", db], binary: CLI.binary, timeout: 120, asUser: 65534)
            #expect(r.status == 2, "\(args): \(r.stderr)")
            #expect(r.stderrLines.count == 1, "\(args): \(r.stderr)")
            #expect(r.stderr.contains(db) && r.stderr.contains("read-only"), "\(args): \(r.stderr)")
            #expect(bytes(db) == before, "\(args) changed the database")
        }
    }

    /// Damage inside a data page (the header and schema intact) is caught before any
    /// command writes: exit 2, one line, the file unchanged.
    @Test func aCorruptDatabaseExitsTwoForEveryCommandAndIsLeftUntouched() throws {
        let db = try scored()
        let root = try count(db, "SELECT rootpage FROM sqlite_master WHERE name = 'findings'")
        var damaged = bytes(db)
        let start = (root - 1) * 4096
        try #require(root > 1 && damaged.count >= start + 4096)
        damaged.replaceSubrange(start..<(start + 4096), with: Data(repeating: 0xAB, count: 4096))
        try damaged.write(to: URL(fileURLWithPath: db))
        let export = (db as NSString).deletingLastPathComponent + "/export.jsonl"
        try "{\"format\":\"slant-annotations\",\"generator\":\"t\",\"type\":\"header\",\"version\":1}\n".write(toFile: export, atomically: true, encoding: .utf8)
        for args in [["notes"], ["findings", Self.article], ["annotate", Self.article, "--paragraph", "2", "--verdict", "agree"],
                     ["score", "--save", Self.article, "--format", "jsonl"], ["import", export], ["export"], ["agreement"]] {
            let r = try CLI.run(args + ["--db", db])
            #expect(r.status == 2, "\(args): \(r.stderr)")
            #expect(r.stderr.split(separator: "\n").count == 1, "\(args): \(r.stderr)")
            #expect(r.stderr.contains("corrupt"), "\(args): \(r.stderr)")
            #expect(bytes(db) == damaged, "\(args) changed the damaged file")
        }
    }

    @Test func aNewerSchemaIsRefusedWithAMessage() throws {
        let db = try scored()
        let queue = try DatabaseQueue(path: db)
        try queue.write { try $0.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v9')") }
        try queue.close()
        let before = bytes(db)
        let r = try CLI.run(["notes", "--db", db])
        #expect(r.status == 2)
        #expect(r.stderr.contains("newer Slant") && r.stderr.contains("v9"), "\(r.stderr)")
        #expect(r.stderr.split(separator: "\n").count == 1)
        #expect(bytes(db) == before)
    }

    /// A database written before migration v2 (the SQL of a real v1 store): every command
    /// migrates it and finds its notes.
    @Test func anOlderSchemaIsMigratedByTheCommands() throws {
        let (_, db) = try tempDB()
        let sql = try String(contentsOf: CLI.root.appendingPathComponent("Tests/SlantStoreTests/HardeningStoreV1Fixture.swift"), encoding: .utf8)
        let body = try #require(sql.components(separatedBy: "static let sql = #\"\"\"\n").last?.components(separatedBy: "\"\"\"#").first)
        let queue = try DatabaseQueue(path: db)
        try queue.writeWithoutTransaction { try $0.execute(sql: body) }
        try queue.close()
        #expect(try count(db, "SELECT COUNT(*) FROM grdb_migrations") == 1)
        let r = try CLI.run(["notes", "wire-report.txt", "--db", db])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("Which inspection?"))
        #expect(r.stdout.contains("Tomás Reyes"))
        let applied = try DatabaseQueue(path: db).read { try String.fetchAll($0, sql: "SELECT identifier FROM grdb_migrations ORDER BY identifier") }
        #expect(applied == ["v1", "v2"])
        #expect(try integrity(db) == ["ok"])
    }
}
