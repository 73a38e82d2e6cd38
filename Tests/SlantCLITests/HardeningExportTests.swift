import Foundation
import Testing

/// Issue #7, output: the W3C export escapes every article and note string, so markup in
/// them cannot break out of a page the JSON-LD is pasted into, and it still round-trips
/// exactly; `--out` writes exactly the file it names, atomically, and nothing else.
@Suite struct HardeningExportTests {
    static let hostile = [
        "<script>alert('article')</script>",
        "\"><img src=x onerror=alert(1)>",
        "</style><style>body{display:none}</style>",
        "</script><!-- & -->",
        "line\u{2028}separator\u{2029}paragraph",
    ]

    /// A store whose article text, document key, reviewer name and note texts are all hostile.
    func hostileStore() throws -> (dir: URL, db: String, key: String, note: String, reviewer: String) {
        let dir = try Bounded.tempDir("export")
        let db = dir.appendingPathComponent("s.sqlite").path
        let article = "Officials said the plan was “disastrous”. " + Self.hostile.joined(separator: " ") + " The end."
        let path = dir.appendingPathComponent("article.txt").path
        try article.write(toFile: path, atomically: true, encoding: .utf8)
        let key = "../../<script>/\"><img onerror=alert(1)>.txt"
        let saved = try CLI.run(["score", "--save", "--db", db, "--key", key, path, "--format", "jsonl"])
        try #require(saved.status == 0, "\(saved.stderr)")
        let note = "Note: " + Self.hostile.joined(separator: " | ")
        let reviewer = "<b>Mara</b> \"&\" </style>"
        let a = try CLI.run(["annotate", key, "--paragraph", "0", "--verdict", "disagree", "--label", "opinion", "--note", note, "--db", db, "--reviewer", reviewer])
        try #require(a.status == 0, "\(a.stderr)")
        let q = try CLI.run(["annotate", key, "--quote", "<script>alert('article')</script>", "--note", "\"><img onerror=x>", "--db", db, "--reviewer", "t"])
        try #require(q.status == 0, "\(q.stderr)")
        return (dir, db, key, note, reviewer)
    }

    @Test func w3cExportEscapesMarkupAndRoundTripsExactly() throws {
        let s = try hostileStore()
        let out = s.dir.appendingPathComponent("notes.jsonld").path
        let r = try CLI.run(["export", "--format", "w3c", "--out", out, "--db", s.db])
        #expect(r.status == 0, "\(r.stderr)")
        let raw = try String(contentsOfFile: out, encoding: .utf8)
        // Not one raw markup character: every <, > and & is a \u escape inside a JSON string.
        for c in ["<", ">", "&", "\u{2028}", "\u{2029}"] { #expect(!raw.contains(c), "raw \(c.debugDescription) in the export") }
        #expect(raw.contains("\\u003cscript\\u003e"))
        // Valid JSON, and every string decodes to exactly what was stored.
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(raw.utf8)) as? [String: Any])
        let items = try #require((doc["first"] as? [String: Any])?["items"] as? [[String: Any]])
        #expect(items.count == 2)
        let bodies = items.flatMap { $0["body"] as? [[String: Any]] ?? [] }
        #expect(bodies.contains { $0["value"] as? String == s.note })
        #expect(bodies.contains { $0["value"] as? String == "opinion" && $0["purpose"] as? String == "tagging" })
        #expect(bodies.contains { $0["value"] as? String == "\"><img onerror=x>" })
        #expect(items.contains { ($0["creator"] as? [String: Any])?["name"] as? String == s.reviewer })
        #expect(items.allSatisfy { ($0["target"] as? [String: Any])?["source"] as? String == s.key })
        let documents = try #require(doc["slant:documents"] as? [[String: Any]])
        let text = try #require((documents.first?["revisions"] as? [[String: Any]])?.first?["text"] as? String)
        for h in Self.hostile { #expect(text.contains(h), "\(h) did not survive") }

        // Import into a fresh store, export again: the same bytes.
        let copy = s.dir.appendingPathComponent("copy.sqlite").path
        let imported = try CLI.run(["import", out, "--db", copy])
        #expect(imported.status == 0, "\(imported.stderr)")
        let again = try CLI.run(["export", "--format", "w3c", "--db", copy])
        #expect(again.status == 0)
        #expect(again.stdout == raw)
        let notes = try CLI.run(["notes", s.key, "--format", "json", "--db", copy])
        #expect(notes.stdout.contains("onerror"), "\(notes.stdout)")
    }

    @Test func outWritesExactlyThatFileAtomically() throws {
        let s = try hostileStore()
        let outDir = try Bounded.tempDir("out")
        let out = outDir.appendingPathComponent("notes.jsonld").path
        try "old contents".write(toFile: out, atomically: false, encoding: .utf8)
        let oldInode = try #require(try FileManager.default.attributesOfItem(atPath: out)[.systemFileNumber] as? Int)
        let r = try CLI.run(["export", "--format", "w3c", "--out", out, "--db", s.db], cwd: s.dir)
        #expect(r.status == 0, "\(r.stderr)")
        // Only that file in its folder (the temporary file was renamed over it), and it is a new inode.
        #expect(try FileManager.default.contentsOfDirectory(atPath: outDir.path) == ["notes.jsonld"])
        let newInode = try #require(try FileManager.default.attributesOfItem(atPath: out)[.systemFileNumber] as? Int)
        #expect(newInode != oldInode, "written in place, not through a temporary file and a rename")
        #expect(try String(contentsOfFile: out, encoding: .utf8).hasPrefix("{"))
        // Nothing was created from the document key ("../../<script>/…", relative to the working folder).
        let allowed: Set<String> = ["article.txt", "s.sqlite", "s.sqlite-shm", "s.sqlite-wal"]
        #expect(Set(try FileManager.default.contentsOfDirectory(atPath: s.dir.path)).isSubset(of: allowed))
        for up in [s.dir.deletingLastPathComponent(), s.dir.deletingLastPathComponent().deletingLastPathComponent()] {
            #expect(!FileManager.default.fileExists(atPath: up.appendingPathComponent("<script>").path))
        }
    }

    @Test func outThroughASymbolicLinkReplacesTheLinkNotItsTarget() throws {
        let s = try hostileStore()
        let dir = try Bounded.tempDir("link")
        let target = dir.appendingPathComponent("elsewhere.txt").path
        try "precious".write(toFile: target, atomically: false, encoding: .utf8)
        let link = dir.appendingPathComponent("notes.jsonl").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
        let r = try CLI.run(["export", "--out", link, "--db", s.db])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "precious")
        #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: link)) == nil, "the link was followed")
        #expect(try String(contentsOfFile: link, encoding: .utf8).contains("slant-annotations"))
    }

    @Test(arguments: ["missing-folder/notes.jsonl", "."])
    func anUnwritableOutIsOneLineAndCreatesNothing(_ relative: String) throws {
        let s = try hostileStore()
        let dir = try Bounded.tempDir("bad-out")
        let out = relative == "." ? dir.path : dir.appendingPathComponent(relative).path
        let r = try CLI.run(["export", "--out", out, "--db", s.db])
        #expect(r.status == 2, "\(r.stderr)")
        #expect(r.stderr.split(separator: "\n").count == 1, "\(r.stderr)")
        #expect(r.stderr.contains(out), "\(r.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty)
    }
}
