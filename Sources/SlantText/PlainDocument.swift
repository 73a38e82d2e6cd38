/// Plain text recovered from an article's markup, with the block structure the markup
/// declared (headings, block quotes, page furniture) so segmentation need not guess it.
public struct PlainDocument: Sendable {
    public struct BlockHint: Sendable, Equatable {
        public var span: TextSpan
        public var kind: ParagraphKind
        public init(span: TextSpan, kind: ParagraphKind) {
            self.span = span
            self.kind = kind
        }
    }

    public var text: String
    public var hints: [BlockHint]
    public var title: String?

    public init(text: String, hints: [BlockHint] = [], title: String? = nil) {
        self.text = text
        self.hints = hints
        self.title = title
    }

    /// Converts raw article text in `format` to plain text.
    public static func from(_ raw: String, format: ArticleFormat) -> PlainDocument {
        switch format {
        case .text: return PlainDocument(text: raw)
        case .markdown: return MarkdownStripper.strip(raw)
        case .html: return HTMLStripper.strip(raw)
        }
    }
}

/// Accumulates blocks of plain text separated by blank lines, counting code points as
/// it goes so every block's span is known without a second pass.
struct PlainTextBuilder {
    private(set) var text = ""
    private(set) var hints: [PlainDocument.BlockHint] = []
    private var scalarCount = 0
    private var block = ""
    private var blockKind: ParagraphKind?
    private var pendingSpace = false

    /// Appends text to the open block; with `collapse`, runs of white space become one space.
    mutating func append(_ piece: String, collapse: Bool = false) {
        guard collapse else { block += piece; return }
        for s in piece.unicodeScalars {
            if s == " " || s == "\n" || s == "\t" || s == "\r" || s == "\u{0C}" {
                pendingSpace = true
            } else {
                if pendingSpace && !block.isEmpty && block.unicodeScalars.last != "\n" { block.unicodeScalars.append(" ") }
                pendingSpace = false
                block.unicodeScalars.append(s)
            }
        }
    }

    /// A hard line break inside the block (HTML `<br>`).
    mutating func lineBreak() {
        pendingSpace = false
        if !block.isEmpty && block.unicodeScalars.last != "\n" { block += "\n" }
    }

    /// Sets the kind the current block will be recorded with (the first non-nil wins).
    mutating func mark(_ kind: ParagraphKind?) {
        if blockKind == nil { blockKind = kind }
    }

    mutating func endBlock() {
        pendingSpace = false
        // Trim trailing white space (and newlines from <br>) so spans hug the text.
        while let last = block.unicodeScalars.last, last == " " || last == "\n" || last == "\t" {
            block.unicodeScalars.removeLast()
        }
        defer { block = ""; blockKind = nil }
        guard !block.unicodeScalars.isEmpty else { return }
        if !text.isEmpty { text += "\n\n"; scalarCount += 2 }
        let length = block.unicodeScalars.count
        if let kind = blockKind {
            hints.append(.init(span: TextSpan(start: scalarCount, end: scalarCount + length), kind: kind))
        }
        text += block
        scalarCount += length
    }

    mutating func finish(title: String?) -> PlainDocument {
        endBlock()
        return PlainDocument(text: text, hints: hints, title: title)
    }
}
