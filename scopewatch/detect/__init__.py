"""Rules plus spaCy matching: find the client's requests and judge each against the agreement."""
