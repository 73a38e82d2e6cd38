import Testing
import SlantText
@testable import SlantRules

/// `Word` answers the checks' questions from packed integers for most tokens; these
/// tests hold every answer to the string it replaces.
@Suite struct WordTests {
    /// Tokens of every kind: short ASCII, 15 and 16 bytes, accented, emoji, non-Latin, empty.
    static let samples = [
        "said", "the", "that", "s", "'s", "officials'", "reportedly", "abcdefghijklmno", "abcdefghijklmnop",
        "zürich's", "résumed", "naïve", "👍", "said👍", "говорит", "說", "", "--", "—", "n't", "isn't", "according to",
    ]
    static let suffixes: [StaticString] = ["ed", "s", "'s", "s'", "ly", "n't", "ing", "o", "p", "said", ""]
    static let literals: [StaticString] = ["said", "the", "that", "s", "--", "abcdefghijklmno", ""]

    @Test func packedWordsAnswerAsTheirStrings() {
        let list: WordList = ["said", "the", "zürich's", "abcdefghijklmnop", "—"]
        let plain: WordList = ["said", "the", "reportedly", "officials'"]
        for text in Self.samples {
            let word = Word(folded: text)
            #expect(word.text == text)
            var bytes: [UInt8] = [0x41]
            word.appendUTF8(to: &bytes)
            #expect(bytes == [0x41] + Array(text.utf8), "bytes of \(text)")
            #expect(word.scalarCount == text.unicodeScalars.count)
            #expect(word.isEmpty == text.isEmpty)
            #expect(word.contains(byte: 0x20) == text.utf8.contains(0x20))
            for suffix in Self.suffixes {
                #expect(word.endsWith(suffix) == text.endsWith(suffix), "\(text) ends with \(suffix)")
                #expect(word.startsWith(suffix) == text.startsWith(suffix), "\(text) starts with \(suffix)")
            }
            for literal in Self.literals {
                #expect((word == literal) == (text == literal.description), "\(text) == \(literal)")
                #expect((word != literal) == (text != literal.description))
            }
            #expect(list.contains(word) == list.contains(text), "\(text) in list")
            #expect(plain.contains(word) == plain.contains(text), "\(text) in plain list")
        }
    }

    @Test func packedWordsOfTokensMatchTheFoldedText() {
        // ASCII and non-ASCII paragraphs: offsets are code points, so emoji and accents shift bytes.
        // ASCII paragraphs after non-ASCII ones read bytes at a shift; a short last paragraph
        // ends within 16 bytes of the text's end.
        for text in ["Officials SAID the plan “worked”, 👍 reportedly — Zürich’s mayor.", "Plain ASCII text said the mayor.",
                     "Говорит мэр: «план сработал» 說 abcdefghijklmnopq.",
                     "Zürich’s “mayor” 👍 said.\n\nThe PLAIN second paragraph, all ASCII, said nothing longer than fifteen.\n\nEnd it."] {
            let article = Article(text: text)
            let folded = FoldedText(article.text)
            for paragraph in article.paragraphs {
                let tokens = paragraph.tokens
                let spans = tokens.map(\.span)
                let (packed, others) = folded.packedWords(of: tokens)
                #expect(packed.count == spans.count)
                for (i, span) in spans.enumerated() {
                    let lo = folded.byteOffset(ofScalar: span.start), hi = folded.byteOffset(ofScalar: span.end)
                    let expected = String(decoding: folded.bytes[lo..<hi], as: UTF8.self)
                    let word = Word(entry: packed[i], others: others)
                    #expect(word.text == expected, "token \(i) of \(text)")
                    #expect((word.other == nil) == (expected.utf8.count <= 15 && expected.utf8.allSatisfy { $0 < 0x80 }))
                }
            }
        }
    }

    /// Packing notes exactly the tokens whose folded word is "that", "whether", "how" or
    /// "why", in ASCII and non-ASCII paragraphs and at the text's very end.
    @Test func packingNotesTheComplementWords() {
        let words: Set<String> = ["that", "whether", "how", "why"]
        for text in ["He said THAT, and asked whether how-why thats howl wh whethers why.",
                     "Zürich’s 👍 mayor wondered why; “That” was how it went, говорит whether",
                     "Short.\n\nwhy", "Ending with that"] {
            let article = Article(text: text)
            let folded = FoldedText(article.text)
            var base = 0
            for paragraph in article.paragraphs {
                let tokens = paragraph.tokens
                var others: [String] = []
                var noted: [Int32] = []
                let out = UnsafeMutableBufferPointer<PackedWord>.allocate(capacity: tokens.count)
                defer { out.deallocate() }
                folded.pack(tokens, into: out, others: &others, complementWords: &noted, base: base)
                let expected = tokens.indices.filter { i in
                    let lo = folded.byteOffset(ofScalar: tokens[i].span.start), hi = folded.byteOffset(ofScalar: tokens[i].span.end)
                    return words.contains(String(decoding: folded.bytes[lo..<hi], as: UTF8.self))
                }.map { Int32(base + $0) }
                #expect(noted == expected, "\(text)")
                base += tokens.count
            }
        }
    }

    /// A paragraph that is not all ASCII: ASCII tokens of every length between accents,
    /// emoji and CJK (so the byte shift grows along the paragraph), tokens holding them,
    /// a token out of order, and the paragraph's end within sixteen bytes of the text's end.
    @Test func packedWordsOfMixedParagraphs() {
        let letters = Array("abcdefghijklmnopq")
        let extras = ["é", "😀", "說", "—", "ÉTÉ", "a😀b"]
        for tail in ["", "x", "end of the text here"] {
            for k in 0..<extras.count {
                var text = "Intro “text”.\n\n"
                let start = text.unicodeScalars.count
                var spans: [TextSpan] = []
                for length in 0...17 {
                    let other = extras[(k + length) % extras.count]
                    var at = text.unicodeScalars.count
                    text += other + " "
                    spans.append(TextSpan(start: at, end: at + other.unicodeScalars.count))
                    at = text.unicodeScalars.count
                    text += String(letters[0..<length]) + (length % 3 == 0 ? "" : " ")
                    spans.append(TextSpan(start: at, end: at + length))
                }
                text += tail
                // One token out of order, one reaching back before the paragraph.
                spans.insert(spans[3], at: 10)
                spans.append(TextSpan(start: start - 3, end: start + 2))
                let folded = FoldedText(text)
                let tokens = spans.map { Token(span: $0, kind: .word) }
                let (packed, others) = folded.packedWords(of: tokens)
                for (i, span) in spans.enumerated() {
                    let lo = folded.byteOffset(ofScalar: span.start), hi = folded.byteOffset(ofScalar: span.end)
                    let expected = String(decoding: folded.bytes[lo..<hi], as: UTF8.self)
                    #expect(Word(entry: packed[i], others: others).text == expected, "token \(span) of \(text)")
                }
            }
        }
    }

    /// The fast path reads sixteen bytes at a token's start and masks them by its length:
    /// every length from 0 to 17, at every alignment, in an ASCII paragraph that follows
    /// non-ASCII text (bytes at a shift from code points) and that ends the text, and tokens
    /// reaching outside the paragraph, which must not be read from its bytes.
    @Test func packedWordsOfEveryLengthAndAlignment() {
        let letters = Array("abcdefghijklmnopq")
        for prefix in ["", "😀 “é” 說\n\n"] {
          for suffix in ["", "ünd"] {
            for pad in 0..<3 {
                var text = prefix + String(repeating: "x", count: pad)
                let start = text.unicodeScalars.count
                var spans: [TextSpan] = []
                for length in 0...17 {
                    let at = text.unicodeScalars.count
                    text += String(letters[0..<length]) + " "
                    spans.append(TextSpan(start: at, end: at + length))
                }
                let end = text.unicodeScalars.count
                text += suffix
                let folded = FoldedText(text)
                // Two tokens that reach past the paragraph (one into the non-ASCII text before it).
                if !suffix.isEmpty { spans.append(TextSpan(start: end - 2, end: end + 2)) }
                if start > 0 { spans.append(TextSpan(start: start - 2, end: start + 3)) }
                let tokens = spans.map { Token(span: $0, kind: .word) }
                let (packed, others) = folded.packedWords(of: tokens)
                for (i, span) in spans.enumerated() {
                    let lo = folded.byteOffset(ofScalar: span.start), hi = folded.byteOffset(ofScalar: span.end)
                    let expected = String(decoding: folded.bytes[lo..<hi], as: UTF8.self)
                    #expect(Word(entry: packed[i], others: others).text == expected, "token \(span) after \(prefix.count) + \(pad)")
                }
            }
          }
        }
    }
}
