import ArgumentParser
import SlantStore

/// `slant notes`: reviewers' notes with where each now sits in its document.
struct NotesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "notes",
        abstract: "List reviewer notes and their anchor in each document's current revision.",
        discussion: """
        The anchor status says how the note was found after the article changed: exact
        (same place), moved (same text elsewhere), fuzzy (similar text) or orphaned
        (not found; the note is kept).
        """
    )

    @Argument(help: "Only this document.") var doc: String?
    @Option(help: "Only this reviewer's notes.") var reviewer: String?
    @Option(help: "text or json.") var format: NotesFormat = .text
    @OptionGroup var store: StoreOptions

    func run() async throws {
        let s = try store.open(create: false)
        if let doc, try s.state(key: doc) == nil { throw StoreError.unknownDocument(key: doc) }
        let views = try s.notes(documentKey: doc, reviewer: reviewer)
        Terminal.write(format == .json ? NoteFormatting.json(views) : NoteFormatting.text(views))
    }
}

enum NotesFormat: String, ExpressibleByArgument, CaseIterable { case text, json }
