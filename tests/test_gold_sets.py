"""The held-out sets' gold is consistent with its texts (tests/check_gold.py): a gold file whose
names, figures or sentences are not in its document would score the tool against nothing."""
import subprocess
import sys

import pytest

from conftest import ROOT


@pytest.mark.parametrize("name", ["heldout2", "heldout3", "heldout4"])
def test_a_held_out_set_s_gold_matches_its_texts(name):
    done = subprocess.run([sys.executable, str(ROOT / "tests" / "check_gold.py"), str(ROOT / "tests" / name)],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and done.stdout.splitlines()[-1] == "errors: 0", done.stdout


def test_a_gold_file_that_names_what_its_text_does_not_is_an_error(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "gold").mkdir()
    (tmp_path / "docs" / "a.txt").write_text("Wheat prices rise\n\nThe ministry said prices would rise.\n")
    (tmp_path / "gold" / "a.json").write_text(
        '{"doc": "a.txt", "title": "Rice prices fall", "published": null, "officials": [], "not_officials": [],'
        ' "bodies": [], "industries": [], "figures": [], "claims": [], "notes": ""}')
    done = subprocess.run([sys.executable, str(ROOT / "tests" / "check_gold.py"), str(tmp_path)],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 1 and done.stdout.splitlines()[-1] == "errors: 1"
