import FlywheelCore
import Scenarios

extension SweepPipeline {
    /// The run keys of `cells`, after checking each corpus' records (as `run` does) before any
    /// cell starts: one task per corpus and per cell on `width` threads, the corpora first (a
    /// corpus check takes longer than a key). The cells share one ``RunKey/PersonaDigests``, so
    /// each persona file is decoded once. An error is the first in the cells' order, then in the
    /// corpora's, whatever the thread count: a cell's key names the base scenario's file in its
    /// errors, so a missing corpus is reported that way.
    static func runKeys(_ cells: [Sweep.Cell], root: String, file: String, width: Int) throws -> [RunKey] {
        var corpora: [Scenario] = []
        var seen: Set<String> = []
        for cell in cells where seen.insert(cell.scenario.corpus).inserted { corpora.append(cell.scenario) }
        let digests = RunKey.PersonaDigests()
        let outcomes = WorkPool.orderedMap(count: corpora.count + cells.count, width: width, chunk: 1) {
            i -> Result<RunKey?, any Error> in
            Result {
                guard i >= corpora.count else {
                    try ScenarioAssembly.checkedCorpus(corpora[i], root: root)
                    return nil
                }
                return try RunKey(cells[i - corpora.count].scenario, root: root, file: file, personas: digests)
            }
        }
        for outcome in outcomes[corpora.count...] + outcomes[..<corpora.count] { _ = try outcome.get() }
        return try outcomes[corpora.count...].map { try $0.get()! }
    }
}

extension SweepPipeline {
    /// Runs `first` and `second` side by side (`first` on another thread when one is free), and
    /// returns once both are done, rethrowing `second`'s error. `first` is always run: it is
    /// handed out before `second`, and nothing stops it once it has started.
    static func concurrently(_ first: () -> Void, _ second: () throws -> Void) throws {
        try WorkPool.run(count: 2, width: 2) { i in
            if i == 0 { first() } else { try second() }
            return true
        }
    }
}
