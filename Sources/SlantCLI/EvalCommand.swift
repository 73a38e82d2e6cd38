import ArgumentParser
import Foundation
import SlantReport
import SlantRules
import SlantText

struct EvalCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Measure the engine against human-labelled corpora (JSON Lines).",
        discussion: """
        Each line is {"id","text","labels":[...],"spans":[{"start","end","label"}]} with
        code-point offsets (the format of ../shared/eval). Every unit is scored as one
        prose paragraph; how findings become labels is set in the rubric's `labels:` and
        `spans:` sections. Labels and span labels the rubric does not define are skipped.
        """
    )

    @Argument(help: "Gold files (.jsonl).")
    var files: [String]

    @OptionGroup var rubricOption: RubricOption

    @Option(help: "Output format: text or json.")
    var format: SegmentFormat = .text

    @Option(help: "Print the N worst false positives and N false negatives per label.")
    var errors: Int = 0

    func run() async throws {
        let rubric = try rubricOption.load()
        let engine = Engine(rubric: rubric)
        var results: [Evaluator.FileResult] = []
        for file in files {
            let units = try GoldReader.read(path: file)
            // Score in parallel chunks; the evaluator is order-preserving per chunk.
            let chunks = stride(from: 0, to: units.count, by: 256).map { Array(units[$0..<min($0 + 256, units.count)]) }
            let partial = ParallelMap.map(chunks) { Evaluator.evaluate(file: file, units: $0, engine: engine, labelsIn: units) }
            results.append(Evaluator.merge(partial, file: file))
        }
        switch format {
        case .text: Terminal.write(EvalReport.text(results, errors: errors))
        case .json: Terminal.write(EvalReport.json(results, rubric: rubric).pretty() + "\n")
        }
    }
}
