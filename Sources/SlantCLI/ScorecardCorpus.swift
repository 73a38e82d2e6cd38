import Foundation
import SlantReport
import SlantRules
import SlantText

/// `slant scorecard --corpus`: scores every article with the same batched, parallel
/// scorer as `slant score` and keeps one small row per article, so memory stays flat.
enum ScorecardCorpus {
    /// The report, and whether any input could not be read (exit 2 after writing it).
    static func run(_ inputs: [String], rubric: Rubric, lossy: Bool) -> (CorpusReport, failed: Bool) {
        let (paths, expandErrors) = Inputs.expand(inputs)
        var failures = expandErrors.map(\.description)
        for e in failures { Terminal.error(e) }
        let bands = ScorecardBand.bands(for: rubric.scoring)
        var rows: [CorpusRow] = []
        var progress = ProgressBar(total: paths.count)
        ArticleScoring.inBatches(paths, engine: Engine(rubric: rubric), lossy: lossy) { results in
            for r in results {
                switch r {
                case .success(let a): rows.append(CorpusRow(a, bands: bands))
                case .failure(let e):
                    progress.error(e.description)
                    failures.append(e.description)
                }
            }
            progress.advance(by: results.count)
        }
        progress.clear()
        return (CorpusReport(rows: rows, rubric: rubric, slantVersion: SlantCommand.version, failures: failures), !failures.isEmpty)
    }
}
