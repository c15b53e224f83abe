import Fluent
import Foundation
import Vapor
import WijknetCore
import WijknetStore

/// `wijknet users add --role beheerder --username NAME`: an account on an empty or existing
/// database (the schema is brought up to date first), and a one-time link, printed once, with
/// which its owner chooses a password. This is how a real installation gets its first
/// administrator; everyone after that can be added on the page Accounts.
struct UsersCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "action", help: "add")
        var action: String
        @Option(name: "role", help: "beheerder, wijkcoach, voorzitter, netwerkpartner, beleidsadviseur, raadslid or auditor")
        var role: String?
        @Option(name: "username", help: "Lower-case letters, digits, . - _")
        var username: String?
        @Option(name: "name", help: "The person's name (default: the username)")
        var name: String?
        @Option(name: "email", help: "E-mail address")
        var email: String?
        @Option(name: "area", help: "For a wijkcoach or voorzitter: the area's name")
        var area: String?
        @Option(name: "organisation", help: "For a netwerkpartner: the organisation's name")
        var organisation: String?
        @Option(name: "url", help: "Where Wijknet is reached, for the link (default http://127.0.0.1:8080)")
        var url: String?
    }

    var help: String { "Adds an account and prints a one-time link to set its password (wijknet users add --role beheerder --username NAME)" }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard signature.action == "add" else { throw Refused(description: "Onbekende opdracht '\(signature.action)'. Gebruik: wijknet users add --role beheerder --username NAAM") }
        guard let roleName = signature.role, let role = Role(commandLineName: roleName) else {
            throw Refused(description: "Geef een rol met --role: \(Role.allCases.map(\.commandLineName).joined(separator: ", ")).")
        }
        let app = context.application
        try await app.autoMigrate().get()
        let areaID = try await find(Area.self, signature.area, what: "gebied", on: app.db) { $0.name }
        let organisationID = try await find(Organisation.self, signature.organisation, what: "organisatie", on: app.db) { $0.name }
        let service = AccountService(db: app.db, actor: AccountService.operatorRun, hasher: { try app.password.hash($0) })
        let input = AccountInput(username: signature.username, displayName: signature.name ?? signature.username, email: signature.email,
                                 role: role.rawValue, areaId: areaID?.uuidString, organisationId: organisationID?.uuidString)
        do {
            let (user, link) = try await service.create(input)
            guard app.wijknetConfig.localPasswords else {
                // The link would open nothing: the person signs in at the identity provider.
                context.console.print("Account \(user.username) (\(role.label)) aangemaakt. Wachtwoorden staan uit (WIJKNET_LOCAL_PASSWORDS=off):")
                context.console.print("bij de eerste aanmelding met single sign-on wordt het gekoppeld via het e-mailadres, als de identity provider dat bevestigt.")
                return
            }
            let base = (signature.url ?? "http://127.0.0.1:8080").trimmingCharacters(in: CharacterSet(charactersIn: "/"))
            context.console.print("Account \(user.username) (\(role.label)) aangemaakt.")
            context.console.print("Eenmalige link om het wachtwoord te kiezen (\(PasswordLink.lifetimeHours) uur geldig, werkt één keer):")
            context.console.print("\(base)/wachtwoord/\(link)")
        } catch StoreError.invalid(let failure) {
            throw Refused(description: failure.errors.map(\.message).joined(separator: "\n"))
        }
    }

    /// By name (any case) or id; nil when not asked for.
    private func find<M: Model>(_ type: M.Type, _ text: String?, what: String, on db: any Database, name: (M) -> String) async throws -> UUID?
        where M.IDValue == UUID {
        guard let text, !text.isEmpty else { return nil }
        let all = try await M.query(on: db).all()
        guard let found = all.first(where: { $0.id?.uuidString == text.uppercased() || name($0).lowercased() == text.lowercased() }) else {
            throw Refused(description: "Onbekend \(what) '\(text)'; bekend: \(all.map(name).sorted().joined(separator: ", ")).")
        }
        return found.id
    }
}
