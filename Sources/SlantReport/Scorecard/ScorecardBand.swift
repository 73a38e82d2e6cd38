import SlantRules

/// A plain-words reading of the editorializing index, so an editor does not have to
/// know what 52.3 means.
///
/// The bands are derived from the rubric's `flag_threshold` T (45 in the default
/// rubric) so that "editorializing" starts exactly where a paragraph is flagged:
///
/// | band | index |
/// |---|---|
/// | neutral | 0 – T/3 |
/// | mostly neutral | T/3 – 2T/3 |
/// | some editorializing | 2T/3 – T |
/// | editorializing | T – S |
/// | strongly editorializing | S – 100 |
///
/// with S = 70, or halfway from T to 100 when T is 70 or more. Lower bounds are
/// inclusive (like the flag), and are rounded to one decimal like the index itself.
public struct ScorecardBand: Sendable, Hashable {
    /// 0 (neutral) … 4 (strongly editorializing); also the CSS class suffix in HTML.
    public var level: Int
    public var name: String
    /// Inclusive lower bound of the index.
    public var lower: Double
    /// Exclusive upper bound; 100 for the last band (which includes 100).
    public var upper: Double

    public static let names = ["neutral", "mostly neutral", "some editorializing", "editorializing", "strongly editorializing"]

    /// The five bands for a rubric's scoring settings.
    public static func bands(for settings: ScoringSettings) -> [ScorecardBand] {
        let t = min(max(settings.flagThreshold, 0), 100)
        let strong = t < 70 ? 70 : t + (100 - t) / 2
        let bounds = [0, t / 3, 2 * t / 3, t, strong, 100].map { ($0 * 10).rounded() / 10 }
        return names.indices.map { ScorecardBand(level: $0, name: names[$0], lower: bounds[$0], upper: bounds[$0 + 1]) }
    }

    /// The band an index falls in.
    public static func band(for index: Double, in bands: [ScorecardBand]) -> ScorecardBand {
        bands.last { index >= $0.lower } ?? bands[0]
    }
}
