import ArgumentParser
import Foundation
import SlantStore

/// `slant agreement`: how far reviewers agree with each other and with each rule.
struct AgreementCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "agreement",
        abstract: "Agreement between reviewers (Cohen's kappa, Krippendorff's alpha) and with each rule.",
        discussion: """
        Paragraph verdicts (agree, disagree, unsure) are compared per document paragraph,
        using each reviewer's latest verdict: Cohen's kappa for every pair of reviewers and
        Krippendorff's alpha (nominal) over all. For each rule, the share of its judged
        findings reviewers agreed with (unsure verdicts are counted apart); the rules
        reviewers keep rejecting come first. n/a: undefined (no shared paragraphs, or no
        variation to measure against).
        """
    )

    @Argument(help: "Only these documents (default: all).") var docs: [String] = []
    @OptionGroup var store: StoreOptions

    func run() async throws {
        let s = try store.open(create: false)
        var views: [NoteView] = []
        if docs.isEmpty { views = try s.notes(documentKey: nil, reviewer: nil) } else {
            for d in docs {
                if try s.state(key: d) == nil { throw StoreError.unknownDocument(key: d) }
                views += try s.notes(documentKey: d, reviewer: nil)
            }
        }
        let r = Agreement.report(views)
        var out = "paragraph verdicts: \(r.units) paragraphs, \(r.reviewers.count) reviewers (\(r.reviewers.joined(separator: ", ")))\n"
        for p in r.pairs {
            out += "  Cohen's kappa \(p.a) × \(p.b): \(fmt(p.kappa)) over \(p.units) shared paragraphs (observed agreement \(fmt(p.observed)))\n"
        }
        out += "  Krippendorff's alpha (nominal, all reviewers): \(fmt(r.alpha))\n"
        out += "rules (share of judged findings reviewers agreed with):\n"
        if r.rules.isEmpty { out += "  no finding verdicts yet\n" }
        let width = r.rules.map(\.rule.count).max() ?? 0
        for f in r.rules {
            out += "  " + f.rule.padding(toLength: width + 2, withPad: " ", startingAt: 0)
            out += "\(fmt(f.agreedShare))  (agree \(f.agree), disagree \(f.disagree), unsure \(f.unsure))\n"
        }
        Terminal.write(out)
    }

    func fmt(_ x: Double?) -> String { x.map { String(format: "%.2f", $0) } ?? "n/a" }
}
