import WijknetCore

extension Checker {
    /// An amount of at least zero, exact to the cent; refused rather than rounded.
    mutating func amount(_ value: String?, _ field: String, label: String, notation: Money.Notation, required: Bool = true) -> Money? {
        guard let value, !value.trimmingCharacters(in: .whitespaces).isEmpty else {
            if required { fail(field, "\(label) is verplicht.") }
            return nil
        }
        switch Money.parse(value, notation) {
        case .failure(let problem):
            fail(field, problem.message(label: label))
            return nil
        case .success(let money) where money < .zero:
            fail(field, "\(label) kan niet negatief zijn.")
            return nil
        case .success(let money):
            return money
        }
    }

    /// A decimal value of an indicator.
    mutating func measure(_ value: String?, _ field: String, label: String, notation: Money.Notation, required: Bool = true) -> Measure? {
        guard let value, !value.trimmingCharacters(in: .whitespaces).isEmpty else {
            if required { fail(field, "\(label) is verplicht.") }
            return nil
        }
        guard let measure = Measure(value, notation) else {
            fail(field, "\(label) is geen getal, of heeft meer dan 15 cijfers of meer dan 6 cijfers achter de \(notation == .point ? "punt" : "komma"). Schrijf het als \(notation == .point ? "12.5" : "12,5"), zonder scheidingsteken voor duizendtallen.")
            return nil
        }
        return measure
    }
}
