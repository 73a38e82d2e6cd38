import Testing
@testable import SlantRules

/// Rule messages name what fired: placeholders are filled, anything else is kept as written.
@Suite struct MessageTemplateTests {
    @Test func fillsEveryPlaceholder() {
        let m = ParagraphContext.fill("{match} ({term}) from {source}: {source_type}", match: "slammed", term: "slam", source: "the mayor", sourceType: .named)
        #expect(m == "slammed (slam) from the mayor: named")
    }

    @Test func defaultsAndUnknownPlaceholders() {
        #expect(ParagraphContext.fill("{term} by {source}", match: "said") == "said by no source")
        #expect(ParagraphContext.fill("keep {other} and {match}", match: "x") == "keep {other} and x")
        #expect(ParagraphContext.fill("no placeholder", match: "x") == "no placeholder")
        #expect(ParagraphContext.fill("unclosed {match", match: "x") == "unclosed {match")
    }

    @Test func keepsNonASCIIText() {
        #expect(ParagraphContext.fill("«{match}» — 😀 {term}", match: "ложь", term: "谎言") == "«ложь» — 😀 谎言")
    }
}
