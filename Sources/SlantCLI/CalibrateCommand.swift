import ArgumentParser
import Foundation
import SlantReport
import SlantRules
import SlantText

struct CalibrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calibrate",
        abstract: "Fit a label's rule weights and threshold on labelled corpora, with cross-validated figures.",
        discussion: """
        Scores every unit once (as `slant eval` does), then fits, for the label's entry in \
        the rubric's `labels:`, a multiplier per rule (`rule_weights`) and the `threshold`, \
        maximising --objective. Figures are K-fold cross-validated: each fold is measured by \
        a model fitted on the other folds, and are printed next to the rubric's own figures \
        on the same units. The final model is fitted on all units and only its parameters \
        are shown. --out DIR writes a copy of the rubric with the new parameters and the \
        next version number.
        """
    )

    @Argument(help: "Gold files (.jsonl), the format of `slant eval`.")
    var files: [String]

    @Option(help: "The label to calibrate (a key of the rubric's labels:).")
    var label: String

    @OptionGroup var rubricOption: RubricOption

    @Option(help: "Number of cross-validation folds.")
    var folds: Int = 5

    @Option(help: "Seed of the fold shuffle (same seed, same folds).")
    var seed: UInt64 = 1

    @Option(help: "What to maximise: f1 (of the label) or macro-f1 (of the label and its absence).")
    var objective: CalibrationObjective = .macroF1

    @Option(help: "Write the calibrated rubric (a copy with the new parameters and version) to this new or empty folder.")
    var out: String?

    @Option(help: "Output format: text or json.")
    var format: SegmentFormat = .text

    func run() async throws {
        let rubric = try rubricOption.load()
        let labelRule = try Calibration.label(named: label, in: rubric)
        if let out { try Self.checkOutput(out) } // before the scoring, not after
        var inputs: [(path: String, units: [GoldUnit])] = []
        for file in files { inputs.append((file, try GoldReader.read(path: file))) }
        let selection = try Calibration.select(label: label, files: inputs, folds: folds)

        let engine = Engine(rubric: rubric)
        let chunks = stride(from: 0, to: selection.units.count, by: 256).map { Array(selection.units[$0..<min($0 + 256, selection.units.count)]) }
        let findings = ParallelMap.map(chunks) { $0.map { Evaluator.findings(for: $0, engine: engine) } }.flatMap { $0 }

        let outcome = Calibration.run(selection: selection, findings: findings, label: labelRule, rubric: rubric,
                                      options: .init(folds: folds, seed: seed, objective: objective))
        var written: Rubric?
        if let out {
            written = try CalibrationRubricWriter.write(
                rubric: rubric, manifestName: manifestName, label: outcome.calibratedLabel, model: outcome.fitted,
                note: outcome.note(date: Date(), rubric: rubric), to: out)
        }
        switch format {
        case .text: Terminal.write(CalibrationReport.text(outcome, rubric: rubric, written: written))
        case .json: Terminal.write(CalibrationReport.json(outcome, rubric: rubric, written: written).pretty() + "\n")
        }
    }

    /// The manifest's file name: `--rubric` may name the manifest file itself.
    var manifestName: String {
        var isDir: ObjCBool = false
        if let path = rubricOption.rubric, FileManager.default.fileExists(atPath: path, isDirectory: &isDir), !isDir.boolValue {
            return (path as NSString).lastPathComponent
        }
        return RubricLoader.manifestName
    }

    /// Refuses a folder that already holds something, before minutes of scoring.
    static func checkOutput(_ out: String) throws {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: out, isDirectory: &isDir) else { return }
        guard isDir.boolValue else { throw CalibrationError.cannotWrite(path: out, reason: "it is a file, not a folder") }
        if !((try? FileManager.default.contentsOfDirectory(atPath: out)) ?? []).isEmpty {
            throw CalibrationError.outputNotEmpty(path: out)
        }
    }
}

extension CalibrationObjective: ExpressibleByArgument {}
