import FlywheelCore

/// An inverted index over the published knowledge base, scored with Lucene's BM25.
///
/// For a query term t and an article d with (field-weighted) term frequency tf and length dl:
///
///     idf(t)      = ln(1 + (N − df + 0.5) / (df + 0.5))
///     score(t, d) = idf(t) · tf · (k1 + 1) / (tf + k1 · (1 − b + b · dl / avgdl))
///
/// summed over the query's terms (a term repeated in the query counts each time). Sources:
/// S. Robertson and H. Zaragoza, "The Probabilistic Relevance Framework: BM25 and Beyond",
/// Foundations and Trends in IR 3(4), 2009 (eq. 3.15 and §3.5.1 for the idf's "+1" variant),
/// and Apache Lucene's `org.apache.lucene.search.similarities.BM25Similarity` (Lucene 8+ drops
/// the constant factor (k1 + 1), which changes no ranking). Fields are combined BM25F-style
/// (Robertson, Zaragoza & Taylor, "Simple BM25 extension to multiple weighted fields", CIKM
/// 2004): tf = w_title · tf_title + w_body · tf_body and dl likewise, one df per term.
///
/// Ranking ties are broken by article id **descending**, the order trec_eval uses when it reads
/// a run, so a run written from this index evaluates the same in Flywheel and in trec_eval.
///
/// Publishing an article (``publish(_:)``) adds it to the postings and updates N, df and avgdl
/// in place; nothing is re-read or re-analyzed.
///
/// ```swift
/// var index = BM25Index(articles: kb)
/// index.publish(newArticle)
/// let top = index.retrieve(ticket, depth: 75)
/// ```
public struct BM25Index: Retriever {
    public let parameters: BM25Parameters
    public let analyzer: Analyzer

    /// Articles by internal document number.
    public private(set) var articles: [Article] = []
    var documentNumbers = DocumentNumbers()
    /// Field-weighted length of each document.
    var lengths: [Float] = []
    var totalLength: Double = 0
    /// Each document's position in article-id order, for tie-breaking.
    var idRank: [Int32] = []
    /// The inverse of `idRank`: the document at each article-id rank.
    var docOfRank: [Int32] = []
    /// Whether every document's rank is its own number (articles published in id order), so
    /// the top-k reads neither `idRank` nor `docOfRank`.
    var ranksAreDocuments = true
    /// Term ids of each document's title and body, in text order (for features).
    var titleTerms: [[Int32]] = []
    var bodyTerms: [[Int32]] = []
    /// The documents whose title or body has each adjacent term pair (``bigram(_:_:)``), for
    /// the reranker's bigram feature: a query's few pairs are looked up instead of every
    /// candidate's text being scanned.
    var bigramDocs: [Int64: [Int32]] = [:]
    /// Each document's distinct title term ids (in first-occurrence order), all in one array:
    /// those of document d at `titleStarts[d]..<titleStarts[d + 1]` (a few kilobytes, so the
    /// reranker's title feature reads them from cache). Rebuilt with the statistics.
    var titleDistinct: [Int32] = []
    var titleStarts: [Int32] = [0]

    var termIDs = TermTable()
    var vocabulary: [String] = []
    var postings: [Postings] = []
    /// Each term's idf as a Float (query-independent; refreshed with N and df).
    var idfs: [Float] = []
    /// The frequent terms' impacts as dense rows, for the term-at-a-time pass (rebuilt with the
    /// statistics).
    var dense = DenseImpactRows()
    /// The postings again, flat and sorted by document, for the listed documents' parts (``FlatPostings/sums(_:idfs:documents:)``):
    /// built only once ``preparePruning()`` asked for it (it doubles the postings' memory), then
    /// kept current by every publication.
    var flat = FlatPostings()
    var keepsFlatPostings = false
    /// The postings in blocks of similar documents with their largest impacts, for block-max
    /// pruning (``BlockMaxTopK``): built with ``flat`` by ``preparePruning()``, then rebuilt
    /// with the statistics.
    var blockMax: BlockMaxPostings?

    /// The postings of one term: documents, field-weighted term frequencies, and the cached
    /// length-normalised impact tf·(k1+1)/(tf + k1·(1−b+b·dl/avgdl)) (idf applied at query time).
    struct Postings: Sendable {
        var docs: [Int32] = []
        var tfs: [Float] = []
        var impacts: [Float] = []
    }

    /// An index over `articles` (later duplicates of an id replace earlier ones).
    public init(
        articles: [Article], parameters: BM25Parameters = BM25Parameters(), analyzer: Analyzer = Analyzer()
    ) {
        self.parameters = parameters
        self.analyzer = analyzer
        for article in articles { insert(article, analyzed: analyzer.fields(article)) }
        refreshStatistics()
    }

    /// An index over articles whose fields were analyzed elsewhere (e.g. a token dump shared
    /// with a peer benchmark); `analyzer` is then used for queries only.
    public init(
        analyzed documents: [(article: Article, fields: AnalyzedFields)],
        parameters: BM25Parameters = BM25Parameters(), analyzer: Analyzer = Analyzer()
    ) {
        self.parameters = parameters
        self.analyzer = analyzer
        for (article, fields) in documents { insert(article, analyzed: fields) }
        refreshStatistics()
    }

    /// N, the number of published articles.
    public var documentCount: Int { articles.count }
    /// The mean field-weighted document length.
    public var averageLength: Double { articles.isEmpty ? 0 : totalLength / Double(articles.count) }
    /// How many articles contain `term` (an analyzed term).
    public func documentFrequency(_ term: String) -> Int {
        termIDs[term].map { postings[Int($0)].docs.count } ?? 0
    }
    /// Whether `id` is published.
    public func contains(_ id: ArticleID) -> Bool { documentNumbers[id] != nil }
    /// The published article `id`.
    public func article(_ id: ArticleID) -> Article? { documentNumbers[id].map { articles[Int($0)] } }

    /// Publishes `article` (or replaces the article with its id): updates postings, df, N and
    /// avgdl without rebuilding the index.
    public mutating func publish(_ article: Article) {
        insert(article, analyzed: analyzer.fields(article))
        refreshStatistics()
    }

    /// Publishes several articles, refreshing the statistics once.
    public mutating func publish(contentsOf newArticles: [Article]) {
        for article in newArticles { insert(article, analyzed: analyzer.fields(article)) }
        refreshStatistics()
    }

    mutating func termID(_ term: String) -> Int32 {
        let id = termIDs.insert(term)
        if Int(id) == vocabulary.count {
            vocabulary.append(term)
            postings.append(Postings())
        }
        return id
    }

    mutating func insert(_ article: Article, analyzed: AnalyzedFields) {
        let doc: Int32
        if let existing = documentNumbers[article.id] {
            doc = existing
            remove(doc)
            articles[Int(doc)] = article
        } else {
            doc = documentNumbers.insert(article.id)
            assert(Int(doc) == articles.count, "document numbers are dense, in publication order")
            articles.append(article)
            lengths.append(0)
            titleTerms.append([])
            bodyTerms.append([])
        }
        let title = analyzed.title.map { termID($0) }
        let body = analyzed.body.map { termID($0) }
        titleTerms[Int(doc)] = title
        bodyTerms[Int(doc)] = body
        indexBigrams(of: doc)
        let wt = Float(parameters.titleWeight)
        let wb = Float(parameters.bodyWeight)
        var tf: [Int32: Float] = [:]
        for t in title { tf[t, default: 0] += wt }
        for t in body { tf[t, default: 0] += wb }
        let length = Float(title.count) * wt + Float(body.count) * wb
        lengths[Int(doc)] = length
        totalLength += Double(length)
        for t in tf.keys.sorted() {
            postings[Int(t)].docs.append(doc)
            postings[Int(t)].tfs.append(tf[t]!)
            postings[Int(t)].impacts.append(0)
        }
    }

    /// Takes document `doc` out of the postings and the length total (before a replacement).
    mutating func remove(_ doc: Int32) {
        unindexBigrams(of: doc)
        totalLength -= Double(lengths[Int(doc)])
        let terms = Set(titleTerms[Int(doc)] + bodyTerms[Int(doc)])
        for t in terms {
            guard let i = postings[Int(t)].docs.firstIndex(of: doc) else { continue }
            postings[Int(t)].docs.remove(at: i)
            postings[Int(t)].tfs.remove(at: i)
            postings[Int(t)].impacts.remove(at: i)
        }
    }

    /// Recomputes the cached impacts (avgdl changed) and the id ranks (N changed).
    mutating func refreshStatistics() {
        let k1 = Float(parameters.k1)
        let b = Float(parameters.b)
        let avgdl = Float(max(averageLength, 1e-9))
        let norms = lengths.map { k1 * (1 - b + b * $0 / avgdl) }
        for t in postings.indices {
            let docs = postings[t].docs
            let tfs = postings[t].tfs
            postings[t].impacts = zip(docs, tfs).map { d, tf in tf * (k1 + 1) / (tf + norms[Int(d)]) }
        }
        let n = articles.count
        idfs = postings.map { Float(BM25Parameters.idf(documentFrequency: $0.docs.count, documentCount: n)) }
        dense = DenseImpactRows(documentCount: n, termDocs: postings.map(\.docs), termImpacts: postings.map(\.impacts))
        refreshPruning()
        let order = articles.indices.sorted { articles[$0].id < articles[$1].id }
        var ranks = [Int32](repeating: 0, count: articles.count)
        for (rank, doc) in order.enumerated() { ranks[doc] = Int32(rank) }
        idRank = ranks
        docOfRank = order.map { Int32($0) }
        ranksAreDocuments = order.elementsEqual(order.indices)
        titleDistinct = []
        titleStarts = [0]
        for title in titleTerms {
            for (i, t) in title.enumerated() where !title[..<i].contains(t) { titleDistinct.append(t) }
            titleStarts.append(Int32(titleDistinct.count))
        }
    }
}
