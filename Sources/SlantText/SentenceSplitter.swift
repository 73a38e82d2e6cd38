/// Splits a paragraph's tokens into sentences.
///
/// Foundation on Linux has no sentence enumeration, so this is Slant's own: a
/// terminator (. ! ? … and the CJK full stops) ends a sentence when white space and a
/// capital, digit or opening mark follow, unless the word before a full stop is an
/// abbreviation (Dr., Jan., U.S., an initial). Closing quotation marks and brackets
/// after the terminator stay with the sentence they close.
enum SentenceSplitter {
    /// Titles and other abbreviations that are never the last word of a sentence.
    static let neverFinal: Set<String> = [
        "mr", "mrs", "ms", "mx", "dr", "prof", "sen", "rep", "reps", "gov", "gen", "lt", "col", "sgt", "capt", "cmdr",
        "adm", "rev", "hon", "pres", "st", "mt", "ft", "maj", "supt", "insp", "det", "cpl", "pvt", "messrs", "mme",
        "mlle", "fr", "sr", "jr", "vs", "v", "vol", "pp", "fig", "figs", "art", "para", "approx", "ca",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "e.g", "i.e", "cf", "al",
        "ave", "blvd", "rd", "gov't", "dept", "univ", "assn", "est", "tel", "ext",
    ]
    /// Abbreviations that may end a sentence; a break is made only before a common sentence opener.
    static let mayEnd: Set<String> = ["inc", "corp", "ltd", "co", "bros", "etc", "llc", "plc", "a.m", "p.m", "u.s", "u.k", "u.n", "e.u", "d.c"]
    /// Words that often begin a sentence; after an ambiguous abbreviation they tip the balance to a break.
    static let openers: Set<String> = [
        "the", "a", "an", "he", "she", "it", "they", "we", "i", "you", "his", "her", "its", "their", "our", "my", "this",
        "that", "these", "those", "there", "but", "and", "so", "yet", "in", "on", "at", "as", "if", "when", "while",
        "after", "before", "since", "for", "with", "by", "from", "officials", "some", "many", "most", "no", "not",
        "however", "meanwhile", "still", "then", "now", "what", "who", "why", "how", "where", "mr", "mrs", "ms", "dr",
        "one", "two", "three", "last", "earlier", "later", "under", "according", "both", "each", "all", "other",
    ]

    static let neverFinalList = WordList(neverFinal)
    static let mayEndList = WordList(mayEnd)
    static let openerList = WordList(openers)

    static func isTerminator(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x2E, 0x21, 0x3F, 0x2026, 0x3002, 0xFF01, 0xFF1F, 0xFF0E, 0x203C, 0x2047, 0x2048, 0x2049: return true
        default: return false
        }
    }

    static func isCJKTerminator(_ s: Unicode.Scalar) -> Bool {
        s.value == 0x3002 || s.value == 0xFF01 || s.value == 0xFF1F
    }

    /// Closers that stay with the sentence before them.
    static func isTrailingCloser(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x22, 0x27, 0x201D, 0x2019, 0xBB, 0x29, 0x5D, 0x7D, 0x300D, 0x300F, 0xFF09: return true
        default: return false
        }
    }

    /// Sentences of a paragraph. Token spans, `quoteCloses` (the sorted positions of
    /// quotations' closing marks) and the sentences made are indices of `p` itself: article
    /// offsets when `p` is sliced from the article's code points.
    static func split(_ p: ArraySlice<Unicode.Scalar>, tokens: [Token], quoteCloses: [Int]) -> [Sentence] {
        var scratch: [Sentence] = []
        return split(p, tokens: tokens, quoteCloses: quoteCloses, scratch: &scratch)
    }

    /// The same, with `scratch` as working space reused across an article's paragraphs: the
    /// sentences are written there by index (appended only past its end, so it grows to the
    /// most sentences of any paragraph, and no further) and copied out once at their final
    /// size. A fresh array per paragraph, grown by appends, went through the array-growing
    /// call at some 275 instructions each (4,875 times over the bench's segmentation loop).
    static func split(_ p: ArraySlice<Unicode.Scalar>, tokens: [Token], quoteCloses: [Int], scratch sentences: inout [Sentence]) -> [Sentence] {
        let terminators = tokens.indices.filter { tokens[$0].kind == .punctuation && isTerminator(p[tokens[$0].span.start]) }
        return split(p, tokens: tokens, quoteCloses: quoteCloses, terminators: terminators[...], scratch: &sentences)
    }

    /// The same, given the indices of the terminator tokens in increasing order (the tokens
    /// of kind punctuation on which `isTerminator` holds), as the tokenizer notes them.
    static func split(_ p: ArraySlice<Unicode.Scalar>, tokens: [Token], quoteCloses: [Int], terminators: ArraySlice<Int>,
                      scratch sentences: inout [Sentence]) -> [Sentence] {
        terminators.withUnsafeBufferPointer { split(p, tokens: tokens, quoteCloses: quoteCloses, terminators: $0, scratch: &sentences) }
    }

    /// The same, with the terminators read in place (the tokenizer's scratch holds them).
    static func split(_ p: ArraySlice<Unicode.Scalar>, tokens: [Token], quoteCloses: [Int], terminators: UnsafeBufferPointer<Int>,
                      scratch sentences: inout [Sentence]) -> [Sentence] {
        guard !tokens.isEmpty else { return [] }
        var count = 0
        @inline(__always) func add(_ sentence: Sentence) {
            if count < sentences.count { sentences[count] = sentence } else { sentences.append(sentence) }
            count += 1
        }
        var sentenceStart = tokens[0].span.start
        var t = 0 // tokens before t belong to runs already taken
        for terminator in terminators where terminator >= t {
            t = terminator
            let tok = tokens[t]
            guard tok.span.start >= sentenceStart else { continue }
            // Take the run of terminators (?!, ...) and any closers glued to it.
            var end = t
            while end + 1 < tokens.count, tokens[end + 1].span.start == tokens[end].span.end,
                  tokens[end + 1].kind == .punctuation,
                  isTerminator(p[tokens[end + 1].span.start]) || isTrailingCloser(p[tokens[end + 1].span.start]) {
                let s = p[tokens[end + 1].span.start]
                // A straight mark glued after a terminator closes only if it is a quotation's closing mark.
                if (s == "\"" || s == "'") && !quoteCloses.sortedContains(tokens[end + 1].span.start) { break }
                end += 1
            }
            let next = end + 1 < tokens.count ? tokens[end + 1] : nil
            if breaks(p, tokens: tokens, at: t, runEnd: end, next: next) {
                let stop = tokens[end].span.end
                add(Sentence(span: TextSpan(start: sentenceStart, end: stop)))
                sentenceStart = next?.span.start ?? stop
            }
            t = end + 1
        }
        let last = tokens[tokens.count - 1].span.end
        if sentenceStart < last { add(Sentence(span: TextSpan(start: sentenceStart, end: last))) }
        return sentences.copyOfPrefix(count)
    }

    private static func breaks(_ p: ArraySlice<Unicode.Scalar>, tokens: [Token], at t: Int, runEnd: Int, next: Token?) -> Bool {
        let lo = p.startIndex
        let term = p[tokens[t].span.start]
        guard let next else { return false } // the paragraph end closes the last sentence anyway
        if isCJKTerminator(term) { return true }
        // Must be followed by white space: 3.5, U.S.-led and example.com are not breaks.
        guard next.span.start > tokens[runEnd].span.end else { return false }
        let first = p[next.span.start]
        if ScalarClass.isLower(first) { return false }
        if !(ScalarClass.isUpper(first) || ScalarClass.isDigit(first) || next.kind == .punctuation || ScalarClass.isLetter(first) || next.kind == .symbol) {
            return false
        }
        guard term == ".", tokens[t].span.length == 1, t > 0 else { return true }
        let before = tokens[t - 1]
        guard before.span.end == tokens[t].span.start, before.kind == .word else { return true }
        // The word lists read spans counted from `p`'s start.
        let beforeSpan = before.span.shifted(by: -lo)
        // Most words are short ASCII: ask the packed lists; anything else takes the String path below.
        if let word = PackedWord(folding: p, beforeSpan) {
            if neverFinalList.contains(word) { return false }
            if word == PackedWord.no || word == PackedWord.nos, next.kind == .number { return false } // No. 10
            let startsWithOpener = next.kind == .word && openerList.contains(p, next.span.shifted(by: -lo))
            if before.span.length == 1, ScalarClass.isUpper(p[before.span.start]) { return startsWithOpener }
            if mayEndList.contains(word) { return startsWithOpener }
            if word.contains(0x2E) { return startsWithOpener }
            return true
        }
        let word = folded(p, beforeSpan)
        let nextWord = next.kind == .word ? folded(p, next.span.shifted(by: -lo)) : ""
        if neverFinal.contains(word) { return false }
        if (word == "no" || word == "nos"), next.kind == .number { return false } // No. 10
        let startsWithOpener = openers.contains(nextWord)
        // Initials: J. R. Okafor; but "Plan B. The council..." does end.
        if before.span.length == 1, ScalarClass.isUpper(p[before.span.start]) { return startsWithOpener }
        if mayEnd.contains(word) { return startsWithOpener }
        // Other dotted abbreviations (U.S, a.m, Ph.D): break only before a likely opener.
        if word.contains(".") { return startsWithOpener }
        return true
    }

    static func folded(_ p: ArraySlice<Unicode.Scalar>, _ span: TextSpan) -> String {
        var s = String.UnicodeScalarView()
        let lo = p.startIndex
        for i in span.start..<span.end { s.append(Folding.fold(p[lo + i])) }
        return String(s)
    }
}

extension Array where Element == Int {
    /// Binary search in a sorted array.
    func sortedContains(_ x: Int) -> Bool {
        var lo = 0, hi = count
        while lo < hi {
            let mid = (lo + hi) / 2
            if self[mid] < x { lo = mid + 1 } else { hi = mid }
        }
        return lo < count && self[lo] == x
    }
}
