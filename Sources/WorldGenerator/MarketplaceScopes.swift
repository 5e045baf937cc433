/// The scope slots of a marketplace policy: the region it applies in and the listing type it
/// covers. Articles use the formal name; customers use the colloquial forms (a city, "the UK",
/// "whole house"), which rarely share a word with the formal name.
struct MarketplaceRegion: Sendable {
    /// Formal name, as help-centre articles write it.
    var name: String
    /// Currency code amounts are written in.
    var currency: String
    /// Multiplier applied to amounts (JPY amounts are ×100).
    var amountScale: Int
    /// What customers say instead: places and short names.
    var colloquial: [String]
    /// Customer locales, most likely first.
    var locales: [String]
}

struct MarketplaceListingType: Sendable {
    var name: String
    var colloquial: [String]
}

enum MarketplaceScopes {
    static let regions: [MarketplaceRegion] = [
        .init(
            name: "the United States", currency: "USD", amountScale: 1,
            colloquial: ["the US", "the States", "New York", "California", "Florida", "Texas", "Chicago"],
            locales: ["en-US"]),
        .init(
            name: "the United Kingdom", currency: "GBP", amountScale: 1,
            colloquial: ["the UK", "London", "Edinburgh", "Manchester", "Cornwall", "Scotland"],
            locales: ["en-GB"]),
        .init(
            name: "the European Union", currency: "EUR", amountScale: 1,
            colloquial: ["France", "Spain", "Italy", "Lisbon", "Berlin", "Amsterdam", "Paris", "Barcelona"],
            locales: ["en-GB", "en-IE", "en-US"]),
        .init(
            name: "Canada", currency: "CAD", amountScale: 1,
            colloquial: ["Toronto", "Vancouver", "Montreal", "BC", "Ontario"],
            locales: ["en-CA"]),
        .init(
            name: "Australia", currency: "AUD", amountScale: 1,
            colloquial: ["Sydney", "Melbourne", "Brisbane", "Perth", "Queensland", "Aus"],
            locales: ["en-AU"]),
        .init(
            name: "Japan", currency: "JPY", amountScale: 100,
            colloquial: ["Tokyo", "Kyoto", "Osaka", "Hokkaido"],
            locales: ["en-US", "en-GB"]),
        .init(
            name: "Mexico", currency: "MXN", amountScale: 10,
            colloquial: ["Cancun", "Tulum", "Oaxaca", "Puerto Vallarta", "CDMX"],
            locales: ["en-US", "en-CA"]),
        .init(
            name: "New Zealand", currency: "NZD", amountScale: 1,
            colloquial: ["Auckland", "Queenstown", "Wellington", "NZ"],
            locales: ["en-NZ", "en-AU"])
    ]

    static let listingTypes: [MarketplaceListingType] = [
        .init(name: "entire home", colloquial: ["whole house", "house", "villa", "whole place", "cottage"]),
        .init(
            name: "private room",
            colloquial: ["a room", "spare room", "bedroom in someone's flat", "room in their apartment"]),
        .init(name: "shared room", colloquial: ["dorm bed", "a bunk", "shared space", "couch"]),
        .init(name: "serviced apartment", colloquial: ["flat", "condo", "studio", "apartment"]),
        .init(name: "boutique hotel", colloquial: ["B&B", "guesthouse", "inn", "little hotel"]),
        .init(name: "unique stay", colloquial: ["treehouse", "yurt", "cabin", "tiny house", "houseboat"])
    ]
}
