import Foundation

/// A welfare referral (toeleiding): recorded with the same care as an assignment.
public struct ReferralInput: Codable, Sendable {
    public var partnerId: String?
    public var activity: String?
    public var date: String?
    public var status: String?

    public init(partnerId: String? = nil, activity: String? = nil, date: String? = nil, status: String? = nil) {
        self.partnerId = partnerId
        self.activity = activity
        self.date = date
        self.status = status
    }

    public func validate() throws(ValidationFailure) -> ValidReferral {
        var check = Checker()
        let partner = check.id(partnerId, "partnerId", label: "Welzijnspartner")
        let activity = check.text(activity, "activity", label: "Activiteit")
        let date = check.date(date, "date", label: "Datum")
        let status = check.choice(status ?? ReferralStatus.proposed.rawValue, "status", label: "Status", as: ReferralStatus.self)
        try check.finish()
        return ValidReferral(partnerID: partner!, activity: activity!, date: date!, status: status!)
    }
}

public struct ValidReferral: Sendable {
    public let partnerID: UUID
    public let activity: String
    public let date: CalendarDate
    public let status: ReferralStatus
}
