import Engine
import FlywheelCore

extension ArmSpec {
    /// Whether this arm collects agent feedback of `kind` (``EngineArm/collects(_:retrain:vendorLabelled:signals:)``).
    public func collects(_ kind: SignalKind) -> Bool {
        EngineArm.collects(kind, retrain: retrain, vendorLabelled: labelling != nil, signals: Set(signals))
    }
}
