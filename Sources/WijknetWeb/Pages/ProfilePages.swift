import Vapor
import WijknetCore
import WijknetStore

/// `/profielen`: zelfredzaamheidprofielen for the analyst — derive a new version from the ZRM
/// assessments of a period (k chosen, or proposed by the silhouette score), read every version
/// with its profiles, and rename them. A profile's centre rests on its assessments, so it passes
/// disclosure control like every other mean: under 10 assessments it is not shown.
enum ProfilePages {
    @Sendable static func overview(req: Request) async throws -> Response {
        try await render(req, FormState())
    }

    static func render(_ req: Request, _ state: FormState, flash: String? = nil) async throws -> Response {
        let sets = try await req.profileService().sets()
        var rows: [ProfileService.DistributionRow] = []
        if let latest = sets.first { rows = try await req.profileService().distribution(version: latest.version) }
        let distribution = distributionSection(sets.first, rows)
        var form = state
        let today = CalendarDate.today()
        if form.values["first"] == nil { form.values["first"] = today.adding(days: -365).description }
        if form.values["last"] == nil { form.values["last"] = today.description }
        let versions = sets.map { set -> Markup in
            let header = LifeDomain.allCases.map { "<th scope=\"col\"><abbr title=\"\($0.label)\">\(short($0))</abbr></th>" as Markup }
            let rows = set.profiles.sorted { $0.number < $1.number }.map { profile -> Markup in
                let centre: [Markup] = DisclosureControl.council.statistic(Statistic(value: 0, cases: profile.size)).isSuppressed
                    ? [#"<td colspan="13">afgeschermd (minder dan 10 metingen)</td>"#]
                    : profile.centre.map { "<td class=\"number\">\(String(format: "%.1f", $0).replacingOccurrences(of: ".", with: ","))</td>" as Markup }
                return """
                <tr><th scope="row">\(profile.number)</th>
                <td><form method="post" action="\(SiteURL.profileName(profile.id!).path)" class="inline">\(Form.csrf(req))
                <label class="visually-hidden" for="naam-\(describing: profile.id!)">Naam van profiel \(profile.number)</label>
                <input id="naam-\(describing: profile.id!)" name="name" value="\(profile.name)" maxlength="\(Limits.shortText)" required>
                <button type="submit">Naam opslaan<span class="visually-hidden"> profiel \(profile.number)</span></button></form></td>
                <td class="number">\(profile.size)</td>\(centre)</tr>
                """
            }
            let silhouettes = set.silhouetteScores
            let proposal: Markup = silhouettes.isEmpty ? "Het aantal profielen is door de analist gekozen." : """
                Het aantal profielen is voorgesteld met de silhouetscore (hoger is beter):
                \(silhouettes.map { "k = \($0.k): \(String(format: "%.3f", $0.score).replacingOccurrences(of: ".", with: ","))" }.joined(separator: "; ")).
                """
            return """
            <section aria-labelledby="versie-\(set.version)"><h2 id="versie-\(set.version)">Versie \(set.version)</h2>
            <p>Afgeleid op \(set.derivedAt.map { CalendarDate($0, calendar: .amsterdam).dutch } ?? "") door \(set.derivedBy.displayName), uit \(set.assessments)
            volledige ZRM-metingen van \(CalendarDate(set.periodFirst)?.dutch ?? set.periodFirst) t/m \(CalendarDate(set.periodLast)?.dutch ?? set.periodLast).
            \(proposal)</p>
            <div class="table-scroll"><table tabindex="0"><caption>Profielen van versie \(set.version): gemiddeld niveau per domein (1 = acute problematiek, 5 = volledig zelfredzaam)</caption>
            <thead><tr><th scope="col">Nr.</th><th scope="col">Naam</th><th scope="col">Metingen</th>\(header)</tr></thead><tbody>\(rows)</tbody></table></div>
            </section>
            """
        }
        let response = Layout.page("Zelfredzaamheidprofielen", req, flash: flash, """
        <h1>Zelfredzaamheidprofielen</h1>
        <p>Profielen groeperen inwoners met hetzelfde patroon in hun ZRM-meting. Wijknet leidt ze af met k-means (vaste startwaarde, dus
        dezelfde metingen geven dezelfde profielen) uit alle volledige ZRM 2017-metingen van een periode; metingen met een domein ‘niet
        gescoord’ tellen niet mee. Elke afleiding is een nieuwe versie: een meting houdt het profiel waarin ze is ingedeeld, en een nieuwe
        meting krijgt het dichtstbijzijnde profiel van de nieuwste versie. De naam is een voorstel op grond van de laagste domeinen; pas hem gerust aan.</p>
        <h2>Nieuwe versie afleiden</h2>
        \(Form.errorSummary(state))
        <form method="post" action="\(SiteURL.profiles.path)" class="narrow" novalidate>\(Form.csrf(req))
        \(Form.text("first", "Metingen vanaf", form, type: "date"))
        \(Form.text("last", "Metingen tot en met", form, type: "date"))
        \(Form.text("k", "Aantal profielen", form, type: "number", need: .optional,
                    hint: "2 tot en met 12; laat leeg voor een voorstel met de silhouetscore (2 tot en met 8)."))
        <button type="submit">Profielen afleiden</button></form>
        <h2>Scores voor onderzoek</h2>
        <p>Alle ZRM 2017-metingen van een periode als CSV, gepseudonimiseerd: geen naam, BSN of notitie; dezelfde inwoner heeft in elk
        bestand hetzelfde pseudoniem. Het downloaden wordt gelogd.</p>
        <form method="get" action="\(SiteURL.profileExport.path)" class="narrow">
        \(Form.text("first", "Metingen vanaf", form, type: "date"))
        \(Form.text("last", "Metingen tot en met", form, type: "date"))
        \(Form.select("separator", "Scheidingsteken", form, options: [("comma", "komma"), ("semicolon", "puntkomma (Nederlandse Excel)")], blank: nil))
        <button type="submit">CSV downloaden</button></form>
        \(distribution)
        \(sets.isEmpty ? "<p>Er zijn nog geen profielen afgeleid.</p>" as Markup : "\(versions)")
        """)
        if !state.errors.isEmpty { response.status = .unprocessableEntity }
        return response
    }

    /// `/profielen/export.csv?first=&last=[&separator=semicolon]`: the pseudonymised score vectors
    /// of a period, for researchers (the API serves the same file).
    /// The latest version's profiles per area and quarter, counts under disclosure control, and
    /// where the change in ZRM scores per network is shown (the effects of track 3).
    static func distributionSection(_ set: ZRMProfileSet?, _ rows: [ProfileService.DistributionRow]) -> Markup {
        guard let set else { return .empty }
        let profiles = set.profiles.sorted { $0.number < $1.number }
        let header = profiles.map { "<th scope=\"col\">\($0.number). \($0.name)</th>" as Markup }
        let body = rows.map { row -> Markup in
            let cells = profiles.map { p -> Markup in
                "<td class=\"number\">\(DisclosureControl.council.count(row.counts[p.number] ?? 0).value.map(String.init) ?? FigureFormat.suppressed)</td>"
            }
            return "<tr><th scope=\"row\">\(row.area)</th><td>\(row.quarter.dutch)</td>\(cells)</tr>"
        }
        return """
        <h2>Verdeling per gebied en kwartaal (versie \(set.version))</h2>
        <p>Het aantal metingen per profiel; aantallen onder de 5 worden niet getoond. Hoe de ZRM-scores per domein veranderen, per
        netwerk en daarbuiten, staat bij de <a href="\(SiteURL.dashboardEffects.path)?measure=zrm">effecten voor inwoners</a>.</p>
        \(rows.isEmpty ? "<p>Er zijn nog geen metingen in deze versie ingedeeld.</p>" as Markup : """
        <div class="table-scroll"><table tabindex="0"><caption>Metingen per profiel, gebied en kwartaal</caption>
        <thead><tr><th scope="col">Gebied</th><th scope="col">Kwartaal</th>\(header)</tr></thead><tbody>\(body)</tbody></table></div>
        """)
        """
    }

    /// The column header of a domain: its first word, the full name in the abbreviation's title.
    static func short(_ domain: LifeDomain) -> String {
        String(domain.label.split(separator: " ").first ?? "")
    }

    @Sendable static func derive(req: Request) async throws -> Response {
        let values = req.formValues(["first", "last", "k"])
        do {
            let set = try await req.profileService().derive(ProfileDerivationInput(first: values["first"], last: values["last"], k: values["k"]))
            return try await render(req, FormState(), flash: "Versie \(set.version) van de profielen is afgeleid.")
        } catch StoreError.invalid(let failure) {
            return try await render(req, FormState(values: values, errors: failure.errors))
        }
    }

    @Sendable static func rename(req: Request) async throws -> Response {
        let values = req.formValues(["name"])
        do {
            _ = try await req.profileService().rename(try req.id(), ProfileNameInput(name: values["name"]))
            return try await render(req, FormState(), flash: "De naam is opgeslagen.")
        } catch StoreError.invalid(let failure) {
            return try await render(req, FormState(values: values, errors: failure.errors.map { FieldError("name", "Profielnaam: \($0.message)") }))
        }
    }
}
