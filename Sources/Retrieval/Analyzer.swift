import FlywheelCore

/// Turns text into the terms that are indexed and searched, like a search engine's analysis
/// chain: Unicode word splitting → lower case → possessive and apostrophe removal → stop words →
/// Porter stemming.
///
/// - Words are maximal runs of letters, digits and combining marks (Unicode properties), with
///   apostrophes (`'` or `’`) kept only between two such characters. Everything else splits:
///   `"e-mail"` gives `e`, `mail`; `"3.5%"` gives `3`, `5`.
/// - Lower-casing is Unicode-aware (`String.lowercased()`): `"ÉTÉ"` gives `"été"`.
/// - A trailing `'s` is dropped, then the remaining apostrophes (`"don't"` → `"dont"`).
/// - Stop words come from ``StopWords/english`` (checked before and after apostrophe removal).
/// - Stemming is the original Porter algorithm (``PorterStemmer``); it leaves non-ASCII words
///   as they are.
///
/// ```swift
/// let analyzer = Analyzer()
/// analyzer.terms("My card's PIN isn't working!")   // ["card", "pin", "work"]
/// ```
public struct Analyzer: Sendable {
    /// What the chain does. Defaults: stemming and stop words on.
    public struct Configuration: Hashable, Codable, Sendable {
        public var stemming: Bool
        public var stopWords: Bool
        public init(stemming: Bool = true, stopWords: Bool = true) {
            self.stemming = stemming
            self.stopWords = stopWords
        }
    }

    public let configuration: Configuration
    let stopWords: Set<String>
    /// The run's memos this analyzer reads through (nil: it computes every time).
    public let memos: AnalysisMemos?
    /// Of `memos`: the stems, and the query terms of this analyzer's chain.
    let stems: PureMemo<String>?
    let queryMemo: PureMemo<[String]>?

    /// `memos`: the run's (``AnalysisMemos``), or nil to compute every term afresh (the same
    /// terms either way).
    public init(_ configuration: Configuration = Configuration(), memos: AnalysisMemos? = nil) {
        self.configuration = configuration
        self.stopWords = configuration.stopWords ? StopWords.english : []
        self.memos = memos
        self.stems = memos?.stems
        self.queryMemo = memos?.queryTerms(configuration)
    }

    /// An analyzer that memoises stems only (what ``AnalysisMemos``' query-terms memos compute with).
    init(_ configuration: Configuration, stems: PureMemo<String>) {
        self.configuration = configuration
        self.stopWords = configuration.stopWords ? StopWords.english : []
        self.memos = nil
        self.stems = stems
        self.queryMemo = nil
    }

    /// The indexed terms of `text`, in order, repeats kept.
    public func terms(_ text: String) -> [String] {
        var result: [String] = []
        for word in Analyzer.words(text) {
            if let term = normalize(word) { result.append(term) }
        }
        return result
    }

    /// ``terms(_:)`` of a ticket's text, through the run's memo when this analyzer has one
    /// (``AnalysisMemos``): the retriever, the reranker's features and relevance retraining all
    /// analyse the same ticket texts, in every job and at every evaluation.
    public func queryTerms(_ text: String) -> [String] {
        queryMemo?.value(text) ?? terms(text)
    }

    /// The Porter stem of `word`, through the run's memo when there is one.
    @inline(__always)
    func stem(_ word: String) -> String { stems?.value(word) ?? PorterStemmer.stem(word) }

    /// The terms of an article's two fields.
    public func fields(_ article: Article) -> AnalyzedFields {
        AnalyzedFields(title: terms(article.title), body: terms(article.body))
    }

    /// One word after splitting → its term, or nil when it is a stop word or empty.
    func normalize(_ word: Substring) -> String? {
        if word.utf8.allSatisfy({ $0 < 0x80 }) { return normalizeASCII(word) }
        var w = word.lowercased()
        if w.contains("’") { w = w.replacingOccurrences(of: "’", with: "'") }
        if stopWords.contains(w) { return nil }
        if w.hasSuffix("'s") { w.removeLast(2) }
        if w.contains("'") { w = w.replacingOccurrences(of: "'", with: "") }
        if w.isEmpty || stopWords.contains(w) { return nil }
        return configuration.stemming ? stem(w) : w
    }

    /// ``normalize(_:)`` for an all-ASCII word, with the same result: no `’` can occur, and
    /// removing `'` bytes is what `replacingOccurrences(of: "'", with: "")` does to ASCII text
    /// (Foundation's string search is the hot spot otherwise).
    private func normalizeASCII(_ word: Substring) -> String? {
        var w = word.lowercased()
        if stopWords.contains(w) { return nil }
        if w.hasSuffix("'s") { w.removeLast(2) }
        if w.utf8.contains(0x27) { w.removeAll { $0 == "'" } }
        if w.isEmpty || stopWords.contains(w) { return nil }
        return configuration.stemming ? stem(w) : w
    }

    /// Splits `text` into words (see the type's doc comment).
    static func words(_ text: String) -> [Substring] {
        var words: [Substring] = []
        let scalars = text.unicodeScalars
        var start: String.UnicodeScalarView.Index? = nil
        var index = scalars.startIndex
        while index != scalars.endIndex {
            let scalar = scalars[index]
            let next = scalars.index(after: index)
            if isWordScalar(scalar) {
                if start == nil { start = index }
            } else if let s = start {
                let isInnerApostrophe =
                    (scalar == "'" || scalar == "’") && next != scalars.endIndex
                    && isWordScalar(scalars[next])
                if !isInnerApostrophe {
                    words.append(Substring(text.unicodeScalars[s..<index]))
                    start = nil
                }
            }
            index = next
        }
        if let s = start { words.append(Substring(text.unicodeScalars[s..<scalars.endIndex])) }
        return words
    }

    @inline(__always)
    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            let v = scalar.value
            return (v >= 0x61 && v <= 0x7A) || (v >= 0x41 && v <= 0x5A) || (v >= 0x30 && v <= 0x39)
        }
        let p = scalar.properties
        return p.isAlphabetic || p.numericType != nil || p.generalCategory == .nonspacingMark
            || p.generalCategory == .spacingMark
    }
}

/// An article's analyzed fields.
public struct AnalyzedFields: Hashable, Sendable, Codable {
    public var title: [String]
    public var body: [String]
    public init(title: [String], body: [String]) {
        self.title = title
        self.body = body
    }
}
