/// HTML escaping for every text that reaches the report: corpus texts, arm and metric names,
/// agent free text. `<script>` becomes `&lt;script&gt;`.
public enum HTML {
    /// Escapes `& < > " '` (enough for element content and double- or single-quoted attributes).
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
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }
}
