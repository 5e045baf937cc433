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
        /// `running` or `complete` (``Status``).
        public var status: String
        /// The run key (SHA-256 hex of what the results depend on); nil for runs stored before
        /// schema version 2.
        public var runKey: String?
        /// The key's parts as JSON (scenario, personas, corpus, version); nil with ``runKey``.
        public var runKeyParts: String?
    }

    /// One `annotations` row: an annotation and the job and iteration it was collected for.
    public struct AnnotationRow: Sendable {
        public var job: JobKey
        public var iteration: Int
        public var annotation: IterationRecord.AnnotationRow
    }

    /// Every run in the store, by id.
    public func runs() throws -> [RunInfo] {
        try queue.read { db in
            try RunsRow.order(Column("id")).fetchAll(db).map {
                RunInfo(
                    id: $0.id!, name: $0.name, scenarioJSON: $0.scenario, scenarioHash: $0.scenarioHash,
                    status: $0.status.rawValue,
                    runKey: $0.runKey, runKeyParts: $0.runKeyParts)
            }
        }
    }

    /// Every knowledge-base event of `run`, in time order. An event or time this flywheel cannot
    /// read is an error naming the store.
    public func kbEvents(run: Int64) throws -> [KBEvent.WindowRow] {
        let rows = try queue.read { db in
            try KBEventsRow.filter(Column("run_id") == run)
                .order(Column("sim_time"), Column("arm"), Column("replicate"), Column("article"), Column("event"))
                .fetchAll(db)
        }
        return try rows.map { row in
            guard let kind = KBEvent.Kind(rawValue: row.event) else {
                throw InputError(
                    file: path, field: "kb_events.event",
                    "unknown event \"\(row.event)\"; expected one of \(KBEvent.Kind.allCases.map(\.rawValue).joined(separator: ", "))"
                )
            }
            guard let time = Timestamp(iso8601: row.simTime) else {
                throw InputError(file: path, field: "kb_events.sim_time", "\"\(row.simTime)\" is not an ISO-8601 time")
            }
            return KBEvent.WindowRow(
                job: JobKey(arm: row.arm, replicate: row.replicate), iteration: row.iteration,
                event: KBEvent(time: time, article: row.article, kind: kind, flags: row.flags))
        }
    }

    /// The annotations of the first `limit` distinct tickets (by ticket id) that `arm`'s
    /// replicate `replicate` annotated in `iteration`, plus one with most annotations. A kind or
    /// label this flywheel does not know is an error naming the store.
    public func annotations(run: Int64, arm: String, replicate: Int, iteration: Int, tickets limit: Int) throws
        -> [AnnotationRow]
    {
        let rows = try queue.read { db -> [Row] in
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
                sql:
                    "SELECT kind, ticket, agent, article, label, detail FROM annotations WHERE run_id = ? AND arm = ? AND replicate = ? AND iteration = ? AND ticket IN (\(marks)) ORDER BY ticket, kind, article",
                arguments: StatementArguments([run, arm, replicate, iteration] as [any DatabaseValueConvertible])
                    + StatementArguments(tickets))
        }
        let job = JobKey(arm: arm, replicate: replicate)
        return try rows.map { row in
            AnnotationRow(job: job, iteration: iteration, annotation: try annotation(row))
        }
    }

    /// An `annotations` row's typed annotation.
    func annotation(_ row: Row) throws -> IterationRecord.AnnotationRow {
        let kindText: String = row["kind"]
        let labelText: String = row["label"]
        guard let kind = SignalKind(rawValue: kindText) else {
            throw InputError(
                file: path, field: "annotations.kind",
                "unknown kind \"\(kindText)\"; expected one of \(SignalKind.allCases.map(\.rawValue).joined(separator: ", "))"
            )
        }
        guard let label = AnnotationLabel(kind: kind, rawValue: labelText) else {
            throw InputError(
                file: path, field: "annotations.label",
                "unknown \(kind.rawValue) label \"\(labelText)\"; expected one of \(AnnotationLabel.labels(of: kind).joined(separator: ", "))"
            )
        }
        return IterationRecord.AnnotationRow(
            label: label, ticket: row["ticket"], agent: row["agent"], article: row["article"], detail: row["detail"])
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
            try IterationsRow.filter(Column("run_id") == run).order(
                Column("arm"), Column("replicate"), Column("iteration")
            ).fetchAll(db).map {
                IterationRow(
                    arm: $0.arm, replicate: $0.replicate, iteration: $0.iteration, time: $0.simTime,
                    retrained: $0.retrained, deployed: $0.deployed)
            }
        }
    }
}
