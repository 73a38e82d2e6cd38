import ArgumentParser
import Dispatch
import Foundation
import SlantReport
import SlantRules
import SlantText

struct ScoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "score",
        abstract: "Score articles for loaded language, unsourced claims, scare quotes and attribution.",
        discussion: """
        FILE may be a .txt, .md or .html article, a directory (scored recursively) or '-'
        for stdin. Articles are scored on all cores; output keeps the input order.

        Exit status: 0 when no article reaches --fail-on, 1 when one does,
        2 on usage errors or when an input could not be read (the rest are still scored).
        """
    )

    @Argument(help: "Article files or directories ('-' for stdin).")
    var files: [String]

    @OptionGroup var rubricOption: RubricOption

    @Option(help: "Output format: text, json, jsonl or markdown.")
    var format: ScoreFormat = .text

    @Option(name: .customLong("fail-on"), help: "Exit 1 when an article's editorializing index (0-100) is at least this.")
    var failOn: Double?

    @Flag(help: "Replace invalid UTF-8 with U+FFFD instead of refusing the file.")
    var lossy = false

    @Flag(help: "Record the documents, revisions, run and findings in the annotation store.")
    var save = false

    @Option(help: "With --save: the annotation store (default: $SLANT_DB, else .slant/slant.sqlite).")
    var db: String?

    @Option(help: "With --save and one article: the document key (default: the path as given).")
    var key: String?

    func validate() throws {
        if let failOn, !(0...100).contains(failOn) { throw ValidationError("--fail-on must be between 0 and 100") }
        if !save && (db != nil || key != nil) { throw ValidationError("--db and --key are used with --save") }
    }

    func run() async throws {
        let rubric = try rubricOption.load()
        for w in rubric.warnings { Terminal.warning(w.description) }
        let engine = Engine(rubric: rubric)
        let (paths, expandErrors) = Inputs.expand(files)
        for e in expandErrors { Terminal.error(e.description) }
        let lossy = self.lossy
        // Articles are scored and written in batches so memory stays flat however many
        // files there are; --save keeps them all, because the store writes one transaction.
        var output = ScoreOutput(format: format, rubric: rubric, color: Terminal.useColor)
        var kept: [ScoredArticle] = []
        var failed = !expandErrors.isEmpty
        var reachedFailOn = false
        let batch = save ? max(paths.count, 1) : ArticleScoring.batchSize
        output.begin()
        ArticleScoring.inBatches(paths, batch: batch, engine: engine, lossy: lossy) { results in
            var scored: [ScoredArticle] = []
            for r in results {
                switch r {
                case .success(let a):
                    for w in a.warnings { Terminal.warning("\(a.article.source): \(w)") } // PatternBudget
                    scored.append(a)
                case .failure(let e): Terminal.error(e.description); failed = true
                }
            }
            if let failOn, scored.contains(where: { $0.score.editorializing >= failOn }) { reachedFailOn = true }
            if save { kept += scored; return }
            output.write(scored)
        }
        if save {
            try StoreSaving.save(kept, rubric: rubric, db: db, key: key)
            output.write(kept)
        }
        output.end()
        if failed { throw ExitCode(2) }
        if reachedFailOn { throw ExitCode(1) }
    }
}

/// Writes scored articles as they come, in any of the formats; JSON is opened in
/// `begin()` and closed in `end()` so it can stream too.
struct ScoreOutput {
    let format: ScoreFormat
    let rubric: Rubric
    let color: Bool
    private var written = 0

    init(format: ScoreFormat, rubric: Rubric, color: Bool) {
        self.format = format
        self.rubric = rubric
        self.color = color
    }

    func begin() {
        if format == .json {
            Terminal.write("{\n  \"rubric\": \(ScoreJSON.rubricJSON(rubric).serialized()),\n  \"articles\": [")
        }
    }

    mutating func write(_ articles: [ScoredArticle]) {
        var text = ""
        for a in articles {
            switch format {
            case .text: text += (written > 0 ? "\n" : "") + ScoreText.render(a, color: color)
            case .json: text += (written > 0 ? "," : "") + "\n" + ScoreJSON.article(a).pretty(level: 2)
            case .jsonl: text += ScoreJSON.article(a).serialized() + "\n"
            case .markdown: text += (written > 0 ? "\n" : "") + ScoreMarkdown.render(a, rubric: rubric)
            }
            written += 1
        }
        Terminal.write(text)
    }

    func end() {
        if format == .json { Terminal.write(written > 0 ? "\n  ]\n}\n" : "]\n}\n") }
    }
}

enum ScoreFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, jsonl, markdown
}
