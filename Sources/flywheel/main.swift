import FlywheelCLI

// large arrays on pages of their own, before any thread starts (MallocThreshold.swift); one
// malloc arena per core (MallocArenas.swift)
MallocThreshold.fixUnlessConfigured()
MallocArenas.capUnlessConfigured()
await FlywheelCLI.main()
