/// Marketplace topics about the stay itself: arrival, rules, changes, pets, access, safety.
extension MarketplaceCatalogue {
    static let stayTopics: [MarketplaceTopic] = [
        MarketplaceTopic(
            id: "check-in", audience: "ggggg", name: "check-in and keys",
            titles: [
                "Checking in to a {listing}", "Self check-in and lockboxes in {region}",
                "What to do if you cannot get into your listing"
            ],
            customerNames: ["can't get in", "keys", "arrival"],
            facts: [
                MarketplaceFact(
                    "Hosts of {listing} listings must send check-in instructions at least {hours} hours before arrival",
                    [
                        "when should the host send check-in instructions",
                        "we arrive tomorrow and have no idea how to get in",
                        "still haven't been told where the keys are"
                    ]),
                MarketplaceFact(
                    "Guests in {region} who cannot access the listing for more than {hours} hours after check-in time are eligible for rebooking",
                    [
                        "i can't access the listing at check-in, what are my options",
                        "locked out of the {clisting} and the owner isn't answering",
                        "standing outside in the rain, code doesn't work"
                    ]),
                MarketplaceFact(
                    "Self check-in codes for {listing} stays are activated {hours} hours before the check-in time",
                    [
                        "when is the self check-in code activated", "the door code isn't working yet",
                        "keypad won't open, is it too early"
                    ]),
                MarketplaceFact(
                    "Late check-in more than {count} hours after the standard check-in time in {region} must be agreed with the host in advance",
                    [
                        "is late check-in allowed", "our flight lands really late, will someone let us in",
                        "getting there near midnight, is that a problem"
                    ]),
                MarketplaceFact(
                    "Lost keys in {region} are replaced at the guest's cost of up to {amount}",
                    [
                        "who pays to replace lost keys", "i lost the key, how much will that cost me",
                        "dropped the keys somewhere, am i going to be charged"
                    ])
            ]),
        MarketplaceTopic(
            id: "house-rules", audience: "ggggg", name: "house rules",
            titles: [
                "House rules for {listing} listings", "Party and event rules in {region}",
                "What happens when house rules are broken"
            ],
            customerNames: ["rules", "party", "noise"],
            facts: [
                MarketplaceFact(
                    "Parties and events are banned in every {listing} listing in {region}",
                    [
                        "are parties allowed in the listing", "can we have a birthday bash at the {clisting}",
                        "want to throw a get-together for some friends there"
                    ]),
                MarketplaceFact(
                    "Quiet hours in {region} begin {count} hours before midnight unless the host sets stricter house rules",
                    [
                        "what are the quiet hours in house rules", "neighbours complained we were too loud at night",
                        "how late can we play music"
                    ]),
                MarketplaceFact(
                    "Guests who break house rules may be asked to leave with {hours} hours notice and without a refund",
                    [
                        "can a host make guests leave for breaking house rules", "the host kicked me out for no reason",
                        "owner told us to get out today, can he do that"
                    ]),
                MarketplaceFact(
                    "Smoking inside a {listing} carries a fine of up to {amount} in {region}",
                    [
                        "is there a fine for smoking inside", "my mate had a cigarette indoors, are we in trouble",
                        "owner says he smelled smoke and wants cash"
                    ]),
                MarketplaceFact(
                    "The number of overnight guests in a {listing} may not exceed {count} people",
                    [
                        "what is the maximum number of overnight guests", "can a couple of extra friends crash with us",
                        "can more people sleep over than we booked for"
                    ])
            ]),
        MarketplaceTopic(
            id: "booking-changes", audience: "ggggg", name: "reservation changes",
            titles: [
                "Changing the dates of a {listing} reservation", "Adding guests to a reservation in {region}",
                "How reservation change requests work"
            ],
            customerNames: ["change my dates", "move my trip", "modify"],
            facts: [
                MarketplaceFact(
                    "Guests can request a date change on a {listing} reservation up to {days} days before check-in",
                    [
                        "can i request a date change on my reservation", "can we move the trip to next month",
                        "need to shift our stay by a week"
                    ]),
                MarketplaceFact(
                    "Hosts in {region} have {hours} hours to accept or decline a reservation change request",
                    [
                        "how long does a host have to accept a change request",
                        "asked the owner to move our days and heard nothing",
                        "sent a request to switch dates ages ago, no answer"
                    ]),
                MarketplaceFact(
                    "Adding guests to a {listing} reservation may add an extra guest fee of {amount} per night",
                    [
                        "is there an extra guest fee when adding guests",
                        "my sister wants to join us, will it cost more", "bringing one more person, do i pay extra"
                    ]),
                MarketplaceFact(
                    "Shortening a reservation in {region} refunds the removed nights at {percent} percent of the nightly rate",
                    [
                        "how much is refunded if i shorten my reservation",
                        "want to leave two days earlier than planned, do i get money for those",
                        "cutting our trip short, what happens to the nights we drop"
                    ]),
                MarketplaceFact(
                    "A reservation can be changed at most {count} times before it must be cancelled and rebooked",
                    [
                        "how many times can a reservation be changed", "we keep changing plans, is there a limit",
                        "tried to alter our booking again and the button is gone"
                    ])
            ]),
        MarketplaceTopic(
            id: "long-stays", audience: "gghgg", name: "long stays",
            titles: [
                "Monthly stays in {region}", "Long-term {listing} reservations",
                "Discounts and rules for stays of a month or more"
            ],
            customerNames: ["staying a few months", "monthly rental", "long term"],
            facts: [
                MarketplaceFact(
                    "Stays of {nights} nights or more in {region} qualify for a monthly discount of up to {percent} percent",
                    [
                        "do stays of a month qualify for a monthly discount", "cheaper if we stay the whole summer",
                        "any deal for renting for ages"
                    ]),
                MarketplaceFact(
                    "Long stays of {nights} nights or more are charged in monthly payments starting {days} days before check-in",
                    [
                        "how are long stays charged in monthly payments",
                        "do i pay everything at once for three months",
                        "do i get billed every month for the long rental"
                    ]),
                MarketplaceFact(
                    "Guests on {listing} stays longer than {nights} nights in {region} may have tenant rights under local law",
                    [
                        "do long stay guests have tenant rights",
                        "the guest won't leave after months, what are their rights",
                        "can someone who stays long become a renter legally"
                    ]),
                MarketplaceFact(
                    "Cancelling a long stay in {region} after check-in requires {days} days notice",
                    [
                        "how much notice to cancel a long stay after check-in", "want to end our monthly rental early",
                        "moving out sooner than planned from the {clisting}"
                    ]),
                MarketplaceFact(
                    "Hosts can require a signed lease addendum for {listing} stays of {nights} nights or more",
                    [
                        "can a host require a lease for long stays",
                        "the owner wants me to sign a contract, is that legit",
                        "asked to sign paperwork for the month-long rental"
                    ])
            ]),
        MarketplaceTopic(
            id: "pets", audience: "ggghg", name: "pets and service animals",
            titles: ["Bringing pets to a {listing}", "Service animals in {region}", "Pet fees and rules"],
            customerNames: ["my dog", "pets", "my cat"],
            facts: [
                MarketplaceFact(
                    "Hosts of pet-friendly {listing} listings in {region} may charge a pet fee of up to {amount} per stay",
                    [
                        "how much can a host charge as a pet fee", "how much extra to bring my dog",
                        "owner wants cash for the pup, how much is fair"
                    ]),
                MarketplaceFact(
                    "Service animals are always allowed in {region} and hosts cannot charge a pet fee for them",
                    [
                        "are service animals allowed without a pet fee", "my guide dog was refused, is that legal",
                        "the owner wants to charge me for my assistance dog"
                    ]),
                MarketplaceFact(
                    "Guests must disclose pets when booking and may bring at most {count} pets to a {listing}",
                    [
                        "how many pets can i bring", "can i bring both my dogs and the cat",
                        "we have three furry friends, are they all ok"
                    ]),
                MarketplaceFact(
                    "Pet damage claims in {region} follow the damage claim process and must be filed within {days} days",
                    [
                        "how are pet damage claims filed", "the dog chewed the sofa, what now",
                        "guest's cat scratched everything, how do i get paid"
                    ]),
                MarketplaceFact(
                    "Emotional support animals in {region} are allowed only in listings marked pet-friendly unless the host agrees within {hours} hours",
                    [
                        "are emotional support animals allowed", "can i bring my support cat",
                        "need my comfort dog with me, will the owner allow it"
                    ])
            ]),
        MarketplaceTopic(
            id: "accessibility", audience: "ggggg", name: "accessibility features",
            titles: [
                "Accessibility features on {listing} listings", "Finding step-free stays in {region}",
                "Reporting incorrect accessibility information"
            ],
            customerNames: ["wheelchair", "disability", "step free"],
            facts: [
                MarketplaceFact(
                    "Accessibility features on {listing} listings in {region} must be confirmed with photos within {days} days of being added",
                    [
                        "how are accessibility features confirmed with photos", "how do i know the ramp is real",
                        "listing says step free but i don't believe it"
                    ]),
                MarketplaceFact(
                    "Guests who find that listed accessibility features are missing in {region} can be rebooked or refunded within {hours} hours of check-in",
                    [
                        "what if listed accessibility features are missing",
                        "there was no ramp and my wheelchair can't get in",
                        "they said no stairs but there's a whole flight of them"
                    ]),
                MarketplaceFact(
                    "Step-free entrances are defined as having no step higher than {count} centimetres",
                    [
                        "what counts as a step-free entrance", "does a little lip at the door count as step free",
                        "how high a bump is allowed for a wheelchair entrance"
                    ]),
                MarketplaceFact(
                    "Hosts in {region} must respond to accessibility questions within {hours} hours of a booking request",
                    [
                        "how fast must a host respond to accessibility questions",
                        "asked about the shower rails and got no reply", "owner is ignoring my question about grab bars"
                    ]),
                MarketplaceFact(
                    "Accessibility fees of any kind are not allowed on {listing} listings",
                    [
                        "can a host charge accessibility fees", "the owner wants money for setting up the ramp",
                        "charged extra because of my wheelchair"
                    ])
            ]),
        MarketplaceTopic(
            id: "listing-issues", audience: "ggggg", name: "listing accuracy and rebooking",
            titles: [
                "When a {listing} is not as described", "Rebooking and refund help in {region}",
                "Reporting a problem with your stay"
            ],
            customerNames: ["not as described", "the place is disgusting", "misleading photos"],
            facts: [
                MarketplaceFact(
                    "Guests must report a listing that is not as described within {hours} hours of check-in",
                    [
                        "how soon must i report a listing that is not as described",
                        "the place looks nothing like the photos", "total dump compared to the pictures, who do i tell"
                    ]),
                MarketplaceFact(
                    "Support rebooks guests in {region} into a comparable {listing} of equal or better price when the issue cannot be fixed",
                    [
                        "will support rebook me into a comparable listing", "can you move us somewhere decent",
                        "need a new place tonight, this one is a joke"
                    ]),
                MarketplaceFact(
                    "A partial refund of up to {percent} percent is offered when a {listing} issue is fixed during the stay",
                    [
                        "is a partial refund offered if the issue is fixed",
                        "the wifi was broken for half the week, compensation",
                        "hot water came back on day three, do we get something"
                    ]),
                MarketplaceFact(
                    "Hosts in {region} get {hours} hours to fix a reported issue before a rebooking is offered",
                    [
                        "how long does a host get to fix a reported issue",
                        "owner says he'll fix the heating, how long do we wait",
                        "no heating and the owner keeps saying tomorrow"
                    ]),
                MarketplaceFact(
                    "Pests or missing essential amenities in a {listing} qualify for a full refund of the remaining nights",
                    [
                        "do pests qualify for a full refund", "there are cockroaches everywhere",
                        "bed bugs in the {clisting}, i want out"
                    ])
            ]),
        MarketplaceTopic(
            id: "safety", audience: "ggggg", name: "safety and security devices",
            titles: [
                "Safety devices in {listing} listings", "Rules for security cameras in {region}",
                "Emergency help during a stay"
            ],
            customerNames: ["camera", "unsafe", "emergency"],
            facts: [
                MarketplaceFact(
                    "Indoor security cameras are banned in every {listing} listing in {region}",
                    [
                        "are indoor security cameras allowed", "found a camera in the bedroom",
                        "pretty sure there's a hidden recorder in the living room"
                    ]),
                MarketplaceFact(
                    "Outdoor cameras in {region} must be disclosed in the listing at least {days} days before they are installed",
                    [
                        "must outdoor cameras be disclosed in the listing",
                        "there's a doorbell cam pointing at us, nobody told us",
                        "owner is watching the garden with a video thing"
                    ]),
                MarketplaceFact(
                    "Hosts of {listing} listings must install smoke and carbon monoxide alarms and test them every {days} days",
                    [
                        "do hosts have to install smoke alarms", "there's no fire detector in the {clisting}",
                        "the beeper on the ceiling is missing, is that safe"
                    ]),
                MarketplaceFact(
                    "The safety line in {region} answers urgent calls within {count} minutes",
                    [
                        "how fast does the safety line answer", "i feel unsafe right now, who do i call",
                        "something scary is happening at the place, need help fast"
                    ]),
                MarketplaceFact(
                    "Guests who feel unsafe in a {listing} can be relocated within {hours} hours at no cost",
                    [
                        "can guests be relocated if they feel unsafe", "we don't feel safe here, can you move us",
                        "creepy neighbour keeps knocking, want to leave"
                    ])
            ]),
        MarketplaceTopic(
            id: "extenuating-circumstances", audience: "ggghn", name: "extenuating circumstances",
            titles: [
                "Major disruptive events in {region}", "Cancelling because of illness or emergencies",
                "When the extenuating circumstances policy applies"
            ],
            customerNames: ["emergency", "got sick", "flight cancelled"],
            facts: [
                MarketplaceFact(
                    "Reservations in {region} affected by a declared major disruptive event can be cancelled for a full refund up to {days} days after the event",
                    [
                        "can i cancel for a full refund because of a major disruptive event",
                        "there's a hurricane coming, can we get our cash back",
                        "the airport is shut because of the storm"
                    ]),
                MarketplaceFact(
                    "Serious illness must be documented with a doctor's note submitted within {days} days of cancelling",
                    [
                        "what documentation is needed for serious illness", "i got really sick and couldn't travel",
                        "ended up in hospital, do you need a note from the doctor"
                    ]),
                MarketplaceFact(
                    "Flight cancellations by an airline are not covered unless the route in {region} was closed for at least {hours} hours",
                    [
                        "are flight cancellations covered", "the airline dropped our flight, do we still have to pay",
                        "plane got cancelled, now we can't get to the {clisting}"
                    ]),
                MarketplaceFact(
                    "Hosts in {region} whose {listing} is made uninhabitable by a disaster can cancel without penalty",
                    [
                        "can a host cancel without penalty after a disaster",
                        "my house flooded and i need to cancel my guests",
                        "fire damaged my rental, will i be penalised for cancelling"
                    ]),
                MarketplaceFact(
                    "Extenuating circumstance requests are reviewed within {hours} hours of submission",
                    [
                        "how long does an extenuating circumstance review take",
                        "sent the forms about my emergency, when will i hear back",
                        "been waiting for you to look at my hardship case"
                    ])
            ])
    ]
}
