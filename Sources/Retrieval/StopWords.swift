import Foundation

/// The English stop-word list shipped as the resource `stopwords-en.txt` (the Snowball
/// project's list; see the file's header). Loaded once through `Bundle.module`.
public enum StopWords {
    /// Every stop word, each also without its apostrophes ("don't" and "dont").
    public static let english: Set<String> = {
        guard let url = Bundle.module.url(forResource: "stopwords-en", withExtension: "txt"),
            let text = try? String(contentsOf: url, encoding: .utf8)
        else {
            preconditionFailure("Retrieval resource stopwords-en.txt is missing from the bundle")
        }
        return parse(text)
    }()

    /// Parses one word a line; blank lines and lines starting with `#` are skipped.
    static func parse(_ text: String) -> Set<String> {
        var words = Set<String>()
        for line in text.split(whereSeparator: \.isNewline) {
            let word = line.trimmingCharacters(in: .whitespaces).lowercased()
            guard !word.isEmpty, !word.hasPrefix("#") else { continue }
            words.insert(word)
            words.insert(word.replacingOccurrences(of: "'", with: ""))
        }
        return words
    }
}
