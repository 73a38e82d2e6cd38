import Foundation
import SlantRules
import SlantText

/// One input: the first byte picks which file of a small valid rubric the rest
/// replaces (a rule file, a lexicon or the manifest). Loading must end in a rubric or
/// a one-line `RubricError` with a position; a rubric that loads must score an
/// article (libFuzzer's -timeout catches a pattern that would hang).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRubric(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 0 else { return 0 }
    let bytes = Data(UnsafeBufferPointer(start: data, count: size))
    let targets = ["rules/fuzz.yaml", "lexicons/fuzz.yaml", "rubric.yaml"]
    let target = targets[Int(bytes[bytes.startIndex]) % targets.count]
    Scratch.reset()
    try! bytes.dropFirst().write(to: URL(fileURLWithPath: Scratch.dir + "/" + target))
    do {
        let rubric = try RubricLoader.load(path: Scratch.dir)
        for w in rubric.warnings {
            check(!w.description.contains("\n") || w.message.contains("\n"), "warning spans lines: \(w.description)")
        }
        let scored = Engine(rubric: rubric).score(Scratch.article)
        check(scored.score.editorializing.isFinite || rubric.scoring.familyWeights.values.contains { !$0.isFinite },
              "index \(scored.score.editorializing)")
    } catch let error as RubricError {
        check(error.description.hasPrefix(Scratch.dir), "error does not name the file: \(error.description)")
    } catch {
        fatalError("unexpected error type \(type(of: error)): \(error)")
    }
    return 0
}

enum Scratch {
    static let dir: String = {
        let d = NSTemporaryDirectory() + "slant-fuzz-rubric-\(getpid())"
        try! FileManager.default.createDirectory(atPath: d + "/rules", withIntermediateDirectories: true)
        try! FileManager.default.createDirectory(atPath: d + "/lexicons", withIntermediateDirectories: true)
        return d
    }()

    static let manifest = """
    name: fuzz
    version: 0.0.1
    scoring:
      families: {loaded_language: 1, unsourced_claim: 1}
      min_words: 10
    """
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
    static let lexicon = """
    lexicon: words
    source: Written for the Slant fuzz target.
    terms:
      - awful
      - {term: slam, inflect: verb, weight: 2}
    """

    static func reset() {
        let fm = FileManager.default
        try! manifest.write(toFile: dir + "/rubric.yaml", atomically: false, encoding: .utf8)
        try! rules.write(toFile: dir + "/rules/fuzz.yaml", atomically: false, encoding: .utf8)
        try! lexicon.write(toFile: dir + "/lexicons/fuzz.yaml", atomically: false, encoding: .utf8)
        _ = fm
    }

    static let article = Article(text: """
    Critics slammed the awful plan, which "experts" say will cost 40 per cent more. \
    Crime has doubled since 2019, the mayor said: “We must act.” I think it may fail!

    Officials, who asked not to be named, said the bridge would reopen in May.
    """)
}

@inline(never)
func check(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String) {
    if !condition() { fatalError("invariant: \(message())") }
}
