/// What a check reads of its rule, and all it is handed: passing whole `Rule` values
/// (examples and all) copied them for every rule in every paragraph. A class, so that
/// handing it over is one reference, not a copy of each string.
final class RuleHead: Sendable {
    let id: String
    let family: Family
    let message: String
    let weight: Double

    init(id: String, family: Family, message: String, weight: Double) {
        self.id = id
        self.family = family
        self.message = message
        self.weight = weight
    }
}
