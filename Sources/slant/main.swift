import SlantCLI

await SlantEntry.main()
