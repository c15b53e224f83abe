import Vapor
import WijknetWeb

/// `wijknet backup --to FILE` while Wijknet serves, and `wijknet restore --from FILE` with every
/// instance stopped. Both check the copy's audit chain and that the configured key opens it.
struct BackupCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "to", help: "The new backup file")
        var to: String?
    }

    var help: String { "Takes a checked backup of the database (wijknet backup --to FILE)" }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard let path = signature.to else { throw Refused(description: "Gebruik: wijknet backup --to BESTAND") }
        do {
            let checked = try await Backup.take(context.application, to: path)
            context.console.print("Back-up gemaakt: \(path), gecontroleerd: de auditlog is intact (\(checked.auditEntries) regels, kop \(checked.auditHash)).")
            context.console.print("Bewaar de kop bij de back-up, en de sleutel (WIJKNET_BSN_KEY of WIJKNET_BSN_KEY_FILE) apart ervan: zonder die sleutel zijn de BSN's niet te lezen.")
        } catch let failed as Backup.Failed {
            throw Refused(description: "Geen back-up: \(failed.description)")
        }
    }
}

struct RestoreCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "from", help: "The backup file")
        var from: String?
        @Flag(name: "replace", help: "Replace a database that holds data")
        var replace: Bool
    }

    var help: String { "Puts a backup in place of the database; stop Wijknet first (wijknet restore --from FILE [--replace])" }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard let path = signature.from else { throw Refused(description: "Gebruik: wijknet restore --from BESTAND [--replace]") }
        do {
            let checked = try await Backup.restore(context.application, from: path, replace: signature.replace)
            context.console.print("Teruggezet uit \(path): de auditlog is intact (\(checked.auditEntries) regels, kop \(checked.auditHash)); vergelijk de kop met wat bij de back-up is bewaard.")
        } catch let failed as Backup.Failed {
            throw Refused(description: "Niet teruggezet: \(failed.description)")
        }
    }
}
