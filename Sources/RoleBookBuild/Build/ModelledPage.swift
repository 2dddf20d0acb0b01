import RoleBookModel
import RoleBookSite

/// A page built from its ``PageModel``: its fingerprint is the model's hash, so whatever its
/// renderer reads decides whether it is rendered again. The A–Z index (every role's title: its
/// model would be as large as the page) and the search page render on every build.
enum ModelledPage {
    case role(RolePageModel)
    case department(DepartmentPageModel)
    case procedure(ProcedurePageModel)
    case procedureSheet(ProcedureSheetModel)
    case weekSheet(ProcedureSheetModel)
    case roleSheet(RoleSheetModel)
    case home(HomePageModel)
    case procedureIndex(ProcedureIndexModel)
    case checklistIndex(ChecklistIndexModel)

    init?(_ route: Route, site: SiteMap) {
        switch route {
        case .role(let i): self = .role(RolePageModel(site: site, index: i))
        case .department(let i): self = .department(DepartmentPageModel(site: site, index: i))
        case .procedure(let i): self = .procedure(ProcedurePageModel(site: site, index: i))
        case .checklist(let i): self = .procedureSheet(ProcedureSheetModel(site: site, index: i))
        case .weekChecklist(let i): self = .weekSheet(ProcedureSheetModel(site: site, index: i))
        case .roleChecklist(let i): self = .roleSheet(RoleSheetModel(site: site, index: i))
        case .home: self = .home(HomePageModel(site: site))
        case .procedureIndex: self = .procedureIndex(ProcedureIndexModel(site: site))
        case .checklistIndex: self = .checklistIndex(ChecklistIndexModel(site: site))
        case .az, .search: return nil
        }
    }

    /// The model's hash seeded with the settings and renderer (`global`), and the page kind, so two
    /// kinds of page sharing a model type never share a fingerprint.
    func fingerprint(global: UInt64) -> UInt64 {
        switch self {
        case .role(let m): m.fingerprint(global: StableHash.combine(global, 1))
        case .department(let m): m.fingerprint(global: StableHash.combine(global, 2))
        case .procedure(let m): m.fingerprint(global: StableHash.combine(global, 3))
        case .procedureSheet(let m): m.fingerprint(global: StableHash.combine(global, 4))
        case .weekSheet(let m): m.fingerprint(global: StableHash.combine(global, 5))
        case .roleSheet(let m): m.fingerprint(global: StableHash.combine(global, 6))
        case .home(let m): m.fingerprint(global: StableHash.combine(global, 7))
        case .procedureIndex(let m): m.fingerprint(global: StableHash.combine(global, 8))
        case .checklistIndex(let m): m.fingerprint(global: StableHash.combine(global, 9))
        }
    }

    func render(_ context: PageContext) -> String {
        switch self {
        case .role(let m): RolePage(context: context, model: m).render()
        case .department(let m): DepartmentPage(context: context, model: m).render()
        case .procedure(let m): ProcedurePage(context: context, model: m).render()
        case .procedureSheet(let m): ChecklistPages(context: context).procedureSheet(m)
        case .weekSheet(let m): ChecklistPages(context: context).weekSheet(m)
        case .roleSheet(let m): ChecklistPages(context: context).roleSheet(m)
        case .home(let m): HomePage(context: context).render(m)
        case .procedureIndex(let m): IndexPages(context: context).proceduresPage(m)
        case .checklistIndex(let m): ChecklistPages(context: context).index(m)
        }
    }
}
