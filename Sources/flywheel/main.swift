import FlywheelCLI

// large arrays on pages of their own, before any thread starts (MallocThreshold.swift)
MallocThreshold.fixUnlessConfigured()
await FlywheelCLI.main()
