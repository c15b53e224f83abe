import WijknetCore
import WijknetStore

/// How one request's resident is named to the reader: by name, or by pseudonym (age band and
/// wijk) where `CasePolicy.showsIdentity` says so. Every list, case file and drill-down, page
/// and API, names residents through this, so the rule holds everywhere at once.
struct ResidentIdentity {
    /// The resident's name; nil when the reader sees the pseudonym only.
    let name: String?
    /// "27–49 jaar, Klarendal"; nil when the reader sees the name.
    let pseudonym: String?

    /// `resident` and `district` are the request's own, when loaded.
    init(_ request: SupportRequest, resident: Resident?, district: District?, for actor: Actor, today: CalendarDate = .today()) {
        if CasePolicy.showsIdentity(to: actor, consentForMeeting: request.consentForMeeting) {
            name = resident?.fullName
            pseudonym = nil
        } else {
            name = nil
            let age = resident.flatMap { CalendarDate($0.birthDate) }.map { AgeBand.of(birthDate: $0, on: today) }
            pseudonym = [age, district?.name].compactMap { $0 }.joined(separator: ", ")
        }
    }

    /// For a list that loaded the request with its resident and district.
    init(_ request: SupportRequest, for actor: Actor) {
        self.init(request, resident: request.$resident.value, district: request.$district.value, for: actor)
    }

    var isNamed: Bool { pseudonym == nil }

    /// What a page shows: the name, or "Inwoner (27–49 jaar, Klarendal)".
    var display: String { name ?? "Inwoner (\(pseudonym ?? "zonder naam"))" }
}
