/// The version `dojo --version` prints and `dojo doctor` reports.
public enum AppVersion {
    public static let string = "0.1.0"
}
