import FlywheelCore

/// The process-wide interning of the judge's content tokens (a ``StringInterner``): ids are only
/// ever compared with each other — counts of shared ids and subset tests — which do not depend on
/// the numbering.
enum ContentTokenIDs {
    static let interner = StringInterner()

    /// The ids of `words` and of `numbers` (a subset of `words`), each ascending.
    static func ids(_ words: Set<String>, _ numbers: Set<String>) -> ([Int32], [Int32]) {
        (interner.ids(words).sorted(), interner.ids(numbers).sorted())
    }
}
