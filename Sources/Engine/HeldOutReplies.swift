import FlywheelCore

/// What the offline evaluation generated and judged for each held-out ticket, kept for the next
/// evaluation of the same job.
///
/// A held-out ticket's replies are a pure function of the deployed generator, the ticket, the
/// articles shown (the reranked list's first ``EngineConfig/rerankDepth``) and its
/// `eval-generate` stream, keyed by seed, replicate and ticket — never by the week. Its judged
/// outcome (the builtin judge's helpfulness of reply A, whether the evaluation panel adopts it)
/// is a pure function of those replies, the shown articles and streams keyed the same way. So
/// when the deployed generator's version and a ticket's shown articles are those of the last
/// evaluation, the replies and outcome are the same and are reused; only the ranking metrics,
/// which read the whole lists, are computed again. In an `aitl` arm every publication changes
/// the first stage (so the weekly evaluation is not skipped as a whole), but most tickets' top
/// articles stay the same, and the deploy gate refuses most generator candidates.
///
/// A generator that calls something outside (``ReplyGenerator/callsOutsideService``: an
/// endpoint with a budget, a plugin, a recording) is always asked again.
struct HeldOutReplies {
    struct Kept {
        var shown: [ArticleID]
        var replies: (a: Reply, b: Reply)
        /// The builtin judge's helpfulness of reply A (nil when a scorer grades it instead).
        var helpfulness: Double?
        var adopted: Bool
    }

    /// The deployed generator's version when `kept` was generated.
    private var generatorVersion = -1
    /// By held-out index; nil where nothing is kept.
    private var kept: [Kept?] = []

    /// For each held-out ticket (by index), what can be reused given the articles now shown
    /// and the deployed generator, or nil where it must be generated and judged again.
    func reusable(shown: [[ArticleID]], generatorVersion: Int, generator: any ReplyGenerator) -> [Kept?] {
        guard generatorVersion == self.generatorVersion, !generator.callsOutsideService, kept.count == shown.count
        else { return Array(repeating: nil, count: shown.count) }
        return shown.indices.map { i in kept[i].flatMap { $0.shown == shown[i] ? $0 : nil } }
    }

    /// Keeps what was generated and judged afresh at this evaluation (`count` held-out tickets
    /// in all); a new generator version drops everything kept before.
    mutating func keep(_ fresh: [(index: Int, kept: Kept)], generatorVersion: Int, count: Int) {
        if generatorVersion != self.generatorVersion || kept.count != count {
            self.generatorVersion = generatorVersion
            kept = Array(repeating: nil, count: count)
        }
        for f in fresh { kept[f.index] = f.kept }
    }
}
