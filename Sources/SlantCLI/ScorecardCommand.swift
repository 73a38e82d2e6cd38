import ArgumentParser
import Foundation
import SlantReport
import SlantRules
import SlantStore
import SlantText

/// `slant scorecard`: one article's scorecard (headline figures, flagged paragraphs
/// worst first, reviewer verdicts and notes, what reproduces it), or with `--corpus`
/// a report with one row per article.
struct ScorecardCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scorecard",
        abstract: "Write an article's scorecard, or with --corpus a report over many articles.",
        discussion: """
        DOC|FILE: an article file, scored now, or the key of a document in
        the annotation store (the key 'slant notes' and 'slant findings' take:
        the path given to 'score --save', or its --key), whose current
        revision is scored. When a store exists (--db, $SLANT_DB, else
        .slant/slant.sqlite) and holds the document, its reviewer notes and
        verdicts are shown, placed on the scored text. The scorecard never
        writes to the store and never creates one.

        --corpus DIR|FILE...: one row per article, highest index first, with
        corpus totals and the distribution over bands. A progress bar is shown
        on stderr when it is a terminal. With --out, the report is written to
        a temporary file renamed at the end; Ctrl-C removes it and exits 130.

        Formats: text, markdown, json, html (one self-contained page); with
        --corpus: text, csv, json, html. Exit status: 0 success, 2 usage or
        input error (with --corpus: some input could not be read).
        """
    )

    @Argument(help: "The article file or document key (with --corpus: article files or directories).")
    var inputs: [String] = []

    @Flag(help: "Report over many articles: one row per article.")
    var corpus = false

    @Option(help: "text, markdown, json or html; with --corpus: text, csv, json or html.")
    var format: ScorecardFormat = .text

    @Option(help: "Write to this file (atomically) instead of standard output.")
    var out: String?

    @Option(help: "The annotation store to read reviewer notes from (default: $SLANT_DB, else .slant/slant.sqlite, if it exists).")
    var db: String?

    @Option(help: "The document key in the store, when it is not the path as given.")
    var key: String?

    @OptionGroup var rubricOption: RubricOption

    @Flag(help: "Replace invalid UTF-8 with U+FFFD instead of refusing the file.")
    var lossy = false

    func validate() throws {
        if inputs.isEmpty { throw ValidationError(corpus ? "give the articles or directories of the corpus" : "give an article file or a document key") }
        if corpus {
            if format == .markdown { throw ValidationError("--corpus writes text, csv, json or html") }
            if db != nil || key != nil { throw ValidationError("--db and --key are for one document's scorecard, not --corpus") }
        } else {
            if inputs.count > 1 { throw ValidationError("one article at a time; use --corpus for several") }
            if format == .csv { throw ValidationError("csv is for --corpus; one article's scorecard is text, markdown, json or html") }
        }
    }

    func run() async throws {
        Interrupt.install()
        let rubric = try rubricOption.load()
        for w in rubric.warnings { Terminal.warning(w.description) }
        if corpus {
            try runCorpus(rubric)
        } else {
            try runOne(rubric)
        }
    }

    func runOne(_ rubric: Rubric) throws {
        let input = inputs[0]
        let location = ScorecardReviews.Location(db: db)
        let store = try ScorecardReviews.open(location)
        let article = try ScorecardInput.article(input, lossy: lossy, store: store, storePath: location.path)
        let scored = Engine(rubric: rubric).score(article)
        let reviews = try ScorecardReviews.notes(for: article, key: key ?? (input == "-" ? nil : input), store: store)
        let card = Scorecard(scored: scored, rubric: rubric, slantVersion: SlantCommand.version, reviews: reviews)
        let text: String
        switch format {
        case .text: text = ScorecardText.render(card)
        case .markdown: text = ScorecardMarkdown.render(card)
        case .json: text = ScorecardJSON.render(card)
        case .html: text = ScorecardHTML.render(card)
        case .csv: throw CLIError("csv is for --corpus")
        }
        try emit(text)
    }

    func runCorpus(_ rubric: Rubric) throws {
        let (report, failed) = ScorecardCorpus.run(inputs, rubric: rubric, lossy: lossy)
        let text: String
        switch format {
        case .text: text = CorpusText.render(report)
        case .csv: text = CorpusCSV.render(report)
        case .json: text = CorpusJSON.render(report)
        case .html: text = CorpusHTML.render(report)
        case .markdown: throw CLIError("--corpus writes text, csv, json or html")
        }
        try emit(text)
        if failed { throw ExitCode(2) }
    }

    func emit(_ text: String) throws {
        if let out { try OutputFile.write(text, to: out) } else { Terminal.write(text) }
    }
}

enum ScorecardFormat: String, ExpressibleByArgument, CaseIterable {
    case text, markdown, json, html, csv
}
