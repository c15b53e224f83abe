import Foundation

/// The fields of a submitted form (`application/x-www-form-urlencoded`) in the order they came,
/// repeated names kept: what the user typed, to be sent again after they signed in anew. The
/// CSRF token is left out; the form that sends them again carries a fresh one.
struct FormBody: Equatable {
    let fields: [(name: String, value: String)]

    init(fields: [(name: String, value: String)]) { self.fields = fields }

    /// nil when the body is not a form a person filled in (an upload, JSON, or undecodable text).
    init?(urlEncoded body: String) {
        var fields: [(String, String)] = []
        for pair in body.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = Self.decode(parts[0]), let value = Self.decode(parts.count > 1 ? parts[1] : "") else { return nil }
            if name != CSRF.field { fields.append((name, value)) }
        }
        self.fields = fields
    }

    /// The same fields encoded again, to travel in one hidden field of the sign-in form.
    var urlEncoded: String {
        fields.map { "\(Self.encode($0.name))=\(Self.encode($0.value))" }.joined(separator: "&")
    }

    static func == (a: FormBody, b: FormBody) -> Bool {
        a.fields.count == b.fields.count && zip(a.fields, b.fields).allSatisfy { $0.name == $1.name && $0.value == $1.value }
    }

    private static func decode(_ part: Substring) -> String? {
        String(part).replacingOccurrences(of: "+", with: " ").removingPercentEncoding
    }

    private static let unreserved = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._*")

    private static func encode(_ text: String) -> String {
        (text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? "").replacingOccurrences(of: "%20", with: "+")
    }
}
