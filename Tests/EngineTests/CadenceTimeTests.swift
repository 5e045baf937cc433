import Corpora
import Engine
import FlywheelCore
import Scenarios
import Testing
import World

/// Forgetting is per unit of simulated time (every half-life in days), so a cadence study
/// measures the cadence: on the same ticket stream, retraining more often never reaches 90% of
/// its final gain later than retraining less often.
@Suite struct CadenceTimeTests {
    static let world = SyntheticWorld.generate(.init(seed: 13, articles: 150, tickets: 3_000, weeks: 26))

    @Test func aShorterCadenceIsNeverSlowerToReachNinetyPercentOfItsGain() throws {
        let cadences = [1, 2, 4, 13]
        let arms = cadences.map { EngineArm(name: "every-\($0)w", cadence: .weeks($0), deployGate: .init()) }
        let config = EngineConfig(
            seed: 3, replicates: 2, arms: arms, heldOutShare: 0.08, heldOutMax: 200, horizon: .weeks(26), agents: 12)
        let oracle = try EngineFixture.persona("oracle")
        let engine = try Engine(
            config: config, articles: Self.world.articles, tickets: InMemoryTickets(Self.world.tickets),
            world: WorldSetup(judge: Judge(), population: [(oracle, 1)])
        ) { ScenarioAssembly.makeSystem(SystemSpec(), seed: 3, published: $0) }
        let records = try EngineFixture.records(engine, parallelism: 2)
        /// The first week whose mean recall@75 gain (over replicates) reaches 90% of the last week's.
        func weeksToNinety(_ arm: String) -> Int {
            let mine = records.filter { $0.job.arm == arm }
            let weeks = (mine.map(\.iteration).max() ?? 0)
            let curve = (0...weeks).map { k in
                let vs = mine.filter { $0.iteration == k }.compactMap { $0.metrics["recall@75"] }
                return vs.reduce(0, +) / Double(vs.count)
            }
            let target = curve[0] + 0.9 * (curve[weeks] - curve[0])
            return curve.firstIndex { $0 >= target } ?? weeks
        }
        let times = cadences.map { weeksToNinety("every-\($0)w") }
        for (shorter, longer) in zip(times, times.dropFirst()) { #expect(shorter <= longer, "weeks to 90%: \(times)") }
    }
}
