"""A backend worker loads the heavy SDKs (AI providers, Supabase, edge-tts) only once they are configured or used.

Each costs 25-70 MB per worker; the issue's aim is a worker under 250 MB.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HEAVY = ("anthropic", "openai", "google.genai", "supabase", "edge_tts")
PROBE = f"""
import json, sys
import wheels_wins.wheels_wins
from wheels_wins.pam.providers.registry import configured_providers
from wheels_wins.settings import get_settings
providers = [type(p).__name__ for p in configured_providers(get_settings())]
print(json.dumps({{"providers": providers, "loaded": [m for m in {HEAVY!r} if m in sys.modules]}}))
"""


def _probe(**env: str) -> dict[str, list[str]]:
    clean = {k: v for k, v in os.environ.items() if not k.endswith("_API_KEY") and not k.startswith("SUPABASE_")}
    result = subprocess.run(
        [sys.executable, "-c", PROBE], cwd=ROOT, env={**clean, **env}, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_without_keys_no_heavy_sdk_is_imported() -> None:
    assert _probe() == {"providers": ["LocalEngine"], "loaded": []}


def test_a_configured_provider_loads_its_sdk_and_only_its_own() -> None:
    found = _probe(ANTHROPIC_API_KEY="sk-test")
    assert found == {"providers": ["AnthropicProvider", "LocalEngine"], "loaded": ["anthropic"]}
