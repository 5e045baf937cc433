import FlywheelCore
import Foundation
import Reports
import Scenarios
import Store

extension SweepResults {
    /// The sweep recorded in `store`: every cell with its swept values and, when the cell's run
    /// is complete, its summary. The swept key paths come in sorted order (the store keeps them
    /// as a JSON object). A store holding several sweeps is refused: name one with `sweep`.
    /// `scenarios`: cells' scenarios already known (by cell hash, as a sweep that just ran knows
    /// them), so their stored scenarios need not be decoded again. `summaries`: complete cells'
    /// summaries already made from the store's rows (by cell hash), used as they are.
    static func load(
        store: ResultsStore, sweep name: String? = nil, scenarios: [String: Scenario] = [:],
        summaries: [String: RunSummary] = [:]
    ) throws -> SweepResults {
        let all = try store.sweepCells()
        let names = Array(Set(all.map(\.sweep))).sorted()
        guard let chosen = name ?? names.first else { throw InputError(file: store.path, "holds no sweep cells") }
        guard name != nil || names.count == 1 else {
            throw InputError(
                file: store.path, "holds several sweeps (\(names.joined(separator: ", "))); report one store per sweep")
        }
        var parameterNames = Set<String>()
        var cells: [Cell] = []
        for row in all where row.sweep == chosen {
            let values: [String: JSONValue]
            do {
                values = try JSONDecoder().decode([String: JSONValue].self, from: Data(row.parameters.utf8))
            } catch {
                throw InputError(file: store.path, "sweep_cells row \(row.cell) has unreadable parameters: \(error)")
            }
            parameterNames.formUnion(values.keys)
            var summary: RunSummary?
            if row.status == "complete", let known = summaries[row.hash] {
                summary = known
            } else if row.status == "complete",
                let scenario = try scenarios[row.hash] ?? storedScenario(row.hash, store)
            {
                summary = RunSummary(
                    run: row.hash, scenarioHash: row.hash, baseline: scenario.baseline,
                    rows: try store.metricRows(run: row.runID))
            }
            cells.append(Cell(index: row.cell, hash: row.hash, values: values.mapValues(\.plainText), summary: summary))
        }
        return SweepResults(name: chosen, parameterNames: parameterNames.sorted(), cells: cells)
    }

    /// The stored scenario of the cell run named `hash`, nil when the store has none.
    private static func storedScenario(_ hash: String, _ store: ResultsStore) throws -> Scenario? {
        try store.runScenario(name: hash).map { try ScenarioLoader.decode($0, file: store.path) }
    }
}
