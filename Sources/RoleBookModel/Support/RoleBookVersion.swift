/// The version `rolebook --version` prints and SARIF reports as `tool.driver.version`.
public enum RoleBookVersion {
    public static let current = "0.1.0"
}
