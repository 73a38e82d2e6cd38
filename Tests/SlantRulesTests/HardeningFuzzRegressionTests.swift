import Foundation
import SlantText
import Testing
@testable import SlantRules

/// Inputs kept from fuzzing (Fuzz/Regressions/rubric and /score), replayed in `make test`
/// exactly as the FuzzRubric and FuzzScore targets run them (see Fuzz/Sources). A rubric
/// input must load or fail with one positioned line, and a rubric that loads must score;
/// a text input must score with every finding inside its paragraph and every score in range.
@Suite struct HardeningFuzzRegressionTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    func inputs(_ target: String) throws -> [(name: String, bytes: [UInt8])] {
        let dir = Self.root.appendingPathComponent("Fuzz/Regressions/\(target)")
        return try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted().map {
            ($0, [UInt8](try Data(contentsOf: dir.appendingPathComponent($0))))
        }
    }

    static let manifest = "name: fuzz\nversion: 0.0.1\nscoring:\n  families: {loaded_language: 1, unsourced_claim: 1}\n  min_words: 10\n"
    static let rules = #"""
    rules:
      - id: loaded
        family: loaded_language
        kind: lexicon
        lexicons: [words]
      - id: figures
        family: unsourced_claim
        kind: pattern
        patterns: ['\b\d+(?:\.\d+)? (?:per ?cent|percent)\b', '(?<=said )\w+']
    """#
    static let lexicon = "lexicon: words\nsource: Written for the Slant fuzz target.\nterms:\n  - awful\n  - {term: slam, inflect: verb, weight: 2}\n"
    static let article = Article(text: """
    Critics slammed the awful plan, which "experts" say will cost 40 per cent more. \
    Crime has doubled since 2019, the mayor said: “We must act.” I think it may fail!

    Officials, who asked not to be named, said the bridge would reopen in May.
    """)

    @Test func rubricInputs() throws {
        let list = try inputs("rubric")
        #expect(!list.isEmpty)
        for (name, bytes) in list {
            guard let selector = bytes.first else { continue }
            let scratch = try ScratchRubric(manifest: Self.manifest, rules: ["fuzz.yaml": Self.rules], lexicons: ["fuzz.yaml": Self.lexicon])
            let target = ["rules/fuzz.yaml", "lexicons/fuzz.yaml", "rubric.yaml"][Int(selector) % 3]
            try Data(bytes.dropFirst()).write(to: URL(fileURLWithPath: scratch.file(target)))
            do {
                let rubric = try scratch.load()
                let scored = Engine(rubric: rubric).score(Self.article)
                #expect(scored.score.editorializing.isFinite, "\(name)")
            } catch let error as RubricError {
                #expect(error.description.hasPrefix(scratch.path), "\(name): \(error.description)")
                #expect(!error.description.contains("\n"), "\(name): \(error.description)")
            }
        }
    }

    @Test func scoreInputs() throws {
        let list = try inputs("score")
        #expect(!list.isEmpty)
        let rubric = try RubricLoader.load(path: Self.root.appendingPathComponent("Rubrics").path)
        let engine = Engine(rubric: rubric)
        for (name, bytes) in list {
            guard let selector = bytes.first else { continue }
            let format: ArticleFormat = [.text, .markdown, .html][Int(selector) % 3]
            let article = Article(source: name, format: format, rawText: String(decoding: bytes.dropFirst(), as: UTF8.self))
            let scored = engine.score(article)
            let index = scored.score.editorializing
            #expect(index.isFinite && index >= 0 && index <= 100, "\(name): \(index)")
            for p in scored.paragraphs {
                for f in p.findings {
                    #expect(p.paragraph.span.contains(f.span), "\(name): \(f.rule) \(f.span) outside \(p.paragraph.span)")
                    #expect(article.text(in: f.span) == f.text, "\(name): \(f.rule) at \(f.span)")
                }
            }
        }
    }
}
