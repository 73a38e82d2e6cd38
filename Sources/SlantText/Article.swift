/// One news article: its plain text and the paragraphs the rules will read.
///
/// `text` is the article after markup is stripped and line endings are normalised;
/// every offset Slant reports is a code-point offset into it.
public struct Article: Sendable {
    public let source: String
    public let format: ArticleFormat
    public let title: String?
    public let text: String
    public let paragraphs: [Paragraph]
    /// Maps code points to UTF-8 offsets of `text`, so slicing a span is cheap.
    public let offsets: OffsetMap
    private let utf8: [UInt8]

    /// Builds an article from raw file contents in `format`.
    public init(source: String, format: ArticleFormat, rawText: String) {
        let normalized = ArticleReader.normalizeLineEndings(rawText)
        let document = PlainDocument.from(normalized, format: format)
        self.init(source: source, format: format, document: document)
    }

    /// Builds an article from plain text.
    public init(source: String = "-", text: String) {
        self.init(source: source, format: .text, rawText: text)
    }

    public init(source: String, format: ArticleFormat, document: PlainDocument) {
        self.source = source
        self.format = format
        self.text = document.text
        self.utf8 = Array(document.text.utf8)
        let scanned = ScannedText(document.text)
        if let (table, entries) = scanned.offsetTable {
            self.offsets = OffsetMap(utf8: utf8, sparseTable: table, entries: entries)
        } else {
            self.offsets = OffsetMap(utf8: utf8)
        }
        let paragraphs = Segmenter.segment(document, scanned: scanned)
        self.paragraphs = paragraphs
        if let title = document.title, !title.isEmpty {
            self.title = title
        } else if let first = paragraphs.first, first.kind == .heading {
            self.title = String(decoding: utf8[offsets.byteOffset(ofScalar: first.span.start)..<offsets.byteOffset(ofScalar: first.span.end)], as: UTF8.self)
        } else {
            self.title = nil
        }
    }

    /// Number of code points in `text`.
    public var length: Int { offsets.scalarCount }

    /// The text of a span; out-of-range ends are clamped.
    public func text(in span: TextSpan) -> String {
        let start = max(0, span.start)
        let (lo, hi) = offsets.byteOffsets(ofScalars: start, max(start, min(length, max(span.start, span.end))))
        return utf8.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[lo..<hi]), as: UTF8.self) }
    }

    /// The code point at `offset`, without building a string (checks ask this of many tokens).
    public func scalar(at offset: Int) -> Unicode.Scalar? {
        guard offset >= 0, offset < length else { return nil }
        let b = offsets.byteOffset(ofScalar: offset)
        var iterator = utf8[b...].makeIterator()
        var decoder = UTF8()
        if case .scalarValue(let s) = decoder.decode(&iterator) { return s }
        return nil
    }

    /// The text around a span, for quote selectors and context lines.
    public func context(of span: TextSpan, width: Int = 32) -> (prefix: String, suffix: String) {
        (text(in: TextSpan(start: max(0, span.start - width), end: span.start)),
         text(in: TextSpan(start: span.end, end: min(length, span.end + width))))
    }

    public var wordCount: Int { paragraphs.reduce(0) { $0 + $1.wordCount } }
}
