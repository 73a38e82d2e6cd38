import Foundation
import SlantText
import Testing
@testable import SlantRules

/// An example with the given rule tallies (each finding of weight `value`, one finding per rule).
private func example(_ index: Int, _ gold: Bool, _ tallies: [String: Double]) -> CalibrationExample {
    CalibrationExample(index: index, gold: gold, tallies: tallies.mapValues { .init(value: $0, count: 1) })
}

private func finding(_ rule: String, _ family: Family = .loadedLanguage, weight: Double, voice: Voice = .author) -> Finding {
    Finding(rule: rule, family: family, span: TextSpan(start: 0, end: 1), text: "x", message: "", weight: weight, voice: voice, paragraph: 0)
}

private func label(_ name: String = "loaded", families: Set<Family> = [.loadedLanguage], threshold: Double = 0.5,
                   ruleWeights: [String: Double] = [:]) -> LabelRules.Label {
    LabelRules.Label(name: name, families: families, rules: [], authorOnly: true, byWeight: true, threshold: threshold,
                     sourceTypes: [], ruleWeights: ruleWeights)
}

/// Predicts the gold label for the units it was fitted on and the opposite for all others:
/// perfect on training units, always wrong on new ones.
private struct Memoriser: LabelPredictor {
    var seen: [Int: Bool]
    func predicts(_ e: CalibrationExample) -> Bool { seen[e.index].map { $0 } ?? !e.gold }
}

@Suite struct CalibrationTests {
    // MARK: the model

    @Test func modelPredictsExactlyWhatTheLabelRulePredicts() {
        // Weights that do not add up exactly in binary (0.1 + 0.2), a ×0 rule, quoted findings.
        let weights: [String: Double] = ["a": 1.5, "b": 0, "c": 0.25]
        let cases: [[Finding]] = [
            [],
            [finding("a", weight: 0.1), finding("a", weight: 0.2)],
            [finding("b", weight: 5)],
            [finding("b", weight: 5), finding("c", weight: 2)],
            [finding("c", weight: 1.2), finding("a", weight: 0.2), finding("c", weight: 0.8)],
            [finding("d", weight: 0.3), finding("a", weight: 0.1, voice: .quoted)],
            [finding("x", .hedging, weight: 9)],
        ]
        for threshold in [0.0, 0.3, 0.45, 0.5, 1, 2.5] {
            let l = label(threshold: threshold, ruleWeights: weights)
            let model = CalibrationModel(label: l)
            for (i, findings) in cases.enumerated() {
                let e = CalibrationExample(index: i, gold: false, findings: findings, label: l)
                #expect(model.predicts(e) == l.predicts(findings), "case \(i) at threshold \(threshold)")
            }
        }
        // Without rule_weights a label measures as it always did: weight sum of author findings.
        let plain = label(threshold: 1)
        #expect(plain.predicts([finding("a", weight: 0.6), finding("b", weight: 0.4)]))
        #expect(!plain.predicts([finding("a", weight: 0.6), finding("b", weight: 0.4, voice: .quoted)]))
        // A rule weighted ×0 no longer counts, even at threshold 0.
        #expect(!label(threshold: 0, ruleWeights: ["a": 0]).predicts([finding("a", weight: 3)]))
    }

    // MARK: fitting

    @Test func fitFindsTheThresholdThatSeparatesTheClasses() {
        // Labelled units carry weight 2, unlabelled ones 1: the rubric's 0.5 flags them all.
        let examples = (0..<20).map { example($0, $0 < 10, ["a": $0 < 10 ? 2 : 1]) }
        let model = CalibrationFitter(objective: .macroF1).fit(examples)
        #expect(model.threshold > 1 && model.threshold <= 2)
        #expect(model.threshold == 1.5, "a short number between the two scores")
        #expect(examples.allSatisfy { model.predicts($0) == $0.gold })
    }

    @Test func fitSwitchesOffARuleThatFiresOnBothClasses() {
        // "signal" fires on every labelled unit; "noise" fires with more weight on half the
        // labelled units and on every unlabelled one. Only dropping noise separates them.
        var examples: [CalibrationExample] = []
        for i in 0..<12 { examples.append(example(i, true, i.isMultiple(of: 2) ? ["signal": 1, "noise": 2] : ["signal": 1])) }
        for i in 12..<24 { examples.append(example(i, false, ["noise": 2])) }
        let before = CalibrationModel(ruleWeights: [:], threshold: 0.5)
        #expect(examples.filter { before.predicts($0) != $0.gold }.count == 12)
        let model = CalibrationFitter(objective: .f1).fit(examples)
        #expect(model.multiplier(for: "noise") == 0)
        #expect(model.multiplier(for: "signal") > 0)
        #expect(examples.allSatisfy { model.predicts($0) == $0.gold })
    }

    @Test func fitKeepsMultipliersOfRulesItNeverSaw() {
        let examples = (0..<6).map { example($0, $0 < 3, ["a": $0 < 3 ? 2 : 1]) }
        let model = CalibrationFitter(initial: ["unseen": 0.5]).fit(examples)
        #expect(model.ruleWeights["unseen"] == 0.5)
        #expect(model.ruleWeights["a"] != nil)
    }

    @Test func fitIsDeterministic() {
        let examples = (0..<40).map { (i: Int) -> CalibrationExample in
            let tallies: [String: Double] = ["a": Double(i % 5), "b": Double(i % 7) / 2, "c": 1]
            return example(i, i % 3 == 0, tallies)
        }
        let fitter = CalibrationFitter()
        #expect(fitter.fit(examples) == fitter.fit(examples))
    }

    @Test func thresholdsAreShortNumbersStrictlyBetweenScores() {
        #expect(CalibrationThreshold.between(0.5, 1.0) == 0.8)
        #expect(CalibrationThreshold.between(1, 2) == 1.5)
        #expect(CalibrationThreshold.between(0.31, 0.32) == 0.315)
        let t = CalibrationThreshold.between(0.1 + 0.2, 0.3000001)
        #expect(t > 0.1 + 0.2 && t < 0.3000001)
        // Nothing flagged beats flagging everything when most units are unlabelled.
        let choice = CalibrationThreshold.best(scores: [1, 1, 1, nil], gold: [false, false, false, true], objective: .f1)
        #expect(choice.counts.fp == 0, "ties go to the higher threshold")
    }

    // MARK: folds

    @Test func foldsAreDeterministicDisjointAndStratified() {
        let gold = (0..<103).map { $0 % 4 == 0 }
        let folds = CalibrationFolds.make(gold: gold, folds: 5, seed: 7)
        #expect(folds == CalibrationFolds.make(gold: gold, folds: 5, seed: 7), "same seed, same folds")
        #expect(folds != CalibrationFolds.make(gold: gold, folds: 5, seed: 8), "another seed shuffles differently")
        #expect(folds.count == 5)
        let all = folds.flatMap { $0 }
        #expect(all.count == gold.count && Set(all) == Set(gold.indices), "every unit in exactly one fold")
        let sizes = folds.map(\.count)
        #expect(sizes.max()! - sizes.min()! <= 1)
        let positives = folds.map { $0.filter { gold[$0] }.count }
        #expect(positives.max()! - positives.min()! <= 1, "\(positives)")
        // Not simply in input order.
        #expect(folds[0] != Array(stride(from: 0, to: 103, by: 5)))
    }

    @Test func foldsArePinnedForASeed() {
        // The shuffle is Slant's own (SplitMix64 + Fisher–Yates), so these never change.
        let folds = CalibrationFolds.make(gold: [true, true, false, false, false, true], folds: 2, seed: 1)
        #expect(folds.flatMap { $0 }.sorted() == [0, 1, 2, 3, 4, 5])
        #expect(folds == CalibrationFolds.make(gold: [true, true, false, false, false, true], folds: 2, seed: 1))
        var g = SplitMix64(seed: 1)
        #expect(g.next() == 0x910A_2DEC_8902_5CC1, "SplitMix64's published first output for seed 1")
    }

    // MARK: cross-validation never measures on training units

    @Test func crossValidationMeasuresOnlyOnHeldOutUnits() {
        let examples = (0..<30).map { example($0, $0 % 3 == 0, ["a": 1]) }
        let folds = CalibrationFolds.make(gold: examples.map(\.gold), folds: 5, seed: 3)
        var fitted: [[Int]] = []
        let cv = CalibrationCrossValidation(examples: examples, folds: folds) { training -> Memoriser in
            fitted.append(training.map(\.index))
            return Memoriser(seen: Dictionary(uniqueKeysWithValues: training.map { ($0.index, $0.gold) }))
        }
        // A memoriser is perfect on what it saw and wrong on everything else; any unit
        // measured by a model that saw it would score a hit.
        #expect(cv.pooled.tp == 0 && cv.pooled.tn == 0, "\(cv.pooled)")
        #expect(cv.pooled.total == examples.count, "each unit measured exactly once")
        for (fold, trained) in zip(cv.folds, fitted) {
            #expect(Set(fold.heldOut).isDisjoint(with: trained))
            #expect(Set(fold.heldOut).union(trained) == Set(examples.indices))
            #expect(fold.trainedOn == trained)
        }
    }

    @Test func calibrationDoesNotReportWhatTheFitMemorised() throws {
        // One rule per unit, so the fit can memorise: switch off the rules of unlabelled
        // units and the training set is predicted perfectly. Nothing of that carries over
        // to units it has not seen, and the cross-validated figures must show it.
        let scratch = try ScratchRubric(
            manifest: ScratchRubric.manifest + "\nlabels:\n  loaded: {families: [loaded_language], threshold: 0.5}\n",
            rules: ["x.yaml": (["rules:"] + (0..<40).map { "  - {id: r\($0), family: loaded_language, kind: pattern, patterns: ['\\bw\($0)\\b'], message: m}" })
                .joined(separator: "\n") + "\n"])
        let rubric = try scratch.load()
        let engine = Engine(rubric: rubric)
        let units = (0..<40).map { GoldUnit(id: "u\($0)", text: "The w\($0) item.", labels: $0 % 2 == 0 ? ["loaded"] : [], spans: []) }
        let l = try Calibration.label(named: "loaded", in: rubric)
        let selection = try Calibration.select(label: "loaded", files: [("gold.jsonl", units)], folds: 4)
        let findings = selection.units.map { Evaluator.findings(for: $0, engine: engine) }
        #expect(findings.allSatisfy { $0.count == 1 })
        let outcome = Calibration.run(selection: selection, findings: findings, label: l, rubric: rubric, options: .init(folds: 4))

        let examples = selection.units.enumerated().map { CalibrationExample(index: $0, gold: $1.labels == ["loaded"], findings: findings[$0], label: l) }
        #expect(examples.allSatisfy { outcome.fitted.predicts($0) == $0.gold }, "the fit memorised its training data")
        #expect(outcome.crossValidation.pooled.macroF1 < 0.5, "held-out figures: \(outcome.crossValidation.pooled)")
        #expect(outcome.current.macroF1 < 0.5)
    }

    // MARK: input checks

    @Test func requestsThatCannotBeCalibratedAreRefused() throws {
        let rubric = try ScratchRubric(manifest: ScratchRubric.manifest + "\nlabels:\n  loaded: {families: [loaded_language]}\n").load()
        #expect(throws: CalibrationError.unknownLabel("biased", known: ["loaded"])) { try Calibration.label(named: "biased", in: rubric) }
        let units = (0..<4).map { GoldUnit(id: "\($0)", text: "t", labels: $0 == 0 ? ["loaded"] : [], spans: []) }
        #expect(throws: CalibrationError.labelAbsent("other", files: ["a.jsonl"], units: 4)) {
            try Calibration.select(label: "other", files: [("a.jsonl", units)], folds: 2)
        }
        #expect(throws: CalibrationError.tooFewUnits(units: 4, folds: 5)) { try Calibration.select(label: "loaded", files: [("a.jsonl", units)], folds: 5) }
        #expect(throws: CalibrationError.tooFewFolds(1)) { try Calibration.select(label: "loaded", files: [("a.jsonl", units)], folds: 1) }
        #expect(throws: CalibrationError.labelEverywhere("loaded", units: 1)) {
            try Calibration.select(label: "loaded", files: [("a.jsonl", [units[0]])], folds: 2)
        }
        // A file not annotated for the label is left out rather than read as all negatives.
        let other = [GoldUnit(id: "x", text: "t", labels: ["something"], spans: [])]
        let selection = try Calibration.select(label: "loaded", files: [("a.jsonl", units), ("b.jsonl", other)], folds: 2)
        #expect(selection.units.count == 4 && selection.skippedFiles == ["b.jsonl"])
    }

    // MARK: rule_weights in the rubric

    @Test func ruleWeightsAreParsed() throws {
        let rubric = try ScratchRubric(manifest: ScratchRubric.manifest + """

        labels:
          loaded:
            families: [loaded_language]
            threshold: 0.75
            rule_weights: {loaded: 1.5}
          other: {rules: [loaded]}
        """).load()
        #expect(rubric.warnings.isEmpty, "\(rubric.warnings)")
        #expect(rubric.labelRules.labels["loaded"]?.ruleWeights == ["loaded": 1.5])
        #expect(rubric.labelRules.labels["loaded"]?.multiplier(for: "loaded") == 1.5)
        #expect(rubric.labelRules.labels["other"]?.ruleWeights == [:])
    }

    @Test(arguments: [
        ("    rule_weights: {loaded: 1, nope: 2}", 8, 31, "rule_weights of label 'loaded': no rule 'nope' in the rubric"),
        ("    rule_weights:\n      loaded: -1", 9, 15, "the multiplier of rule 'loaded' must not be negative"),
        ("    rule_weights:\n      loaded: lots", 9, 15, "the multiplier of rule 'loaded' must be a number"),
        ("    rule_weights:\n      loaded: .inf", 9, 15, "the multiplier of rule 'loaded' must be a finite number"),
        ("    rule_weights: [loaded]", 8, 19, "rule_weights of label 'loaded' must be a mapping of keys to values"),
    ])
    func badRuleWeightsAreReportedWithPositions(yaml: String, line: Int, column: Int, message: String) throws {
        let scratch = try ScratchRubric(manifest: ScratchRubric.manifest + "\n\nlabels:\n  loaded:\n    families: [loaded_language]\n" + yaml + "\n")
        do {
            _ = try scratch.load()
            Issue.record("loaded")
        } catch let error as RubricError {
            #expect(error == .invalid(SourceLocation(file: scratch.file("rubric.yaml"), line: line, column: column), message: message))
        }
    }

    // MARK: editing the manifest

    static let manifest = """
    # A rubric.
    name: tiny
    version: 1.2.3   # bumped by hand
    rules: [rules/x.yaml]

    # How labels are predicted.
    labels:
      # The first label.
      loaded:
        families: [loaded_language]   # what counts
        measure: weight
        threshold: 0.5                # one clear signal
        rule_weights:
          loaded: 3
      inline: {rules: [loaded], voice: any, measure: count, threshold: 1}
      # Another.
      last:
        rules: [loaded]

    # Spans.
    spans:
      x: {rules: [loaded]}

    """

    @Test func editChangesOnlyTheLabelsEntryAndTheVersion() throws {
        let l = label(threshold: 0.5, ruleWeights: ["loaded": 3])
        let model = CalibrationModel(ruleWeights: ["loaded": 1.5, "b.c": 0], threshold: 0.8)
        let edited = try CalibrationManifestEdit.apply(to: Self.manifest, file: "rubric.yaml", label: l, model: model,
                                                       version: "1.2.4", note: ["on a day:", "details"])
        let expected = Self.manifest
            .replacingOccurrences(of: "version: 1.2.3   # bumped by hand", with: "version: 1.2.4  # bumped by hand")
            .replacingOccurrences(of: """
              # The first label.
              loaded:
                families: [loaded_language]   # what counts
                measure: weight
                threshold: 0.5                # one clear signal
                rule_weights:
                  loaded: 3

            """, with: """
              # The first label.
              # Calibrated by `slant calibrate` on a day:
              #   details
              loaded:
                families: [loaded_language]   # what counts
                measure: weight
                threshold: 0.8  # one clear signal
                rule_weights:
                  b.c: 0
                  loaded: 1.5

            """)
        #expect(edited == expected)

        // Calibrating again replaces the earlier note instead of adding another.
        let again = try CalibrationManifestEdit.apply(to: edited, file: "rubric.yaml", label: l, model: model, version: "1.2.5", note: ["later:", "more"])
        #expect(again.components(separatedBy: "Calibrated by").count == 2)
        #expect(again.contains("# Calibrated by `slant calibrate` later:\n  #   more\n  loaded:\n"))
        #expect(!again.contains("details"))
    }

    @Test func inlineEntriesAreWrittenOutAsBlocks() throws {
        let l = LabelRules.Label(name: "inline", families: [], rules: ["loaded"], authorOnly: false, byWeight: false, threshold: 1,
                                 sourceTypes: [])
        let edited = try CalibrationManifestEdit.apply(to: Self.manifest, file: "rubric.yaml", label: l,
                                                       model: CalibrationModel(ruleWeights: ["loaded": 2], threshold: 2), version: "1.2.4", note: ["n"])
        #expect(edited.contains("""
              # Calibrated by `slant calibrate` n
              inline:
                rules: [loaded]
                voice: any
                measure: count
                threshold: 2
                rule_weights:
                  loaded: 2
              # Another.
              last:
            """))
        // The last label, with no threshold yet, gets one after its keys.
        let last = LabelRules.Label(name: "last", families: [], rules: ["loaded"], authorOnly: true, byWeight: true, threshold: 1, sourceTypes: [])
        let edited2 = try CalibrationManifestEdit.apply(to: Self.manifest, file: "rubric.yaml", label: last,
                                                        model: CalibrationModel(ruleWeights: [:], threshold: 0.3), version: "1.2.4", note: ["n"])
        #expect(edited2.contains("  last:\n    rules: [loaded]\n    threshold: 0.3\n\n# Spans.\n"))
        // Line endings stay as they were.
        let crlf = try CalibrationManifestEdit.apply(to: Self.manifest.replacingOccurrences(of: "\n", with: "\r\n"), file: "rubric.yaml",
                                                     label: last, model: CalibrationModel(ruleWeights: [:], threshold: 0.3), version: "1.2.4", note: ["n"])
        #expect(crlf == edited2.replacingOccurrences(of: "\n", with: "\r\n"))
    }

    @Test func editRefusesWhatItCannotFind() {
        #expect(throws: CalibrationError.cannotEdit(file: "r.yaml", reason: "no entry for label 'nope' under 'labels:'")) {
            try CalibrationManifestEdit.apply(to: Self.manifest, file: "r.yaml", label: label("nope"),
                                              model: CalibrationModel(ruleWeights: [:], threshold: 1), version: "2", note: [])
        }
        #expect(throws: CalibrationError.cannotEdit(file: "r.yaml", reason: "'labels:' is written inline; write it as a block (one label per line) to calibrate")) {
            try CalibrationManifestEdit.apply(to: "name: a\nversion: 1\nlabels: {loaded: {rules: [x]}}\n", file: "r.yaml", label: label(),
                                              model: CalibrationModel(ruleWeights: [:], threshold: 1), version: "2", note: [])
        }
    }

    @Test func versionsArePatchBumped() {
        #expect(CalibrationManifestEdit.bumpedVersion("0.2.0") == "0.2.1")
        #expect(CalibrationManifestEdit.bumpedVersion("1.9") == "1.10")
        #expect(CalibrationManifestEdit.bumpedVersion("2.0-beta.3") == "2.0-beta.4")
        #expect(CalibrationManifestEdit.bumpedVersion("newsroom") == "newsroom.1")
    }

    // MARK: writing the rubric folder

    @Test func writerCopiesTheRubricAndRefusesAFullFolder() throws {
        let scratch = try ScratchRubric(manifest: ScratchRubric.manifest + "\n\nlabels:\n  loaded:\n    families: [loaded_language]\n    threshold: 0.5\n")
        let rubric = try scratch.load()
        let l = try Calibration.label(named: "loaded", in: rubric)
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("slant-calibrated-\(UUID().uuidString)").path
        let model = CalibrationModel(ruleWeights: ["loaded": 2], threshold: 1.5)
        let written = try CalibrationRubricWriter.write(rubric: rubric, label: l, model: model, note: ["test"], to: out)
        #expect(written.version == "1.2.4")
        #expect(written.labelRules.labels["loaded"]?.threshold == 1.5)
        #expect(written.labelRules.labels["loaded"]?.ruleWeights == ["loaded": 2])
        #expect(FileManager.default.contents(atPath: out + "/lexicons/y.yaml") == FileManager.default.contents(atPath: scratch.file("lexicons/y.yaml")))
        #expect(try scratch.load().version == "1.2.3", "the original is untouched")
        #expect(throws: CalibrationError.outputNotEmpty(path: out)) {
            try CalibrationRubricWriter.write(rubric: rubric, label: l, model: model, note: ["test"], to: out)
        }
    }
}
