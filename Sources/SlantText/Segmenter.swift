/// Turns plain text into paragraphs, each with its tokens, sentences and quotations.
public enum Segmenter {
    public static func segment(_ document: PlainDocument) -> [Paragraph] {
        let scalars = decodeScalars(document.text)
        var paragraphs: [Paragraph] = []
        var carriedQuote = false
        var nextHint = 0 // hints and blocks are both in text order
        var extents: [Range<Int>] = []
        for block in blocks(scalars) {
            // Only an over-long block is cut (LongParagraphs.swift); the rest go as they are.
            if block.count > maxParagraphLength { extents += pieces(of: block, in: scalars) } else { extents.append(block) }
        }
        paragraphs.reserveCapacity(extents.count)
        var longest = 0
        for block in extents { longest = max(longest, block.count) }
        var scratch = TokenScratch(capacity: longest)
        for block in extents {
            while nextHint < document.hints.count && document.hints[nextHint].span.end <= block.lowerBound { nextHint += 1 }
            let hint = nextHint < document.hints.count && document.hints[nextHint].span.contains(block.lowerBound)
                ? document.hints[nextHint].kind : nil
            var paragraph = analyse(scalars[block.lowerBound..<block.upperBound], index: paragraphs.count, offset: block.lowerBound, hint: hint, scratch: &scratch)
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
    /// `scratch` is working space for the tokenizer, reused across paragraphs.
    static func analyse(_ p: ArraySlice<Unicode.Scalar>, index: Int, offset: Int, hint: ParagraphKind?, scratch: inout TokenScratch) -> Paragraph {
        let found = QuoteFinder.find(in: p)
        var marks: [Int] = []
        var closes: [Int] = []
        if !found.isEmpty {
            marks.reserveCapacity(2 * found.count)
            for q in found {
                marks.append(q.open)
                if let c = q.close { marks.append(c); closes.append(c) }
            }
            marks.sort()
            closes.sort()
        }
        var tokens = Tokenizer.tokenize(p, quoteMarks: marks, scratch: &scratch)
        var sentences = SentenceSplitter.split(p, tokens: tokens, quoteCloses: closes)
        var quotes: [Quote] = []
        quotes.reserveCapacity(found.count)
        for q in found {
            let end = (q.close ?? (p.count - 1)) + 1
            let inner = TextSpan(start: q.open + 1, end: q.close ?? p.count)
            quotes.append(Quote(
                span: TextSpan(start: q.open, end: end),
                inner: inner,
                openMark: Character(p[p.startIndex + q.open]),
                closeMark: q.close.map { Character(p[p.startIndex + $0]) },
                words: wordCount(of: tokens, inside: inner),
                depth: 0,
                reported: SpeechAttachment.isReported(quote: (q.open, q.close), tokens: tokens, in: p)
            ))
        }
        // `found` is sorted by opening mark, and a quotation's inner span starts after its
        // mark, so only an earlier quotation can enclose a later one.
        for i in quotes.indices {
            var depth = 0
            for j in 0..<i where quotes[j].inner.contains(quotes[i].span) { depth += 1 }
            quotes[i].depth = depth
        }
        // Shifted in place through a buffer pointer: the array's uniqueness is checked once, not per token.
        let words = tokens.withUnsafeMutableBufferPointer { tokens in
            var words = 0
            for t in tokens.indices {
                if tokens[t].isWordLike { words += 1 }
                tokens[t].span.start += offset
                tokens[t].span.end += offset
            }
            return words
        }
        // Markup knows headings and block quotes; page furniture is recognised by its words
        // even when a page puts it in a heading ("Comments (12)").
        let guessed = ParagraphClassifier.classify(p, words: words, sentences: sentences.count)
        let kind = guessed == .boilerplate && hint != .quoteBlock ? .boilerplate : (hint ?? guessed)
        for k in sentences.indices { sentences[k].span = sentences[k].span.shifted(by: offset) }
        for k in quotes.indices {
            quotes[k].span = quotes[k].span.shifted(by: offset)
            quotes[k].inner = quotes[k].inner.shifted(by: offset)
        }
        return Paragraph(
            index: index,
            span: TextSpan(start: offset, end: offset + p.count),
            kind: kind,
            sentences: sentences,
            tokens: tokens,
            quotes: quotes
        )
    }

    /// Word and number tokens inside `inner`. Tokens are sorted and disjoint, so those
    /// inside are one run found by binary search, not by a filter over the paragraph.
    static func wordCount(of tokens: [Token], inside inner: TextSpan) -> Int {
        var lo = 0, hi = tokens.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if tokens[mid].span.start < inner.start { lo = mid + 1 } else { hi = mid }
        }
        var count = 0
        while lo < tokens.count && tokens[lo].span.start < inner.end {
            if tokens[lo].isWordLike && tokens[lo].span.end <= inner.end { count += 1 }
            lo += 1
        }
        return count
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
