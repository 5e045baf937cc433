/// The `Corpora` target (DESIGN §6). See the files beside this one.
enum CorporaModule {}
