/// A log of agent feedback as a production system records it (docs/annotations.md): what was
/// served on each ticket (an ``Exposure``) and the annotations agents gave, each with its time.
/// `flywheel export --what annotations` writes one from a run; a `feedback: logged` arm learns
/// from one instead of from simulated agents.

/// What the serving system showed an agent on one ticket.
public struct Exposure: Hashable, Sendable {
    public var ticket: TicketID
    public var time: Timestamp
    /// The articles shown, best first (rank = position + 1).
    public var shown: [ArticleID]
    /// Suggestion A (current policy) and B (challenger), with provenance; nil when the log only
    /// has their text (``textA``/``textB``).
    public var a: Reply?
    public var b: Reply?
    /// The replies' texts: as given, else rendered from ``a``/``b`` when asked (the engine logs
    /// an exposure per annotated ticket, and only a reader of the text pays for rendering it).
    public var textA: String? {
        get { givenTextA ?? a?.text }
        set { givenTextA = newValue }
    }
    public var textB: String? {
        get { givenTextB ?? b?.text }
        set { givenTextB = newValue }
    }
    private var givenTextA: String?
    private var givenTextB: String?
    /// The probability the serving policy gave to showing reply A, where known.
    public var propensityA: Double?

    public init(
        ticket: TicketID, time: Timestamp, shown: [ArticleID], a: Reply?, b: Reply?,
        textA: String? = nil, textB: String? = nil, propensityA: Double? = nil
    ) {
        self.ticket = ticket
        self.time = time
        self.shown = shown
        self.a = a
        self.b = b
        self.givenTextA = textA
        self.givenTextB = textB
        self.propensityA = propensityA
    }

    /// Equal when everything a reader sees is (a text given or rendered alike).
    public static func == (l: Exposure, r: Exposure) -> Bool {
        l.ticket == r.ticket && l.time == r.time && l.shown == r.shown && l.a == r.a && l.b == r.b && l.textA == r.textA
            && l.textB == r.textB && l.propensityA == r.propensityA
    }

    public func hash(into h: inout Hasher) {
        h.combine(ticket)
        h.combine(time)
        h.combine(shown)
        h.combine(a)
        h.combine(b)
        h.combine(textA)
        h.combine(textB)
        h.combine(propensityA)
    }
}

/// One annotation with when it was given, the agent-seconds it took and the agent's persona
/// (where known: a simulated run knows it, a production log usually does not).
public struct LoggedAnnotation: Hashable, Sendable {
    public var time: Timestamp
    public var annotation: Annotation
    public var seconds: Double?
    public var persona: String?
    public init(time: Timestamp, annotation: Annotation, seconds: Double? = nil, persona: String? = nil) {
        self.time = time
        self.annotation = annotation
        self.seconds = seconds
        self.persona = persona
    }
}

/// One line of a log: an exposure or an annotation.
public enum AnnotationLogEntry: Hashable, Sendable {
    case exposure(Exposure)
    case annotation(LoggedAnnotation)

    public var ticket: TicketID {
        switch self {
        case .exposure(let e): e.ticket
        case .annotation(let a): a.annotation.ticket
        }
    }
    public var time: Timestamp {
        switch self {
        case .exposure(let e): e.time
        case .annotation(let a): a.time
        }
    }
}

/// A whole log, indexed for replay: one exposure per ticket at most, and every ticket's
/// annotations in log order.
public struct AnnotationLog: Sendable {
    public var exposures: [TicketID: Exposure] = [:]
    public var annotations: [TicketID: [LoggedAnnotation]] = [:]
    /// Where the log was read from (for messages).
    public var source: String
    public var annotationCount: Int { annotations.values.reduce(0) { $0 + $1.count } }

    public init(source: String) { self.source = source }

    /// Adds one entry; a second exposure of a ticket is ignored when it shows the same, refused
    /// otherwise (a log holds one job's feedback: export with `--arm` and `--replicate`).
    public mutating func add(_ entry: AnnotationLogEntry, line: Int? = nil) throws {
        switch entry {
        case .exposure(let e):
            if let seen = exposures[e.ticket], seen.shown == e.shown, seen.textA == e.textA, seen.textB == e.textB {
                return
            }
            guard exposures[e.ticket] == nil else {
                throw InputError(
                    file: source, line: line,
                    "a second exposure of ticket \"\(e.ticket)\"; a replayable log holds one job (export it with --arm and --replicate)"
                )
            }
            exposures[e.ticket] = e
        case .annotation(let a):
            annotations[a.annotation.ticket, default: []].append(a)
        }
    }
}
