import Testing
@testable import SlantText

/// Sentences of a plain-text article, as strings.
func sentences(_ text: String) -> [String] {
    let article = Article(text: text)
    return article.paragraphs.flatMap { $0.sentences.map { article.text(in: $0.span) } }
}

func quotes(_ text: String) -> [(text: String, reported: Bool, words: Int)] {
    let article = Article(text: text)
    return article.paragraphs.flatMap { $0.quotes.map { (article.text(in: $0.span), $0.reported, $0.words) } }
}

@Suite struct SentenceTests {
    @Test func abbreviationsDoNotEndSentences() {
        #expect(sentences("Dr. Raman met Mr. Lee on Jan. 12 in the U.S. capital. They spoke at 6 p.m. sharp.") == [
            "Dr. Raman met Mr. Lee on Jan. 12 in the U.S. capital.",
            "They spoke at 6 p.m. sharp.",
        ])
    }

    @Test func initialsAndDecimals() {
        #expect(sentences("J. R. Okafor said costs rose 3.5 percent. Prices fell.") == [
            "J. R. Okafor said costs rose 3.5 percent.",
            "Prices fell.",
        ])
    }

    @Test func acronymAtSentenceEndBeforeOpener() {
        #expect(sentences("The plan came from the U.S. The council agreed.") == [
            "The plan came from the U.S.", "The council agreed.",
        ])
    }

    @Test func ellipsesAndQuestionMarks() {
        #expect(sentences("Wait... what happened? Nobody knows! It was late… Then quiet.") == [
            "Wait... what happened?", "Nobody knows!", "It was late…", "Then quiet.",
        ])
    }

    @Test func quotationThatClosesASentenceStaysWithIt() {
        #expect(sentences("He said, \"It is over.\" Then he left. “Is it?” she asked.") == [
            "He said, \"It is over.\"", "Then he left.", "“Is it?” she asked.",
        ])
    }

    @Test func nbspAfterFullStopStillSplits() {
        #expect(sentences("The vote passed.\u{00A0}The mayor left.") == ["The vote passed.", "The mayor left."])
    }

    @Test func cjkFullStops() {
        #expect(sentences("今日は晴れです。明日は雨です。") == ["今日は晴れです。", "明日は雨です。"])
    }

    @Test func lowercaseAfterPeriodIsNotABreak() {
        #expect(sentences("See fig. 3 and the appendix etc. for details.") == ["See fig. 3 and the appendix etc. for details."])
    }
}

@Suite struct QuoteTests {
    @Test func apostrophesAreNotQuotes() {
        #expect(quotes("Russia’s plan and the Saudis’ oil don’t matter; rock ’n’ roll in the ’90s.").isEmpty)
        #expect(quotes("Russia's plan and the Saudis' oil don't matter.").isEmpty)
    }

    @Test func elisionsAreNotOpeningQuotes() {
        // Each listed word (any case) after ‘ or ' is an elision; a longer, different or
        // non-ASCII word opens a quotation that closes.
        for word in ["em", "Tis", "TWAS", "til", "Cause", "round", "bout", "90s", "08"] {
            #expect(quotes("They said ‘\(word) and left’ early.").isEmpty, "\(word)")
            #expect(quotes("They said '\(word) and left' early.").isEmpty, "\(word)")
        }
        for word in ["emu", "e", "tisk", "roundabouts", "causeway", "éte", "東京"] {
            #expect(quotes("They said ‘\(word) and left’ early.").map(\.text) == ["‘\(word) and left’"], "\(word)")
        }
        // A lone quoted number is a quotation, not ’90s.
        #expect(quotes("Grade ‘2’ only.").map(\.text) == ["‘2’"])
    }

    @Test func curlySingleQuotesCount() {
        let found = quotes("The council’s ‘experts’ signed off.")
        #expect(found.map(\.text) == ["‘experts’"])
        #expect(found[0].reported == false)
        #expect(found[0].words == 1)
    }

    @Test func reportedSpeechByVerbOrColon() {
        let found = quotes("“We will rebuild,” said the mayor. She added: \"Soon.\" Their \"plan\" failed. Critics called it \"a mess\".")
        #expect(found.map(\.text) == ["“We will rebuild,”", "\"Soon.\"", "\"plan\"", "\"a mess\""])
        #expect(found.map(\.reported) == [true, true, false, true])
    }

    @Test func nestedQuotes() {
        let article = Article(text: "She said, “He called it a ‘farce’ yesterday.”")
        let qs = article.paragraphs[0].quotes
        #expect(qs.count == 2)
        let inner = qs.first { $0.depth == 1 }
        #expect(inner.map { article.text(in: $0.span) } == "‘farce’")
        #expect(qs.first { $0.depth == 0 }?.words == 6)
    }

    @Test func unbalancedQuotesDoNotCrashAndRunToParagraphEnd() {
        let article = Article(text: "He said: “This goes on and on\n\n“And continues here,” he added. Stray ” mark and ‘ too.")
        let first = article.paragraphs[0].quotes
        #expect(first.count == 1)
        #expect(first[0].isClosed == false)
        #expect(article.text(in: first[0].span) == "“This goes on and on")
        let second = article.paragraphs[1].quotes
        #expect(second.count == 1)
        #expect(second[0].reported)
    }

    @Test func quotesAroundNonLatinText() {
        let found = quotes("Arakawa said crews recite 「安全第一」 daily. The sign read «Ласкаво просимо».")
        #expect(found.map(\.text) == ["「安全第一」", "«Ласкаво просимо»"])
        #expect(found[0].words == 4)
    }

    @Test func straightQuotesInsideWordsAndMeasurements() {
        #expect(quotes("He is 5'10\" tall and it's fine.").isEmpty)
    }
}

@Suite struct ParagraphTests {
    @Test func blankLineSeparated() {
        let article = Article(text: "Title Here\n\nFirst paragraph is long enough,\nand wraps onto a second line.\n\nSecond.")
        #expect(article.paragraphs.map(\.kind) == [.heading, .prose, .prose])
        #expect(article.paragraphs.count == 3)
        #expect(article.title == "Title Here")
    }

    @Test func onePerLineFiles() {
        let article = Article(text: "The first paragraph ends here.\nThe second paragraph ends too.\nThird one.")
        #expect(article.paragraphs.count == 3)
    }

    @Test func boilerplateIsRecognised() {
        let article = Article(text: "Share this article\n\nThe council voted on Tuesday to fund the repairs.\n\nSubscribe to our newsletter for more.\n\nShare | Tweet | Email\n\nComments (12)\n\n© 2026 Courier")
        #expect(article.paragraphs.map(\.kind) == [.boilerplate, .prose, .boilerplate, .boilerplate, .boilerplate, .boilerplate])
    }

    @Test func tokensKeepInnerPunctuation() {
        let article = Article(text: "The well-known U.S. firm AT&T paid $1,000.50 on 10:30 don’t")
        let words = article.paragraphs[0].tokens.map { article.text(in: $0.span) }
        #expect(words == ["The", "well-known", "U.S", ".", "firm", "AT&T", "paid", "$", "1,000.50", "on", "10:30", "don’t"])
    }

    /// Each token knows whether it starts with an upper-case letter, in any script.
    @Test func tokensNoteCapitalisation() {
        let article = Article(text: "Émile saw ÉTÉ, é, Ωmega and 中文 with “Apple” 3M")
        let capitalised = article.paragraphs[0].tokens.filter(\.isCapitalised).map { article.text(in: $0.span) }
        #expect(capitalised == ["Émile", "ÉTÉ", "Ωmega", "Apple"])
    }
}
