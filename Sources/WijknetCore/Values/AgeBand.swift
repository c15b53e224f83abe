/// The age band of a resident, for places that must not show a birth date (a pseudonymised
/// agenda item, aggregates).
public enum AgeBand {
    public static func of(birthDate: CalendarDate, on day: CalendarDate) -> String {
        var age = day.year - birthDate.year
        if (day.month, day.day) < (birthDate.month, birthDate.day) { age -= 1 }
        switch age {
        case ..<12: return "0–11 jaar"
        case 12..<18: return "12–17 jaar"
        case 18..<27: return "18–26 jaar"
        case 27..<50: return "27–49 jaar"
        case 50..<67: return "50–66 jaar"
        default: return "67 jaar en ouder"
        }
    }
}
