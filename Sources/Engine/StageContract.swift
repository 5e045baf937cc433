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
            // Sorted 64-bit hashes find a repeat cheaply; only a repeated hash (a repeat, or a
            // collision) pays for the exact check.
            var hashes = list.entries.map { StableHash.fnv1a($0.article.rawValue) }
            hashes.sort()
            guard zip(hashes, hashes.dropFirst()).contains(where: { $0 == $1 }) else { continue }
            var seen = Set<ArticleID>(minimumCapacity: list.entries.count)
            for entry in list.entries where !seen.insert(entry.article).inserted {
                throw InputError(
                    field: "system.\(stage)",
                    "listed article '\(entry.article.rawValue)' twice for ticket '\(ticket.id.rawValue)'")
            }
        }
    }

    static func check(_ answers: Int, _ asked: Int, stage: String) throws {
        guard answers == asked else {
            throw InputError(field: "system.\(stage)", "gave \(answers) answers for \(asked) tickets")
        }
    }
}
