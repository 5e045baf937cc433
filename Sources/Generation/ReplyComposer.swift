import FlywheelCore

/// Frames selected sentences into a reply: a greeting and a closing in the reply's tone, the
/// sentences in reading order (by article rank, then position in the article), duplicates of
/// the same text dropped.
public enum ReplyComposer {
    public static func greeting(_ tone: Reply.Tone) -> String {
        switch tone {
        case .formal: "Dear customer, thank you for contacting us."
        case .friendly: "Hi there, thanks for reaching out!"
        case .brief: "Hi,"
        }
    }

    public static func closing(_ tone: Reply.Tone) -> String {
        switch tone {
        case .formal: "Kind regards, Customer Support."
        case .friendly: "Hope this helps, and let us know if there is anything else!"
        case .brief: "Thanks."
        }
    }

    /// The reply made of `sentences` in `tone`.
    public static func compose(_ sentences: [Reply.Sentence], tone: Reply.Tone) -> Reply {
        // a reply has a handful of sentences: a linear scan finds repeated texts without hashing
        var ordered: [Reply.Sentence] = []
        ordered.reserveCapacity(sentences.count)
        for s in sentences.sorted(by: { ($0.articleRank, $0.position) < ($1.articleRank, $1.position) })
        where !ordered.contains(where: { $0.text == s.text }) {
            ordered.append(s)
        }
        return Reply(greeting: greeting(tone), sentences: ordered, closing: closing(tone), tone: tone)
    }
}
