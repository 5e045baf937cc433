import FlywheelTestSupport
import Foundation
import Testing

@testable import Reports

@Suite struct JUnitXMLTests {
    @Test func suitesCasesAndFailuresAreWellFormedXML() {
        let xml = JUnitXML.render([
            .init(
                name: "converges",
                cases: [
                    .init(name: "improves aitl adoption by ≥ 0.03 vs frozen", failure: nil, output: "0.1 [0.08, 0.12]"),
                    .init(name: "at_least <aitl> & \"x\"", failure: "value 0.1 < 0.2 'q'", output: "0.1")
                ]),
            .init(name: "random-labels", cases: [], error: "bad.yaml: expect[0]: unknown key")
        ])
        let (ok, r) = JUnitReader.read(Data(xml.utf8))
        #expect(ok)
        #expect(r.counts["testsuites"] == 1 && r.counts["testsuite"] == 2 && r.counts["testcase"] == 3)
        #expect(r.failures == ["value 0.1 < 0.2 'q'"])
        #expect(r.counts["error"] == 1)
        #expect(r.suiteNames == ["converges", "random-labels"])
        #expect(xml.contains("failures=\"1\" errors=\"1\""))
    }

    /// XML 1.0 forbids most control characters even as character references; names and
    /// messages come from user files, so they must never break the report.
    @Test func controlCharactersInNamesAndMessagesStillGiveWellFormedXML() {
        let xml = JUnitXML.render([
            .init(
                name: "arm\u{1B}[31m",
                cases: [
                    .init(name: "at_least a\u{0}b\u{7}", failure: "line 1\nline 2\u{FFFE}", output: "\u{8}x\ty")
                ]),
            .init(name: "bad", cases: [], error: "bad.yaml: field \"arms.\u{1B}x\": unknown key")
        ])
        let (ok, r) = JUnitReader.read(Data(xml.utf8))
        #expect(ok)
        #expect(!xml.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
        #expect(r.suiteNames == ["arm\u{FFFD}[31m", "bad"])
        #expect(r.caseNames.contains("at_least a\u{FFFD}b\u{FFFD}"))
        #expect(r.failures == ["line 1\nline 2\u{FFFD}"])  // the newline survives as &#10;
        #expect(r.errors == ["bad.yaml: field \"arms.\u{FFFD}x\": unknown key"])
    }

    @Test func aSkippedCaseIsCountedAsSkipped() {
        let xml = JUnitXML.render([
            .init(
                name: "empty",
                cases: [.init(name: "expect", failure: nil, output: "none", skipped: "no expect: assertions")])
        ])
        let (ok, r) = JUnitReader.read(Data(xml.utf8))
        #expect(ok && r.skipped == ["no expect: assertions"] && r.failures.isEmpty)
        #expect(xml.contains("skipped=\"1\""))
    }
}
