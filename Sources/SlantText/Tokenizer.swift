/// Splits a paragraph into word, number, punctuation and symbol tokens.
///
/// Words keep their inner apostrophes, hyphens and dots (don’t, well-known, U.S,
/// 3.5, 1,000) but never a quotation mark, which is why quotations are found first.
enum Tokenizer {
    /// Tokens of `p` with paragraph-local offsets; `quoteMarks` holds the sorted local
    /// indices of quotation marks.
    static func tokenize(_ p: ArraySlice<Unicode.Scalar>, quoteMarks: [Int]) -> [Token] {
        p.withUnsafeBufferPointer { tokenize($0, quoteMarks: quoteMarks) }
    }

    static func tokenize(_ p: UnsafeBufferPointer<Unicode.Scalar>, quoteMarks: [Int]) -> [Token] {
        var tokens: [Token] = []
        tokens.reserveCapacity(p.count / 5)
        let hi = p.count
        // Quotation marks are asked about in increasing position, so a cursor into the
        // sorted list answers each question in amortised constant time.
        var marks = MarkCursor(marks: quoteMarks)
        @inline(__always) func isASCIIAlnum(_ v: UInt32) -> Bool {
            let lower = v | 0x20
            return (lower >= 0x61 && lower <= 0x7A) || (v >= 0x30 && v <= 0x39)
        }
        var i = 0
        while i < hi {
            let c = p[i]
            let cv = c.value
            if cv == 0x20 || cv == 0x0A || (cv >= 0x80 && ScalarClass.isSpace(c)) || cv == 0x09 { i += 1; continue }
            let start = i
            if !quoteMarks.isEmpty && marks.contains(i) {
                tokens.append(Token(span: TextSpan(start: i, end: i + 1), kind: .punctuation))
                i += 1
                continue
            }
            if cv >= 0x80 && ScalarClass.isIdeographic(c) {
                i += 1
                while i < hi, ScalarClass.isMark(p[i]) { i += 1 }
                tokens.append(Token(span: TextSpan(start: start, end: i), kind: .word))
                continue
            }
            if isASCIIAlnum(cv) || (cv >= 0x80 && ScalarClass.isLetterOrDigit(c)) {
                let isNumber = cv < 0x80 ? cv <= 0x39 : ScalarClass.isDigit(c)
                i += 1
                while i < hi {
                    let d = p[i]
                    let dv = d.value
                    if isASCIIAlnum(dv) { i += 1; continue }
                    if dv >= 0x80 {
                        if (ScalarClass.isLetterOrDigit(d) && !ScalarClass.isIdeographic(d)) || ScalarClass.isMark(d) { i += 1; continue }
                    }
                    let next: Unicode.Scalar? = i + 1 < hi ? p[i + 1] : nil
                    let nextIsAlnum = next.map { isASCIIAlnum($0.value) || ($0.value >= 0x80 && ScalarClass.isLetterOrDigit($0) && !ScalarClass.isIdeographic($0)) } ?? false
                    switch dv {
                    case 0x27, 0x2019, 0x2BC: // apostrophes
                        if !quoteMarks.isEmpty && marks.contains(i) { break }
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
                tokens.append(Token(span: TextSpan(start: start, end: i), kind: isNumber ? .number : .word))
                continue
            }
            if cv >= 0x2100 && (ScalarClass.isEmoji(c) || (cv >= 0x1F1E6 && cv <= 0x1F1FF)) {
                i += 1
                while i < hi {
                    let d = p[i]
                    if d.value == 0x200D, i + 1 < hi { i += 2; continue }
                    if ScalarClass.extendsEmoji(d) { i += 1; continue }
                    // Regional indicators pair into one flag.
                    if (0x1F1E6...0x1F1FF).contains(c.value), i == start + 1, (0x1F1E6...0x1F1FF).contains(d.value) { i += 1; continue }
                    break
                }
                tokens.append(Token(span: TextSpan(start: start, end: i), kind: .symbol))
                continue
            }
            // Punctuation: runs of dots (ellipsis) and of dashes stay together.
            i += 1
            if c == "." || c == "-" || c == "!" || c == "?" {
                while i < hi, p[i] == c { i += 1 }
            }
            let kind: Token.Kind
            if cv < 0x80 {
                switch cv {
                case 0x24, 0x2B, 0x3C, 0x3D, 0x3E, 0x5E, 0x60, 0x7C, 0x7E: kind = .symbol // $ + < = > ^ ` | ~
                default: kind = .punctuation
                }
            } else {
                kind = ScalarClass.unicodeIsPunctuation(c) ? .punctuation : .symbol
            }
            tokens.append(Token(span: TextSpan(start: start, end: i), kind: kind))
        }
        return tokens
    }
}

/// A cursor over sorted positions (a struct, so no closure captures a mutable variable
/// and the compiler can check exclusive access statically).
struct MarkCursor {
    let marks: [Int]
    var next = 0

    init(marks: [Int]) { self.marks = marks }

    mutating func contains(_ i: Int) -> Bool {
        while next < marks.count && marks[next] < i { next += 1 }
        return next < marks.count && marks[next] == i
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
