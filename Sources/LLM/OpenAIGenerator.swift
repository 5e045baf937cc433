import FlywheelCore
import Foundation

/// A reply generator behind an OpenAI-compatible chat completions endpoint.
///
/// For each ticket it sends the ticket and the top ``Settings/articles`` shown articles (bodies
/// cut to ``Settings/articleCharacters``) through the scenario's prompt templates, twice:
/// suggestion A with the ``Settings/examples`` learned examples most similar to the ticket, and
/// challenger B with the next ones (and its own sampling seed), so a preference between them
/// says which examples help. Each answer becomes a ``Reply`` whose sentences are attributed to
/// the articles they quote (``ReplyAttribution``).
///
/// It learns in context, not in its weights: retraining adds the replies agents endorsed to its
/// ``FewShotMemory`` (see there). Seeds come from the ticket's own random stream, so arms that
/// show the same prompt send the same request and share its recorded answer.
public struct OpenAIGenerator: LearningGenerator {
    public struct Settings: Sendable, Hashable {
        public var systemPrompt = PromptTemplate(
            "You are a customer support agent. Answer the customer using only the knowledge base articles given. "
                + "Write two to four short sentences. Do not invent facts.")
        public var userPrompt = PromptTemplate(
            "{{examples}}Knowledge base articles:\n{{articles}}\n\nCustomer message:\n{{ticket}}\n\nReply:")
        /// Learned examples shown in a prompt.
        public var examples = 2
        /// Learned examples kept (the newest).
        public var memory = 200
        /// Shown articles put in the prompt (best first).
        public var articles = 3
        /// Characters of each article's body put in the prompt.
        public var articleCharacters = 600
        public init() {}
    }

    public let settings: Settings
    let model: String
    let maxTokens: Int
    let temperature: Double
    /// Tickets a batch sends at once (the endpoint's `concurrency`).
    let concurrency: Int
    let service: LLMService
    var memory: FewShotMemory

    public init(settings: Settings, endpoint: LLMEndpoint, service: LLMService) {
        self.settings = settings
        self.model = endpoint.model
        self.maxTokens = endpoint.maxTokens
        self.temperature = endpoint.temperature
        self.concurrency = endpoint.concurrency
        self.service = service
        self.memory = FewShotMemory(capacity: settings.memory)
    }

    /// Every suggestion asks the run's ``LLMService`` (budgets, failure latch, recording).
    public var callsOutsideService: Bool { true }

    /// How many examples it has learned.
    public var learnedExamples: Int { memory.examples.count }

    /// Throws the run-ending failure (a replay miss, a spent budget, an endpoint that kept
    /// failing) as an ``InputError``.
    public func suggest(for ticket: Ticket, articles: [Article], rng: inout RandomStream) throws -> (a: Reply, b: Reply)
    {
        let shown = Array(articles.prefix(settings.articles))
        let seedA = rng.next() >> 1
        let seedB = rng.next() >> 1
        let a = try reply(
            ticket, shown, examples: memory.examples(for: ticket, skip: 0, count: settings.examples), seed: seedA,
            label: "A")
        let b = try reply(
            ticket, shown, examples: memory.examples(for: ticket, skip: settings.examples, count: settings.examples),
            seed: seedB, label: "B")
        return (a, b)
    }

    public func retrained(with batch: TrainingBatch) -> OpenAIGenerator {
        var copy = self
        copy.memory = memory.learning(from: batch)
        return copy
    }

    /// The request for one suggestion.
    func request(_ ticket: Ticket, _ articles: [Article], examples: [FewShotMemory.Example], seed: UInt64)
        -> ChatRequest
    {
        let articleText = articles.enumerated().map { i, article in
            "[\(i + 1)] \(article.title)\n\(Self.cut(article.body, to: settings.articleCharacters))"
        }.joined(separator: "\n\n")
        let exampleText = examples.map {
            "Example customer message:\n\($0.ticketText)\nExample reply:\n\($0.replyText)\n\n"
        }.joined()
        let values: [PromptTemplate.Slot: String] = [
            .ticket: ticket.text, .articles: articleText, .examples: exampleText
        ]
        return ChatRequest(
            model: model,
            messages: [
                ChatMessage(role: .system, content: settings.systemPrompt.render(values)),
                ChatMessage(role: .user, content: settings.userPrompt.render(values))
            ],
            maxTokens: maxTokens, temperature: temperature, seed: seed)
    }

    func reply(_ ticket: Ticket, _ articles: [Article], examples: [FewShotMemory.Example], seed: UInt64, label: String)
        throws -> Reply
    {
        let request = request(ticket, articles, examples: examples, seed: seed)
        let purpose = "generator \(label) for ticket \(ticket.id.rawValue)"
        guard let answer = service.complete(request, role: .generator, purpose: purpose) else {
            // nil only after a failure, which the service latched (the first of the run)
            try service.throwIfFailed()
            throw InputError(field: LLMRole.generator.keyPath, "no answer to \(purpose)")
        }
        return ReplyAttribution.reply(
            from: answer.content.trimmingCharacters(in: .whitespacesAndNewlines), articles: articles)
    }

    /// `text` cut at the last space before `limit` characters (whole when shorter).
    static func cut(_ text: String, to limit: Int) -> String {
        guard text.count > limit else { return text }
        let head = text.prefix(limit)
        return String(head[..<(head.lastIndex(of: " ") ?? head.endIndex)]) + " …"
    }
}
