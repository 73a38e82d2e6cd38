import ArgumentParser
import SlantRules

/// `--rubric DIR`, shared by every command that scores, so the option reads and
/// loads the same way everywhere.
struct RubricOption: ParsableArguments {
    @Option(help: "Rubric directory (default: the bundled Rubrics/, or $SLANT_RUBRIC).")
    var rubric: String?

    func load() throws -> Rubric { try Inputs.rubric(rubric) }
}
