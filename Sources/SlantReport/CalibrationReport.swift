import Foundation
import SlantRules

/// Output of `slant calibrate`: the rubric's figures and the calibrated model's
/// cross-validated (held-out) figures side by side, then the fitted parameters.
///
/// There is deliberately no row for the final model on the data: it was fitted on all of
/// it, so its figures there would flatter it. Only its parameters are shown.
public enum CalibrationReport {
    public static func text(_ o: Calibration.Outcome, rubric: Rubric, written: Rubric? = nil) -> String {
        let cv = o.crossValidation
        let name = o.label.name
        var out = "calibrate '\(name)' — rubric \(rubric.name) \(rubric.version)\n"
        out += "data: \(o.files.joined(separator: ", ")) — \(o.units) units, \(o.positives) labelled \(name)\n"
        if !o.skippedFiles.isEmpty { out += "skipped (no unit has the label): \(o.skippedFiles.joined(separator: ", "))\n" }
        out += "model: \(name) when Σ multiplier(rule) × \(o.label.byWeight ? "weight" : "number") of the rule's \(o.label.authorOnly ? "author-voice " : "")findings ≥ threshold\n"
        out += "fit: coordinate ascent over multipliers \(o.options.grid.map(number).joined(separator: ", ")) with an exact threshold search, maximising \(o.options.objective.title)\n"
        out += "cross-validation: \(o.options.folds) stratified folds (seed \(o.options.seed)); each fold is measured by a model fitted on the other \(o.options.folds - 1)\n\n"

        out += "                                 tp     fp     fn     tn   prec    rec     F1  macroF1\n"
        out += row("rubric \(rubric.version) as it is", o.current)
        out += row("calibrated, held-out folds", cv.pooled)
        for (i, fold) in cv.folds.enumerated() {
            out += row("  fold \(i + 1) (\(fold.heldOut.count) units)", fold.counts)
        }
        let gain = o.options.objective.value(cv.pooled) - o.options.objective.value(o.current)
        out += String(format: "%@ held out vs the rubric: %+.3f\n\n", o.options.objective.title, gain)

        out += "calibrated parameters, fitted on all \(o.units) units (that model's figures on them would be training figures and are not shown):\n"
        let before = CalibrationModel(label: o.label)
        out += "  threshold  \(number(before.threshold)) → \(number(o.fitted.threshold))   (per fold: \(cv.folds.map { number($0.model.threshold) }.joined(separator: ", ")))\n"
        let fired = o.rules.filter { $0.units > 0 }
        if !fired.isEmpty {
            let width = max(24, (fired.map(\.rule.count).max() ?? 0) + 2)
            out += "  " + "rule".padding(toLength: width, withPad: " ", startingAt: 0) + "fired  labelled  multiplier   per fold\n"
            for r in fired {
                let change = "\(number(before.multiplier(for: r.rule))) → \(number(o.fitted.multiplier(for: r.rule)))"
                out += "  " + r.rule.padding(toLength: width, withPad: " ", startingAt: 0)
                out += String(r.units).leftPad(5) + String(format: "%9.0f%%", 100 * Double(r.labelled) / Double(r.units))
                out += "  " + change.padding(toLength: 11, withPad: " ", startingAt: 0)
                out += "  " + cv.folds.map { number($0.model.multiplier(for: r.rule)) }.joined(separator: " ") + "\n"
            }
            out += "  (fired: units where the rule counted for the label; labelled: share of those the annotators labelled \(name))\n"
        }
        let unseen = o.rules.filter { $0.units == 0 }.map(\.rule)
        if !unseen.isEmpty { out += "  never fired here, multiplier kept: \(unseen.joined(separator: ", "))\n" }
        if let written {
            out += "\nwrote \(written.directory): \(written.name) \(written.version) — check it with `slant rubric check \(written.directory)`, measure it with `slant eval --rubric \(written.directory)`\n"
        } else {
            out += "\nnot written: pass --out DIR to write these parameters as a new rubric version\n"
        }
        return out
    }

    public static func json(_ o: Calibration.Outcome, rubric: Rubric, written: Rubric? = nil) -> JSONValue {
        let cv = o.crossValidation
        let before = CalibrationModel(label: o.label)
        return .object([
            ("rubric", ScoreJSON.rubricJSON(rubric)),
            ("label", .string(o.label.name)),
            ("objective", .string(o.options.objective.rawValue)),
            ("folds", .int(o.options.folds)),
            ("seed", o.options.seed <= UInt64(Int.max) ? .int(Int(o.options.seed)) : .string(String(o.options.seed))),
            ("grid", .array(o.options.grid.map(JSONValue.double))),
            ("files", .array(o.files.map(JSONValue.string))),
            ("skipped_files", .array(o.skippedFiles.map(JSONValue.string))),
            ("units", .int(o.units)),
            ("positives", .int(o.positives)),
            ("current", counts(o.current)),
            ("cross_validated", counts(cv.pooled, extra: [
                ("folds", .array(cv.folds.map { f in
                    counts(f.counts, extra: [("units", .int(f.heldOut.count)), ("trained_on", .int(f.trainedOn.count)),
                                             ("model", model(f.model))])
                })),
            ])),
            ("before", model(before)),
            ("fitted", model(o.fitted)),
            ("rules", .array(o.rules.map { r in
                .object([("rule", .string(r.rule)), ("units", .int(r.units)), ("labelled", .int(r.labelled)),
                         ("multiplier_before", .double(before.multiplier(for: r.rule))),
                         ("multiplier", .double(o.fitted.multiplier(for: r.rule)))])
            })),
            ("written", written.map { .object([("directory", .string($0.directory)), ("name", .string($0.name)),
                                               ("version", .string($0.version)), ("sha256", .string($0.sha256))]) } ?? .null),
        ])
    }

    static func model(_ m: CalibrationModel) -> JSONValue {
        .object([("threshold", .double(m.threshold)),
                 ("rule_weights", .object(m.ruleWeights.keys.sorted().map { ($0, .double(m.ruleWeights[$0]!)) }))])
    }

    static func counts(_ c: Evaluator.Counts, extra: [(String, JSONValue)] = []) -> JSONValue {
        .object(extra.filter { $0.0 != "folds" } + [
            ("tp", .int(c.tp)), ("fp", .int(c.fp)), ("fn", .int(c.fn)), ("tn", .int(c.tn)),
            ("precision", .double(EvalReport.round3(c.precision))), ("recall", .double(EvalReport.round3(c.recall))),
            ("f1", .double(EvalReport.round3(c.f1))), ("macro_f1", .double(EvalReport.round3(c.macroF1))),
        ] + extra.filter { $0.0 == "folds" })
    }

    static func row(_ title: String, _ c: Evaluator.Counts) -> String {
        title.padding(toLength: 30, withPad: " ", startingAt: 0)
            + [c.tp, c.fp, c.fn, c.tn].map { String($0).leftPad(7) }.joined()
            + "  " + [c.precision, c.recall, c.f1].map(EvalReport.pct).joined(separator: "  ") + "    " + EvalReport.pct(c.macroF1) + "\n"
    }

    /// Parameters as they are written to the rubric (1, 0.25, 0.8).
    static func number(_ d: Double) -> String { CalibrationManifestEdit.number(d) }
}
