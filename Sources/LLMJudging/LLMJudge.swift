import FlywheelCore
import Foundation
import LLM
import World
import WorldTruth

/// The offline evaluation's helpfulness from an LLM: it sees the ticket, the reply and the
/// world's nuggets (or reference reply) and must answer with one score 1–5 (``parse(_:)``).
/// A malformed answer is asked again up to ``LLMEndpoint/retries`` times, each retry with its own
/// seed and a sampling temperature of at least ``retryTemperature`` (a repeat of the same
/// request would get the same recorded answer); if every answer is malformed the reply gets no
/// score and the evaluation counts it (`judge_malformed`).
public struct LLMJudge: HelpfulnessScorer {
    public struct Settings: Sendable, Hashable {
        public var systemPrompt = PromptTemplate(
            "You grade customer support replies. Answer with one digit from 1 (useless) to 5 (fully helpful) and nothing else."
        )
        public var userPrompt = PromptTemplate(
            "Customer message:\n{{ticket}}\n\nFacts a good reply states:\n{{reference}}\n\nReply to grade:\n{{reply}}\n\nScore (1-5):"
        )
        public init() {}
    }

    static let retryTemperature = 0.7

    public let settings: Settings
    let endpoint: LLMEndpoint
    let service: LLMService

    public init(settings: Settings, endpoint: LLMEndpoint, service: LLMService) {
        self.settings = settings
        self.endpoint = endpoint
        self.service = service
    }

    public func helpfulness(of reply: Reply, for ticket: Ticket, truth: TicketTruth, rng: inout RandomStream) -> Double?
    {
        let reference =
            truth.nuggets.isEmpty
            ? (truth.referenceResponse ?? "(none given)")
            : truth.nuggets.map { "- " + $0.text }.joined(separator: "\n")
        let values: [PromptTemplate.Slot: String] = [
            .ticket: ticket.text, .reply: reply.text.isEmpty ? "(empty reply)" : reply.text, .reference: reference
        ]
        let messages = [
            ChatMessage(role: .system, content: settings.systemPrompt.render(values)),
            ChatMessage(role: .user, content: settings.userPrompt.render(values))
        ]
        let seed = rng.next() >> 1
        for attempt in 0...endpoint.retries {
            let request = ChatRequest(
                model: endpoint.model, messages: messages, maxTokens: endpoint.maxTokens,
                temperature: attempt == 0 ? endpoint.temperature : max(endpoint.temperature, Self.retryTemperature),
                seed: seed &+ UInt64(attempt))
            guard
                let answer = service.complete(
                    request, role: .judge, purpose: "judge for ticket \(ticket.id.rawValue), attempt \(attempt + 1)")
            else { return nil }
            if let score = Self.parse(answer.content) { return score }
        }
        return nil
    }

    /// The score in an answer that says only a score: one digit 1–5, optionally written
    /// `Score: 4`, `4/5` or `4.`, with surrounding white space; nil for anything else.
    public static func parse(_ answer: String) -> Double? {
        var text = Substring(answer.trimmingCharacters(in: .whitespacesAndNewlines).lowercased())
        if text.hasPrefix("score") {
            text = text.dropFirst(5).drop { $0 == ":" || $0 == " " || $0 == "=" }
        }
        for suffix in ["/5", ".", " / 5"] where text.hasSuffix(suffix) {
            text = text.dropLast(suffix.count)
            break
        }
        guard text.count == 1, let digit = text.first?.wholeNumberValue, (1...5).contains(digit) else { return nil }
        return Double(digit)
    }
}
