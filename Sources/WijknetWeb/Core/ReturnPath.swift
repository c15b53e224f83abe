/// A page of this site to go back to after signing in (`/inloggen?terug=…`). Only a path on this
/// host is taken: no scheme, no `//host`, no backslash, no control character, so the login page
/// can never send anyone elsewhere (an open redirect).
struct ReturnPath: Equatable {
    let path: String

    static let maxLength = 1_000

    init?(_ text: String?) {
        guard let text, text.count <= Self.maxLength, text.hasPrefix("/"), !text.hasPrefix("//"),
              !text.contains("\\"), !text.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }),
              text != SiteURL.login.path, text != SiteURL.logout.path else { return nil }
        path = text
    }
}
