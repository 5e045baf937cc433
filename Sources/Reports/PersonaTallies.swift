import FlywheelCore
import WorldTruth

/// Re-counts ``PersonaActivity`` from annotation-log entries, job by job and window by window,
/// with the rule the engine counts it with as it runs: the per-persona panels of a store written
/// before the results store kept `persona_activity` (schema 4), and the check that the stored
/// rows equal a re-read of the log.
///
/// ```swift
/// var tallies = PersonaTallies(truth: { truthByTicket[$0] }, quality: { judge.quality(of: $0, for: $1).total },
///                              collects: { arm, kind in scenario.arms[arm]?.collects(kind) ?? true })
/// for entry in entries { tallies.add(entry, arm: "aitl", replicate: 0, iteration: 1) }
/// let rows = tallies.rows
/// ```
public struct PersonaTallies {
    /// The truth of a ticket (nil: not in the corpus; its annotations are counted, not judged).
    let truth: (TicketID) -> TicketTruth?
    /// The true quality of a reply for a ticket (the judge's total).
    let quality: (Reply, TicketTruth) -> Double
    /// Whether an arm collects a kind of agent feedback: the log keeps everything the agents
    /// gave, but only what the arm collects costs agent time (an arm that does not retrain, or
    /// learns from vendor labels, collects none and gets no row).
    let collects: (String, SignalKind) -> Bool
    private var windows: [Window: PersonaActivity] = [:]
    private var replicates: [String: Set<Int>] = [:]
    /// The last exposure of each ticket in the job being read (a preference is judged against it).
    private var exposures: [TicketID: Exposure] = [:]
    private var job: JobKey?

    private struct Window: Hashable {
        var job: JobKey
        var iteration: Int
    }

    public init(
        truth: @escaping (TicketID) -> TicketTruth?, quality: @escaping (Reply, TicketTruth) -> Double,
        collects: @escaping (String, SignalKind) -> Bool = { _, _ in true }
    ) {
        self.truth = truth
        self.quality = quality
        self.collects = collects
    }

    /// Adds one entry of `arm`'s replicate `replicate`, window `iteration` (entries of one job
    /// in log order).
    public mutating func add(_ entry: AnnotationLogEntry, arm: String, replicate: Int, iteration: Int = 0) {
        let job = JobKey(arm: arm, replicate: replicate)
        if job != self.job {
            self.job = job
            exposures = [:]
        }
        replicates[arm, default: []].insert(replicate)
        switch entry {
        case .exposure(let e):
            exposures[e.ticket] = e
        case .annotation(let logged):
            guard collects(arm, logged.annotation.kind) else { return }
            let shown = exposures[logged.annotation.ticket].flatMap { e in
                e.a.flatMap { a in e.b.map { (a: a, b: $0) } }
            }
            windows[Window(job: job, iteration: iteration), default: PersonaActivity()].add(
                logged.annotation, seconds: logged.seconds ?? 0, persona: logged.persona,
                truth: truth(logged.annotation.ticket),
                shown: shown, quality: quality)
        }
    }

    /// Every window's rows, by arm, replicate, iteration, persona and kind.
    public var activity: [PersonaActivity.WindowRow] {
        windows.sorted { ($0.key.job, $0.key.iteration) < ($1.key.job, $1.key.iteration) }.flatMap { window, activity in
            activity.rows.map { PersonaActivity.WindowRow(job: window.job, iteration: window.iteration, row: $0) }
        }
    }

    /// How many replicates of each arm had log entries.
    public var replicateCounts: [String: Int] { replicates.mapValues(\.count) }

    /// Every (arm, persona) row, by arm then persona.
    public var rows: [PersonaTally] { PersonaTally.combine(activity, replicates: replicateCounts) }
}
