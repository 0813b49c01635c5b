"""Gap reports: a typed context from the scored results, rendered by Jinja to HTML and PDF."""
