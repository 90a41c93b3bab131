"""The built wheel carries its resources and sessions and runs from site-packages."""

from __future__ import annotations

import email.parser
import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def unpacked_wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "build",
            "--wheel",
            "--no-isolation",
            "--outdir",
            str(out),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
        text=True,
    )
    (wheel,) = out.glob("tempo_trainer-*.whl")
    site = out / "site"
    with zipfile.ZipFile(wheel) as archive:
        archive.extractall(site)
    return site


def test_the_wheel_holds_every_variation_and_plan(unpacked_wheel: Path) -> None:
    data = unpacked_wheel / "app" / "_data"
    shipped = {p.name for p in (ROOT / "sessions").glob("*.toml")}
    assert {p.name for p in (data / "sessions").glob("*.toml")} == shipped
    assert len(list((data / "resources" / "variations").glob("*.toml"))) >= 7
    assert not (unpacked_wheel / "resources").exists()  # nothing at the top of site-packages


def test_the_installed_app_finds_its_data_away_from_the_checkout(
    unpacked_wheel: Path, tmp_path: Path
) -> None:
    env = {**os.environ, "PYTHONPATH": str(unpacked_wheel), "TEMPO_TRAINER_DATA_DIR": str(tmp_path)}
    sessions = unpacked_wheel / "app" / "_data" / "sessions"
    probe = subprocess.run(
        [sys.executable, "-c", "import app; print(app.__file__)"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert probe.stdout.startswith(str(unpacked_wheel))
    result = subprocess.run(
        [sys.executable, "-m", "app", "validate", str(sessions)],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    listing = subprocess.run(
        [sys.executable, "-m", "app", "variations"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert "hands-elevated-push-up" in listing.stdout


def test_the_wheel_installs_without_a_compiler(unpacked_wheel: Path) -> None:
    """Every default requirement has wheels; simpleaudio (none) is only the optional extra."""
    (info,) = unpacked_wheel.glob("tempo_trainer-*.dist-info")
    metadata = email.parser.Parser().parsestr((info / "METADATA").read_text(encoding="utf-8"))
    requires = metadata.get_all("Requires-Dist") or []
    default = {re.split(r"[<>=!~;\s]", r)[0].lower() for r in requires if "extra ==" not in r}
    assert default == {"pyside6-essentials", "pyside6-addons", "pyqtgraph", "numpy", "platformdirs"}
    assert "simpleaudio" in (metadata.get_all("Provides-Extra") or [])
    (extra,) = [r for r in requires if r.startswith("simpleaudio")]
    assert "extra == 'simpleaudio'" in extra.replace('"', "'")
    assert "python_version < '3.12'" in extra.replace('"', "'")
    assert not [r for r in requires if "sys_platform" in r or "platform_system" in r]
