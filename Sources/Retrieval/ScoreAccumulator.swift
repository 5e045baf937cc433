/// Per-query scratch space: one flat score array over all documents, a list of the documents
/// touched; the top k by ``TopKSelection`` (a bounded heap only when non-positive scores must
/// fill the list). Lives in stack-allocated temporary buffers (see
/// ``BM25Index/withAccumulator(_:)``), so a query allocates no dictionary and no heap memory
/// for scoring.
struct ScoreAccumulator: ~Copyable {
    let scores: UnsafeMutableBufferPointer<Float>
    let seen: UnsafeMutableBufferPointer<UInt8>
    let touched: UnsafeMutableBufferPointer<Int32>
    var touchedCount = 0

    init(
        scores: UnsafeMutableBufferPointer<Float>, seen: UnsafeMutableBufferPointer<UInt8>,
        touched: UnsafeMutableBufferPointer<Int32>
    ) {
        self.scores = scores
        self.seen = seen
        self.touched = touched
        scores.initialize(repeating: 0)
        seen.initialize(repeating: 0)
    }

    @inline(__always)
    mutating func add(_ doc: Int32, _ value: Float) {
        let d = Int(doc)
        if seen[d] == 0 {
            seen[d] = 1
            touched[touchedCount] = doc
            touchedCount += 1
        }
        scores[d] += value
    }

    /// Adds `value` without tracking the document (BM25's own postings: every touched document
    /// ends with a positive score, so ``topPositive(_:idRank:)`` finds them by scanning).
    @inline(__always)
    func addUntracked(_ doc: Int32, _ value: Float) {
        scores[Int(doc)] += value
    }

    /// The best `k` documents with a positive score; same order as ``top(_:idRank:)`` (see
    /// ``TopKSelection/topPositive(_:k:idRank:docOfRank:)``).
    func topPositive(_ k: Int, idRank: [Int32], docOfRank: [Int32]) -> [(doc: Int32, score: Float)] {
        idRank.withUnsafeBufferPointer { ranks in
            docOfRank.withUnsafeBufferPointer { byRank in
                TopKSelection.topPositive(UnsafeBufferPointer(scores), k: k, idRank: ranks, docOfRank: byRank)
            }
        }
    }

    /// The best `k` touched documents: score descending, ties by article id descending (the
    /// order trec_eval uses), given each document's rank in article-id order.
    ///
    /// Documents with a positive score are all touched (untouched ones score 0), so when at
    /// least `k` of them are positive — or every touched document is — the answer is
    /// ``topPositive(_:idRank:docOfRank:)``'s; only otherwise (non-positive scores must fill the
    /// list) does a bounded heap go over the touched documents.
    func top(_ k: Int, idRank: [Int32], docOfRank: [Int32]) -> [(doc: Int32, score: Float)] {
        guard k > 0, touchedCount > 0 else { return [] }
        let positive = topPositive(k, idRank: idRank, docOfRank: docOfRank)
        if positive.count >= k || positive.count == touchedCount { return positive }
        return top(k, idRank: idRank)
    }

    /// ``top(_:idRank:docOfRank:)`` by a bounded heap over the touched documents.
    func top(_ k: Int, idRank: [Int32]) -> [(doc: Int32, score: Float)] {
        guard k > 0, touchedCount > 0 else { return [] }
        var heap = BoundedHeap(capacity: min(k, touchedCount))
        idRank.withUnsafeBufferPointer { ranks in
            for i in 0..<touchedCount {
                let d = touched[i]
                heap.offer(doc: d, score: scores[Int(d)], rank: ranks[Int(d)])
            }
        }
        return heap.sortedBestFirst()
    }
}

/// A min-heap of at most `capacity` (document, score) pairs whose root is the worst kept.
/// "Worse" is lower score, then lower article-id rank (trec_eval ranks ties by id descending).
struct BoundedHeap {
    struct Item {
        var score: Float
        var rank: Int32
        var doc: Int32
    }
    let capacity: Int
    var items: [Item] = []

    init(capacity: Int) {
        self.capacity = capacity
        items.reserveCapacity(capacity)
    }

    @inline(__always)
    static func worse(_ a: Item, _ b: Item) -> Bool {
        a.score < b.score || (a.score == b.score && a.rank < b.rank)
    }

    @inline(__always)
    mutating func offer(doc: Int32, score: Float, rank: Int32) {
        let item = Item(score: score, rank: rank, doc: doc)
        if items.count < capacity {
            items.append(item)
            siftUp(items.count - 1)
        } else if BoundedHeap.worse(items[0], item) {
            items[0] = item
            siftDown(0)
        }
    }

    mutating func siftUp(_ start: Int) {
        var i = start
        while i > 0 {
            let parent = (i - 1) / 2
            guard BoundedHeap.worse(items[i], items[parent]) else { return }
            items.swapAt(i, parent)
            i = parent
        }
    }

    mutating func siftDown(_ start: Int) {
        var i = start
        let n = items.count
        while true {
            let l = 2 * i + 1
            let r = l + 1
            var m = i
            if l < n && BoundedHeap.worse(items[l], items[m]) { m = l }
            if r < n && BoundedHeap.worse(items[r], items[m]) { m = r }
            if m == i { return }
            items.swapAt(i, m)
            i = m
        }
    }

    func sortedBestFirst() -> [(doc: Int32, score: Float)] {
        items.sorted { BoundedHeap.worse($1, $0) }.map { ($0.doc, $0.score) }
    }
}
