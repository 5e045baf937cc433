import Engine
import FlywheelCore
import Foundation
import Scenarios

// Runs a Flywheel scenario with this package's OverlapRetriever as first stage (the reranker and
// generator stay the scenario's) and prints, per arm, the first and last evaluation.
//
//   swift run --package-path Examples/CustomRetriever custom-retriever [SCENARIO]
//
// SCENARIO defaults to Examples/CustomRetriever/scenario.yaml (corpora/ci-small); its relative
// paths resolve against its own folder, so any working directory will do.
let path = CommandLine.arguments.dropFirst().first ?? "Examples/CustomRetriever/scenario.yaml"
do {
    let scenario = try ScenarioLoader.load(path: path)
    let engine = try ScenarioAssembly.engine(
        for: scenario, root: ScenarioPaths.folder(ofFile: path), keepAnnotations: false,
        custom: CustomStages(retriever: { published, _ in OverlapRetriever(published) }))
    let lock = NSLock()
    nonisolated(unsafe) var records: [IterationRecord] = []
    try engine.run(jobs: engine.jobs, parallelism: 2) { record in
        lock.lock()
        records.append(record)
        lock.unlock()
    }
    let metrics = [
        "recall@\(scenario.system.retriever.depth)", "precision@\(scenario.system.reranker.depth)", "ndcg@10",
        "adoption"
    ]
    print(["arm", "iteration"].joined(separator: "\t") + "\t" + metrics.joined(separator: "\t"))
    for arm in scenario.armNames {
        let mine = records.filter { $0.job.arm == arm }
        let last = mine.map(\.iteration).max() ?? 0
        for iteration in [0, last] {
            let rows = mine.filter { $0.iteration == iteration }
            let means = metrics.map { m in rows.map { $0.metrics[m] ?? .nan }.reduce(0, +) / Double(max(1, rows.count))
            }
            print("\(arm)\t\(iteration)\t" + means.map { String(format: "%.4f", $0) }.joined(separator: "\t"))
        }
    }
} catch let error as InputError {
    FileHandle.standardError.write(Data("error: \(error)\n".utf8))
    exit(2)
}
