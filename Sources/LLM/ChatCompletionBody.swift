import Foundation

/// The parts of an OpenAI chat completion response Flywheel reads: the first choice's message
/// and the usage counts.
struct ChatCompletionBody: Decodable {
    struct Choice: Decodable {
        struct Message: Decodable { var content: String? }
        var message: Message
    }
    struct Usage: Decodable {
        var promptTokens: Int?
        var completionTokens: Int?
        enum CodingKeys: String, CodingKey {
            case promptTokens = "prompt_tokens"
            case completionTokens = "completion_tokens"
        }
    }
    var choices: [Choice]
    var usage: Usage?

    /// The answer in `data`, or why it is not a chat completion.
    static func answer(from data: Data) -> Result<ChatAnswer, LLMCallError> {
        let body: ChatCompletionBody
        do {
            body = try JSONDecoder().decode(ChatCompletionBody.self, from: data)
        } catch {
            let start = String(decoding: data.prefix(80), as: UTF8.self)
            return .failure(.malformed("\(data.count) bytes starting \(start.debugDescription)"))
        }
        guard let content = body.choices.first?.message.content else {
            return .failure(.malformed("no choices[0].message.content"))
        }
        return .success(
            ChatAnswer(
                content: content, promptTokens: body.usage?.promptTokens ?? 0,
                completionTokens: body.usage?.completionTokens ?? 0))
    }
}
