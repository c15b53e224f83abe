import Foundation
import WijknetCore

/// Single sign-on with the municipality's identity provider (OpenID Connect), from
/// `WIJKNET_OIDC_*` (`WijknetConfig.sso`).
public struct OIDCSettings: Sendable, Equatable {
    /// The provider's issuer exactly as its ID tokens name it; its discovery document lives below it.
    public var issuer: String
    public var clientID: String
    public var clientSecret: String
    /// Where the provider sends the browser back: the public address + `/inloggen/sso/terug`.
    public var redirectURL: String
    /// The ID token's claim with the person's groups.
    public var groupsClaim: String
    public var mapping: SSOGroupMapping
    /// The button on the sign-in page.
    public var label: String
    /// Whether Wijknet's own passwords still work beside single sign-on.
    public var localPasswords: Bool

    public init(issuer: String, clientID: String, clientSecret: String, redirectURL: String, groupsClaim: String = "groups",
                mapping: SSOGroupMapping, label: String = OIDCSettings.standardLabel, localPasswords: Bool = true) {
        self.issuer = issuer
        self.clientID = clientID
        self.clientSecret = clientSecret
        self.redirectURL = redirectURL
        self.groupsClaim = groupsClaim
        self.mapping = mapping
        self.label = label
        self.localPasswords = localPasswords
    }

    public static let standardLabel = "Inloggen met je account van de gemeente"

    /// Plain HTTP only for a provider on this machine (the tests'); anything else must be HTTPS.
    static func acceptable(issuer: String) -> Bool {
        guard let url = URL(string: issuer), let host = url.host else { return false }
        if url.scheme == "https" { return true }
        return url.scheme == "http" && ["127.0.0.1", "::1", "localhost"].contains(host)
    }
}

extension WijknetConfig {
    /// Single sign-on: `WIJKNET_OIDC_ISSUER` switches it on; then `WIJKNET_OIDC_CLIENT_ID`,
    /// `WIJKNET_OIDC_CLIENT_SECRET` (or `…_SECRET_FILE`), `WIJKNET_OIDC_GROUPS_FILE` (the groups'
    /// roles, `SSOGroupMapping`) and `WIJKNET_PUBLIC_URL` are needed; `WIJKNET_OIDC_GROUPS_CLAIM`
    /// (`groups`), `WIJKNET_OIDC_LABEL` and `WIJKNET_LOCAL_PASSWORDS` (`on`, or `off` to sign in with
    /// single sign-on only) may be set.
    public static func sso(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> OIDCSettings? {
        func value(_ name: String) -> String? { environment[name].flatMap { $0.isEmpty ? nil : $0 } }
        let passwords = value("WIJKNET_LOCAL_PASSWORDS") ?? "on"
        guard let issuer = value("WIJKNET_OIDC_ISSUER") else {
            switch passwords {
            case "on": return nil
            case "off": throw Missing(items: ["WIJKNET_OIDC_ISSUER: wachtwoorden uitzetten (WIJKNET_LOCAL_PASSWORDS=off) kan alleen met single sign-on"])
            default: throw Missing(items: ["een geldige waarde voor WIJKNET_LOCAL_PASSWORDS: on of off"])
            }
        }
        var wrong: [String] = []
        if !OIDCSettings.acceptable(issuer: issuer) {
            wrong.append("WIJKNET_OIDC_ISSUER: een https-adres (http alleen voor een provider op deze machine)")
        }
        let clientID = value("WIJKNET_OIDC_CLIENT_ID")
        if clientID == nil { wrong.append("WIJKNET_OIDC_CLIENT_ID: de client-id die de identity provider Wijknet gaf") }
        var secret = value("WIJKNET_OIDC_CLIENT_SECRET")
        if secret == nil, let path = value("WIJKNET_OIDC_CLIENT_SECRET_FILE") {
            secret = (try? String(contentsOfFile: path, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines)
            if secret?.isEmpty != false { wrong.append("het bestand \(path) (WIJKNET_OIDC_CLIENT_SECRET_FILE) is niet te lezen of leeg") }
        } else if secret == nil {
            wrong.append("WIJKNET_OIDC_CLIENT_SECRET of WIJKNET_OIDC_CLIENT_SECRET_FILE: het client-geheim")
        }
        var mapping: SSOGroupMapping?
        if let path = value("WIJKNET_OIDC_GROUPS_FILE") {
            if let data = FileManager.default.contents(atPath: path) {
                do { mapping = try SSOGroupMapping.parse(data) } catch { wrong += error.errors.map { "\(path): \($0.message)" } }
            } else {
                wrong.append("het bestand \(path) (WIJKNET_OIDC_GROUPS_FILE) is niet te lezen")
            }
        } else {
            wrong.append("WIJKNET_OIDC_GROUPS_FILE: welke groep welke rol krijgt (zie docs/security.md)")
        }
        let url = value("WIJKNET_PUBLIC_URL").map { $0.hasSuffix("/") ? String($0.dropLast()) : $0 }
        if !(url?.hasPrefix("https://") == true || url?.hasPrefix("http://") == true) {
            wrong.append("WIJKNET_PUBLIC_URL: het adres van Wijknet, waar de identity provider naar terugstuurt")
        }
        if !["on", "off"].contains(passwords) { wrong.append("een geldige waarde voor WIJKNET_LOCAL_PASSWORDS: on of off") }
        guard wrong.isEmpty, let clientID, let secret, let mapping, let url else { throw Missing(items: wrong) }
        return OIDCSettings(issuer: issuer, clientID: clientID, clientSecret: secret, redirectURL: url + SiteURL.ssoReturn.path,
                            groupsClaim: value("WIJKNET_OIDC_GROUPS_CLAIM") ?? "groups", mapping: mapping,
                            label: value("WIJKNET_OIDC_LABEL") ?? OIDCSettings.standardLabel, localPasswords: passwords == "on")
    }
}
