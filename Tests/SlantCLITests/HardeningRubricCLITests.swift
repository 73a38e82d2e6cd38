import Foundation
import Testing

/// Issue #7, rubrics through the CLI: a copy of the bundled rubric broken in one place
/// is refused by `slant rubric check` (and by `slant score`) with one
/// `file:line:column: message` line and exit 2; an unknown key is a positioned warning;
/// a pattern that backtracks badly cannot hang `slant score`.
@Suite struct HardeningRubricCLITests {
    /// A copy of Rubrics/ in a temporary folder (Rubrics/ itself is never edited).
    static func copyOfBundledRubric() throws -> URL {
        let dir = try Bounded.tempDir("rubric")
        let copy = dir.appendingPathComponent("Rubrics")
        try FileManager.default.copyItem(at: CLI.root.appendingPathComponent("Rubrics"), to: copy)
        return copy
    }

    /// A small rubric with one pattern that passes the static check and backtracks exponentially.
    static func slowRubric() throws -> String {
        let dir = try Bounded.tempDir("slow-rubric")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("rules"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("lexicons"), withIntermediateDirectories: true)
        try "name: slow\nversion: 0.0.1\n".write(to: dir.appendingPathComponent("rubric.yaml"), atomically: true, encoding: .utf8)
        try "lexicon: words\nsource: test\nterms: [awful]\n".write(to: dir.appendingPathComponent("lexicons/w.yaml"), atomically: true, encoding: .utf8)
        try """
        rules:
          - id: awful
            family: loaded_language
            kind: lexicon
            lexicons: [words]
          - id: slow
            family: opinion
            kind: pattern
            patterns: ['(a|a)*b', '(?=a)(?:a|aa)*c']
        """.write(to: dir.appendingPathComponent("rules/r.yaml"), atomically: true, encoding: .utf8)
        return dir.path
    }

    func replace(_ file: URL, _ old: String, with new: String) throws {
        let text = try String(contentsOf: file, encoding: .utf8)
        try #require(text.contains(old), "\(file.lastPathComponent) has no '\(old)'")
        try text.replacingOccurrences(of: old, with: new).write(to: file, atomically: true, encoding: .utf8)
    }

    func lineOf(_ needle: String, in file: URL) throws -> Int {
        let lines = try String(contentsOf: file, encoding: .utf8).components(separatedBy: "\n")
        return try #require(lines.firstIndex { $0.contains(needle) }) + 1
    }

    /// Each breaks one thing in a copy of the bundled rubric: (file, text to find, replacement, what the message says).
    static let breakages: [(file: String, old: String, new: String, says: String)] = [
        ("rules/opinion.yaml", "patterns: ['\\?']", "patterns: ['(?']", "not a valid regular expression"),
        ("rules/opinion.yaml", "patterns: ['\\?']", "patterns: ['(\\w+\\s?)+\\?']", "backtrack"),
        ("rules/scare-quotes.yaml", "max_words: 3", "max_words: three", "whole number"),
        ("rules/scare-quotes.yaml", "    kind: scare-quote", "    kind: scare-quote\n    family: [x]", "duplicate key"),
        ("rules/scare-quotes.yaml", "  - id: scare-quote", "  - id: scare-quote\n    bad: [unclosed", "YAML"),
        ("rules/opinion.yaml", "patterns: ['\\?']", "patterns: ['\\?']\n  - id: scare-quote\n    family: opinion\n    kind: pattern\n    patterns: ['x']", "duplicate rule id"),
    ]

    @Test(arguments: breakages.indices)
    func aBrokenCopyOfTheBundledRubricIsRefusedWithItsPosition(_ index: Int) throws {
        let b = Self.breakages[index]
        let copy = try Self.copyOfBundledRubric()
        let file = copy.appendingPathComponent(b.file)
        try replace(file, b.old, with: b.new)
        let check = try Bounded.run(["rubric", "check", copy.path], timeout: 120)
        #expect(check.status == 2, "\(check.stderr)")
        #expect(check.stderrLines.count == 1, "\(check.stderr)")
        let line = try #require(check.stderrLines.first)
        // slant: /tmp/…/Rubrics/rules/x.yaml:12:5: message
        let located = line.dropFirst("slant: ".count)
        let parts = located.split(separator: ":", maxSplits: 3)
        #expect(parts.count == 4 && Int(parts[1]) != nil && Int(parts[2]) != nil, "\(line)")
        #expect(line.contains(copy.path + "/rules/"), "\(line)")
        #expect(line.contains(b.says), "\(line)")
        #expect(!check.stderr.contains("Fatal error"))
        let score = try Bounded.run(["score", "Examples/wire-report.txt", "--rubric", copy.path], timeout: 120)
        #expect(score.status == 2)
        #expect(score.stderr == check.stderr)
        #expect(score.stdout.isEmpty)
    }

    @Test func anEmptyLexiconInTheCopyIsRefused() throws {
        let copy = try Self.copyOfBundledRubric()
        let lexicons = try FileManager.default.contentsOfDirectory(atPath: copy.appendingPathComponent("lexicons").path).filter { $0.hasSuffix(".yaml") }.sorted()
        let file = copy.appendingPathComponent("lexicons/\(try #require(lexicons.first))")
        let text = try String(contentsOf: file, encoding: .utf8)
        let head = try #require(text.range(of: "\nterms:"))
        try (String(text[..<head.lowerBound]) + "\nterms: []\n").write(to: file, atomically: true, encoding: .utf8)
        let check = try Bounded.run(["rubric", "check", copy.path], timeout: 120)
        #expect(check.status == 2)
        #expect(check.stderr.contains(file.path + ":"), "\(check.stderr)")
        #expect(check.stderr.contains("no terms"), "\(check.stderr)")
    }

    @Test func anUnknownKeyIsAPositionedWarningAndTheCheckPasses() throws {
        let copy = try Self.copyOfBundledRubric()
        let file = copy.appendingPathComponent("rules/scare-quotes.yaml")
        try replace(file, "    max_words: 3", with: "    max_words: 3\n    max_wrods: 4")
        let line = try lineOf("max_wrods", in: file)
        let check = try Bounded.run(["rubric", "check", copy.path], timeout: 120)
        #expect(check.status == 0, "\(check.stderr)")
        // `rubric check` lists warnings with its report, on stdout; `score` puts them on stderr.
        #expect(check.stdout.contains("\(file.path):\(line):5: warning: unknown key 'max_wrods'"), "\(check.stdout)")
        let score = try Bounded.run(["score", "Examples/wire-report.txt", "--rubric", copy.path, "--format", "jsonl"], timeout: 120)
        #expect(score.status == 0)
        #expect(score.stderr.contains("\(file.path):\(line):5: warning: unknown key 'max_wrods'"), "\(score.stderr)")
        #expect(check.stdout.contains("ok"))
    }

    @Test func aSlowPatternCannotHangScoring() throws {
        let rubric = try Self.slowRubric()
        let check = try Bounded.run(["rubric", "check", rubric], timeout: 120)
        #expect(check.status == 0, "the static check lets these through: \(check.stderr)")
        let text = "An awful day. " + String(repeating: "a", count: 60) + ".\n\n" + String(repeating: "a", count: 30_000) + "."
        let path = try CLI.tempFile("aaaa.txt", Array(text.utf8))
        let r = try Bounded.run(["score", path, "--rubric", rubric, "--format", "jsonl"], timeout: 300)
        #expect(!r.timedOut, "a rubric hung the scoring run")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderrLines.count == 2, "\(r.stderr)")
        #expect(r.stderrLines.allSatisfy { $0.hasPrefix("slant: warning: \(path): pattern '") && $0.contains("gave up") }, "\(r.stderr)")
        let a = try #require(try jsonLines(r.stdout).first)
        let findings = ((a["paragraphs"] as? [[String: Any]]) ?? []).flatMap { $0["findings"] as? [[String: Any]] ?? [] }
        #expect(findings.contains { $0["text"] as? String == "awful" })
    }
}
