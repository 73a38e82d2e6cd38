import Foundation
import SlantReport
import SlantRules
import SlantText

/// Expanding command-line inputs: files as given, directories walked for article files.
enum Inputs {
    static let extensions: Set<String> = ["txt", "text", "md", "markdown", "html", "htm"]

    /// Files to read, in the order given (directory contents sorted), plus problems found on the way.
    static func expand(_ paths: [String]) -> (files: [String], errors: [SlantTextError]) {
        var files: [String] = []
        var errors: [SlantTextError] = []
        let fm = FileManager.default
        for path in paths {
            if path == "-" { files.append(path); continue }
            var isDir: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isDir) else { errors.append(.fileNotFound(path: path)); continue }
            guard isDir.boolValue else { files.append(path); continue }
            guard let walker = fm.enumerator(atPath: path) else {
                errors.append(.unreadable(path: path, reason: "directory cannot be listed")); continue
            }
            var found: [String] = []
            while let item = walker.nextObject() as? String {
                let full = (path as NSString).appendingPathComponent(item)
                if let problem = unusableEntry(full) { errors.append(problem); continue } // InputEntries.swift
                let ext = (item as NSString).pathExtension.lowercased()
                guard extensions.contains(ext), (item as NSString).lastPathComponent.lowercased() != "readme.md" else { continue }
                var sub: ObjCBool = false
                if fm.fileExists(atPath: full, isDirectory: &sub), !sub.boolValue, !isScorecard(full) { found.append(full) }
            }
            files += found.sorted()
        }
        return (files, errors)
    }

    /// Whether a file is one of Slant's own Markdown scorecards (see ScorecardMarkdown.marker):
    /// a folder of articles may hold their scorecards, which are not articles.
    static func isScorecard(_ path: String) -> Bool {
        guard path.lowercased().hasSuffix(".md"), let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        let marker = Array(ScorecardMarkdown.marker.utf8)
        guard let head = try? handle.read(upToCount: marker.count) else { return false }
        return Array(head) == marker
    }

    /// The rubric from --rubric, else the bundled one.
    static func rubric(_ path: String?) throws -> Rubric {
        if let path { return try RubricLoader.load(path: path) }
        guard let dir = RubricLoader.defaultDirectory() else {
            throw CLIError("no rubric found: pass --rubric DIR or set SLANT_RUBRIC (the bundled one is Rubrics/ in the Slant source tree)")
        }
        return try RubricLoader.load(path: dir)
    }
}
