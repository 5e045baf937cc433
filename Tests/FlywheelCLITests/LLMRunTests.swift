import Foundation
import Testing
import FlywheelTestSupport

/// `flywheel run` with an `openai` generator and judge: the committed SmolLM2 recording
/// (`make llm-check`) replays offline to byte-identical metrics — with SmolLM2 as the judge
/// too, and with the builtin world judge (`llm-generator-builtin-judge.yaml`: the same
/// generator prompts, so the same cache) — and a missing API key or an unreachable endpoint
/// fails fast with exit 2 and one line.
@Suite struct LLMRunTests {
    static let examples = Repository.rootPath + "/scenarios/examples/"
    static let cache = examples + "llm-generator.cache.jsonl.zst"

    @Test(arguments: ["llm-generator", "llm-generator-builtin-judge"])
    func theCommittedSmolLM2RecordingReplaysToTheExpectedMetrics(name: String) throws {
        let scenario = Self.examples + name + ".yaml"
        let expected = Self.examples + name + ".expected-metrics.csv"
        guard FileManager.default.fileExists(atPath: Self.cache) else {
            print("skipped: no recorded cache at \(Self.cache) (make llm-check records one)")
            return
        }
        let fixture = try CLIFixture("llm-replay-\(name)")
        defer { fixture.cleanUp() }
        for jobs in ["1", "2"] {
            let out = fixture.directory + "/jobs-\(jobs)"
            let (status, _, stderr) = try CLIFixture.run(
                [
                    "run", scenario, "--out", out, "--quiet", "--no-report", "--jobs", jobs,
                    "--llm-cache", "replay", "--llm-cache-file", Self.cache,
                    "--llm-base-url", "http://127.0.0.1:9/v1"  // nothing listens: replay asks no server
                ],
                in: Repository.rootPath)
            #expect(status == 0, "replay failed: \(stderr)")
            let metrics = FileManager.default.contents(atPath: out + "/metrics.csv")
            #expect(metrics != nil)
            #expect(
                metrics == FileManager.default.contents(atPath: expected),
                "\(name): metrics.csv differs with --jobs \(jobs)")
        }
    }

    func scenario(_ fixture: CLIFixture, generator: String) throws -> String {
        try fixture.scenario(
            "llm",
            extra: """
                system:
                  generator:
                    kind: openai
                    openai: {\(generator)}
                """)
    }

    @Test func aMissingKeyFailsFastWithOneLine() throws {
        let fixture = try CLIFixture("llm-key")
        defer { fixture.cleanUp() }
        let path = try scenario(
            fixture, generator: "base_url: 'http://127.0.0.1:9/v1', model: m, api_key_env: FLYWHEEL_TEST_NO_SUCH_KEY")
        let (status, _, stderr) = try CLIFixture.run(["run", path, "--out", fixture.directory + "/out", "--quiet"])
        #expect(status == 2)
        #expect(
            stderr
                == "error: field \"system.generator.openai.api_key_env\": the environment variable FLYWHEEL_TEST_NO_SUCH_KEY is not set\n"
        )
        #expect(!FileManager.default.fileExists(atPath: fixture.directory + "/out/metrics.csv"))
    }

    @Test func anUnreachableEndpointFailsFastWithOneLine() throws {
        let fixture = try CLIFixture("llm-endpoint")
        defer { fixture.cleanUp() }
        let path = try scenario(
            fixture, generator: "base_url: 'http://127.0.0.1:9/v1', model: m, api_key_env: FLYWHEEL_TEST_KEY")
        let started = Date()
        let (status, _, stderr) = try CLIFixture.run(
            ["run", path, "--out", fixture.directory + "/out", "--quiet"],
            environment: ["FLYWHEEL_TEST_KEY": "secret-value-123"])
        #expect(status == 2)
        #expect(
            stderr.hasPrefix("error: field \"system.generator.openai.base_url\": cannot reach http://127.0.0.1:9/v1"))
        #expect(stderr.split(separator: "\n").count == 1)
        #expect(!stderr.contains("secret-value-123"))
        #expect(Date().timeIntervalSince(started) < 30)
        #expect(!FileManager.default.fileExists(atPath: fixture.directory + "/out/metrics.csv"))
    }

    @Test func replayWithoutTheCacheFileFailsWithOneLine() throws {
        let fixture = try CLIFixture("llm-nocache")
        defer { fixture.cleanUp() }
        let path = try scenario(fixture, generator: "base_url: 'http://127.0.0.1:9/v1', model: m")
        let (status, _, stderr) = try CLIFixture.run(
            ["run", path, "--out", fixture.directory + "/out", "--quiet", "--llm-cache", "replay"])
        #expect(status == 2)
        #expect(stderr.contains("llm-cache.jsonl.zst: no LLM cache to replay"))
        #expect(stderr.split(separator: "\n").count == 1)
    }
}
