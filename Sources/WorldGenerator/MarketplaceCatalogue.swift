/// The marketplace profile's catalogue: topics, article phrasing and customer phrasing.
///
/// Articles speak help-centre language ("reservation", "refund", "listing", "the United
/// Kingdom"); customers speak their own ("booking", "money back", "flat", "London"). The gap
/// between the two is what a learned retriever must close.
enum MarketplaceCatalogue {
    static let topics: [MarketplaceTopic] = moneyTopics + stayTopics + accountTopics

    /// Opening sentences of an article; `{name}` is the topic's formal name.
    static let intros: [String] = [
        "This article explains {name} for {listing} listings in {region}",
        "The rules below on {name} apply to {listing} listings in {region}",
        "Here is what hosts and guests of {listing} listings in {region} need to know about {name}"
    ]

    /// Closing sentences shared by all articles (topic-neutral boilerplate).
    static let closings: [String] = [
        "Amounts are shown in {currency} for reservations in {region}",
        "You can review these details at any time from your account dashboard",
        "Local laws may add requirements beyond this policy",
        "Contact support from the help centre if anything is unclear",
        "This policy is reviewed regularly and updates are announced by email"
    ]

    /// Help-centre sentence a reference reply opens with.
    static let replyOpeners: [String] = [
        "Thanks for reaching out, I checked the policy for you",
        "Thank you for contacting us, here is what applies to your case",
        "Thanks for your patience while I looked into this",
        "I understand how frustrating this is, here is what I found"
    ]
    static let replyClosers: [String] = [
        "Let me know if there is anything else I can help with",
        "Please reply here if you have any other questions",
        "I hope this helps and wish you a great stay"
    ]

    // MARK: customer side

    static let greetings: [String] = ["Hi", "Hello", "Hey there", "Hi team", "Good morning", "Hello support", "Hiya"]
    /// Context sentences naming where and what, by who is writing; `both`, `region` or `listing`
    /// says which slots the sentence mentions.
    struct Contexts: Sendable {
        var both: [String]
        var region: [String]
        var listing: [String]
    }
    static func contexts(_ audience: MarketplaceAudience) -> Contexts {
        switch audience {
        case .guest: guestContexts
        case .host: hostContexts
        case .either: eitherContexts
        }
    }
    static let guestContexts = Contexts(
        both: [
            "re my {clisting} booking in {cregion}", "we're at a {clisting} in {cregion}",
            "we're staying in a {clisting} in {cregion}", "booked a {clisting} in {cregion}"
        ],
        region: ["we're in {cregion}", "the trip is to {cregion}", "we're travelling to {cregion}"],
        listing: ["we booked a {clisting}", "we're in a {clisting}", "this is about the {clisting} we booked"])
    static let hostContexts = Contexts(
        both: [
            "i rent out a {clisting} in {cregion}", "i run a {clisting} in {cregion}",
            "i have a {clisting} in {cregion} on here"
        ],
        region: ["i rent out in {cregion}", "my place is in {cregion}", "i'm based in {cregion}"],
        listing: ["i rent out a {clisting}", "i run a {clisting}", "i let out my {clisting}"])
    static let eitherContexts = Contexts(
        both: [
            "this is about a {clisting} in {cregion}", "{cregion}, {clisting}", "it's for the {clisting} in {cregion}"
        ],
        region: ["this is in {cregion}", "based in {cregion}"],
        listing: ["it's a {clisting}", "this is about the {clisting}"])
    static let topicOpeners: [String] = ["question about {ctopic}", "it's about {ctopic}", "re {ctopic}"]
    static let secondFactJoiners: [String] = ["also ", "and ", "one more thing, ", "plus "]
    static let secondIssueJoiners: [String] = [
        "separate question, ", "also unrelated but ", "and while i'm here, ", "another thing, "
    ]
    static let fillers: [String] = [
        "this is really urgent", "i've been waiting for ages", "thanks in advance", "please help",
        "really frustrated right now", "first time using this app", "sorry if this is the wrong place to ask",
        "sorry for the long message", "nobody has answered my last message", "appreciate any help"
    ]
    static let names: [String] = [
        "Sam", "Priya", "Tom", "Lucia", "Ahmed", "Mei", "Jordan", "Olga", "Kofi", "Hannah", "Diego", "Aiko"
    ]
}
