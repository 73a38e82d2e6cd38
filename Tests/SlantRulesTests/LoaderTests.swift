import Foundation
import Testing
@testable import SlantRules

/// A throw-away rubric folder: `rubric.yaml`, `rules/*.yaml` and `lexicons/*.yaml`.
struct ScratchRubric {
    let path: String

    static let manifest = """
    name: tiny
    version: 1.2.3
    description: A rubric for loader tests.
    """

    static let rule = """
    rules:
      - id: loaded
        family: loaded_language
        kind: lexicon
        lexicons: [words]
        weight: 1.0
        message: "Loaded: {match}"
    """

    static let lexicon = """
    lexicon: words
    description: Test words.
    source: Written for the Slant loader tests.
    terms:
      - awful
      - {term: slam, inflect: verb, weight: 0.5}
    """

    /// Writes the files; `nil` leaves a file out.
    init(manifest: String? = ScratchRubric.manifest,
         rules: [String: String] = ["x.yaml": ScratchRubric.rule],
         lexicons: [String: String] = ["y.yaml": ScratchRubric.lexicon]) throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("slant-rubric-\(UUID().uuidString)")
        let fm = FileManager.default
        try fm.createDirectory(at: dir.appendingPathComponent("rules"), withIntermediateDirectories: true)
        try fm.createDirectory(at: dir.appendingPathComponent("lexicons"), withIntermediateDirectories: true)
        if let manifest { try manifest.write(to: dir.appendingPathComponent("rubric.yaml"), atomically: true, encoding: .utf8) }
        for (name, text) in rules {
            try text.write(to: dir.appendingPathComponent("rules/\(name)"), atomically: true, encoding: .utf8)
        }
        for (name, text) in lexicons {
            try text.write(to: dir.appendingPathComponent("lexicons/\(name)"), atomically: true, encoding: .utf8)
        }
        path = dir.path
    }

    func file(_ relative: String) -> String { path + "/" + relative }

    func write(_ relative: String, _ text: String) throws {
        try text.write(toFile: file(relative), atomically: true, encoding: .utf8)
    }

    func load() throws -> Rubric { try RubricLoader.load(path: path) }

    /// Loads and returns the error, recording an issue when the load succeeds.
    func loadError(sourceLocation: Testing.SourceLocation = #_sourceLocation) -> RubricError? {
        do {
            let rubric = try load()
            Issue.record("expected a RubricError, but the rubric loaded with \(rubric.rules.count) rules", sourceLocation: sourceLocation)
            return nil
        } catch let error as RubricError {
            return error
        } catch {
            Issue.record("expected a RubricError, got \(type(of: error)): \(error)", sourceLocation: sourceLocation)
            return nil
        }
    }
}

/// Splits "file:line:col: message" into its parts.
fileprivate func position(_ description: String) -> (file: String, line: Int, column: Int, message: String)? {
    let parts = description.split(separator: ":", maxSplits: 3, omittingEmptySubsequences: false)
    guard parts.count == 4, let line = Int(parts[1]), let column = Int(parts[2]), parts[3].hasPrefix(" ") else { return nil }
    return (String(parts[0]), line, column, String(parts[3].dropFirst()))
}

/// A rule file with one lexicon rule, with `extra` lines added to the rule mapping.
fileprivate func ruleFile(id: String = "loaded", family: String = "loaded_language", kind: String = "lexicon", extra: [String] = ["lexicons: [words]"]) -> String {
    (["rules:", "  - id: \(id)", "    family: \(family)", "    kind: \(kind)"] + extra.map { "    " + $0 }).joined(separator: "\n") + "\n"
}

@Suite struct LoaderTests {
    // MARK: valid rubrics

    @Test func minimalRubricLoads() throws {
        let scratch = try ScratchRubric()
        let rubric = try scratch.load()
        #expect(rubric.name == "tiny")
        #expect(rubric.version == "1.2.3")
        #expect(rubric.description == "A rubric for loader tests.")
        #expect(rubric.rules.count == 1)
        #expect(rubric.rules.first?.id == "loaded")
        #expect(rubric.rules.first?.family == .loadedLanguage)
        #expect(rubric.rules.first?.kindName == "lexicon")
        #expect(rubric.lexicons.keys.sorted() == ["words"])
        #expect(rubric.lexicons["words"]?.terms.map(\.term) == ["awful", "slam"])
        #expect(rubric.lexicons["words"]?.terms.map(\.weight) == [1.0, 0.5])
        #expect(rubric.warnings.isEmpty, "\(rubric.warnings)")
        // Defaults documented in RubricLoader.
        #expect(rubric.scoring.minWords == 25)
        #expect(rubric.scoring.scale == 12)
        #expect(rubric.scoring.flagThreshold == 40)
    }

    @Test func sha256IsHexAndFollowsEveryFile() throws {
        let scratch = try ScratchRubric()
        let first = try scratch.load().sha256
        #expect(first.count == 64)
        #expect(first.allSatisfy { "0123456789abcdef".contains($0) }, "\(first)")
        // Loading the same files again gives the same digest.
        #expect(try scratch.load().sha256 == first)

        // A changed lexicon changes it.
        try scratch.write("lexicons/y.yaml", ScratchRubric.lexicon + "\n  - dreadful\n")
        let second = try scratch.load().sha256
        #expect(second.count == 64)
        #expect(second != first)

        // So does a changed rule file, even by one comment.
        try scratch.write("rules/x.yaml", ScratchRubric.rule + "\n# a comment\n")
        let third = try scratch.load().sha256
        #expect(third != second)

        // And the manifest.
        try scratch.write("rubric.yaml", ScratchRubric.manifest.replacingOccurrences(of: "1.2.3", with: "1.2.4"))
        let fourth = try scratch.load()
        #expect(fourth.sha256 != third)
        #expect(fourth.version == "1.2.4")
    }

    @Test func scoringSettingsAreRead() throws {
        let scratch = try ScratchRubric(manifest: ScratchRubric.manifest + """

        scoring:
          families: {loaded_language: 2.5, attribution: 0.5}
          min_words: 10
          scale: 6
          flag_threshold: 30
        """)
        let s = try scratch.load().scoring
        #expect(s.familyWeights[.loadedLanguage] == 2.5)
        #expect(s.familyWeights[.attribution] == 0.5)
        #expect(s.familyWeights[.scareQuote] == nil)
        #expect(s.minWords == 10)
        #expect(s.scale == 6)
        #expect(s.flagThreshold == 30)
    }

    @Test func fileAndDirectoryPathsBothLoad() throws {
        let scratch = try ScratchRubric()
        let viaManifest = try RubricLoader.load(path: scratch.file("rubric.yaml"))
        #expect(viaManifest.name == "tiny")
        #expect(viaManifest.rules.count == 1)
        #expect(viaManifest.sha256 == (try scratch.load().sha256))
    }

    // MARK: YAML syntax and types

    @Test func yamlSyntaxErrorIsPositioned() throws {
        // Line 3 has a second "key: value" on one line, which YAML forbids.
        let broken = "rules:\n  - id: loaded\n    family: loaded_language: oops\n    kind: lexicon\n    lexicons: [words]\n"
        let scratch = try ScratchRubric(rules: ["x.yaml": broken])
        let error = try #require(scratch.loadError())
        let file = scratch.file("rules/x.yaml")
        #expect(error.description.hasPrefix(file + ":3:"), "\(error.description)")
        let pos = try #require(position(error.description), "not file:line:col: message — \(error.description)")
        #expect(pos.file == file)
        #expect(pos.line == 3)
        #expect(pos.column >= 1 && pos.column <= 40)
        #expect(error.location?.line == 3)
        #expect(!error.description.contains("\n"))
    }

    @Test func yamlSyntaxErrorInManifestIsPositioned() throws {
        let scratch = try ScratchRubric(manifest: "name: tiny\nversion: 1.2.3\nrules: [rules/x.yaml\n")
        let error = try #require(scratch.loadError())
        let pos = try #require(position(error.description), "\(error.description)")
        #expect(pos.file == scratch.file("rubric.yaml"))
        // The unclosed flow sequence is reported where the scanner gives up: line 3 or the end (line 4).
        #expect(pos.line == 3 || pos.line == 4, "\(error.description)")
    }

    @Test func wrongTypeIsPositionedAtTheNode() throws {
        let text = ruleFile(extra: ["lexicons: [words]", "message: fine", "weight: \"heavy\""])
        let scratch = try ScratchRubric(rules: ["x.yaml": text])
        let error = try #require(scratch.loadError())
        let pos = try #require(position(error.description), "\(error.description)")
        #expect(pos.file == scratch.file("rules/x.yaml"))
        #expect(pos.line == 7, "\(error.description)") // rules:, - id, family, kind, lexicons, message, weight
        #expect(pos.column == 13, "\(error.description)") // `    weight: "heavy"`: the value starts at column 13
        #expect(pos.message.contains("weight"))
        #expect(pos.message.contains("number"))
    }

    @Test func wrongTypeInManifestIsPositioned() throws {
        let scratch = try ScratchRubric(manifest: "name: tiny\nversion: 1.2.3\nscoring:\n  min_words: many\n")
        let error = try #require(scratch.loadError())
        let pos = try #require(position(error.description), "\(error.description)")
        #expect(pos.file == scratch.file("rubric.yaml"))
        #expect(pos.line == 4)
        #expect(pos.message.contains("min_words"))
    }

    @Test func unknownKeyIsAWarningNotAnError() throws {
        let text = ruleFile(extra: ["lexicons: [words]", "wieght: 2"])
        let scratch = try ScratchRubric(rules: ["x.yaml": text])
        let rubric = try scratch.load()
        #expect(rubric.rules.count == 1)
        #expect(rubric.rules.first?.weight == 1, "the misspelt key must not set the weight")
        let warning = try #require(rubric.warnings.first)
        #expect(rubric.warnings.count == 1, "\(rubric.warnings)")
        #expect(warning.location.file == scratch.file("rules/x.yaml"))
        #expect(warning.location.line == 6)
        #expect(warning.location.column == 5)
        #expect(warning.message.contains("wieght"))
        #expect(warning.description.hasPrefix(scratch.file("rules/x.yaml") + ":6:5: "), "\(warning.description)")
    }

    @Test func unknownManifestKeyIsAWarning() throws {
        let scratch = try ScratchRubric(manifest: ScratchRubric.manifest + "\nauthor: somebody\n")
        let rubric = try scratch.load()
        let warning = try #require(rubric.warnings.first)
        #expect(warning.location.file == scratch.file("rubric.yaml"))
        #expect(warning.location.line == 4)
        #expect(warning.message.contains("author"))
    }

    @Test func duplicateYAMLKeyIsPositioned() throws {
        let text = ruleFile(extra: ["lexicons: [words]", "weight: 1", "weight: 2"])
        let scratch = try ScratchRubric(rules: ["x.yaml": text])
        let error = try #require(scratch.loadError())
        #expect(error.location?.file == scratch.file("rules/x.yaml"), "\(error.description)")
        #expect(error.description.contains("weight"), "\(error.description)")
    }

    // MARK: rule validation

    @Test func duplicateRuleIDIsAnError() throws {
        let second = ruleFile(id: "loaded", family: "opinion")
        let scratch = try ScratchRubric(rules: ["x.yaml": ScratchRubric.rule, "z.yaml": second])
        let error = try #require(scratch.loadError())
        #expect(error.description.contains("duplicate rule id"), "\(error.description)")
        #expect(error.description.contains("loaded"))
        // Reported where the second definition stands, naming the first.
        let pos = try #require(position(error.description), "\(error.description)")
        #expect(pos.file == scratch.file("rules/z.yaml"))
        #expect(pos.line == 2)
        #expect(pos.message.contains(scratch.file("rules/x.yaml") + ":2:"), "\(error.description)")
    }

    @Test func duplicateRuleIDInOneFileIsAnError() throws {
        let text = ScratchRubric.rule + "\n" + ruleFile(id: "loaded").split(separator: "\n").dropFirst().joined(separator: "\n") + "\n"
        let scratch = try ScratchRubric(rules: ["x.yaml": text])
        let error = try #require(scratch.loadError())
        #expect(error.description.contains("duplicate rule id"), "\(error.description)")
    }

    @Test func unknownFamilyNamesTheKnownOnes() throws {
        let scratch = try ScratchRubric(rules: ["x.yaml": ruleFile(family: "spin")])
        let error = try #require(scratch.loadError())
        let pos = try #require(position(error.description), "\(error.description)")
        #expect(pos.file == scratch.file("rules/x.yaml"))
        #expect(pos.line == 3)
        #expect(pos.message.contains("spin"))
        for family in ["loaded_language", "unsourced_claim", "scare_quote", "attribution", "opinion", "hedging"] {
            #expect(pos.message.contains(family), "\(family) missing from: \(pos.message)")
        }
    }

    @Test func unknownKindNamesTheKnownOnes() throws {
        let scratch = try ScratchRubric(rules: ["x.yaml": ruleFile(kind: "regex")])
        let error = try #require(scratch.loadError())
        let pos = try #require(position(error.description), "\(error.description)")
        #expect(pos.line == 4)
        #expect(pos.message.contains("regex"))
        for kind in ["lexicon", "pattern", "scare-quote", "attribution", "claim"] {
            #expect(pos.message.contains(kind), "\(kind) missing from: \(pos.message)")
        }
    }

    @Test func missingLexiconReferenceNamesTheKnownOnes() throws {
        let scratch = try ScratchRubric(rules: ["x.yaml": ruleFile(extra: ["lexicons: [words, wordz]"])])
        let error = try #require(scratch.loadError())
        let pos = try #require(position(error.description), "\(error.description)")
        #expect(pos.file == scratch.file("rules/x.yaml"))
        #expect(pos.line == 5)
        #expect(pos.message.contains("wordz"))
        #expect(pos.message.contains("words"), "the known lexicons should be listed: \(pos.message)")
    }

    @Test func missingLexiconReferenceInAClaimSignal() throws {
        let claim = ruleFile(id: "claim", family: "unsourced_claim", kind: "claim",
                             extra: ["signals:", "  - name: figure", "    lexicon: figures"])
        let scratch = try ScratchRubric(rules: ["x.yaml": claim])
        let error = try #require(scratch.loadError())
        #expect(error.description.contains("figures"), "\(error.description)")
        #expect(error.location?.line == 7, "\(error.description)")
    }

    @Test func ruleFileListedInManifestMustExist() throws {
        let scratch = try ScratchRubric(manifest: ScratchRubric.manifest + "\nrules:\n  - rules/x.yaml\n  - rules/gone.yaml\n")
        let error = try #require(scratch.loadError())
        #expect(error.description.contains("gone.yaml"), "\(error.description)")
        #expect(error.location?.file == scratch.file("rubric.yaml"))
        #expect(error.location?.line == 6)
    }

    @Test func rubricWithoutRulesIsAnError() throws {
        let scratch = try ScratchRubric(rules: [:])
        let error = try #require(scratch.loadError())
        #expect(error.description.contains("no rules"), "\(error.description)")
    }

    // MARK: lexicon validation

    @Test func emptyLexiconIsAnError() throws {
        let scratch = try ScratchRubric(lexicons: ["y.yaml": "lexicon: words\nsource: tests\nterms: []\n"])
        let error = try #require(scratch.loadError())
        #expect(error.location?.file == scratch.file("lexicons/y.yaml"), "\(error.description)")
        #expect(error.description.contains("words"))
        #expect(error.description.contains("no terms"), "\(error.description)")
    }

    @Test func lexiconWithoutSourceIsAnError() throws {
        let scratch = try ScratchRubric(lexicons: ["y.yaml": "lexicon: words\nterms: [awful]\n"])
        let error = try #require(scratch.loadError())
        #expect(error.location?.file == scratch.file("lexicons/y.yaml"), "\(error.description)")
        #expect(error.description.contains("source"), "\(error.description)")
    }

    @Test func lexiconWithBlankSourceIsAnError() throws {
        let scratch = try ScratchRubric(lexicons: ["y.yaml": "lexicon: words\nsource: \"  \"\nterms: [awful]\n"])
        let error = try #require(scratch.loadError())
        #expect(error.description.contains("source"), "\(error.description)")
    }

    @Test func unknownInflectionIsAnError() throws {
        let scratch = try ScratchRubric(lexicons: ["y.yaml": "lexicon: words\nsource: tests\nterms:\n  - {term: slam, inflect: adverb}\n"])
        let error = try #require(scratch.loadError())
        #expect(error.location?.line == 4, "\(error.description)")
        #expect(error.description.contains("verb") && error.description.contains("noun"), "\(error.description)")
    }

    @Test func lexiconDefinedTwiceIsAnError() throws {
        let scratch = try ScratchRubric(lexicons: ["y.yaml": ScratchRubric.lexicon, "z.yaml": ScratchRubric.lexicon])
        let error = try #require(scratch.loadError())
        #expect(error.location?.file == scratch.file("lexicons/z.yaml"), "\(error.description)")
        #expect(error.description.contains("words"))
        #expect(error.description.contains("twice"))
    }

    @Test func ymlFilesAreReadToo() throws {
        let scratch = try ScratchRubric(rules: ["x.yml": ScratchRubric.rule], lexicons: ["y.yml": ScratchRubric.lexicon])
        let rubric = try scratch.load()
        #expect(rubric.rules.map(\.id) == ["loaded"])
        #expect(rubric.lexicons["words"] != nil)
    }

    // MARK: patterns

    func patternRubric(_ pattern: String) throws -> ScratchRubric {
        // Single-quoted YAML keeps backslashes as they are.
        let text = ruleFile(id: "pat", kind: "pattern", extra: ["patterns:", "  - '\(pattern)'"])
        return try ScratchRubric(rules: ["x.yaml": ScratchRubric.rule, "p.yaml": text])
    }

    @Test func patternThatDoesNotCompileIsAnError() throws {
        let scratch = try patternRubric("([a-z")
        let error = try #require(scratch.loadError())
        let pos = try #require(position(error.description), "\(error.description)")
        #expect(pos.file == scratch.file("rules/p.yaml"))
        #expect(pos.line == 6)
        #expect(pos.message.contains("([a-z"))
        #expect(!pos.message.contains("backtrack"))
    }

    @Test(arguments: ["(a+)+b", #"(\w*)*x"#, "(x|y+){2,}", #"((ab+))*c"#, #"(?:\d+\s?)+"#])
    func catastrophicPatternIsRejected(_ pattern: String) throws {
        let scratch = try patternRubric(pattern)
        let error = try #require(scratch.loadError())
        #expect(error.description.contains("backtrack"), "\(error.description)")
        #expect(error.location?.file == scratch.file("rules/p.yaml"))
        #expect(error.location?.line == 6)
    }

    @Test(arguments: ["(ab)+", "[a+]+", #"\(a+\)+"#, "(a|b)*c", #"[(a+)]+"#, #"\d+(?:,\d{3})?"#])
    func safePatternIsAccepted(_ pattern: String) throws {
        let scratch = try patternRubric(pattern)
        let rubric = try scratch.load()
        guard case .pattern(let p) = rubric.rule("pat")?.kind else {
            Issue.record("rule 'pat' is not a pattern rule")
            return
        }
        #expect(p.patterns.map(\.source) == [pattern])
    }

    @Test func catastrophicClaimSignalIsRejected() throws {
        let claim = ruleFile(id: "claim", family: "unsourced_claim", kind: "claim",
                             extra: ["signals:", "  - name: figure", "    pattern: '(\\d+)+%'"])
        let scratch = try ScratchRubric(rules: ["x.yaml": claim])
        let error = try #require(scratch.loadError())
        #expect(error.description.contains("backtrack"), "\(error.description)")
    }

    // MARK: missing folders

    @Test func missingDirectoryIsNotFound() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("slant-none-\(UUID().uuidString)").path
        #expect(throws: RubricError.notFound(path: path)) { try RubricLoader.load(path: path) }
    }

    @Test func directoryWithoutManifestIsNoManifest() throws {
        let scratch = try ScratchRubric(manifest: nil)
        #expect(throws: RubricError.noManifest(directory: scratch.path)) { try scratch.load() }
        do {
            _ = try scratch.load()
        } catch let error as RubricError {
            #expect(error.description.contains(scratch.path))
            #expect(error.description.contains("rubric.yaml"))
        }
    }
}
