import Testing
@testable import SlantStore

/// Cohen's kappa and Krippendorff's alpha against hand-computed values.
@Suite struct AgreementTests {
    /// 50 units: both yes 20, A yes/B no 5, A no/B yes 10, both no 15 (the textbook kappa example):
    /// pₒ = 0.7, pₑ = 0.5·0.6 + 0.5·0.4 = 0.5, κ = 0.4. Alpha: n = 100, n_yes = 55, n_no = 45,
    /// 30 disagreeing pairs, α = 1 − 99·30 / (2·55·45) = 0.4.
    func textbook() -> [Agreement.Judgement] {
        var j: [Agreement.Judgement] = []
        func add(_ count: Int, _ a: String, _ b: String) {
            for _ in 0..<count {
                let u = "u\(j.count / 2)"
                j.append(.init(unit: u, reviewer: "A", value: a))
                j.append(.init(unit: u, reviewer: "B", value: b))
            }
        }
        add(20, "yes", "yes"); add(5, "yes", "no"); add(10, "no", "yes"); add(15, "no", "no")
        return j
    }

    @Test func cohenKappaTextbookExample() throws {
        let p = Agreement.cohen(textbook(), "A", "B")
        #expect(p.units == 50)
        #expect(abs(try #require(p.observed) - 0.7) < 1e-9)
        #expect(abs(try #require(p.kappa) - 0.4) < 1e-9)
    }

    @Test func krippendorffAlphaTextbookExample() throws {
        #expect(abs(try #require(Agreement.krippendorffNominal(textbook())) - 0.4) < 1e-9)
    }

    @Test func perfectAndUndefinedAgreement() throws {
        let perfect: [Agreement.Judgement] = [
            .init(unit: "1", reviewer: "A", value: "agree"), .init(unit: "1", reviewer: "B", value: "agree"),
            .init(unit: "2", reviewer: "A", value: "disagree"), .init(unit: "2", reviewer: "B", value: "disagree"),
        ]
        #expect(Agreement.cohen(perfect, "A", "B").kappa == 1)
        #expect(Agreement.krippendorffNominal(perfect) == 1)
        // Everyone always says "agree": no variation, so both coefficients are undefined.
        let flat: [Agreement.Judgement] = [
            .init(unit: "1", reviewer: "A", value: "agree"), .init(unit: "1", reviewer: "B", value: "agree"),
        ]
        #expect(Agreement.cohen(flat, "A", "B").kappa == nil)
        #expect(Agreement.krippendorffNominal(flat) == nil)
        // No shared unit.
        #expect(Agreement.cohen([.init(unit: "1", reviewer: "A", value: "agree"), .init(unit: "2", reviewer: "B", value: "agree")], "A", "B").units == 0)
    }

    /// Three reviewers with one missing value: alpha uses every pairable value.
    /// Units: u1 {a,a,a}, u2 {a,b,–}, u3 {b,b,b}. n = 8; o_ab = o_ba = 1; n_a = 4, n_b = 4.
    /// α = 1 − 7·2 / (2·4·4) = 0.5625.
    @Test func alphaWithMissingValues() throws {
        let j: [Agreement.Judgement] = [
            .init(unit: "u1", reviewer: "A", value: "a"), .init(unit: "u1", reviewer: "B", value: "a"), .init(unit: "u1", reviewer: "C", value: "a"),
            .init(unit: "u2", reviewer: "A", value: "a"), .init(unit: "u2", reviewer: "B", value: "b"),
            .init(unit: "u3", reviewer: "A", value: "b"), .init(unit: "u3", reviewer: "B", value: "b"), .init(unit: "u3", reviewer: "C", value: "b"),
        ]
        #expect(abs(try #require(Agreement.krippendorffNominal(j)) - 0.5625) < 1e-9)
    }
}
