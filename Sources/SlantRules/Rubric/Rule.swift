import Foundation

/// One rule of a rubric: what it looks for, which family it feeds, how much a finding weighs.
public struct Rule: Sendable {
    public var id: String
    public var family: Family
    public var kind: RuleKind
    /// Shown with every finding; `{match}` is replaced by the matched text, `{term}` by the
    /// lexicon entry, `{source}` and `{source_type}` by an attribution's source.
    public var message: String
    public var description: String
    public var weight: Double
    public var level: Level
    public var examples: RuleExamples
    public var location: SourceLocation

    public var kindName: String { kind.name }
}

public struct RuleExamples: Sendable {
    /// Texts on which the rule must fire; `[[…]]` marks the span a finding must cover exactly.
    public var triggering: [RuleExample]
    /// Texts on which the rule must stay silent.
    public var nonTriggering: [RuleExample]

    public init(triggering: [RuleExample] = [], nonTriggering: [RuleExample] = []) {
        self.triggering = triggering
        self.nonTriggering = nonTriggering
    }
}

public struct RuleExample: Sendable {
    /// The example as written, markers included.
    public var source: String
    public var location: SourceLocation

    /// The text with `[[` and `]]` removed, and the code-point spans they marked.
    public var parsed: (text: String, spans: [(start: Int, end: Int)]) {
        var text = String.UnicodeScalarView()
        var spans: [(Int, Int)] = []
        var open: Int?
        let s = Array(source.unicodeScalars)
        var i = 0
        while i < s.count {
            if i + 1 < s.count, s[i] == "[", s[i + 1] == "[" { open = text.count; i += 2; continue }
            if i + 1 < s.count, s[i] == "]", s[i + 1] == "]", let o = open { spans.append((o, text.count)); open = nil; i += 2; continue }
            text.append(s[i]); i += 1
        }
        return (String(text), spans)
    }
}

public enum RuleKind: Sendable {
    case lexicon(LexiconRule)
    case pattern(PatternRule)
    case scareQuote(ScareQuoteRule)
    case attribution(AttributionRule)
    case claim(ClaimRule)

    public var name: String {
        switch self {
        case .lexicon: return "lexicon"
        case .pattern: return "pattern"
        case .scareQuote: return "scare-quote"
        case .attribution: return "attribution"
        case .claim: return "claim"
        }
    }
}

/// Matches the terms of one or more lexicons.
public struct LexiconRule: Sendable {
    public var lexicons: [String]
    /// Skip a match preceded closely by a negation ("not", "never", "no").
    public var skipNegated: Bool
    /// Only matches used as verbs ("officials claimed", not "the claims").
    public var verbsOnly: Bool
}

/// Matches regular expressions against each sentence's folded text (lower case,
/// straight quotes), so patterns are written in lower case.
public struct PatternRule: Sendable {
    public var patterns: [CompiledPattern]
}

public struct CompiledPattern: @unchecked Sendable {
    // NSRegularExpression is immutable once built and documented as thread-safe.
    public let source: String
    public let regex: NSRegularExpression
}

/// Short quotations that nobody is reported as saying.
public struct ScareQuoteRule: Sendable {
    public var minWords: Int
    public var maxWords: Int
    /// Words before a quotation that make it a mention, a title or a name ("the word", "dubbed").
    public var mentionCues: [String]
    /// Words before a quotation that make the distancing explicit ("so-called").
    public var boostCues: [String]
    public var boost: Double
}

/// Finds attributions and classifies who is credited.
public struct AttributionRule: Sendable {
    /// Lexicons of reporting verbs and phrases ("said", "according to").
    public var cueLexicons: [String]
    /// Lexicon of vague, sourceless attribution ("reportedly").
    public var agentlessLexicon: String
    /// Lexicon of unnamed sources ("officials", "a source").
    public var anonymousLexicon: String
    /// Lexicon of words that mark an organisation or outlet ("ministry", "Reuters").
    public var outletLexicon: String
    /// Weight of a finding by source type; unsourced kinds cost, named ones do not.
    public var weights: [SourceType: Double]
    /// Treat "NAME: …" at the start of a paragraph as that speaker's words.
    public var speakerColon: Bool
    /// Verbs that are also common nouns ("plan", "support", "fear"): their base and -s
    /// forms count as cues only with a subject or auxiliary right before them.
    public var dualUseCueLexicons: [String] = []
    /// Nouns of speech and stance ("claim", "plan", "statement") that credit their
    /// possessor: "Trump's claim", "her plan".
    public var nominalCueLexicons: [String] = []
    /// A colon or dash that introduces a quotation ("… CEO: ‘You should…’"), or a dash
    /// after one that names its speaker (“…” ― Jane Doe), credits the quotation.
    public var quotePunctuation: Bool = false
    /// A verb or participle directly followed by a clause ("ruled that the …", "were
    /// frustrated that …", "wondered whether …") is a cue even if no lexicon lists it.
    public var complementCues: Bool = false
}

/// Sentences asserting checkable facts with no attribution in or next to them.
public struct ClaimRule: Sendable {
    public struct Signal: Sendable {
        public var name: String
        public var lexicon: String?
        public var pattern: CompiledPattern?
    }
    public var signals: [Signal]
    /// How many sentences before and after may carry the attribution.
    public var window: Int
    /// Attribution findings from these cue lexicons (or from no lexicon: punctuation,
    /// clause cues) source a claim; nil: every attribution does. Verbs of feeling and
    /// judging ("backed", "mocked") credit an attitude, not a claim.
    public var sourcingLexicons: Set<String>? = nil
}
