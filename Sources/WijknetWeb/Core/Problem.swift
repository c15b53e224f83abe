import Vapor
import WijknetStore
import WijknetCore

/// An RFC 9457 problem document. `errors` names each field that was wrong.
struct Problem: Content {
    var type: String = "about:blank"
    var title: String
    var status: Int
    var detail: String?
    var errors: [FieldError]?

    static let contentType = HTTPMediaType(type: "application", subType: "problem+json")

    func response() -> Response {
        let response = Response(status: HTTPResponseStatus(statusCode: status))
        try? response.content.encode(self, as: .json)
        response.headers.contentType = Problem.contentType
        return response
    }
}

/// Maps every error to what the user may know: a status, a Dutch title and, for input errors,
/// the fields. Internal details never reach the response.
enum ErrorMapping {
    static func problem(for error: any Error) -> Problem {
        switch error {
        case let error as WijknetStore.StoreError:
            return problem(store: error)
        case let failure as ValidationFailure:
            return Problem(title: "De invoer is niet geldig", status: 422, detail: failure.errors.first?.message, errors: failure.errors)
        case let error as DecodingError:
            let field = fieldName(error)
            let message = field == "body" ? "De inhoud is geen geldige JSON." : "Dit veld ontbreekt of heeft een verkeerd type."
            return Problem(title: "De invoer is niet geldig", status: 422, detail: message, errors: [FieldError(field, message)])
        case let abort as any AbortError:
            return Problem(title: title(for: abort.status), status: Int(abort.status.code), detail: detail(for: abort))
        default:
            if let trouble = DatabaseTrouble(error) { return problem(trouble) }
            return Problem(title: "Er ging iets mis", status: 500, detail: "Probeer het later opnieuw.")
        }
    }

    /// The database failed, not the request: come back later (`retryAfter`). What was stored
    /// before stays; what this request wrote was rolled back, unless the answer was lost after
    /// the commit, which the user cannot tell apart: so "check", not "nothing was stored".
    static func problem(_ trouble: DatabaseTrouble) -> Problem {
        switch trouble {
        case .unavailable:
            Problem(title: "Even niet beschikbaar", status: 503,
                    detail: "De database van Wijknet antwoordt even niet. Kijk na een minuut of wat je deed is opgeslagen, en doe het anders opnieuw.")
        case .diskFull:
            Problem(title: "Even niet beschikbaar", status: 503,
                    detail: "Wijknet kan nu niets opslaan of openen: de schijf van de database is vol. Wat al was opgeslagen, blijft bewaard. Meld het aan de beheerder.")
        }
    }

    /// Seconds to wait before trying again, sent as Retry-After: a restarting database is back
    /// in seconds, a full disk needs someone to act.
    static func retryAfter(_ trouble: DatabaseTrouble) -> Int {
        switch trouble {
        case .unavailable: 5
        case .diskFull: 60
        }
    }

    static func problem(store error: WijknetStore.StoreError) -> Problem {
        switch error {
        case .notFound(let what): Problem(title: "Niet gevonden", status: 404, detail: "\(what.prefix(1).uppercased() + what.dropFirst()) niet gevonden, of niet voor jou zichtbaar.")
        case .forbidden: Problem(title: "Geen toegang", status: 403, detail: "Je rol geeft geen toegang tot deze handeling.")
        case .conflict(let message): Problem(title: "Conflict", status: 409, detail: message)
        case .invalid(let failure): Problem(title: "De invoer is niet geldig", status: 422, detail: failure.errors.first?.message, errors: failure.errors)
        case .notAllowed(let message): Problem(title: "Niet toegestaan in deze status", status: 409, detail: message)
        }
    }

    /// Our own reasons are Dutch; Vapor's own for a body too large or of an unknown type are
    /// English, so those statuses get a Dutch text of their own.
    static func detail(for abort: any AbortError) -> String? {
        switch abort.status.code {
        case 413: "Wat je stuurt is groter dan Wijknet hier aanneemt."
        case 415: "Wijknet leest dit formaat hier niet. Stuur JSON (application/json), of bij een import CSV (text/csv)."
        // Our own "come back later"; every other server error stays without detail.
        case 503: abort.reason
        case 500...: nil
        default: abort.reason
        }
    }

    static func title(for status: HTTPResponseStatus) -> String {
        switch status.code {
        case 400: "Ongeldig verzoek"
        case 401: "Niet ingelogd"
        case 403: "Geen toegang"
        case 404: "Niet gevonden"
        case 405: "Methode niet toegestaan"
        case 409: "Conflict"
        case 413: "Te groot"
        case 415: "Onbekend formaat"
        case 422: "De invoer is niet geldig"
        case 429: "Te veel pogingen"
        case 503: "Even niet beschikbaar"
        default: status.code >= 500 ? "Er ging iets mis" : status.reasonPhrase
        }
    }

    /// `outcomes[0].kind` from a decoding error's coding path; `body` when the JSON itself is broken.
    static func fieldName(_ error: DecodingError) -> String {
        let path: [any CodingKey]
        switch error {
        case .keyNotFound(let key, let context): path = context.codingPath + [key]
        case .typeMismatch(_, let context), .valueNotFound(_, let context): path = context.codingPath
        case .dataCorrupted(let context):
            path = context.codingPath
            if path.isEmpty { return "body" }
        @unknown default: return "body"
        }
        var name = ""
        for key in path {
            if let index = key.intValue { name += "[\(index)]" } else { name += (name.isEmpty ? "" : ".") + key.stringValue }
        }
        return name.isEmpty ? "body" : name
    }
}
