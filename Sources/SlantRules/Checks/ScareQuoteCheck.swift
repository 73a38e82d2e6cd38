import SlantText

/// `kind: scare-quote` — short quotations that nobody is reported as saying.
///
/// Quotations attached to a reporting verb or colon are speech; titles ("The Great
/// Gatsby"), nicknames between names and words mentioned as words ("the word
/// ‘sorry’") are not scare quotes either. What is left is the author putting
/// distance between themselves and a word.
enum ScareQuoteCheck {
    /// A `ScareQuoteRule` with its cues ready to compare (see `Cue`).
    struct Options: Sendable {
        let minWords: Int
        let maxWords: Int
        let mentionCues: [Cue]
        let boostCues: [Cue]
        let boost: Double

        init(_ rule: ScareQuoteRule) {
            minWords = rule.minWords
            maxWords = rule.maxWords
            mentionCues = rule.mentionCues.map(Cue.init)
            boostCues = rule.boostCues.map(Cue.init)
            boost = rule.boost
        }
    }

    /// A cue with its last byte when that is a lower-case ASCII letter: no other character
    /// is canonically equivalent to one, so words that do not end in that byte do not end
    /// with the cue. Noted once, not worked out for every cue of every quotation (a third
    /// of this check).
    struct Cue: Sendable {
        let text: String
        let lastLetter: UInt8?

        init(_ text: String) {
            self.text = text
            lastLetter = lastByte(text).flatMap { $0 >= 0x61 && $0 <= 0x7A ? $0 : nil }
        }
    }

    /// Appends the findings to `findings`.
    /// Inlined: most paragraphs hold no quotation, and that answer, asked in the engine's
    /// loop, spares the call and the retains and releases of its arguments.
    @inline(__always)
    static func run(_ rule: RuleHead, _ config: Options, _ ctx: ParagraphContext, into findings: inout [Finding]) {
        guard ctx.paragraph.kind != .quoteBlock, !ctx.paragraph.quotes.isEmpty else { return }
        gather(rule, config, ctx, into: &findings)
    }

    static func gather(_ rule: RuleHead, _ config: Options, _ ctx: ParagraphContext, into findings: inout [Finding]) {
        for quote in ctx.paragraph.quotes {
            guard quote.isClosed, !quote.reported, quote.words >= config.minWords, quote.words <= config.maxWords else { continue }
            // Inside someone's speech the marks are theirs.
            var insideSpeech = false
            ctx.forEachSpeech { span, inner in
                insideSpeech = inner.contains(quote.span) && span != quote.span
                return !insideSpeech
            }
            if insideSpeech { continue }
            let inner = ctx.text(quote.inner)
            guard inner.unicodeScalars.contains(where: { $0.properties.isAlphabetic }) else { continue }
            if isQuotedSentence(inner, words: quote.words) || isTitle(quote, ctx) || isNickname(quote, ctx) { continue }
            let before = precedingWords(quote, ctx, count: 3)
            let last = lastByte(before)
            if config.mentionCues.contains(where: { cue in endsWith(before, last: last, cue) }) { continue }
            let boosted = config.boostCues.contains(where: { cue in endsWith(before, last: last, cue) })
            let text = ctx.text(quote.span)
            findings.add(Finding(rule: rule.id, family: rule.family, span: quote.span, text: text,
                                    template: rule.message, term: inner,
                                    weight: rule.weight * (boosted ? config.boost : 1), voice: .author,
                                    paragraph: ctx.paragraph.index, entry: boosted ? "so-called" : nil))
        }
    }

    /// "It is over." — a full quoted sentence is speech even without a verb nearby.
    static func isQuotedSentence(_ inner: String, words: Int) -> Bool {
        guard words >= 3, let last = inner.unicodeScalars.last else { return false }
        return ".!?".unicodeScalars.contains(last)
    }

    static let titleSmallWords: WordList = ["of", "the", "a", "an", "and", "in", "on", "for", "to", "at", "by", "or", "like", "as", "with", "from", "vs", "is", "it"]

    /// Two or more words, every one capitalised: a title or a name.
    static func isTitle(_ quote: Quote, _ ctx: ParagraphContext) -> Bool {
        // The tokens inside the quotation are one run of the sorted tokens: walking that run,
        // not filtering every token of the paragraph into a new list, and reading each word's
        // first code point rather than building its text (only a small word needs that).
        let tokens = ctx.paragraph.tokens
        let range = ctx.tokenRange(inside: quote.inner)
        var count = 0
        for k in range where tokens[k].isWordLike { count += 1 }
        guard count >= 2 else { return false }
        var i = 0
        for k in range where tokens[k].isWordLike {
            let span = tokens[k].span
            guard span.length > 0, let first = ctx.shared.article.scalar(at: span.start) else { return false }
            let fits = first.properties.isUppercase || first.properties.numericType != nil || (i > 0 && titleSmallWords.contains(ctx.text(span)))
            guard fits else { return false }
            i += 1
        }
        return true
    }

    /// Dwayne "The Rock" Johnson: a quotation between two capitalised words.
    static func isNickname(_ quote: Quote, _ ctx: ParagraphContext) -> Bool {
        let tokens = ctx.paragraph.tokens
        let i = ctx.tokenIndex(atOrAfter: quote.span.start)
        let j = ctx.tokenIndex(atOrAfter: quote.span.end)
        guard i > 0, j < tokens.count, tokens[i - 1].kind == .word, tokens[j].kind == .word else { return false }
        return ctx.isCapitalised(i - 1) && ctx.isCapitalised(j)
    }

    /// The folded words just before the quotation, joined by spaces.
    static func precedingWords(_ quote: Quote, _ ctx: ParagraphContext, count: Int) -> String {
        let tokens = ctx.paragraph.tokens
        let end = ctx.tokenIndex(atOrAfter: quote.span.start)
        // Back to the first word taken, then the words in order into one string: inserting
        // each word's string at the front of a list and joining them cost five times more.
        var k = end - 1, taken = 0
        while k >= 0 && taken < count {
            // (A mark whose text is "-" folds to "-": the folded word rules out the others
            // without building their text.)
            if tokens[k].kind == .punctuation && !(ctx.word(k) == "-" && ctx.text(tokens[k].span) == "-") { break }
            taken += 1
            k -= 1
        }
        // The words' bytes into one buffer and one string: a string for each word (from its
        // packed form) and appending them cost some 3,000 instructions a quotation.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(4 * PackedWord.capacity)
        for j in (k + 1)..<end {
            if j > k + 1 { bytes.append(0x20) }
            ctx.word(j).appendUTF8(to: &bytes)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// (Indexed directly: `utf8.last` went through a generic, unspecialised `last`.)
    @inline(__always)
    static func lastByte(_ s: String) -> UInt8? {
        let utf8 = s.utf8
        return utf8.isEmpty ? nil : utf8[utf8.index(before: utf8.endIndex)]
    }

    /// Whether the words are the cue or end with a space and the cue (`last` is the words'
    /// last byte, `lastByte(words)`, found once for all the cues).
    @inline(__always)
    static func endsWith(_ words: String, last: UInt8?, _ cue: Cue) -> Bool {
        // Asked first, the cue's last letter rules out most cues without comparing characters.
        if let letter = cue.lastLetter, last != letter { return false }
        // The spaced cue is only built when the plain one already ends the words: building
        // it for every cue of every quotation was a third of this check.
        return words == cue.text || (words.hasSuffix(cue.text) && words.hasSuffix(" " + cue.text))
    }
}
