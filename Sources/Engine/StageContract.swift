import FlywheelCore

/// What the engine checks of every stage's answer before using it, whoever wrote the stage (a
/// Swift package, a process): one answer per ticket asked, in order, each list for its ticket
/// and without an article twice. A breach ends the run with an ``InputError`` naming the stage.
enum StageContract {
    static func check(_ lists: [RankedList], for tickets: [Ticket], stage: String) throws {
        try check(lists.count, tickets.count, stage: stage)
        for (list, ticket) in zip(lists, tickets) {
            guard list.ticket == ticket.id else {
                throw InputError(
                    field: "system.\(stage)",
                    "answered for ticket '\(list.ticket.rawValue)' where '\(ticket.id.rawValue)' was asked")
            }
            // 64-bit hashes find a repeat cheaply; only a repeated hash (a repeat, or a
            // collision) pays for the exact check.
            guard repeatsHash(list.entries) else { continue }
            var seen = Set<ArticleID>(minimumCapacity: list.entries.count)
            for entry in list.entries where !seen.insert(entry.article).inserted {
                throw InputError(
                    field: "system.\(stage)",
                    "listed article '\(entry.article.rawValue)' twice for ticket '\(ticket.id.rawValue)'")
            }
        }
    }

    /// Whether two of `entries` have the same 64-bit hash of their article: an open-addressing
    /// table of the hashes, sized by the list (at most half full), instead of sorting them.
    static func repeatsHash(_ entries: [RankedList.Entry]) -> Bool {
        guard entries.count > 1 else { return false }
        var size = 16
        while size < 2 * entries.count { size <<= 1 }
        let mask = size - 1
        return withUnsafeTemporaryAllocation(of: UInt64.self, capacity: size) { table in
            // 0 marks an empty slot; a hash of 0 is stored as 1 (a false repeat only costs the exact check)
            table.initialize(repeating: 0)
            for entry in entries {
                let h = max(StableHash.fnv1a(entry.article.rawValue), 1)
                // FNV-1a's middle and high bits barely depend on the last bytes (ids that differ
                // only at the end would share slots): a multiplicative mix spreads every bit
                var i = Int(truncatingIfNeeded: (h &* 0x9E37_79B9_7F4A_7C15) >> 40) & mask
                while table[i] != 0 {
                    if table[i] == h { return true }
                    i = (i + 1) & mask
                }
                table[i] = h
            }
            return false
        }
    }

    static func check(_ answers: Int, _ asked: Int, stage: String) throws {
        guard answers == asked else {
            throw InputError(field: "system.\(stage)", "gave \(answers) answers for \(asked) tickets")
        }
    }
}
