import Foundation
import SlantText

/// What every check needs to know about one paragraph: its text, its lexicon hits,
/// and whose voice each stretch of it is in.
struct ParagraphContext {
    let article: Article
    let folded: FoldedText
    let paragraph: Paragraph
    /// Lexicon hits inside this paragraph, by lexicon id.
    let hits: [String: [LexiconHit]]

    init(article: Article, folded: FoldedText, paragraph: Paragraph, allHits: [String: [LexiconHit]]) {
        self.article = article
        self.folded = folded
        self.paragraph = paragraph
        var mine: [String: [LexiconHit]] = [:]
        for (lexicon, list) in allHits {
            // Binary search for the first hit at or after the paragraph start.
            var lo = 0, hi = list.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if list[mid].span.start < paragraph.span.start { lo = mid + 1 } else { hi = mid }
            }
            var slice: [LexiconHit] = []
            while lo < list.count && list[lo].span.start < paragraph.span.end {
                if list[lo].span.end <= paragraph.span.end { slice.append(list[lo]) }
                lo += 1
            }
            if !slice.isEmpty { mine[lexicon] = slice }
        }
        hits = mine
    }

    func hits(in lexicons: [String]) -> [LexiconHit] {
        lexicons.flatMap { hits[$0] ?? [] }.sorted { $0.span < $1.span }
    }

    /// Quotations that hold speech: reported ones, and long stand-alone ones
    /// (short stand-alone quotations are the author's scare quotes).
    var speech: [Quote] { paragraph.quotes.filter { $0.reported || $0.words >= 5 } }

    func voice(of span: TextSpan) -> Voice {
        if paragraph.kind == .quoteBlock { return .quoted }
        return speech.contains { $0.inner.contains(span) } ? .quoted : .author
    }

    func text(_ span: TextSpan) -> String { article.text(in: span) }

    /// The folded text of a span (lower case, straight quotes), for patterns and word lists.
    func foldedText(_ span: TextSpan) -> String {
        let lo = folded.byteOffset(ofScalar: span.start), hi = folded.byteOffset(ofScalar: span.end)
        return String(decoding: folded.bytes[lo..<hi], as: UTF8.self)
    }

    func sentenceIndex(of offset: Int) -> Int? {
        paragraph.sentences.firstIndex { $0.span.contains(offset) }
    }

    /// Index of the first token starting at or after `offset`.
    func tokenIndex(atOrAfter offset: Int) -> Int {
        var lo = 0, hi = paragraph.tokens.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if paragraph.tokens[mid].span.start < offset { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    func foldedToken(_ i: Int) -> String { foldedText(paragraph.tokens[i].span) }

    /// Runs a compiled pattern over a span's folded text, giving article spans of the matches.
    func matches(of pattern: CompiledPattern, in span: TextSpan) -> [TextSpan] {
        let text = foldedText(span)
        let ns = text as NSString
        let results = pattern.regex.matches(in: text, options: [], range: NSRange(location: 0, length: ns.length))
        guard !results.isEmpty else { return [] }
        // UTF-16 offsets equal code-point offsets unless the text has astral characters.
        let astral = text.unicodeScalars.contains { $0.value > 0xFFFF }
        var map: [Int] = []
        if astral {
            map.reserveCapacity(ns.length + 1)
            for (i, s) in text.unicodeScalars.enumerated() {
                map.append(i)
                if s.value > 0xFFFF { map.append(i) }
            }
            map.append(text.unicodeScalars.count)
        }
        return results.compactMap { r in
            guard r.range.location != NSNotFound, r.range.length > 0 else { return nil }
            let a = r.range.location, b = r.range.location + r.range.length
            let start = astral ? map[a] : a, end = astral ? map[b] : b
            return TextSpan(start: span.start + start, end: span.start + end)
        }
    }

    func message(_ template: String, match: String, term: String? = nil, source: String? = nil, sourceType: SourceType? = nil) -> String {
        var m = template.replacingOccurrences(of: "{match}", with: match)
        m = m.replacingOccurrences(of: "{term}", with: term ?? match)
        m = m.replacingOccurrences(of: "{source}", with: source ?? "no source")
        m = m.replacingOccurrences(of: "{source_type}", with: sourceType?.rawValue ?? "")
        return m
    }
}
