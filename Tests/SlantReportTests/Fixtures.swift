import Foundation
@testable import SlantReport
@testable import SlantRules
import SlantText

/// Articles and notes for the scorecard tests. Findings are usually made by hand so the
/// tests do not depend on how the rubric is tuned; the bundled rubric only provides the
/// scoring settings and identity.
enum Fixture {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let rubric: Rubric = try! RubricLoader.load(path: root.appendingPathComponent("Rubrics").path)
    static let engine = Engine(rubric: rubric)

    /// Code-point offsets of the first occurrence of `needle` in `text` (at or after `from`).
    static func span(of needle: String, in text: String, from: Int = 0) -> TextSpan {
        let hay = Array(text.unicodeScalars), n = Array(needle.unicodeScalars)
        for i in from...(hay.count - n.count) where Array(hay[i..<(i + n.count)]) == n {
            return TextSpan(start: i, end: i + n.count)
        }
        fatalError("\(needle) not in \(text)")
    }

    struct Hand {
        var text: String
        var family: Family
        var voice: Voice = .author
        var rule: String = "test.rule"
        var weight: Double = 2
        var from: Int = 0
    }

    /// `text` scored by the bundled engine, with its findings replaced by `findings` and
    /// the scores recomputed from them.
    static func scored(_ text: String, source: String = "test.txt", findings hands: [Hand]) -> ScoredArticle {
        var scored = engine.score(Article(source: source, text: text))
        let findings = hands.map { h -> Finding in
            let s = span(of: h.text, in: text, from: h.from)
            let p = scored.paragraphs.first { $0.paragraph.span.contains(s.start) }?.paragraph.index ?? 0
            return Finding(rule: h.rule, family: h.family, span: s, text: h.text, message: "\(h.family.rawValue) message for \(h.text)",
                           weight: h.weight, voice: h.voice, paragraph: p)
        }
        var all: [Finding] = []
        for i in scored.paragraphs.indices {
            let mine = findings.filter { $0.paragraph == scored.paragraphs[i].paragraph.index }.sorted { $0.span < $1.span }
            scored.paragraphs[i].findings = mine
            let words = scored.paragraphs[i].scored ? scored.paragraphs[i].paragraph.wordCount : 0
            scored.paragraphs[i].score = Scoring.score(mine, words: words, settings: rubric.scoring)
            if scored.paragraphs[i].scored { all += mine }
        }
        scored.score = Scoring.score(all, words: scored.paragraphs.filter(\.scored).reduce(0) { $0 + $1.paragraph.wordCount }, settings: rubric.scoring)
        return scored
    }

    static func note(_ quote: String, in text: String, target: ScorecardNote.Target = .paragraph, rule: String? = nil,
                     verdict: ScorecardNote.Verdict? = .agree, reviewer: String = "Ana", note: String = "",
                     anchor: ScorecardNote.Anchor = .exact, uid: String = UUID().uuidString) -> ScorecardNote {
        ScorecardNote(uid: uid, reviewer: reviewer, verdict: verdict, label: nil, text: note, target: target, rule: rule,
                      quote: quote, span: anchor == .orphaned ? nil : span(of: quote, in: text), anchor: anchor)
    }

    /// Three paragraphs: a heading, a loaded one and a plain one.
    static let text = """
    A headline about the bridge

    The mayor's disastrous plan is a shameful farce, critics say. Crime has doubled since 2019.

    The council met on Tuesday and discussed the budget for the coming year in detail.
    """

    static func card(_ scored: ScoredArticle, notes: [ScorecardNote]? = nil) -> Scorecard {
        Scorecard(scored: scored, rubric: rubric, slantVersion: "9.9.9",
                  reviews: notes.map(ScorecardReviewSource.store) ?? .unavailable("no annotation store"))
    }
}
