import FlywheelCore
import Testing

@testable import Engine

/// The offline evaluation reuses a held-out ticket's replies and judged outcome
/// (``HeldOutReplies``) only while both things they are a function of are unchanged: the
/// deployed generator's version and the articles shown for the ticket; a generator that calls
/// something outside is always asked again.
@Suite struct HeldOutRepliesTests {
    struct Pure: ReplyGenerator {
        func suggest(for ticket: Ticket, articles: [Article], rng: inout RandomStream) -> (a: Reply, b: Reply) {
            let r = Reply(greeting: "Hi", sentences: [], closing: "Bye", tone: .brief)
            return (r, r)
        }
    }
    struct Outside: ReplyGenerator {
        var callsOutsideService: Bool { true }
        func suggest(for ticket: Ticket, articles: [Article], rng: inout RandomStream) -> (a: Reply, b: Reply) {
            Pure().suggest(for: ticket, articles: articles, rng: &rng)
        }
    }

    static let reply = Reply(greeting: "Hello", sentences: [], closing: "Thanks", tone: .formal)
    static let shown: [[ArticleID]] = [["A-1", "A-2"], ["A-3"], ["A-4", "A-5"]]

    /// Tickets 0 and 2 generated and judged at version 3.
    static func kept() -> HeldOutReplies {
        var memo = HeldOutReplies()
        memo.keep(
            [
                (0, .init(shown: shown[0], replies: (reply, reply), helpfulness: 4.5, adopted: true)),
                (2, .init(shown: shown[2], replies: (reply, reply), helpfulness: nil, adopted: false))
            ],
            generatorVersion: 3, count: 3)
        return memo
    }

    @Test func theSameGeneratorAndShownArticlesReuseTheKeptOutcome() {
        let reuse = Self.kept().reusable(shown: Self.shown, generatorVersion: 3, generator: Pure())
        #expect(reuse.map { $0 != nil } == [true, false, true])
        #expect(reuse[0]?.helpfulness == 4.5 && reuse[0]?.adopted == true)
        #expect(reuse[2]?.helpfulness == nil && reuse[2]?.adopted == false)
    }

    @Test func otherShownArticlesAreGeneratedAgain() {
        var shown = Self.shown
        shown[0] = ["A-2", "A-1"]  // the same articles in another order
        let reuse = Self.kept().reusable(shown: shown, generatorVersion: 3, generator: Pure())
        #expect(reuse.map { $0 != nil } == [false, false, true])
    }

    @Test func aNewGeneratorVersionDropsEverythingKept() {
        var memo = Self.kept()
        #expect(memo.reusable(shown: Self.shown, generatorVersion: 4, generator: Pure()).allSatisfy { $0 == nil })
        memo.keep(
            [(1, .init(shown: Self.shown[1], replies: (Self.reply, Self.reply), helpfulness: 2, adopted: false))],
            generatorVersion: 4, count: 3)
        let reuse = memo.reusable(shown: Self.shown, generatorVersion: 4, generator: Pure())
        #expect(reuse.map { $0 != nil } == [false, true, false])
    }

    @Test func aGeneratorCallingOutsideIsAlwaysAskedAgain() {
        let reuse = Self.kept().reusable(shown: Self.shown, generatorVersion: 3, generator: Outside())
        #expect(reuse.allSatisfy { $0 == nil })
    }

    @Test func anotherNumberOfHeldOutTicketsReusesNothing() {
        let reuse = Self.kept().reusable(shown: Array(Self.shown.prefix(2)), generatorVersion: 3, generator: Pure())
        #expect(reuse.allSatisfy { $0 == nil })
    }
}
