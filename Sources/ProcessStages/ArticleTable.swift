import FlywheelCore
import Retrieval

/// The article ids a reply may name, found by their UTF-8 bytes: the reply scanner turns an id
/// on the wire into the ``ArticleID`` Flywheel already holds (no new `String` per entry) and
/// its slot, by which the checks of a list (allowed, not twice) are array look-ups. The bytes
/// are looked up in a ``TermTable`` (the retriever's byte-keyed table of dense ids), built once
/// per set of articles; a slot is the id's index in ``ids``.
final class ArticleTable: Sendable {
    /// The distinct ids, in the order first given; a slot is an index into it.
    let ids: [ArticleID]
    private let slots: TermTable

    init(_ articles: some Sequence<ArticleID>) {
        var ids: [ArticleID] = []
        var slots = TermTable()
        for article in articles where Int(slots.insert(article.rawValue)) == ids.count {
            ids.append(article)
        }
        self.ids = ids
        self.slots = slots
    }

    var count: Int { ids.count }

    /// The slot of the id whose UTF-8 bytes are `id`, nil when the table lacks it.
    func slot(of id: UnsafeBufferPointer<UInt8>) -> Int? {
        slots[bytes: id].map(Int.init)
    }

    /// The slot of `id`, nil when the table lacks it.
    func slot(of id: String) -> Int? {
        slots[id].map(Int.init)
    }
}
