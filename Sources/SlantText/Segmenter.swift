/// Turns plain text into paragraphs, each with its tokens, sentences and quotations.
public enum Segmenter {
    public static func segment(_ document: PlainDocument) -> [Paragraph] {
        segment(document, scanned: ScannedText(document.text))
    }

    /// `segment(document)` with its text already decoded (`Article` also reads the offset
    /// table `ScannedText` makes).
    static func segment(_ document: PlainDocument, scanned text: ScannedText) -> [Paragraph] {
        let scalars = text.scalars
        var paragraphs: [Paragraph] = []
        var carriedQuote = false
        var nextHint = 0 // hints and blocks are both in text order
        var extents = blocks(scalars, lineFeeds: text.lineFeeds)
        // Only an over-long block is cut (LongParagraphs.swift); the rest go as they are. The
        // blocks are copied into a new list only then: appending every block to one grown
        // from empty cost the array-growing call a few times an article.
        if extents.contains(where: { $0.count > maxParagraphLength }) {
            var cut: [Range<Int>] = []
            for block in extents {
                if block.count > maxParagraphLength { cut += pieces(of: block, in: scalars) } else { cut.append(block) }
            }
            extents = cut
        }
        paragraphs.reserveCapacity(extents.count)
        var longest = 0
        for block in extents { longest = max(longest, block.count) }
        var scratch = TokenScratch(capacity: longest)
        // Room for the sentences of most paragraphs (news paragraphs hold one to four): grown
        // from empty, the splitter's list went through the array-growing call twice or three
        // times an article (0.16M instructions over the bench's scoring loop).
        scratch.sentences.reserveCapacity(8)
        var classifierScratch = ParagraphClassifier.Scratch(longest: longest)
        var quoteScratch = QuoteFinder.Scratch()
        var nextCandidate = 0 // quotation mark candidates are in text order too
        let candidates = text.quoteCandidates
        for block in extents {
            while nextHint < document.hints.count && document.hints[nextHint].span.end <= block.lowerBound { nextHint += 1 }
            let hint = nextHint < document.hints.count && document.hints[nextHint].span.contains(block.lowerBound)
                ? document.hints[nextHint].kind : nil
            while nextCandidate < candidates.count && candidates[nextCandidate] < block.lowerBound { nextCandidate += 1 }
            var lastCandidate = nextCandidate
            while lastCandidate < candidates.count && candidates[lastCandidate] < block.upperBound { lastCandidate += 1 }
            // The code point after the paragraph, if it ends a run of ASCII letters, lets the
            // tokenizer skip its end test in that run (see `Tokenizer.tokenize`).
            let after = block.upperBound < scalars.count ? scalars[block.upperBound].value : 0x80
            let stopFollows = after < 0x80 && !Tokenizer.asciiAlnumTable[Int(after)]
            var paragraph = analyse(scalars[block.lowerBound..<block.upperBound], quoteCandidates: candidates[nextCandidate..<lastCandidate],
                                    index: paragraphs.count, hint: hint, stopFollows: stopFollows, scratch: &scratch,
                                    classifierScratch: &classifierScratch, quoteScratch: &quoteScratch)
            nextCandidate = lastCandidate
            // A paragraph that opens with a quotation continuing the previous one's unclosed
            // quotation carries on reported speech (news style for long quotations).
            if carriedQuote, let first = paragraph.quotes.first, first.span.start == block.lowerBound {
                paragraph.quotes[0].reported = true
            }
            carriedQuote = paragraph.quotes.last.map { !$0.isClosed && $0.depth == 0 && ($0.reported || carriedQuote) } ?? false
            paragraphs.append(consume paragraph)
        }
        return paragraphs
    }

    /// The text's scalars.
    static func decodeScalars(_ text: String) -> [Unicode.Scalar] { ScannedText(text).scalars }

    /// Analyses one paragraph given as a slice of the article's scalars.
    /// `quoteCandidates` are the offsets in `p` of its possible quotation marks (see
    /// `ScannedText`); `scratch` and `classifierScratch` are working space for the tokenizer
    /// and the classifier, reused across paragraphs. `stopFollows` is the tokenizer's (the
    /// element of `p`'s base array right after `p` is ASCII, neither letter nor digit).
    ///
    /// Tokens, sentences and quotations are made with article offsets, which are `p`'s own
    /// indices; only the quotation finder and the tokenizer's mark list count from `p`'s start.
    static func analyse(_ p: ArraySlice<Unicode.Scalar>, quoteCandidates: ArraySlice<Int>, index: Int, hint: ParagraphKind?,
                        stopFollows: Bool = false, scratch: inout TokenScratch, classifierScratch: inout ParagraphClassifier.Scratch,
                        quoteScratch: inout QuoteFinder.Scratch) -> Paragraph {
        let lo = p.startIndex
        QuoteFinder.find(in: p, candidates: quoteCandidates, scratch: &quoteScratch)
        let found = quoteScratch.found
        quoteScratch.marks.removeAllKeepingRoom()
        quoteScratch.closes.removeAllKeepingRoom()
        var quotes: [Quote] = []
        if !found.isEmpty {
            // Reserved only when there is something to hold: on an empty array even
            // `reserveCapacity(0)` goes through the buffer-making call (0.4M instructions
            // over the bench's 4,494 paragraphs, most of them without quotations).
            quotes.reserveCapacity(found.count)
            for q in found {
                quoteScratch.marks.append(q.open)
                if let c = q.close { quoteScratch.marks.append(c); quoteScratch.closes.append(lo + c) }
            }
            quoteScratch.marks.sort()
            quoteScratch.closes.sort()
        }
        let marks = quoteScratch.marks, closes = quoteScratch.closes
        let (tokens, words) = Tokenizer.tokenize(p, quoteMarks: marks, offset: lo, stopFollows: stopFollows, scratch: &scratch)
        let sentences = SentenceSplitter.split(p, tokens: tokens, quoteCloses: closes, terminators: scratch.terminatorBuffer,
                                               scratch: &scratch.sentences)
        for q in found {
            let open = lo + q.open
            let close = q.close.map { lo + $0 }
            let inner = TextSpan(start: open + 1, end: close ?? p.endIndex)
            quotes.append(Quote(
                span: TextSpan(start: open, end: (close ?? (p.endIndex - 1)) + 1),
                inner: inner,
                openScalar: p[open],
                closeScalar: close.map { p[$0] },
                words: wordCount(of: tokens, inside: inner),
                depth: 0,
                reported: SpeechAttachment.isReported(quote: (open, close), tokens: tokens, in: p)
            ))
        }
        // `found` is sorted by opening mark, and a quotation's inner span starts after its
        // mark, so only an earlier quotation can enclose a later one.
        for i in quotes.indices {
            var depth = 0
            for j in 0..<i where quotes[j].inner.contains(quotes[i].span) { depth += 1 }
            quotes[i].depth = depth
        }
        // Markup knows headings and block quotes; page furniture is recognised by its words
        // even when a page puts it in a heading ("Comments (12)").
        let guessed = ParagraphClassifier.classify(p, words: words, sentences: sentences.count, scratch: &classifierScratch)
        let kind = guessed == .boilerplate && hint != .quoteBlock ? .boilerplate : (hint ?? guessed)
        return Paragraph(
            index: index,
            span: TextSpan(start: lo, end: p.endIndex),
            kind: kind,
            sentences: sentences,
            tokens: tokens,
            wordCount: words,
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
    /// Spans are trimmed of white space at both ends so they hug the text.
    static func blocks(_ s: [Unicode.Scalar]) -> [Range<Int>] {
        blocks(s, lineFeeds: s.indices.filter { s[$0] == "\n" })
    }

    /// `blocks(s)` given the offsets of the line feeds in `s`: a line is then read only
    /// from its two ends, for its first and last non-space code points, which is all
    /// that blankness, trimming and "ends a sentence" need.
    static func blocks(_ s: [Unicode.Scalar], lineFeeds: [Int]) -> [Range<Int>] {
        // A block holds at least one line: room for one a line means the list is allocated
        // once, where appends grew it from empty some ten times an article.
        var result: [Range<Int>] = []
        result.reserveCapacity(lineFeeds.count + 1)
        var group = LineGroup()
        s.withUnsafeBufferPointer { s in
            var lineStart = 0
            for line in 0...lineFeeds.count {
                let j = line < lineFeeds.count ? lineFeeds[line] : s.count
                var first = lineStart
                while first < j && ScalarClass.isSpace(s[first]) { first += 1 }
                if first < j {
                    var last = j - 1
                    while last > first && ScalarClass.isSpace(s[last]) { last -= 1 }
                    group.add(first..<(last + 1), endsSentence: endsSentence(s, last: last, lineStart: lineStart), to: &result)
                } else {
                    group.close(in: &result) // a blank line
                }
                lineStart = j + 1
            }
        }
        group.close(in: &result)
        return result
    }

    /// The non-blank lines of one block, trimmed, as `blocks` reads them. They are appended
    /// to the result as they come, and merged there into one range when the block closes
    /// unless each line but the last ends a sentence: a list of the block's lines of its own,
    /// appended to, copied out and emptied for each block, was 0.47M of the 1.13M
    /// instructions `blocks` took over the bench's scoring loop.
    private struct LineGroup {
        /// Where the block's first line stands in the result, and how many lines it has.
        var start = 0
        var count = 0
        /// Whether every line but the last ends a sentence.
        var allButLastEnd = true
        var lastEnds = false

        mutating func add(_ line: Range<Int>, endsSentence: Bool, to result: inout [Range<Int>]) {
            if count > 0 && !lastEnds { allButLastEnd = false }
            result.append(line)
            count += 1
            lastEnds = endsSentence
        }

        /// Leaves the block in the result as one range (or its lines, when each but the last
        /// ends a sentence) and starts afresh.
        mutating func close(in result: inout [Range<Int>]) {
            if count > 1 && !allButLastEnd {
                result[start] = result[start].lowerBound..<result[result.count - 1].upperBound
                result.removeLast(count - 1)
            }
            start = result.count
            count = 0
            allButLastEnd = true
        }
    }

    /// Whether a line whose last non-space code point is at `last` ends a sentence: a
    /// terminator, perhaps followed by closing quotation marks and brackets.
    private static func endsSentence(_ s: UnsafeBufferPointer<Unicode.Scalar>, last: Int, lineStart: Int) -> Bool {
        var k = last
        while k > lineStart, SentenceSplitter.isTrailingCloser(s[k]) { k -= 1 }
        return SentenceSplitter.isTerminator(s[k])
    }
}
