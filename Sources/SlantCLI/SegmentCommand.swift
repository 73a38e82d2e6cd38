import ArgumentParser
import SlantReport
import SlantText

struct SegmentCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "segment",
        abstract: "Show the paragraphs, sentences and quotations Slant sees in an article.",
        discussion: """
        Reads .txt, .md and .html files (or '-' for stdin; the format is detected from
        the extension or the content). Use it to check segmentation before writing rules.
        """
    )

    @Argument(help: "The article file, or '-' for standard input.")
    var file: String

    @Option(help: "Output format: text or json.")
    var format: SegmentFormat = .text

    @Option(name: .customLong("input-format"), help: "Treat the input as text, markdown or html instead of detecting it.")
    var inputFormat: ArticleFormat?

    @Flag(help: "Replace invalid UTF-8 with U+FFFD instead of refusing the file.")
    var lossy = false

    func run() async throws {
        let article = try ArticleReader.read(path: file, format: inputFormat, lossy: lossy)
        switch format {
        case .text: Terminal.write(SegmentReport.text(article))
        case .json: Terminal.write(SegmentReport.json(article).pretty() + "\n")
        }
    }
}

enum SegmentFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

extension ArticleFormat: ExpressibleByArgument {}
