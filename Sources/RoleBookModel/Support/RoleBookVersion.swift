/// The version `rolebook --version` prints and SARIF reports as `tool.driver.version`.
package enum RoleBookVersion {
    package static let current = "0.1.0"
}
