// The `RoleBook` library product: one import for the CLI, serve, import, bench and fuzz targets.
// The layers stay separate targets underneath, so each layer sees only the layers below it.
@_exported import RoleBookModel
@_exported import RoleBookParsing
@_exported import RoleBookSite
@_exported import RoleBookSearch
@_exported import RoleBookBuild
