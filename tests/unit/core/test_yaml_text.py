"""The config's YAML is read by libyaml's parser where PyYAML has it, and by the pure-Python
one otherwise and for the error an admin reads: both must read the same document alike."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from core import yaml_text

CONFIG = Path(__file__).resolve().parents[3] / "config"


def _pure_python(text: str) -> object:
    return yaml_text._document(yaml_text._Loader(text))


@pytest.mark.parametrize("name", ["demo.yaml", "keywords.yaml"])
def test_the_shipped_config_reads_the_same_with_either_parser(name: str) -> None:
    text = (CONFIG / name).read_text(encoding="utf-8")
    assert yaml_text.load_yaml(text) == _pure_python(text)


@pytest.mark.skipif(not yaml.__with_libyaml__, reason="PyYAML built without libyaml")
def test_libyaml_reads_times_and_octal_looking_numbers_as_written() -> None:
    text = "open: 8:30\nlong: 8:30:00\ncode: 0700\ncount: 12\nratio: 1.5\n"
    read = yaml_text._document(yaml_text._FastLoader(text))
    assert read == {"open": "8:30", "long": "8:30:00", "code": "0700", "count": 12, "ratio": 1.5}
    assert read == _pure_python(text)


def test_yaml_libyaml_refuses_is_reported_in_the_pure_python_parsers_words() -> None:
    with pytest.raises(yaml.YAMLError, match="found character '\\\\t'"):
        yaml_text.load_yaml("areas:\n\t- {id: a}\n")


def test_the_config_reads_where_pyyaml_was_built_without_libyaml() -> None:
    """A PyYAML built from source without libyaml has no CSafeLoader: the pure-Python parser
    reads the config alone."""
    demo = str(CONFIG / "demo.yaml")
    script = (
        "import sys; sys.modules['yaml._yaml'] = None\n"
        "import yaml; assert not yaml.__with_libyaml__\n"
        "from core.yaml_text import load_yaml\n"
        f"print(load_yaml(open({demo!r}, encoding='utf-8').read())['timezone'])"
    )
    command = [sys.executable, "-c", script]
    done = subprocess.run(command, capture_output=True, text=True, check=False, cwd=CONFIG.parent)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "Asia/Shanghai"
