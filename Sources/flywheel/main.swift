import FlywheelCLI

await FlywheelCLI.main()
