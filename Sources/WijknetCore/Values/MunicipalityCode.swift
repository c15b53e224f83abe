import Foundation

/// A municipality's CBS code as people write it: `0202`, `GM0202` or `gm0202` all mean Arnhem,
/// stored as `GM0202`.
public enum MunicipalityCode {
    /// `GM` and four digits; nil for anything else.
    public static func normalised(_ text: String) -> String? {
        let upper = text.trimmingCharacters(in: .whitespaces).uppercased()
        let digits = upper.hasPrefix("GM") ? String(upper.dropFirst(2)) : upper
        guard digits.count == 4, digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber) else { return nil }
        return "GM" + digits
    }
}
