/// The signal families a rule belongs to. The raw values are part of Slant's output
/// formats and of the rubric YAML, so they never change.
public enum Family: String, Sendable, Codable, CaseIterable, Comparable {
    /// Emotive, contemptuous or glorifying wording, labels, intensifiers.
    case loadedLanguage = "loaded_language"
    /// Checkable assertions with no attribution nearby.
    case unsourcedClaim = "unsourced_claim"
    /// Short quoted words used to distance or mock rather than to report speech.
    case scareQuote = "scare_quote"
    /// Every attribution, classified by the kind of source.
    case attribution
    /// First-person and writer-opinion markers ("I think", "we must").
    case opinion
    /// Hedges that soften a claim ("may", "appears to").
    case hedging

    public static func < (lhs: Family, rhs: Family) -> Bool { lhs.lane < rhs.lane }
}

/// Who a statement is credited to.
public enum SourceType: String, Sendable, Codable, CaseIterable {
    /// A person, named or identified by a specific role ("Dana Whitlock", "the mayor").
    case named
    /// A named organisation, agency or publication.
    case outlet
    /// An unnamed source ("a source", "officials", "people familiar with the matter").
    case anonymous
    /// No source at all ("reportedly", "it is believed").
    case agentless
}

/// Whose words a finding sits in.
public enum Voice: String, Sendable, Codable {
    /// The article's own voice: counts towards its editorializing score.
    case author
    /// Inside quoted speech: reported, but the speaker's words, not the author's.
    case quoted
}

/// How serious a rule's findings are, for lint-style output.
public enum Level: String, Sendable, Codable, CaseIterable {
    case info, warning, error
}
