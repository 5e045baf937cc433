/// The version a results store records for the runs it holds.
public enum FlywheelVersion {
    public static let current = "0.1.0"
}
