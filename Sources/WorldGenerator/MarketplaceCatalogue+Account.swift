/// Marketplace topics about accounts and hosting: reviews, verification, co-hosts, protection.
extension MarketplaceCatalogue {
    static let accountTopics: [MarketplaceTopic] = [
        MarketplaceTopic(
            id: "reviews", audience: "nnnhn", name: "reviews",
            titles: [
                "How reviews work for {listing} stays", "Review guidelines in {region}",
                "Removing a review that breaks the rules"
            ],
            customerNames: ["bad review", "stars", "feedback"],
            facts: [
                MarketplaceFact(
                    "Guests and hosts have {days} days after checkout to write a review",
                    [
                        "how long do i have to write a review after checkout",
                        "is it too late to leave feedback for our trip", "forgot to rate the stay, can i still do it"
                    ]),
                MarketplaceFact(
                    "Reviews of {listing} stays in {region} are published only when both sides submit or the review window closes",
                    [
                        "when are reviews published", "why can't i see what the guest said about me",
                        "i left stars but nothing shows up yet"
                    ]),
                MarketplaceFact(
                    "Reviews that break the review policy are removed within {hours} hours of being reported",
                    [
                        "how do i get a review removed that breaks the policy",
                        "a guest wrote lies about me, take it down", "someone left nasty comments that aren't true"
                    ]),
                MarketplaceFact(
                    "Hosts in {region} can post one public response to a review within {days} days",
                    [
                        "can hosts post a public response to a review", "i want to reply to that unfair feedback",
                        "how do i answer the guest's comments publicly"
                    ]),
                MarketplaceFact(
                    "Reviews cannot be edited after {hours} hours from submission",
                    [
                        "can i edit a review after submission", "i made a typo in my feedback, can i fix it",
                        "want to change the stars i gave"
                    ])
            ]),
        MarketplaceTopic(
            id: "account-verification", audience: "gnnhn", name: "identity verification",
            titles: [
                "Verifying your identity in {region}", "Why we ask for identity verification",
                "Identity requirements for {listing} bookings"
            ],
            customerNames: ["id check", "passport", "selfie"],
            facts: [
                MarketplaceFact(
                    "Guests in {region} must verify their identity with a government ID before booking a {listing}",
                    [
                        "do i need to verify my identity with a government id before booking",
                        "why do you want my passport", "the app keeps asking for a photo of my driving licence"
                    ]),
                MarketplaceFact(
                    "Identity verification is usually completed within {hours} hours of uploading documents",
                    [
                        "how long does identity verification take", "sent my passport photo ages ago and still pending",
                        "stuck on waiting for my id check"
                    ]),
                MarketplaceFact(
                    "A failed identity check in {region} can be retried {count} times before manual review",
                    [
                        "how many times can i retry a failed identity check", "the selfie thing keeps failing",
                        "it won't accept my face picture"
                    ]),
                MarketplaceFact(
                    "Hosts in {region} must verify their identity and address within {days} days of publishing a {listing}",
                    [
                        "when must hosts verify identity and address",
                        "you want proof of where i live before i can rent out my {clisting}",
                        "asked for a utility bill to keep hosting"
                    ]),
                MarketplaceFact(
                    "Identity documents are deleted {days} days after verification is completed",
                    [
                        "are identity documents deleted after verification", "what do you do with my passport scan",
                        "are you keeping copies of my id forever"
                    ])
            ]),
        MarketplaceTopic(
            id: "co-hosting", audience: "hhhhh", name: "co-hosts",
            titles: ["Adding a co-host to your {listing}", "Co-host permissions in {region}", "Paying a co-host"],
            customerNames: ["co-host", "my helper", "someone to manage my place"],
            facts: [
                MarketplaceFact(
                    "A {listing} listing can have up to {count} co-hosts",
                    [
                        "how many co-hosts can a listing have",
                        "can my brother and my neighbour both help run the place",
                        "want a few people helping me manage bookings"
                    ]),
                MarketplaceFact(
                    "Co-hosts in {region} can receive up to {percent} percent of each payout",
                    [
                        "how much of a payout can a co-host receive", "how do i pay the person helping me out",
                        "can my friend who helps get a slice of the earnings"
                    ]),
                MarketplaceFact(
                    "Co-host invitations expire {days} days after they are sent",
                    [
                        "when do co-host invitations expire", "sent the invite to my helper but it doesn't work",
                        "my mate says the link i sent is dead"
                    ]),
                MarketplaceFact(
                    "Only the primary host of a {listing} in {region} can change payout details",
                    [
                        "can a co-host change payout details", "my helper tried to change where the money goes",
                        "can the person managing my place edit the bank account"
                    ]),
                MarketplaceFact(
                    "Removing a co-host takes effect within {hours} hours and cancels their pending payouts",
                    [
                        "how do i remove a co-host", "want to kick my helper off the listing",
                        "fell out with the guy managing my {clisting}"
                    ])
            ]),
        MarketplaceTopic(
            id: "host-protection", audience: "hhhhh", name: "host protection insurance",
            titles: [
                "Host protection insurance in {region}", "What host liability insurance covers for {listing} listings",
                "Making a host protection claim"
            ],
            customerNames: ["insurance", "cover", "someone got hurt"],
            facts: [
                MarketplaceFact(
                    "Host liability insurance in {region} covers up to {count} million in local currency for guest injuries in a {listing}",
                    [
                        "how much does host liability insurance cover for guest injuries",
                        "a guest slipped and hurt herself, am i covered",
                        "someone fell down my stairs, will insurance pay"
                    ]),
                MarketplaceFact(
                    "Host protection claims must be opened within {days} days of the incident",
                    [
                        "when must host protection claims be opened", "how long do i have to claim on the cover",
                        "the accident was a while ago, can i still claim"
                    ]),
                MarketplaceFact(
                    "Host protection in {region} does not cover normal wear and tear or losses under {amount}",
                    [
                        "does host protection cover wear and tear", "the carpet is just old now, can i claim",
                        "small scratches, does the cover pay for those"
                    ]),
                MarketplaceFact(
                    "Hosts of {listing} listings in {region} are covered only when the stay was booked on the platform",
                    [
                        "is a stay booked off platform covered by host protection",
                        "a friend booked directly with me, am i insured",
                        "guest paid me cash, does the cover still work"
                    ]),
                MarketplaceFact(
                    "Host protection decisions are sent within {days} days once all documents are received",
                    [
                        "how long until a host protection decision", "when will i hear about my insurance claim",
                        "waiting forever on the cover people"
                    ])
            ]),
        MarketplaceTopic(
            id: "messaging", audience: "gggnn", name: "messaging and contact details",
            titles: [
                "Messaging hosts and guests", "Sharing contact details in {region}",
                "Response time expectations for {listing} hosts"
            ],
            customerNames: ["can't reach the host", "phone number", "no reply"],
            facts: [
                MarketplaceFact(
                    "Contact details are shared with the guest {hours} hours before check-in for {listing} stays",
                    [
                        "when are contact details shared before check-in", "how do i get the owner's phone number",
                        "need to call the person whose {clisting} we're renting"
                    ]),
                MarketplaceFact(
                    "Hosts in {region} are expected to answer messages within {hours} hours",
                    [
                        "how quickly should hosts answer messages", "the owner has been ignoring me for days",
                        "nobody replies to my texts in the app"
                    ]),
                MarketplaceFact(
                    "Asking guests to pay outside the platform in {region} leads to account suspension for {days} days",
                    [
                        "is asking for payment outside the platform allowed",
                        "the owner asked me to send the money by bank transfer directly",
                        "host wants cash instead of paying through the app"
                    ]),
                MarketplaceFact(
                    "Messages are stored for {days} days after checkout and can be reported to support",
                    [
                        "how long are messages stored after checkout", "can you see the chat history with the owner",
                        "need proof of what the host told me in the chat"
                    ]),
                MarketplaceFact(
                    "Automatic translation of messages is available in {region} for up to {count} languages",
                    [
                        "is automatic translation of messages available",
                        "the owner writes in a language i don't speak", "can't understand what the guest is writing"
                    ])
            ]),
        MarketplaceTopic(
            id: "account-security", audience: "nhnnn", name: "account security",
            titles: [
                "Securing your account", "Recovering a compromised account in {region}",
                "Two-factor authentication for hosts"
            ],
            customerNames: ["hacked", "can't log in", "password"],
            facts: [
                MarketplaceFact(
                    "Compromised accounts in {region} are locked and restored within {hours} hours after identity is confirmed",
                    [
                        "how is a compromised account restored", "someone hacked me and booked stuff",
                        "i think somebody broke into my profile"
                    ]),
                MarketplaceFact(
                    "Hosts with more than {count} listings must turn on two-factor authentication",
                    [
                        "do hosts need two-factor authentication", "why are you making me use a code from my phone",
                        "the app forces a text code every time i sign in"
                    ]),
                MarketplaceFact(
                    "Password reset links expire {hours} hours after they are sent",
                    [
                        "when do password reset links expire", "the reset email link doesn't work",
                        "can't get back into my profile, link is broken"
                    ]),
                MarketplaceFact(
                    "Unrecognised bookings made from a compromised account in {region} are refunded within {days} days",
                    [
                        "are unrecognised bookings from a compromised account refunded",
                        "there's a trip on my card i never made", "somebody used my profile to rent a {clisting}"
                    ]),
                MarketplaceFact(
                    "Accounts in {region} are locked for {hours} hours after {count} failed login attempts",
                    [
                        "how long is an account locked after failed login attempts",
                        "typed my password wrong and now i'm blocked", "it says too many tries, when can i sign in"
                    ])
            ]),
        MarketplaceTopic(
            id: "calendar-instant-book", audience: "hhhhh", name: "calendar and instant book",
            titles: [
                "Instant Book settings for {listing} listings", "Managing your calendar in {region}",
                "Advance notice and preparation time"
            ],
            customerNames: ["calendar", "instant book", "availability"],
            facts: [
                MarketplaceFact(
                    "Instant Book reservations on {listing} listings can be cancelled by the host without penalty up to {count} times a year",
                    [
                        "can a host cancel an instant book reservation without penalty",
                        "someone booked right away and i don't want them",
                        "auto-accepted a guest i'm not comfortable with"
                    ]),
                MarketplaceFact(
                    "Hosts in {region} can require advance notice of up to {days} days before a reservation starts",
                    [
                        "how much advance notice can a host require",
                        "people keep booking for tomorrow and i need time", "can i stop same day bookings"
                    ]),
                MarketplaceFact(
                    "Synced external calendars refresh every {hours} hours",
                    [
                        "how often do synced external calendars refresh",
                        "got double booked because the other site didn't update",
                        "the dates from my other platform aren't showing"
                    ]),
                MarketplaceFact(
                    "Preparation time of up to {count} nights can be blocked between {listing} reservations",
                    [
                        "can i block preparation time between reservations", "i need a gap between guests to clean",
                        "want a free night between bookings"
                    ]),
                MarketplaceFact(
                    "Calendars in {region} can be opened at most {days} days into the future",
                    [
                        "how far into the future can calendars be opened", "guests can't book next year, why",
                        "people want to reserve way ahead but the dates are greyed out"
                    ])
            ]),
        MarketplaceTopic(
            id: "pricing", audience: "hhhhh", name: "pricing and discounts for hosts",
            titles: ["Setting prices for a {listing}", "Smart Pricing in {region}", "Weekly and last-minute discounts"],
            customerNames: ["price", "how much to charge", "discount"],
            facts: [
                MarketplaceFact(
                    "Smart Pricing in {region} never sets a nightly price below the minimum the host chooses",
                    [
                        "can smart pricing go below my minimum price",
                        "the automatic price thing made my place way too cheap",
                        "the app dropped my rate and i lost money"
                    ]),
                MarketplaceFact(
                    "Weekly discounts of up to {percent} percent apply to stays of {count} nights or more on {listing} listings",
                    [
                        "how do weekly discounts apply", "can i give people a deal if they stay a week",
                        "want to make it cheaper for week long guests"
                    ]),
                MarketplaceFact(
                    "Last-minute discounts in {region} apply to reservations made within {days} days of check-in",
                    [
                        "when do last-minute discounts apply", "can i lower the rate for bookings made tomorrow",
                        "want to fill empty nights cheaply"
                    ]),
                MarketplaceFact(
                    "Price changes apply only to reservations made {hours} hours after the change is saved",
                    [
                        "when do price changes apply to reservations",
                        "i raised the rate but someone still booked at the old one",
                        "changed what i charge but the new guest paid less"
                    ]),
                MarketplaceFact(
                    "New {listing} listings in {region} can offer a new-listing promotion of {percent} percent for the first {count} bookings",
                    [
                        "how does the new-listing promotion work",
                        "just started renting out, any way to attract first guests",
                        "how do i get my first few bookings on a brand new place"
                    ])
            ])
    ]
}
