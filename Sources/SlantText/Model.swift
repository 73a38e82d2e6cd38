/// What a paragraph is, which decides whether it is scored as the author's prose.
public enum ParagraphKind: String, Sendable, Codable, CaseIterable {
    case prose
    case heading
    case boilerplate
    case quoteBlock = "quote-block"

    /// Headings and page furniture are shown but not scored as editorial prose.
    public var isScored: Bool { self == .prose || self == .quoteBlock }
}

public struct Sentence: Sendable, Hashable, Codable {
    public var span: TextSpan
    public init(span: TextSpan) { self.span = span }
}

public struct Token: Sendable, Hashable {
    public enum Kind: String, Sendable, Codable {
        case word, number, punctuation, symbol
    }
    public var span: TextSpan
    public var kind: Kind
    /// Whether the token starts with an upper-case letter. Noted by the tokenizer, which
    /// has the code point at hand: the checks ask it of names and sentence openers again
    /// and again, and each answer from the text meant mapping an offset and decoding.
    public var isCapitalised: Bool
    public init(span: TextSpan, kind: Kind, isCapitalised: Bool = false) {
        self.span = span
        self.kind = kind
        self.isCapitalised = isCapitalised
    }
    public var isWordLike: Bool { kind == .word || kind == .number }
}

/// A quotation: the marks and what they enclose.
public struct Quote: Sendable, Hashable {
    /// The whole quotation, marks included.
    public var span: TextSpan
    /// What the marks enclose.
    public var inner: TextSpan
    /// The opening mark. Kept as a code point (every quotation mark is one): as a
    /// `Character`, with the closing mark, each copy and destruction of a quotation went
    /// through the runtime's retain and release calls for the two strings.
    public var openScalar: Unicode.Scalar
    /// The closing mark; nil when the paragraph ends before the quotation is closed (news
    /// style for a quotation that runs on into the next paragraph).
    public var closeScalar: Unicode.Scalar?

    /// `openScalar` as a character. Setting it takes a character of one code point.
    public var openMark: Character {
        get { Character(openScalar) }
        set { openScalar = Self.onlyScalar(of: newValue) }
    }
    /// `closeScalar` as a character. Setting it takes a character of one code point, or nil.
    public var closeMark: Character? {
        get { closeScalar.map(Character.init) }
        set { closeScalar = newValue.map(Self.onlyScalar) }
    }
    /// Number of word tokens inside.
    public var words: Int
    /// 0 for a top-level quotation, 1 for a quotation inside it, and so on.
    public var depth: Int
    /// True when a reporting verb or a colon is attached, so the words are someone's speech.
    public var reported: Bool

    public var isClosed: Bool { closeScalar != nil }

    private static func onlyScalar(of mark: Character) -> Unicode.Scalar {
        precondition(mark.unicodeScalars.count == 1, "a quotation mark is one code point")
        return mark.unicodeScalars.first!
    }
}

public struct Paragraph: Sendable {
    public var index: Int
    public var span: TextSpan
    public var kind: ParagraphKind
    public var sentences: [Sentence]
    public var tokens: [Token] {
        didSet { wordCount = Self.countWords(tokens) }
    }
    public var quotes: [Quote]

    /// Number of word and number tokens. Kept, not counted when asked: the engine asks it
    /// of every scored paragraph, and a filter over the tokens cost some 530 instructions
    /// a call, where the tokenizer counts them as it makes them. Setting `tokens` counts
    /// afresh, so the number always matches the tokens.
    public private(set) var wordCount: Int

    init(index: Int, span: TextSpan, kind: ParagraphKind, sentences: [Sentence], tokens: [Token], quotes: [Quote]) {
        self.init(index: index, span: span, kind: kind, sentences: sentences, tokens: tokens,
                  wordCount: Self.countWords(tokens), quotes: quotes)
    }

    /// `wordCount` must be the number of word-like tokens in `tokens` (the tokenizer's count).
    init(index: Int, span: TextSpan, kind: ParagraphKind, sentences: [Sentence], tokens: [Token], wordCount: Int, quotes: [Quote]) {
        self.index = index
        self.span = span
        self.kind = kind
        self.sentences = sentences
        self.tokens = tokens
        self.wordCount = wordCount
        self.quotes = quotes
    }

    static func countWords(_ tokens: [Token]) -> Int {
        var count = 0
        for token in tokens where token.isWordLike { count += 1 }
        return count
    }

    /// The innermost quotation covering `span`, if any: words there are the speaker's, not the author's.
    public func quote(covering span: TextSpan) -> Quote? {
        quotes.filter { $0.inner.contains(span) }.max { $0.depth < $1.depth }
    }
}
