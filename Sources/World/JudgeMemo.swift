import FlywheelCore

/// What the judge needs of one text, computed once: its ``ContentTokens`` and its ASCII word
/// count (a class, so handing it out of the memo copies one reference, not four collections).
final class JudgedText: Sendable {
    let tokens: ContentTokens
    /// ``Judge/asciiWordCount(_:)`` of the text: nil when it has a non-ASCII byte.
    let asciiWords: Int?

    init(_ text: String) {
        tokens = ContentTokens(text)
        asciiWords = Judge.asciiWordCount(text)
    }
}

/// A memo of ``JudgedText`` by text, for the texts the judge sees again and again: article
/// sentences (replies are extractive, and every reply is judged several times — by the agent,
/// by the quality filter's audit, by evaluation) and nugget texts (shared by many tickets). Both
/// parts are pure functions of the text, so sharing the memo changes no result. One run owns
/// one (its `RunCaches`) and gives it to its judge; it is freed when the run ends.
public final class JudgeMemo: Sendable {
    let judged: PureMemo<JudgedText>
    /// `shardCapacity`: texts per shard and generation (``PureMemo``).
    public init(shardCapacity: Int = 16_384) {
        judged = PureMemo<JudgedText>(shardCapacity: shardCapacity) { JudgedText($0) }
    }
}
