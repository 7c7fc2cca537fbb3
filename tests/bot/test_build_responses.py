"""data/responses/ is generated from bot/ and must be current."""

from __future__ import annotations

from bot.build_responses import generated_files


def test_generated_response_files_are_up_to_date() -> None:
    for path, content in generated_files().items():
        assert path.exists(), f"{path} is missing: run `make responses`"
        assert path.read_text(encoding="utf-8") == content, f"{path} is stale: run `make responses`"
