import Testing
@testable import SlantRules
import SlantText

/// Rule messages name what fired: placeholders are filled, anything else is kept as written.
@Suite struct MessageTemplateTests {
    @Test func fillsEveryPlaceholder() {
        let m = MessageTemplate.fill("{match} ({term}) from {source}: {source_type}", match: "slammed", term: "slam", source: "the mayor", sourceType: .named)
        #expect(m == "slammed (slam) from the mayor: named")
    }

    @Test func defaultsAndUnknownPlaceholders() {
        #expect(MessageTemplate.fill("{term} by {source}", match: "said") == "said by no source")
        #expect(MessageTemplate.fill("keep {other} and {match}", match: "x") == "keep {other} and x")
        #expect(MessageTemplate.fill("no placeholder", match: "x") == "no placeholder")
        #expect(MessageTemplate.fill("unclosed {match", match: "x") == "unclosed {match")
    }

    @Test func keepsNonASCIIText() {
        #expect(MessageTemplate.fill("«{match}» — 😀 {term}", match: "ложь", term: "谎言") == "«ложь» — 😀 谎言")
    }

    /// A finding fills its rule's template when read, from its own text and source, and a
    /// message set later replaces the template.
    @Test func findingFillsItsTemplateWhenRead() {
        var f = Finding(rule: "r", family: .attribution, span: TextSpan(start: 0, end: 4), text: "said",
                        template: "{match}/{term} by {source} ({source_type})", term: "say",
                        weight: 0, voice: .author, paragraph: 0, source: "the {match} mayor", sourceType: .named)
        #expect(f.message == "said/say by the {match} mayor (named)")
        let fixed = Finding(rule: "r", family: .attribution, span: TextSpan(start: 0, end: 4), text: "said",
                            message: "said/say by the {match} mayor (named)", weight: 0, voice: .author, paragraph: 0,
                            source: "the {match} mayor", sourceType: .named)
        #expect(f == fixed)
        #expect(f.hashValue == fixed.hashValue)
        f.message = "{match}"
        #expect(f.message == "{match}")
        #expect(f != fixed)
    }

    /// A finding made with its entry as the template's term fills it with that entry, and
    /// keeps that term when the entry is changed afterwards.
    @Test func aFindingsTermIsItsEntryAndStaysSo() {
        var f = Finding(rule: "r", family: .loadedLanguage, span: TextSpan(start: 0, end: 3), text: "bad",
                        template: "{match} / {term}", weight: 1, voice: .author, paragraph: 0, entry: "bad word")
        #expect(f.message == "bad / bad word")
        f.entry = "other"
        #expect(f.message == "bad / bad word")
        #expect(f.entry == "other")
        var noEntry = f
        noEntry.message = "fixed"
        #expect(noEntry.message == "fixed")
        let withoutEntry = Finding(rule: "r", family: .loadedLanguage, span: TextSpan(start: 0, end: 3), text: "bad",
                                   template: "{term}!", weight: 1, voice: .author, paragraph: 0, entry: nil)
        #expect(withoutEntry.message == "bad!")
    }
}
