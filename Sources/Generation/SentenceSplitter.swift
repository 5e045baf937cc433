/// Splits an article body into sentences.
///
/// A sentence ends at ".", "?" or "!" followed by whitespace (the mark stays with the
/// sentence), or at a line break. "3.5" and "$12.50" do not end a sentence because no space
/// follows the period. The 0-based index in the returned array is the sentence's `position`.
///
/// ```swift
/// SentenceSplitter.split("Refunds take 5 days. Ask us!")  // ["Refunds take 5 days.", "Ask us!"]
/// ```
public enum SentenceSplitter {
    public static func split(_ body: String) -> [String] {
        var sentences: [String] = []
        var current = ""
        var pendingEnd = false
        func emit() {
            let trimmed = current.trimmingSpaces()
            if !trimmed.isEmpty { sentences.append(trimmed) }
            current = ""
            pendingEnd = false
        }
        for ch in body {
            if ch == "\n" || ch == "\r" {
                emit()
                continue
            }
            if pendingEnd && (ch == " " || ch == "\t") {
                emit()
                continue
            }
            current.append(ch)
            pendingEnd = (ch == "." || ch == "?" || ch == "!")
        }
        emit()
        return sentences
    }
}

extension String {
    func trimmingSpaces() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let first = firstIndex(where: { !isSpace($0) }),
            let last = lastIndex(where: { !isSpace($0) })
        else { return "" }
        return String(self[first...last])
    }
}
