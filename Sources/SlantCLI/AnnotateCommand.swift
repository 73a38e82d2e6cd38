import ArgumentParser
import SlantRules
import SlantStore

/// `slant annotate`: one reviewer judgement, from the command line or a script.
struct AnnotateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "annotate",
        abstract: "Record a reviewer's verdict and note on a paragraph, a finding or a quoted span.",
        discussion: """
        DOC is the document key used with 'slant score --save' (the path as given, or --key).
        The note is written on the document's current revision and keeps the quoted text
        with 32 characters either side, so it is found again when the article changes.
        Judging the same target again updates your earlier note. Finding ids are listed
        by 'slant findings DOC'. The reviewer is --reviewer, else $SLANT_REVIEWER, else
        git's user.name, else $USER.
        """
    )

    @Argument(help: "The document key.") var doc: String
    @Option(help: "Paragraph index (from 0, as in 'slant segment').") var paragraph: Int?
    @Option(help: "Finding id (see 'slant findings DOC').") var finding: Int64?
    @Option(help: "Exact text in the article (its first occurrence).") var quote: String?
    @Option(help: "agree, disagree or unsure (with the engine's judgement of the target).") var verdict: Verdict?
    @Option(help: "The family this is really about: \(Family.allCases.map(\.rawValue).joined(separator: ", ")).") var label: String?
    @Option(name: .customLong("note"), help: "Free text.") var text: String?
    @Option(help: "Reviewer name.") var reviewer: String?
    @OptionGroup var store: StoreOptions

    func validate() throws {
        let targets = [paragraph != nil, finding != nil, quote != nil].filter { $0 }.count
        if targets != 1 { throw ValidationError("give exactly one of --paragraph N, --finding ID or --quote TEXT") }
        if verdict == nil && (text ?? "").isEmpty { throw ValidationError("give a --verdict (agree, disagree, unsure) or a --note") }
        if let label, Family(rawValue: label) == nil {
            throw ValidationError("unknown --label '\(label)' (families: \(Family.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
    }

    func run() async throws {
        let target: NoteTarget = paragraph.map(NoteTarget.paragraph) ?? finding.map(NoteTarget.finding) ?? .quote(quote ?? "")
        let name = try ReviewerName.resolve(reviewer)
        let saved = try store.open(create: false).saveNote(
            NoteDraft(documentKey: doc, reviewer: name, target: target, verdict: verdict, label: label, text: text))
        if saved.occurrences > 1 {
            Terminal.warning("the quote occurs \(saved.occurrences) times; the note is on the first (at \(saved.note.start))")
        }
        Terminal.write("\(saved.updatedExisting ? "updated" : "added") note \(saved.note.id ?? 0): " + NoteFormatting.headline(saved) + "\n")
    }
}
