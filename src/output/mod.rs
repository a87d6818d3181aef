//! Renderers (table, json, ndjson, tsv, value) and the output views.
