import ArgumentParser

/// The `slant` command: subcommands for every job, one file each.
public struct SlantCommand: AsyncParsableCommand {
    public static let version = "0.1.0"

    public static let configuration = CommandConfiguration(
        commandName: "slant",
        abstract: "Find where a news article editorializes and how well it sources its claims.",
        discussion: """
        Offsets in every output are Unicode code-point offsets into the article's plain
        text (markup stripped, line endings normalised to LF).

        Exit status: 0 success, 1 a --fail-on threshold was passed, 2 usage or input error.
        """,
        version: version,
        subcommands: [ScoreCommand.self, SegmentCommand.self, RubricCommand.self, EvalCommand.self, CalibrateCommand.self,
                      AnnotateCommand.self, NotesCommand.self, FindingsCommand.self, ExportCommand.self, ImportCommand.self, AgreementCommand.self, ReviewCommand.self,
                      ScorecardCommand.self]
    )

    public init() {}
}
