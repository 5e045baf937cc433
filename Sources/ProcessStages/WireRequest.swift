import FlywheelCore
import Foundation

/// One request as a plugin written in Swift reads it (``RetrieverServer``): the line parsed by
/// `JSONSerialization`, its fields read back into Flywheel's own values — tickets, articles,
/// the training batch (docs/protocol.md, "Training batches"). A missing or malformed field is a
/// ``Problem`` the server answers with `error`, naming the request's op and the field.
struct WireRequest {
    let id: Int
    let op: PluginMessages.Op
    let fields: [String: Any]

    /// What the server answers with `error`.
    struct Problem: Error {
        var id: Int
        var message: String
    }

    init(_ line: [UInt8]) throws(Problem) {
        guard let object = try? JSONSerialization.jsonObject(with: Data(line)), let fields = object as? [String: Any]
        else {
            throw Problem(id: 0, message: "the request is not a JSON object")
        }
        guard let id = (fields["id"] as? NSNumber)?.intValue else {
            throw Problem(id: 0, message: "the request has no id")
        }
        guard let name = fields["op"] as? String, let op = PluginMessages.Op(rawValue: name) else {
            throw Problem(id: id, message: "unknown op \(fields["op"].map { "\($0)" } ?? "(none)")")
        }
        self.id = id
        self.op = op
        self.fields = fields
    }

    func problem(_ message: String) -> Problem { Problem(id: id, message: "\(op.rawValue): \(message)") }

    func int(_ key: String) throws(Problem) -> Int {
        guard let n = fields[key] as? NSNumber else { throw problem("missing or malformed \(key)") }
        return n.intValue
    }

    func intArray(_ key: String) -> [Int]? { (fields[key] as? [NSNumber])?.map(\.intValue) }

    /// A field as JSON text (the hello's settings, for the factory to decode).
    func json(_ key: String) throws(Problem) -> Data {
        guard let value = fields[key],
            let data = try? JSONSerialization.data(withJSONObject: value, options: [.sortedKeys])
        else {
            throw problem("missing or malformed \(key)")
        }
        return data
    }

    func articles(_ key: String) throws(Problem) -> [Article] {
        guard let list = fields[key] as? [[String: Any]] else { throw problem("missing or malformed \(key)") }
        return try list.enumerated().map { i, a throws(Problem) in
            guard let id = a["id"] as? String, let title = a["title"] as? String, let body = a["body"] as? String else {
                throw problem("\(key)[\(i)] needs id, title and body")
            }
            return Article(id: ArticleID(id), title: title, body: body)
        }
    }

    func tickets(_ key: String) throws(Problem) -> [Ticket] {
        guard let list = fields[key] as? [[String: Any]] else { throw problem("missing or malformed \(key)") }
        return try list.enumerated().map { i, t throws(Problem) in try ticket(t, at: "\(key)[\(i)]") }
    }

    func ticket(_ t: [String: Any], at path: String) throws(Problem) -> Ticket {
        guard let id = t["id"] as? String, let text = t["text"] as? String,
            let created = (t["created_at"] as? String).flatMap({ Timestamp(iso8601: $0) })
        else { throw problem("\(path) needs id, created_at (ISO 8601) and text") }
        return Ticket(id: TicketID(id), createdAt: created, text: text)
    }

    /// The relevance marks of `retrain.batch` and the tickets they refer to: what a first stage
    /// learns from (the preferences and adoptions are the generator's).
    func batch(_ key: String) throws(Problem) -> TrainingBatch {
        guard let b = fields[key] as? [String: Any], let iteration = (b["iteration"] as? NSNumber)?.intValue,
            let tickets = b["tickets"] as? [[String: Any]], let marks = b["relevance"] as? [[String: Any]]
        else { throw problem("\(key) needs iteration, tickets and relevance") }
        var byID: [TicketID: Ticket] = [:]
        for (i, t) in tickets.enumerated() {
            let ticket = try ticket(t, at: "\(key).tickets[\(i)]")
            byID[ticket.id] = ticket
        }
        let relevance = try marks.enumerated().map { i, m throws(Problem) in
            guard let ticket = m["ticket"] as? String, let agent = m["agent"] as? String,
                let article = m["article"] as? String,
                let rank = (m["rank"] as? NSNumber)?.intValue, let relevant = m["relevant"] as? Bool
            else { throw problem("\(key).relevance[\(i)] needs ticket, agent, article, rank and relevant") }
            return RelevanceAnnotation(
                ticket: TicketID(ticket), agent: AgentID(agent), article: ArticleID(article), rank: rank,
                relevant: relevant)
        }
        var time: Timestamp?
        if let text = b["time"] as? String {
            guard let t = Timestamp(iso8601: text) else { throw problem("\(key).time is not ISO 8601") }
            time = t
        }
        return TrainingBatch(iteration: iteration, time: time, tickets: byID, relevance: relevance)
    }
}
