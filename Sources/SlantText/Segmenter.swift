/// Turns plain text into paragraphs, each with its tokens, sentences and quotations.
public enum Segmenter {
    public static func segment(_ document: PlainDocument) -> [Paragraph] {
        let scalars = decodeScalars(document.text)
        var paragraphs: [Paragraph] = []
        var carriedQuote = false
        var nextHint = 0 // hints and blocks are both in text order
        for block in blocks(scalars).flatMap({ pieces(of: $0, in: scalars) }) { // LongParagraphs.swift
            while nextHint < document.hints.count && document.hints[nextHint].span.end <= block.lowerBound { nextHint += 1 }
            let hint = nextHint < document.hints.count && document.hints[nextHint].span.contains(block.lowerBound)
                ? document.hints[nextHint].kind : nil
            var paragraph = analyse(scalars[block.lowerBound..<block.upperBound], index: paragraphs.count, offset: block.lowerBound, hint: hint)
            // A paragraph that opens with a quotation continuing the previous one's unclosed
            // quotation carries on reported speech (news style for long quotations).
            if carriedQuote, let first = paragraph.quotes.first, first.span.start == block.lowerBound {
                paragraph.quotes[0].reported = true
            }
            carriedQuote = paragraph.quotes.last.map { !$0.isClosed && $0.depth == 0 && ($0.reported || carriedQuote) } ?? false
            paragraphs.append(paragraph)
        }
        return paragraphs
    }

    /// The text's scalars, decoded by hand: the generic `Array(unicodeScalars)` counts first
    /// and then copies, two passes where one will do.
    static func decodeScalars(_ text: String) -> [Unicode.Scalar] {
        var text = text
        return text.withUTF8 { bytes in
            [Unicode.Scalar](unsafeUninitializedCapacity: bytes.count) { out, count in
                var i = 0, o = 0
                let n = bytes.count
                while i < n {
                    let b = bytes[i]
                    if b < 0x80 { out[o] = Unicode.Scalar(b); o += 1; i += 1; continue }
                    var v: UInt32
                    let extra: Int
                    if b >= 0xF0 { v = UInt32(b & 0x07); extra = 3 }
                    else if b >= 0xE0 { v = UInt32(b & 0x0F); extra = 2 }
                    else { v = UInt32(b & 0x1F); extra = 1 }
                    for k in 1...extra where i + k < n { v = v << 6 | UInt32(bytes[i + k] & 0x3F) }
                    out[o] = Unicode.Scalar(v) ?? "\u{FFFD}"
                    o += 1
                    i += extra + 1
                }
                count = o
            }
        }
    }

    /// Analyses one paragraph given as a slice of the article's scalars.
    static func analyse(_ p: ArraySlice<Unicode.Scalar>, index: Int, offset: Int, hint: ParagraphKind?) -> Paragraph {
        let found = QuoteFinder.find(in: p)
        var marks: [Int] = []
        var closes = Set<Int>()
        for q in found {
            marks.append(q.open)
            if let c = q.close { marks.append(c); closes.insert(c) }
        }
        marks.sort()
        var tokens = Tokenizer.tokenize(p, quoteMarks: marks)
        let sentences = SentenceSplitter.split(p, tokens: tokens, quoteCloses: closes)
        var quotes: [Quote] = found.map { q in
            let end = (q.close ?? (p.count - 1)) + 1
            let inner = TextSpan(start: q.open + 1, end: q.close ?? p.count)
            return Quote(
                span: TextSpan(start: q.open, end: end),
                inner: inner,
                openMark: Character(p[p.startIndex + q.open]),
                closeMark: q.close.map { Character(p[p.startIndex + $0]) },
                words: tokens.lazy.filter { $0.isWordLike && inner.contains($0.span) }.count,
                depth: 0,
                reported: SpeechAttachment.isReported(quote: (q.open, q.close), tokens: tokens, in: p)
            )
        }
        for i in quotes.indices {
            quotes[i].depth = quotes.indices.filter { $0 != i && quotes[$0].inner.contains(quotes[i].span) }.count
        }
        for t in tokens.indices {
            tokens[t].span.start += offset
            tokens[t].span.end += offset
        }
        // Markup knows headings and block quotes; page furniture is recognised by its words
        // even when a page puts it in a heading ("Comments (12)").
        let guessed = ParagraphClassifier.classify(p, tokens: tokens, sentences: sentences.count)
        let kind = guessed == .boilerplate && hint != .quoteBlock ? .boilerplate : (hint ?? guessed)
        return Paragraph(
            index: index,
            span: TextSpan(start: offset, end: offset + p.count),
            kind: kind,
            sentences: sentences.map { Sentence(span: $0.span.shifted(by: offset)) },
            tokens: tokens,
            quotes: quotes.map {
                var q = $0
                q.span = q.span.shifted(by: offset)
                q.inner = q.inner.shifted(by: offset)
                return q
            }
        )
    }

    /// Paragraph extents: blank-line separated blocks; a block whose every line ends a
    /// sentence is one paragraph per line (files that put each paragraph on one line).
    static func blocks(_ s: [Unicode.Scalar]) -> [Range<Int>] {
        var lines: [Range<Int>] = []
        var start = 0
        for (i, c) in s.enumerated() where c == "\n" {
            lines.append(start..<i)
            start = i + 1
        }
        lines.append(start..<s.count)

        func isBlank(_ r: Range<Int>) -> Bool { s[r].allSatisfy(ScalarClass.isSpace) }
        func endsSentence(_ r: Range<Int>) -> Bool {
            guard let last = s[r].lastIndex(where: { !ScalarClass.isSpace($0) }) else { return false }
            var k = last
            while k > r.lowerBound, SentenceSplitter.isTrailingCloser(s[k]) { k -= 1 }
            return SentenceSplitter.isTerminator(s[k])
        }

        var result: [Range<Int>] = []
        var group: [Range<Int>] = []
        for line in lines + [0..<0] {
            if !line.isEmpty && !isBlank(line) { group.append(line); continue }
            guard !group.isEmpty else { continue }
            if group.count > 1 && group.dropLast().allSatisfy(endsSentence) {
                result.append(contentsOf: group)
            } else {
                result.append(group[0].lowerBound..<group[group.count - 1].upperBound)
            }
            group.removeAll(keepingCapacity: true)
        }
        // Trim white space at both ends so spans hug the text.
        return result.compactMap { r in
            guard let first = s[r].firstIndex(where: { !ScalarClass.isSpace($0) }),
                  let last = s[r].lastIndex(where: { !ScalarClass.isSpace($0) }) else { return nil }
            return first..<(last + 1)
        }
    }
}
