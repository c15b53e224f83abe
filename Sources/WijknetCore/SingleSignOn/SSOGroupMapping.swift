import Foundation

/// Which role and scope a member of the identity provider's groups gets in Wijknet, read from the
/// municipality's configuration (`WIJKNET_OIDC_GROUPS_FILE`):
///
///     {"wijkteam-noordwest": {"role": "coach", "areaId": "…"},
///      "zorgaanbieder-x":    {"role": "partner", "organisationId": "…"},
///      "functioneel-beheer": {"role": "admin"}}
///
/// The groups decide: a person in no mapped group gets no access, and a person whose groups map
/// to different roles or scopes is refused rather than given one of them by chance.
public struct SSOGroupMapping: Sendable, Equatable {
    public struct Grant: Sendable, Equatable, Codable {
        public let role: Role
        public let areaId: UUID?
        public let organisationId: UUID?

        public init(role: Role, areaId: UUID? = nil, organisationId: UUID? = nil) {
            self.role = role
            self.areaId = areaId
            self.organisationId = organisationId
        }
    }

    public enum Resolution: Sendable, Equatable {
        case granted(Grant)
        /// None of the person's groups is mapped.
        case noRole
        /// The person's mapped groups grant different roles or scopes.
        case conflicting(groups: [String])
    }

    public let grants: [String: Grant]

    public init(grants: [String: Grant]) { self.grants = grants }

    /// Reads the mapping and checks every entry has the scope its role needs (and no other), so a
    /// mistake shows at start-up instead of at somebody's first sign-in.
    public static func parse(_ data: Data) throws(ValidationFailure) -> SSOGroupMapping {
        let raw: [String: Grant]
        do {
            raw = try JSONDecoder().decode([String: Grant].self, from: data)
        } catch {
            throw ValidationFailure("groups", "De groepenindeling is geen geldige JSON van de vorm {\"groep\": {\"role\": \"coach\", \"areaId\": \"…\"}}; rollen: \(Role.allCases.map(\.rawValue).joined(separator: ", ")).")
        }
        var problems: [FieldError] = []
        for (group, grant) in raw.sorted(by: { $0.key < $1.key }) {
            let scope = AccountScope.needed(for: grant.role)
            if scope == .area, grant.areaId == nil { problems.append(FieldError(group, "Groep \(group): de rol \(grant.role.rawValue) heeft een areaId nodig.")) }
            if scope == .organisation, grant.organisationId == nil {
                problems.append(FieldError(group, "Groep \(group): de rol \(grant.role.rawValue) heeft een organisationId nodig."))
            }
            if scope != .area, grant.areaId != nil { problems.append(FieldError(group, "Groep \(group): de rol \(grant.role.rawValue) werkt niet voor een gebied; haal areaId weg.")) }
            if scope != .organisation, grant.role != .coach, grant.organisationId != nil {
                problems.append(FieldError(group, "Groep \(group): de rol \(grant.role.rawValue) werkt niet voor een organisatie; haal organisationId weg."))
            }
        }
        if raw.isEmpty { problems.append(FieldError("groups", "De groepenindeling noemt geen enkele groep.")) }
        guard problems.isEmpty else { throw ValidationFailure(problems) }
        return SSOGroupMapping(grants: raw)
    }

    public func resolve(_ groups: [String]) -> Resolution {
        let matched = Set(groups).filter { grants[$0] != nil }.sorted()
        guard let first = matched.first.flatMap({ grants[$0] }) else { return .noRole }
        guard matched.allSatisfy({ grants[$0] == first }) else { return .conflicting(groups: matched) }
        return .granted(first)
    }
}
