import Foundation

/// A prompt with `{{slot}}` placeholders, filled per request. Which slots a role may use is a
/// closed vocabulary (``Slot``); ``unknownSlots(in:for:)`` lets the scenario loader reject a
/// template naming any other.
///
/// ```swift
/// PromptTemplate("Customer: {{ticket}}").render([.ticket: "My card was charged twice."])
/// ```
public struct PromptTemplate: Sendable, Hashable {
    public enum Slot: String, CaseIterable, Sendable {
        /// The ticket's text.
        case ticket
        /// The top articles, numbered, title and (cut) body.
        case articles
        /// Learned few-shot examples (empty before any are learned).
        case examples
        /// The reply to grade (judge).
        case reply
        /// The world's nuggets, one per line, or its reference reply (judge).
        case reference

        /// The slots `role`'s templates may use.
        public static func allowed(for role: LLMRole) -> [Slot] {
            switch role {
            case .generator: [.ticket, .articles, .examples]
            case .judge: [.ticket, .reply, .reference]
            }
        }
    }

    public var text: String
    public init(_ text: String) { self.text = text }

    /// `text` with each `{{slot}}` replaced by its value (an empty string when absent).
    public func render(_ values: [Slot: String]) -> String {
        var out = text
        for slot in Slot.allCases where out.contains("{{\(slot.rawValue)}}") {
            out = out.replacingOccurrences(of: "{{\(slot.rawValue)}}", with: values[slot] ?? "")
        }
        return out
    }

    /// The `{{…}}` names in `text` that `role` may not use, in order of appearance.
    public static func unknownSlots(in text: String, for role: LLMRole) -> [String] {
        let allowed = Set(Slot.allowed(for: role).map(\.rawValue))
        var unknown: [String] = []
        var rest = Substring(text)
        while let open = rest.range(of: "{{") {
            guard let close = rest[open.upperBound...].range(of: "}}") else { break }
            let name = String(rest[open.upperBound..<close.lowerBound])
            if !allowed.contains(name) { unknown.append(name) }
            rest = rest[close.upperBound...]
        }
        return unknown
    }
}
