import ArgumentParser
import Foundation
import SlantStore

/// `slant export`: every note (and the texts they were written on) in a portable file.
struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export reviewer notes as JSON Lines or W3C Web Annotations.",
        discussion: """
        jsonl: a header line, one line per document (with the text of each revision) and
        one line per note (with its anchors). w3c: a W3C Web Annotation collection
        (JSON-LD) with TextQuoteSelector and TextPositionSelector (code points). Both
        import back losslessly with 'slant import'.
        """
    )

    @Option(help: "jsonl or w3c.") var format: ExportFormat = .jsonl
    @Option(help: "Write to this file instead of standard output.") var out: String?
    @OptionGroup var store: StoreOptions

    static var generator: String { "Slant engine \(SlantCommand.version)" }

    func run() async throws {
        let archive = try store.open(create: false).exportArchive()
        let text = format == .w3c ? ArchiveW3C.encode(archive, generator: Self.generator) : ArchiveJSONL.encode(archive, generator: Self.generator)
        if let out {
            do { try Data(text.utf8).write(to: URL(fileURLWithPath: out), options: .atomic) } catch {
                throw CLIError("\(out): cannot write: \(error.localizedDescription)")
            }
            FileHandle.standardError.write(Data("exported \(archive.notes.count) notes on \(archive.documents.count) documents to \(out)\n".utf8))
        } else {
            Terminal.write(text)
        }
    }
}

enum ExportFormat: String, ExpressibleByArgument, CaseIterable { case jsonl, w3c }
