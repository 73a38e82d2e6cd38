import SlantText

/// A reviewer's note as a scorecard shows it, already placed on the text being scored.
///
/// Deliberately a plain value in SlantReport rather than the store's `NoteView`, so the
/// renderers do not depend on the store: the CLI converts, re-anchoring each note onto
/// the scored text first (see `ScorecardReviews` in SlantCLI).
public struct ScorecardNote: Sendable, Hashable {
    public enum Verdict: String, Sendable, Hashable, CaseIterable {
        case agree, disagree, unsure
    }

    /// What the reviewer annotated.
    public enum Target: String, Sendable, Hashable {
        case paragraph, finding, quote
    }

    /// How the note was found in the scored text (the store's anchor statuses).
    public enum Anchor: String, Sendable, Hashable {
        case exact, moved, fuzzy, orphaned
    }

    /// Stable identity (the note's UUID), used only to order notes deterministically.
    public var uid: String
    public var reviewer: String
    public var verdict: Verdict?
    /// The family the reviewer says this is really about, if any.
    public var label: String?
    /// The note as written (may be empty when only a verdict was given).
    public var text: String
    public var target: Target
    /// For finding notes: the rule of the finding that was judged.
    public var rule: String?
    /// The text the note was written on.
    public var quote: String
    /// Where the note sits in the scored text; nil when orphaned.
    public var span: TextSpan?
    public var anchor: Anchor

    public init(uid: String, reviewer: String, verdict: Verdict?, label: String?, text: String, target: Target,
                rule: String?, quote: String, span: TextSpan?, anchor: Anchor) {
        self.uid = uid; self.reviewer = reviewer; self.verdict = verdict; self.label = label; self.text = text
        self.target = target; self.rule = rule; self.quote = quote; self.span = span; self.anchor = anchor
    }

    /// "agree", "disagree", "unsure" or "comment" for a note without a verdict.
    public var verdictText: String { verdict?.rawValue ?? "comment" }
}

/// Where the reviewer notes for a scorecard came from, or why there are none.
public enum ScorecardReviewSource: Sendable, Hashable {
    /// Notes from the annotation store (possibly none yet).
    case store([ScorecardNote])
    /// No notes: the reason, e.g. "no annotation store" or "not in the annotation store".
    case unavailable(String)
}
