import ArgumentParser
import Foundation
import SlantStore

/// `slant import`: adds an export's notes to the store, in one transaction.
struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import notes exported by 'slant export' (JSON Lines or W3C; detected from the content).",
        discussion: """
        Documents, revisions and notes the store already has are kept; a note (same id)
        is replaced only by a newer copy. Imported notes are anchored to each document's
        current revision. A file with any error imports nothing.
        """
    )

    @Argument(help: "The export file ('-' for standard input).") var file: String
    @OptionGroup var store: StoreOptions

    func run() async throws {
        let data: Data
        if file == "-" { data = FileHandle.standardInput.readDataToEndOfFile() } else {
            guard let d = FileManager.default.contents(atPath: file) else { throw CLIError("\(file): no such file or not readable") }
            data = d
        }
        guard let text = String(data: data, encoding: .utf8) else { throw CLIError("\(file): not UTF-8 text") }
        let archive: AnnotationArchive
        do {
            let isW3C = text.drop { $0.isWhitespace }.first == "{" && text.contains("\"AnnotationCollection\"") && !text.contains("\"type\":\"header\"")
            archive = try isW3C ? ArchiveW3C.decode(text) : ArchiveJSONL.decode(text)
        } catch let e as StoreError {
            throw CLIError("\(file): \(e.description)")
        }
        let s = try store.open(create: true).importArchive(archive)
        Terminal.write("imported \(file): \(s.notesAdded) notes added, \(s.notesUpdated) updated, \(s.notesUnchanged) already present; \(s.documents) new documents, \(s.revisions) new revisions\n")
    }
}
