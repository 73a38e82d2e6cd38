import SlantText

/// A named list of terms with weights, loaded from `Rubrics/lexicons/ID.yaml`.
public struct Lexicon: Sendable, Hashable {
    public struct Term: Sendable, Hashable {
        /// The entry as written in the lexicon (reported as the lexicon entry that fired).
        public var term: String
        public var weight: Double
        public var inflection: Inflection
        public var location: SourceLocation?

        /// Every surface form this entry matches, folded to lower case.
        public var forms: [String] { Inflector.forms(of: term, as: inflection) }
    }

    public var id: String
    public var description: String
    public var source: String
    public var licence: String
    public var defaultWeight: Double
    public var terms: [Term]
}

/// Which word forms a lexicon entry stands for.
public enum Inflection: String, Sendable, Hashable, CaseIterable {
    /// Only the form as written.
    case none
    /// slam → slams, slammed, slamming (the first word of a phrase is inflected: ram through → rammed through).
    case verb
    /// outrage → outrages (the last word of a phrase: witch hunt → witch hunts).
    case noun
    /// Adjectives take no forms; accepted for readability.
    case adj
}

/// Regular English inflection, enough for lexicon entries; irregular forms are listed as
/// their own entries in the lexicon.
public enum Inflector {
    public static func forms(of term: String, as inflection: Inflection) -> [String] {
        let folded = fold(term)
        let words = folded.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        guard let first = words.first, let last = words.last else { return [] }
        switch inflection {
        case .none, .adj:
            return [words.joined(separator: " ")]
        case .noun:
            return unique([folded, (words.dropLast() + [plural(last)]).joined(separator: " ")])
        case .verb:
            let rest = words.dropFirst()
            return unique(verbForms(first).map { ([$0] + rest).joined(separator: " ") })
        }
    }

    static func fold(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        var lastSpace = true
        for c in s.unicodeScalars {
            let f = Folding.fold(c)
            if f == " " || f == "\n" || f == "\t" {
                if !lastSpace { out.append(" ") }
                lastSpace = true
            } else {
                out.append(f)
                lastSpace = false
            }
        }
        if out.last == " " { out.removeLast() }
        return String(out)
    }

    static func unique(_ xs: [String]) -> [String] {
        var seen = Set<String>()
        return xs.filter { seen.insert($0).inserted }
    }

    static let vowels: Set<Character> = ["a", "e", "i", "o", "u"]

    static func plural(_ w: String) -> String {
        if w.hasSuffix("s") || w.hasSuffix("x") || w.hasSuffix("z") || w.hasSuffix("ch") || w.hasSuffix("sh") { return w + "es" }
        if w.hasSuffix("y"), w.count > 1, !vowels.contains(w[w.index(w.endIndex, offsetBy: -2)]) { return String(w.dropLast()) + "ies" }
        return w + "s"
    }

    static func verbForms(_ w: String) -> [String] {
        guard w.count > 1 else { return [w] }
        let chars = Array(w)
        let last = chars[chars.count - 1]
        let beforeLast = chars[chars.count - 2]
        var third = w + "s", past = w + "ed", ing = w + "ing"
        if w.hasSuffix("s") || w.hasSuffix("x") || w.hasSuffix("z") || w.hasSuffix("ch") || w.hasSuffix("sh") || w.hasSuffix("o") {
            third = w + "es"
        }
        if last == "e" {
            past = w + "d"
            ing = w.hasSuffix("ee") || w.hasSuffix("ye") || w.hasSuffix("oe") ? w + "ing" : String(w.dropLast()) + "ing"
        } else if last == "y" && !vowels.contains(beforeLast) {
            third = String(w.dropLast()) + "ies"
            past = String(w.dropLast()) + "ied"
        } else if doublesFinalConsonant(chars) {
            past = w + String(last) + "ed"
            ing = w + String(last) + "ing"
        }
        return [w, third, past, ing]
    }

    /// Short stressed CVC verbs double their last consonant: slam → slammed, stop → stopping.
    /// Longer verbs are left alone (visit → visited); lexicons list exceptions explicitly.
    static func doublesFinalConsonant(_ c: [Character]) -> Bool {
        guard c.count >= 3 else { return false }
        let last = c[c.count - 1], mid = c[c.count - 2], first = c[c.count - 3]
        guard !vowels.contains(last), !"wxy".contains(last), vowels.contains(mid), !vowels.contains(first) else { return false }
        // One vowel group only (monosyllable).
        var groups = 0
        var inVowel = false
        for ch in c {
            let v = vowels.contains(ch)
            if v && !inVowel { groups += 1 }
            inVowel = v
        }
        return groups == 1
    }
}
