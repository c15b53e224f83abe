import Vapor
import WijknetCore

/// What a form shows: the values the user typed and the errors per field.
struct FormState {
    var values: [String: String] = [:]
    var errors: [FieldError] = []

    subscript(_ name: String) -> String { values[name] ?? "" }

    func error(_ name: String) -> String? { errors.first { $0.field == name }?.message }
}

/// Whether a field must be filled in, and what its label says about it. Only a field that may
/// really stay empty says "(niet verplicht)"; a field needed in some cases says when instead, so a
/// field marked as not required never gets "is verplicht".
enum Need {
    case required
    /// May stay empty: "(niet verplicht)".
    case optional
    /// A search or filter field: empty means "all", nothing to say.
    case filter
    /// Needed only in some cases, which the hint names ("Verplicht bij de directe route.").
    case when(String)

    var isRequired: Bool { if case .required = self { true } else { false } }

    var mark: Markup {
        if case .optional = self { return " <span class=\"optional\">(niet verplicht)</span>" }
        return .empty
    }

    /// The hint shown under the label: the field's own, and for a conditional field when it is needed.
    func hint(_ hint: String?) -> String? {
        guard case .when(let condition) = self else { return hint }
        return [condition, hint].compactMap { $0 }.joined(separator: " ")
    }
}

/// Accessible form controls: every control has a label; an error is tied to its control by
/// `aria-describedby` and listed in a summary at the top with a link to the field.
enum Form {
    static func csrf(_ req: Request) -> Markup {
        "<input type=\"hidden\" name=\"\(CSRF.field)\" value=\"\(req.csrfToken)\">"
    }

    static func hidden(_ name: String, _ value: String) -> Markup {
        "<input type=\"hidden\" name=\"\(name)\" value=\"\(value)\">"
    }

    static func errorSummary(_ state: FormState, fieldIDs: [String: String] = [:]) -> Markup {
        guard !state.errors.isEmpty else { return .empty }
        let items = state.errors.map { e -> Markup in
            "<li><a href=\"#\(fieldIDs[e.field] ?? id(e.field))\">\(e.message)</a></li>"
        }
        let count = state.errors.count == 1 ? "Er is 1 fout" : "Er zijn \(state.errors.count) fouten"
        // autofocus: the page opens at the summary, wherever on the page the form is.
        return """
        \(Markup(raw: errorSummaryStart)) role="alert" tabindex="-1" autofocus><h2>\(count) in het formulier</h2><ul>\(items)</ul></div>
        """
    }

    /// How every error summary begins; user text is escaped, so only a summary can contain it.
    static let errorSummaryStart = "<div class=\"error-summary\""

    static func id(_ field: String) -> String {
        "f-" + field.map { $0.isLetter || $0.isNumber ? String($0) : "-" }.joined()
    }

    private static func describedBy(_ field: String, _ state: FormState, hint: String?) -> (attrs: Markup, hint: Markup, error: Markup) {
        let fid = id(field)
        var ids: [String] = []
        var hintMarkup = Markup.empty
        var errorMarkup = Markup.empty
        if let hint {
            ids.append(fid + "-hint")
            hintMarkup = "<p class=\"hint\" id=\"\(fid)-hint\">\(hint)</p>"
        }
        if let error = state.error(field) {
            ids.append(fid + "-error")
            errorMarkup = "<p class=\"field-error\" id=\"\(fid)-error\"><span class=\"visually-hidden\">Fout: </span>\(error)</p>"
        }
        let invalid = state.error(field) != nil ? " aria-invalid=\"true\"" : ""
        let attrs: Markup = ids.isEmpty ? Markup(raw: invalid) : "\(Markup(raw: invalid)) aria-describedby=\"\(ids.joined(separator: " "))\""
        return (attrs, hintMarkup, errorMarkup)
    }

    static func text(_ name: String, _ label: String, _ state: FormState, type: String = "text", need: Need = .required,
                     hint: String? = nil, autocomplete: String = "off") -> Markup {
        let d = describedBy(name, state, hint: need.hint(hint))
        let req: Markup = need.isRequired ? " required" : ""
        return """
        <div class="field\(Markup(raw: state.error(name) != nil ? " has-error" : ""))"><label for="\(id(name))">\(label)\(need.mark)</label>\(d.hint)\(d.error)
        <input id="\(id(name))" name="\(name)" type="\(type)" value="\(state[name])" autocomplete="\(autocomplete)"\(req)\(d.attrs)></div>
        """
    }

    static func textarea(_ name: String, _ label: String, _ state: FormState, need: Need = .required, hint: String? = nil, rows: Int = 6) -> Markup {
        let d = describedBy(name, state, hint: need.hint(hint))
        let req: Markup = need.isRequired ? " required" : ""
        return """
        <div class="field\(Markup(raw: state.error(name) != nil ? " has-error" : ""))"><label for="\(id(name))">\(label)\(need.mark)</label>\(d.hint)\(d.error)
        <textarea id="\(id(name))" name="\(name)" rows="\(rows)"\(req)\(d.attrs)>\(state[name])</textarea></div>
        """
    }

    /// Options under a heading (`<optgroup>`), or without one when `label` is nil.
    struct OptionGroup {
        let label: String?
        let options: [(value: String, label: String)]
    }

    static func select(_ name: String, _ label: String, _ state: FormState, options: [(value: String, label: String)],
                       need: Need = .required, blank: String? = "Kies…", hint: String? = nil) -> Markup {
        select(name, label, state, groups: [OptionGroup(label: nil, options: options)], need: need, blank: blank, hint: hint)
    }

    static func select(_ name: String, _ label: String, _ state: FormState, groups: [OptionGroup],
                       need: Need = .required, blank: String? = "Kies…", hint: String? = nil) -> Markup {
        let d = describedBy(name, state, hint: need.hint(hint))
        let current = state[name]
        let blankOption: Markup = blank.map { "<option value=\"\">\($0)</option>" } ?? .empty
        let opts = groups.map { group -> Markup in
            let options = group.options.map { o -> Markup in
                "<option value=\"\(o.value)\"\(Markup(raw: o.value == current ? " selected" : ""))>\(o.label)</option>"
            }
            return group.label.map { "<optgroup label=\"\($0)\">\(options)</optgroup>" } ?? "\(options)"
        }
        let req: Markup = need.isRequired ? " required" : ""
        return """
        <div class="field\(Markup(raw: state.error(name) != nil ? " has-error" : ""))"><label for="\(id(name))">\(label)\(need.mark)</label>\(d.hint)\(d.error)
        <select id="\(id(name))" name="\(name)"\(req)\(d.attrs)>\(blankOption)\(opts)</select></div>
        """
    }

    /// A group of checkboxes sharing `name[]`; `selected` holds the checked values.
    static func checkboxes(_ name: String, _ legend: String, _ state: FormState, options: [(value: String, label: String)], selected: Set<String>) -> Markup {
        let d = describedBy(name, state, hint: nil)
        let boxes = options.enumerated().map { i, o -> Markup in
            let boxID = id(name) + "-\(i)"
            return "<div class=\"check\"><input type=\"checkbox\" id=\"\(boxID)\" name=\"\(name)[]\" value=\"\(o.value)\"\(Markup(raw: selected.contains(o.value) ? " checked" : ""))> <label for=\"\(boxID)\">\(o.label)</label></div>"
        }
        return """
        <fieldset class="field\(Markup(raw: state.error(name) != nil ? " has-error" : ""))" id="\(id(name))"\(d.attrs)><legend>\(legend)</legend>\(d.error)\(boxes)</fieldset>
        """
    }

    /// One choice from a short scale, as a fieldset of radio buttons with the error inside it.
    static func radios(_ name: String, _ legend: String, _ state: FormState, options: [(value: String, label: String)], hint: String? = nil) -> Markup {
        let error = state.error(name)
        let hintMarkup: Markup = hint.map { "<p class=\"hint\">\($0)</p>" } ?? .empty
        let buttons = options.map { o -> Markup in
            let fid = id(name) + "-\(o.value)"
            return "<div class=\"check\"><input type=\"radio\" id=\"\(fid)\" name=\"\(name)\" value=\"\(o.value)\"\(Markup(raw: state[name] == o.value ? " checked" : ""))> <label for=\"\(fid)\">\(o.label)</label></div>"
        }
        return """
        <fieldset class="field\(Markup(raw: error != nil ? " has-error" : ""))" id="\(id(name))"><legend>\(legend)</legend>\(hintMarkup)\
        \(error.map { "<p class=\"field-error\"><span class=\"visually-hidden\">Fout: </span>\($0)</p>" as Markup } ?? .empty)\(buttons)</fieldset>
        """
    }

    static func checkbox(_ name: String, _ label: String, checked: Bool) -> Markup {
        "<div class=\"check\"><input type=\"checkbox\" id=\"\(id(name))\" name=\"\(name)\" value=\"on\"\(Markup(raw: checked ? " checked" : ""))> <label for=\"\(id(name))\">\(label)</label></div>"
    }

    /// "7,5" and "7.5" both read as 7.5; empty is nil; anything else is NaN so validation rejects it.
    static func number(_ text: String?) -> Double? {
        guard let text = text?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
        return Double(text.replacingOccurrences(of: ",", with: ".")) ?? .nan
    }
}

extension Request {
    /// The named fields of the submitted form as plain strings, for re-showing what the user typed.
    func formValues(_ names: [String]) -> [String: String] {
        var values: [String: String] = [:]
        for name in names {
            if let value = try? content.get(String.self, at: name) { values[name] = value }
        }
        return values
    }

    /// The named values of the query string that are not empty, for a list's filters.
    func queryValues(_ names: [String]) -> [String: String] {
        var values: [String: String] = [:]
        for name in names {
            if let value = try? query.get(String.self, at: name), !value.isEmpty { values[name] = value }
        }
        return values
    }

    func formList(_ name: String) -> [String] {
        (try? content.get([String].self, at: name)) ?? []
    }
}
