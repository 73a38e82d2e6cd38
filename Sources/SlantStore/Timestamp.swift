import Foundation

/// Store times: ISO 8601, UTC, milliseconds. Strings rather than `Date` so a round trip
/// through an export reproduces them byte for byte.
public enum Timestamp {
    public static func now() -> String { string(Date()) }

    public static func string(_ date: Date) -> String {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        f.timeZone = TimeZone(identifier: "UTC")
        return f.string(from: date)
    }
}
