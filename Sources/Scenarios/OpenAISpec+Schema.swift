import FlywheelCore
import World
import LLM

extension OpenAISpec {
    /// The `openai:` block's schema; `role` names who uses it in the descriptions.
    static func schema(for role: String) -> SchemaNode {
        .object(
            "The OpenAI-compatible chat completions endpoint of the \(role) (read when `kind: openai`; required then). See docs/llm.md.",
            CodingKeys.self, defaults: OpenAISpec(), required: [.baseURL, .model],
            [
                .baseURL: .string(
                    "Base URL up to the API version, e.g. `http://127.0.0.1:8080/v1`; requests go to `<base_url>/chat/completions` (`flywheel run --llm-base-url` overrides it)."
                ),
                .model: .string("The model name sent with each request."),
                .apiKeyEnv: .string(
                    "Name of the environment variable holding the API key (sent as a bearer token; never stored or logged). Absent: no key is sent."
                ),
                .maxTokens: .integer("Most tokens per answer.", 1...100_000),
                .temperature: .number("Sampling temperature.", 0...2),
                .concurrency: .integer("Requests in flight at once, over every job of the run.", 1...256),
                .retries: .integer(
                    "Extra attempts after a 429, a 5xx, a timeout or an unreadable answer, with exponential backoff and jitter (the judge also re-asks this often after a malformed score).",
                    0...20),
                .timeout: .number("Seconds one attempt may take.", 1...3600),
                .budget: .object(
                    "Most the run may spend at this endpoint; the run ends (exit 2) at the request that would exceed it. Recorded answers are free.",
                    Budget.CodingKeys.self, defaults: Budget(),
                    [
                        .requests: .integer("Requests sent per run.", 1...100_000_000),
                        .tokens: .integer(
                            "Tokens (prompt + completion, as the server reports them) per run.", 1...100_000_000_000)
                    ]),
                .systemPrompt: .string(
                    "System message template (default: the built-in prompt in docs/llm.md). Placeholders: the generator fills {{ticket}}, {{articles}}, {{examples}}; the judge {{ticket}}, {{reply}}, {{reference}}."
                ),
                .userPrompt: .string(
                    "User message template (default: the built-in prompt in docs/llm.md); placeholders as for `system_prompt`."
                )
            ])
    }
}

extension FewShotSpec: SchemaDescribed {
    static var schema: SchemaNode {
        .object(
            "How the `openai` generator learns in context: replies agents used as-is or preferred become few-shot examples in later prompts.",
            CodingKeys.self, defaults: FewShotSpec(),
            [
                .examples: .integer(
                    "Learned examples in each prompt (suggestion A gets the most similar, challenger B the next ones).",
                    0...20),
                .memory: .integer("Learned examples kept (the newest).", 0...100_000),
                .articles: .integer("Shown articles put in the prompt, best first.", 0...100),
                .articleChars: .integer("Characters of each article's body put in the prompt.", 0...100_000)
            ])
    }
}

/// `kind: openai` needs an `openai:` block, and an `openai:` block needs `kind: openai` (it would
/// otherwise be silently ignored).
func checkKind(_ isOpenAI: Bool, _ hasBlock: Bool, _ decoder: any Decoder) throws {
    if isOpenAI && !hasBlock {
        try decoder.report(
            path: decoder.keyPath + ["openai"], message: "kind: openai needs an openai: block (base_url, model)")
    }
    if !isOpenAI && hasBlock {
        try decoder.report(
            path: decoder.keyPath + ["openai"],
            message: "is only read with kind: openai; set kind: openai or remove the block")
    }
}
