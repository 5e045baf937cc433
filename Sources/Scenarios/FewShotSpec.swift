import LLM
import World

/// `system.generator.few_shot`: how the OpenAI generator learns in context from endorsed replies
/// and what it puts in a prompt. Defaults are `OpenAIGenerator.Settings`'s, read from it.
public struct FewShotSpec: Codable, Sendable, Hashable {
    public var examples = OpenAIGenerator.Settings().examples
    public var memory = OpenAIGenerator.Settings().memory
    public var articles = OpenAIGenerator.Settings().articles
    public var articleChars = OpenAIGenerator.Settings().articleCharacters
    public init() {}
    enum CodingKeys: String, CodingKey, CaseIterable {
        case examples, memory, articles
        case articleChars = "article_chars"
    }
    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = FewShotSpec()
        examples = try c.decodeIfPresent(Int.self, forKey: .examples) ?? d.examples
        try decoder.require(examples, in: 0...20, "examples")
        memory = try c.decodeIfPresent(Int.self, forKey: .memory) ?? d.memory
        try decoder.require(memory, in: 0...100_000, "memory")
        articles = try c.decodeIfPresent(Int.self, forKey: .articles) ?? d.articles
        try decoder.require(articles, in: 0...100, "articles")
        articleChars = try c.decodeIfPresent(Int.self, forKey: .articleChars) ?? d.articleChars
        try decoder.require(articleChars, in: 0...100_000, "article_chars")
    }

    /// The generator's settings: these keys and the `openai:` block's prompts.
    func settings(prompts openai: OpenAISpec) -> OpenAIGenerator.Settings {
        var s = OpenAIGenerator.Settings()
        s.examples = examples
        s.memory = memory
        s.articles = articles
        s.articleCharacters = articleChars
        if let text = openai.systemPrompt { s.systemPrompt = PromptTemplate(text) }
        if let text = openai.userPrompt { s.userPrompt = PromptTemplate(text) }
        return s
    }
}
