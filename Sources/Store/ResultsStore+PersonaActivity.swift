import FlywheelCore
import GRDB

/// The `persona_activity` table: each window's collected agent feedback per persona and kind
/// (``PersonaActivity``), written with its iteration; what the report's per-persona panels sum.
extension ResultsStore {
    /// Inserts one window's rows (`job`: run id, arm, replicate, iteration).
    static func insertPersonaActivity(_ activity: PersonaActivity, job: StatementArguments, db: Database) throws {
        guard !activity.isEmpty else { return }
        let insert = try db.cachedStatement(
            sql: """
                INSERT INTO persona_activity (run_id, arm, replicate, iteration, persona, kind, annotations, seconds, judged, agreed)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
        for row in activity.rows {
            try insert.execute(
                arguments: job + [row.persona, row.kind.rawValue, row.annotations, row.seconds, row.judged, row.agreed])
        }
    }

    /// Whether `run` stored its per-persona activity as it ran (false: written before schema
    /// version 4; only a re-read of its annotation logs gives the panels).
    public func storesPersonaActivity(run: Int64) throws -> Bool {
        try queue.read { db in
            try Bool.fetchOne(db, sql: "SELECT persona_activity FROM runs WHERE id = ?", arguments: [run]) ?? false
        }
    }

    /// Every `persona_activity` row of `run`, by arm, replicate, iteration, persona and kind. A
    /// kind this flywheel does not know is an error naming the store.
    public func personaActivity(run: Int64) throws -> [PersonaActivity.WindowRow] {
        let rows = try queue.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT arm, replicate, iteration, persona, kind, annotations, seconds, judged, agreed FROM persona_activity
                    WHERE run_id = ? ORDER BY arm, replicate, iteration, persona, kind
                    """,
                arguments: [run])
        }
        return try rows.map { row in
            let name: String = row["kind"]
            guard let kind = SignalKind(rawValue: name) else {
                throw InputError(
                    file: path, field: "persona_activity.kind",
                    "unknown kind \"\(name)\"; expected one of \(SignalKind.allCases.map(\.rawValue).joined(separator: ", "))"
                )
            }
            return PersonaActivity.WindowRow(
                job: JobKey(arm: row["arm"], replicate: row["replicate"]), iteration: row["iteration"],
                row: PersonaActivity.Row(
                    persona: row["persona"], kind: kind, annotations: row["annotations"], seconds: row["seconds"],
                    judged: row["judged"], agreed: row["agreed"]))
        }
    }
}
