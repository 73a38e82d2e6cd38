import Testing
@testable import SlantReport
import SlantRules

@Suite struct ScorecardBandTests {
    func settings(_ threshold: Double) -> ScoringSettings {
        ScoringSettings(familyWeights: [:], minWords: 25, scale: 8, flagThreshold: threshold)
    }

    @Test func defaultThresholdGivesTheDocumentedBands() {
        let bands = ScorecardBand.bands(for: settings(45))
        #expect(bands.map(\.name) == ["neutral", "mostly neutral", "some editorializing", "editorializing", "strongly editorializing"])
        #expect(bands.map(\.lower) == [0, 15, 30, 45, 70])
        #expect(bands.map(\.upper) == [15, 30, 45, 70, 100])
        #expect(bands.map(\.level) == [0, 1, 2, 3, 4])
    }

    @Test(arguments: [30.0, 45, 50, 60, 70, 85])
    func editorializingStartsAtTheFlagThreshold(_ t: Double) {
        let bands = ScorecardBand.bands(for: settings(t))
        #expect(bands[3].lower == t, "editorializing starts where paragraphs are flagged")
        #expect(ScorecardBand.band(for: t, in: bands).name == "editorializing")
        #expect(ScorecardBand.band(for: t - 0.1, in: bands).name == "some editorializing")
        for (a, b) in zip(bands, bands.dropFirst()) {
            #expect(a.upper == b.lower, "bands are contiguous")
            #expect(a.lower < a.upper, "no empty band for threshold \(t)")
        }
        #expect(bands.last?.upper == 100)
    }

    @Test func highThresholdMovesStronglyHalfwayToOneHundred() {
        let bands = ScorecardBand.bands(for: settings(80))
        #expect(bands[4].lower == 90)
    }

    @Test func indexesFallInTheirBand() {
        let bands = ScorecardBand.bands(for: settings(45))
        #expect(ScorecardBand.band(for: 0, in: bands).name == "neutral")
        #expect(ScorecardBand.band(for: 14.9, in: bands).name == "neutral")
        #expect(ScorecardBand.band(for: 15, in: bands).name == "mostly neutral")
        #expect(ScorecardBand.band(for: 44.9, in: bands).name == "some editorializing")
        #expect(ScorecardBand.band(for: 69.9, in: bands).name == "editorializing")
        #expect(ScorecardBand.band(for: 70, in: bands).name == "strongly editorializing")
        #expect(ScorecardBand.band(for: 100, in: bands).name == "strongly editorializing")
    }
}
