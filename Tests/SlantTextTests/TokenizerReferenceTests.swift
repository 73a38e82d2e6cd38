import Testing
@testable import SlantText

/// The tokenizer as first written: one code point at a time, every question asked of
/// the Unicode tables. The fast tokenizer (ASCII maps, spaces skipped after words,
/// General Punctuation bitmaps, offsets added as tokens are made) must agree with it.
private func referenceTokens(_ p: ArraySlice<Unicode.Scalar>, quoteMarks: Set<Int>) -> [Token] {
    var tokens: [Token] = []
    let lo = p.startIndex, hi = p.endIndex
    func add(_ start: Int, _ end: Int, _ kind: Token.Kind) {
        tokens.append(Token(span: TextSpan(start: start - lo, end: end - lo), kind: kind, isCapitalised: p[start].properties.isUppercase))
    }
    func isAlnum(_ s: Unicode.Scalar) -> Bool { ScalarClass.isLetterOrDigit(s) && !ScalarClass.isIdeographic(s) }
    var i = lo
    while i < hi {
        let c = p[i]
        if ScalarClass.isSpace(c) { i += 1; continue }
        let start = i
        if quoteMarks.contains(i - lo) { add(i, i + 1, .punctuation); i += 1; continue }
        if ScalarClass.isIdeographic(c) {
            i += 1
            while i < hi, ScalarClass.isMark(p[i]) { i += 1 }
            add(start, i, .word)
            continue
        }
        if ScalarClass.isLetterOrDigit(c) {
            let isNumber = ScalarClass.isDigit(c)
            i += 1
            scan: while i < hi {
                let d = p[i]
                if isAlnum(d) || ScalarClass.isMark(d) { i += 1; continue }
                let next: Unicode.Scalar? = i + 1 < hi ? p[i + 1] : nil
                let nextIsAlnum = next.map(isAlnum) ?? false
                switch d.value {
                case 0x27, 0x2019, 0x2BC:
                    if quoteMarks.contains(i - lo) { break scan }
                    i += 1
                    if nextIsAlnum { continue }
                case 0x2D, 0x2010, 0x2011, 0x2E, 0xB7:
                    if nextIsAlnum { i += 1; continue }
                case 0x2C, 0x3A:
                    if ScalarClass.isDigit(p[i - 1]), let n = next, ScalarClass.isDigit(n) { i += 1; continue }
                case 0x26:
                    if p[i - 1].properties.isUppercase, let n = next, n.properties.isUppercase { i += 1; continue }
                default: break
                }
                break
            }
            add(start, i, isNumber ? .number : .word)
            continue
        }
        if ScalarClass.isEmoji(c) || (c.value >= 0x1F1E6 && c.value <= 0x1F1FF) {
            i += 1
            while i < hi {
                let d = p[i]
                if d.value == 0x200D, i + 1 < hi { i += 2; continue }
                if ScalarClass.extendsEmoji(d) { i += 1; continue }
                if (0x1F1E6...0x1F1FF).contains(c.value), i == start + 1, (0x1F1E6...0x1F1FF).contains(d.value) { i += 1; continue }
                break
            }
            add(start, i, .symbol)
            continue
        }
        i += 1
        if c == "." || c == "-" || c == "!" || c == "?" {
            while i < hi, p[i] == c { i += 1 }
        }
        add(start, i, c.properties.generalCategory.isPunctuation ? .punctuation : .symbol)
    }
    return tokens
}

@Suite struct TokenizerReferenceTests {
    static let samples = [
        "He said, \"It's a well-known U.S.-led plan\" at 10:30 — costing $1,000.50 (AT&T's) ... wow!!! ok?!",
        "Der Bürgermeister sagte: „Wir schaffen das.“ Über 1.000 Menschen kamen — früh. Œuvre, Ça va?",
        "東京で会議が開かれた。首相は「経済は回復している」と述べた。参加者は約１００人だった！",
        "Премьер-министр заявил: «Мы победим». प्रधानमंत्री ने कहा, “हम जीतेंगे।” الرئيس قال: «سنفوز»",
        "Fans cheered 🎉🎉 and waved 🇺🇸🇬🇧 flags 👍🏽. The 👨‍👩‍👧 family said “wow 😂” loudly… 1️⃣ ©️ ™",
        "’em, ’90s, the Saudis’ oil, ‘quoted’ ‛odd‚ marks, don't, rock ’n’ roll, e\u{301}te\u{301}, ﬁx",
        "Tabs\tand\u{A0}nbsp\u{2009}thin\u{3000}spaces; zero\u{200B}width; \u{200D}joiner\u{200C}; ⁄ ⁒ ‰ ‱ ‼ ⁇",
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789 a1 1a Z9 word", "x", "", "   ", "a ",
    ]

    /// Quotation marks stand only where `QuoteFinder.isCandidate` holds; mark every other one.
    static func marks(_ p: ArraySlice<Unicode.Scalar>) -> [Int] {
        let candidates = p.indices.filter { QuoteFinder.isCandidate(p[$0].value) }.map { $0 - p.startIndex }
        return candidates.enumerated().filter { $0.offset % 2 == 0 }.map(\.element)
    }

    static func check(_ text: String) {
        let all = Array(("§ " + text).unicodeScalars)
        let p = all[2...] // a slice that does not start at zero, as paragraphs are
        for quoteMarks in [[], marks(p)] {
            let expected = referenceTokens(p, quoteMarks: Set(quoteMarks))
            #expect(Tokenizer.tokenize(p, quoteMarks: quoteMarks) == expected, "\(text.debugDescription)")
        }
    }

    @Test func asciiTableMatchesScalarClass() {
        for v in 0..<128 {
            #expect(Tokenizer.asciiAlnumTable[v] == ScalarClass.isLetterOrDigit(Unicode.Scalar(UInt8(v))), "\(v)")
        }
    }

    @Test func latin1MapsMatchScalarClass() {
        for v in UInt32(0)..<0x180 {
            let s = Unicode.Scalar(v)!
            #expect(Tokenizer.isLatin1Alnum(v) == (v < 0x100 && ScalarClass.isLetterOrDigit(s)), "U+\(String(v, radix: 16))")
        }
        // A no-break space ends a word; Latin-1 letters continue it, × does not.
        let p = ArraySlice(Array("Prix\u{A0}fixe café×2 ªb µm €5".unicodeScalars))
        let spans = Tokenizer.tokenize(p, quoteMarks: []).map { String(String.UnicodeScalarView(p[$0.span.start..<$0.span.end])) }
        #expect(spans == ["Prix", "fixe", "café", "×", "2", "ªb", "µm", "€", "5"])
        Self.check("Prix\u{A0}fixe café×2 ªb µm €5 naïve\u{A0}— 10\u{A0}000")
    }

    @Test func samplesMatchTheReference() {
        for text in Self.samples { Self.check(text) }
    }

    @Test func randomTextMatchesTheReference() {
        let pool = Array("abcXYZ019 .,;:!?'\"-&()$+|\n\t“”‘’«»„‚—–…·©éüßΩωЖअ्ि東。！👍🏽🇺🇸\u{200D}\u{A0}\u{2009}😂١".unicodeScalars)
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<3000 {
            let n = Int.random(in: 0...40, using: &rng)
            var s = String.UnicodeScalarView()
            for _ in 0..<n { s.append(pool.randomElement(using: &rng)!) }
            Self.check(String(s))
        }
    }
}
