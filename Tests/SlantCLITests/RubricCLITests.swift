import Foundation
import Testing

/// A throw-away rubric folder for the `slant rubric` commands.
private struct TempRubric {
    let path: String

    static let manifest = "name: scratch\nversion: 0.0.1\n"
    static let lexicon = "lexicon: words\nsource: Written for the Slant CLI tests.\nterms: [awful, dreadful]\n"

    init(manifest: String = TempRubric.manifest, rule: String, lexicon: String = TempRubric.lexicon) throws {
        let fm = FileManager.default
        let dir = fm.temporaryDirectory.appendingPathComponent("slant-cli-rubric-\(UUID().uuidString)")
        try fm.createDirectory(at: dir.appendingPathComponent("rules"), withIntermediateDirectories: true)
        try fm.createDirectory(at: dir.appendingPathComponent("lexicons"), withIntermediateDirectories: true)
        try manifest.write(to: dir.appendingPathComponent("rubric.yaml"), atomically: true, encoding: .utf8)
        try rule.write(to: dir.appendingPathComponent("rules/x.yaml"), atomically: true, encoding: .utf8)
        try lexicon.write(to: dir.appendingPathComponent("lexicons/y.yaml"), atomically: true, encoding: .utf8)
        path = dir.path
    }

    func file(_ relative: String) -> String { path + "/" + relative }

    /// A lexicon rule with one triggering and one non-triggering example.
    static func rule(id: String = "awful-words", triggering: String, nonTriggering: String) -> String {
        """
        rules:
          - id: \(id)
            family: loaded_language
            kind: lexicon
            lexicons: [words]
            message: "Loaded: {match}"
            examples:
              triggering:
                - "\(triggering)"
              non_triggering:
                - "\(nonTriggering)"

        """
    }
}

@Suite struct RubricCLITests {
    // MARK: check

    @Test func checkTheBundledRubric() throws {
        let r = try CLI.run(["rubric", "check"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("ok"), "\(r.stdout)")
        #expect(r.stdout.contains("slant-default"))
        #expect(r.stderr.isEmpty, "\(r.stderr)")
    }

    @Test func checkAScratchRubric() throws {
        let rubric = try TempRubric(rule: TempRubric.rule(triggering: "An [[awful]] day.", nonTriggering: "A fine day."))
        let r = try CLI.run(["rubric", "check", rubric.path])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("ok"))
        #expect(r.stdout.contains("scratch 0.0.1"), "\(r.stdout)")
        #expect(r.stdout.contains("1 rules"), "\(r.stdout)")
        #expect(r.stdout.contains("2 terms"), "\(r.stdout)")
    }

    @Test func checkReportsAYAMLSyntaxErrorWithItsPosition() throws {
        // Line 3 holds two "key: value" pairs, which YAML forbids.
        let broken = "rules:\n  - id: awful-words\n    family: loaded_language: oops\n    kind: lexicon\n    lexicons: [words]\n"
        let rubric = try TempRubric(rule: broken)
        let r = try CLI.run(["rubric", "check", rubric.path])
        #expect(r.status == 2)
        let lines = r.stderr.split(separator: "\n")
        #expect(lines.count == 1, "\(r.stderr)")
        let line = String(lines.first ?? "")
        let file = rubric.file("rules/x.yaml")
        let range = try #require(line.range(of: file + ":"), "\(line)")
        let parts = line[range.upperBound...].split(separator: ":", maxSplits: 2)
        #expect(parts.count == 3)
        let lineNo = Int(parts.first ?? "") ?? 0
        #expect(lineNo == 3, "\(line)")
        #expect(Int(parts.dropFirst().first ?? "") != nil, "no column in \(line)")
        #expect(r.stdout.isEmpty || !r.stdout.contains("ok"))
    }

    @Test func checkReportsAnUnknownKeyAsAWarningButPasses() throws {
        let rule = TempRubric.rule(triggering: "An [[awful]] day.", nonTriggering: "A fine day.")
            .replacingOccurrences(of: "    message:", with: "    mesage:")
        let rubric = try TempRubric(rule: rule)
        let r = try CLI.run(["rubric", "check", rubric.path])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains(rubric.file("rules/x.yaml") + ":6:5: warning:"), "\(r.stdout)")
        #expect(r.stdout.contains("mesage"))
        #expect(r.stdout.contains("ok"))
    }

    @Test func checkOnAMissingDirectoryExitsTwo() throws {
        let r = try CLI.run(["rubric", "check", "/nonexistent/rubric"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("/nonexistent/rubric"))
        #expect(r.stderr.split(separator: "\n").count == 1, "\(r.stderr)")
    }

    // MARK: test

    @Test func testTheBundledRubric() throws {
        let r = try CLI.run(["rubric", "test"])
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
        #expect(!r.stdout.contains("FAIL"), "\(r.stdout)")
        let summary = try #require(r.stdout.split(separator: "\n").last.map(String.init))
        let match = try #require(summary.wholeMatch(of: /(\d+) passed, 0 failed/), "\(summary)")
        #expect((Int(match.1) ?? 0) >= 10, "\(summary)")
    }

    @Test func testAScratchRubricCountsItsExamples() throws {
        let rubric = try TempRubric(rule: TempRubric.rule(triggering: "An [[awful]] day.", nonTriggering: "A fine day."))
        let r = try CLI.run(["rubric", "test", rubric.path])
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
        #expect(r.stdout.contains("2 passed, 0 failed"), "\(r.stdout)")
    }

    @Test func testAWrongExampleFailsWithItsPosition() throws {
        // The non-triggering example (line 11) contains a lexicon word, so the rule fires on it.
        let rubric = try TempRubric(rule: TempRubric.rule(triggering: "An [[awful]] day.", nonTriggering: "A dreadful day."))
        let r = try CLI.run(["rubric", "test", rubric.path])
        #expect(r.status == 1, "\(r.stdout)\(r.stderr)")
        let fails = r.stdout.split(separator: "\n").filter { $0.hasPrefix("FAIL ") }
        #expect(fails.count == 1, "\(r.stdout)")
        let fail = String(fails.first ?? "")
        #expect(fail.hasPrefix("FAIL " + rubric.file("rules/x.yaml") + ":11:"), "\(fail)")
        #expect(fail.contains("awful-words"))
        #expect(fail.contains("dreadful"))
        #expect(r.stdout.contains("1 passed, 1 failed"), "\(r.stdout)")
    }

    @Test func testAMisplacedSpanFails() throws {
        // The marked span is "An", but the rule finds "awful": the triggering example (line 9) fails.
        let rubric = try TempRubric(rule: TempRubric.rule(triggering: "[[An]] awful day.", nonTriggering: "A fine day."))
        let r = try CLI.run(["rubric", "test", rubric.path])
        #expect(r.status == 1, "\(r.stdout)\(r.stderr)")
        #expect(r.stdout.contains("FAIL " + rubric.file("rules/x.yaml") + ":9:"), "\(r.stdout)")
        #expect(r.stdout.contains("1 passed, 1 failed"), "\(r.stdout)")
    }

    @Test func testOneRule() throws {
        let r = try CLI.run(["rubric", "test", "--rule", "scare-quote"])
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
        let all = try CLI.run(["rubric", "test"])
        let count = { (s: String) in Int(s.split(separator: "\n").last?.split(separator: " ").first ?? "") ?? -1 }
        #expect(count(r.stdout) > 0)
        #expect(count(r.stdout) < count(all.stdout), "\(r.stdout) vs \(all.stdout)")
        let unknown = try CLI.run(["rubric", "test", "--rule", "nosuchrule"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("nosuchrule"))
    }

    // MARK: list and explain

    @Test func listShowsRuleIDs() throws {
        let r = try CLI.run(["rubric", "list"])
        #expect(r.status == 0, "\(r.stderr)")
        let ids = Set(r.stdout.split(separator: "\n").dropFirst().compactMap { $0.split(separator: " ").first.map(String.init) })
        #expect(ids.isSuperset(of: ["scare-quote", "attribution", "unsourced-claim", "loaded.emotive"]), "\(r.stdout)")
        #expect(r.stdout.contains("scare_quote"))
    }

    @Test func listAScratchRubric() throws {
        let rubric = try TempRubric(rule: TempRubric.rule(id: "my-rule", triggering: "An [[awful]] day.", nonTriggering: "A fine day."))
        let r = try CLI.run(["rubric", "list", rubric.path])
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "scratch 0.0.1")
        #expect(lines.count == 2, "\(r.stdout)")
        #expect(lines.last?.hasPrefix("my-rule ") == true)
        #expect(lines.last?.contains("loaded_language") == true)
        #expect(lines.last?.contains("lexicon") == true)
    }

    @Test func explainDescribesTheRule() throws {
        let r = try CLI.run(["rubric", "explain", "scare-quote"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.hasPrefix("scare-quote — scare_quote, kind scare-quote"), "\(r.stdout.prefix(200))")
        #expect(r.stdout.contains("defined at "))
        #expect(r.stdout.contains("rules/scare-quotes.yaml:"))
        #expect(r.stdout.contains("mention cues:"))
        #expect(r.stdout.contains("triggers on:"))
        #expect(r.stdout.contains("does not trigger on:"))
    }

    @Test func explainAnUnknownRuleExitsTwo() throws {
        let r = try CLI.run(["rubric", "explain", "nosuchrule"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("nosuchrule"))
        #expect(r.stderr.contains("scare-quote"), "the known rules are listed: \(r.stderr)")
        #expect(r.stderr.split(separator: "\n").count == 1, "\(r.stderr)")
        #expect(r.stdout.isEmpty)
    }
}
