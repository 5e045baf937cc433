/// JUnit XML as CI systems (GitLab, Jenkins, GitHub test reporters) render it: one `<testsuite>`
/// per scenario, one `<testcase>` per assertion, a `<failure message="…">` for each failed one,
/// `<skipped>` for a scenario with nothing to check, `<error>` for invalid input. Always valid
/// XML 1.0 whatever the names and messages hold (``JUnitXML/escape(_:)``).
///
/// ```swift
/// let xml = JUnitXML.render([JUnitXML.Suite(name: "converges", cases: [
///     JUnitXML.Case(name: "improves aitl adoption by ≥ 0.03", failure: nil, output: "0.1 [0.08, 0.12]")])])
/// ```
public enum JUnitXML {
    public struct Case: Sendable {
        public var name: String
        /// The one-line reason when the assertion failed; nil when it passed.
        public var failure: String?
        /// Shown as `<system-out>`: the measured value and interval.
        public var output: String
        /// Why nothing was checked (`<skipped message="…"/>`); nil when the case ran.
        public var skipped: String?
        public init(name: String, failure: String?, output: String, skipped: String? = nil) {
            self.name = name
            self.failure = failure
            self.output = output
            self.skipped = skipped
        }
    }
    public struct Suite: Sendable {
        public var name: String
        public var cases: [Case]
        /// Seconds the suite took (running or reusing the results).
        public var time: Double
        /// Set when the suite could not be evaluated at all (invalid input): an `<error>`.
        public var error: String?
        public init(name: String, cases: [Case], time: Double = 0, error: String? = nil) {
            self.name = name
            self.cases = cases
            self.time = time
            self.error = error
        }
    }

    public static func render(_ suites: [Suite]) -> String {
        let failures = suites.reduce(0) { $0 + $1.cases.filter { $0.failure != nil }.count }
        let errors = suites.filter { $0.error != nil }.count
        let skipped = suites.reduce(0) { $0 + $1.cases.filter { $0.skipped != nil }.count }
        let tests = suites.reduce(0) { $0 + $1.cases.count } + errors
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out +=
            "<testsuites name=\"flywheel check\" tests=\"\(tests)\" failures=\"\(failures)\" errors=\"\(errors)\" skipped=\"\(skipped)\">\n"
        for s in suites {
            let f = s.cases.filter { $0.failure != nil }.count
            let k = s.cases.filter { $0.skipped != nil }.count
            out +=
                "  <testsuite name=\"\(escape(s.name))\" tests=\"\(s.cases.count + (s.error == nil ? 0 : 1))\" failures=\"\(f)\" errors=\"\(s.error == nil ? 0 : 1)\" skipped=\"\(k)\" time=\"\(seconds(s.time))\">\n"
            if let error = s.error {
                out += "    <testcase classname=\"\(escape(s.name))\" name=\"scenario\">\n"
                out += "      <error message=\"\(escape(error))\">\(escape(error))</error>\n    </testcase>\n"
            }
            for c in s.cases {
                out += "    <testcase classname=\"\(escape(s.name))\" name=\"\(escape(c.name))\">\n"
                if let skipped = c.skipped {
                    out += "      <skipped message=\"\(escape(skipped))\"/>\n"
                }
                if let failure = c.failure {
                    out += "      <failure message=\"\(escape(failure))\">\(escape(failure))</failure>\n"
                }
                out += "      <system-out>\(escape(c.output))</system-out>\n    </testcase>\n"
            }
            out += "  </testsuite>\n"
        }
        return out + "</testsuites>\n"
    }

    static func seconds(_ t: Double) -> String {
        String((t * 1000).rounded() / 1000)
    }
}
