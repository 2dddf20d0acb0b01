// PageModelTests.swift and IncrementalBuildTests.swift predate the test split and name no support
// module; re-exporting it here makes ContentTree and buildGraph visible to every file of this target.
@_exported import RoleBookTestSupport
