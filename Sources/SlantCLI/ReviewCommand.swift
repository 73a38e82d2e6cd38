import ArgumentParser
import Foundation
import SlantStore

/// `slant review`: an interactive walk over a document's flagged paragraphs and findings,
/// one keystroke per verdict. Each verdict is saved at once (its own transaction), so
/// quitting or a crash loses nothing, and the next session skips what was judged.
struct ReviewCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "Review a document's flagged paragraphs and findings interactively (a terminal is required).",
        discussion: """
        Keys: a agree · d disagree · u unsure · n write a note · s skip · b back · q quit.
        Items you already judged are skipped, so a review can be resumed. Use
        'slant annotate' in scripts.
        """
    )

    @Argument(help: "The document key.") var doc: String
    @Option(help: "Reviewer name.") var reviewer: String?
    @OptionGroup var store: StoreOptions

    func run() async throws {
        guard isatty(STDIN_FILENO) != 0 else {
            throw CLIError("review is interactive and standard input is not a terminal; use 'slant annotate' in scripts")
        }
        let name = try ReviewerName.resolve(reviewer)
        let s = try store.open(create: false)
        guard let state = try s.state(key: doc) else { throw StoreError.unknownDocument(key: doc) }
        guard state.run != nil else { throw StoreError.notScored(key: doc) }
        var items = ReviewItem.build(state, notes: try s.notes(documentKey: doc, reviewer: name))
        let text = Array(state.revision.text.unicodeScalars)
        let color = Terminal.useColor
        guard let start = items.firstIndex(where: { !$0.judged }) else {
            Terminal.write("\(doc): nothing left to review for \(name) (\(items.count) items judged)\n")
            return
        }
        let raw = RawTerminal()
        defer { raw.restore() }
        var i = start, recorded = 0
        loop: while i < items.count {
            Terminal.write(Self.render(items[i], number: i + 1, of: items.count, text: text, doc: doc, color: color))
            Terminal.write("[a]gree [d]isagree [u]nsure [n]ote [s]kip [b]ack [q]uit > ")
            let key = raw.readKey()
            Terminal.write("\(key.map(String.init) ?? "")\n")
            switch key {
            case "a", "d", "u":
                let verdict: Verdict = key == "a" ? .agree : key == "d" ? .disagree : .unsure
                _ = try s.saveNote(NoteDraft(documentKey: doc, reviewer: name, target: items[i].target, verdict: verdict))
                items[i].judged = true
                recorded += 1
                i = Self.next(after: i, in: items)
            case "n":
                raw.restore()
                Terminal.write("note (one line, empty to cancel): ")
                let line = readLine(strippingNewline: true) ?? ""
                raw.enable()
                if !line.isEmpty {
                    _ = try s.saveNote(NoteDraft(documentKey: doc, reviewer: name, target: items[i].target, verdict: nil, text: line))
                    Terminal.write("note saved; now a verdict, or s to move on\n")
                }
            case "s": i += 1
            case "b": i = max(0, i - 1)
            case "q", nil: break loop
            default: Terminal.write("keys: a d u n s b q\n")
            }
        }
        let left = items.filter { !$0.judged }.count
        Terminal.write("\(recorded) verdict\(recorded == 1 ? "" : "s") recorded for \(name); \(left) of \(items.count) items not judged yet\n")
    }

    /// The next item not yet judged, or the end.
    static func next(after i: Int, in items: [ReviewItem]) -> Int {
        items[(i + 1)...].firstIndex { !$0.judged } ?? items.count
    }

    static func render(_ item: ReviewItem, number: Int, of total: Int, text: [Unicode.Scalar], doc: String, color: Bool) -> String {
        func slice(_ s: Int, _ e: Int) -> String { QuoteSelectors.string(text[max(0, s)..<min(text.count, e)]) }
        var out = "\n\(doc) — item \(number) of \(total)\(item.judged ? " (judged before)" : "")\n"
        switch item.kind {
        case .paragraph(let p):
            out += "¶\(p.paragraph) \(p.kind), \(p.words) words, editorializing \(p.editorializing) FLAGGED\n\n"
            out += "  " + slice(p.start, p.end).replacingOccurrences(of: "\n", with: "\n  ") + "\n\n"
        case .finding(let f):
            out += "finding \(f.id ?? 0): \(f.rule) (\(f.family)) — \(f.message)\n\n"
            let (open, close) = color ? ("\u{1B}[7m", "\u{1B}[0m") : ("«", "»")
            let before = slice(f.start - 160, f.start), after = slice(f.end, f.end + 160)
            out += "  …" + before + open + slice(f.start, f.end) + close + after + "…\n\n"
        }
        return out
    }
}

/// Single keystrokes without echo while reviewing; the terminal is restored on exit.
final class RawTerminal {
    private var original = termios()
    private var active = false

    init() {
        tcgetattr(STDIN_FILENO, &original)
        enable()
    }

    func enable() {
        var raw = original
        raw.c_lflag &= ~tcflag_t(ICANON | ECHO)
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &raw)
        active = true
    }

    func restore() {
        guard active else { return }
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &original)
        active = false
    }

    /// The next key, or nil at end of input.
    func readKey() -> Character? {
        var byte: UInt8 = 0
        guard read(STDIN_FILENO, &byte, 1) == 1 else { return nil }
        return Character(Unicode.Scalar(byte))
    }
}
