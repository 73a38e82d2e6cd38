import Foundation
import SlantText
import Testing
@testable import SlantRules

/// Issue #7, rubrics: every malformed rubric is one positioned error line; unknown keys
/// are positioned warnings wherever they stand; and a pattern that gets past the static
/// check but backtracks badly is bounded at run time, so no rubric can hang a scoring run.
/// (LoaderTests covers the first cases of each; these add the rest.)
@Suite struct HardeningRubricTests {
    /// `file:line:column: message` on one line, or nil.
    func position(_ description: String) -> (file: String, line: Int, column: Int, message: String)? {
        guard !description.contains("\n") else { return nil }
        let parts = description.split(separator: ":", maxSplits: 3, omittingEmptySubsequences: false)
        guard parts.count == 4, let line = Int(parts[1]), let column = Int(parts[2]), line >= 1, column >= 1, parts[3].hasPrefix(" ") else { return nil }
        return (String(parts[0]), line, column, String(parts[3].dropFirst()))
    }

    func rule(_ lines: [String]) -> String { (["rules:", "  - id: r", "    family: loaded_language"] + lines.map { "    " + $0 }).joined(separator: "\n") + "\n" }

    /// Malformed rule files: the error names the file and the line where the problem is.
    static let malformedRules: [(name: String, text: String, line: Int?, says: String)] = [
        ("tab indentation", "rules:\n\t- id: r\n", 2, "YAML"),
        ("unclosed quote", "rules:\n  - id: \"r\n    family: loaded_language\n", nil, "YAML"),
        ("unclosed flow", "rules: [{id: r, family: loaded_language\n", nil, "YAML"),
        ("scalar document", "just some text\n", 1, "mapping"),
        ("list document", "- rules\n- more\n", 1, "mapping"),
        ("rules not a list", "rules:\n  id: r\n", 2, "list"),
        ("rule not a mapping", "rules:\n  - loaded\n", 2, "mapping"),
        ("empty file", "", 1, "empty"),
        ("only comments", "# nothing here\n", 1, "empty"),
        ("two documents", "rules: []\n---\nrules: []\n", 2, "YAML"),
        ("deep nesting", "rules: " + String(repeating: "[", count: 5_000) + String(repeating: "]", count: 5_000) + "\n", 1, "YAML"),
        ("kind missing", "rules:\n  - id: r\n    family: loaded_language\n", 2, "kind"),
        ("id a mapping", "rules:\n  - id: {a: 1}\n    family: loaded_language\n    kind: lexicon\n    lexicons: [words]\n", 2, "id"),
        ("family a list", "rules:\n  - id: r\n    family: [loaded_language]\n    kind: lexicon\n    lexicons: [words]\n", 3, "family"),
        ("weight a list", "rules:\n  - id: r\n    family: opinion\n    kind: lexicon\n    lexicons: [words]\n    weight: [1]\n", 6, "weight"),
        ("lexicons a mapping", "rules:\n  - id: r\n    family: opinion\n    kind: lexicon\n    lexicons: {a: b}\n", 5, "lexicons"),
        ("lexicons empty", "rules:\n  - id: r\n    family: opinion\n    kind: lexicon\n    lexicons: []\n", 5, "lexicon"),
        ("flag not a bool", "rules:\n  - id: r\n    family: opinion\n    kind: lexicon\n    lexicons: [words]\n    skip_negated: maybe\n", 6, "true or false"),
        ("count not whole", "rules:\n  - id: r\n    family: scare_quote\n    kind: scare-quote\n    max_words: 2.5\n", 5, "whole number"),
        ("patterns empty", "rules:\n  - id: r\n    family: opinion\n    kind: pattern\n    patterns: []\n", 5, "empty"),
        ("pattern a mapping", "rules:\n  - id: r\n    family: opinion\n    kind: pattern\n    patterns: [{a: b}]\n", 5, "pattern"),
        ("bad regex", "rules:\n  - id: r\n    family: opinion\n    kind: pattern\n    patterns: ['(unclosed']\n", 5, "not a valid regular expression"),
        ("nested repetition", "rules:\n  - id: r\n    family: opinion\n    kind: pattern\n    patterns: ['(\\w+\\s?)*$']\n", 5, "backtrack"),
        ("level unknown", "rules:\n  - id: r\n    family: opinion\n    kind: lexicon\n    lexicons: [words]\n    level: fatal\n", 6, "level"),
        ("weight not finite", "rules:\n  - id: r\n    family: opinion\n    kind: lexicon\n    lexicons: [words]\n    weight: .nan\n", 6, "finite"),
        ("boost infinite", "rules:\n  - id: r\n    family: scare_quote\n    kind: scare-quote\n    boost: .inf\n", 5, "finite"),
        // A negative window crashed the claim check; a huge one overflowed.
        ("negative window", "rules:\n  - id: r\n    family: unsourced_claim\n    kind: claim\n    window: -3\n    signals: [{name: x, pattern: 'x'}]\n", 5, "window"),
        ("huge window", "rules:\n  - id: r\n    family: unsourced_claim\n    kind: claim\n    window: 9223372036854775807\n    signals: [{name: x, pattern: 'x'}]\n", 5, "window"),
        ("examples not a mapping", "rules:\n  - id: r\n    family: opinion\n    kind: lexicon\n    lexicons: [words]\n    examples: some text\n", 6, "examples"),
    ]

    @Test(arguments: malformedRules.indices)
    func malformedRuleFileIsOnePositionedError(_ index: Int) throws {
        let c = Self.malformedRules[index]
        let scratch = try ScratchRubric(rules: ["x.yaml": c.text])
        let error = try #require(scratch.loadError(), "\(c.name)")
        let pos = try #require(position(error.description), "\(c.name): not one `file:line:col: message` line: \(error.description)")
        #expect(pos.file == scratch.file("rules/x.yaml"), "\(c.name): \(error.description)")
        if let line = c.line { #expect(pos.line == line, "\(c.name): \(error.description)") }
        #expect(pos.message.contains(c.says), "\(c.name): \(error.description)")
    }

    @Test func nonUTF8RubricFileIsPositionedAtTheBadByte() throws {
        let scratch = try ScratchRubric()
        var bytes = Array("rules:\n  - id: loaded\n    family: loaded_language\n    kind: lexicon\n    lexicons: [words]\n    message: \"caf".utf8)
        bytes += [0xE9] + Array("\"\n".utf8)  // Latin-1 é
        try Data(bytes).write(to: URL(fileURLWithPath: scratch.file("rules/x.yaml")))
        let error = try #require(scratch.loadError())
        let pos = try #require(position(error.description), "\(error.description)")
        #expect(pos.file == scratch.file("rules/x.yaml"))
        #expect(pos.line == 6)
        #expect(pos.column == 18)
        #expect(pos.message.contains("UTF-8"))
    }

    /// Aliases that would expand exponentially ("billion laughs") are refused at the
    /// first wrong shape instead of being walked.
    @Test func exponentialAliasesAreRefusedQuickly() throws {
        var lexicon = "lexicon: words\nsource: test\nx0: &a0 [awful, awful, awful, awful, awful, awful, awful, awful, awful, awful]\n"
        for i in 1...9 { lexicon += "x\(i): &a\(i) [" + Array(repeating: "*a\(i - 1)", count: 10).joined(separator: ", ") + "]\n" }
        lexicon += "terms: *a9\n"
        let scratch = try ScratchRubric(lexicons: ["y.yaml": lexicon])
        let error = try #require(scratch.loadError())
        #expect(position(error.description)?.file == scratch.file("lexicons/y.yaml"), "\(error.description)")
    }

    @Test func emptyLexiconsInEveryShapeAreErrors() throws {
        for terms in ["terms: []", "terms:", "terms: [\"  \"]", "terms: [{term: \"\"}]"] {
            let scratch = try ScratchRubric(lexicons: ["y.yaml": "lexicon: words\nsource: test\n" + terms + "\n"])
            let error = try #require(scratch.loadError(), "\(terms)")
            let pos = try #require(position(error.description), "\(terms): \(error.description)")
            #expect(pos.file == scratch.file("lexicons/y.yaml"), "\(terms)")
        }
    }

    /// Unknown keys in each kind of mapping: a warning with file:line:column, and the rubric still loads.
    @Test func unknownKeysAreWarnedWithTheirPositionEverywhere() throws {
        let manifest = ScratchRubric.manifest + "\nscoring:\n  min_words: 10\n  scael: 8\n"                      // line 6
        let rules = "rules:\n  - id: loaded\n    family: loaded_language\n    kind: lexicon\n    lexicons: [words]\n    mesage: typo\n" // line 6
        let lexicon = "lexicon: words\nsource: test\nlicense: MIT\nterms:\n  - {term: awful, wieght: 2}\n  - slam\nsorce: x\n"  // lines 5, 7
        let scratch = try ScratchRubric(manifest: manifest, rules: ["x.yaml": rules], lexicons: ["y.yaml": lexicon])
        let rubric = try scratch.load()
        let found = Set(rubric.warnings.map { "\(($0.location.file as NSString).lastPathComponent):\($0.location.line):\($0.location.column)" })
        #expect(found == ["rubric.yaml:6:3", "x.yaml:6:5", "y.yaml:5:19", "y.yaml:7:1"], "\(rubric.warnings.map(\.description))")
        for w in rubric.warnings {
            #expect(position(w.description) != nil, "\(w.description)")
            #expect(w.description.contains("warning: unknown key"), "\(w.description)")
        }
    }

    @Test func nonFiniteNumbersAreRefusedEverywhere() throws {
        let manifest = try ScratchRubric(manifest: ScratchRubric.manifest + "\nscoring:\n  families: {loaded_language: .inf}\n")
        #expect(position(try #require(manifest.loadError()).description)?.line == 5)
        let threshold = try ScratchRubric(manifest: ScratchRubric.manifest + "\nscoring:\n  flag_threshold: .nan\n")
        #expect(position(try #require(threshold.loadError()).description)?.message.contains("finite") == true)
        let lexicon = try ScratchRubric(lexicons: ["y.yaml": "lexicon: words\nsource: t\ndefault_weight: -.inf\nterms: [awful]\n"])
        #expect(position(try #require(lexicon.loadError()).description)?.line == 3)
        let term = try ScratchRubric(lexicons: ["y.yaml": "lexicon: words\nsource: t\nterms:\n  - {term: awful, weight: .NaN}\n"])
        #expect(position(try #require(term.loadError()).description)?.line == 4)
    }

    // MARK: patterns bounded at run time

    /// Patterns the static check lets through (no repetition nested in a repetition) that
    /// still backtrack exponentially or polynomially. Scoring finishes anyway: the pattern
    /// stops at its budget and the article carries a warning naming it. The first two run
    /// in Slant's own matcher, the look-around ones in NSRegularExpression.
    @Test(arguments: [#"(a|a)*b"#, #"\w*\w*\w*\w*\w*b"#, #"(?=a)(a|a)*b"#, #"(?<!x)(?:a|aa)*c"#])
    func aSlowPatternIsBoundedAtRunTime(_ pattern: String) throws {
        let text = ruleFileWithPattern(pattern)
        let scratch = try ScratchRubric(rules: ["x.yaml": ScratchRubric.rule, "p.yaml": text])
        let rubric = try scratch.load()   // passes the static check
        let engine = Engine(rubric: rubric)
        // 40 'a's are enough for 2^40 steps; 200 KB of them for n^5.
        let article = Article(text: "The awful plan. " + String(repeating: "a", count: 40) + "!\n\n" + String(repeating: "a", count: 200_000) + ".")
        let scored = engine.score(article)
        #expect(scored.warnings.count == 1, "\(scored.warnings)")
        #expect(scored.warnings.first?.contains(pattern) == true)
        #expect(scored.findings.contains { $0.text == "awful" }, "the other rules still ran")
    }

    func ruleFileWithPattern(_ pattern: String) -> String {
        "rules:\n  - id: slow\n    family: opinion\n    kind: pattern\n    patterns: ['\(pattern)']\n"
    }

    /// The budget is far above what real patterns need: the bundled rubric on a long
    /// article gets no warning.
    @Test func theBundledRubricNeverRunsOutOfBudget() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let rubric = try RubricLoader.load(path: root.appendingPathComponent("Rubrics").path)
        var text = ""
        for name in ["opinion-column.md", "wire-report.txt", "international-brief.txt"] {
            text += try String(contentsOf: root.appendingPathComponent("Examples/\(name)"), encoding: .utf8) + "\n\n"
        }
        let long = String(repeating: text, count: 20) + String(repeating: "!", count: 5_000) + String(repeating: " we must, I think, ", count: 5_000)
        let scored = Engine(rubric: rubric).score(Article(text: long))
        #expect(scored.warnings.isEmpty, "\(scored.warnings)")
        #expect(scored.findings.count > 1_000)
    }

    /// A run of 300,000 '!' used to cost the bundled `!+` 100,000 steps at nearly every
    /// position (its per-start cap, 10^10 steps in all); the article's budget ends that.
    @Test func aRunOfExclamationMarksFinishes() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let rubric = try RubricLoader.load(path: root.appendingPathComponent("Rubrics").path)
        let scored = Engine(rubric: rubric).score(Article(text: "What a disastrous plan" + String(repeating: "!", count: 300_000)))
        #expect(scored.findings.contains { $0.text == "disastrous" })
        #expect(scored.warnings.count <= 1, "\(scored.warnings)")
    }

    @Test func simplePatternBudgetIsSharedAcrossStartPositions() throws {
        // Each start position stays under the per-start cap; together they exceed the article's budget.
        let pattern = try #require(SimplePattern(#"(a|a)*b"#))
        let set = PatternSet([pattern])
        var exhausted: [Bool] = []
        let text = Array(String(repeating: "a", count: 30_000).unicodeScalars.map(\.value))
        _ = set.matches(in: text, exhausted: &exhausted)
        #expect(exhausted == [true])
        let fine = try #require(SimplePattern(#"\bsaid\b"#))
        _ = PatternSet([fine]).matches(in: Array(String(repeating: "he said so ", count: 50_000).unicodeScalars.map(\.value)), exhausted: &exhausted)
        #expect(exhausted == [false])
    }
}
