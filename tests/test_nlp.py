"""extract.nlp: the pipeline from its config, with settings overridden by dotted path."""
import pytest

from extract.nlp import list_settings, load


def test_list_settings_name_every_data_file_setting():
    settings = list_settings()
    assert settings["components.policykg_bodies.gazetteer"] == ""
    assert settings["components.policykg_people.posts"] == ""
    assert set(settings.values()) == {""}


def test_without_the_gazetteer_a_listed_body_is_not_known_by_name():
    text = "The Supreme People's Procuratorate said on Monday it approved 120 arrests."
    listed = load()(text)._.pkg_bodies
    bare = load(overrides={"components.policykg_bodies.gazetteer": ""})(text)._.pkg_bodies
    assert listed["cn-spp"]["kind"] == "procuratorate"  # the gazetteer's entry, by its key
    assert "cn-spp" not in bare


def test_an_unknown_setting_is_refused():
    with pytest.raises(ValueError, match="no such setting: components.nope.x"):
        load(overrides={"components.nope.x": ""})


def test_a_sentence_never_starts_after_a_word_with_no_stop():
    # the parser alone cut this one between the post and the name
    text = ("Rice is the backbone of the national economy, and farmers are its soul, Union Agriculture and "
            "Farmers Welfare Minister Shivraj Singh Chouhan said on June 16 in Bhopal.\nCrop prices\n"
            "The ministry said.He added that prices would rise.")
    assert [s.text for s in load()(text).sents] == [
        "Rice is the backbone of the national economy, and farmers are its soul, Union Agriculture and "
        "Farmers Welfare Minister Shivraj Singh Chouhan said on June 16 in Bhopal.\n",
        "Crop prices\n", "The ministry said.", "He added that prices would rise."]
