/// Splits a paragraph into word, number, punctuation and symbol tokens.
///
/// Words keep their inner apostrophes, hyphens and dots (don’t, well-known, U.S,
/// 3.5, 1,000) but never a quotation mark, which is why quotations are found first.
enum Tokenizer {
    /// Tokens of `p` with paragraph-local offsets; `quoteMarks` holds local indices of quotation marks.
    static func tokenize(_ p: ArraySlice<Unicode.Scalar>, quoteMarks: Set<Int>) -> [Token] {
        var tokens: [Token] = []
        tokens.reserveCapacity(p.count / 5)
        let lo = p.startIndex, hi = p.endIndex
        var i = lo
        while i < hi {
            let c = p[i]
            if ScalarClass.isSpace(c) { i += 1; continue }
            let start = i
            if !quoteMarks.isEmpty && quoteMarks.contains(i - lo) {
                tokens.append(Token(span: TextSpan(start: i - lo, end: i - lo + 1), kind: .punctuation))
                i += 1
                continue
            }
            if ScalarClass.isIdeographic(c) {
                i += 1
                while i < hi, ScalarClass.isMark(p[i]) { i += 1 }
                tokens.append(Token(span: TextSpan(start: start - lo, end: i - lo), kind: .word))
                continue
            }
            if ScalarClass.isLetterOrDigit(c) {
                let isNumber = ScalarClass.isDigit(c)
                i += 1
                while i < hi {
                    let d = p[i]
                    if ScalarClass.isLetterOrDigit(d) && !ScalarClass.isIdeographic(d) { i += 1; continue }
                    if ScalarClass.isMark(d) { i += 1; continue }
                    let next: Unicode.Scalar? = i + 1 < hi ? p[i + 1] : nil
                    let nextIsAlnum = next.map { ScalarClass.isLetterOrDigit($0) && !ScalarClass.isIdeographic($0) } ?? false
                    switch d.value {
                    case 0x27, 0x2019, 0x2BC: // apostrophes
                        if quoteMarks.contains(i - lo) { break }
                        if nextIsAlnum { i += 1; continue }
                        // A trailing apostrophe (the Saudis’ oil) belongs to the word.
                        i += 1
                    case 0x2D, 0x2010, 0x2011, 0x2E, 0xB7:
                        if nextIsAlnum { i += 1; continue }
                    case 0x2C, 0x3A:
                        // 1,000 and 10:30 stay one number.
                        if ScalarClass.isDigit(p[i - 1]), let n = next, ScalarClass.isDigit(n) { i += 1; continue }
                    case 0x26: // AT&T
                        if ScalarClass.isUpper(p[i - 1]), let n = next, ScalarClass.isUpper(n) { i += 1; continue }
                    default: break
                    }
                    break
                }
                tokens.append(Token(span: TextSpan(start: start - lo, end: i - lo), kind: isNumber ? .number : .word))
                continue
            }
            if ScalarClass.isEmoji(c) || (c.properties.isEmoji && c.value >= 0x1F1E6 && c.value <= 0x1F1FF) {
                i += 1
                while i < hi {
                    let d = p[i]
                    if d.value == 0x200D, i + 1 < hi { i += 2; continue }
                    if ScalarClass.extendsEmoji(d) { i += 1; continue }
                    // Regional indicators pair into one flag.
                    if (0x1F1E6...0x1F1FF).contains(c.value), i == start + 1, (0x1F1E6...0x1F1FF).contains(d.value) { i += 1; continue }
                    break
                }
                tokens.append(Token(span: TextSpan(start: start - lo, end: i - lo), kind: .symbol))
                continue
            }
            // Punctuation: runs of dots (ellipsis) and of dashes stay together.
            i += 1
            if c == "." || c == "-" || c == "!" || c == "?" {
                while i < hi, p[i] == c { i += 1 }
            }
            let kind: Token.Kind = c.properties.generalCategory.isPunctuation ? .punctuation : .symbol
            tokens.append(Token(span: TextSpan(start: start - lo, end: i - lo), kind: kind))
        }
        return tokens
    }
}

extension Unicode.GeneralCategory {
    var isPunctuation: Bool {
        switch self {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
             .initialPunctuation, .finalPunctuation, .otherPunctuation: return true
        default: return false
        }
    }
}
