import Foundation
import SlantRules
import SlantText

/// `slant scorecard --corpus`: one row per article and the figures of the whole corpus.
///
/// A row keeps only numbers and the title, never the article, so a corpus of any size
/// is summarised in flat memory while the articles stream through the scorer.
public struct CorpusRow: Sendable, Hashable {
    public var source: String
    public var title: String?
    public var words: Int
    public var index: Double
    public var band: ScorecardBand
    public var flaggedParagraphs: Int
    public var scoredParagraphs: Int
    public var counts: [Family: Int]
    public var weighted: [Family: Double]
    public var density: [Family: Double]
    public var claims: Int
    public var claimsAttributed: Int
    public var attributions: [SourceType: Int]

    public init(_ a: ScoredArticle, bands: [ScorecardBand]) {
        source = a.article.source
        title = a.article.title
        words = a.score.words
        index = a.score.editorializing
        band = ScorecardBand.band(for: a.score.editorializing, in: bands)
        flaggedParagraphs = a.flaggedParagraphs.count
        scoredParagraphs = a.paragraphs.filter(\.scored).count
        counts = a.score.counts
        weighted = a.score.weighted
        density = a.score.density
        claims = a.sourcing.claims
        claimsAttributed = a.sourcing.claimsAttributed
        attributions = a.sourcing.attributions
    }

    /// Share of claim sentences with an attribution; nil without claims.
    public var sourcedShare: Double? { claims == 0 ? nil : Double(claimsAttributed) / Double(claims) }
    public var totalAttributions: Int { attributions.values.reduce(0, +) }
    /// Share of (author-voice) attributions that credit an anonymous source; nil without attributions.
    public var anonymousShare: Double? {
        totalAttributions == 0 ? nil : Double(attributions[.anonymous] ?? 0) / Double(totalAttributions)
    }
}

public struct CorpusReport: Sendable {
    /// Rows by index, highest first (ties by source, so the order is stable).
    public var rows: [CorpusRow]
    public var rubric: Scorecard.RubricIdentity
    public var slantVersion: String
    public var bands: [ScorecardBand]
    public var flagThreshold: Double
    /// Inputs that could not be read (their one-line errors), reported beside the table.
    public var failures: [String]

    public init(rows: [CorpusRow], rubric: Rubric, slantVersion: String, failures: [String] = []) {
        self.rows = rows.sorted { a, b in a.index != b.index ? a.index > b.index : a.source < b.source }
        self.rubric = Scorecard.RubricIdentity(name: rubric.name, version: rubric.version, sha256: rubric.sha256)
        self.slantVersion = slantVersion
        bands = ScorecardBand.bands(for: rubric.scoring)
        flagThreshold = rubric.scoring.flagThreshold
        self.failures = failures
    }

    public var words: Int { rows.reduce(0) { $0 + $1.words } }
    public var mean: Double? { rows.isEmpty ? nil : rows.reduce(0) { $0 + $1.index } / Double(rows.count) }
    public var median: Double? {
        let sorted = rows.map(\.index).sorted()
        guard !sorted.isEmpty else { return nil }
        let mid = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
    }
    public var minimum: Double? { rows.map(\.index).min() }
    public var maximum: Double? { rows.map(\.index).max() }
    /// Articles per band, in band order.
    public var bandCounts: [(band: ScorecardBand, articles: Int)] {
        bands.map { b in (b, rows.filter { $0.band.level == b.level }.count) }
    }
    /// Articles whose index reaches the flag threshold.
    public var editorializingArticles: Int { rows.filter { $0.index >= flagThreshold }.count }

    public var counts: [Family: Int] { sum(\.counts) }
    public var weighted: [Family: Double] { sum(\.weighted) }
    /// Weighted findings per 100 words over the whole corpus.
    public var density: [Family: Double] {
        let w = weighted, total = Double(max(words, 1))
        return Dictionary(uniqueKeysWithValues: Family.allCases.map { ($0, 100 * (w[$0] ?? 0) / total) })
    }
    public var claims: Int { rows.reduce(0) { $0 + $1.claims } }
    public var claimsAttributed: Int { rows.reduce(0) { $0 + $1.claimsAttributed } }
    public var sourcedShare: Double? { claims == 0 ? nil : Double(claimsAttributed) / Double(claims) }
    public var attributions: [SourceType: Int] { sum(\.attributions) }
    public var anonymousShare: Double? {
        let a = attributions, total = a.values.reduce(0, +)
        return total == 0 ? nil : Double(a[.anonymous] ?? 0) / Double(total)
    }

    func sum<K: Hashable, V: AdditiveArithmetic>(_ key: KeyPath<CorpusRow, [K: V]>) -> [K: V] {
        var out: [K: V] = [:]
        for r in rows { for (k, v) in r[keyPath: key] { out[k, default: .zero] += v } }
        return out
    }
}
