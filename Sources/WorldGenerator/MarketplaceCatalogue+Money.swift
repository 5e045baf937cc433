/// Marketplace topics about money: refunds, payouts, fees, deposits, claims, taxes, payments.
extension MarketplaceCatalogue {
    static let moneyTopics: [MarketplaceTopic] = [
        MarketplaceTopic(
            id: "guest-cancellations", audience: "ggggg", name: "guest cancellations and refunds",
            titles: [
                "Cancelling a {listing} reservation in {region}", "Refunds when a guest cancels in {region}",
                "Guest cancellation policy for {listing} listings"
            ],
            customerNames: ["money back", "cancelled trip", "refund"],
            facts: [
                MarketplaceFact(
                    "Guests who cancel a {listing} reservation at least {days} days before check-in receive a full refund of the nightly rate",
                    [
                        "if i cancel my booking now do i get a full refund",
                        "i had to call off the trip, can i get all my money back",
                        "we're not going anymore, is the cash coming back to us"
                    ]),
                MarketplaceFact(
                    "Cancellations made less than {days} days before check-in in {region} are refunded at {percent} percent of the nightly rate",
                    [
                        "i cancelled a few days before arrival, how much refund do i get",
                        "we pulled out last minute, how much of what we paid comes back",
                        "bailed on the stay close to the date, do i lose everything"
                    ]),
                MarketplaceFact(
                    "Service fees on cancelled reservations in {region} are refunded only if the guest cancels within {hours} hours of booking",
                    [
                        "is the service fee refunded when i cancel", "will i get the extra charge on top back too",
                        "they kept the booking charge after i pulled out"
                    ]),
                MarketplaceFact(
                    "Refunds for cancelled reservations are returned to the original payment method within {days} business days",
                    [
                        "how long until the refund reaches my payment method",
                        "when does the money actually land back on my card",
                        "still waiting for the cash to show up in my bank"
                    ]),
                MarketplaceFact(
                    "Guests who cancel after check-in on a {listing} stay are refunded for unused nights only when they leave at least {hours} hours before the next night begins",
                    [
                        "we left early after check in, can we get a refund for the unused nights",
                        "we checked out days early, do we get anything for the nights we didn't stay",
                        "left the {clisting} early because it was awful, want money for the rest"
                    ])
            ]),
        MarketplaceTopic(
            id: "host-cancellations", audience: "ggggh", name: "host cancellations",
            titles: [
                "When a host cancels your reservation in {region}",
                "Host cancellation penalties for {listing} listings", "Rebooking help after a host cancellation"
            ],
            customerNames: ["host cancelled on me", "my stay got cancelled"],
            facts: [
                MarketplaceFact(
                    "Hosts in {region} who cancel a confirmed reservation pay a penalty of {percent} percent of the reservation amount",
                    [
                        "what penalty does a host pay for cancelling a reservation",
                        "the owner bailed on us, do they get punished for that",
                        "my host cancelled on me, is there any consequence for them"
                    ]),
                MarketplaceFact(
                    "Guests whose {listing} reservation is cancelled by the host receive a full refund and a travel credit of {amount}",
                    [
                        "the host cancelled my reservation, do i get a refund",
                        "the owner dropped our booking, what do we get out of it",
                        "got an email saying my stay is off, the place owner pulled it"
                    ]),
                MarketplaceFact(
                    "Hosts who cancel more than {count} reservations in a year in {region} have their listings suspended",
                    [
                        "can a host keep cancelling reservations without their listing suspended",
                        "this owner flakes on everyone, does anything happen",
                        "how many times can the owner drop bookings before you ban them"
                    ]),
                MarketplaceFact(
                    "Support offers rebooking help for comparable {listing} stays when a host cancels within {days} days of check-in",
                    [
                        "host cancelled just before check-in, will you help me rebook",
                        "we're stranded, the owner pulled out right before we arrive",
                        "need somewhere else to sleep, the {clisting} got cancelled"
                    ]),
                MarketplaceFact(
                    "Host cancellations caused by calendar errors in {region} still count toward the penalty unless reported within {hours} hours",
                    [
                        "i cancelled as a host because of a calendar error, is there a penalty",
                        "my dates were wrong on my end and i had to drop a guest",
                        "double booked by mistake, will i get dinged for cancelling"
                    ])
            ]),
        MarketplaceTopic(
            id: "payouts", audience: "hhhhh", name: "host payouts",
            titles: [
                "When you will receive your payout in {region}", "Payout methods for hosts in {region}",
                "Why a payout is delayed for {listing} hosts"
            ],
            customerNames: ["where is my money", "payout", "getting paid"],
            facts: [
                MarketplaceFact(
                    "Payouts for {listing} reservations in {region} are released {hours} hours after the guest checks in",
                    [
                        "when is my payout released after the guest checks in",
                        "when do i actually get paid for hosting",
                        "guest arrived yesterday and i still haven't seen a cent"
                    ]),
                MarketplaceFact(
                    "Bank transfers in {region} take up to {days} business days to arrive after a payout is released",
                    [
                        "how many days does a bank transfer payout take",
                        "money says sent but it's not in my account yet", "how long till the cash hits my bank"
                    ]),
                MarketplaceFact(
                    "Hosts in {region} can split a payout across up to {count} payout methods",
                    [
                        "can i split my payout across several payout methods",
                        "can the money go to me and my partner separately",
                        "want half the earnings in one account and half in another"
                    ]),
                MarketplaceFact(
                    "Payouts for stays of {nights} nights or longer are released in monthly instalments",
                    [
                        "how are payouts released for monthly stays",
                        "long term guest, do i get paid all at once or bit by bit",
                        "why did i only get part of the money for the long booking"
                    ]),
                MarketplaceFact(
                    "A payout method added in {region} is held for {days} days before it can receive funds",
                    [
                        "why is my new payout method on hold",
                        "just changed my bank details and now nothing is coming through",
                        "added a new account and you froze my earnings"
                    ])
            ]),
        MarketplaceTopic(
            id: "host-fees", audience: "hhhhh", name: "host service fees",
            titles: [
                "Host service fees in {region}", "How the host fee is calculated for {listing} listings",
                "Understanding the split fee for hosts"
            ],
            customerNames: ["your cut", "commission", "fees you take"],
            facts: [
                MarketplaceFact(
                    "Hosts of {listing} listings in {region} pay a host service fee of {percent} percent of the booking subtotal",
                    [
                        "what is the host service fee on my listing", "how much commission do you take from me",
                        "why is your cut so big on every booking"
                    ]),
                MarketplaceFact(
                    "Under the split fee model the host fee in {region} is capped at {amount} per reservation",
                    [
                        "is there a cap on the host fee per reservation",
                        "is there a maximum you can skim off one booking",
                        "is your commission limited somehow on big bookings"
                    ]),
                MarketplaceFact(
                    "Hosts who use a property management tool pay a single host-only fee of {percent} percent",
                    [
                        "what is the host-only fee with property management software",
                        "i use a channel manager, does that change what you charge me",
                        "my pms connection changed what i pay you, why"
                    ]),
                MarketplaceFact(
                    "Host service fees are deducted from each payout and shown in the earnings summary within {hours} hours",
                    [
                        "where are host fees shown in my earnings", "i can't see what you took off my money",
                        "the amount i got is less than what the guest paid, where did it go"
                    ]),
                MarketplaceFact(
                    "The host fee for stays of {nights} nights or more in {region} is reduced by {percent} percent",
                    [
                        "is the host fee reduced for long stays",
                        "do you take less from me when someone stays for months",
                        "any discount on commission for monthly renters"
                    ])
            ]),
        MarketplaceTopic(
            id: "guest-fees", audience: "ggggg", name: "guest service fees",
            titles: [
                "Guest service fees in {region}", "Why the total price changed at checkout",
                "Service fees on {listing} bookings"
            ],
            customerNames: ["extra charges", "hidden fees", "the total price"],
            facts: [
                MarketplaceFact(
                    "Guests booking a {listing} in {region} pay a guest service fee of up to {percent} percent of the subtotal",
                    [
                        "how much is the guest service fee", "why is there an extra charge on top of the nightly price",
                        "what's this random add-on at checkout"
                    ]),
                MarketplaceFact(
                    "The guest service fee in {region} is shown before payment and never changes after booking for {days} days",
                    [
                        "can the service fee change after i book", "the price went up after i paid, is that allowed",
                        "got charged more than the amount i saw when i booked"
                    ]),
                MarketplaceFact(
                    "Guest service fees are waived on reservations of {nights} nights or longer in {region}",
                    [
                        "are guest service fees waived for long reservations",
                        "do i still pay the extra bit if i stay a whole month",
                        "staying ages, do i have to pay your add-on"
                    ]),
                MarketplaceFact(
                    "Currency conversion for guests paying outside {region} adds a fee of {percent} percent",
                    [
                        "is there a currency conversion fee", "why did my bank show a different number than the site",
                        "charged in a different money and it cost me more"
                    ]),
                MarketplaceFact(
                    "Guest service fees include local taxes in {region} and are itemised on the receipt within {hours} hours",
                    [
                        "are taxes included in the guest service fee", "can i get a breakdown of what i paid",
                        "need an itemised bill for my expenses"
                    ])
            ]),
        MarketplaceTopic(
            id: "security-deposits", audience: "ggggg", name: "security deposits",
            titles: [
                "Security deposits for {listing} listings", "How security deposits work in {region}",
                "When a security deposit is returned"
            ],
            customerNames: ["deposit", "the hold on my card", "bond"],
            facts: [
                MarketplaceFact(
                    "Hosts of {listing} listings in {region} may require a security deposit of up to {amount}",
                    [
                        "how much security deposit can a host ask for",
                        "the owner wants a huge bond, is that even allowed",
                        "they want a big sum up front just in case, is that normal"
                    ]),
                MarketplaceFact(
                    "Security deposits are held on the guest card and released {days} days after checkout if no claim is filed",
                    [
                        "when is my security deposit released after checkout", "when does the hold on my card go away",
                        "there's still money blocked on my credit card since we left"
                    ]),
                MarketplaceFact(
                    "Hosts in {region} must file a deposit claim within {hours} hours of checkout",
                    [
                        "how long does a host have to file a deposit claim",
                        "can the owner still take my bond weeks later",
                        "owner says he'll keep the money but we left ages ago"
                    ]),
                MarketplaceFact(
                    "Guests can dispute a security deposit claim within {days} days by sending photos to support",
                    [
                        "how do i dispute a security deposit claim",
                        "the owner is keeping my bond for nothing, what can i do",
                        "i want to fight them taking my money, i have pictures"
                    ]),
                MarketplaceFact(
                    "Security deposits for {listing} stays in {region} cannot exceed {percent} percent of the reservation total",
                    [
                        "is there a limit on the security deposit compared to the reservation total",
                        "the bond is almost as much as the stay itself",
                        "why is the hold bigger than what i paid for the nights"
                    ])
            ]),
        MarketplaceTopic(
            id: "damage-claims", audience: "hhghh", name: "damage claims",
            titles: [
                "Filing a damage claim for a {listing}", "How damage claims are reviewed in {region}",
                "What to do when a guest damages your property"
            ],
            customerNames: ["broke something", "damage", "they trashed my place"],
            facts: [
                MarketplaceFact(
                    "Hosts in {region} must submit a damage claim within {days} days of the guest checking out",
                    [
                        "what is the deadline to submit a damage claim",
                        "the guest wrecked stuff, how long do i have to report it",
                        "found a broken tv after they left, too late to complain"
                    ]),
                MarketplaceFact(
                    "Damage claims for {listing} listings need photos and a repair estimate before review",
                    [
                        "what evidence does a damage claim need", "what proof do you want for the broken stuff",
                        "do i need pictures and a quote for the wrecked couch"
                    ]),
                MarketplaceFact(
                    "Guests have {hours} hours to respond to a damage claim before support decides it",
                    [
                        "how long do i have to respond to a damage claim",
                        "the owner says i broke something, when do i need to answer",
                        "got accused of breaking a lamp, what's my time limit to reply"
                    ]),
                MarketplaceFact(
                    "Damage reimbursements in {region} are paid to the host within {days} days after approval",
                    [
                        "when is a damage reimbursement paid after approval",
                        "you approved my claim, when do i see the money",
                        "claim accepted weeks ago and still no cash for the repairs"
                    ]),
                MarketplaceFact(
                    "Claims under {amount} in {region} are settled directly between guest and host through the resolution centre",
                    [
                        "can small damage claims be settled in the resolution centre",
                        "it's only a cracked mug, do we sort it between ourselves",
                        "tiny breakage, can i just ask the guest to pay me back"
                    ])
            ]),
        MarketplaceTopic(
            id: "taxes", audience: "ghghn", name: "occupancy taxes",
            titles: [
                "Occupancy taxes collected in {region}", "Tax information for hosts in {region}",
                "Why tax was added to a {listing} booking"
            ],
            customerNames: ["tax", "tourist tax", "the taxman"],
            facts: [
                MarketplaceFact(
                    "Occupancy tax of {percent} percent is collected automatically on {listing} bookings in {region}",
                    [
                        "is occupancy tax collected automatically on bookings", "why is there tourist tax on my bill",
                        "what's this city levy thing they added"
                    ]),
                MarketplaceFact(
                    "Hosts in {region} receive an annual earnings statement for tax filing within {days} days of year end",
                    [
                        "when do hosts receive the annual earnings statement for tax",
                        "i need my yearly income form for the taxman", "where's the document for my tax return"
                    ]),
                MarketplaceFact(
                    "Stays of {nights} nights or longer in {region} are exempt from occupancy tax",
                    [
                        "are long stays exempt from occupancy tax",
                        "staying for months, do i still pay the tourist levy",
                        "why am i paying city tax for a monthly rental"
                    ]),
                MarketplaceFact(
                    "Hosts in {region} must add a tax identification number before earnings exceed {amount}",
                    [
                        "when do i need to add a tax identification number", "you're asking for my tax id, why now",
                        "blocked until i give some tax number, what is that"
                    ]),
                MarketplaceFact(
                    "Value added tax on service fees in {region} is charged at {percent} percent",
                    [
                        "is value added tax charged on service fees", "why is there vat on top of your fee",
                        "getting taxed on your charges too, seriously"
                    ])
            ]),
        MarketplaceTopic(
            id: "payment-methods", audience: "ggggg", name: "guest payments",
            titles: [
                "Payment methods accepted in {region}", "Paying for a {listing} reservation in instalments",
                "Why a payment was declined"
            ],
            customerNames: ["my card", "paying", "charge"],
            facts: [
                MarketplaceFact(
                    "Guests in {region} can pay part now and part later when booking at least {days} days before check-in",
                    [
                        "can i pay part now and part later when booking", "can i split what i owe into two chunks",
                        "don't have all the cash now, can i pay the rest closer to the date"
                    ]),
                MarketplaceFact(
                    "A declined payment in {region} can be retried {count} times before the reservation request expires",
                    [
                        "how many times can i retry a declined payment", "my card got rejected, do i lose the booking",
                        "payment keeps failing and i'm scared we lose the place"
                    ]),
                MarketplaceFact(
                    "Split payments among up to {count} guests are available for {listing} bookings in {region}",
                    [
                        "can guests split payments for one booking", "can my friends each pay their share",
                        "we're a group, can everybody chip in separately"
                    ]),
                MarketplaceFact(
                    "Reservations in {region} are charged in the local currency unless the guest picks another within {hours} hours of booking",
                    [
                        "which currency will my reservation be charged in", "why was i billed in a foreign money",
                        "the amount on my statement is in some other currency"
                    ]),
                MarketplaceFact(
                    "Unpaid second instalments cancel the reservation {hours} hours after the due date",
                    [
                        "what happens if my second instalment is unpaid", "missed the second payment, is my trip gone",
                        "forgot to pay the rest, did you cancel us"
                    ])
            ]),
        MarketplaceTopic(
            id: "cleaning-fees", audience: "ggggg", name: "cleaning fees",
            titles: [
                "Cleaning fees on {listing} listings", "Rules for cleaning fees in {region}",
                "Disputing an extra cleaning charge"
            ],
            customerNames: ["cleaning charge", "cleaning", "mess"],
            facts: [
                MarketplaceFact(
                    "Hosts of {listing} listings in {region} may charge a cleaning fee of up to {amount} per stay",
                    [
                        "how much can a host charge as a cleaning fee",
                        "the cleaning charge is more than a night, is that ok", "they want a fortune just to tidy up"
                    ]),
                MarketplaceFact(
                    "Extra cleaning charges above {amount} in {region} must be requested through the resolution centre within {days} days",
                    [
                        "how does a host request extra cleaning charges",
                        "the owner messaged asking for more money for mess",
                        "got a bill after checkout saying we left it dirty"
                    ]),
                MarketplaceFact(
                    "Cleaning fees are refunded in full when a guest cancels before check-in on a {listing} stay",
                    [
                        "is the cleaning fee refunded if i cancel", "we never even arrived, why keep the tidy up money",
                        "do i get the housekeeping charge back after cancelling"
                    ]),
                MarketplaceFact(
                    "Hosts in {region} cannot ask guests to do chores beyond {count} basic checkout tasks",
                    [
                        "can a host ask guests to do cleaning chores at checkout",
                        "the owner wants us to mop and do laundry before leaving",
                        "ridiculous list of jobs before we go, is that allowed"
                    ]),
                MarketplaceFact(
                    "A short-stay cleaning fee applies to stays of fewer than {nights} nights in {region}",
                    [
                        "does a short-stay cleaning fee apply", "why is there a cleaning charge for just two nights",
                        "tiny stay but a massive mop-up fee"
                    ])
            ]),
        MarketplaceTopic(
            id: "coupons-credits", audience: "ggggg", name: "coupons, gift cards and travel credits",
            titles: [
                "Using coupons and travel credits in {region}", "Gift cards and credits for {listing} bookings",
                "Why a coupon did not apply"
            ],
            customerNames: ["voucher", "promo code", "gift card"],
            facts: [
                MarketplaceFact(
                    "Travel credits in {region} expire {days} days after they are issued",
                    [
                        "when do travel credits expire", "how long is my voucher good for",
                        "that credit you gave me, is it going to run out"
                    ]),
                MarketplaceFact(
                    "Gift cards can be redeemed on {listing} bookings worth at least {amount}",
                    [
                        "can a gift card be redeemed on any booking", "my present card won't work at checkout",
                        "got a gift voucher for my birthday but it's not accepted"
                    ]),
                MarketplaceFact(
                    "Coupons in {region} apply to the nightly rate only and are limited to {percent} percent off",
                    [
                        "how much can a coupon take off the nightly rate", "promo code only knocked a bit off, why",
                        "discount code barely did anything"
                    ]),
                MarketplaceFact(
                    "No more than {count} coupons can be used per reservation in {region}",
                    [
                        "can more than one coupon be used per reservation", "can i stack two promo codes",
                        "tried two discount codes and only one worked"
                    ]),
                MarketplaceFact(
                    "Credits from a cancelled reservation are returned to the account within {hours} hours",
                    [
                        "when are credits returned after a cancelled reservation",
                        "i used my voucher and then cancelled, where did it go",
                        "promo balance vanished after we called it off"
                    ])
            ])
    ]
}
