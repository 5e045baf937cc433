import Foundation
import FlywheelCore
import FlywheelTestSupport
import WorldTruth

/// The tau2-bench banking knowledge base in `$FLYWHEEL_DATASETS/tau2-banking-knowledge`, read
/// directly: documents/*.json are articles {id, title, content}; each tasks/task_*.json becomes
/// a ticket whose text is `user_scenario.instructions` without the role-play boilerplate
/// (sentences that occur verbatim in 5 or more tasks — the rule Benchmarks/bm25/prepare.py
/// uses) and whose relevant articles are `required_documents`.
enum BankKnowledgeBase {
    static var directory: URL {
        Repository.sharedDataset("tau2-banking-knowledge")
    }

    static var isAvailable: Bool {
        FileManager.default.fileExists(atPath: directory.appendingPathComponent("documents").path)
    }

    static func load() throws -> (articles: [Article], records: [TicketRecord]) {
        let fm = FileManager.default
        func objects(_ folder: String, prefix: String) throws -> [[String: Any]] {
            let dir = directory.appendingPathComponent(folder)
            let names = try fm.contentsOfDirectory(atPath: dir.path)
                .filter { $0.hasPrefix(prefix) && $0.hasSuffix(".json") }.sorted()
            return try names.map {
                try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent($0)))
                    as! [String: Any]
            }
        }
        let articles = try objects("documents", prefix: "").map {
            Article(id: ArticleID($0["id"] as! String), title: $0["title"] as! String, body: $0["content"] as! String)
        }
        let tasks = try objects("tasks", prefix: "task_")
        let pieces = tasks.map { sentences(($0["user_scenario"] as! [String: Any])["instructions"] as? String ?? "") }
        var counts: [String: Int] = [:]
        for p in pieces { for s in Set(p) { counts[s, default: 0] += 1 } }
        var records: [TicketRecord] = []
        for (i, task) in tasks.enumerated() {
            let id = TicketID(task["id"] as! String)
            let text = pieces[i].filter { counts[$0]! < 5 }.joined(separator: " ")
            let required = (task["required_documents"] as? [String]) ?? []
            let relevant = Dictionary(required.map { (ArticleID($0), 1) }, uniquingKeysWith: max)
            records.append(
                TicketRecord(
                    ticket: Ticket(id: id, createdAt: Timestamp(secondsSinceEpoch: Int64(i) * 3600), text: text),
                    truth: TicketTruth(ticket: id, relevant: relevant)))
        }
        return (articles, records)
    }

    /// Cuts after `.`, `!` or `?` followed by white space, and at line breaks; trims; drops empties.
    static func sentences(_ text: String) -> [String] {
        var result: [String] = []
        var current = ""
        let chars = Array(text)
        for (i, c) in chars.enumerated() {
            if c.isNewline {
                result.append(current)
                current = ""
                continue
            }
            current.append(c)
            if ".!?".contains(c), i + 1 < chars.count, chars[i + 1].isWhitespace {
                result.append(current)
                current = ""
            }
        }
        result.append(current)
        return result.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}
