import Foundation

/// An account as an administrator creates or changes it: who (username, name, e-mail), the role,
/// and the scope the role needs. A coach and a chair work for one area; a partner professional for
/// one organisation; the other roles see no case and need no scope.
public struct AccountInput: Codable, Sendable {
    public var username: String?
    public var displayName: String?
    public var email: String?
    public var role: String?
    public var areaId: String?
    public var organisationId: String?

    public init(username: String? = nil, displayName: String? = nil, email: String? = nil, role: String? = nil,
                areaId: String? = nil, organisationId: String? = nil) {
        self.username = username
        self.displayName = displayName
        self.email = email
        self.role = role
        self.areaId = areaId
        self.organisationId = organisationId
    }

    public func validate() throws(ValidationFailure) -> ValidAccount {
        var check = Checker()
        let username = check.text(username?.trimmingCharacters(in: .whitespaces).lowercased(), "username", label: "Gebruikersnaam", limit: 40)
        if let name = username, !Self.isUsername(name) {
            check.fail("username", "Een gebruikersnaam bestaat uit 3 tot 40 kleine letters, cijfers, punten, koppeltekens of liggende streepjes.")
        }
        let displayName = check.text(displayName, "displayName", label: "Naam", limit: 120)
        let email = check.optionalText(email?.trimmingCharacters(in: .whitespaces).lowercased(), "email", label: "E-mailadres", limit: 200)
        if let email, !Self.isEmail(email) { check.fail("email", "Vul een e-mailadres in zoals naam@gemeente.nl.") }
        let role = check.choice(role, "role", label: "Rol", as: Role.self)
        let area = check.optionalID(areaId, "areaId", label: "Gebied")
        let organisation = check.optionalID(organisationId, "organisationId", label: "Organisatie")
        if let role {
            switch AccountScope.needed(for: role) {
            case .area where area == nil: check.fail("areaId", "Een \(role.label.lowercased()) werkt voor een gebied: kies het gebied.")
            case .organisation where organisation == nil: check.fail("organisationId", "Een \(role.label.lowercased()) werkt voor een organisatie: kies de organisatie.")
            default: break
            }
        }
        try check.finish()
        let scope = AccountScope.needed(for: role!)
        return ValidAccount(username: username!, displayName: displayName!, email: email, role: role!,
                            areaID: scope == .area ? area : nil,
                            // A coach may also name their organisation: the sociaal wijkteam.
                            organisationID: scope == .organisation || role == .coach ? organisation : nil)
    }

    static func isUsername(_ text: String) -> Bool {
        (3...40).contains(text.count) && text.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "." || $0 == "-" || $0 == "_"
        }
    }

    /// One @, something before it, a dot in the part after it, no spaces: enough to catch a typo
    /// without refusing real addresses.
    public static func isEmail(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !parts[1].hasPrefix("."), !parts[1].hasSuffix(".") else { return false }
        return !text.contains { $0.isWhitespace }
    }
}

/// What a role works within.
public enum AccountScope: Sendable, Equatable {
    case area, organisation, none

    public static func needed(for role: Role) -> AccountScope {
        switch role {
        case .coach, .chair: .area
        case .partner: .organisation
        case .analyst, .council, .admin, .auditor: .none
        }
    }
}

public struct ValidAccount: Sendable, Equatable {
    public let username: String
    public let displayName: String
    public let email: String?
    public let role: Role
    public let areaID: UUID?
    public let organisationID: UUID?
}
