import FlywheelCore
import GRDB

/// Reads for reports and checks: the run's identity, knowledge-base events, annotated tickets.
extension ResultsStore {
    /// A stored run's identity.
    public struct RunInfo: Sendable {
        public var id: Int64
        public var name: String
        public var scenarioJSON: String
        public var scenarioHash: String
        public var status: String
        /// The run key (SHA-256 hex of what the results depend on); nil for runs stored before
        /// schema version 2.
        public var runKey: String?
        /// The key's parts as JSON (scenario, personas, corpus, version); nil with ``runKey``.
        public var runKeyParts: String?
    }

    /// One `kb_events` row.
    public struct KBEventRow: Sendable {
        public var arm: String
        public var replicate: Int
        public var iteration: Int
        public var time: String
        public var article: String
        public var event: String
        public var flags: Int
    }

    /// One `annotations` row.
    public struct AnnotationRow: Sendable {
        public var arm: String
        public var replicate: Int
        public var iteration: Int
        public var kind: String
        public var ticket: String
        public var agent: String
        public var article: String?
        public var label: String
        public var detail: String?
    }

    /// Every run in the store, by id.
    public func runs() throws -> [RunInfo] {
        try queue.read { db in
            try Row.fetchAll(db, sql: "SELECT id, name, scenario, scenario_hash, status, run_key, run_key_parts FROM runs ORDER BY id").map {
                RunInfo(
                    id: $0["id"], name: $0["name"], scenarioJSON: $0["scenario"], scenarioHash: $0["scenario_hash"], status: $0["status"],
                    runKey: $0["run_key"], runKeyParts: $0["run_key_parts"])
            }
        }
    }

    /// Every knowledge-base event of `run`, in time order.
    public func kbEvents(run: Int64) throws -> [KBEventRow] {
        try queue.read { db in
            try Row.fetchAll(
                db,
                sql: "SELECT arm, replicate, iteration, sim_time, article, event, flags FROM kb_events WHERE run_id = ? ORDER BY sim_time, arm, replicate, article, event",
                arguments: [run]
            ).map {
                KBEventRow(arm: $0["arm"], replicate: $0["replicate"], iteration: $0["iteration"], time: $0["sim_time"],
                           article: $0["article"], event: $0["event"], flags: $0["flags"])
            }
        }
    }

    /// The annotations of the first `limit` distinct tickets (by ticket id) that `arm`'s
    /// replicate `replicate` annotated in `iteration`, plus one with most annotations.
    public func annotations(run: Int64, arm: String, replicate: Int, iteration: Int, tickets limit: Int) throws -> [AnnotationRow] {
        try queue.read { db in
            let tickets = try String.fetchAll(
                db,
                sql: """
                    SELECT ticket FROM annotations WHERE run_id = ? AND arm = ? AND replicate = ? AND iteration = ?
                    GROUP BY ticket ORDER BY COUNT(DISTINCT kind) DESC, ticket LIMIT ?
                    """,
                arguments: [run, arm, replicate, iteration, limit])
            guard !tickets.isEmpty else { return [] }
            let marks = Array(repeating: "?", count: tickets.count).joined(separator: ",")
            return try Row.fetchAll(
                db,
                sql: "SELECT arm, replicate, iteration, kind, ticket, agent, article, label, detail FROM annotations WHERE run_id = ? AND arm = ? AND replicate = ? AND iteration = ? AND ticket IN (\(marks)) ORDER BY ticket, kind, article",
                arguments: StatementArguments([run, arm, replicate, iteration] as [any DatabaseValueConvertible]) + StatementArguments(tickets)
            ).map {
                AnnotationRow(arm: $0["arm"], replicate: $0["replicate"], iteration: $0["iteration"], kind: $0["kind"], ticket: $0["ticket"],
                              agent: $0["agent"], article: $0["article"], label: $0["label"], detail: $0["detail"])
            }
        }
    }
}

extension ResultsStore {
    /// One `iterations` row: when the evaluation happened and whether the job retrained before it
    /// and deployed the candidate (retrained but not deployed: the deploy gate refused it).
    public struct IterationRow: Sendable, Hashable {
        public var arm: String
        public var replicate: Int
        public var iteration: Int
        public var time: String
        public var retrained: Bool
        public var deployed: Bool
    }

    /// Every iteration row of `run`, by arm, replicate and iteration.
    public func iterationRows(run: Int64) throws -> [IterationRow] {
        try queue.read { db in
            try Row.fetchAll(
                db,
                sql: "SELECT arm, replicate, iteration, sim_time, retrained, deployed FROM iterations WHERE run_id = ? ORDER BY arm, replicate, iteration",
                arguments: [run]
            ).map {
                IterationRow(arm: $0["arm"], replicate: $0["replicate"], iteration: $0["iteration"], time: $0["sim_time"],
                             retrained: $0["retrained"], deployed: $0["deployed"])
            }
        }
    }
}
