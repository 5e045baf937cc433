import FlywheelCLI

// two malloc arenas for the whole process, before any thread starts (MallocArenas.swift)
MallocArenas.limitUnlessConfigured()
await FlywheelCLI.main()
