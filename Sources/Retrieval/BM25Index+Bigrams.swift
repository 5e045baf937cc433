import FlywheelCore

extension BM25Index {
    /// A pair of adjacent term ids as one key (the first in the high half).
    @inline(__always)
    static func bigram(_ a: Int32, _ b: Int32) -> Int64 { Int64(a) << 32 | Int64(UInt32(bitPattern: b)) }

    /// The distinct adjacent term pairs of a document's title and of its body (pairs do not
    /// cross from title to body).
    static func distinctBigrams(title: [Int32], body: [Int32]) -> Set<Int64> {
        var out = Set<Int64>()
        for field in [title, body] where field.count > 1 {
            for i in 1..<field.count { out.insert(bigram(field[i - 1], field[i])) }
        }
        return out
    }

    /// Adds document `doc` to the bigram postings of its title and body.
    mutating func indexBigrams(of doc: Int32) {
        for g in Self.distinctBigrams(title: titleTerms[Int(doc)], body: bodyTerms[Int(doc)]) {
            bigramDocs[g, default: []].append(doc)
        }
    }

    /// Takes document `doc` out of the bigram postings (before its fields are replaced).
    mutating func unindexBigrams(of doc: Int32) {
        for g in Self.distinctBigrams(title: titleTerms[Int(doc)], body: bodyTerms[Int(doc)]) {
            bigramDocs[g]?.removeAll { $0 == doc }
            if bigramDocs[g]?.isEmpty == true { bigramDocs[g] = nil }
        }
    }
}
