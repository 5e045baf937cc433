extension JUnitXML {
    /// Text for XML 1.0 element content or a double- or single-quoted attribute.
    ///
    /// Escapes `& < > " '`; writes tab, newline and carriage return as character references (so
    /// attribute values keep them); replaces every character XML 1.0 forbids — the other C0
    /// controls, U+FFFE and U+FFFF — with U+FFFD, since even a character reference to them is
    /// not well-formed. (Unpaired surrogates cannot occur in a Swift `String`.)
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for c in text.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\t": out += "&#9;"
            case "\n": out += "&#10;"
            case "\r": out += "&#13;"
            default:
                if isXMLCharacter(c) { out.unicodeScalars.append(c) } else { out += "\u{FFFD}" }
            }
        }
        return out
    }

    /// XML 1.0's `Char` production: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF].
    static func isXMLCharacter(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x9, 0xA, 0xD, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: true
        default: false
        }
    }
}
