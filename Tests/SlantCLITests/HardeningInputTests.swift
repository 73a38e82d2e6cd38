import Foundation
@testable import struct SlantRules.SplitMix64
import Testing

/// Issue #7, inputs: every kind of bad or extreme input gives a one-line error naming
/// the file or a correct result, in bounded memory, and never a crash or a hang.
/// Every run has a generous time limit (the process is killed and the test fails when
/// it is reached): these tests check that a run finishes, not how fast.
@Suite struct HardeningInputTests {
    /// A run must finish within this; the slowest case here takes about 15 s in a debug build.
    static let limit = 300

    func scoreJSONL(_ path: String, _ extra: [String] = [], timeout: Int = limit) throws -> BoundedRun {
        try Bounded.run(["score", path, "--format", "jsonl"] + extra, timeout: timeout)
    }

    func expectOneLineError(_ r: BoundedRun, naming path: String, containing: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(!r.timedOut, "the run did not finish", sourceLocation: sourceLocation)
        #expect(r.status == 2, "exit status \(r.status); stderr: \(r.stderr)", sourceLocation: sourceLocation)
        #expect(r.stderrLines.count == 1, "\(r.stderr)", sourceLocation: sourceLocation)
        #expect(r.stderr.contains(path), "\(r.stderr)", sourceLocation: sourceLocation)
        #expect(r.stderr.contains(containing), "\(r.stderr)", sourceLocation: sourceLocation)
        #expect(!r.stderr.contains("Fatal error") && !r.stderr.contains("Stack dump"), sourceLocation: sourceLocation)
    }

    // MARK: empty, blank, binary, bad encodings

    @Test(arguments: [("empty.txt", ""), ("blank.txt", " \n\n\t \r\n \u{A0}\n"), ("blank.md", "\n\n   \n"), ("blank.html", "<html><body>  <p> </p></body></html>")])
    func emptyAndBlankFilesScoreAsNothing(_ name: String, _ content: String) throws {
        let path = try CLI.tempFile(name, Array(content.utf8))
        let r = try scoreJSONL(path)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.isEmpty)
        let a = try #require(try jsonLines(r.stdout).first)
        #expect(a["words"] as? Int == 0)
        #expect((a["paragraphs"] as? [Any])?.isEmpty == true)
        #expect((a["scores"] as? [String: Any])?["editorializing"] as? Double == 0)
    }

    @Test func binaryFileIsAOneLineError() throws {
        var png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D]
        png += (0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        let path = try CLI.tempFile("photo.txt", png)
        expectOneLineError(try scoreJSONL(path), naming: path, containing: "binary")
    }

    @Test func randomBytesAreAOneLineErrorWithTheOffset() throws {
        var rng = SplitMix64(seed: 7)
        // 0xFE never occurs in UTF-8; what follows is random high bytes.
        let bytes = Array("A perfectly good start. ".utf8) + [0xFE] + (0..<65536).map { _ in UInt8(truncatingIfNeeded: rng.next() | 0x80) }
        let path = try CLI.tempFile("noise.txt", bytes)
        let r = try scoreJSONL(path)
        expectOneLineError(r, naming: path, containing: "invalid UTF-8 at byte 24")
        #expect(r.stdout.isEmpty)
    }

    @Test func invalidUTF8GivesTheByteOffsetOrIsReplacedWithLossy() throws {
        let prefix = Array("Officials said the plan was “disastrous”. ".utf8)
        let path = try CLI.tempFile("bad.txt", prefix + [0xC3, 0x28, 0xFF] + Array(" The rest is fine.".utf8))
        expectOneLineError(try scoreJSONL(path), naming: path, containing: "invalid UTF-8 at byte \(prefix.count)")
        let lossy = try Bounded.run(["segment", path, "--format", "json", "--lossy"], timeout: Self.limit)
        #expect(lossy.status == 0, "\(lossy.stderr)")
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(lossy.stdout.utf8)) as? [String: Any])
        let text = ((doc["paragraphs"] as? [[String: Any]]) ?? []).compactMap { $0["text"] as? String }.joined(separator: "\n\n")
        #expect(text.contains("\u{FFFD}"))
        #expect(text.hasSuffix("The rest is fine."))
        let scored = try scoreJSONL(path, ["--lossy"])
        #expect(scored.status == 0, "\(scored.stderr)")
        #expect(try jsonLines(scored.stdout).count == 1)
    }

    @Test(arguments: [false, true])
    func utf16WithBOMIsDecoded(bigEndian: Bool) throws {
        let text = "Grüße aus Köln 🌊.\n\nCritics slammed the “disastrous” plan, officials said."
        var bytes: [UInt8] = bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE]
        for unit in text.utf16 { bytes += bigEndian ? [UInt8(unit >> 8), UInt8(unit & 0xFF)] : [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let path = try CLI.tempFile("utf16.txt", bytes)
        let r = try scoreJSONL(path)
        #expect(r.status == 0, "\(r.stderr)")
        let a = try #require(try jsonLines(r.stdout).first)
        let scalars = Array(text.unicodeScalars)
        let findings = ((a["paragraphs"] as? [[String: Any]]) ?? []).flatMap { $0["findings"] as? [[String: Any]] ?? [] }
        #expect(findings.contains { $0["text"] as? String == "disastrous" })
        for f in findings {
            let s = try #require(f["start"] as? Int), e = try #require(f["end"] as? Int)
            #expect(String(String.UnicodeScalarView(scalars[s..<e])) == f["text"] as? String)
        }
        // A BOM followed by an odd unpaired surrogate is refused, not guessed at.
        let broken = try CLI.tempFile("broken16.txt", [0xFF, 0xFE, 0x41, 0x00, 0x00, 0xD8, 0x41, 0x00])
        expectOneLineError(try scoreJSONL(broken), naming: broken, containing: "UTF-16")
    }

    // MARK: size

    @Test func a100MBSingleParagraphFileIsRefusedWithoutBeingRead() throws {
        let dir = try Bounded.tempDir("huge")
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("huge.txt").path
        try Bounded.writeRepeated("The council said the disastrous plan would cost 5 million dollars. ", bytes: 100 << 20, to: path)
        let r = try scoreJSONL(path)
        expectOneLineError(r, naming: path, containing: "100 MB is too large for one article (the limit is 16 MB")
        #expect(r.stdout.isEmpty)
        if let kb = r.peakKB { #expect(kb < 150 * 1024, "peak memory \(kb) KB: the file was read") }
        // The same bytes on standard input are cut off at the limit.
        let piped = try Bounded.run(["score", "-", "--format", "jsonl"], timeout: Self.limit, stdinFile: path)
        expectOneLineError(piped, naming: "-", containing: "more than 16 MB is too large")
        if let kb = piped.peakKB { #expect(kb < 250 * 1024, "peak memory \(kb) KB") }
        // SLANT_MAX_ARTICLE_MB lowers (or raises) the limit.
        let small = try CLI.tempFile("small.txt", Array(String(repeating: "Word ", count: 300_000).utf8))
        let lowered = try Bounded.run(["score", small, "--format", "jsonl"], timeout: Self.limit, environment: ["SLANT_MAX_ARTICLE_MB": "1"])
        expectOneLineError(lowered, naming: small, containing: "1.4 MB is too large for one article (the limit is 1 MB")
    }

    @Test func a1MBSingleParagraphIsScoredInBoundedMemory() throws {
        let sentence = "The council said the disastrous plan would cost 5 million dollars, according to officials. "
        let count = (1 << 20) / sentence.utf8.count
        let path = try CLI.tempFile("one-paragraph.txt", Array(String(repeating: sentence, count: count).utf8))
        let r = try scoreJSONL(path)
        #expect(!r.timedOut)
        #expect(r.status == 0, "\(r.stderr)")
        let a = try #require(try jsonLines(r.stdout).first)
        #expect(a["words"] as? Int == 14 * count)
        let paragraphs = try #require(a["paragraphs"] as? [[String: Any]])
        // Cut into pieces of at most 4,000 code points, at sentence ends, covering the text.
        var end = 0
        for p in paragraphs {
            let s = try #require(p["start"] as? Int), e = try #require(p["end"] as? Int)
            #expect(e - s <= 4_000)
            #expect(s == end + (end == 0 ? 0 : 1), "pieces are separated by the one space after a full stop")
            end = e
        }
        #expect(end == sentence.unicodeScalars.count * count - 1)
        let findings = paragraphs.flatMap { $0["findings"] as? [[String: Any]] ?? [] }
        #expect(findings.filter { $0["text"] as? String == "disastrous" }.count == count)
        if let kb = r.peakKB { #expect(kb < 600 * 1024, "peak memory \(kb) KB for a 1 MB article") }
    }

    @Test func a100000ParagraphFileIsScored() throws {
        let paragraphs = (0..<100_000).map { i in i % 10 == 0 ? "Officials said it rained on day \(i)." : "Rain." }
        let path = try CLI.tempFile("many.txt", Array(paragraphs.joined(separator: "\n\n").utf8))
        let r = try scoreJSONL(path)
        #expect(!r.timedOut)
        #expect(r.status == 0, "\(r.stderr)")
        let a = try #require(try jsonLines(r.stdout).first)
        #expect((a["paragraphs"] as? [Any])?.count == 100_000)
        #expect(a["words"] as? Int == 90_000 + 7 * 10_000)
        let attributions = (a["sourcing"] as? [String: Any])?["attributions"] as? [String: Any]
        #expect(attributions?["anonymous"] as? Int == 10_000, "\(attributions ?? [:])")
        if let kb = r.peakKB { #expect(kb < 1024 * 1024, "peak memory \(kb) KB") }
    }

    // MARK: long words and lines, quotes

    @Test(arguments: ["word", "words", "line"])
    func extremelyLongWordsAndLinesFinish(_ kind: String) throws {
        let text: String
        switch kind {
        case "word": text = String(repeating: "x", count: 300_000)                                          // one 300 KB word
        case "words": text = (0..<6).map { _ in String(repeating: "y", count: 50_000) }.joined(separator: " ") // 50 KB words
        default: text = String(repeating: "Critics slammed the awful plan and officials said nothing ", count: 5_000) // a 290 KB line, no full stop
        }
        let path = try CLI.tempFile("long-\(kind).txt", Array(text.utf8))
        let r = try scoreJSONL(path)
        #expect(!r.timedOut)
        #expect(r.status == 0, "\(r.stderr)")
        let a = try #require(try jsonLines(r.stdout).first)
        let paragraphs = try #require(a["paragraphs"] as? [[String: Any]])
        #expect(!paragraphs.isEmpty)
        for p in paragraphs { #expect((p["end"] as? Int ?? 0) - (p["start"] as? Int ?? 0) <= 4_000) }
        let seg = try Bounded.run(["segment", path, "--format", "json"], timeout: Self.limit)
        #expect(seg.status == 0 && !seg.timedOut, "\(seg.stderr)")
    }

    /// Quotation marks every way round: deeply nested, never closed, never opened,
    /// mixed families, straight and curly. Each segments and scores, and the size of
    /// `slant segment`'s output (which prints every quotation's text) stays proportional
    /// to the input.
    @Test(arguments: ["nested", "unclosed", "unopened", "mixed", "straight", "apostrophes"])
    func deeplyNestedOrUnbalancedQuotesFinish(_ kind: String) throws {
        let n = 12_000
        let text: String
        switch kind {
        case "nested": text = String(repeating: "“‘«「", count: n / 4) + "words" + String(repeating: "」»’”", count: n / 4)
        case "unclosed": text = String(repeating: "“He said ", count: n)
        case "unopened": text = String(repeating: "done” ", count: n)
        case "mixed":
            var rng = SplitMix64(seed: 11)
            let marks = Array("“”‘’\"'«»「」『』 ab.,").map(String.init)
            text = (0..<(n * 4)).map { _ in marks[Int(rng.next() % UInt64(marks.count))] }.joined()
        case "straight": text = String(repeating: "\"a\" ", count: n / 3)
        default: text = String(repeating: "’em ’90s rock’n’roll ", count: n / 4)
        }
        let path = try CLI.tempFile("quotes-\(kind).txt", Array(text.utf8))
        let r = try scoreJSONL(path)
        #expect(!r.timedOut)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(try jsonLines(r.stdout).count == 1)
        let seg = try Bounded.run(["segment", path, "--format", "json"], timeout: Self.limit)
        #expect(!seg.timedOut)
        #expect(seg.status == 0, "\(seg.stderr)")
        let inputBytes = text.utf8.count
        #expect(seg.stdoutBytes < 60 * inputBytes + 100_000, "segment wrote \(seg.stdoutBytes) bytes for \(inputBytes)")
        if let kb = seg.peakKB { #expect(kb < 600 * 1024, "peak memory \(kb) KB") }
    }

    // MARK: HTML

    @Test func htmlScriptsCommentsAndBrokenMarkupNeverReachTheText() throws {
        let html = """
        <!DOCTYPE html><html><head><title>Bridge &amp; tunnel</title>
        <script>var s = "</p><p>SCRIPT-TEXT</p>"; if (a < b && c > d) { document.write("<!-- x -->"); }</script>
        <style>p::before { content: "STYLE-TEXT"; }</style></head>
        <body><!-- COMMENT-TEXT <p>hidden</p> --><nav>NAV-TEXT</nav>
        <p>The mayor said the plan was <b>disastrous</b>.</p>
        <!-- an unterminated-looking <!-- comment with -- dashes -->
        <p>Second <i>paragraph</i> with an <a href="x.html" title="a > b">attribute</a>.</p>
        <SCRIPT type="text/javascript">/* UPPER-SCRIPT */</SCRIPT>
        <p>Text after a stray < sign and an unclosed <b tag</p>
        <script>never closed SCRIPT-TAIL
        """
        let path = try CLI.tempFile("page.html", Array(html.utf8))
        let r = try Bounded.run(["segment", path, "--format", "json"], timeout: Self.limit)
        #expect(r.status == 0, "\(r.stderr)")
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let text = ((doc["paragraphs"] as? [[String: Any]]) ?? []).compactMap { $0["text"] as? String }.joined(separator: "\n")
        for hidden in ["SCRIPT-TEXT", "STYLE-TEXT", "COMMENT-TEXT", "hidden", "NAV-TEXT", "UPPER-SCRIPT", "SCRIPT-TAIL", "document.write"] {
            #expect(!text.contains(hidden), "\(hidden) leaked into the text: \(text)")
        }
        #expect(text.contains("The mayor said the plan was disastrous."))
        #expect(text.contains("Second paragraph with an attribute."))
        #expect(text.contains("Text after a stray < sign and an unclosed"))
        #expect(doc["title"] as? String == "Bridge & tunnel")
        let scored = try scoreJSONL(path)
        #expect(scored.status == 0, "\(scored.stderr)")
        // Thousands of unclosed scripts and comments, and a page that is all '<'.
        let nasty = String(repeating: "<p><script><!--<a href=\"", count: 20_000) + String(repeating: "<", count: 100_000)
        let nastyPath = try CLI.tempFile("nasty.html", Array(nasty.utf8))
        let n = try scoreJSONL(nastyPath)
        #expect(!n.timedOut)
        #expect(n.status == 0, "\(n.stderr)")
    }

    // MARK: directories

    /// Tests run as root, for whom permissions do not apply, so the unreadable entries
    /// here are the kinds root cannot read either: a dangling symbolic link, a FIFO (which
    /// would block a reader for ever), and a binary file; a directory named like an
    /// article is walked into. The README documents exit status 2 for this case.
    @Test func aDirectoryWithUnreadableEntriesScoresTheRestAndExitsTwo() throws {
        let dir = try Bounded.tempDir("dir")
        let good = try String(contentsOf: CLI.root.appendingPathComponent("Examples/wire-report.txt"), encoding: .utf8)
        try good.write(to: dir.appendingPathComponent("a-good.txt"), atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("folder.txt"), withIntermediateDirectories: true)
        try good.write(to: dir.appendingPathComponent("folder.txt/inner.md"), atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: dir.appendingPathComponent("dangling.txt").path, withDestinationPath: "/nonexistent/slant-target.txt")
        #expect(mkfifo(dir.appendingPathComponent("pipe.md").path, 0o644) == 0)
        try Data([0x89, 0x50, 0x4E, 0x47, 0, 0, 0, 1]).write(to: dir.appendingPathComponent("image.html"))
        try Data("not an article".utf8).write(to: dir.appendingPathComponent("notes.pdf"))

        let r = try Bounded.run(["score", dir.path, "--format", "jsonl"], timeout: Self.limit)
        #expect(!r.timedOut, "a FIFO in the folder must not block the run")
        #expect(r.status == 2, "\(r.stderr)")
        let sources = try jsonLines(r.stdout).compactMap { $0["source"] as? String }.map { ($0 as NSString).lastPathComponent }
        #expect(sources == ["a-good.txt", "inner.md"])
        #expect(r.stderrLines.count == 3, "\(r.stderr)")
        for (name, reason) in [("dangling.txt", "broken symbolic link"), ("pipe.md", "not a regular file"), ("image.html", "binary")] {
            #expect(r.stderrLines.contains { $0.contains(dir.appendingPathComponent(name).path) && $0.contains(reason) }, "\(name): \(r.stderr)")
        }
    }

    /// The same as an ordinary user, where permissions apply: an unreadable file and an
    /// unreadable subdirectory are each reported, the rest is scored.
    @Test(.enabled(if: Bounded.canRunAsNobody(), "needs root, setpriv and a checkout other users can read"))
    func unreadableFilesAndFoldersAsAnOrdinaryUser() throws {
        let dir = try Bounded.tempDir("perm")
        let good = try String(contentsOf: CLI.root.appendingPathComponent("Examples/wire-report.txt"), encoding: .utf8)
        try good.write(to: dir.appendingPathComponent("readable.txt"), atomically: true, encoding: .utf8)
        try good.write(to: dir.appendingPathComponent("secret.txt"), atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("locked"), withIntermediateDirectories: true)
        try good.write(to: dir.appendingPathComponent("locked/inside.txt"), atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: dir.appendingPathComponent("readable.txt").path)
        try FileManager.default.setAttributes([.posixPermissions: 0o000], ofItemAtPath: dir.appendingPathComponent("secret.txt").path)
        try FileManager.default.setAttributes([.posixPermissions: 0o000], ofItemAtPath: dir.appendingPathComponent("locked").path)
        let r = try Bounded.run(["score", dir.path, "--format", "jsonl"], timeout: Self.limit, asUser: 65534)
        #expect(r.status == 2, "\(r.stderr)")
        let sources = try jsonLines(r.stdout).compactMap { $0["source"] as? String }.map { ($0 as NSString).lastPathComponent }
        #expect(sources == ["readable.txt"])
        #expect(r.stderrLines.count == 2, "\(r.stderr)")
        #expect(r.stderrLines.contains { $0.contains("secret.txt") && $0.contains("permission denied") }, "\(r.stderr)")
        #expect(r.stderrLines.contains { $0.contains("locked") && $0.contains("cannot be listed") }, "\(r.stderr)")
    }
}
