import Foundation

extension Calibration.Outcome {
    /// The comment written above a calibrated label: when, from what data, how, and the
    /// cross-validated figures next to those of the rubric it came from — so whoever
    /// reads the rubric later can judge the numbers without rerunning anything.
    /// File names only, not paths: a rubric travels between machines.
    public func note(date: Date, rubric: Rubric) -> [String] {
        let day = ISO8601DateFormatter.string(from: date, timeZone: TimeZone(identifier: "UTC")!, formatOptions: [.withFullDate])
        let names = files.map { ($0 as NSString).lastPathComponent }.joined(separator: ", ")
        let cv = crossValidation.pooled
        func figures(_ c: Evaluator.Counts) -> String {
            String(format: "P %.3f  R %.3f  F1 %.3f  macro-F1 %.3f", c.precision, c.recall, c.f1, c.macroF1)
        }
        return [
            "on \(day) from \(rubric.name) \(rubric.version):",
            "data: \(names) (\(units) units, \(positives) \(label.name)); objective \(options.objective.title);",
            "threshold and rule_weights fitted on all units (coordinate ascent over multipliers",
            "\(options.grid.map(CalibrationManifestEdit.number).joined(separator: ", ")) with an exact threshold search).",
            "Figures on those units: the calibrated model measured on held-out folds only",
            "(\(options.folds)-fold cross-validation, stratified, seed \(options.seed)), and \(rubric.version) as it was:",
            "  " + "calibrated (held out)".padding(toLength: 24, withPad: " ", startingAt: 0) + figures(cv),
            "  " + "rubric \(rubric.version)".padding(toLength: 24, withPad: " ", startingAt: 0) + figures(current),
        ]
    }
}
