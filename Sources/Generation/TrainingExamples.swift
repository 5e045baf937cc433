import FlywheelCore

/// A preference annotation together with what the agent saw: the ticket and replies A and B.
/// The engine joins the annotation log with the served suggestions to build these.
public struct PreferenceExample: Hashable, Sendable {
    public var ticket: Ticket
    public var a: Reply
    public var b: Reply
    public var annotation: PreferenceAnnotation
    public init(ticket: Ticket, a: Reply, b: Reply, annotation: PreferenceAnnotation) {
        self.ticket = ticket
        self.a = a
        self.b = b
        self.annotation = annotation
    }
}

/// An adoption annotation together with the reply (suggestion A) it is about.
public struct AdoptionExample: Hashable, Sendable {
    public var ticket: Ticket
    public var reply: Reply
    public var annotation: AdoptionAnnotation
    public init(ticket: Ticket, reply: Reply, annotation: AdoptionAnnotation) {
        self.ticket = ticket
        self.reply = reply
        self.annotation = annotation
    }
}
