/// The `World` target (DESIGN §6). See the files beside this one.
enum WorldModule {}
