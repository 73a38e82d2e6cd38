/// Decodes HTML character references (`&amp;`, `&#8212;`, `&#x1F30A;`).
/// Unknown names are left as written, which is what browsers show for them.
let namedEntities: [String: String] = [
    "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{00A0}",
    "mdash": "\u{2014}", "ndash": "\u{2013}", "hellip": "\u{2026}", "lsquo": "\u{2018}", "rsquo": "\u{2019}",
    "ldquo": "\u{201C}", "rdquo": "\u{201D}", "sbquo": "\u{201A}", "bdquo": "\u{201E}", "laquo": "\u{00AB}",
    "raquo": "\u{00BB}", "lsaquo": "\u{2039}", "rsaquo": "\u{203A}", "copy": "\u{00A9}", "reg": "\u{00AE}",
    "trade": "\u{2122}", "euro": "\u{20AC}", "pound": "\u{00A3}", "yen": "\u{00A5}", "cent": "\u{00A2}",
    "sect": "\u{00A7}", "deg": "\u{00B0}", "middot": "\u{00B7}", "bull": "\u{2022}", "times": "\u{00D7}",
    "divide": "\u{00F7}", "frac12": "\u{00BD}", "frac14": "\u{00BC}", "frac34": "\u{00BE}", "thinsp": "\u{2009}",
    "ensp": "\u{2002}", "emsp": "\u{2003}", "zwj": "\u{200D}", "zwnj": "\u{200C}", "shy": "\u{00AD}",
    "eacute": "é", "egrave": "è", "ecirc": "ê", "euml": "ë", "aacute": "á", "agrave": "à", "acirc": "â",
    "auml": "ä", "aring": "å", "atilde": "ã", "ccedil": "ç", "iacute": "í", "igrave": "ì", "icirc": "î",
    "iuml": "ï", "ntilde": "ñ", "oacute": "ó", "ograve": "ò", "ocirc": "ô", "ouml": "ö", "otilde": "õ",
    "oslash": "ø", "uacute": "ú", "ugrave": "ù", "ucirc": "û", "uuml": "ü", "szlig": "ß", "Eacute": "É",
    "Aacute": "Á", "Ouml": "Ö", "Uuml": "Ü", "Auml": "Ä", "Ntilde": "Ñ", "Ccedil": "Ç", "iexcl": "¡", "iquest": "¿",
    "prime": "\u{2032}", "Prime": "\u{2033}", "minus": "\u{2212}", "larr": "\u{2190}", "rarr": "\u{2192}",
]

func decodeEntities(_ text: String) -> String {
    guard text.contains("&") else { return text }
    var out = String.UnicodeScalarView()
    let s = Array(text.unicodeScalars)
    var i = 0
    while i < s.count {
        guard s[i] == "&" else { out.append(s[i]); i += 1; continue }
        var j = i + 1
        while j < s.count && j - i <= 32 && s[j] != ";" && s[j] != "&" && s[j] != " " { j += 1 }
        if j < s.count && s[j] == ";" && j > i + 1 {
            let body = String(String.UnicodeScalarView(s[(i + 1)..<j]))
            if let decoded = decodeReference(body) {
                out.append(contentsOf: decoded.unicodeScalars)
                i = j + 1
                continue
            }
        }
        out.append(s[i]); i += 1
    }
    return String(out)
}

private func decodeReference(_ body: String) -> String? {
    if body.hasPrefix("#") {
        let digits = body.dropFirst()
        let value: UInt32?
        if digits.hasPrefix("x") || digits.hasPrefix("X") { value = UInt32(digits.dropFirst(), radix: 16) }
        else { value = UInt32(digits) }
        guard let v = value, v != 0, let scalar = Unicode.Scalar(v) else { return "\u{FFFD}" }
        return String(Character(scalar))
    }
    return namedEntities[body]
}
