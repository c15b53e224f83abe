import Vapor
import WijknetCore
import WijknetStore

/// The audit log's filters as the page's form and the API's query string give them, checked in
/// one place: an empty value is no filter, an unknown action or a bad date a message.
struct AuditFilterInput: Content {
    var username: String?
    var action: String?
    var from: String?
    var to: String?
    var subject: String?
    var subjectId: String?

    static let perPage = 50

    /// The filter, or the problems with it.
    func filter() -> Result<AuditQuery.Filter, ValidationFailure> {
        func given(_ value: String?) -> String? { value.flatMap { $0.isEmpty ? nil : $0 } }
        var check = Checker()
        let action = given(action).flatMap { check.choice($0, "action", label: "Handeling", as: AuditAction.self) }
        let from = check.optionalDate(given(from), "from", label: "Vanaf")
        let to = check.optionalDate(given(to), "to", label: "Tot en met")
        let subject = check.optionalText(given(subject), "subject", label: "Onderwerp")
        let subjectID = check.optionalText(given(subjectId), "subjectId", label: "Kenmerk")
        do {
            try check.finish()
            return .success(AuditQuery.Filter(username: given(username), action: action, from: from, to: to, subject: subject, subjectID: subjectID))
        } catch {
            return .failure(error)
        }
    }
}
