/// Character classes the segmenter asks about, with ASCII answered without Unicode tables
/// (news text is mostly ASCII, and these run once per code point).
///
/// Every Unicode property lookup sits in a separate `@inline(never)` function (the
/// `unicode…` ones below). `Unicode.Scalar.Properties` and `Unicode.NumericType` are
/// resilient standard-library types of unknown size: a function that so much as
/// mentions them, even on a path never taken, fetches their metadata and sizes stack
/// slots for them on every call. Kept out of line, that cost is paid only by the rare
/// code point that needs a table, not by every caller of these checks.
enum ScalarClass {
    @inline(__always) static func isSpace(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 { return v == 0x20 || v == 0x0A || v == 0x09 || v == 0x0D || v == 0x0B || v == 0x0C }
        // General Punctuation (dashes, curly quotes, ellipsis) is common in news: answer it without tables.
        if v >= 0x2000 && v <= 0x206F { return v <= 0x200B || v == 0x2028 || v == 0x2029 || v == 0x202F || v == 0x205F }
        return v == 0xA0 || unicodeIsWhitespace(s)
    }

    /// General Punctuation holds no letters or digits.
    @inline(__always) static func isGeneralPunctuation(_ v: UInt32) -> Bool { v >= 0x2000 && v <= 0x206F }

    @inline(__always) static func isLetter(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 { return (v >= 0x61 && v <= 0x7A) || (v >= 0x41 && v <= 0x5A) }
        if isGeneralPunctuation(v) { return false }
        return unicodeIsAlphabetic(s)
    }

    @inline(__always) static func isDigit(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 { return v >= 0x30 && v <= 0x39 }
        return unicodeIsDecimal(s)
    }

    @inline(__always) static func isLetterOrDigit(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 { return (v >= 0x61 && v <= 0x7A) || (v >= 0x41 && v <= 0x5A) || (v >= 0x30 && v <= 0x39) }
        if isGeneralPunctuation(v) { return false }
        return unicodeIsAlphabetic(s) || unicodeIsDecimal(s)
    }

    /// Combining marks continue the word they follow (Devanagari vowel signs, accents).
    @inline(__always) static func isMark(_ s: Unicode.Scalar) -> Bool {
        guard s.value >= 0x300 else { return false }
        if s.value == 0x200C || s.value == 0x200D { return true }
        if isGeneralPunctuation(s.value) { return false }
        return unicodeIsMark(s)
    }

    @inline(__always) static func isUpper(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 { return v >= 0x41 && v <= 0x5A }
        // The tokenizer asks this of every token's first code point, curly quotes and
        // dashes included, and a table lookup cost some 370 instructions each.
        if isGeneralPunctuation(v) { return false }
        return unicodeIsUppercase(s)
    }

    /// Whether a code point is punctuation (else a symbol), by general category. General
    /// Punctuation — dashes, curly quotes, ellipsis, the non-ASCII punctuation news uses
    /// most — is read from a bitmap of that block (checked against the Unicode tables by
    /// FastPathTests), where the table lookup cost some 400 instructions per token.
    @inline(__always) static func isPunctuation(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if isGeneralPunctuation(v) {
            let k = v &- 0x2000
            let map: UInt64 = k < 64 ? generalPunctuationLow : generalPunctuationHigh
            return (map >> UInt64(k & 63)) & 1 != 0
        }
        return unicodeIsPunctuation(s)
    }

    /// Bit k is set when U+2000 + k (low) or U+2040 + k (high) is punctuation: U+2010–2027,
    /// U+2030–2043, U+2045–2051 and U+2053–205E; the rest are spaces, format controls and
    /// the two math symbols ⁄ and ⁒.
    static let generalPunctuationLow: UInt64 = 0xFFFF_00FF_FFFF_0000
    static let generalPunctuationHigh: UInt64 = 0x7FFB_FFEF

    @inline(__always) static func isLower(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 { return v >= 0x61 && v <= 0x7A }
        return unicodeIsLowercase(s)
    }

    /// Scripts written without spaces: each ideograph or kana counts as a word of its own.
    @inline(__always) static func isIdeographic(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x3040...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x2FFFF: return true
        default: return false
        }
    }

    @inline(__always) static func isEmoji(_ s: Unicode.Scalar) -> Bool {
        s.value >= 0x2100 && !(s.value >= 0x3000 && s.value <= 0x303F) && unicodeIsEmoji(s)
    }

    /// Scalars that extend an emoji into one visible symbol (skin tones, ZWJ sequences, variation selectors).
    static func extendsEmoji(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0xFE0E, 0xFE0F, 0x1F3FB...0x1F3FF, 0x200D, 0x20E3, 0xE0020...0xE007F: return true
        default: return false
        }
    }

    /// Marks that may stand before a quotation opens: ( [ { dashes, slash, other quote marks.
    static func isOpeningContext(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x28, 0x5B, 0x7B, 0x2D, 0x2F, 0x2013, 0x2014, 0x201C, 0x2018, 0x22, 0x27, 0xAB, 0x201E, 0x300C, 0x300E: return true
        default: return isSpace(s)
        }
    }

    /// Marks that may follow a quotation that closes: punctuation, brackets, dashes, quote marks.
    static func isClosingContext(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x2E, 0x2C, 0x3B, 0x3A, 0x21, 0x3F, 0x29, 0x5D, 0x7D, 0x2026, 0x2013, 0x2014, 0x2D,
             0x201D, 0x2019, 0x22, 0x27, 0xBB, 0x300D, 0x300F, 0x3002, 0xFF0C, 0xFF01, 0xFF1F, 0x2F:
            return true
        default: return isSpace(s)
        }
    }

    /// Whether a punctuation-like code point is punctuation (else a symbol), by general category.
    @inline(never) static func unicodeIsPunctuation(_ s: Unicode.Scalar) -> Bool {
        s.properties.generalCategory.isPunctuation
    }

    // The table lookups, out of line (see the type's comment).

    @inline(never) static func unicodeIsWhitespace(_ s: Unicode.Scalar) -> Bool { s.properties.isWhitespace }
    @inline(never) static func unicodeIsAlphabetic(_ s: Unicode.Scalar) -> Bool { s.properties.isAlphabetic }
    @inline(never) static func unicodeIsDecimal(_ s: Unicode.Scalar) -> Bool { s.properties.numericType == .decimal }
    @inline(never) static func unicodeIsUppercase(_ s: Unicode.Scalar) -> Bool { s.properties.isUppercase }
    @inline(never) static func unicodeIsLowercase(_ s: Unicode.Scalar) -> Bool { s.properties.isLowercase }
    @inline(never) static func unicodeIsEmoji(_ s: Unicode.Scalar) -> Bool {
        s.properties.isEmojiPresentation || (s.properties.isEmoji && s.value >= 0x1F000)
    }
    @inline(never) static func unicodeIsMark(_ s: Unicode.Scalar) -> Bool {
        switch s.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return s.value == 0x200C || s.value == 0x200D
        }
    }
}
