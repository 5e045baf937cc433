import FlywheelCore
import Testing

@testable import Scenarios

/// The `kind: openai` keys of the generator and the judge: each mistake gets one exact error
/// naming its key path and what is allowed.
@Suite struct BadLLMScenarioTests {
    typealias Case = InputErrorCase
    static let endpoint = "base_url: 'http://127.0.0.1:8080/v1', model: m"

    static let cases: [Case] = [
        Case(
            yaml: "system: {generator: {kind: gpt}}", field: "system.generator.kind",
            message: "'gpt' is not one of: builtin, process, openai"),
        Case(yaml: "judge: {kind: human}", field: "judge.kind", message: "'human' is not one of: builtin, openai"),
        Case(
            yaml: "system: {generator: {kind: openai}}", field: "system.generator.openai",
            message: "kind: openai needs an openai: block (base_url, model)"),
        Case(
            yaml: "judge: {openai: {\(endpoint)}}", field: "judge.openai",
            message: "is only read with kind: openai; set kind: openai or remove the block"),
        Case(
            yaml: "system: {generator: {kind: openai, openai: {\(endpoint), modle: x}}}",
            field: "system.generator.openai.modle",
            message:
                "unknown key 'modle'; did you mean 'model'? Valid keys: base_url, model, api_key_env, max_tokens, temperature, concurrency, retries, timeout, budget, system_prompt, user_prompt"
        ),
        Case(
            yaml: "system: {generator: {kind: openai, openai: {base_url: 'ftp://x', model: m}}}",
            field: "system.generator.openai.base_url",
            message: "'ftp://x' is not an http(s) URL such as http://127.0.0.1:8080/v1"),
        Case(
            yaml: "judge: {kind: openai, openai: {base_url: 'http://x/v1'}}", field: "judge.openai.model",
            message: "required key is missing"),
        Case(
            yaml: "judge: {kind: openai, openai: {\(endpoint), temperature: 3}}", field: "judge.openai.temperature",
            message: "3.0 is out of range; allowed: 0.0…2.0"),
        Case(
            yaml: "judge: {kind: openai, openai: {\(endpoint), budget: {request: 5}}}",
            field: "judge.openai.budget.request",
            message: "unknown key 'request'; did you mean 'requests'? Valid keys: requests, tokens"),
        Case(
            yaml: "judge: {kind: openai, openai: {\(endpoint), user_prompt: 'Grade {{reply}} for {{articles}}'}}",
            field: "judge.openai.user_prompt",
            message: "unknown placeholder '{{articles}}'; the judge fills: {{ticket}}, {{reply}}, {{reference}}"),
        Case(
            yaml: "system: {generator: {few_shot: {examples: 50}}}", field: "system.generator.few_shot.examples",
            message: "50 is out of range; allowed: 0…20"),
        Case(
            yaml: "system: {generator: {candidate: 3}}", field: "system.generator.candidate",
            message:
                "unknown key 'candidate'; did you mean 'candidates'? Valid keys: kind, candidates, exploration, reward_l2, reward_half_life, prior_words, process, openai, few_shot"
        )
    ]

    @Test(arguments: cases)
    func badLLMScenarioIsRejectedWithItsKeyPath(_ c: Case) {
        c.expectRejected { yaml, file in try ScenarioLoader.decode(yaml, file: file) }
    }

    @Test func anOpenAIGeneratorAndJudgeLoad() throws {
        let scenario = try ScenarioLoader.decode(
            "system: {generator: {kind: openai, openai: {\(Self.endpoint), api_key_env: KEY}}}\njudge: {kind: openai, openai: {\(Self.endpoint)}}",
            file: "s.yaml")
        #expect(scenario.system.generator.kind == .openai)
        #expect(scenario.system.generator.openai?.apiKeyEnv == "KEY")
        #expect(scenario.judge.kind == .openai)
        #expect(Set(scenario.llmBlocks.keys) == [.generator, .judge])
    }
}
