import ArgumentParser
import SlantStore

/// `slant findings`: the stored findings of a document's current revision with the ids
/// `slant annotate --finding` takes.
struct FindingsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "findings",
        abstract: "List the saved findings of a document, with the ids 'slant annotate --finding' takes.")

    @Argument(help: "The document key.") var doc: String
    @OptionGroup var store: StoreOptions

    func run() async throws {
        guard let state = try store.open(create: false).state(key: doc) else { throw StoreError.unknownDocument(key: doc) }
        guard let run = state.run else { throw StoreError.notScored(key: doc) }
        var out = "\(doc): revision \(state.revision.sha256.prefix(12)), run \(run.id ?? 0) (\(run.rubricName) \(run.rubricVersion)), editorializing \(run.editorializing)\n"
        for f in state.findings {
            out += "\(f.id ?? 0)\t¶\(f.paragraph)\t\(f.start)..<\(f.end)\t\(f.rule)\t\(f.voice)\t«\(NoteFormatting.excerpt(f.text))»\n"
        }
        Terminal.write(out)
    }
}
