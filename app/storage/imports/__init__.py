"""Reading other workout apps' exports (Strong, Hevy, FitNotes, Fitbod) into the log."""
