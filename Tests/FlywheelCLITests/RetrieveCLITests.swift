import Evaluation
import Foundation
import Testing
import FlywheelTestSupport

/// `flywheel retrieve` scores tickets as it streams them: what it prints equals `evaluate` over
/// the run and qrels files it writes (read back), and a manifest whose ticket count disagrees
/// with the ticket file is refused with the key named. Tiny corpus (150 articles, 1,200 tickets).
@Suite struct RetrieveCLITests {
    /// The four printed means, by metric name.
    static func means(_ stdout: String) -> [String: Double] {
        var out: [String: Double] = [:]
        for line in stdout.split(separator: "\n").dropFirst() {
            let parts = line.split(separator: " ", omittingEmptySubsequences: true)
            if parts.count == 2, let v = Double(parts[1]) { out[String(parts[0])] = v }
        }
        return out
    }

    @Test(arguments: ["all", "test"])
    func printedMeansEqualEvaluatingTheWrittenFiles(split: String) throws {
        guard BuiltExecutable.flywheel != nil else { return }
        let fixture = try CLIFixture("retrieve")
        defer { fixture.cleanUp() }
        let runPath = fixture.directory + "/bm25.run", qrelsPath = fixture.directory + "/qrels.txt"
        let (status, out, err) = try CLIFixture.run([
            "retrieve", CLIFixture.corpus, "--split", split, "--run-out", runPath, "--qrels-out", qrelsPath
        ])
        #expect(status == 0, "\(err)")
        let selected = split == "all" ? 1_200 : 60  // the last 5%
        #expect(out.contains("split \(split): \(selected) tickets"), "\(out)")
        let report = evaluate(
            run: try Run(contentsOfTRECFile: runPath), qrels: try Qrels(contentsOfTRECFile: qrelsPath),
            metrics: [.recall75, .precision8, .ndcg10, .mrr])
        #expect(out.contains("\(report.tickets.count) with a relevant article"))
        let printed = Self.means(out)
        #expect(printed.count == 4)
        for metric in report.metrics {
            let value = try #require(printed[metric.rawValue], "\(metric.rawValue) in \(out)")
            #expect(value == Double(String(format: "%.4f", report.mean(metric))), "\(metric.rawValue)")
        }
    }

    @Test func aManifestCountingOtherTicketsIsRefusedNamingTheKey() throws {
        guard BuiltExecutable.flywheel != nil else { return }
        let fixture = try CLIFixture("retrieve-count")
        defer { fixture.cleanUp() }
        let copy = fixture.directory + "/corpus"
        try FileManager.default.copyItem(atPath: CLIFixture.corpus, toPath: copy)
        let manifest = copy + "/manifest.json"
        let text = try String(contentsOfFile: manifest, encoding: .utf8)
        #expect(text.contains("\"tickets\" : 1200"))
        try text.replacingOccurrences(of: "\"tickets\" : 1200", with: "\"tickets\" : 1300")
            .write(toFile: manifest, atomically: true, encoding: .utf8)
        let (status, out, err) = try CLIFixture.run(["retrieve", copy, "--split", "all"])
        #expect(status == 2, "\(out)")
        #expect(err.contains("manifest.json") && err.contains("counts.tickets"), "\(err)")
        #expect(err.contains("1300") && err.contains("1200"), "\(err)")
        #expect(!out.contains("recall"))
    }
}
