import Foundation
import GRDB
import Testing

/// tmux, for testing `slant review` in a real terminal (`make deps` does not need it; CI installs it).
let tmuxPath: String? = ["/usr/bin/tmux", "/usr/local/bin/tmux"].first { FileManager.default.isExecutableFile(atPath: $0) }

/// The annotation store from the command line, run as a reviewer would run it.
@Suite struct StoreCLITests {
    static let article = "Examples/opinion-column.md"

    /// A fresh folder with its own database path.
    func tempDB() throws -> (dir: URL, db: String) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("slant-store-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return (dir, dir.appendingPathComponent("notes.sqlite").path)
    }

    /// A database with the opinion column scored and saved.
    func scored() throws -> String {
        let (_, db) = try tempDB()
        let r = try CLI.run(["score", "--save", "--db", db, Self.article, "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("saved \(Self.article): revision"), "\(r.stderr)")
        return db
    }

    func json(_ text: String) throws -> Any { try JSONSerialization.jsonObject(with: Data(text.utf8)) }

    func findingIds(_ db: String) throws -> [(id: String, rule: String)] {
        let r = try CLI.run(["findings", Self.article, "--db", db])
        #expect(r.status == 0, "\(r.stderr)")
        return r.stdout.split(separator: "\n").dropFirst().map { line in
            let cols = line.split(separator: "\t").map(String.init)
            return (cols[0], cols[3])
        }
    }

    @Test func defaultDatabaseIsCreatedUnderDotSlant() throws {
        let (dir, _) = try tempDB()
        let text = try String(contentsOf: CLI.root.appendingPathComponent(Self.article), encoding: .utf8)
        try text.write(to: dir.appendingPathComponent("column.md"), atomically: true, encoding: .utf8)
        let rubric = CLI.root.appendingPathComponent("Rubrics").path
        let r = try CLI.run(["score", "--save", "column.md", "--rubric", rubric], environment: ["SLANT_DB": ""], cwd: dir)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent(".slant/slant.sqlite").path))
        let n = try CLI.run(["annotate", "column.md", "--paragraph", "2", "--verdict", "agree", "--reviewer", "ana"], environment: ["SLANT_DB": ""], cwd: dir)
        #expect(n.status == 0, "\(n.stderr)")
        // Saving the same text again adds no revision and no run.
        let again = try CLI.run(["score", "--save", "column.md", "--rubric", rubric], environment: ["SLANT_DB": ""], cwd: dir)
        #expect(again.stderr.contains("already scored with this rubric"), "\(again.stderr)")
        #expect(!again.stderr.contains("(new)"), "\(again.stderr)")
    }

    @Test func annotateAndListNotesWithAwkwardText() throws {
        let db = try scored()
        let text = "It's \"loaded\" — isn't it?\nLine two; DROP TABLE notes; --\n\n  indented 🤬👍🏽 東京 \\n literal"
        let a = try CLI.run(["annotate", Self.article, "--paragraph", "2", "--verdict", "agree", "--label", "loaded_language",
                             "--note", text, "--db", db], environment: ["SLANT_REVIEWER": "Zoë O'Neil"])
        #expect(a.status == 0, "\(a.stderr)")
        #expect(a.stdout.contains("Zoë O'Neil: agree [loaded_language] (exact"), "\(a.stdout)")

        let j = try CLI.run(["notes", Self.article, "--format", "json", "--db", db])
        #expect(j.status == 0, "\(j.stderr)")
        let notes = try #require(try json(j.stdout) as? [[String: Any]])
        #expect(notes.count == 1)
        #expect(notes.first?["text"] as? String == text)
        #expect(notes.first?["reviewer"] as? String == "Zoë O'Neil")
        #expect((notes.first?["anchor"] as? [String: Any])?["status"] as? String == "exact")

        let t = try CLI.run(["notes", "--db", db])
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            #expect(t.stdout.contains("    " + line + "\n"), "line \(line) shown as written in:\n\(t.stdout)")
        }
        // Only this reviewer's notes.
        let none = try CLI.run(["notes", "--reviewer", "somebody-else", "--format", "json", "--db", db])
        #expect((try json(none.stdout) as? [Any])?.isEmpty == true)
    }

    @Test func targetsAndUsageErrorsExitTwo() throws {
        let db = try scored()
        let cases: [[String]] = [
            ["annotate", Self.article, "--verdict", "agree"],                                   // no target
            ["annotate", Self.article, "--paragraph", "1", "--quote", "x", "--verdict", "agree"], // two targets
            ["annotate", Self.article, "--paragraph", "999", "--verdict", "agree"],
            ["annotate", Self.article, "--finding", "999999", "--verdict", "agree"],
            ["annotate", Self.article, "--quote", "words not in the article", "--verdict", "agree"],
            ["annotate", Self.article, "--paragraph", "2", "--verdict", "maybe"],
            ["annotate", Self.article, "--paragraph", "2", "--verdict", "agree", "--label", "spin"],
            ["annotate", "Examples/unknown.md", "--paragraph", "2", "--verdict", "agree"],
        ]
        for args in cases {
            let r = try CLI.run(args + ["--db", db, "--reviewer", "x"])
            #expect(r.status == 2, "\(args): \(r.stdout)")
            #expect(r.stderr.hasPrefix("slant: "), "\(args): \(r.stderr)")
        }
        let notes = try CLI.run(["notes", "--format", "json", "--db", db])
        #expect((try json(notes.stdout) as? [Any])?.isEmpty == true, "nothing was written")
        let missing = try CLI.run(["notes", "--db", db + ".typo"])
        #expect(missing.status == 2 && missing.stderr.contains("no annotation store"))
        #expect(!FileManager.default.fileExists(atPath: db + ".typo"))
    }

    @Test func findingAndQuoteNotesAndAgreement() throws {
        let db = try scored()
        let ids = try findingIds(db)
        try #require(ids.count >= 3)
        func annotate(_ args: [String], _ reviewer: String) throws {
            let r = try CLI.run(["annotate", Self.article] + args + ["--db", db, "--reviewer", reviewer])
            #expect(r.status == 0, "\(args): \(r.stderr)")
        }
        for (p, a, b) in [(2, "agree", "agree"), (4, "agree", "disagree"), (6, "disagree", "disagree"), (8, "agree", "agree")] {
            try annotate(["--paragraph", "\(p)", "--verdict", a], "ana")
            try annotate(["--paragraph", "\(p)", "--verdict", b], "ben")
        }
        try annotate(["--finding", ids[0].id, "--verdict", "disagree"], "ana")
        try annotate(["--finding", ids[0].id, "--verdict", "disagree"], "ben")
        try annotate(["--finding", ids[1].id, "--verdict", "agree"], "ana")
        try annotate(["--quote", "disastrous", "--note", "why so strong?"], "ben")

        let r = try CLI.run(["agreement", "--db", db])
        #expect(r.status == 0, "\(r.stderr)")
        // 4 paragraphs, 3 agreeing: pₒ = 0.75; ana agree 3/4, ben agree 2/4: pₑ = 0.75·0.5 + 0.25·0.5 = 0.5; κ = 0.5.
        #expect(r.stdout.contains("Cohen's kappa ana × ben: 0.50 over 4 shared paragraphs"), "\(r.stdout)")
        #expect(r.stdout.contains("Krippendorff's alpha (nominal, all reviewers): "), "\(r.stdout)")
        let ruleLine = try #require(r.stdout.split(separator: "\n").first { $0.contains(" \(ids[0].rule) ") || $0.hasSuffix(ids[0].rule) || $0.contains("  \(ids[0].rule)  ") })
        #expect(ruleLine.contains("disagree 2"), "\(ruleLine)")
        let notes = try CLI.run(["notes", Self.article, "--db", db])
        #expect(notes.stdout.contains("finding \(ids[0].rule)"), "\(notes.stdout)")
        #expect(notes.stdout.contains("quote «disastrous» — ben: comment"), "\(notes.stdout)")
    }

    @Test(arguments: ["jsonl", "w3c"])
    func exportImportRoundTrip(format: String) throws {
        let db = try scored()
        for (p, who) in [(2, "ana"), (3, "ben")] {
            let r = try CLI.run(["annotate", Self.article, "--paragraph", "\(p)", "--verdict", "agree", "--note", "“quoted”\nand 🤬", "--db", db, "--reviewer", who])
            #expect(r.status == 0, "\(r.stderr)")
        }
        let (dir, copy) = try tempDB()
        let file = dir.appendingPathComponent("export.\(format)").path
        let e = try CLI.run(["export", "--format", format, "--out", file, "--db", db])
        #expect(e.status == 0, "\(e.stderr)")
        let i = try CLI.run(["import", file, "--db", copy])
        #expect(i.status == 0, "\(i.stderr)")
        #expect(i.stdout.contains("2 notes added"), "\(i.stdout)")
        let first = try CLI.run(["export", "--format", format, "--db", db])
        let second = try CLI.run(["export", "--format", format, "--db", copy])
        #expect(!first.stdout.isEmpty)
        #expect(first.stdout == second.stdout)
        let notesA = try CLI.run(["notes", "--format", "json", "--db", db]).stdout
        let notesB = try CLI.run(["notes", "--format", "json", "--db", copy]).stdout
        // Same notes apart from row ids.
        let strip = { (s: String) in s.split(separator: "\n").filter { !$0.contains("\"id\" :") }.joined(separator: "\n") }
        #expect(strip(notesA) == strip(notesB))
        // A second import changes nothing.
        let again = try CLI.run(["import", file, "--db", copy])
        #expect(again.stdout.contains("0 notes added, 0 updated, 2 already present"), "\(again.stdout)")
    }

    @Test func twoProcessesWriting200NotesLoseNone() async throws {
        let db = try scored()
        let results = await withTaskGroup(of: [Int32].self) { group in
            for writer in ["ana", "ben"] {
                group.addTask {
                    (0..<100).map { i in
                        let r = try? CLI.run(["annotate", Self.article, "--paragraph", "\(2 + i % 6)", "--verdict", "agree",
                                              "--note", "\(writer) \(i)", "--db", db, "--reviewer", "\(writer)-\(i)"])
                        return r?.status ?? -1
                    }
                }
            }
            var all: [Int32] = []
            for await statuses in group { all += statuses }
            return all
        }
        #expect(results.count == 200)
        #expect(results.allSatisfy { $0 == 0 }, "\(results.filter { $0 != 0 }.count) failed")
        let notes = try #require(try json(CLI.run(["notes", "--format", "json", "--db", db]).stdout) as? [[String: Any]])
        #expect(notes.count == 200)
        #expect(Set(notes.compactMap { $0["text"] as? String }).count == 200)
    }

    @Test func garbageDatabaseExitsTwoAndIsLeftUntouched() throws {
        let (dir, db) = try tempDB()
        let export = dir.appendingPathComponent("empty.jsonl").path
        try "{\"format\":\"slant-annotations\",\"generator\":\"t\",\"type\":\"header\",\"version\":1}\n".write(toFile: export, atomically: true, encoding: .utf8)
        let garbage = Data((0..<3000).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) })
        try garbage.write(to: URL(fileURLWithPath: db))
        for args in [["notes"], ["score", "--save", Self.article], ["annotate", Self.article, "--paragraph", "2", "--verdict", "agree"], ["import", export]] {
            let r = try CLI.run(args + ["--db", db])
            #expect(r.status == 2, "\(args)")
            #expect(r.stderr.contains("not a SQLite database"), "\(args): \(r.stderr)")
            #expect(r.stderr.split(separator: "\n").count == 1, "one line: \(r.stderr)")
            #expect(FileManager.default.contents(atPath: db) == garbage)
        }
    }

    @Test func lockedDatabaseExitsTwoAndIsLeftUntouched() throws {
        let db = try scored()
        let before = FileManager.default.contents(atPath: db)
        let holder = try DatabaseQueue(path: db)
        try holder.writeWithoutTransaction { conn in
            try conn.execute(sql: "BEGIN EXCLUSIVE")
            defer { try? conn.execute(sql: "ROLLBACK") }
            try conn.execute(sql: "INSERT INTO reviewers (name) VALUES ('holder')")
            let r = try CLI.run(["annotate", Self.article, "--paragraph", "2", "--verdict", "agree", "--db", db, "--reviewer", "ana"],
                                environment: ["SLANT_BUSY_TIMEOUT": "0.5"])
            #expect(r.status == 2)
            #expect(r.stderr.contains("locked"), "\(r.stderr)")
            #expect(r.stderr.split(separator: "\n").count == 1, "\(r.stderr)")
        }
        try holder.close()
        #expect(FileManager.default.contents(atPath: db) == before)
        let notes = try CLI.run(["notes", "--format", "json", "--db", db])
        #expect((try json(notes.stdout) as? [Any])?.isEmpty == true)
    }

    // MARK: slant review

    @Test func reviewRefusesWithoutATerminal() throws {
        let db = try scored()
        let r = try CLI.run(["review", Self.article, "--db", db, "--reviewer", "ana"], stdin: "a\na\n")
        #expect(r.status == 2)
        #expect(r.stderr.contains("not a terminal"), "\(r.stderr)")
        let notes = try CLI.run(["notes", "--format", "json", "--db", db])
        #expect((try json(notes.stdout) as? [Any])?.isEmpty == true)
    }


    /// Runs tmux with arguments and returns what it printed.
    /// Each test run uses its own tmux server (`-L`), so other sessions are never touched.
    static let tmuxSocket = "slant-test-\(UUID().uuidString.prefix(8))"

    /// Output goes through a file, not a pipe: the tmux server forked by the first
    /// command would inherit a pipe and keep it open, so reading it would never end.
    @discardableResult
    func tmux(_ args: [String]) throws -> String {
        let p = Process()
        // Two things a forked tmux server must not inherit from the test process: its
        // signal mask (most signals blocked, so the server would never see SIGCHLD or
        // SIGTERM and hang) and open descriptors (Foundation watches each child through
        // one, so waiting for the tmux client would last as long as the server). perl
        // (always on Debian) clears the mask and closes descriptors above 2, then runs tmux.
        p.executableURL = URL(fileURLWithPath: "/usr/bin/perl")
        p.arguments = ["-e", "use POSIX; sigprocmask(SIG_SETMASK, POSIX::SigSet->new); POSIX::close($_) for 3..1023; exec @ARGV or die",
                       tmuxPath!, "-L", Self.tmuxSocket] + args
        let capture = args.first == "capture-pane"
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("tmux-\(UUID().uuidString)")
        if capture {
            FileManager.default.createFile(atPath: file.path, contents: nil)
            p.standardOutput = try FileHandle(forWritingTo: file)
        } else {
            p.standardOutput = FileHandle.nullDevice
        }
        p.standardError = FileHandle.nullDevice
        p.standardInput = FileHandle.nullDevice
        try p.run()
        p.waitUntilExit()
        guard capture else { return "" }
        defer { try? FileManager.default.removeItem(at: file) }
        return (try? String(contentsOf: file, encoding: .utf8)) ?? ""
    }

    /// Waits until the pane shows `text` (or 20 s pass), returning the pane.
    func waitFor(_ text: String, session: String, occurrences: Int = 1) throws -> String {
        var pane = ""
        for _ in 0..<200 {
            pane = try tmux(["capture-pane", "-p", "-S", "-2000", "-t", session])
            if pane.components(separatedBy: text).count - 1 >= occurrences { return pane }
            Thread.sleep(forTimeInterval: 0.1)
        }
        Issue.record("timed out waiting for \(text) in:\n\(pane)")
        return pane
    }

    /// A real terminal: tmux runs `slant review`, keys are sent one by one, and a second
    /// session resumes after the items the first one judged.
    @Test(.enabled(if: tmuxPath != nil, "tmux is not installed (apt-get install -y tmux)"))
    func reviewInATerminalRecordsVerdictsAndResumes() throws {
        let db = try scored()
        let session = "slant-review-\(UUID().uuidString.prefix(8))"
        let command = "cd \(CLI.root.path) && NO_COLOR=1 \(CLI.binary.path) review \(Self.article) --db \(db) --reviewer tess; echo EXIT=$?; sleep 60"
        try tmux(["new-session", "-d", "-s", session, "-x", "160", "-y", "50", command])
        defer { _ = try? tmux(["kill-server"]) }
        _ = try waitFor("[q]uit >", session: session)
        try tmux(["send-keys", "-t", session, "a"])
        _ = try waitFor("[q]uit >", session: session, occurrences: 2)
        try tmux(["send-keys", "-t", session, "d"])
        _ = try waitFor("[q]uit >", session: session, occurrences: 3)
        try tmux(["send-keys", "-t", session, "n"])
        _ = try waitFor("note (one line", session: session)
        try tmux(["send-keys", "-t", session, "-l", "typed in tmux 👍🏽"])
        try tmux(["send-keys", "-t", session, "Enter"])
        _ = try waitFor("note saved", session: session)
        try tmux(["send-keys", "-t", session, "q"])
        let pane = try waitFor("EXIT=", session: session)
        #expect(pane.contains("EXIT=0"), "\(pane)")
        #expect(pane.contains("2 verdicts recorded for tess"), "\(pane)")
        #expect(pane.contains("item 1 of"), "\(pane)")

        let notes = try #require(try json(CLI.run(["notes", "--format", "json", "--db", db, "--reviewer", "tess"]).stdout) as? [[String: Any]])
        #expect(notes.count == 3, "\(notes)")
        #expect(Set(notes.compactMap { $0["verdict"] as? String }) == ["agree", "disagree"])
        #expect(notes.contains { $0["text"] as? String == "typed in tmux 👍🏽" })

        // Resume: the two judged items are skipped, so the first item shown is the third.
        try tmux(["kill-session", "-t", session])
        try tmux(["new-session", "-d", "-s", session, "-x", "160", "-y", "50", command])
        let resumed = try waitFor("[q]uit >", session: session)
        #expect(resumed.contains("item 3 of"), "\(resumed)")
        #expect(!resumed.contains("item 1 of"), "\(resumed)")
        try tmux(["send-keys", "-t", session, "q"])
        _ = try waitFor("EXIT=0", session: session)
    }
}
