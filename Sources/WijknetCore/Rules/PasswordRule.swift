/// What a new password must be, after the NCSC's advice: long enough, not one everybody uses, not
/// the username; no rules about capitals, digits or symbols, and no forced changes.
public enum PasswordRule {
    public static let minimumLength = 12
    /// bcrypt reads 72 bytes; a longer password would be cut silently, so it is refused instead.
    public static let maximumBytes = 72

    /// Why `password` cannot be used, in Dutch; nil when it can.
    public static func problem(_ password: String, username: String) -> String? {
        if password.count < minimumLength { return "Een wachtwoord heeft minstens \(minimumLength) tekens; een zin van een paar woorden werkt goed." }
        if password.utf8.count > maximumBytes { return "Een wachtwoord heeft hoogstens \(maximumBytes) bytes (ongeveer \(maximumBytes) letters zonder accenten)." }
        let lower = password.lowercased()
        if Set(lower).count <= 2 { return "Dit wachtwoord is te voorspelbaar: het herhaalt steeds dezelfde tekens." }
        if !username.isEmpty, lower.contains(username.lowercased()) { return "Een wachtwoord mag de gebruikersnaam niet bevatten." }
        if CommonPasswords.contains(lower) { return "Dit wachtwoord staat op de lijst van veelgebruikte wachtwoorden. Kies een ander." }
        return nil
    }
}
