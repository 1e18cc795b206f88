/// Character references in GML strings, as NetworkX and igraph write them.
///
/// NetworkX escapes every character outside printable ASCII, `"` and `&` as a numeric
/// reference (`&#233;`) and reads HTML's named entities back; igraph writes `&quot;`,
/// `&amp;`, `&lt;`, `&gt;` and `&apos;`. Cercle decodes numeric references and the named
/// entities below (XML's five, Latin-1's letters and symbols, common typography); an
/// unknown name is kept as written, as NetworkX does.
enum GMLEntities {
    /// Named entities Cercle decodes, by name.
    static let named: [String: UInt32] = [
        "AElig": 0xC6, "Aacute": 0xC1, "Acirc": 0xC2, "Agrave": 0xC0, "Aring": 0xC5, "Atilde": 0xC3, "Auml": 0xC4,
        "Ccedil": 0xC7, "Dagger": 0x2021, "ETH": 0xD0, "Eacute": 0xC9, "Ecirc": 0xCA, "Egrave": 0xC8, "Euml": 0xCB,
        "Iacute": 0xCD, "Icirc": 0xCE, "Igrave": 0xCC, "Iuml": 0xCF, "Ntilde": 0xD1, "OElig": 0x152, "Oacute": 0xD3,
        "Ocirc": 0xD4, "Ograve": 0xD2, "Oslash": 0xD8, "Otilde": 0xD5, "Ouml": 0xD6, "Scaron": 0x160, "THORN": 0xDE,
        "Uacute": 0xDA, "Ucirc": 0xDB, "Ugrave": 0xD9, "Uuml": 0xDC, "Yacute": 0xDD, "Yuml": 0x178, "aacute": 0xE1,
        "acirc": 0xE2, "acute": 0xB4, "aelig": 0xE6, "agrave": 0xE0, "amp": 0x26, "apos": 0x27, "aring": 0xE5,
        "atilde": 0xE3, "auml": 0xE4, "bdquo": 0x201E, "brvbar": 0xA6, "bull": 0x2022, "ccedil": 0xE7, "cedil": 0xB8,
        "cent": 0xA2, "circ": 0x2C6, "copy": 0xA9, "curren": 0xA4, "dagger": 0x2020, "deg": 0xB0, "divide": 0xF7,
        "eacute": 0xE9, "ecirc": 0xEA, "egrave": 0xE8, "eth": 0xF0, "euml": 0xEB, "euro": 0x20AC, "fnof": 0x192,
        "frac12": 0xBD, "frac14": 0xBC, "frac34": 0xBE, "gt": 0x3E, "hellip": 0x2026, "iacute": 0xED, "icirc": 0xEE,
        "iexcl": 0xA1, "igrave": 0xEC, "iquest": 0xBF, "iuml": 0xEF, "laquo": 0xAB, "ldquo": 0x201C,
        "lsaquo": 0x2039, "lsquo": 0x2018, "lt": 0x3C, "macr": 0xAF, "mdash": 0x2014, "micro": 0xB5, "middot": 0xB7,
        "nbsp": 0xA0, "ndash": 0x2013, "not": 0xAC, "ntilde": 0xF1, "oacute": 0xF3, "ocirc": 0xF4, "oelig": 0x153,
        "ograve": 0xF2, "ordf": 0xAA, "ordm": 0xBA, "oslash": 0xF8, "otilde": 0xF5, "ouml": 0xF6, "para": 0xB6,
        "permil": 0x2030, "plusmn": 0xB1, "pound": 0xA3, "quot": 0x22, "raquo": 0xBB, "rdquo": 0x201D, "reg": 0xAE,
        "rsaquo": 0x203A, "rsquo": 0x2019, "sbquo": 0x201A, "scaron": 0x161, "sect": 0xA7, "shy": 0xAD, "sup1": 0xB9,
        "sup2": 0xB2, "sup3": 0xB3, "szlig": 0xDF, "thorn": 0xFE, "tilde": 0x2DC, "times": 0xD7, "trade": 0x2122,
        "uacute": 0xFA, "ucirc": 0xFB, "ugrave": 0xF9, "uml": 0xA8, "uuml": 0xFC, "yacute": 0xFD, "yen": 0xA5,
        "yuml": 0xFF
    ]

    /// Why a string could not be decoded.
    struct BadEscape: Error {
        /// The reference as written.
        var reference: String
        /// Its offset in UTF-8 bytes from the string's start.
        var offset: Int
    }

    /// `text` with its references decoded.
    ///
    /// - Throws: ``BadEscape`` for a numeric reference to no character (`&#0;`,
    ///   `&#xD800;`, beyond U+10FFFF).
    static func decode(_ text: Substring) throws(BadEscape) -> String {
        guard text.utf8.contains(UInt8(ascii: "&")) else { return String(text) }
        var result = ""
        var rest = text[...]
        var consumed = 0
        while let ampersand = rest.firstIndex(of: "&") {
            result += rest[..<ampersand]
            consumed += rest.utf8.distance(from: rest.startIndex, to: ampersand)
            let after = rest[rest.index(after: ampersand)...]
            guard let semicolon = after.prefix(12).firstIndex(of: ";") else {
                result += "&"
                consumed += 1
                rest = after
                continue
            }
            let name = after[..<semicolon]
            let reference = "&\(name);"
            if let code = named[String(name)], let scalar = Unicode.Scalar(code) {
                result.unicodeScalars.append(scalar)
            } else if name.hasPrefix("#") {
                let digits = name.dropFirst()
                let code = digits.first == "x" || digits.first == "X" ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
                guard let code, code != 0, let scalar = Unicode.Scalar(code) else {
                    throw BadEscape(reference: reference, offset: consumed)
                }
                result.unicodeScalars.append(scalar)
            } else {
                result += reference
            }
            consumed += reference.utf8.count
            rest = after[after.index(after: semicolon)...]
        }
        return result + rest
    }

    /// `text` as NetworkX writes GML strings: printable ASCII as is; `"` and `&` as
    /// `&quot;` and `&amp;` (which igraph also reads); every other character as a numeric
    /// reference.
    static func encode(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "\"": result += "&quot;"
            case " "..."~": result.unicodeScalars.append(scalar)
            default: result += "&#\(scalar.value);"
            }
        }
        return result
    }
}
