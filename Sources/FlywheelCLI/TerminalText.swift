/// Text from input files (arm names, metric names, reasons, messages) made safe to print: control
/// characters, DEL, C1 controls and bidirectional overrides are shown as `\u{1B}` instead of
/// being sent raw, so a scenario cannot move the cursor, recolour or reorder the terminal.
enum TerminalText {
    /// One line: every control character (tab and newline included) made visible.
    static func line(_ text: String) -> String {
        sanitize(text, keepingNewlines: false)
    }

    /// Several lines: newlines and tabs kept, every other control character made visible.
    static func lines(_ text: String) -> String {
        sanitize(text, keepingNewlines: true)
    }

    static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F: true
        case 0x202A...0x202E, 0x2066...0x2069: true  // bidirectional embeddings, overrides, isolates
        default: false
        }
    }

    private static func sanitize(_ text: String, keepingNewlines: Bool) -> String {
        guard text.unicodeScalars.contains(where: isUnsafe) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if keepingNewlines, scalar == "\n" || scalar == "\t" {
                out.append(scalar)
            } else if isUnsafe(scalar) {
                out.append(contentsOf: "\\u{\(String(scalar.value, radix: 16, uppercase: true))}".unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }
}
