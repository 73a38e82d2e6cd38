import ArgumentParser
import Foundation
import SlantStore

/// `--db` for every command that uses the annotation store, and how the store is found:
/// `--db PATH`, else `$SLANT_DB`, else `.slant/slant.sqlite` in the current directory.
struct StoreOptions: ParsableArguments {
    @Option(help: "The annotation store (default: $SLANT_DB, else .slant/slant.sqlite).")
    var db: String?

    static func path(_ db: String?) -> String {
        if let db, !db.isEmpty { return db }
        if let env = ProcessInfo.processInfo.environment["SLANT_DB"], !env.isEmpty { return env }
        return ".slant/slant.sqlite"
    }

    /// Seconds to wait for another writer; `SLANT_BUSY_TIMEOUT` shortens it (tests use 1).
    static var busyTimeout: Double {
        ProcessInfo.processInfo.environment["SLANT_BUSY_TIMEOUT"].flatMap(Double.init) ?? 10
    }

    /// Commands that only add to an existing store (`annotate`, `notes`) pass `create: false`
    /// so a typo in --db is reported instead of creating an empty store.
    static func open(_ db: String?, create: Bool) throws -> SQLiteStore {
        try SQLiteStore.open(path: path(db), create: create, busyTimeout: busyTimeout)
    }

    func open(create: Bool) throws -> SQLiteStore { try Self.open(db, create: create) }
}

/// Who is reviewing: `--reviewer`, else `$SLANT_REVIEWER`, else git's user.name, else `$USER`.
enum ReviewerName {
    static func resolve(_ given: String?) throws -> String {
        if let given, !given.trimmingCharacters(in: .whitespaces).isEmpty { return given }
        let env = ProcessInfo.processInfo.environment
        if let r = env["SLANT_REVIEWER"], !r.isEmpty { return r }
        if let g = gitUserName(), !g.isEmpty { return g }
        if let u = env["USER"], !u.isEmpty { return u }
        throw CLIError("who is reviewing? pass --reviewer NAME or set SLANT_REVIEWER")
    }

    static func gitUserName() -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "config", "user.name"]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return nil }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

extension Verdict: ExpressibleByArgument {}
