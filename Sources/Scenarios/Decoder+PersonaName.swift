import FlywheelCore
import World

extension Decoder {
    /// Reports a persona name that is not a plain file name in the persona folder (no `/`, no
    /// leading `.`), so `../x` cannot reach outside it.
    func requirePersonaName(_ name: String, _ key: String) throws {
        guard !ContainedPath.isPlainName(name) else { return }
        try report(
            key, "'\(name)' is not a persona name: the file `<personas>/<name>.yaml` (no '/', not starting with '.')")
    }
}
