import Foundation
import SlantText

/// What `slant segment` prints: the paragraphs, sentences and quotations the engine
/// sees, so a rubric author can check segmentation before blaming a rule.
public enum SegmentReport {
    public static func json(_ article: Article) -> JSONValue {
        .object([
            ("source", .string(article.source)),
            ("format", .string(article.format.rawValue)),
            ("title", article.title.map(JSONValue.string) ?? .null),
            ("paragraphs", .array(article.paragraphs.map { paragraphJSON($0, in: article) })),
        ])
    }

    static func paragraphJSON(_ p: Paragraph, in article: Article) -> JSONValue {
        .object([
            ("index", .int(p.index)),
            ("start", .int(p.span.start)),
            ("end", .int(p.span.end)),
            ("kind", .string(p.kind.rawValue)),
            ("words", .int(p.wordCount)),
            ("text", .string(article.text(in: p.span))),
            ("sentences", .array(p.sentences.map { .object([("start", .int($0.span.start)), ("end", .int($0.span.end))]) })),
            ("quotes", .array(p.quotes.map { q in
                .object([
                    ("start", .int(q.span.start)),
                    ("end", .int(q.span.end)),
                    ("text", .string(article.text(in: q.span))),
                    ("words", .int(q.words)),
                    ("reported", .bool(q.reported)),
                    ("closed", .bool(q.isClosed)),
                    ("depth", .int(q.depth)),
                ])
            })),
        ])
    }

    /// A readable outline: one block per paragraph, sentences numbered, quotations listed.
    public static func text(_ article: Article) -> String {
        var out = "\(article.source): \(article.paragraphs.count) paragraphs, \(article.wordCount) words"
        if let title = article.title { out += ", title “\(title)”" }
        out += "\n"
        for p in article.paragraphs {
            out += "\n¶\(p.index) [\(p.kind.rawValue)] \(p.span.start)..<\(p.span.end), \(p.wordCount) words\n"
            for (i, s) in p.sentences.enumerated() {
                out += "  s\(i + 1) \(s.span.start)..<\(s.span.end): \(oneLine(article.text(in: s.span)))\n"
            }
            for q in p.quotes {
                let how = q.reported ? "reported" : "stand-alone"
                let closed = q.isClosed ? "" : ", unclosed"
                out += "  quote \(q.span.start)..<\(q.span.end) (\(q.words) words, \(how)\(closed)): \(oneLine(article.text(in: q.span)))\n"
            }
        }
        return out
    }

    static func oneLine(_ s: String) -> String {
        s.replacingOccurrences(of: "\n", with: " ⏎ ")
    }
}
