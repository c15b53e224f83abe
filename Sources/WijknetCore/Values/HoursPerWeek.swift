/// Hours per week of an assignment, as the API, the form and the import accept them: more than 0,
/// at most `Limits.maxHoursPerWeek`, in at most two decimals. A value is kept exactly as entered;
/// one outside the rule is refused with what is allowed, never rounded.
public enum HoursPerWeek {
    /// The Dutch message for a value that is not allowed; nil when it is.
    public static func problem(_ hours: Double) -> String? {
        guard hours.isFinite, hours > 0, hours <= Limits.maxHoursPerWeek else {
            return "Uren per week moet groter zijn dan 0 en hoogstens \(Int(Limits.maxHoursPerWeek)) zijn."
        }
        let hundredths = hours * 100
        guard abs(hundredths - hundredths.rounded()) < 1e-6 else {
            return "Uren per week heeft hoogstens twee decimalen (bijvoorbeeld 2,25 of 1,5)."
        }
        return nil
    }
}
