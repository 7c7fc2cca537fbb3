"""Fixtures for component tests: the project's merged domain (domain.yml + data/responses)."""

from __future__ import annotations

from functools import lru_cache

import pytest
from rasa.shared.core.domain import Domain
from rasa.shared.importers.importer import TrainingDataImporter

from tests.conftest import PROJECT_ROOT


@lru_cache(maxsize=1)
def project_domain() -> Domain:
    importer = TrainingDataImporter.load_from_config(
        str(PROJECT_ROOT / "config.yml"), str(PROJECT_ROOT / "domain.yml"), [str(PROJECT_ROOT / "data")]
    )
    return importer.get_domain()


@pytest.fixture()
def domain() -> Domain:
    return project_domain()
