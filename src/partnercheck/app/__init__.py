"""Application services between the CLI and the engine: settings, files, runs, output."""
