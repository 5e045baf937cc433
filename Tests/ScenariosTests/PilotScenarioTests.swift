import Foundation
import Testing
import World
import FlywheelTestSupport

@testable import Scenarios

/// `scenarios/paper/pilot.yaml` states the AITL paper's pilot (docs/calibration.md): its bands are
/// the paper's four lifts ± 25% (never widened to pass), it is checked on 10 or more replicates of
/// a seed no fitting cell and no earlier check used, its team is the shipped personas with every
/// adoption threshold shifted by one δ, and its world is the quick start's but for the
/// generator's candidate count (the two free parameters). Running it takes minutes
/// (`make pilot-check`); this only reads it.
@Suite struct PilotScenarioTests {
    static let root = Repository.root

    /// The paper's relative lifts of the AITL arm over its baseline.
    static let paper = ["recall@75": 0.117, "precision@8": 0.148, "helpfulness": 0.084, "adoption": 0.045]
    /// The seeds the fit used (scripts/pilot-fit.sh cells in docs/calibration.md).
    static let fittingSeeds: Set<UInt64> = [42, 1042]
    /// Seeds an earlier fit was checked on (docs/calibration.md): a refit is checked on a fresh one.
    static let spentCheckSeeds: Set<UInt64> = [2026, 5150]

    static let file = root.appendingPathComponent("scenarios/paper/pilot.yaml").path

    func pilot() throws -> Scenario {
        try ScenarioLoader.load(path: Self.file)
    }

    @Test func bandsAreThePapersLiftsPlusOrMinusAQuarter() throws {
        let s = try pilot()
        var seen: [String: (Double, Double)] = [:]
        for e in s.expect {
            guard case .lift(let x) = e else { Issue.record("only lift assertions expected, got \(e.kind)"); continue }
            #expect(x.arm == "aitl" && x.versus == nil && x.iteration == nil)
            seen[x.metric] = (x.lower, x.upper)
        }
        #expect(Set(seen.keys) == Set(Self.paper.keys))
        for (metric, lift) in Self.paper {
            let band = try #require(seen[metric])
            #expect(abs(band.0 - 0.75 * lift) < 1e-9 && abs(band.1 - 1.25 * lift) < 1e-9, "\(metric): \(band)")
        }
        #expect(s.baseline == "frozen" && s.arms["frozen"]?.retrain == false)
    }

    @Test func checkedOnFreshSeedsWithTenReplicates() throws {
        let s = try pilot()
        #expect(s.replicates >= 10)
        #expect(!Self.fittingSeeds.contains(s.seed))
        #expect(!Self.spentCheckSeeds.contains(s.seed), "seed \(s.seed) already judged an earlier fit")
    }

    /// The system, corpus, knowledge base, population and horizon are the quick start's; only
    /// `system.generator.candidates` (the second free parameter) may differ.
    @Test func theWorldIsTheQuickStartsButForTheCandidateCount() throws {
        let s = try pilot()
        let quick = try ScenarioLoader.load(path: Self.root.appendingPathComponent("scenarios/quickstart.yaml").path)
        var system = s.system
        system.generator.candidates = quick.system.generator.candidates
        #expect(system == quick.system)
        #expect(s.population == quick.population && s.heldout == quick.heldout)
        #expect(s.knowledge == quick.knowledge && s.horizon == quick.horizon)
        #expect(s.arms["aitl"] == quick.arms["aitl"] && s.arms["frozen"] == quick.arms["frozen"])
    }

    /// The team is the shipped personas with one shift of the adoption threshold; everything else
    /// (participation, preference, relevance, trust, fatigue) is as shipped.
    @Test func theTeamDiffersFromTheShippedPersonasOnlyByOneThresholdShift() throws {
        let s = try pilot()
        let shipped = Self.root.appendingPathComponent("scenarios/personas")
        let team = URL(
            fileURLWithPath: ScenarioPaths.resolve(s.personas, against: ScenarioPaths.folder(ofFile: Self.file)))
        var shifts: [Double] = []
        for entry in s.population {
            var mine = try Persona.load(named: entry.persona, in: team)
            let theirs = try Persona.load(named: entry.persona, in: shipped)
            shifts.append(mine.adoption.threshold - theirs.adoption.threshold)
            mine.adoption.threshold = theirs.adoption.threshold
            #expect(mine == theirs, "\(entry.persona) differs from the shipped persona beyond its threshold")
        }
        let delta = try #require(shifts.first)
        #expect(shifts.allSatisfy { abs($0 - delta) < 1e-9 }, "one δ for every persona: \(shifts)")
        let panel = try Persona.load(named: try #require(s.panel), in: team)
        #expect(panel.adoption.slope > 0 && panel.adoption.threshold > 0)
    }
}
