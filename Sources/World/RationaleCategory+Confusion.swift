import FlywheelCore

extension RationaleCategory {
    /// The categories an agent plausibly gives instead of this one when it misjudges why a
    /// reply failed. Reasoning: a wrong fact reads as outdated or incomplete; a missing fact as
    /// an off-topic or wrong reply; an off-topic reply as missing information; style problems
    /// blur into each other; `other` is where anything vague lands.
    public var confusable: [RationaleCategory] {
        switch self {
        case .incorrectInformation: [.outdated, .missingInformation, .irrelevant]
        case .missingInformation: [.irrelevant, .incorrectInformation, .other]
        case .irrelevant: [.missingInformation, .incorrectInformation, .other]
        case .outdated: [.incorrectInformation, .missingInformation]
        case .toneOrStyle: [.tooLong, .other]
        case .tooLong: [.toneOrStyle, .irrelevant]
        case .other: [.toneOrStyle, .irrelevant, .missingInformation]
        }
    }
}

/// Short free-text reasons an agent types, by category (filled in with nothing ticket-specific,
/// so they never leak truth beyond the category).
enum RationaleTemplates {
    static func texts(for category: RationaleCategory) -> [String] {
        switch category {
        case .incorrectInformation:
            [
                "The policy details are wrong.", "This quotes the wrong value for the policy.",
                "Suggestion contradicts our current policy."
            ]
        case .missingInformation:
            [
                "Leaves out what the customer actually asked.", "Missing key steps.",
                "Incomplete, had to add the main answer."
            ]
        case .irrelevant:
            ["Talks about a different issue.", "Not related to the question.", "Pulled in the wrong article."]
        case .outdated:
            ["This is the old policy.", "Out of date information."]
        case .toneOrStyle:
            ["Tone does not fit this customer.", "Too stiff, rewrote it.", "Wording needed a rewrite."]
        case .tooLong:
            ["Far too long for this question.", "Cut it down by half.", "Too wordy."]
        case .other:
            ["Rewrote it my way.", "Other."]
        }
    }

    static func text(for category: RationaleCategory, rng: inout RandomStream) -> String {
        let options = texts(for: category)
        return options[rng.int(below: options.count)]
    }
}
