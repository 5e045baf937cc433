import FlywheelCore
import Foundation
import GRDB

/// GRDB records for the tables read and written off the hot path: one row of each table, its
/// columns by name (``ResultsStore/migrator`` creates them). The per-iteration metric,
/// annotation and persona-activity inserts use cached prepared statements instead
/// (``ResultsStore/write(_:run:)``).
extension ResultsStore {
    /// `runs` and `jobs` share this closed vocabulary (the tables' CHECK constraints).
    public enum Status: String, CaseIterable, Codable, Sendable, DatabaseValueConvertible {
        case running, complete
    }

    /// One `runs` row.
    struct RunsRow: Codable, FetchableRecord, MutablePersistableRecord {
        static let databaseTableName = "runs"
        var id: Int64?
        var name: String
        var scenario: String
        var scenarioHash: String
        var seed: Int64
        var flywheelVersion: String
        var status: Status
        var runKey: String?
        var runKeyParts: String?
        /// Whether the run stores its `persona_activity` rows as it goes (false: from before schema 4).
        var personaActivity: Bool

        enum CodingKeys: String, CodingKey {
            case id, name, scenario, seed, status
            case scenarioHash = "scenario_hash", flywheelVersion = "flywheel_version", runKey = "run_key"
            case runKeyParts = "run_key_parts", personaActivity = "persona_activity"
        }

        mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
    }

    /// One `jobs` row.
    struct JobsRow: Codable, FetchableRecord, PersistableRecord {
        static let databaseTableName = "jobs"
        var runID: Int64
        var arm: String
        var replicate: Int
        var status: Status
        /// Iterations 0…n−1 the job must hold; nil for jobs from schema 1.
        var iterationsExpected: Int?

        enum CodingKeys: String, CodingKey {
            case arm, replicate, status
            case runID = "run_id", iterationsExpected = "iterations_expected"
        }

        var job: JobKey { JobKey(arm: arm, replicate: replicate) }
    }

    /// One `iterations` row.
    struct IterationsRow: Codable, FetchableRecord, PersistableRecord {
        static let databaseTableName = "iterations"
        var runID: Int64
        var arm: String
        var replicate: Int
        var iteration: Int
        var simTime: String
        var retrained: Bool
        var deployed: Bool

        enum CodingKeys: String, CodingKey {
            case arm, replicate, iteration, retrained, deployed
            case runID = "run_id", simTime = "sim_time"
        }
    }

    /// One `model_versions` row.
    struct ModelVersionsRow: Codable, FetchableRecord, PersistableRecord {
        static let databaseTableName = "model_versions"
        var runID: Int64
        var arm: String
        var replicate: Int
        var iteration: Int
        var component: String
        var version: Int
        var deployed: Bool
        var trainingExamples: Int

        enum CodingKeys: String, CodingKey {
            case arm, replicate, iteration, component, version, deployed
            case runID = "run_id", trainingExamples = "training_examples"
        }
    }

    /// One `kb_events` row (``KBEvent``).
    struct KBEventsRow: Codable, FetchableRecord, PersistableRecord {
        static let databaseTableName = "kb_events"
        var runID: Int64
        var arm: String
        var replicate: Int
        var iteration: Int
        var simTime: String
        var article: String
        var event: String
        var flags: Int

        enum CodingKeys: String, CodingKey {
            case arm, replicate, iteration, article, event, flags
            case runID = "run_id", simTime = "sim_time"
        }
    }

    /// One `annotation_log` row: an iteration's window of a job's log, zstd-compressed.
    struct AnnotationLogRow: Codable, FetchableRecord, PersistableRecord {
        static let databaseTableName = "annotation_log"
        var runID: Int64
        var arm: String
        var replicate: Int
        var iteration: Int
        var lines: Int
        var log: Data

        enum CodingKeys: String, CodingKey {
            case arm, replicate, iteration, lines, log
            case runID = "run_id"
        }
    }

    /// One `sweep_cells` row.
    struct SweepCellsRow: Codable, FetchableRecord, PersistableRecord {
        static let databaseTableName = "sweep_cells"
        var sweep: String
        var cell: Int
        var hash: String
        var runID: Int64
        var parameters: String

        enum CodingKeys: String, CodingKey {
            case sweep, cell, hash, parameters
            case runID = "run_id"
        }
    }
}
