"""Random and adversarial text never crashes the pipeline, and every offset points inside the text."""
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extract.pipeline import extract
from extract.readers import RawDocument

ADVERSARIAL = st.one_of(
    st.text(min_size=1, max_size=400),
    st.text(alphabet="0123456789,.% $¥€", min_size=1, max_size=200),
    st.builds(lambda w: " ".join(w) + ".", st.lists(st.sampled_from(
        ["Li", "said", "“", '"', "the", "SPP", "Ministry", "of", "Finance", "300", "million", "yuan", "\n", "Xi.He",
         "中国", "\x00", "\x07", "(", ")", "vowed", "he", "will", "percent", "Gong", "deputy", "director", ","]),
        min_size=1, max_size=300)),
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=ADVERSARIAL)
def test_pipeline_never_crashes_and_offsets_stay_inside(nlp, text):
    record = extract(RawDocument("h.txt", "h.txt", text, "x"), nlp)
    spans = list(record.sentences) + [f.span for f in record.figures] + [c.content for c in record.claims if c.content]
    spans += [m for group in (record.bodies, record.people, record.industries) for e in group for m in e.mentions]
    for span in spans:
        assert 0 <= span.start <= span.end <= len(text)
        assert text[span.start:span.end] == span.text
