import FlywheelCore
import Foundation

/// Plugin processes kept between jobs (protocol version 2, docs/protocol.md "Versions"): when a
/// job's last model lets go of its plugin, a version-2 plugin waits here instead of being shut
/// down, and the next job of the run with the same command takes it and sends `reset`. A run
/// with `--jobs N` so keeps at most N processes per process stage, each serving one job after
/// another; a version-1 plugin (or `process.reuse: false`) still gets a process per job.
///
/// Which process serves which job depends on timing, so a plugin must answer a `reset` exactly
/// as a new process answers a `hello`; each job's requests are the same bytes whichever process
/// gets them (``PluginChannel/beginSession()``). One pool per run (``ScenarioAssembly``); the
/// idle processes are shut down when it goes (or at ``shutDown()``).
public final class PluginPool: Sendable {
    private let idle = Locked([PluginCommand: [PluginChannel]]())

    public init() {}

    deinit { shutDown() }

    /// An idle process started with `command`, if there is one (the most recently returned).
    func take(_ command: PluginCommand) -> PluginChannel? {
        idle.withLock { $0[command]?.popLast() }
    }

    /// Keeps `channel` for the next job, unless it failed or exited (then it is let go).
    func give(_ channel: PluginChannel) {
        guard channel.isReusable else { return }
        idle.withLock { $0[channel.command, default: []].append(channel) }
    }

    /// How many processes wait for a job.
    public var idleCount: Int {
        idle.withLock { $0.values.reduce(0) { $0 + $1.count } }
    }

    /// Shuts every idle process down (each gets `shutdown` and is reaped).
    public func shutDown() {
        let channels = idle.withLock { idle in
            defer { idle = [:] }
            return idle
        }
        _ = channels  // the last references: each channel's deinit sends `shutdown` and waits
    }
}

/// One job's hold on a plugin process: every model of the job shares it, and when the last one
/// goes the process returns to the pool (version 2 and reuse allowed) or is shut down.
final class PluginSession: Sendable {
    let channel: PluginChannel
    /// Where the process goes after the job; nil: it is shut down.
    let pool: PluginPool?

    init(channel: PluginChannel, pool: PluginPool?) {
        self.channel = channel
        self.pool = pool
    }

    deinit { pool?.give(channel) }
}
