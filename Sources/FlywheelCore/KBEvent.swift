/// One knowledge-base event of a job (`kb_events`): a missing-knowledge gap opened, an article's
/// authoring scheduled, an article published, …. The engine emits it, the store keeps it, the
/// report draws it: this is its only shape.
public struct KBEvent: Sendable, Hashable {
    /// What happened: the closed vocabulary of `kb_events.event`.
    public enum Kind: String, CaseIterable, Codable, Sendable {
        /// The first flag on a ticket group whose article is missing.
        case gapOpened = "gap_opened"
        /// The group's flags were significant but its article was already published.
        case alreadyCovered = "already_covered"
        /// A reviewer scheduled the missing article's authoring.
        case authoringScheduled = "authoring_scheduled"
        /// The author wrote another withheld article than the group's.
        case wrongArticleScheduled = "wrong_article_scheduled"
        /// The author wrote nothing usable.
        case nothingWritten = "nothing_written"
        /// A scheduled article went live.
        case published
    }

    /// One event where it happened: the job and the iteration whose window it fell in.
    public struct WindowRow: Sendable, Hashable {
        public var job: JobKey
        public var iteration: Int
        public var event: KBEvent
        public init(job: JobKey, iteration: Int, event: KBEvent) {
            self.job = job
            self.iteration = iteration
            self.event = event
        }
    }

    public var time: Timestamp
    public var article: String
    public var kind: Kind
    /// The flags the ticket group had gathered.
    public var flags: Int

    public init(time: Timestamp, article: String, kind: Kind, flags: Int) {
        self.time = time
        self.article = article
        self.kind = kind
        self.flags = flags
    }
}
