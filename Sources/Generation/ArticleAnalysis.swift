import FlywheelCore

/// What the generator needs of one article sentence that does not depend on the ticket: its
/// text, content tokens, word count, slot flag and sentence-prior key. Computed once per
/// article body instead of once per ticket that shows the article.
struct AnalyzedSentence: Sendable {
    var text: String
    /// Equal for equal texts (interned per cache), so duplicate texts are found without hashing
    /// the strings again.
    var textID: Int
    /// The distinct content tokens as interned ids (per cache), ascending: overlap counts by
    /// merging.
    var tokenIDs: [Int32]
    var words: Int
    var hasSlot: Bool
    /// ``SentencePrior/key(_:_:)`` of (article, position), interned (per cache), for
    /// ``CompiledPrior`` lookups.
    var priorKeyID: Int32
}

/// The analysis of one article body (a class: handed out per ticket without copying).
final class ArticleAnalysis: Sendable {
    let body: String
    let sentences: [AnalyzedSentence]
    /// Where each sentence's tokens start, then every sentence's ``AnalyzedSentence/tokenIDs``
    /// concatenated in position order: with `n` sentences, `tokenTable[0...n]` are offsets into
    /// the table (the last one its end) and sentence `p`'s ids are
    /// `tokenTable[tokenTable[p]..<tokenTable[p + 1]]`. A ticket's pool counts shared tokens
    /// here, in one buffer per article, instead of visiting each sentence's own array (a cache
    /// miss per sentence was the pool's hottest load; offsets and ids in one array save another).
    let tokenTable: [Int32]

    init(body: String, sentences: [AnalyzedSentence]) {
        self.body = body
        self.sentences = sentences
        var table: [Int32] = []
        table.reserveCapacity(sentences.count + 1 + sentences.reduce(0) { $0 + $1.tokenIDs.count })
        var next = sentences.count + 1
        for s in sentences {
            table.append(Int32(next))
            next += s.tokenIDs.count
        }
        table.append(Int32(next))
        for s in sentences { table += s.tokenIDs }
        tokenTable = table
    }

    /// The sentences' token ids, concatenated in position order (a view of ``tokenTable``).
    var tokens: ArraySlice<Int32> { tokenTable[(sentences.count + 1)...] }

    /// For each sentence in position order, its number of distinct content tokens and how many
    /// of them the ticket's token set `ticket` has, written to `counts` and `shared`: the
    /// `tokenIDs.count` and `SortedIDs.overlap(tokenIDs, ticketIDs)` of each sentence.
    func tokenCounts(sharedWith ticket: TokenBits, counts: inout [Int], shared: inout [Int]) {
        counts.removeAll(keepingCapacity: true)
        shared.removeAll(keepingCapacity: true)
        let n = sentences.count
        tokenTable.withUnsafeBufferPointer { table in
            for p in 0..<n {
                let sentence = UnsafeBufferPointer(rebasing: table[Int(table[p])..<Int(table[p + 1])])
                counts.append(sentence.count)
                shared.append(ticket.count(in: sentence))
            }
        }
    }
}

/// A memo of ``ArticleAnalysis`` by article id, shared by copies of one generator (it is a pure
/// function of the article body, so sharing never changes a result). An entry whose body differs
/// from the article's current body is recomputed. Thread-safe; deterministic whatever the order
/// of calls (interned text ids are only compared for equality).
///
/// It takes no part in the generator's equality, hash or coding. Each generator made by
/// ``ExtractiveGenerator/init(config:analysis:)`` gets its own (its retrained copies share it),
/// so a job's analyses and interned words are freed with the job, and tests never share one;
/// pass one cache to several generators to share the work (the analysis depends on the article
/// alone, and interned ids are only compared with each other, so sharing changes no result).
public final class ArticleAnalysisCache: Sendable, Hashable {
    /// The analyses and the text and prior-key ids, behind one lock.
    private let tables = Locked(Tables())
    /// Content tokens of analysed sentences (its own lock: also read by ``knownIDs(_:)``).
    private let tokenIDs = StringInterner()
    /// The words of ticket texts (``TicketWords``), two generations of 1,024 texts per shard (at
    /// most 32,768 texts): the tickets of the last few windows and the held-out tickets, which
    /// every job of a run serves and generates for at every evaluation.
    let ticketWords = PureMemo<TicketWords>(shardCapacity: 1_024) { TicketWords($0) }

    private struct Tables {
        /// By article id (raw value).
        var byID = StringTable<ArticleAnalysis>()
        var textIDs: [String: Int] = [:]
        var priorKeyIDs: [String: Int32] = [:]

        /// Sets the interned ids of `sentence`: of its text, of its content `tokens` (in
        /// `tokenIDs`) and of its prior key.
        mutating func intern(
            _ sentence: inout AnalyzedSentence, tokens: Set<String>, priorKey: String, tokenIDs: StringInterner
        ) {
            let next = textIDs.count
            let id = textIDs[sentence.text, default: next]
            if id == next { textIDs[sentence.text] = id }
            sentence.textID = id
            sentence.tokenIDs = tokenIDs.ids(tokens).sorted()
            sentence.priorKeyID = internPriorKey(priorKey)
        }

        /// The interned id of a sentence-prior key (new keys get new ids).
        mutating func internPriorKey(_ key: String) -> Int32 {
            if let id = priorKeyIDs[key] { return id }
            let id = Int32(priorKeyIDs.count)
            priorKeyIDs[key] = id
            return id
        }
    }

    public init() {}

    /// The analysis of `article`, computing it on first use.
    func analysis(of article: Article) -> ArticleAnalysis {
        let cached = tables.withLock { t -> ArticleAnalysis? in
            guard let hit = t.byID[article.id.rawValue], hit.body == article.body else { return nil }
            return hit
        }
        if let cached { return cached }
        let texts = SentenceSplitter.split(article.body)
        var sentences: [AnalyzedSentence] = []
        sentences.reserveCapacity(texts.count)
        let tokenSets = texts.map { TextTokens.tokenSet($0) }
        for text in texts { sentences.append(Self.uninterned(text)) }
        let tokenIDs = self.tokenIDs
        return tables.withLock { t in
            for i in sentences.indices {
                t.intern(
                    &sentences[i], tokens: tokenSets[i], priorKey: SentencePrior.key(article.id, i), tokenIDs: tokenIDs)
            }
            let analysis = ArticleAnalysis(body: article.body, sentences: sentences)
            t.byID[article.id.rawValue] = analysis
            return analysis
        }
    }

    /// The analyses of `articles` and ``knownIDs(_:)`` of `tokens`, taking the lock once when
    /// every article is already analysed.
    func analyses(of articles: ArraySlice<Article>, knownIDsOf tokens: [String]) -> ([ArticleAnalysis], [Int32]) {
        var out: [ArticleAnalysis] = []
        out.reserveCapacity(articles.count)
        tables.withLock { t in
            for article in articles {
                guard let hit = t.byID[article.id.rawValue], hit.body == article.body else { break }
                out.append(hit)
            }
        }
        for article in articles.dropFirst(out.count) { out.append(analysis(of: article)) }
        return (out, knownIDs(tokens))
    }

    /// The analysed sentence at `position` of the article with `id`, if it was analysed.
    func sentence(of id: ArticleID, at position: Int) -> AnalyzedSentence? {
        tables.withLock { t in
            guard let sentences = t.byID[id.rawValue]?.sentences, position >= 0, position < sentences.count else {
                return nil
            }
            return sentences[position]
        }
    }

    /// The analysis of a reply's sentence: the cached one when the cached analysis of its
    /// article has its text at its position, else analysed from its text alone. Both are equal
    /// (every field is a function of the text and of the (article, position) prior key; ids are
    /// interned here either way), so the answer does not depend on what the cache holds — one
    /// analysis per article id, which another corpus with the same ids (another job, another
    /// test in the process) may have replaced since the reply was composed.
    func sentence(_ s: Reply.Sentence) -> AnalyzedSentence {
        if let hit = sentence(of: s.article, at: s.position), hit.text == s.text { return hit }
        var analysed = Self.uninterned(s.text)
        let tokens = TextTokens.tokenSet(s.text)
        let tokenIDs = self.tokenIDs
        tables.withLock { t in
            t.intern(&analysed, tokens: tokens, priorKey: SentencePrior.key(s.article, s.position), tokenIDs: tokenIDs)
        }
        return analysed
    }

    /// A sentence's analysis before interning: what depends on its text alone.
    private static func uninterned(_ text: String) -> AnalyzedSentence {
        AnalyzedSentence(
            text: text, textID: 0, tokenIDs: [], words: TextTokens.wordCount(text),
            hasSlot: TextTokens.hasSlotValue(text),
            priorKeyID: -1)
    }

    /// The interned id of a sentence-prior key (new keys get new ids).
    func priorKeyID(_ key: String) -> Int32 {
        tables.withLock { $0.internPriorKey(key) }
    }

    /// How many prior keys are interned (every id is below this).
    var priorKeyCount: Int {
        tables.withLock { $0.priorKeyIDs.count }
    }

    /// The interned ids of those of `tokens` some analysed sentence contains, ascending (a
    /// token no analysed sentence has can match none of them).
    func knownIDs<Tokens: Sequence<String>>(_ tokens: Tokens) -> [Int32] {
        tokenIDs.knownIDs(tokens).sorted()
    }

    public static func == (lhs: ArticleAnalysisCache, rhs: ArticleAnalysisCache) -> Bool { true }
    public func hash(into hasher: inout Hasher) {}
}
