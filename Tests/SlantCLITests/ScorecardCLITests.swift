import Foundation
import Testing
import SlantReport

/// A program on PATH, or nil.
func onPath(_ name: String) -> String? {
    let dirs = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
    return dirs.map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
}

let chromiumPath: String? = ["chromium", "chromium-browser", "google-chrome"].lazy.compactMap(onPath).first
let python3Path: String? = onPath("python3")
let scriptPath: String? = onPath("script")

/// `slant scorecard` run as a user would run it: every format, the store, errors,
/// corpus reports, Ctrl-C, the committed scorecards and a real browser.
@Suite struct ScorecardCLITests {
    static let article = "Examples/opinion-column.md"
    static let payloads = ["<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "</style>"]

    func tempDir() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("slant-scorecard-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    func object(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any], "not JSON: \(text.prefix(300))",
                     sourceLocation: sourceLocation)
    }

    /// A store with the opinion column saved and the reviewed example notes imported.
    func reviewedStore() throws -> String {
        let db = try tempDir().appendingPathComponent("notes.sqlite").path
        let s = try CLI.run(["score", "--save", "--db", db, Self.article])
        #expect(s.status == 0, "\(s.stderr)")
        let i = try CLI.run(["import", "--db", db, "Annotations/examples.jsonl"])
        #expect(i.status == 0, "\(i.stderr)")
        return db
    }

    /// Environment in which no store exists (so none may be created).
    func noStore(_ dir: URL) -> [String: String] { ["SLANT_DB": dir.appendingPathComponent("absent/slant.sqlite").path] }

    // MARK: one article

    @Test func textScorecardOfAFile() throws {
        let dir = try tempDir()
        let r = try CLI.run(["scorecard", Self.article], environment: noStore(dir))
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.hasPrefix("Scorecard: Carrow Bay’s Bridge Fiasco"), "\(r.stdout.prefix(200))")
        #expect(r.stdout.contains("Examples/opinion-column.md · "))
        #expect(r.stdout.contains("Editorializing index "))
        for label in ["flagged", "sourcing", "attributions", "scare quotes"] { #expect(r.stdout.contains("\n  \(label) "), "\(label)") }
        #expect(r.stdout.contains("reviewers     no reviewer notes (no annotation store)"))
        #expect(r.stdout.contains("Flagged paragraphs, worst first\n"))
        #expect(r.stdout.contains("Reproduce: rubric slant-default "))
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("absent").path), "no store was created")
    }

    @Test func jsonScorecardAgreesWithScore() throws {
        let dir = try tempDir()
        let r = try CLI.run(["scorecard", Self.article, "--format", "json"], environment: noStore(dir))
        #expect(r.status == 0, "\(r.stderr)")
        let card = try object(r.stdout)
        let score = try object(try CLI.run(["score", Self.article, "--format", "json"]).stdout)
        let scored = try #require((score["articles"] as? [[String: Any]])?.first)
        #expect((card["rubric"] as? [String: String]) == (score["rubric"] as? [String: String]), "same rubric identity")
        #expect(card["editorializing"] as? Double == (scored["scores"] as? [String: Any])?["editorializing"] as? Double)
        #expect(card["sha256"] as? String == scored["sha256"] as? String)
        #expect(card["flagged_paragraphs"] as? Int == scored["flagged_paragraphs"] as? Int)
        let version = try CLI.run(["--version"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(card["slant_version"] as? String == version)
        let flagged = try #require(card["flagged"] as? [[String: Any]])
        #expect(!flagged.isEmpty)
        let indexes = flagged.compactMap { $0["editorializing"] as? Double }
        #expect(indexes == indexes.sorted(by: >), "worst first")
        #expect(flagged.allSatisfy { ($0["findings"] as? [Any])?.isEmpty == false })
        #expect(card["reviews"] is NSNull)
        #expect(card["reviews_unavailable"] as? String == "no annotation store")
        let bands = try #require(card["bands"] as? [[String: Any]])
        #expect(bands.first { $0["name"] as? String == "editorializing" }?["from"] as? Double == card["flag_threshold"] as? Double)
    }

    @Test func markdownScorecardWithReviewerNotes() throws {
        let db = try reviewedStore()
        let r = try CLI.run(["scorecard", Self.article, "--format", "markdown", "--db", db])
        #expect(r.status == 0, "\(r.stderr)")
        let md = r.stdout
        #expect(md.hasPrefix(ScorecardMarkdown.marker + "\n# Scorecard: Carrow Bay’s Bridge Fiasco"))
        for heading in ["\n## Families\n", "\n## Flagged paragraphs, worst first\n", "\n## Reproduce\n"] { #expect(md.contains(heading), "\(heading)") }
        #expect(md.contains("| loaded_language | "))
        #expect(md.contains("Mara Lind") && md.contains("Tomás Reyes"))
        #expect(md.contains("reviewers agreed with "))
        #expect(md.contains("\n### ¶"))
        #expect(!md.contains(db) && !md.contains(CLI.root.path), "no absolute paths")
        #expect(r.stdout == (try CLI.run(["scorecard", Self.article, "--format", "markdown", "--db", db])).stdout, "deterministic")

        let j = try object(try CLI.run(["scorecard", Self.article, "--format", "json", "--db", db]).stdout)
        let reviews = try #require(j["reviews"] as? [String: Any])
        #expect(reviews["reviewers"] as? [String] == ["Mara Lind", "Tomás Reyes"])
        let notes = try #require(try JSONSerialization.jsonObject(with: Data(CLI.run(["notes", Self.article, "--format", "json", "--db", db]).stdout.utf8)) as? [Any])
        #expect((reviews["notes"] as? [Any])?.count == notes.count, "every note of the document")
        #expect((reviews["findings_judged"] as? Int ?? 0) > 0)
    }

    @Test func htmlScorecardIsOneSelfContainedPage() throws {
        let db = try reviewedStore()
        let r = try CLI.run(["scorecard", Self.article, "--format", "html", "--db", db])
        #expect(r.status == 0, "\(r.stderr)")
        let html = r.stdout
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("name=\"viewport\""))
        #expect(html.contains("@media print"))
        #expect(!html.contains("<script") && !html.contains("<link") && !html.contains("src="))
        #expect(html.contains("class=\"hl a-loaded_language"))
        #expect(html.contains("<div class=\"notes\">") && html.contains("Mara Lind"))
        #expect(html.contains("class=\"gauge b"), "index bars down the margin")
        #expect(html.contains("<meta name=\"slant-highlights\" content=\"loaded_language=#"))
    }

    // MARK: escaping

    @Test func hostileArticleAndNoteAreEscapedInHTMLAndMarkdown() throws {
        let dir = try tempDir()
        let file = dir.appendingPathComponent("hostile.txt")
        let text = """
        Hostile \(Self.payloads[0]) headline text.

        The shameful \(Self.payloads[1]) plan and \(Self.payloads[2]) broke everything, critics say, in a disastrous week.
        """
        try text.write(to: file, atomically: true, encoding: .utf8)
        let db = dir.appendingPathComponent("s.sqlite").path
        #expect(try CLI.run(["score", "--save", "--db", db, "hostile.txt"], cwd: dir).status == 0)
        let note = "Payloads: " + Self.payloads.joined(separator: "\n")
        let a = try CLI.run(["annotate", "hostile.txt", "--quote", "</style>", "--verdict", "agree", "--note", note,
                             "--reviewer", "Eve <b>\"x\"</b>", "--db", db], cwd: dir)
        #expect(a.status == 0, "\(a.stderr)")
        let h = try CLI.run(["scorecard", "hostile.txt", "--format", "html", "--db", db], cwd: dir)
        #expect(h.status == 0, "\(h.stderr)")
        let html = h.stdout
        #expect(!html.contains("<script"), "no script element, escaped or not")
        #expect(!html.contains("<img"))
        #expect(!html.contains("Eve <b>"), "the reviewer's name is text too")
        #expect(html.components(separatedBy: "</style>").count == 2, "only the stylesheet's own </style>")
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"))
        #expect(html.contains("&lt;/style&gt;"))
        #expect(html.contains("<div class=\"ntext\" dir=\"auto\">Payloads: &lt;script&gt;alert(1)&lt;/script&gt;\n&quot;&gt;&lt;img src=x onerror=alert(1)&gt;\n&lt;/style&gt;</div>"),
                "the note, escaped, beside its paragraph")
        #expect(html.contains("Eve &lt;b&gt;&quot;x&quot;&lt;/b&gt;"))

        let md = try CLI.run(["scorecard", "hostile.txt", "--format", "markdown", "--db", db], cwd: dir).stdout
        for raw in Self.payloads + ["Eve <b>"] { #expect(!md.contains(raw), "\(raw) unescaped in Markdown") }
        #expect(md.contains("&lt;script&gt;"))
    }

    // MARK: the store

    @Test func documentKeyScoresTheStoredRevision() throws {
        let dir = try tempDir()
        let file = dir.appendingPathComponent("column.md")
        try FileManager.default.copyItem(at: CLI.root.appendingPathComponent(Self.article), to: file)
        let db = dir.appendingPathComponent("s.sqlite").path
        #expect(try CLI.run(["score", "--save", "--key", "columns/bridge", "--db", db, "column.md"], cwd: dir).status == 0)
        #expect(try CLI.run(["annotate", "columns/bridge", "--paragraph", "2", "--verdict", "agree", "--note", "Stored.",
                             "--reviewer", "Ana", "--db", db], cwd: dir).status == 0)
        try FileManager.default.removeItem(at: file)
        let r = try CLI.run(["scorecard", "columns/bridge", "--db", db, "--format", "json"], cwd: dir)
        #expect(r.status == 0, "\(r.stderr)")
        let card = try object(r.stdout)
        #expect(card["source"] as? String == "columns/bridge")
        #expect((card["words"] as? Int ?? 0) > 400)
        let notes = try #require((card["reviews"] as? [String: Any])?["notes"] as? [[String: Any]])
        #expect(notes.map { $0["text"] as? String } == ["Stored."])
        #expect(notes.first?["anchor"] as? String == "exact")
    }

    @Test func notesFollowAnEditedFileWithoutTouchingTheStore() throws {
        let dir = try tempDir()
        let file = dir.appendingPathComponent("column.md")
        let original = try String(contentsOf: CLI.root.appendingPathComponent(Self.article), encoding: .utf8)
        try original.write(to: file, atomically: true, encoding: .utf8)
        let db = dir.appendingPathComponent("s.sqlite").path
        #expect(try CLI.run(["score", "--save", "--db", db, "column.md"], cwd: dir).status == 0)
        #expect(try CLI.run(["annotate", "column.md", "--quote", "Crime has doubled", "--note", "Source?", "--reviewer", "Ana", "--db", db], cwd: dir).status == 0)
        let before = try CLI.run(["notes", "column.md", "--format", "json", "--db", db], cwd: dir).stdout
        let oldStart = try #require((try JSONSerialization.jsonObject(with: Data(before.utf8)) as? [[String: Any]])?.first?["position"] as? [String: Int])["start"]

        // An editor adds a paragraph near the top; the note's text moves down.
        let edited = original.replacingOccurrences(of: "Let’s start with the money.", with: "An editor’s note: this column was updated on Friday.\n\nLet’s start with the money.")
        try edited.write(to: file, atomically: true, encoding: .utf8)
        let r = try CLI.run(["scorecard", "column.md", "--format", "json", "--db", db], cwd: dir)
        #expect(r.status == 0, "\(r.stderr)")
        let notes = try #require((try object(r.stdout)["reviews"] as? [String: Any])?["notes"] as? [[String: Any]])
        let note = try #require(notes.first)
        #expect(note["anchor"] as? String == "moved")
        #expect((note["start"] as? Int ?? 0) > (oldStart ?? .max))
        #expect(note["quote"] as? String == "Crime has doubled")
        #expect(try CLI.run(["notes", "column.md", "--format", "json", "--db", db], cwd: dir).stdout == before, "the store is read, never written")
    }

    @Test func neverCreatesAStoreAndWritesOutAtomically() throws {
        let dir = try tempDir()
        try FileManager.default.copyItem(at: CLI.root.appendingPathComponent(Self.article), to: dir.appendingPathComponent("column.md"))
        let r = try CLI.run(["scorecard", "column.md", "--format", "html", "--out", "card.html"], environment: ["SLANT_DB": ""], cwd: dir)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.isEmpty)
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
        #expect(files == ["card.html", "column.md"], "no .slant folder, no temporary file: \(files)")
        let html = try String(contentsOf: dir.appendingPathComponent("card.html"), encoding: .utf8)
        #expect(html.hasSuffix("</html>\n"))
        #expect(html.contains("no reviewer notes (no annotation store)"))
    }

    @Test func inputErrorsExitTwoWithOneLine() throws {
        let dir = try tempDir()
        let cases: [([String], String)] = [
            (["scorecard", "no-such-article.md"], "no-such-article.md: no such file"),
            (["scorecard", "Examples"], "use --corpus"),
            (["scorecard", Self.article, "--format", "csv"], "csv is for --corpus"),
            (["scorecard", "--corpus", "Examples", "--format", "markdown"], "--corpus writes text, csv, json or html"),
            (["scorecard", Self.article, "Examples/wire-report.txt"], "use --corpus"),
            (["scorecard", Self.article, "--db", dir.appendingPathComponent("typo.sqlite").path], "no annotation store yet"),
            (["scorecard", Self.article, "--out", dir.appendingPathComponent("missing/dir/card.md").path], "cannot write"),
            (["scorecard"], "give an article file or a document key"),
        ]
        for (args, message) in cases {
            let r = try CLI.run(args, environment: noStore(dir))
            #expect(r.status == 2, "\(args): \(r.status) \(r.stderr)")
            #expect(r.stderr.contains(message), "\(args): \(r.stderr)")
            #expect(!r.stderr.contains("Fatal error") && !r.stderr.contains("Stack dump"))
        }
        let db = try reviewedStore()
        let unknown = try CLI.run(["scorecard", "not/a/key", "--db", db])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("not/a/key: no such file, and no document with this key in \(db)"), "\(unknown.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("typo.sqlite").path))
    }

    // MARK: corpus

    @Test func corpusCSVIsSortedQuotedAndQuietWhenPiped() throws {
        let dir = try tempDir()
        for name in ["wire-report.txt", "opinion-column.md"] {
            try FileManager.default.copyItem(at: CLI.root.appendingPathComponent("Examples/\(name)"), to: dir.appendingPathComponent(name))
        }
        try "Budget, \"final\" version\n\nThe council approved the budget on Tuesday, the clerk said.\n"
            .write(to: dir.appendingPathComponent("budget.txt"), atomically: true, encoding: .utf8)
        let r = try CLI.run(["scorecard", "--corpus", dir.path, "--format", "csv"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.isEmpty, "no progress bar when stderr is not a terminal: \(r.stderr.debugDescription)")
        let records = r.stdout.components(separatedBy: "\r\n").dropLast()
        #expect(r.stdout.hasSuffix("\r\n"))
        #expect(records.first?.hasPrefix("row,rank,source,title,words,editorializing,band,") == true)
        #expect(records.count == 5, "header, three articles, total: \(records)")
        #expect(records.last?.hasPrefix("total,") == true)
        #expect(records.contains { $0.contains(",\"Budget, \"\"final\"\" version\",") }, "RFC 4180 quoting: \(records)")
        let order = records.dropFirst().dropLast().map { line in ["opinion-column.md", "wire-report.txt", "budget.txt"].first { line.contains($0) } ?? "?" }
        #expect(order.first == "opinion-column.md", "highest index first: \(order)")
    }

    @Test(arguments: ["text", "json", "html"])
    func corpusFormatsOverTheExamples(_ format: String) throws {
        let r = try CLI.run(["scorecard", "--corpus", "Examples/", "--format", format])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.isEmpty)
        let names = ["international-brief.txt", "opinion-column.md", "scraped-page.html", "wire-report.txt"]
        for n in names { #expect(r.stdout.contains("Examples/\(n)"), "\(n) in \(format)") }
        switch format {
        case "json":
            let doc = try object(r.stdout)
            let articles = try #require(doc["articles"] as? [[String: Any]])
            #expect(articles.count == 4)
            let indexes = articles.compactMap { $0["editorializing"] as? Double }
            #expect(indexes == indexes.sorted(by: >))
            let totals = try #require(doc["totals"] as? [String: Any])
            #expect(totals["articles"] as? Int == 4)
            #expect((totals["bands"] as? [String: Int])?.values.reduce(0, +) == 4)
            #expect(totals["median"] is NSNumber && totals["mean"] is NSNumber)
            #expect(articles.allSatisfy { $0["sourced_share"] != nil && $0["anonymous_share"] != nil && $0["title"] != nil })
        case "text":
            #expect(r.stdout.hasPrefix("Corpus: 4 articles, "))
            #expect(r.stdout.contains("  index: mean "))
            #expect(r.stdout.contains("  bands: neutral "))
        default:
            #expect(r.stdout.hasPrefix("<!DOCTYPE html>"))
            #expect(!r.stdout.contains("<script"))
        }
    }

    @Test func corpusReportsUnreadableFilesAndScoresTheRest() throws {
        let dir = try tempDir()
        try FileManager.default.copyItem(at: CLI.root.appendingPathComponent("Examples/wire-report.txt"), to: dir.appendingPathComponent("wire.txt"))
        try Data([0x41, 0x00, 0x42]).write(to: dir.appendingPathComponent("binary.txt"))
        let out = dir.appendingPathComponent("report.json")
        let r = try CLI.run(["scorecard", "--corpus", dir.path, dir.appendingPathComponent("missing.txt").path, "--format", "json", "--out", out.path])
        #expect(r.status == 2)
        #expect(r.stderr.contains("binary.txt: looks like a binary file"))
        #expect(r.stderr.contains("missing.txt: no such file"))
        let doc = try object(try String(contentsOf: out, encoding: .utf8))
        #expect((doc["articles"] as? [Any])?.count == 1)
        #expect((doc["failures"] as? [String])?.count == 2)
    }

    /// Copies of the examples, enough for a run that lasts a while in a debug build.
    func bigCorpus(_ copies: Int) throws -> URL {
        let dir = try tempDir()
        let corpus = dir.appendingPathComponent("corpus")
        try FileManager.default.createDirectory(at: corpus, withIntermediateDirectories: true)
        let text = try Data(contentsOf: CLI.root.appendingPathComponent(Self.article))
        for i in 0..<copies { try text.write(to: corpus.appendingPathComponent("a\(i).md")) }
        return dir
    }

    @Test(.enabled(if: scriptPath != nil, "script (util-linux) is not installed"))
    func progressBarOnlyOnATerminal() throws {
        let dir = try bigCorpus(40)
        let out = dir.appendingPathComponent("out.csv").path
        let command = [CLI.binary.path, "scorecard", "--corpus", dir.appendingPathComponent("corpus").path, "--format", "csv", "--out", out]
            .map { "'\($0)'" }.joined(separator: " ")
        let r = try CLI.run(["-qec", command, "/dev/null"], executable: scriptPath!)
        #expect(r.status == 0, "\(r.stdout)")
        #expect(r.stdout.contains("/40 articles ("), "a progress bar on the terminal: \(r.stdout.debugDescription.prefix(300))")
        #expect(r.stdout.hasSuffix("\r\u{1B}[K") || r.stdout.contains("\r\u{1B}[K"), "cleared at the end")
        #expect(FileManager.default.fileExists(atPath: out))
        let piped = try CLI.run(["scorecard", "--corpus", dir.appendingPathComponent("corpus").path, "--format", "csv", "--out", out])
        #expect(piped.stderr.isEmpty)
    }

    @Test func ctrlCLeavesNothingHalfWritten() throws {
        let dir = try bigCorpus(400)
        let out = dir.appendingPathComponent("report.csv")
        let p = Process()
        p.executableURL = CLI.binary
        p.arguments = ["scorecard", "--corpus", dir.appendingPathComponent("corpus").path, "--format", "csv", "--out", out.path]
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        Thread.sleep(forTimeInterval: 0.8)
        #expect(p.isRunning, "the run should still be scoring")
        kill(p.processIdentifier, SIGINT)
        p.waitUntilExit()
        #expect(p.terminationReason == .exit && p.terminationStatus == 130, "\(p.terminationReason) \(p.terminationStatus)")
        let left = try FileManager.default.contentsOfDirectory(atPath: dir.path)
        #expect(left == ["corpus"], "no report and no temporary file: \(left)")
    }

    // MARK: committed scorecards and the browser

    /// Examples/scorecards/*.md must be what `make demo` writes now (regenerate with `make demo`).
    @Test func committedScorecardsAreCurrent() throws {
        let dir = try tempDir()
        let db = dir.appendingPathComponent("demo.sqlite").path
        #expect(try CLI.run(["score", "--save", "--db", db, "Examples/"]).status == 0)
        #expect(try CLI.run(["import", "--db", db, "Annotations/examples.jsonl"]).status == 0)
        let examples = try FileManager.default.contentsOfDirectory(atPath: CLI.root.appendingPathComponent("Examples").path)
            .filter { ["txt", "md", "html"].contains(($0 as NSString).pathExtension) && $0 != "README.md" }.sorted()
        #expect(examples.count == 4)
        let committedDir = CLI.root.appendingPathComponent("Examples/scorecards")
        let committed = (try? FileManager.default.contentsOfDirectory(atPath: committedDir.path).sorted()) ?? []
        #expect(committed == examples.map { $0 + ".md" }, "one scorecard per example, nothing else")
        for name in examples {
            let r = try CLI.run(["scorecard", "Examples/\(name)", "--db", db, "--format", "markdown"])
            #expect(r.status == 0, "\(r.stderr)")
            let file = committedDir.appendingPathComponent(name + ".md")
            let current = (try? String(contentsOf: file, encoding: .utf8)) ?? "(missing)"
            if current != r.stdout {
                Issue.record("Examples/scorecards/\(name).md is stale (\(Self.firstDifference(current, r.stdout))): run `make demo` to regenerate it")
            }
        }
    }

    /// "line N: committed «…» vs now «…»", short enough to read in a test log.
    static func firstDifference(_ a: String, _ b: String) -> String {
        let la = a.components(separatedBy: "\n"), lb = b.components(separatedBy: "\n")
        let i = zip(la, lb).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(la.count, lb.count)
        let line = { (lines: [String]) in i < lines.count ? String(lines[i].prefix(100)) : "(end of file)" }
        return "line \(i + 1): committed «\(line(la))» vs now «\(line(lb))»"
    }

    @Test(.enabled(if: chromiumPath != nil && python3Path != nil, "chromium or python3 is not installed (make deps installs chromium); screenshot check skipped"))
    func screenshotShowsEveryFamilysHighlight() throws {
        let out = try tempDir().appendingPathComponent("scorecard.png")
        let r = try CLI.run([CLI.root.appendingPathComponent("scripts/scorecard-screenshot.sh").path, CLI.binary.path, out.path],
                            executable: "/bin/bash")
        #expect(r.status == 0, "\(r.stdout)\n\(r.stderr)")
        #expect(r.stdout.contains("families highlighted in the 1200x1600 screenshot"), "\(r.stdout)")
        #expect(FileManager.default.fileExists(atPath: out.path))
    }
}

extension CLI {
    /// Runs another program (a script, `script`) from the package root. Output goes
    /// through files, not pipes, so a grandchild that keeps a descriptor open (a browser's
    /// helper processes) cannot make the wait last forever; the test process's signal
    /// mask (most signals blocked) is cleared first through perl, as the tmux tests do.
    static func run(_ arguments: [String], executable: String) throws -> CLIResult {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("slant-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("out"), err = dir.appendingPathComponent("err")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        _ = FileManager.default.createFile(atPath: err.path, contents: nil)
        let p = Process()
        let perl = "/usr/bin/perl"
        if FileManager.default.isExecutableFile(atPath: perl) {
            p.executableURL = URL(fileURLWithPath: perl)
            p.arguments = ["-e", "use POSIX; sigprocmask(SIG_SETMASK, POSIX::SigSet->new); exec @ARGV or die", executable] + arguments
        } else {
            p.executableURL = URL(fileURLWithPath: executable)
            p.arguments = arguments
        }
        p.currentDirectoryURL = root
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        p.environment = env
        p.standardOutput = try FileHandle(forWritingTo: out)
        p.standardError = try FileHandle(forWritingTo: err)
        p.standardInput = FileHandle.nullDevice
        try p.run()
        p.waitUntilExit()
        return CLIResult(status: p.terminationStatus,
                         stdout: (try? String(contentsOf: out, encoding: .utf8)) ?? "",
                         stderr: (try? String(contentsOf: err, encoding: .utf8)) ?? "")
    }
}
