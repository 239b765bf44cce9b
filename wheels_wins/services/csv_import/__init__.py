"""Bank-statement CSV import: upload a draft, preview and adjust it, then commit it in one transaction.

The UI and the REST API both call these functions with an open session; none of them commits.

    preview = create_draft(session, user_id=..., filename="march.csv", content=data)
    preview = update_draft(session, user_id=..., draft_id=preview.id, mapping={"amount": 3})
    result = commit_draft(session, user_id=..., draft_id=preview.id, categories={17: "dining"})

Long previews and commits take `progress(rows_done, rows_total)`, called after each chunk of
1,000 rows from the thread doing the work; a background event can run the call in a worker
thread (one `session_scope()` inside it) and copy the latest figures into state as they arrive.
Errors that concern the whole file or a requested change raise `CsvImportError` (`code`, `message`,
and `field` when one is to blame); a bad line never raises: its row carries `error` instead.
"""

from wheels_wins.repositories.imports import DraftSummary
from wheels_wins.services.csv_import.categorise import guess_merchant, normalise_keyword
from wheels_wins.services.csv_import.drafts import (
    MAX_DRAFTS,
    CommitResult,
    commit_draft,
    create_draft,
    discard_draft,
    get_preview,
    list_drafts,
    update_draft,
)
from wheels_wins.services.csv_import.mapping import ColumnMapping
from wheels_wins.services.csv_import.preview import DetectedSettings, ImportPreview
from wheels_wins.services.csv_import.reading import DELIMITERS, ENCODINGS, MAX_FILE_BYTES, CsvImportError
from wheels_wins.services.csv_import.rows import PreviewCounts, PreviewRow, ProgressCallback
from wheels_wins.services.csv_import.rules import delete_rule, list_rules, save_rule
from wheels_wins.services.csv_import.values import DATE_FORMATS, parse_amount

__all__ = [
    "DATE_FORMATS",
    "DELIMITERS",
    "ENCODINGS",
    "MAX_DRAFTS",
    "MAX_FILE_BYTES",
    "ColumnMapping",
    "CommitResult",
    "CsvImportError",
    "DetectedSettings",
    "DraftSummary",
    "ImportPreview",
    "PreviewCounts",
    "PreviewRow",
    "ProgressCallback",
    "commit_draft",
    "create_draft",
    "delete_rule",
    "discard_draft",
    "get_preview",
    "guess_merchant",
    "list_drafts",
    "list_rules",
    "normalise_keyword",
    "parse_amount",
    "save_rule",
    "update_draft",
]
