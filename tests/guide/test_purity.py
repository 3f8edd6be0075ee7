"""The engine, the validator and the diagram are plain Python: importing them loads no Django."""

import subprocess
import sys


def test_it_imports_the_pure_modules_without_django():
    code = (
        "import sys, kb.guide.engine, kb.guide.validate, kb.guide.diagram\n"
        "bad = sorted(m for m in sys.modules if m.startswith('django') or m.endswith('.models'))\n"
        "print(','.join(bad)); sys.exit(1 if bad else 0)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, f"pure modules imported: {result.stdout} {result.stderr}"
