import Foundation
import Testing
import SlantText
@testable import SlantRules

/// The engine on small articles, scored with the bundled rubric in Rubrics/.
@Suite struct EngineTests {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let engine: Engine = {
        do { return Engine(rubric: try RubricLoader.load(path: root.appendingPathComponent("Rubrics").path)) }
        catch { fatalError("bundled rubric does not load: \(error)") }
    }()

    func score(_ text: String) -> ScoredArticle { Self.engine.score(Article(text: text)) }

    func example(_ name: String) throws -> ScoredArticle {
        Self.engine.score(try ArticleReader.read(path: Self.root.appendingPathComponent("Examples/\(name)").path))
    }

    /// Code-point offset of the first occurrence of `needle` in `text`, found independently of the engine.
    func offset(of needle: String, in text: String, after start: Int = 0) -> Int? {
        let hay = Array(text.unicodeScalars), n = Array(needle.unicodeScalars)
        guard n.count <= hay.count else { return nil }
        for i in start...(hay.count - n.count) where Array(hay[i..<(i + n.count)]) == n { return i }
        return nil
    }

    // MARK: voice

    @Test func loadedWordsInQuotedSpeechAreQuotedAndDoNotScore() throws {
        let quoted = score("“The plan is a disastrous fiasco,” Dana Whitlock said at the meeting on Tuesday.")
        let neutral = score("“The plan is a sensible proposal,” Dana Whitlock said at the meeting on Tuesday.")
        let loaded = quoted.findings.filter { $0.family == .loadedLanguage }
        #expect(Set(loaded.map(\.text)) == ["disastrous", "fiasco"], "\(loaded.map(\.text))")
        #expect(loaded.allSatisfy { $0.voice == .quoted }, "\(loaded.map { ($0.text, $0.voice) })")
        let p = try #require(quoted.paragraphs.first)
        #expect(p.score.counts[.loadedLanguage] == 2, "quoted findings are still counted")
        #expect((p.score.weighted[.loadedLanguage] ?? 0) == 0)
        #expect(p.score.editorializing == neutral.paragraphs.first?.score.editorializing)
        #expect(quoted.score.editorializing == neutral.score.editorializing)
    }

    @Test func loadedWordsInTheAuthorsVoiceScore() throws {
        let authored = score("The plan is a disastrous fiasco, and Dana Whitlock defended it at the meeting on Tuesday.")
        let neutral = score("The plan is a sensible proposal, and Dana Whitlock defended it at the meeting on Tuesday.")
        let loaded = authored.findings.filter { $0.family == .loadedLanguage }
        #expect(Set(loaded.map(\.text)) == ["disastrous", "fiasco"], "\(loaded.map(\.text))")
        #expect(loaded.allSatisfy { $0.voice == .author })
        let p = try #require(authored.paragraphs.first)
        #expect((p.score.weighted[.loadedLanguage] ?? 0) > 0)
        #expect(p.score.weighted[.loadedLanguage] == loaded.reduce(0) { $0 + $1.weight })
        let baseline = try #require(neutral.paragraphs.first?.score.editorializing)
        #expect(p.score.editorializing > baseline)
    }

    // MARK: scare quotes

    func scareQuotes(_ text: String) -> [Finding] {
        score(text).findings.filter { $0.family == .scareQuote }
    }

    @Test func scareQuoteAroundExperts() throws {
        let text = "The council’s ‘experts’ signed off on the plan."
        let found = scareQuotes(text)
        let f = try #require(found.first)
        #expect(found.count == 1)
        #expect(f.text == "‘experts’")
        #expect(f.rule == "scare-quote")
        #expect(f.voice == .author)
        #expect(f.weight > 0)
        #expect(f.span.start == offset(of: "‘experts’", in: text))
    }

    @Test func soCalledBoostsAScareQuote() throws {
        let plain = try #require(scareQuotes("The council’s “consultation” lasted an hour.").first)
        let boosted = try #require(scareQuotes("The so-called “consultation” lasted an hour.").first)
        #expect(boosted.weight > plain.weight)
    }

    @Test(arguments: [
        "“Unworkable,” the mayor said of the plan.",
        "The mayor said the plan was “unworkable” and left the meeting.",
        "He starred in “The Long Night” last year.",
        "The word \"sorry\" never came up.",
        "Residents’ complaints and the Saudis’ offer don’t matter.",
    ])
    func noScareQuote(_ text: String) {
        let found = scareQuotes(text)
        #expect(found.isEmpty, "\(found.map(\.text))")
    }

    // MARK: attribution

    func attributions(_ text: String) -> [Finding] {
        score(text).findings.filter { $0.family == .attribution }
    }

    @Test(arguments: [
        ("Dana Whitlock said the bridge would close on Monday.", "said", SourceType.named),
        ("Officials said the bridge would close on Monday.", "said", .anonymous),
        ("The bridge will close on Monday, according to Reuters.", "according to", .outlet),
        ("The bridge will reportedly close on Monday.", "reportedly", .agentless),
        ("People familiar with the matter said the bridge would close on Monday.", "said", .anonymous),
        ("The Harlow Gazette reported that the bridge would close on Monday.", "reported", .outlet),
        ("The mayor said the bridge would close on Monday.", "said", .named),
        ("A source told reporters the bridge would close on Monday.", "told", .anonymous),
        ("It is believed that the bridge will close on Monday.", "It is believed", .agentless),
    ])
    func attributionSourceType(_ text: String, cue: String, type: SourceType) throws {
        let found = attributions(text)
        #expect(found.count == 1, "\(found.map { ($0.text, $0.source ?? "-", $0.sourceType?.rawValue ?? "-") })")
        let f = try #require(found.first)
        #expect(f.text == cue)
        #expect(f.sourceType == type, "source \(f.source ?? "none")")
        #expect(f.span.start == offset(of: cue, in: text))
    }

    @Test func namedSourceIsTheName() throws {
        let f = try #require(attributions("Dana Whitlock said the bridge would close on Monday.").first)
        #expect(f.source == "Dana Whitlock")
        #expect(f.weight == 0, "named sources cost nothing")
        let anon = try #require(attributions("Officials said the bridge would close on Monday.").first)
        #expect(anon.source == "Officials")
        #expect(anon.weight > 0)
    }

    @Test func nounsAreNotReportingCues() {
        let found = attributions("The report was rewritten twice before it was released.")
        #expect(found.isEmpty, "\(found.map(\.text))")
    }

    @Test func writtenAsAnAdjectiveIsNotACue() {
        let found = attributions("Residents can submit written comments until Jan. 30.")
        #expect(found.isEmpty, "\(found.map { ($0.text, $0.source ?? "-") })")
    }

    @Test(arguments: [
            "The engineering report was rewritten twice before it was released.",
            "The town was left with broken promises and empty shops.",
          ])
    func modifiedNounsAreNotReportingCues(_ text: String) {
        let found = attributions(text)
        #expect(found.isEmpty, "\(found.map { ($0.text, $0.source ?? "-") })")
    }

    @Test func participleAfterANounIsNotASecondAttribution() throws {
        let found = attributions("The ferry will run every 20 minutes, according to a notice posted on the town's website.")
        #expect(found.map(\.text) == ["according to"], "\(found.map { ($0.text, $0.source ?? "-") })")
    }

    @Test func reportByAFirmIsNotAnonymous() throws {
        let found = attributions("The beams were rusted, according to a report by the engineering firm Lindqvist & Shaw.")
        let f = try #require(found.first)
        #expect(found.count == 1, "\(found.map { ($0.text, $0.source ?? "-") })")
        #expect(f.text == "according to")
        #expect(f.sourceType == .outlet, "source \(f.source ?? "none") classified \(f.sourceType?.rawValue ?? "-")")
        #expect(f.source?.contains("Lindqvist") == true, "source \(f.source ?? "none")")
    }

    // MARK: lexicon matching, on a scratch rubric

    static let scratchLexicon = """
    lexicon: words
    source: Written for the Slant engine tests.
    terms:
      - awful
      - {term: slam, inflect: verb}
      - {term: witch hunt, inflect: noun, weight: 2}
      - hunt
      - don’t care
      - {term: let's pretend, weight: 0.5}
    """

    func scratchEngine(skipNegated: Bool = false) throws -> Engine {
        let rule = """
        rules:
          - id: words
            family: loaded_language
            kind: lexicon
            lexicons: [words]
            skip_negated: \(skipNegated)
            weight: 1.5
        """
        let scratch = try ScratchRubric(rules: ["x.yaml": rule], lexicons: ["y.yaml": Self.scratchLexicon])
        return Engine(rubric: try scratch.load())
    }

    @Test func lexiconMatchesInflectedFormsWholeWordsAndFoldedQuotes() throws {
        let engine = try scratchEngine()
        let text = "They slammed the awful witch hunts, awfully. Officials don't care. Let’s pretend the Hunt is over; slamming doors, AWFUL."
        let found = engine.score(Article(text: text)).findings
        #expect(found.map(\.text) == ["slammed", "awful", "witch hunts", "don't care", "Let’s pretend", "Hunt", "slamming", "AWFUL"],
                "\(found.map(\.text))")
        #expect(found.first { $0.text == "witch hunts" }?.weight == 3, "rule weight 1.5 × term weight 2")
        #expect(found.first { $0.text == "Let’s pretend" }?.weight == 0.75)
        #expect(found.first { $0.text == "slammed" }?.entry == "slam")
        for f in found { #expect(Article(text: text).text(in: f.span) == f.text) }
    }

    @Test func skipNegatedDropsNegatedHits() throws {
        let text = "It was not awful at all. It was awful. It wasn't awful either."
        let kept = try scratchEngine(skipNegated: true).score(Article(text: text)).findings
        #expect(kept.count == 1, "\(kept.map(\.span))")
        #expect(kept.first?.span.start == offset(of: "awful.", in: text))
        let all = try scratchEngine(skipNegated: false).score(Article(text: text)).findings
        #expect(all.count == 3)
    }

    // MARK: unsourced claims

    func claims(_ text: String) -> [Finding] {
        score(text).findings.filter { $0.family == .unsourcedClaim }
    }

    @Test func unsourcedFigureIsAClaim() throws {
        let text = "Crime has doubled since 2019."
        let found = claims(text)
        let f = try #require(found.first)
        #expect(found.count == 1)
        #expect(f.text == text, "the finding covers the sentence")
        #expect(f.voice == .author)
        #expect(f.weight > 0)
    }

    @Test(arguments: [
        "Crime has doubled since 2019, police said.",
        "“Crime has doubled since 2019,” the sheriff said.",
        "The sheriff said: “Crime has doubled since 2019 along the whole of Quay Street.”",
    ])
    func attributedOrQuotedFigureIsNotAClaim(_ text: String) {
        let found = claims(text)
        #expect(found.isEmpty, "\(found.map(\.text))")
    }

    @Test func questionsAreNotClaims() {
        #expect(claims("Has crime really doubled since 2019?").isEmpty)
        #expect(claims("Why will rents rise 20 percent next year?” she asked.").isEmpty)
    }

    @Test func scareQuoteInsideSpeechIsTheSpeakers() {
        let found = scareQuotes("“They hired ‘experts’ to tell us what we already knew,” she said.")
        #expect(found.isEmpty, "\(found.map(\.text))")
    }

    @Test func attributionInTheNextSentenceCovers() {
        #expect(!claims("Crime has doubled since 2019. Police released the figures on Monday.").isEmpty)
        #expect(claims("Crime has doubled since 2019. The figures were released by police, the mayor said.").isEmpty)
    }

    @Test func claimsAreCountedInSourcing() {
        let a = score("Crime has doubled since 2019. The council met on Tuesday.\n\nRents rose 20 percent last year, the agency said.")
        #expect(a.sourcing.claims == 2)
        #expect(a.sourcing.claimsAttributed == 1)
        #expect(a.sourcing.attributedShare == 0.5)
    }

    // MARK: offsets

    @Test func offsetsAreCodePointsAfterEmojiAndCJK() throws {
        let text = "Harbour crews 🌊👍🏽 from 東京 and Αθήνα watched as the council’s ‘experts’ backed a disastrous plan costing $40 million!\n\n"
            + "記者会見 🇯🇵 was short. Officials said the figures were wrong, and the mayor slammed the report."
        let article = Article(text: text)
        let scored = Self.engine.score(article)
        #expect(scored.findings.count >= 5, "\(scored.findings.map(\.text))")
        for f in scored.findings {
            #expect(article.text(in: f.span) == f.text, "\(f.rule) at \(f.span)")
            let scalars = Array(text.unicodeScalars)
            #expect(String(String.UnicodeScalarView(scalars[f.span.start..<f.span.end])) == f.text)
        }
        // Spot checks against offsets computed here.
        for (needle, family) in [("disastrous", Family.loadedLanguage), ("‘experts’", .scareQuote), ("!", .loadedLanguage),
                                 ("slammed", .loadedLanguage)] {
            let expected = try #require(offset(of: needle, in: text))
            #expect(scored.findings.contains { $0.family == family && $0.span.start == expected && $0.text == needle },
                    "\(needle) not found at \(expected): \(scored.findings.map { ($0.text, $0.span.description) })")
        }
        let said = try #require(offset(of: "said", in: text))
        #expect(scored.findings.contains { $0.family == .attribution && $0.span == TextSpan(start: said, end: said + 4) })
    }

    // MARK: paragraph kinds

    @Test func headingAndBoilerplateGetNoFindings() throws {
        let text = "Disastrous Fiasco Shames Reckless Council\n\n"
            + "The council’s disastrous plan was approved on Tuesday, and Crime has doubled since 2019.\n\n"
            + "Share this disastrous article: subscribe to our newsletter!"
        let a = score(text)
        try #require(a.paragraphs.count == 3)
        #expect(a.paragraphs[0].paragraph.kind == .heading)
        #expect(a.paragraphs[1].paragraph.kind == .prose)
        #expect(a.paragraphs[2].paragraph.kind == .boilerplate)
        #expect(a.paragraphs[0].findings.isEmpty, "\(a.paragraphs[0].findings.map(\.text))")
        #expect(a.paragraphs[2].findings.isEmpty, "\(a.paragraphs[2].findings.map(\.text))")
        #expect(a.paragraphs[1].findings.contains { $0.text == "disastrous" }, "the prose paragraph is scored")
        #expect(!a.paragraphs[0].score.flagged && !a.paragraphs[2].score.flagged)
        // Unscored paragraphs add no words to the article.
        #expect(a.score.words == a.paragraphs[1].paragraph.wordCount)
    }

    // MARK: scoring arithmetic

    func finding(_ family: Family, _ weight: Double, voice: Voice = .author) -> Finding {
        Finding(rule: "test", family: family, span: TextSpan(start: 0, end: 1), text: "x", message: "m",
                weight: weight, voice: voice, paragraph: 0)
    }

    static let settings = ScoringSettings(familyWeights: [.loadedLanguage: 1.0, .attribution: 0.5, .hedging: 0.25],
                                          minWords: 25, scale: 8, flagThreshold: 45)

    @Test func scoringFollowsTheDocumentedFormula() {
        let findings = [
            finding(.loadedLanguage, 1.0), finding(.loadedLanguage, 0.7),
            finding(.loadedLanguage, 1.0, voice: .quoted), // counted, not weighted
            finding(.attribution, 0.6), finding(.attribution, 0), // weight 0: informative only
        ]
        // 10 words < min_words: the densities divide by 25.
        let s = Scoring.score(findings, words: 10, settings: Self.settings)
        #expect(s.words == 10)
        #expect(s.counts[.loadedLanguage] == 3)
        #expect(s.counts[.attribution] == 2)
        #expect(abs((s.weighted[.loadedLanguage] ?? -1) - 1.7) < 1e-9)
        #expect(abs((s.weighted[.attribution] ?? -1) - 0.6) < 1e-9)
        #expect(abs((s.density[.loadedLanguage] ?? -1) - 6.8) < 1e-9)
        #expect(abs((s.density[.attribution] ?? -1) - 2.4) < 1e-9)
        #expect(s.density[.scareQuote] == 0)
        // E = 1.0 × 6.8 + 0.5 × 2.4 = 8 = scale, so index = 100 × (1 − 1/e) = 63.2.
        #expect(abs(s.editorializing - 63.2) < 0.051, "\(s.editorializing)")
        #expect(s.flagged)

        // 50 words > min_words: the densities halve, E = 4, index = 100 × (1 − e^−0.5) = 39.3.
        let longer = Scoring.score(findings, words: 50, settings: Self.settings)
        #expect(abs((longer.density[.loadedLanguage] ?? -1) - 3.4) < 1e-9)
        #expect(abs(longer.editorializing - 100 * (1 - exp(-0.5))) < 0.051, "\(longer.editorializing)")
        #expect(!longer.flagged)
    }

    @Test func familiesWithoutAWeightCountOnce() {
        // opinion has no family weight in the settings: it defaults to 1.
        let s = Scoring.score([finding(.opinion, 2)], words: 40, settings: Self.settings)
        let e = 100 * 2.0 / 40
        #expect(abs(s.editorializing - 100 * (1 - exp(-e / 8))) < 0.051, "\(s.editorializing)")
        // hedging is weighted 0.25.
        let h = Scoring.score([finding(.hedging, 2)], words: 40, settings: Self.settings)
        #expect(abs(h.editorializing - 100 * (1 - exp(-0.25 * e / 8))) < 0.051, "\(h.editorializing)")
    }

    @Test func flaggedAtTheThreshold() {
        // E = 8 gives 63.2 after rounding; a threshold of exactly 63.2 flags it, 63.3 does not.
        let findings = [finding(.loadedLanguage, 2)]
        let at = ScoringSettings(familyWeights: [:], minWords: 25, scale: 8, flagThreshold: 63.2)
        let above = ScoringSettings(familyWeights: [:], minWords: 25, scale: 8, flagThreshold: 63.3)
        #expect(Scoring.score(findings, words: 25, settings: at).editorializing == 63.2)
        #expect(Scoring.score(findings, words: 25, settings: at).flagged)
        #expect(!Scoring.score(findings, words: 25, settings: above).flagged)
    }

    @Test func noFindingsScoreZero() {
        let s = Scoring.score([], words: 100, settings: Self.settings)
        #expect(s.editorializing == 0)
        #expect(!s.flagged)
        #expect(Scoring.score([finding(.loadedLanguage, 1, voice: .quoted)], words: 5, settings: Self.settings).editorializing == 0)
    }

    @Test func paragraphScoresUseTheRubricFormula() throws {
        let a = score("The council’s disastrous plan was a fiasco, and the mayor shamelessly ignored the residents.")
        let p = try #require(a.paragraphs.first)
        let s = Self.engine.rubric.scoring
        var e = 0.0
        for family in Family.allCases {
            let w = p.findings.filter { $0.family == family && $0.voice == .author }.reduce(0) { $0 + $1.weight }
            e += (s.familyWeights[family] ?? 1) * 100 * w / Double(max(p.paragraph.wordCount, s.minWords))
        }
        #expect(e > 0)
        #expect(abs(p.score.editorializing - 100 * (1 - exp(-e / s.scale))) < 0.051)
        #expect(p.score.flagged == (p.score.editorializing >= s.flagThreshold))
    }

    // MARK: the examples

    @Test func opinionColumnHasEveryFamilyAndFlaggedParagraphs() throws {
        let a = try example("opinion-column.md")
        let families = Set(a.findings.map(\.family))
        for family in [Family.loadedLanguage, .unsourcedClaim, .scareQuote, .attribution] {
            #expect(families.contains(family), "no \(family.rawValue) findings")
        }
        #expect(!a.flaggedParagraphs.isEmpty)
        #expect(a.score.editorializing > 0)
        // Specific findings a reader would point at.
        #expect(a.findings.contains { $0.family == .scareQuote && $0.text == "‘experts’" })
        #expect(a.findings.contains { $0.family == .unsourcedClaim && $0.text.hasPrefix("Crime has doubled since 2019") })
        #expect(a.findings.contains { $0.family == .loadedLanguage && $0.text == "disastrous" && $0.voice == .author })
        #expect(a.findings.contains { $0.family == .attribution && $0.text == "reportedly" && $0.sourceType == .agentless })
        // The one attributed quotation stays the speaker's.
        #expect(a.findings.contains { $0.text == "disgrace" && $0.voice == .quoted })
        for f in a.findings { #expect(a.article.text(in: f.span) == f.text) }
    }

    @Test func wireReportIsCalm() throws {
        let a = try example("wire-report.txt")
        #expect(a.flaggedParagraphs.isEmpty, "\(a.flaggedParagraphs.map(\.paragraph.index))")
        let bad = a.findings.filter { $0.family == .loadedLanguage || $0.family == .scareQuote }
        #expect(bad.isEmpty, "\(bad.map(\.text))")
        #expect(a.findings.contains { $0.family == .attribution && $0.sourceType == .named })
        #expect(a.score.editorializing < 45)
    }

    @Test func scrapedPageBoilerplateHasNoFindings() throws {
        let a = try example("scraped-page.html")
        let boilerplate = a.paragraphs.filter { $0.paragraph.kind == .boilerplate }
        #expect(boilerplate.count >= 4, "cookie notice, share, newsletter, donate, footer…")
        for p in boilerplate {
            #expect(p.findings.isEmpty, "¶\(p.paragraph.index) \(a.article.text(in: p.paragraph.span))")
            #expect(!p.score.flagged)
        }
        #expect(!a.findings.isEmpty, "the story itself is scored")
        for f in a.findings { #expect(a.article.text(in: f.span) == f.text) }
    }

    /// A family's lane is its place in `allCases`: scores are stored by lane and shown by
    /// family, and families sort by it.
    @Test func familyLanesFollowAllCases() {
        #expect(Family.allCases.map(\.lane) == Array(Family.allCases.indices))
        #expect(Family.allCases.sorted() == Family.allCases)
        #expect(Family.allCases.shuffled().sorted() == Family.allCases)
    }

    @Test func sourceTypeLanesFollowAllCases() {
        #expect(SourceType.allCases.map(\.lane) == Array(SourceType.allCases.indices))
    }
}
