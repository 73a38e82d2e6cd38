import Foundation
import Testing

/// A small rubric and gold file where calibration has an obvious answer: `strong` words
/// mark every labelled unit, `noise` words turn up in labelled and unlabelled units alike.
/// The rubric as written (any finding ⇒ label) flags the noise; switching the noise rule
/// off separates the classes, on held-out folds as well as on the training ones.
private struct CalibrationFixture {
    let dir: URL
    var rubric: String { dir.appendingPathComponent("rubric").path }
    var gold: String { dir.appendingPathComponent("gold.jsonl").path }
    func path(_ name: String) -> String { dir.appendingPathComponent(name).path }

    static let manifest = """
    # A rubric for the calibrate CLI tests.
    name: calib
    version: 0.3.0
    rules: [rules/r.yaml]
    lexicons: lexicons

    # How labels are predicted; the comment must survive calibration.
    labels:
      loaded:
        families: [loaded_language]
        measure: weight
        threshold: 0.5   # one finding
      other: {rules: [strong], threshold: 1}

    """

    static let rules = """
    rules:
      - id: strong
        family: loaded_language
        kind: lexicon
        lexicons: [strong-words]
        weight: 1
        message: "Loaded: {match}"
      - id: noise
        family: loaded_language
        kind: lexicon
        lexicons: [noise-words]
        weight: 1
        message: "Maybe loaded: {match}"

    """

    init() throws {
        let fm = FileManager.default
        dir = fm.temporaryDirectory.appendingPathComponent("slant-calibrate-\(UUID().uuidString)")
        let rubric = dir.appendingPathComponent("rubric")
        try fm.createDirectory(at: rubric.appendingPathComponent("rules"), withIntermediateDirectories: true)
        try fm.createDirectory(at: rubric.appendingPathComponent("lexicons"), withIntermediateDirectories: true)
        try Self.manifest.write(to: rubric.appendingPathComponent("rubric.yaml"), atomically: true, encoding: .utf8)
        try Self.rules.write(to: rubric.appendingPathComponent("rules/r.yaml"), atomically: true, encoding: .utf8)
        try "lexicon: strong-words\nsource: Written for the Slant CLI tests.\nterms: [awful, dreadful]\n"
            .write(to: rubric.appendingPathComponent("lexicons/strong.yaml"), atomically: true, encoding: .utf8)
        try "lexicon: noise-words\nsource: Written for the Slant CLI tests.\nterms: [plan, report]\n"
            .write(to: rubric.appendingPathComponent("lexicons/noise.yaml"), atomically: true, encoding: .utf8)

        var lines: [String] = []
        func unit(_ id: String, _ text: String, _ labels: [String]) {
            let labelsJSON = labels.map { "\"\($0)\"" }.joined(separator: ",")
            lines.append("{\"id\": \"\(id)\", \"text\": \"\(text)\", \"labels\": [\(labelsJSON)], \"spans\": []}")
        }
        for i in 0..<20 { unit("pos\(i)", i.isMultiple(of: 2) ? "The awful plan failed again." : "A dreadful day for the town.", ["loaded"]) }
        for i in 0..<20 { unit("neg\(i)", i.isMultiple(of: 2) ? "The council published its plan." : "A report came out on Monday.", []) }
        for i in 0..<10 { unit("none\(i)", "The meeting starts at nine.", []) }
        try (lines.joined(separator: "\n") + "\n").write(toFile: gold, atomically: true, encoding: .utf8)
    }

    func write(_ name: String, _ text: String) throws -> String {
        try text.write(toFile: path(name), atomically: true, encoding: .utf8)
        return path(name)
    }
}

private func json(_ text: String) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any], "not a JSON object: \(text)")
}

@Suite struct CalibrateCLITests {
    @Test func reportsCrossValidatedFiguresNextToTheRubrics() throws {
        let f = try CalibrationFixture()
        let r = try CLI.run(["calibrate", f.gold, "--label", "loaded", "--rubric", f.rubric])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.isEmpty, "\(r.stderr)")
        #expect(r.stdout.contains("50 units, 20 labelled loaded"), "\(r.stdout)")
        #expect(r.stdout.contains("5 stratified folds (seed 1)"))
        let rows = r.stdout.split(separator: "\n").map(String.init)
        let current = try #require(rows.first { $0.hasPrefix("rubric 0.3.0 as it is") }, "\(r.stdout)")
        let held = try #require(rows.first { $0.hasPrefix("calibrated, held-out folds") })
        // tp fp fn tn: the rubric flags the 20 noise units; calibration does not.
        #expect(current.split(separator: " ").dropFirst(5).prefix(4) == ["20", "20", "0", "10"], "\(current)")
        #expect(held.split(separator: " ").dropFirst(3).prefix(4) == ["20", "0", "0", "30"], "\(held)")
        #expect(rows.filter { $0.hasPrefix("  fold ") }.count == 5)
        #expect(rows.contains { $0.hasPrefix("  noise") && $0.contains("1 → 0") }, "\(r.stdout)")
        #expect(rows.contains { $0.hasPrefix("  threshold  0.5 → ") })
        #expect(r.stdout.contains("not written"))
    }

    @Test func jsonHasTheFiguresAndTheParametersOnly() throws {
        let f = try CalibrationFixture()
        let r = try CLI.run(["calibrate", f.gold, "--label", "loaded", "--rubric", f.rubric, "--format", "json", "--folds", "4", "--seed", "9"])
        #expect(r.status == 0, "\(r.stderr)")
        let doc = try json(r.stdout)
        #expect(doc["label"] as? String == "loaded")
        #expect(doc["folds"] as? Int == 4 && doc["seed"] as? Int == 9)
        #expect(doc["units"] as? Int == 50 && doc["positives"] as? Int == 20)
        let current = try #require(doc["current"] as? [String: Any])
        let cv = try #require(doc["cross_validated"] as? [String: Any])
        #expect(current["macro_f1"] as? Double ?? 1 < 0.8)
        #expect(cv["macro_f1"] as? Double == 1)
        let folds = try #require(cv["folds"] as? [[String: Any]])
        #expect(folds.count == 4)
        #expect(folds.compactMap { $0["units"] as? Int }.reduce(0, +) == 50, "every unit held out once")
        #expect(folds.allSatisfy { ($0["units"] as? Int ?? 0) + ($0["trained_on"] as? Int ?? 0) == 50 })
        let fitted = try #require(doc["fitted"] as? [String: Any])
        let weights = try #require(fitted["rule_weights"] as? [String: Any])
        #expect(weights["noise"] as? Double == 0)
        // The final model's figures on the data it was fitted on are not reported anywhere.
        #expect(fitted["macro_f1"] == nil && fitted["tp"] == nil)
        #expect(doc["written"] is NSNull)

        // Same seed, same folds, same output.
        let again = try CLI.run(["calibrate", f.gold, "--label", "loaded", "--rubric", f.rubric, "--format", "json", "--folds", "4", "--seed", "9"])
        #expect(again.stdout == r.stdout)
    }

    @Test func outWritesANewRubricVersionThatCheckAndEvalUse() throws {
        let f = try CalibrationFixture()
        let out = f.path("calibrated")
        let r = try CLI.run(["calibrate", f.gold, "--label", "loaded", "--rubric", f.rubric, "--out", out])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("wrote \(out): calib 0.3.1"), "\(r.stdout)")

        let check = try CLI.run(["rubric", "check", out])
        #expect(check.status == 0, "\(check.stderr)")
        #expect(check.stdout.contains("ok — calib 0.3.1"), "\(check.stdout)")
        #expect(!check.stdout.contains("warning"), "\(check.stdout)")

        let manifest = try String(contentsOfFile: out + "/rubric.yaml", encoding: .utf8)
        #expect(manifest.contains("# How labels are predicted; the comment must survive calibration."))
        #expect(manifest.contains("# Calibrated by `slant calibrate` on "), "\(manifest)")
        #expect(manifest.contains("gold.jsonl (50 units, 20 loaded)"), "\(manifest)")
        #expect(manifest.contains("    rule_weights:\n      noise: 0\n"), "\(manifest)")
        #expect(manifest.contains("  other: {rules: [strong], threshold: 1}\n"), "other labels are left as they were")
        #expect(try String(contentsOfFile: f.rubric + "/rubric.yaml", encoding: .utf8) == CalibrationFixture.manifest, "the original is untouched")

        let before = try CLI.run(["eval", f.gold, "--rubric", f.rubric])
        let after = try CLI.run(["eval", f.gold, "--rubric", out])
        #expect(before.status == 0 && after.status == 0, "\(after.stderr)")
        let beforeRow = try #require(before.stdout.split(separator: "\n").first { $0.contains("loaded") })
        let afterRow = try #require(after.stdout.split(separator: "\n").first { $0.contains("loaded") })
        #expect(beforeRow.hasSuffix("0.667  0.583"), "\(beforeRow)")
        #expect(afterRow.hasSuffix("1.000  1.000"), "\(afterRow)")

        // The folder now holds a rubric: writing there again is refused before any scoring.
        let again = try CLI.run(["calibrate", f.gold, "--label", "loaded", "--rubric", f.rubric, "--out", out])
        #expect(again.status == 2)
        #expect(again.stderr == "slant: \(out): exists and is not empty; choose a new or empty folder for the calibrated rubric\n")
    }

    @Test func calibratingACalibratedRubricReplacesItsNote() throws {
        let f = try CalibrationFixture()
        let first = f.path("v1"), second = f.path("v2")
        #expect(try CLI.run(["calibrate", f.gold, "--label", "loaded", "--rubric", f.rubric, "--out", first]).status == 0)
        let r = try CLI.run(["calibrate", f.gold, "--label", "loaded", "--rubric", first, "--out", second, "--objective", "f1"])
        #expect(r.status == 0, "\(r.stderr)")
        let manifest = try String(contentsOfFile: second + "/rubric.yaml", encoding: .utf8)
        #expect(manifest.components(separatedBy: "Calibrated by").count == 2, "\(manifest)")
        #expect(manifest.contains("objective F1"))
        #expect(manifest.contains("version: 0.3.2"))
        #expect(manifest.components(separatedBy: "rule_weights:").count == 2)
        #expect(try CLI.run(["rubric", "check", second]).status == 0)
    }

    @Test(arguments: [
        (["--label", "biased"], "the rubric has no label 'biased' (known: loaded, other)"),
        (["--label", "loaded", "--folds", "60"], "50 units are too few for 60 folds: every fold needs at least one unit to measure on"),
        (["--label", "loaded", "--folds", "1"], "--folds must be at least 2 (got 1): cross-validation needs a fold to fit on and one to measure on"),
    ])
    func usageErrorsAreOneLineAndExit2(arguments: [String], message: String) throws {
        let f = try CalibrationFixture()
        let r = try CLI.run(["calibrate", f.gold, "--rubric", f.rubric] + arguments)
        #expect(r.status == 2)
        #expect(r.stderr == "slant: \(message)\n")
        #expect(r.stdout.isEmpty)
    }

    @Test func badInputsAreOneLineAndExit2() throws {
        let f = try CalibrationFixture()
        let other = try f.write("other.jsonl", "{\"id\": \"a\", \"text\": \"An awful day.\", \"labels\": [\"biased\"]}\n")
        var r = try CLI.run(["calibrate", other, "--label", "loaded", "--rubric", f.rubric])
        #expect(r.status == 2)
        #expect(r.stderr == "slant: no unit of \(other) (1 units) has the label 'loaded'; calibration needs units with and without it\n")

        let broken = try f.write("broken.jsonl", "{\"id\": \"a\", \"text\": \"ok\", \"labels\": [\"loaded\"]}\n{not json\n")
        r = try CLI.run(["calibrate", broken, "--label", "loaded", "--rubric", f.rubric])
        #expect(r.status == 2)
        #expect(r.stderr == "slant: \(broken):2: not a gold unit: invalid JSON\n")

        r = try CLI.run(["calibrate", f.path("missing.jsonl"), "--label", "loaded", "--rubric", f.rubric])
        #expect(r.status == 2)
        #expect(r.stderr == "slant: \(f.path("missing.jsonl")): cannot be read: no such file\n")

        // A file not annotated for the label is skipped (as `slant eval` skips it), not read as all negatives.
        r = try CLI.run(["calibrate", f.gold, other, "--label", "loaded", "--rubric", f.rubric])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("skipped (no unit has the label): \(other)"), "\(r.stdout)")
        #expect(r.stdout.contains("50 units"))
    }
}
