import FlywheelCore

/// The fast path for the replies that carry most of a run's bytes, a retriever's or reranker's
/// lists: `{"id": N, "ok": true, "results": [[{"article": "…", "score": x}, …], …]}`, or from
/// protocol version 4 a retrieve reply's lists as ``CompactList``s.
/// Foundation's `JSONDecoder` spends about a microsecond per field on them (half of Flywheel's
/// side of the process boundary, BENCHMARKS.md "Process boundary"); this reads the bytes once,
/// and finds each article id in the ``ArticleTable`` of the ids the reply may name, so an entry
/// costs a hash of its bytes, not a new `String`.
///
/// It accepts only exactly that shape — keys `id`, `ok`, `results` (each once, any order), entries
/// with exactly `article` and `score`, strings without escapes, finite JSON numbers; compact
/// lists whose ordinals are all in the table and whose scores match them in number — and
/// returns nil for anything else, which `JSONDecoder` then decodes or rejects with its
/// message. So it never decides an error and never accepts what the decoder would refuse.
enum ReplyScanner {
    /// The reply with its lists in ``PluginMessages/Reply/lists``; ids that `table` lacks
    /// (which the stage will refuse, naming them) are read into new `String`s with slot -1.
    static func reply(_ line: [UInt8], table: ArticleTable? = nil) -> PluginMessages.Reply? {
        JSONCursor.scan(line) { $0.reply(table) }
    }

    /// ``reply(_:table:)`` over a line that a 0 follows in memory (``LineBuffer``'s), in place.
    static func reply(terminated line: UnsafeBufferPointer<UInt8>, table: ArticleTable?) -> PluginMessages.Reply? {
        JSONCursor.scan(terminated: line) { $0.reply(table) }
    }
}

extension JSONCursor {
    fileprivate mutating func reply(_ table: ArticleTable?) -> PluginMessages.Reply? {
        var id: Int?
        var ok: Bool?
        var results: [ScannedList]?
        guard take(UInt8(ascii: "{")) else { return nil }
        repeat {
            guard let key = plainString(), take(UInt8(ascii: ":")) else { return nil }
            switch key {
            case "id" where id == nil: guard let n = integer() else { return nil }; id = n
            case "ok" where ok == nil: guard let b = boolean() else { return nil }; ok = b
            case "results" where results == nil: guard let r = lists(table) else { return nil }; results = r
            default: return nil
            }
        } while take(UInt8(ascii: ","))
        guard take(UInt8(ascii: "}")) else { return nil }
        skipWhitespace()
        guard pos == bytes.count, let id, let results else { return nil }
        var reply = PluginMessages.Reply(id: id, ok: ok)
        reply.lists = results
        return reply
    }

    fileprivate mutating func lists(_ table: ArticleTable?) -> [ScannedList]? {
        var out: [ScannedList] = []
        guard take(UInt8(ascii: "[")) else { return nil }
        if take(UInt8(ascii: "]")) { return out }
        repeat {
            if let table, peek() == UInt8(ascii: "{") {
                guard let list = compactList(table) else { return nil }
                out.append(list)
                continue
            }
            guard take(UInt8(ascii: "[")) else { return nil }
            var list = ScannedList()
            if !take(UInt8(ascii: "]")) {
                repeat {
                    guard entry(into: &list, table) else { return nil }
                } while take(UInt8(ascii: ","))
                guard take(UInt8(ascii: "]")) else { return nil }
            }
            out.append(list)
        } while take(UInt8(ascii: ","))
        return take(UInt8(ascii: "]")) ? out : nil
    }

    /// A ``CompactList``: `{"articles":[ordinals],"scores":"hex"}`, each key once in either
    /// order, as many scores as ordinals, every ordinal one of `table`'s slots.
    fileprivate mutating func compactList(_ table: ArticleTable) -> ScannedList? {
        var ordinals: [Int32]?
        var scores: [Double]?
        guard take(UInt8(ascii: "{")) else { return nil }
        repeat {
            guard let key = key(), take(UInt8(ascii: ":")) else { return nil }
            if key.equals("articles"), ordinals == nil {
                guard let o = ordinalList(below: table.count) else { return nil }
                ordinals = o
            } else if key.equals("scores"), scores == nil {
                guard let range = stringBytes(),
                    let s = CompactList.scores(hex: UnsafeBufferPointer(rebasing: bytes[range]))
                else { return nil }
                scores = s
            } else {
                return nil
            }
        } while take(UInt8(ascii: ","))
        guard take(UInt8(ascii: "}")), let ordinals, let scores, ordinals.count == scores.count else { return nil }
        var list = ScannedList()
        list.compact = true
        list.slots = ordinals
        list.entries.reserveCapacity(ordinals.count)
        for (o, score) in zip(ordinals, scores) {
            list.entries.append(RankedList.Entry(article: table.ids[Int(o)], score: score))
        }
        return list
    }

    /// `[o1,o2,…]`: integers 0 ≤ o < `count` in JSON's grammar (no sign, no leading zero,
    /// fraction or exponent).
    fileprivate mutating func ordinalList(below count: Int) -> [Int32]? {
        var out: [Int32] = []
        guard take(UInt8(ascii: "[")) else { return nil }
        if take(UInt8(ascii: "]")) { return out }
        out.reserveCapacity(128)
        repeat {
            skipWhitespace()
            let start = pos
            var value = 0
            while pos < bytes.count, bytes[pos] >= UInt8(ascii: "0"), bytes[pos] <= UInt8(ascii: "9"), pos - start < 10
            {
                value = value * 10 + Int(bytes[pos] - UInt8(ascii: "0"))
                pos += 1
            }
            let length = pos - start
            guard length > 0, !(length > 1 && bytes[start] == UInt8(ascii: "0")), !continuesNumber(), value < count
            else { return nil }
            out.append(Int32(value))
        } while take(UInt8(ascii: ","))
        return take(UInt8(ascii: "]")) ? out : nil
    }

    fileprivate mutating func entry(into list: inout ScannedList, _ table: ArticleTable?) -> Bool {
        var article: (id: ArticleID, slot: Int32)?
        var score: Double?
        guard take(UInt8(ascii: "{")) else { return false }
        repeat {
            guard let key = entryKey(), take(UInt8(ascii: ":")) else { return false }
            switch key {
            case .article where article == nil: guard let a = articleID(table) else { return false }; article = a
            case .score where score == nil: guard let x = finiteNumber() else { return false }; score = x
            default: return false
            }
        } while take(UInt8(ascii: ","))
        guard take(UInt8(ascii: "}")), let article, let score else { return false }
        list.entries.append(RankedList.Entry(article: article.id, score: score))
        list.slots.append(article.slot)
        return true
    }

    fileprivate enum EntryKey { case article, score }

    /// An entry's key, without making a `String` of it.
    fileprivate mutating func entryKey() -> EntryKey? {
        guard let text = key() else { return nil }
        if text.equals("article") { return .article }
        if text.equals("score") { return .score }
        return nil
    }

    /// An article id: the table's (and its slot) when it has these bytes, else a new
    /// `String` with slot -1.
    fileprivate mutating func articleID(_ table: ArticleTable?) -> (id: ArticleID, slot: Int32)? {
        guard let range = stringBytes() else { return nil }
        let text = UnsafeBufferPointer(rebasing: bytes[range])
        if let table, let slot = table.slot(of: text) { return (table.ids[slot], Int32(slot)) }
        guard let id = Self.utf8String(text) else { return nil }
        return (ArticleID(id), -1)
    }
}

/// A retrieve or rerank reply's list as the scanner read it: the entries, and per entry the
/// article's slot in the ``ArticleTable`` the reply was read against (-1: not in it).
struct ScannedList {
    var entries: [RankedList.Entry] = []
    var slots: [Int32] = []
    /// Whether the plugin wrote it as a ``CompactList`` (ordinals are the table's slots).
    var compact = false

    init() {}

    /// A list the decoder read (the slow path), its ids looked up in `table` (a compact list's
    /// ordinals are its slots); list `index` of the reply, for the messages.
    init(_ list: WireList, at index: Int, table: ArticleTable) throws(WireList.Problem) {
        switch list {
        case .entries(let entries):
            self.entries = entries.map { RankedList.Entry(article: ArticleID($0.article), score: $0.score) }
            slots = entries.map { e in table.slot(of: e.article).map(Int32.init) ?? -1 }
        case .compact(let articles, let hex):
            compact = true
            guard let scores = CompactList.scores(hex: hex) else {
                throw WireList.Problem(
                    message:
                        "results[\(index)].scores is not \(CompactList.digitsPerScore) hex digits per score: \(hex.prefix(40))"
                )
            }
            guard scores.count == articles.count else {
                throw WireList.Problem(
                    message: "results[\(index)] has \(articles.count) articles and \(scores.count) scores")
            }
            for (j, o) in articles.enumerated() {
                guard o >= 0, o < table.count else {
                    throw WireList.Problem(
                        message:
                            "results[\(index)].articles[\(j)] is \(o), not the ordinal of one of the model's \(table.count) articles"
                    )
                }
                entries.append(RankedList.Entry(article: table.ids[o], score: scores[j]))
                slots.append(Int32(o))
            }
        }
    }
}
