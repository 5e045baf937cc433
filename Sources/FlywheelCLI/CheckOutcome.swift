import Reports
import Scenarios

/// What `flywheel check` found: per scenario, its assertions' verdicts, or that it had none; and,
/// when something went wrong, the one-line error. Rendered as text, JUnit XML and JSON.
struct CheckOutcome {
    struct ScenarioOutcome {
        /// The scenario file as given.
        var file: String
        /// The run's name (the file's name without `.yaml`).
        var name: String
        /// The results folder; nil when the scenario was not run (it has no assertions).
        var directory: String?
        /// Whether complete results were reused instead of running.
        var reused = false
        var results: [ExpectationResult]
        /// `--baseline`: this run's curves against the stored run's, per arm × metric.
        var baseline: [BaselineCheck.Verdict] = []
        /// Seconds spent on the scenario (running or reusing its results).
        var seconds: Double = 0

        /// The scenario has no `expect:` entries and no baseline comparison: nothing was checked.
        var unchecked: Bool { results.isEmpty && baseline.isEmpty }
    }

    var scenarios: [ScenarioOutcome] = []
    /// `--strict`: a scenario without assertions fails.
    var strict = false
    /// The scenario being validated or run when `error` happened.
    var failingFile: String?
    /// The one-line error (invalid input) that stopped the check; nil when it completed.
    var error: String?

    var results: [ExpectationResult] { scenarios.flatMap(\.results) }
    var verdicts: [BaselineCheck.Verdict] { scenarios.flatMap(\.baseline) }
    var passed: Int { results.filter(\.passed).count + verdicts.filter(\.passed).count }
    var failed: Int { results.count + verdicts.count - passed }
    var unchecked: Int { scenarios.filter(\.unchecked).count }

    /// 0 every assertion held, 1 one failed (or, `--strict`, a scenario had none), 2 bad input.
    var exitStatus: Int32 {
        if error != nil { return ExitStatus.badInput }
        if failed > 0 || (strict && unchecked > 0) { return ExitStatus.expectationFailed }
        return ExitStatus.success
    }

    /// The last line of the text output. Never a bare "0 passed, 0 failed": scenarios without
    /// assertions are named as such.
    var summaryLine: String {
        let counts = "\(passed) passed, \(failed) failed"
        let plural = unchecked == 1 ? "scenario" : "scenarios"
        if unchecked == 0 { return counts }
        if strict {
            return
                "\(passed) passed, \(failed + unchecked) failed (\(unchecked) \(plural) without expect: assertions, --strict)"
        }
        if results.isEmpty && verdicts.isEmpty {
            let which = unchecked == 1 ? "the scenario has no" : "none of the \(unchecked) scenarios has"
            return "nothing checked: \(which) expect: assertions (--strict makes this a failure)"
        }
        return "\(counts); \(unchecked) \(plural) without expect: assertions not checked"
    }

    /// The note printed for a scenario without assertions.
    static func uncheckedNote(strict: Bool) -> String {
        strict
            ? "  FAIL  no expect: assertions (--strict): nothing was checked"
            : "  note: no expect: assertions: nothing was checked and nothing was run (--strict fails such a scenario)"
    }

    /// One `<testsuite>` per scenario; a scenario without assertions is one test case, skipped or
    /// (`--strict`) failed; an error is a suite with an `<error>` test case.
    var suites: [JUnitXML.Suite] {
        var suites = scenarios.map { s in
            let cases =
                s.unchecked
                ? [
                    JUnitXML.Case(
                        name: "expect", failure: strict ? "no expect: assertions (--strict)" : nil,
                        output: "no expect: assertions", skipped: strict ? nil : "no expect: assertions")
                ]
                : s.results.map {
                    JUnitXML.Case(name: $0.name, failure: $0.passed ? nil : $0.reason, output: $0.reason)
                }
                    + s.baseline.map {
                        JUnitXML.Case(name: $0.name, failure: $0.passed ? nil : $0.reason, output: $0.reason)
                    }
            return JUnitXML.Suite(name: s.name, cases: cases, time: s.seconds)
        }
        if let error {
            let name = failingFile.map(CheckRun.runName) ?? "flywheel check"
            suites.append(JUnitXML.Suite(name: name, cases: [], error: error))
        }
        return suites
    }
}
