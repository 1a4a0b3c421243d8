// placeholder: the ingest helper writes the real tests
