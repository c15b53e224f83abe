/// Accessible tables without long lines of HTML: a caption (shown, or for screen readers only),
/// column headings with `scope`, and rows whose cells are escaped like every `Markup`. Every table
/// takes the keyboard focus (`tabindex="0"`): on a narrow screen it scrolls sideways by itself.
enum Table {
    enum Caption {
        case shown(Markup)
        /// Read by screen readers; the page's heading already names the table for sighted users.
        case hidden(Markup)
    }

    static func make(_ caption: Caption, columns: [Markup], rows: [Markup]) -> Markup {
        let captionHTML: Markup = switch caption {
        case .shown(let text): "<caption>\(text)</caption>"
        case .hidden(let text): "<caption class=\"visually-hidden\">\(text)</caption>"
        }
        let heads = columns.map { "<th scope=\"col\">\($0)</th>" as Markup }
        return "<table tabindex=\"0\">\(captionHTML)<thead><tr>\(heads)</tr></thead><tbody>\(rows)</tbody></table>"
    }

    /// A column heading read by screen readers only, for a column of buttons or links.
    static func hiddenColumn(_ text: String) -> Markup { "<span class=\"visually-hidden\">\(text)</span>" }

    /// A row of data cells.
    static func row(_ cells: [Markup]) -> Markup {
        "<tr>\(cells.map { "<td>\($0)</td>" as Markup })</tr>"
    }

    /// A row headed by its first cell, with the figures right-aligned.
    static func numberRow(_ heading: Markup, _ numbers: [Markup]) -> Markup {
        "<tr><th scope=\"row\">\(heading)</th>\(numbers.map { "<td class=\"number\">\($0)</td>" as Markup })</tr>"
    }
}
