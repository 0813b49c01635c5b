"""Pure, strict pydantic models of ogmp's files; no I/O here."""
