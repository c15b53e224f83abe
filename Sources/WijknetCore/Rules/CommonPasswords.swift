/// Passwords of twelve characters or more that people often choose, as attackers try them first.
/// Kept short and written for this project (no third-party list): the English and Dutch classics,
/// keyboard walks, counting, and the names of the organisation and the season with a year.
enum CommonPasswords {
    static func contains(_ lowercased: String) -> Bool {
        if list.contains(lowercased) { return true }
        // "welkom2026!", "wachtwoord123", "zomer2025wijknet": a common word with digits or a symbol around it.
        let letters = String(lowercased.filter(\.isLetter))
        return lowercased.count - letters.count <= 8 && stems.contains(letters)
    }

    static let stems: Set<String> = [
        "welkom", "wachtwoord", "password", "passwort", "wijknet", "gemeente", "arnhem", "zomer", "winter", "lente", "herfst",
        "voorjaar", "najaar", "januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
        "november", "december", "summer", "spring", "autumn", "qwerty", "qwertyuiop", "azerty", "asdfgh", "asdfghjkl", "zxcvbnm",
        "letmein", "iloveyou", "admin", "administrator", "beheer", "beheerder", "wijkteam", "sociaal", "sociaaldomein", "wijkcoach",
        "voorzitter", "welkomwelkom", "passwordpassword", "wachtwoordwachtwoord", "welkomgemeente", "welkomarnhem", "abc", "abcdef",
        "abcdefgh", "abcdefghijkl", "changeme", "verander", "veranderen", "geheim", "secret", "test", "testen", "monkey", "dragon",
        "football", "voetbal", "ajax", "feyenoord", "vitesse", "psv", "nederland", "holland", "amsterdam", "rotterdam", "utrecht",
        "trustno", "master", "sunshine", "princess", "starwars", "whatever", "superman", "batman", "michael", "jennifer",
    ]

    static let list: Set<String> = [
        "123456789012", "1234567890123", "12345678901234", "123456789abc", "1234567890ab", "012345678901", "111111111111",
        "000000000000", "123123123123", "121212121212", "987654321098", "098765432109", "112233445566", "123412341234",
        "qwertyuiopas", "qwertyuiop12", "qwerty123456", "1qaz2wsx3edc", "1q2w3e4r5t6y", "q1w2e3r4t5y6", "zaq12wsxcde3",
        "qazwsxedcrfv", "asdfghjkl123", "azertyuiopqs", "passw0rd1234", "p@ssw0rd1234", "p@ssword1234", "welkom123456",
        "wachtwoord12", "wachtwoord123", "welkom01welkom", "ditismijnwachtwoord", "mijnwachtwoord", "geheimwachtwoord",
        "correcthorsebatterystaple", "iloveyou1234", "letmein12345", "changeme1234", "administrator", "administrator1",
    ]
}
