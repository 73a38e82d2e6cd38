import Crypto
import Foundation

public enum Digest {
    /// Lower-case hex SHA-256 of a string's UTF-8 bytes.
    public static func sha256(_ text: String) -> String {
        SHA256.hash(data: Data(text.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}
