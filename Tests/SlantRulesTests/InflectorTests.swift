import Testing
@testable import SlantRules

@Suite struct InflectorTests {
    @Test func shortVerbsDoubleTheirLastConsonant() {
        #expect(Inflector.forms(of: "slam", as: .verb) == ["slam", "slams", "slammed", "slamming"])
        #expect(Inflector.forms(of: "stop", as: .verb) == ["stop", "stops", "stopped", "stopping"])
        #expect(Inflector.forms(of: "plan", as: .verb) == ["plan", "plans", "planned", "planning"])
    }

    @Test func longerVerbsDoNotDouble() {
        let visit = Inflector.forms(of: "visit", as: .verb)
        #expect(visit == ["visit", "visits", "visited", "visiting"])
        #expect(!visit.contains("visitted"))
    }

    @Test func verbsEndingInWXOrYDoNotDouble() {
        #expect(Inflector.forms(of: "fix", as: .verb) == ["fix", "fixes", "fixed", "fixing"])
        #expect(Inflector.forms(of: "slow", as: .verb) == ["slow", "slows", "slowed", "slowing"])
        #expect(Inflector.forms(of: "play", as: .verb) == ["play", "plays", "played", "playing"])
    }

    @Test func consonantYBecomesI() {
        #expect(Inflector.forms(of: "rely", as: .verb) == ["rely", "relies", "relied", "relying"])
        #expect(Inflector.forms(of: "deny", as: .verb) == ["deny", "denies", "denied", "denying"])
    }

    @Test func silentEIsDropped() {
        #expect(Inflector.forms(of: "argue", as: .verb) == ["argue", "argues", "argued", "arguing"])
        #expect(Inflector.forms(of: "blame", as: .verb) == ["blame", "blames", "blamed", "blaming"])
        // -ee keeps its e before -ing.
        #expect(Inflector.forms(of: "agree", as: .verb) == ["agree", "agrees", "agreed", "agreeing"])
    }

    @Test func sibilantVerbsTakeES() {
        #expect(Inflector.forms(of: "push", as: .verb) == ["push", "pushes", "pushed", "pushing"])
        #expect(Inflector.forms(of: "blast", as: .verb).contains("blasts"))
    }

    @Test func phraseVerbsInflectTheFirstWord() {
        #expect(Inflector.forms(of: "ram through", as: .verb) == ["ram through", "rams through", "rammed through", "ramming through"])
        #expect(Inflector.forms(of: "lash out at", as: .verb).contains("lashed out at"))
    }

    @Test func nounsPluraliseTheLastWord() {
        #expect(Inflector.forms(of: "witch hunt", as: .noun) == ["witch hunt", "witch hunts"])
        #expect(Inflector.forms(of: "policy", as: .noun) == ["policy", "policies"])
        #expect(Inflector.forms(of: "outrage", as: .noun) == ["outrage", "outrages"])
        #expect(Inflector.forms(of: "crash", as: .noun) == ["crash", "crashes"])
        #expect(Inflector.forms(of: "tax", as: .noun) == ["tax", "taxes"])
        // A vowel before y: just -s.
        #expect(Inflector.forms(of: "ploy", as: .noun) == ["ploy", "ploys"])
    }

    @Test func noneAndAdjectiveGiveOnlyTheFoldedTerm() {
        #expect(Inflector.forms(of: "Disastrous", as: .adj) == ["disastrous"])
        #expect(Inflector.forms(of: "so-called", as: .none) == ["so-called"])
        #expect(Inflector.forms(of: "  everyone   knows ", as: .none) == ["everyone knows"])
        #expect(Inflector.forms(of: "   ", as: .verb) == [])
    }

    @Test func curlyApostrophesFoldToStraight() {
        #expect(Inflector.forms(of: "don’t", as: .none) == ["don't"])
        #expect(Inflector.forms(of: "Let’s Be Clear", as: .none) == ["let's be clear"])
        #expect(Inflector.forms(of: "nanny‘state", as: .noun) == ["nanny'state", "nanny'states"])
        for form in Inflector.forms(of: "butcher’s bill", as: .noun) {
            #expect(!form.contains("’"), "\(form)")
            #expect(form.hasPrefix("butcher's"))
        }
    }

    @Test func formsAreUniqueAndLowerCase() {
        for (term, inflection) in [("Slam", Inflection.verb), ("Policy", .noun), ("GO", .verb), ("Witch Hunt", .noun)] {
            let forms = Inflector.forms(of: term, as: inflection)
            #expect(Set(forms).count == forms.count, "\(forms)")
            #expect(forms.allSatisfy { $0 == $0.lowercased() }, "\(forms)")
            #expect(forms.first == term.lowercased())
        }
    }
}
